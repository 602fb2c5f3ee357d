//! Moving a profile's data onto another profile of the same platform. Imports match profiles by
//! the page or account name and ID in the file; when that yields a second profile for a page
//! already known (a renamed page, an export without IDs), the user reassigns it. Where both hold
//! the same post, the version from the later import is kept (by their import batches); the
//! figures of one day come together, the moved profile's winning where both have one (it is what
//! an import just brought), and so does an hour of follower activity. Demographics snapshots all
//! move. Every reference to the moved profile (messages, report definitions, persona channels,
//! import batches) follows it, and the moved profile is removed.

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
    let platform = |id: &ProfileId| {
        ws.profile(id)
            .map(|p| p.platform)
            .ok_or_else(|| ReassignError::Unknown(id.0.clone()))
    };
    if platform(from)? != platform(to)? {
        return Err(ReassignError::OtherPlatform);
    }
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
    // metrics); where both have a figure, the moved profile's wins.
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
            day.values.extend(values);
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
    // Follower activity: one figure per hour; the moved profile's wins.
    moved.overlapping += move_keyed(
        &mut ws.follower_activity,
        from,
        to,
        |a| &mut a.profile,
        |a| (a.date, a.hour),
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
    for message in ws.messages.iter_mut().filter(|m| &m.profile == from) {
        message.profile = to.clone();
    }
    let mut seen = HashSet::new();
    ws.messages
        .retain(|m| &m.profile != to || seen.insert(m.id.clone()));
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
    ws.profiles.retain(|p| &p.id != from);
    Ok(moved)
}

/// Moves records keyed by profile and `key` from `from` to `to`; where `to` already has the key,
/// its record gives way. Returns how many did.
fn move_keyed<T, K: std::hash::Hash + Eq>(
    items: &mut Vec<T>,
    from: &ProfileId,
    to: &ProfileId,
    profile: impl Fn(&mut T) -> &mut ProfileId,
    key: impl Fn(&T) -> K,
) -> usize {
    let incoming: HashSet<K> = items
        .iter_mut()
        .filter_map(|i| (profile(i) == from).then(|| key(i)))
        .collect();
    let before = items.len();
    items.retain_mut(|i| !(profile(i) == to && incoming.contains(&key(i))));
    let replaced = before - items.len();
    for item in items.iter_mut() {
        let p = profile(item);
        if p == from {
            *p = to.clone();
        }
    }
    replaced
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
    fn pair(ws: &Workspace) -> (ProfileId, ProfileId) {
        let mut by_platform: HashMap<Platform, Vec<&Profile>> = HashMap::new();
        for p in &ws.profiles {
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
            .expect("the demo has two profiles on one platform");
        (two[0].id.clone(), two[1].id.clone())
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
        let profiles = ws.profiles.len();
        let moved = reassign(&mut ws, &from, &to).unwrap();
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
        let old = BatchId("old".into());
        let new = BatchId("new".into());
        for (id, day) in [(&old, 1), (&new, 2)] {
            let mut batch = ws.batches.first().cloned().unwrap_or_else(|| ImportBatch {
                id: id.clone(),
                file_name: String::new(),
                content_hash: String::new(),
                bytes: 0,
                family: String::new(),
                kind: String::new(),
                platform: None,
                header_signature: String::new(),
                imported_at: chrono::DateTime::parse_from_rfc3339("2026-11-01T00:00:00+07:00")
                    .unwrap(),
                counts: BatchCounts::default(),
                diagnostics: Vec::new(),
                profiles: Vec::new(),
            });
            batch.id = id.clone();
            batch.imported_at =
                chrono::DateTime::parse_from_rfc3339(&format!("2026-11-0{day}T00:00:00+07:00"))
                    .unwrap();
            ws.batches.push(batch);
        }
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
