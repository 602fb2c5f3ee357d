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

/// The demo's posts of its first profile, and two more with every field of a post set, for the
/// column layout of report files.
fn report_data_of(ws: &linimasa::domain::Workspace) -> Vec<linimasa::domain::Post> {
    use linimasa::domain::{BatchId, Post, PostFormat, PostId};
    let profile = ws.profiles[0].id.clone();
    let mut posts: Vec<Post> = ws
        .posts
        .iter()
        .filter(|p| p.profile == profile)
        .cloned()
        .collect();
    // Every field (a struct literal: a field added to posts makes this test name it).
    posts.push(Post {
        id: PostId("1234567890123456789012".into()),
        profile: ws.profiles[1].id.clone(),
        published: chrono::DateTime::parse_from_rfc3339("2026-03-01T23:59:58.125-03:30").unwrap(),
        format: PostFormat::Carousel,
        text: "\"quoted\" <b>teks</b>\n🙂".into(),
        permalink: None,
        metrics: [
            (Metric::Reach, 12.0),
            (Metric::Spend, 1234.5),
            (Metric::Comments, 0.0),
            (Metric::Impressions, 9.007e15),
        ]
        .into(),
        promoted: true,
        batch: Some(BatchId("batch-7".into())),
    });
    // Permalinks sharing a beginning, one of them up to the middle of a character (é, è).
    for (n, link) in ["https://example.com/p/é1", "https://example.com/p/è2"]
        .into_iter()
        .enumerate()
    {
        let mut post = posts[0].clone();
        post.id = PostId(format!("link-{n}"));
        post.permalink = Some(link.into());
        posts.push(post);
    }
    posts.push(Post {
        id: PostId("x".into()),
        profile,
        published: chrono::DateTime::parse_from_rfc3339("2026-03-02T00:00:00+07:00").unwrap(),
        format: PostFormat::Text,
        text: String::new(),
        permalink: Some("https://example.com/x".into()),
        metrics: Default::default(),
        promoted: false,
        batch: None,
    });
    posts
}

#[test]
fn a_report_file_carries_its_posts_in_columns_and_restores_every_field() {
    use linimasa::domain::report::ReportData;
    use linimasa::storage::migrate::write_report_file;
    let ws = demo();
    let posts = report_data_of(&ws);
    let mut rest = ws.clone();
    rest.posts.clear();
    let data = ReportData {
        workspace: rest.clone(),
        posts: posts.iter().collect(),
    };
    let mut file = Vec::new();
    write_report_file(&data, &mut file).unwrap();
    let text = String::from_utf8(file.clone()).unwrap();
    assert!(text.contains(r#""posts":{"layout":"columns""#));
    assert!(text.contains(",12,"), "whole numbers");
    assert!(
        text.contains(r#"2"]"#),
        "a permalink written after the beginning it shares"
    );
    let mut restored = restore_file(&file).unwrap().workspace;
    // The restore path keeps posts in its own order.
    let key = |p: &linimasa::domain::Post| (p.profile.clone(), p.id.clone());
    let mut expected = posts.clone();
    expected.sort_by_key(key);
    restored.posts.sort_by_key(key);
    assert_eq!(restored.posts, expected);
    restored.posts.clear();
    assert_eq!(restored, rest);
    assert!(text.contains(r#""formats":["#), "formats listed once");
    assert!(
        text.contains(r#""batches":["batch-7"]"#),
        "batches listed once"
    );

    // Posts of one zone write its offset once; without batches there is no batch column; a
    // profile's post IDs are written after the beginning they share.
    let same_zone: Vec<&linimasa::domain::Post> = posts
        .iter()
        .filter(|p| p.published.offset().local_minus_utc() == 7 * 3600 && p.batch.is_none())
        .collect();
    assert!(same_zone.len() > 2);
    let data = ReportData {
        workspace: rest.clone(),
        posts: same_zone.clone(),
    };
    let mut file = Vec::new();
    write_report_file(&data, &mut file).unwrap();
    let text = String::from_utf8(file.clone()).unwrap();
    assert!(text.contains(r#""offset":25200,"#), "one offset");
    let doc: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert!(
        doc["workspace"]["posts"].get("batch").is_none(),
        "no batch column"
    );
    let ids = doc["workspace"]["posts"]["id"].as_array().unwrap();
    assert!(ids[0].is_string() && ids[1].is_array(), "{:?}", &ids[..2]);
    let mut restored = restore_file(&file).unwrap().workspace.posts;
    restored.sort_by_key(key);
    let mut expected: Vec<_> = same_zone.into_iter().cloned().collect();
    expected.sort_by_key(key);
    assert_eq!(restored, expected);
}

#[test]
fn a_report_file_of_an_older_version_with_posts_as_objects_still_restores() {
    use base64::Engine;
    use std::io::Write;
    let ws = demo();
    let mut deflate = flate2::write::DeflateEncoder::new(Vec::new(), flate2::Compression::fast());
    deflate.write_all(&export_file(&ws)).unwrap();
    let packed = base64::engine::general_purpose::STANDARD.encode(deflate.finish().unwrap());
    let html = format!(
        r#"<!DOCTYPE html><html><body><p>old</p><script type="application/json" id="linimasa-data">{{"format":"linimasa-report-data","encoding":"deflate+base64","workspace":"{packed}"}}</script></body></html>"#
    );
    assert_eq!(restore_file(html.as_bytes()).unwrap().workspace, ws);
}

#[test]
fn damaged_post_columns_are_refused_with_the_field_and_row() {
    use linimasa::domain::report::ReportData;
    use linimasa::storage::migrate::write_report_file;
    let ws = demo();
    let posts = report_data_of(&ws);
    let mut rest = ws.clone();
    rest.posts.clear();
    let data = ReportData {
        workspace: rest,
        posts: posts.iter().collect(),
    };
    let mut file = Vec::new();
    write_report_file(&data, &mut file).unwrap();
    let mut doc: serde_json::Value = serde_json::from_slice(&file).unwrap();
    let columns = &mut doc["workspace"]["posts"];
    columns["profile"][1] = serde_json::json!(99);
    match restore_file(doc.to_string().as_bytes()) {
        Err(RestoreError::Invalid { path, .. }) => assert_eq!(path, "posts.profile[1]"),
        other => panic!("expected a refusal, got {other:?}"),
    }
    let columns = &mut doc["workspace"]["posts"];
    columns["profile"][1] = serde_json::json!(0);
    columns["format"][3] = serde_json::json!(7);
    match restore_file(doc.to_string().as_bytes()) {
        Err(RestoreError::Invalid { path, .. }) => assert_eq!(path, "posts.format[3]"),
        other => panic!("expected a refusal, got {other:?}"),
    }
    let columns = &mut doc["workspace"]["posts"];
    columns["format"][3] = serde_json::json!(0);
    let id = columns["id"][1].clone();
    columns["id"][1] = serde_json::json!([64, "x"]);
    match restore_file(doc.to_string().as_bytes()) {
        Err(RestoreError::Invalid { path, .. }) => assert_eq!(path, "posts.id[1]"),
        other => panic!("expected a refusal, got {other:?}"),
    }
    let columns = &mut doc["workspace"]["posts"];
    columns["id"][1] = id;
    columns["permalink"][2] = serde_json::json!([999, "x"]);
    match restore_file(doc.to_string().as_bytes()) {
        Err(RestoreError::Invalid { path, .. }) => assert_eq!(path, "posts.permalink[2]"),
        other => panic!("expected a refusal, got {other:?}"),
    }
    let columns = &mut doc["workspace"]["posts"];
    columns["permalink"][2] = serde_json::Value::Null;
    columns["text"].as_array_mut().unwrap().pop();
    match restore_file(doc.to_string().as_bytes()) {
        Err(RestoreError::Invalid { path, detail }) => {
            assert_eq!(path, "posts.text");
            assert!(detail.contains("for"), "{detail}");
        }
        other => panic!("expected a refusal, got {other:?}"),
    }
}
