//! The worker's whole-workspace jobs, on the memory store.

use chrono::NaiveDate;
use futures::executor::block_on;
use linimasa::domain::WorkspaceId;
use linimasa::storage::memory::MemoryStore;
use linimasa::storage::migrate::{RestoreError, export_file};
use linimasa::storage::workspace;
use linimasa::worker::jobs;
use linimasa::worker::protocol::JobError;

use crate::demo;

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 27).unwrap()
}

#[test]
fn the_demo_fills_the_open_workspace_and_keeps_its_identity() {
    let store = MemoryStore::new();
    let id = WorkspaceId::from("mine");
    let done = block_on(jobs::demo(&store, &id, today())).unwrap();
    assert!(done.stored);
    assert_eq!(done.current, 0);
    let ws = block_on(workspace::load(&store, &id)).unwrap().unwrap();
    assert_eq!(ws.info.id, id);
    assert_eq!(ws.counts().total(), done.records);
    assert!(done.records > 1000, "{}", done.records);
}

#[test]
fn a_preview_stores_nothing_and_a_confirmed_replace_stores_the_file() {
    let store = MemoryStore::new();
    let id = WorkspaceId::from("mine");
    let file = export_file(&demo());
    let preview = block_on(jobs::workspace_file(&store, &id, &file, false, false)).unwrap();
    assert!(!preview.stored);
    assert!(block_on(workspace::load(&store, &id)).unwrap().is_none());
    let done = block_on(jobs::workspace_file(&store, &id, &file, false, true)).unwrap();
    assert_eq!(done.records, preview.records);
    let ws = block_on(workspace::load(&store, &id)).unwrap().unwrap();
    assert_eq!(
        ws.info.id, id,
        "the file takes the open workspace's identity"
    );
    assert_eq!(ws.counts().total(), done.records);
}

#[test]
fn merging_the_same_file_twice_changes_nothing_the_second_time() {
    let store = MemoryStore::new();
    let id = WorkspaceId::from("mine");
    let file = export_file(&demo());
    block_on(jobs::workspace_file(&store, &id, &file, true, true)).unwrap();
    let again = block_on(jobs::workspace_file(&store, &id, &file, true, false)).unwrap();
    let summary = again.merge.unwrap();
    assert_eq!(summary.added, 0);
    assert_eq!(summary.updated, 0);
    assert!(summary.unchanged > 1000);
    assert_eq!(again.records, again.current);
}

#[test]
fn a_damaged_file_is_refused_and_the_stored_workspace_is_untouched() {
    let store = MemoryStore::new();
    let id = WorkspaceId::from("mine");
    block_on(jobs::demo(&store, &id, today())).unwrap();
    let before = block_on(workspace::load(&store, &id)).unwrap().unwrap();
    let mut file = export_file(&demo());
    file.truncate(file.len() / 2);
    let result = block_on(jobs::workspace_file(&store, &id, &file, false, true));
    assert!(
        matches!(result, Err(JobError::Restore(RestoreError::NotJson { .. }))),
        "{result:?}"
    );
    let after = block_on(workspace::load(&store, &id)).unwrap().unwrap();
    assert_eq!(after, before);
}

#[test]
fn an_export_is_the_stored_workspace_under_a_dated_name() {
    let store = MemoryStore::new();
    let id = WorkspaceId::from("mine");
    block_on(jobs::demo(&store, &id, today())).unwrap();
    let (name, bytes) = block_on(jobs::export(&store, &id, today())).unwrap();
    assert!(
        name.starts_with("linimasa-") && name.ends_with("-2026-11-27.json"),
        "{name}"
    );
    let stored = block_on(workspace::load(&store, &id)).unwrap().unwrap();
    let restored = linimasa::storage::migrate::restore_file(&bytes).unwrap();
    assert_eq!(restored.workspace, stored);
}

#[test]
fn a_plan_file_job_reads_in_the_worker_and_its_answer_crosses_as_json() {
    use chrono::{FixedOffset, TimeZone};
    use linimasa::domain::{MemberId, Platform};
    use linimasa::worker::protocol::{Job, PlanFileRequest, Received, WorkerMessage};
    let request = PlanFileRequest {
        zone: "Asia/Jakarta".into(),
        author: MemberId::from("m-budi"),
        default_platform: Platform::TikTok,
        id_prefix: "csv-7".into(),
        now: FixedOffset::east_opt(7 * 3600)
            .unwrap()
            .with_ymd_and_hms(2026, 11, 27, 10, 0, 0)
            .unwrap(),
    };
    let job: Job =
        serde_json::from_str(&serde_json::to_string(&Job::PlanFile(request.clone())).unwrap())
            .unwrap();
    let Job::PlanFile(request) = job else {
        panic!("not a plan-file job")
    };
    let good = jobs::plan_file(
        &request,
        b"date,time_24hr,message_text\n2026-12-12,08:15,Promo 12.12\n",
    );
    let message = WorkerMessage::PlanFile(good);
    let back = Received::new(serde_json::to_string(&message).unwrap());
    assert_eq!(back.tag(), "plan-file");
    let Some(Ok(read)) = back.plan_file() else {
        panic!("not a read plan")
    };
    assert_eq!(read.items.len(), 1);
    assert_eq!(read.items[0].id.0, "csv-7-1");
    assert_eq!(read.items[0].variants[0].platform, Platform::TikTok);
    let bad = jobs::plan_file(&request, b"date,message_text\nkemarin,teks\n");
    let back = Received::new(serde_json::to_string(&WorkerMessage::PlanFile(bad)).unwrap());
    let Some(Err(errors)) = back.plan_file() else {
        panic!("not refused")
    };
    assert_eq!(errors[0].line, 2);
    assert_eq!(errors[0].column, "date");
}

/// A profile's data moves onto another of its platform in storage: the stored workspace loads
/// back (references checked) without the moved profile and with its posts on the other; an
/// impossible move stores nothing.
#[test]
fn a_reassigned_profile_is_stored_merged_and_an_impossible_move_stores_nothing() {
    let store = MemoryStore::new();
    let id = WorkspaceId::from("mine");
    block_on(jobs::demo(&store, &id, today())).unwrap();
    let before = block_on(workspace::load(&store, &id)).unwrap().unwrap();
    let facebook: Vec<_> = before
        .profiles
        .iter()
        .filter(|p| p.platform == linimasa::domain::Platform::Facebook && !p.competitor)
        .map(|p| p.id.clone())
        .collect();
    assert!(facebook.len() >= 2, "{facebook:?}");
    let (from, to) = (&facebook[0], &facebook[1]);
    let posts =
        |ws: &linimasa::domain::Workspace, p| ws.posts.iter().filter(|x| &x.profile == p).count();
    let (moving, staying) = (posts(&before, from), posts(&before, to));
    let done = block_on(jobs::reassign(&store, &id, from, to)).unwrap();
    assert!(done.stored);
    assert_eq!(done.moved.unwrap().posts, moving);
    let after = block_on(workspace::load(&store, &id)).unwrap().unwrap();
    assert!(after.profile(from).is_none());
    assert_eq!(posts(&after, from), 0);
    assert_eq!(posts(&after, to), moving + staying);
    assert_eq!(after.profiles.len(), before.profiles.len() - 1);

    let instagram = after
        .profiles
        .iter()
        .find(|p| p.platform == linimasa::domain::Platform::Instagram)
        .unwrap()
        .id
        .clone();
    let refused = block_on(jobs::reassign(&store, &id, to, &instagram));
    assert!(matches!(refused, Err(JobError::Reassign(_))), "{refused:?}");
    assert_eq!(
        block_on(workspace::load(&store, &id)).unwrap().unwrap(),
        after
    );
}

/// The page reads a worker's message by its tag and only the payload it expects: every kind of
/// message the worker writes is read back, under its own tag and no other.
#[test]
fn every_worker_message_is_read_back_by_its_tag() {
    use linimasa::storage::StoreError;
    use linimasa::worker::protocol::{
        FileReport, ImportProgress, JobError, Received, ViewReply, WorkerMessage,
    };
    let report = FileReport::failed("a.csv", "unknown-format", "detail");
    let view = ViewReply {
        request: 7,
        html: Some("<p>\"hi\"}</p>".into()),
        measure: Some(("audit:run".into(), 1.0, 2.5, 30)),
        time_origin: 100.0,
        error: None,
    };
    let failed = JobError::Store(StoreError::QuotaExceeded);
    let cases: Vec<(WorkerMessage, &str)> = vec![
        (WorkerMessage::Ready, "ready"),
        (
            WorkerMessage::Progress(ImportProgress {
                file: 2,
                stage: "parse".into(),
            }),
            "progress",
        ),
        (WorkerMessage::Done(vec![report.clone()]), "done"),
        (WorkerMessage::Rewritten(Err(failed.clone())), "rewritten"),
        (WorkerMessage::StoreUpgraded(Ok(())), "store-upgraded"),
        (WorkerMessage::Exported(Ok("ws.json".into())), "exported"),
        (WorkerMessage::View(view.clone()), "view"),
        (WorkerMessage::PersonaProgress(0.25), "persona-progress"),
    ];
    for (message, tag) in cases {
        let received = Received::new(serde_json::to_string(&message).unwrap());
        assert_eq!(received.tag(), tag);
        assert_eq!(received.is_ready(), tag == "ready");
        assert_eq!(received.progress().is_some(), tag == "progress", "{tag}");
        assert_eq!(received.done().is_some(), tag == "done", "{tag}");
        assert_eq!(received.rewritten().is_some(), tag == "rewritten", "{tag}");
        assert_eq!(received.store_upgraded().is_some(), tag == "store-upgraded");
        assert_eq!(received.exported().is_some(), tag == "exported", "{tag}");
        assert_eq!(received.view().is_some(), tag == "view", "{tag}");
        assert_eq!(
            received.persona_progress().is_some(),
            tag == "persona-progress"
        );
        assert!(received.report().is_none() && received.personas().is_none());
    }
    let read = |m: WorkerMessage| Received::new(serde_json::to_string(&m).unwrap());
    assert_eq!(
        read(WorkerMessage::Progress(ImportProgress {
            file: 2,
            stage: "parse".into()
        }))
        .progress(),
        Some(ImportProgress {
            file: 2,
            stage: "parse".into()
        })
    );
    assert_eq!(
        read(WorkerMessage::Done(vec![report.clone()])).done(),
        Some(vec![report])
    );
    assert_eq!(read(WorkerMessage::View(view.clone())).view(), Some(view));
    assert_eq!(
        read(WorkerMessage::Rewritten(Err(failed.clone()))).rewritten(),
        Some(Err(failed))
    );
    assert_eq!(
        read(WorkerMessage::PersonaProgress(0.25)).persona_progress(),
        Some(0.25)
    );
    assert_eq!(
        read(WorkerMessage::Exported(Ok("ws.json".into()))).exported(),
        Some(Ok("ws.json".into()))
    );
    let full = JobError::Store(StoreError::QuotaExceeded);
    assert_eq!(
        read(WorkerMessage::StoreUpgraded(Err(full.clone()))).store_upgraded(),
        Some(Err(full))
    );
}
