//! Browser tests of the IndexedDB store in headless Chromium (wasm-bindgen-test): round trip,
//! migration from a version-1 database, and a large batch in one transaction.
#![cfg(target_arch = "wasm32")]

use chrono::{DateTime, NaiveDate};
use indexed_db_futures::database::{Database, VersionChangeEvent};
use indexed_db_futures::prelude::*;
use indexed_db_futures::transaction::TransactionMode;
use linimasa::domain::demo::{DemoOptions, generate};
use linimasa::domain::{Metric, Metrics, Post, PostFormat, Workspace, WorkspaceId};
use linimasa::storage::idb::IdbStore;
use linimasa::storage::records::Kind;
use linimasa::storage::{ChunkQuery, Store, workspace};
use wasm_bindgen::JsValue;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn unique(name: &str) -> String {
    format!("{name}-{}", js_sys::Math::random())
}

fn demo() -> Workspace {
    let mut options = DemoOptions::new(NaiveDate::from_ymd_opt(2026, 11, 27).unwrap());
    options.audience_size = 500;
    generate(&options)
}

#[wasm_bindgen_test]
async fn a_workspace_round_trips_through_indexeddb() {
    let name = unique("rt");
    let store = IdbStore::open(&name).await.unwrap();
    let ws = demo();
    workspace::save(&store, &ws).await.unwrap();
    let loaded = workspace::load(&store, &ws.info.id).await.unwrap().unwrap();
    assert_eq!(loaded, ws);
    let listed = workspace::list(&store).await.unwrap();
    assert_eq!(listed.len(), 1);
    // A second open of the same database sees the same data.
    let again = IdbStore::open(&name).await.unwrap();
    let reloaded = workspace::load(&again, &ws.info.id).await.unwrap().unwrap();
    assert_eq!(reloaded.posts.len(), ws.posts.len());
    // Posts of one profile in a date range come from their chunks only.
    let chunks = again
        .chunks(&ChunkQuery {
            ws: ws.info.id.0.clone(),
            kind: Kind::Post.slug().into(),
            partition: Some("x-main".into()),
            from: Some("2026-01".into()),
            to: Some("2026-03".into()),
        })
        .await
        .unwrap();
    assert_eq!(chunks.len(), 3);
    assert!(chunks.iter().all(|(k, _)| k.partition == "x-main"));
    workspace::delete(&again, &ws.info.id).await.unwrap();
    assert_eq!(workspace::load(&again, &ws.info.id).await.unwrap(), None);
    store.close();
    again.close();
}

#[wasm_bindgen_test]
async fn a_version_1_database_is_migrated_when_a_worker_opens_it() {
    let name = unique("v1");
    let file: serde_json::Value =
        serde_json::from_str(include_str!("../fixtures/workspace/v1-minimal.json")).unwrap();
    let ws = &file["workspace"];
    let id = ws["info"]["id"].as_str().unwrap().to_owned();
    // Build the database exactly as version 1 laid it out.
    let db = Database::open(&name)
        .with_version(1u32)
        .with_on_upgrade_needed(|_: VersionChangeEvent, db: Database| {
            db.create_object_store("items").build()?;
            Ok(())
        })
        .await
        .unwrap();
    let tx = db
        .transaction("items")
        .with_mode(TransactionMode::Readwrite)
        .build()
        .unwrap();
    let items = tx.object_store("items").unwrap();
    let put = |kind: &str, item_id: &str, body: &serde_json::Value| {
        let value = js_sys::Object::new();
        js_sys::Reflect::set(&value, &"v".into(), &1.into()).unwrap();
        js_sys::Reflect::set(&value, &"body".into(), &body.to_string().into()).unwrap();
        let key: js_sys::Array = [id.as_str(), kind, item_id]
            .iter()
            .map(|s| JsValue::from_str(s))
            .collect();
        items
            .put(JsValue::from(value))
            .with_key(key)
            .without_key_type()
            .build()
            .unwrap();
    };
    put("workspace", "info", &ws["info"]);
    for profile in ws["profiles"].as_array().unwrap() {
        put("profile", profile["id"].as_str().unwrap(), profile);
    }
    for post in ws["posts"].as_array().unwrap() {
        put("post", post["id"].as_str().unwrap(), post);
    }
    tx.commit().await.unwrap();
    db.close();

    // The page's way in leaves the items for a worker to move, and says so.
    let (page, legacy) = IdbStore::open_current(&name).await.unwrap();
    assert!(legacy);
    assert_eq!(
        workspace::load(&page, &WorkspaceId::from(id.as_str()))
            .await
            .unwrap(),
        None
    );
    page.close();

    let store = IdbStore::open(&name).await.unwrap();
    let loaded = workspace::load(&store, &WorkspaceId::from(id.as_str()))
        .await
        .unwrap()
        .unwrap();
    assert_eq!(loaded.info.name, "Warung Kopi Lama");
    assert_eq!(loaded.info.time_zone, "Asia/Jakarta");
    assert_eq!(loaded.profiles.len(), 2);
    assert_eq!(loaded.posts.len(), 2);
    let post = loaded
        .posts
        .iter()
        .find(|p| p.id.as_str() == "1234567890123456789")
        .unwrap();
    assert_eq!(post.metrics[&Metric::Reactions], 120.0);
    store.close();
    // Opening again does not migrate twice.
    let store = IdbStore::open(&name).await.unwrap();
    let again = workspace::load(&store, &WorkspaceId::from(id.as_str()))
        .await
        .unwrap()
        .unwrap();
    assert_eq!(again, loaded);
    store.close();
    let (page, legacy) = IdbStore::open_current(&name).await.unwrap();
    assert!(!legacy, "the moved items are gone from the version-1 store");
    page.close();
}

#[wasm_bindgen_test]
async fn a_large_batch_is_written_in_one_transaction() {
    let name = unique("large");
    let store = IdbStore::open(&name).await.unwrap();
    let mut ws = demo();
    ws.posts.clear();
    let start = DateTime::parse_from_rfc3339("2025-01-01T08:00:00+07:00").unwrap();
    let profiles: Vec<_> = ws.profiles.iter().map(|p| p.id.clone()).collect();
    for n in 0..100_000u32 {
        let mut metrics = Metrics::new();
        metrics.insert(Metric::Reach, f64::from(n % 5000));
        metrics.insert(Metric::Reactions, f64::from(n % 97));
        ws.posts.push(Post {
            id: format!("{}", 1_700_000_000_000_000_000u64 + u64::from(n)).into(),
            profile: profiles[n as usize % profiles.len()].clone(),
            published: start + chrono::Duration::minutes(i64::from(n) * 5),
            format: PostFormat::Photo,
            text: format!("post {n}"),
            permalink: None,
            metrics,
            promoted: false,
            batch: None,
        });
    }
    ws.normalize();
    let t0 = js_sys::Date::now();
    workspace::save(&store, &ws).await.unwrap();
    let written = js_sys::Date::now() - t0;
    let loaded = workspace::load(&store, &ws.info.id).await.unwrap().unwrap();
    assert_eq!(loaded.posts.len(), 100_000);
    assert_eq!(loaded.posts, ws.posts);
    web_sys::console::log_1(&format!("100k posts written in {written} ms").into());
    store.close();
}
