//! The stored form of a workspace: which kinds are records and which are chunks, their keys, and
//! turning a [`Workspace`] into write operations. Reading goes the other way through
//! [`super::migrate`], so that every stored item, whatever version wrote it, is restored the same
//! way as an imported file.

use std::collections::BTreeMap;

use serde::Serialize;

use super::migrate::SCHEMA;
use super::{Body, ChunkKey, Op, RecordKey};
use crate::domain::*;

/// Items per chunk of audience rows.
pub const AUDIENCE_ROWS_PER_CHUNK: u32 = 5_000;

/// Every kind of stored item. The slug is part of the stored keys: never change one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Kind {
    Info,
    Profile,
    Post,
    Daily,
    FollowerActivity,
    PeriodTotals,
    AudienceSnapshot,
    AudienceTable,
    AudienceMember,
    PersonaSnapshot,
    PlanItem,
    Mention,
    Message,
    Influencer,
    Campaign,
    Report,
    Assessment,
    Benchmark,
    Mapping,
    Batch,
}

/// How a kind is stored.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Layout {
    /// One record per item.
    Record,
    /// Items grouped in chunks by partition and period.
    Chunk,
}

impl Kind {
    pub const ALL: [Kind; 20] = [
        Kind::Info,
        Kind::Profile,
        Kind::Post,
        Kind::Daily,
        Kind::FollowerActivity,
        Kind::PeriodTotals,
        Kind::AudienceSnapshot,
        Kind::AudienceTable,
        Kind::AudienceMember,
        Kind::PersonaSnapshot,
        Kind::PlanItem,
        Kind::Mention,
        Kind::Message,
        Kind::Influencer,
        Kind::Campaign,
        Kind::Report,
        Kind::Assessment,
        Kind::Benchmark,
        Kind::Mapping,
        Kind::Batch,
    ];

    /// The stored name of the kind.
    pub fn slug(self) -> &'static str {
        match self {
            Kind::Info => "info",
            Kind::Profile => "profile",
            Kind::Post => "post",
            Kind::Daily => "daily",
            Kind::FollowerActivity => "follower-activity",
            Kind::PeriodTotals => "period-totals",
            Kind::AudienceSnapshot => "audience-snapshot",
            Kind::AudienceTable => "audience-table",
            Kind::AudienceMember => "audience-member",
            Kind::PersonaSnapshot => "persona-snapshot",
            Kind::PlanItem => "plan-item",
            Kind::Mention => "mention",
            Kind::Message => "message",
            Kind::Influencer => "influencer",
            Kind::Campaign => "campaign",
            Kind::Report => "report",
            Kind::Assessment => "assessment",
            Kind::Benchmark => "benchmark",
            Kind::Mapping => "mapping",
            Kind::Batch => "batch",
        }
    }

    pub fn from_slug(slug: &str) -> Option<Kind> {
        Kind::ALL.into_iter().find(|k| k.slug() == slug)
    }

    /// The field of [`Workspace`] (and of the workspace file) that holds items of this kind.
    pub fn field(self) -> &'static str {
        match self {
            Kind::Info => "info",
            Kind::Profile => "profiles",
            Kind::Post => "posts",
            Kind::Daily => "daily",
            Kind::FollowerActivity => "follower_activity",
            Kind::PeriodTotals => "period_totals",
            Kind::AudienceSnapshot => "audience_snapshots",
            Kind::AudienceTable => "audience_tables",
            Kind::AudienceMember => "audience_members",
            Kind::PersonaSnapshot => "persona_snapshots",
            Kind::PlanItem => "plan",
            Kind::Mention => "mentions",
            Kind::Message => "messages",
            Kind::Influencer => "influencers",
            Kind::Campaign => "campaigns",
            Kind::Report => "reports",
            Kind::Assessment => "assessments",
            Kind::Benchmark => "benchmarks",
            Kind::Mapping => "mappings",
            Kind::Batch => "batches",
        }
    }

    pub fn from_field(field: &str) -> Option<Kind> {
        Kind::ALL.into_iter().find(|k| k.field() == field)
    }

    pub fn layout(self) -> Layout {
        match self {
            Kind::Post
            | Kind::Daily
            | Kind::FollowerActivity
            | Kind::AudienceMember
            | Kind::Mention
            | Kind::Message => Layout::Chunk,
            _ => Layout::Record,
        }
    }
}

fn json<T: Serialize + ?Sized>(value: &T, count: usize) -> Body {
    Body {
        version: SCHEMA,
        count: count as u32,
        // Serialising plain model types to JSON cannot fail: no maps with non-string keys.
        bytes: serde_json::to_vec(value).expect("model types serialise"),
    }
}

fn record_key(ws: &WorkspaceId, kind: Kind, id: String) -> RecordKey {
    RecordKey {
        ws: ws.0.clone(),
        kind: kind.slug().to_owned(),
        id,
    }
}

/// The write operation for a workspace's settings.
pub fn info_op(info: &WorkspaceInfo) -> Op {
    Op::PutRecord(
        record_key(&info.id, Kind::Info, "info".into()),
        json(info, 1),
    )
}

/// Writes one profile (its names, region, sub-brand, competitor flag).
pub fn profile_op(ws: &WorkspaceId, profile: &Profile) -> Op {
    Op::PutRecord(
        record_key(ws, Kind::Profile, profile.id.0.clone()),
        json(profile, 1),
    )
}

/// The write operation for one planned post.
/// The identity of a benchmark: what it measures, for whom, from when.
pub fn benchmark_key(b: &Benchmark) -> String {
    format!(
        "{:?}|{}|{}|{}|{}",
        b.scope,
        b.label,
        b.platform.map(Platform::slug).unwrap_or(""),
        b.metric,
        b.period.start
    )
}

/// Adds or replaces one benchmark.
pub fn benchmark_op(ws: &WorkspaceId, benchmark: &Benchmark) -> Op {
    Op::PutRecord(
        record_key(ws, Kind::Benchmark, benchmark_key(benchmark)),
        json(benchmark, 1),
    )
}

/// Removes one benchmark.
pub fn benchmark_delete_op(ws: &WorkspaceId, benchmark: &Benchmark) -> Op {
    Op::DeleteRecord(record_key(ws, Kind::Benchmark, benchmark_key(benchmark)))
}

/// Writes the answers of one platform's assessment (one record per platform).
pub fn assessment_op(ws: &WorkspaceId, assessment: &PlatformAssessment) -> Op {
    Op::PutRecord(
        record_key(ws, Kind::Assessment, assessment.platform.slug().to_owned()),
        json(assessment, 1),
    )
}

/// Writes one audience table's description (its columns, their kinds and inclusion).
pub fn audience_table_op(ws: &WorkspaceId, table: &AudienceTable) -> Op {
    Op::PutRecord(
        record_key(ws, Kind::AudienceTable, table.id.0.clone()),
        json(table, 1),
    )
}

/// Writes one report definition.
pub fn report_op(ws: &WorkspaceId, report: &ReportDefinition) -> Op {
    Op::PutRecord(
        record_key(ws, Kind::Report, report.id.0.clone()),
        json(report, 1),
    )
}

/// Writes one saved set of personas.
pub fn persona_snapshot_op(ws: &WorkspaceId, snapshot: &PersonaSnapshot) -> Op {
    Op::PutRecord(
        record_key(ws, Kind::PersonaSnapshot, snapshot.id.0.clone()),
        json(snapshot, 1),
    )
}

/// Removes one saved set of personas.
pub fn persona_snapshot_delete_op(ws: &WorkspaceId, snapshot: &PersonaSnapshot) -> Op {
    Op::DeleteRecord(record_key(ws, Kind::PersonaSnapshot, snapshot.id.0.clone()))
}

pub fn plan_item_op(ws: &WorkspaceId, item: &PlanItem) -> Op {
    Op::PutRecord(
        record_key(ws, Kind::PlanItem, item.id.0.clone()),
        json(item, 1),
    )
}

/// Removes one planned post.
pub fn plan_item_delete_op(ws: &WorkspaceId, item: &PlanItemId) -> Op {
    Op::DeleteRecord(record_key(ws, Kind::PlanItem, item.0.clone()))
}

/// A write not made yet: serialised only when the store takes it.
type Write<'a> = Box<dyn FnOnce() -> Op + 'a>;

fn push_records<'a, T: Serialize>(
    ops: &mut Vec<Write<'a>>,
    ws: &WorkspaceId,
    kind: Kind,
    items: &'a [T],
    id: impl Fn(&T) -> String,
) {
    for item in items {
        let key = record_key(ws, kind, id(item));
        ops.push(Box::new(move || Op::PutRecord(key, json(item, 1))));
    }
}

fn push_chunks<'a, T: Serialize>(
    ops: &mut Vec<Write<'a>>,
    ws: &WorkspaceId,
    kind: Kind,
    items: &'a [T],
    part: impl Fn(&T) -> (String, String),
) {
    let mut groups: BTreeMap<(String, String), Vec<&'a T>> = BTreeMap::new();
    for item in items {
        groups.entry(part(item)).or_default().push(item);
    }
    for ((partition, period), group) in groups {
        let key = ChunkKey {
            ws: ws.0.clone(),
            kind: kind.slug().to_owned(),
            partition,
            period,
        };
        ops.push(Box::new(move || {
            Op::PutChunk(key, json(&group, group.len()))
        }));
    }
}

fn month(date: chrono::NaiveDate) -> String {
    date.format("%Y-%m").to_string()
}

/// Every write needed to store `ws` from scratch (after its old contents are deleted).
pub fn workspace_ops(ws: &Workspace) -> Vec<Op> {
    workspace_writes(ws).collect()
}

/// [`workspace_ops`], each serialised only when taken: a store that queues one write at a time
/// never holds the whole workspace's serialised form (a 200,000-post import's is about twice
/// the file).
pub fn workspace_writes(ws: &Workspace) -> impl Iterator<Item = Op> + '_ {
    let id = &ws.info.id;
    let info = info_op(&ws.info);
    let mut ops: Vec<Write<'_>> = vec![Box::new(move || info)];
    push_records(&mut ops, id, Kind::Profile, &ws.profiles, |p| {
        p.id.0.clone()
    });
    push_chunks(&mut ops, id, Kind::Post, &ws.posts, |p| {
        (p.profile.0.clone(), month(p.published.date_naive()))
    });
    push_chunks(&mut ops, id, Kind::Daily, &ws.daily, |d| {
        (d.profile.0.clone(), d.date.format("%Y").to_string())
    });
    push_chunks(
        &mut ops,
        id,
        Kind::FollowerActivity,
        &ws.follower_activity,
        |a| (a.profile.0.clone(), month(a.date)),
    );
    push_records(&mut ops, id, Kind::PeriodTotals, &ws.period_totals, |t| {
        format!("{}|{}|{}", t.profile.0, t.period.start, t.period.end)
    });
    push_records(
        &mut ops,
        id,
        Kind::AudienceSnapshot,
        &ws.audience_snapshots,
        |s| s.id.0.clone(),
    );
    push_records(
        &mut ops,
        id,
        Kind::AudienceTable,
        &ws.audience_tables,
        |t| t.id.0.clone(),
    );
    push_chunks(
        &mut ops,
        id,
        Kind::AudienceMember,
        &ws.audience_members,
        |m| {
            (
                m.table.0.clone(),
                format!("{:08}", m.row / AUDIENCE_ROWS_PER_CHUNK),
            )
        },
    );
    push_records(
        &mut ops,
        id,
        Kind::PersonaSnapshot,
        &ws.persona_snapshots,
        |s| s.id.0.clone(),
    );
    push_records(&mut ops, id, Kind::PlanItem, &ws.plan, |p| p.id.0.clone());
    push_chunks(&mut ops, id, Kind::Mention, &ws.mentions, |m| {
        (
            m.platform.slug().to_owned(),
            month(m.published.date_naive()),
        )
    });
    push_chunks(&mut ops, id, Kind::Message, &ws.messages, |m| {
        (m.profile.0.clone(), month(m.received.date_naive()))
    });
    push_records(&mut ops, id, Kind::Influencer, &ws.influencers, |i| {
        i.id.0.clone()
    });
    push_records(&mut ops, id, Kind::Campaign, &ws.campaigns, |c| {
        c.id.0.clone()
    });
    push_records(&mut ops, id, Kind::Report, &ws.reports, |r| r.id.0.clone());
    push_records(&mut ops, id, Kind::Assessment, &ws.assessments, |a| {
        a.platform.slug().to_owned()
    });
    push_records(&mut ops, id, Kind::Benchmark, &ws.benchmarks, benchmark_key);
    push_records(&mut ops, id, Kind::Mapping, &ws.mappings, |m| {
        m.header_signature.clone()
    });
    push_records(&mut ops, id, Kind::Batch, &ws.batches, |b| b.id.0.clone());
    ops.into_iter().map(|write| write())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_and_fields_are_unique_and_round_trip() {
        for kind in Kind::ALL {
            assert_eq!(Kind::from_slug(kind.slug()), Some(kind));
            assert_eq!(Kind::from_field(kind.field()), Some(kind));
        }
    }

    #[test]
    fn every_workspace_field_has_a_kind() {
        let ws = Workspace::empty(WorkspaceInfo::new("w".into(), "W"));
        let value = serde_json::to_value(&ws).unwrap();
        for field in value.as_object().unwrap().keys() {
            assert!(
                Kind::from_field(field).is_some(),
                "no kind stores `{field}`"
            );
        }
    }
}
