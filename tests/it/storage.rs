use futures::executor::block_on;
use linimasa::domain::{PlanStatus, WorkspaceId};
use linimasa::storage::memory::MemoryStore;
use linimasa::storage::records::Kind;
use linimasa::storage::{ChunkQuery, Store, StoreError, workspace};

use crate::demo;

#[test]
fn a_saved_workspace_loads_back_equal() {
    let store = MemoryStore::new();
    let ws = demo();
    block_on(workspace::save(&store, &ws)).unwrap();
    let loaded = block_on(workspace::load(&store, &ws.info.id))
        .unwrap()
        .unwrap();
    assert_eq!(loaded, ws);
    let listed = block_on(workspace::list(&store)).unwrap();
    assert_eq!(listed.len(), 1);
    assert_eq!(listed[0].name, "Kopi Nusantara");
}

#[test]
fn posts_are_chunked_by_profile_and_month_and_read_by_range() {
    let store = MemoryStore::new();
    let ws = demo();
    block_on(workspace::save(&store, &ws)).unwrap();
    let query = ChunkQuery {
        ws: ws.info.id.0.clone(),
        kind: Kind::Post.slug().into(),
        partition: Some("ig-main".into()),
        from: Some("2026-09".into()),
        to: Some("2026-10".into()),
    };
    let chunks = block_on(store.chunks(&query)).unwrap();
    assert_eq!(chunks.len(), 2);
    let expected = ws
        .posts
        .iter()
        .filter(|p| p.profile.as_str() == "ig-main")
        .filter(|p| {
            let m = p.published.format("%Y-%m").to_string();
            m == "2026-09" || m == "2026-10"
        })
        .count();
    let stored: u32 = chunks.iter().map(|(_, b)| b.count).sum();
    assert_eq!(stored as usize, expected);
}

#[test]
fn saving_again_replaces_instead_of_adding() {
    let store = MemoryStore::new();
    let mut ws = demo();
    block_on(workspace::save(&store, &ws)).unwrap();
    ws.posts.truncate(10);
    block_on(workspace::save(&store, &ws)).unwrap();
    let loaded = block_on(workspace::load(&store, &ws.info.id))
        .unwrap()
        .unwrap();
    assert_eq!(loaded.posts.len(), 10);
}

#[test]
fn a_full_store_refuses_the_write_and_keeps_what_it_had() {
    let ws = demo();
    let store = MemoryStore::with_quota(200_000);
    let mut small = linimasa::domain::Workspace::empty(ws.info.clone());
    small.profiles = ws.profiles.clone();
    small.plan = ws.plan.clone();
    block_on(workspace::save(&store, &small)).unwrap();
    let used = store.used();
    assert_eq!(
        block_on(workspace::save(&store, &ws)),
        Err(StoreError::QuotaExceeded)
    );
    assert_eq!(store.used(), used);
    let loaded = block_on(workspace::load(&store, &ws.info.id))
        .unwrap()
        .unwrap();
    assert_eq!(loaded, small);
}

#[test]
fn planned_posts_are_saved_and_removed_without_touching_the_rest() {
    let store = MemoryStore::new();
    let ws = demo();
    block_on(workspace::save(&store, &ws)).unwrap();
    let mut item = ws.plan[3].clone();
    item.status = PlanStatus::Approved;
    item.title = "Diubah".into();
    let removed = ws.plan[0].id.clone();
    block_on(workspace::save_plan(
        &store,
        &ws.info.id,
        std::slice::from_ref(&item),
        std::slice::from_ref(&removed),
    ))
    .unwrap();
    let loaded = block_on(workspace::load(&store, &ws.info.id))
        .unwrap()
        .unwrap();
    assert_eq!(loaded.plan.len(), ws.plan.len() - 1);
    assert!(loaded.plan.iter().all(|p| p.id != removed));
    assert_eq!(loaded.plan.iter().find(|p| p.id == item.id), Some(&item));
    assert_eq!(loaded.posts, ws.posts);
}

#[test]
fn an_unknown_workspace_loads_as_none_and_delete_removes_everything() {
    let store = MemoryStore::new();
    let ws = demo();
    assert_eq!(
        block_on(workspace::load(&store, &WorkspaceId::from("nope"))).unwrap(),
        None
    );
    block_on(workspace::save(&store, &ws)).unwrap();
    block_on(workspace::delete(&store, &ws.info.id)).unwrap();
    assert_eq!(store.used(), 0);
    assert_eq!(
        block_on(workspace::load(&store, &ws.info.id)).unwrap(),
        None
    );
}

#[test]
fn the_fast_and_the_careful_restore_paths_agree() {
    use linimasa::storage::migrate::{Found, restore};
    use linimasa::storage::records::workspace_ops;
    use linimasa::storage::{Body, Op};
    let ws = crate::demo();
    let bodies: Vec<(Kind, Body, bool)> = workspace_ops(&ws)
        .into_iter()
        .filter_map(|op| match op {
            Op::PutRecord(key, body) => Some((Kind::from_slug(&key.kind)?, body, false)),
            Op::PutChunk(key, body) => Some((Kind::from_slug(&key.kind)?, body, true)),
            _ => None,
        })
        .collect();
    let (mut fast, mut careful) = (Found::default(), Found::default());
    for (kind, body, chunk) in &bodies {
        fast.push_raw(*kind, body.version, body.bytes.clone(), *chunk, "k");
        careful
            .push_bytes(*kind, body.version, &body.bytes, *chunk, "k")
            .unwrap();
    }
    let fast = restore(fast).unwrap();
    assert_eq!(fast, restore(careful).unwrap());
    assert_eq!(fast, ws);

    // A damaged stored value falls back to the careful path, which says where it is.
    let mut damaged = Found::default();
    for (kind, body, chunk) in &bodies {
        let bytes = if *kind == Kind::Profile {
            String::from_utf8_lossy(&body.bytes)
                .replace("\"platform\":\"facebook\"", "\"platform\":\"myspace\"")
                .into_bytes()
        } else {
            body.bytes.clone()
        };
        damaged.push_raw(*kind, body.version, bytes, *chunk, "k");
    }
    let error = restore(damaged).unwrap_err().to_string();
    assert!(error.contains("profiles"), "{error}");
}

#[test]
fn a_saved_platform_assessment_replaces_the_earlier_one_for_that_platform() {
    use linimasa::domain::{Platform, PlatformAssessment};
    let store = MemoryStore::new();
    let ws = demo();
    block_on(workspace::save(&store, &ws)).unwrap();
    for answer in [Some(2), Some(4)] {
        let assessment = PlatformAssessment {
            platform: Platform::TikTok,
            answers: [None, None, None, None, answer, None],
            notes: Default::default(),
        };
        block_on(workspace::save_assessment(&store, &ws.info.id, &assessment)).unwrap();
    }
    let loaded = block_on(workspace::load(&store, &ws.info.id))
        .unwrap()
        .unwrap();
    let tiktok: Vec<_> = loaded
        .assessments
        .iter()
        .filter(|a| a.platform == Platform::TikTok)
        .collect();
    assert_eq!(tiktok.len(), 1);
    assert_eq!(tiktok[0].answers[4], Some(4));
    assert_eq!(loaded.posts, ws.posts, "nothing else changed");
}

/// A profile marked as a competitor's is stored as such; its posts and every other profile stay.
#[test]
fn a_profile_marked_as_a_competitor_is_stored_and_nothing_else_changes() {
    let store = MemoryStore::new();
    let ws = demo();
    block_on(workspace::save(&store, &ws)).unwrap();
    let mut marked = ws
        .profiles
        .iter()
        .find(|p| p.id.as_str() == "x-main")
        .unwrap()
        .clone();
    assert!(!marked.competitor);
    marked.competitor = true;
    block_on(workspace::save_profile(&store, &ws.info.id, &marked)).unwrap();
    let loaded = block_on(workspace::load(&store, &ws.info.id))
        .unwrap()
        .unwrap();
    assert!(loaded.profile(&marked.id).unwrap().competitor);
    assert_eq!(loaded.profiles.len(), ws.profiles.len());
    assert_eq!(
        loaded.profiles.iter().filter(|p| p.competitor).count(),
        ws.profiles.iter().filter(|p| p.competitor).count() + 1
    );
    assert_eq!(loaded.posts, ws.posts, "its posts stay");
}
