//! Merging one workspace into another: what an import of a workspace file does when the user
//! chooses "merge" instead of "replace". Records are matched by their identity (a post by profile
//! and platform ID, a day by profile and date...); the incoming copy wins.

use serde::{Deserialize, Serialize};

use super::model::*;

/// What a merge adds and changes, per kind of record; shown before the user confirms.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct MergeSummary {
    pub added: usize,
    pub updated: usize,
    pub unchanged: usize,
}

impl MergeSummary {
    fn add(&mut self, other: MergeSummary) {
        self.added += other.added;
        self.updated += other.updated;
        self.unchanged += other.unchanged;
    }
}

/// Merges `incoming` into `current`. The current workspace keeps its identity and settings;
/// team members it lacks are added.
pub fn merge(current: &mut Workspace, incoming: Workspace) -> MergeSummary {
    let mut total = MergeSummary::default();
    let info = incoming.info;
    let members = union(&mut current.info.members, info.members, |m| m.id.clone());
    total.add(members);
    macro_rules! merge_fields {
        ($($field:ident => $key:expr),* $(,)?) => {$(
            total.add(union(&mut current.$field, incoming.$field, $key));
        )*};
    }
    merge_fields! {
        profiles => |p: &Profile| p.id.clone(),
        posts => |p: &Post| (p.profile.clone(), p.id.clone()),
        daily => |d: &DailyMetrics| (d.profile.clone(), d.date),
        follower_activity => |a: &FollowerActivity| (a.profile.clone(), a.date, a.hour),
        period_totals => |t: &PeriodTotals| t.identity(),
        audience_snapshots => |s: &AudienceSnapshot| s.id.clone(),
        audience_tables => |t: &AudienceTable| t.id.clone(),
        audience_members => |m: &AudienceMember| (m.table.clone(), m.row),
        persona_snapshots => |s: &PersonaSnapshot| s.id.clone(),
        plan => |p: &PlanItem| p.id.clone(),
        mentions => |m: &Mention| m.id.clone(),
        messages => |m: &Message| m.id.clone(),
        influencers => |i: &Influencer| i.id.clone(),
        campaigns => |c: &Campaign| c.id.clone(),
        reports => |r: &ReportDefinition| r.id.clone(),
        assessments => |a: &PlatformAssessment| a.platform,
        benchmarks => |b: &Benchmark| b.identity(),
        mappings => |m: &ColumnMapping| m.header_signature.clone(),
        batches => |b: &ImportBatch| b.id.clone(),
    }
    current.normalize();
    total
}

/// Adds or replaces every incoming item by key; keeps the order of `current`, new ones at the end.
fn union<T: PartialEq, K: Ord>(
    current: &mut Vec<T>,
    incoming: Vec<T>,
    key: impl Fn(&T) -> K,
) -> MergeSummary {
    let mut index: std::collections::BTreeMap<K, usize> = current
        .iter()
        .enumerate()
        .map(|(i, item)| (key(item), i))
        .collect();
    let mut summary = MergeSummary::default();
    for item in incoming {
        match index.get(&key(&item)) {
            Some(&i) if current[i] == item => summary.unchanged += 1,
            Some(&i) => {
                current[i] = item;
                summary.updated += 1;
            }
            None => {
                index.insert(key(&item), current.len());
                current.push(item);
                summary.added += 1;
            }
        }
    }
    summary
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::demo::{DemoOptions, generate};
    use chrono::NaiveDate;

    fn demo() -> Workspace {
        let mut options = DemoOptions::new(NaiveDate::from_ymd_opt(2026, 3, 31).unwrap());
        options.audience_size = 50;
        generate(&options)
    }

    #[test]
    fn merging_a_workspace_into_itself_changes_nothing() {
        let mut ws = demo();
        let copy = ws.clone();
        let summary = merge(&mut ws, copy.clone());
        assert_eq!(ws, copy);
        assert_eq!(summary.added + summary.updated, 0);
        assert!(summary.unchanged >= copy.counts().total());
    }

    #[test]
    fn incoming_records_are_added_or_replace_their_match() {
        let mut current = demo();
        let before = current.posts.len();
        let mut incoming = Workspace::empty(WorkspaceInfo::new("other".into(), "Other"));
        let mut changed = current.posts[0].clone();
        changed.metrics.insert(Metric::Reach, 1.0);
        let mut new = current.posts[1].clone();
        new.id = PostId::from("brand-new");
        incoming.posts = vec![changed.clone(), new];
        let summary = merge(&mut current, incoming);
        assert_eq!(
            summary,
            MergeSummary {
                added: 1,
                updated: 1,
                unchanged: 0
            }
        );
        assert_eq!(current.posts.len(), before + 1);
        assert_eq!(current.posts[0], changed);
        assert_eq!(current.info.id.as_str(), "demo-kopi-nusantara");
    }
}
