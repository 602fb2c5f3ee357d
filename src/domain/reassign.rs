//! Moving a profile's data onto another profile of the same platform and kind (own or
//! competitor). Imports match profiles by the page or account name, handle and ID in the file;
//! when that yields a second profile for a page already known (a renamed page, an export without
//! IDs), the user reassigns it. The profile that stays takes the moved one's name, handle and ID
//! as aliases, so the next export of that page matches it.
//!
//! Where both hold the same record, the newer version is kept: for a post, the one from the later
//! import batch; for a day's figures (combined, figure by figure), an hour of follower activity
//! and a message, the profile imported last (the moved one when neither says). Demographics
//! snapshots all move. Every reference to the moved profile (messages, report definitions,
//! persona channels, import batches, ideas made from its posts) follows it, and the moved
//! profile is removed.

use std::collections::{HashMap, HashSet};

use serde::{Deserialize, Serialize};

use super::model::*;

/// What a reassignment moved.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Moved {
    pub posts: usize,
    pub days: usize,
    /// Records both profiles had, of which one version was kept.
    pub overlapping: usize,
}

/// Why a profile cannot be moved.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error, Serialize, Deserialize)]
pub enum ReassignError {
    #[error("no profile {0}")]
    Unknown(String),
    #[error("a profile cannot be moved onto itself")]
    Same,
    #[error("profiles of different platforms cannot be merged")]
    OtherPlatform,
    #[error("an own profile and a competitor's cannot be merged")]
    OwnAndCompetitor,
}

/// Moves everything of `from` onto `to` and removes `from`. Nothing changes on an error.
pub fn reassign(
    ws: &mut Workspace,
    from: &ProfileId,
    to: &ProfileId,
) -> Result<Moved, ReassignError> {
    if from == to {
        return Err(ReassignError::Same);
    }
    let find = |id: &ProfileId| {
        ws.profile(id)
            .cloned()
            .ok_or_else(|| ReassignError::Unknown(id.0.clone()))
    };
    let (leaving, staying) = (find(from)?, find(to)?);
    if leaving.platform != staying.platform {
        return Err(ReassignError::OtherPlatform);
    }
    if leaving.competitor != staying.competitor {
        return Err(ReassignError::OwnAndCompetitor);
    }
    // Which profile's data is newer: the one imported last; the moved one when neither says.
    let latest = |id: &ProfileId| {
        ws.batches
            .iter()
            .filter(|b| b.profiles.contains(id))
            .map(|b| b.imported_at)
            .max()
    };
    let moved_is_newer = latest(from) >= latest(to);
    let mut moved = Moved::default();

    // Posts: the same post on both keeps the later import's version.
    let imported: HashMap<&BatchId, _> =
        ws.batches.iter().map(|b| (&b.id, b.imported_at)).collect();
    let when = |p: &Post| p.batch.as_ref().and_then(|b| imported.get(b).copied());
    let mut theirs: HashMap<PostId, Post> = HashMap::new();
    let mut kept = Vec::with_capacity(ws.posts.len());
    for post in std::mem::take(&mut ws.posts) {
        if &post.profile == from {
            theirs.insert(post.id.clone(), post);
        } else {
            kept.push(post);
        }
    }
    moved.posts = theirs.len();
    for post in kept.iter_mut().filter(|p| &p.profile == to) {
        if let Some(other) = theirs.remove(&post.id) {
            moved.overlapping += 1;
            if when(&other) >= when(post) {
                *post = Post {
                    profile: to.clone(),
                    ..other
                };
            }
        }
    }
    let mut rest: Vec<Post> = theirs.into_values().collect();
    rest.sort_by(|a, b| a.published.cmp(&b.published).then(a.id.cmp(&b.id)));
    for mut post in rest {
        post.profile = to.clone();
        kept.push(post);
    }
    ws.posts = kept;

    // Days: the figures of one date come together (two exports of a day can hold different
    // metrics); where both have a figure, the newer profile's wins.
    moved.days = ws.daily.iter().filter(|d| &d.profile == from).count();
    let mut incoming: HashMap<chrono::NaiveDate, Metrics> = HashMap::new();
    ws.daily.retain_mut(|d| {
        if &d.profile == from {
            incoming.insert(d.date, std::mem::take(&mut d.values));
            false
        } else {
            true
        }
    });
    for day in ws.daily.iter_mut().filter(|d| &d.profile == to) {
        if let Some(values) = incoming.remove(&day.date) {
            moved.overlapping += 1;
            for (metric, value) in values {
                if moved_is_newer || !day.values.contains_key(&metric) {
                    day.values.insert(metric, value);
                }
            }
        }
    }
    let mut rest: Vec<(chrono::NaiveDate, Metrics)> = incoming.into_iter().collect();
    rest.sort_by_key(|(date, _)| *date);
    ws.daily
        .extend(rest.into_iter().map(|(date, values)| DailyMetrics {
            profile: to.clone(),
            date,
            values,
        }));
    // Follower activity (one figure an hour) and messages (by ID): the newer profile's.
    moved.overlapping += move_keyed(
        &mut ws.follower_activity,
        (from, to, moved_is_newer),
        |a| &mut a.profile,
        |a| (a.date, a.hour),
    );
    moved.overlapping += move_keyed(
        &mut ws.period_totals,
        (from, to, moved_is_newer),
        |t| &mut t.profile,
        |t| (t.period.start, t.period.end),
    );
    moved.overlapping += move_keyed(
        &mut ws.messages,
        (from, to, moved_is_newer),
        |m| &mut m.profile,
        |m| m.id.clone(),
    );
    // Demographics snapshots have their own IDs and may hold different breakdowns on one date:
    // all of them move.
    for snapshot in ws
        .audience_snapshots
        .iter_mut()
        .filter(|s| &s.profile == from)
    {
        snapshot.profile = to.clone();
    }

    // References.
    for ids in ws
        .reports
        .iter_mut()
        .map(|r| &mut r.profiles)
        .chain(ws.batches.iter_mut().map(|b| &mut b.profiles))
    {
        replace_id(ids, from, to);
    }
    for channels in ws
        .persona_snapshots
        .iter_mut()
        .flat_map(|s| s.personas.iter_mut())
        .map(|p| &mut p.channels)
    {
        for channel in channels.iter_mut().filter(|c| &c.profile == from) {
            channel.profile = to.clone();
        }
        let mut seen = HashSet::new();
        channels.retain(|c| seen.insert(c.profile.clone()));
    }
    // Ideas made from the moved profile's posts name their post by profile and post ID.
    let (old, new) = (
        format!("competitors:{}/", from.0),
        format!("competitors:{}/", to.0),
    );
    for source in ws.plan.iter_mut().filter_map(|i| i.source.as_mut()) {
        if let Some(post) = source.strip_prefix(&old) {
            *source = format!("{new}{post}");
        }
    }

    // The staying profile answers to the moved one's names from now on.
    if let Some(profile) = ws.profiles.iter_mut().find(|p| &p.id == to) {
        let names = [
            Some(leaving.name),
            Some(leaving.handle),
            leaving.external_id.clone(),
        ]
        .into_iter()
        .flatten()
        .chain(leaving.aliases);
        for name in names {
            let name = name.trim().trim_start_matches('@').to_owned();
            let known = name.is_empty()
                || profile.name.eq_ignore_ascii_case(&name)
                || profile
                    .handle
                    .trim_start_matches('@')
                    .eq_ignore_ascii_case(&name)
                || profile.external_id.as_deref() == Some(name.as_str())
                || profile
                    .aliases
                    .iter()
                    .any(|a| a.eq_ignore_ascii_case(&name));
            if !known {
                profile.aliases.push(name);
            }
        }
        if profile.external_id.is_none() {
            profile.external_id = leaving.external_id;
        }
    }
    ws.profiles.retain(|p| &p.id != from);
    Ok(moved)
}

/// Moves records keyed by profile and `key` from `from` to `to`; where both have a key, the
/// record of the newer profile stays (`moved_is_newer`: the one moving). Returns how many keys
/// both had.
fn move_keyed<T, K: std::hash::Hash + Eq>(
    items: &mut Vec<T>,
    (from, to, moved_is_newer): (&ProfileId, &ProfileId, bool),
    profile: impl Fn(&mut T) -> &mut ProfileId,
    key: impl Fn(&T) -> K,
) -> usize {
    let mut keys_of = |who: &ProfileId| -> HashSet<K> {
        items
            .iter_mut()
            .filter_map(|i| (profile(i) == who).then(|| key(i)))
            .collect()
    };
    let (incoming, present) = (keys_of(from), keys_of(to));
    let both = incoming.intersection(&present).count();
    let loser = if moved_is_newer { to } else { from };
    items.retain_mut(|i| {
        !(profile(i) == loser && incoming.contains(&key(i)) && present.contains(&key(i)))
    });
    for item in items.iter_mut() {
        let p = profile(item);
        if p == from {
            *p = to.clone();
        }
    }
    both
}

/// `from` replaced by `to` in a list of profiles, without listing `to` twice.
fn replace_id(ids: &mut Vec<ProfileId>, from: &ProfileId, to: &ProfileId) {
    if !ids.contains(from) {
        return;
    }
    let has_to = ids.contains(to);
    ids.retain(|id| id != from || !has_to);
    for id in ids.iter_mut().filter(|id| *id == from) {
        *id = to.clone();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::demo::{DemoOptions, generate};

    fn demo() -> Workspace {
        generate(&DemoOptions::new(
            chrono::NaiveDate::from_ymd_opt(2026, 11, 27).unwrap(),
        ))
    }

    /// Two profiles of one platform with posts and days.
    /// Two own profiles of one platform with posts and days (the first such pair by platform).
    fn pair(ws: &Workspace) -> (ProfileId, ProfileId) {
        let mut by_platform: std::collections::BTreeMap<Platform, Vec<&Profile>> =
            Default::default();
        for p in ws.profiles.iter().filter(|p| !p.competitor) {
            by_platform.entry(p.platform).or_default().push(p);
        }
        let two = by_platform
            .values()
            .find(|ps| {
                ps.len() >= 2
                    && ps.iter().all(|p| {
                        ws.posts.iter().any(|post| post.profile == p.id)
                            && ws.daily.iter().any(|d| d.profile == p.id)
                    })
            })
            .expect("the demo has two own profiles on one platform");
        (two[0].id.clone(), two[1].id.clone())
    }

    /// An import batch of `profile` at the given day of November 2026.
    fn batch(ws: &mut Workspace, id: &str, day: u32, profile: Option<&ProfileId>) -> BatchId {
        ws.batches.push(ImportBatch {
            id: BatchId(id.into()),
            file_name: format!("{id}.csv"),
            content_hash: id.into(),
            bytes: 0,
            family: "meta-posts".into(),
            kind: "posts".into(),
            platform: None,
            header_signature: String::new(),
            imported_at: chrono::DateTime::parse_from_rfc3339(&format!(
                "2026-11-{day:02}T00:00:00+07:00"
            ))
            .unwrap(),
            counts: BatchCounts::default(),
            diagnostics: Vec::new(),
            profiles: profile.into_iter().cloned().collect(),
            changes: Default::default(),
        });
        BatchId(id.into())
    }

    #[test]
    fn everything_moves_and_the_moved_profile_goes() {
        let mut ws = demo();
        let (from, to) = pair(&ws);
        let count = |ws: &Workspace, id: &ProfileId| {
            (
                ws.posts.iter().filter(|p| &p.profile == id).count(),
                ws.daily.iter().filter(|d| &d.profile == id).count(),
                ws.messages.iter().filter(|m| &m.profile == id).count(),
            )
        };
        let (posts_from, days_from, messages_from) = count(&ws, &from);
        let (posts_to, _, messages_to) = count(&ws, &to);
        let days_both: HashSet<_> = ws
            .daily
            .iter()
            .filter(|d| d.profile == from || d.profile == to)
            .map(|d| d.date)
            .collect();
        // Exported totals: one period on both collapses to one, another period moves.
        let totals = |profile: &ProfileId, start: u32| PeriodTotals {
            profile: profile.clone(),
            period: Period {
                start: chrono::NaiveDate::from_ymd_opt(2026, start, 1).unwrap(),
                end: chrono::NaiveDate::from_ymd_opt(2026, start, 28).unwrap(),
            },
            values: Metrics::new(),
            posts: Some(start),
            batch: None,
        };
        ws.period_totals = vec![totals(&from, 9), totals(&from, 10), totals(&to, 10)];
        let profiles = ws.profiles.len();
        let moved = reassign(&mut ws, &from, &to).unwrap();
        assert_eq!(ws.period_totals.len(), 2);
        assert!(ws.period_totals.iter().all(|t| t.profile == to));
        assert_eq!(moved.posts, posts_from);
        assert_eq!(moved.days, days_from);
        assert_eq!(ws.profiles.len(), profiles - 1);
        assert!(ws.profile(&from).is_none());
        assert_eq!(count(&ws, &from), (0, 0, 0));
        let (posts, days, messages) = count(&ws, &to);
        // Different pages have different post IDs: all add up. Days of both collapse to one.
        assert_eq!(posts, posts_to + posts_from);
        assert_eq!(days, days_both.len());
        assert_eq!(messages, messages_to + messages_from);
        assert!(ws.batches.iter().all(|b| !b.profiles.contains(&from)));
        assert!(ws.reports.iter().all(|r| !r.profiles.contains(&from)));
    }

    #[test]
    fn the_same_post_keeps_the_later_imports_version() {
        let mut ws = demo();
        let (from, to) = pair(&ws);
        let old = batch(&mut ws, "old", 1, None);
        let new = batch(&mut ws, "new", 2, None);
        // The post on `to` came from the old import; a copy with other figures from the new one.
        let i = ws.posts.iter().position(|p| p.profile == to).unwrap();
        ws.posts[i].batch = Some(old);
        let mut copy = ws.posts[i].clone();
        copy.profile = from.clone();
        copy.batch = Some(new);
        copy.metrics.insert(Metric::Reach, 987_654.0);
        let id = copy.id.clone();
        ws.posts.push(copy);
        let posts = ws.posts.len();
        let moved = reassign(&mut ws, &from, &to).unwrap();
        assert!(moved.overlapping >= 1);
        assert_eq!(ws.posts.len(), posts - 1, "one of the two copies is kept");
        let kept: Vec<&Post> = ws
            .posts
            .iter()
            .filter(|p| p.id == id && p.profile == to)
            .collect();
        assert_eq!(kept.len(), 1);
        assert_eq!(kept[0].metrics.get(&Metric::Reach), Some(&987_654.0));
    }

    #[test]
    fn the_figures_of_one_day_come_together() {
        let mut ws = demo();
        let (from, to) = pair(&ws);
        let date = chrono::NaiveDate::from_ymd_opt(2030, 1, 1).unwrap();
        let day = |profile: &ProfileId, values: &[(Metric, f64)]| DailyMetrics {
            profile: profile.clone(),
            date,
            values: values.iter().copied().collect(),
        };
        ws.daily.push(day(
            &to,
            &[(Metric::Reach, 1.0), (Metric::Impressions, 9.0)],
        ));
        ws.daily.push(day(
            &from,
            &[(Metric::Reach, 2.0), (Metric::Followers, 5.0)],
        ));
        reassign(&mut ws, &from, &to).unwrap();
        let days: Vec<&DailyMetrics> = ws.daily.iter().filter(|d| d.date == date).collect();
        assert_eq!(days.len(), 1);
        assert_eq!(days[0].profile, to);
        let values = &days[0].values;
        assert_eq!(
            values.get(&Metric::Reach),
            Some(&2.0),
            "the moved profile's figure wins"
        );
        assert_eq!(
            values.get(&Metric::Impressions),
            Some(&9.0),
            "the other profile's stays"
        );
        assert_eq!(values.get(&Metric::Followers), Some(&5.0));
    }

    #[test]
    fn when_the_staying_profile_was_imported_last_its_figures_win() {
        let mut ws = demo();
        let (from, to) = pair(&ws);
        batch(&mut ws, "older", 1, Some(&from));
        batch(&mut ws, "newer", 2, Some(&to));
        let date = chrono::NaiveDate::from_ymd_opt(2030, 1, 1).unwrap();
        for (profile, reach) in [(&to, 1.0), (&from, 2.0)] {
            ws.daily.push(DailyMetrics {
                profile: profile.clone(),
                date,
                values: [(Metric::Reach, reach), (Metric::Followers, reach * 10.0)]
                    .into_iter()
                    .filter(|(m, _)| profile == &to || *m == Metric::Reach)
                    .chain((profile == &from).then_some((Metric::Impressions, 7.0)))
                    .collect(),
            });
        }
        reassign(&mut ws, &from, &to).unwrap();
        let day = ws.daily.iter().find(|d| d.date == date).unwrap();
        assert_eq!(
            day.values.get(&Metric::Reach),
            Some(&1.0),
            "the newer figure stays"
        );
        assert_eq!(day.values.get(&Metric::Followers), Some(&10.0));
        assert_eq!(
            day.values.get(&Metric::Impressions),
            Some(&7.0),
            "what only the older had"
        );
    }

    #[test]
    fn the_staying_profile_answers_to_the_moved_ones_names() {
        let mut ws = demo();
        let (from, to) = pair(&ws);
        let leaving = ws.profile(&from).unwrap().clone();
        ws.profiles
            .iter_mut()
            .find(|p| p.id == to)
            .unwrap()
            .external_id = None;
        ws.profiles
            .iter_mut()
            .find(|p| p.id == from)
            .unwrap()
            .external_id = Some("987".into());
        reassign(&mut ws, &from, &to).unwrap();
        let staying = ws.profile(&to).unwrap();
        assert!(
            staying.aliases.contains(&leaving.name),
            "{:?}",
            staying.aliases
        );
        assert_eq!(staying.external_id.as_deref(), Some("987"));
    }

    #[test]
    fn impossible_moves_change_nothing() {
        let mut ws = demo();
        let before = ws.clone();
        let (a, _) = pair(&ws);
        let other = ws
            .profiles
            .iter()
            .find(|p| Some(p.platform) != before.profile(&a).map(|x| x.platform))
            .unwrap()
            .id
            .clone();
        assert_eq!(reassign(&mut ws, &a, &a), Err(ReassignError::Same));
        let rival = ws.profiles.iter().find(|p| p.competitor).unwrap().clone();
        let own = ws
            .profiles
            .iter()
            .find(|p| !p.competitor && p.platform == rival.platform)
            .unwrap()
            .id
            .clone();
        assert_eq!(
            reassign(&mut ws, &own, &rival.id),
            Err(ReassignError::OwnAndCompetitor)
        );
        assert_eq!(
            reassign(&mut ws, &a, &other),
            Err(ReassignError::OtherPlatform)
        );
        assert!(matches!(
            reassign(&mut ws, &ProfileId("nope".into()), &a),
            Err(ReassignError::Unknown(_))
        ));
        assert_eq!(ws, before);
    }
}
