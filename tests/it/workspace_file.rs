use linimasa::domain::merge::merge;
use linimasa::domain::{Metric, Platform};
use linimasa::storage::migrate::{RestoreError, SCHEMA, export_file, restore_file};

use crate::{demo, fixture};

#[test]
fn export_then_restore_gives_the_same_workspace() {
    let ws = demo();
    let restored = restore_file(&export_file(&ws)).unwrap();
    assert_eq!(restored.from_schema, SCHEMA);
    assert_eq!(restored.workspace, ws);
}

#[test]
fn a_schema_1_file_is_migrated() {
    let restored = restore_file(&fixture("workspace/v1-minimal.json")).unwrap();
    assert_eq!(restored.from_schema, 1);
    let ws = restored.workspace;
    assert_eq!(ws.info.name, "Warung Kopi Lama");
    assert_eq!(ws.info.time_zone, "Asia/Jakarta");
    assert_eq!(ws.profiles.len(), 2);
    let rival = ws
        .profiles
        .iter()
        .find(|p| p.id.as_str() == "ig-rival")
        .unwrap();
    assert!(rival.competitor);
    assert_eq!(rival.platform, Platform::Instagram);
    let post = ws
        .posts
        .iter()
        .find(|p| p.id.as_str() == "1234567890123456789")
        .unwrap();
    assert_eq!(post.metrics[&Metric::Reactions], 120.0);
    assert_eq!(post.metrics[&Metric::Reach], 2400.0);
    assert!(
        !post.metrics.contains_key(&Metric::Impressions),
        "null is not zero"
    );
    assert_eq!(post.published.to_rfc3339(), "2019-06-01T03:15:00+00:00");
}

#[test]
fn damaged_files_are_refused_with_a_reason() {
    let good = export_file(&demo());
    let cut = &good[..good.len() / 2];
    assert!(matches!(
        restore_file(cut),
        Err(RestoreError::NotJson { line: 1, .. })
    ));
    assert_eq!(
        restore_file(b"{\"hello\": 1}").unwrap_err(),
        RestoreError::NotWorkspace
    );
    assert_eq!(
        restore_file(b"[1,2]").unwrap_err(),
        RestoreError::NotWorkspace
    );
    assert_eq!(
        restore_file(br#"{"format":"linimasa-workspace","schema":99,"workspace":{}}"#).unwrap_err(),
        RestoreError::Newer { schema: 99 }
    );
    let bad_date = String::from_utf8(good.clone()).unwrap().replacen(
        "\"published\":\"",
        "\"published\":\"not-a-date",
        1,
    );
    match restore_file(bad_date.as_bytes()) {
        Err(RestoreError::Invalid { path, .. }) => assert!(path.ends_with("].published"), "{path}"),
        other => panic!("expected an invalid value, got {other:?}"),
    }
}

#[test]
fn a_post_of_an_unknown_profile_is_inconsistent() {
    let mut ws = demo();
    ws.profiles.retain(|p| p.id.as_str() != "x-main");
    let err = restore_file(&export_file(&ws)).unwrap_err();
    assert!(
        matches!(err, RestoreError::Inconsistent(ref m) if m.contains("x-main")),
        "{err:?}"
    );
}

#[test]
fn merging_an_old_file_into_the_demo_adds_its_records() {
    let mut ws = demo();
    let before = ws.counts();
    let old = restore_file(&fixture("workspace/v1-minimal.json"))
        .unwrap()
        .workspace;
    let summary = merge(&mut ws, old);
    assert_eq!(summary.added, 4);
    assert_eq!(ws.counts().profiles, before.profiles + 2);
    assert_eq!(ws.counts().posts, before.posts + 2);
}
