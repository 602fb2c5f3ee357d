//! Ideas collected from listening and from competitors: the mentions most worth answering or
//! building on, the competitors' posts that work best, and the planned idea each becomes.

use std::collections::{HashMap, HashSet};

use chrono::{DateTime, FixedOffset};

use crate::domain::{
    MemberId, Mention, PlanItem, PlanItemId, PlanStatus, Post, Profile, ProfileId, Workspace,
    metrics, tz,
};

/// Days before the latest mention that count as recent.
pub const RECENT_DAYS: i64 = 30;

/// The recent mentions with the most reach (then the most followed authors), at most `n`,
/// leaving out those already turned into an idea.
pub fn from_listening(ws: &Workspace, n: usize) -> Vec<&Mention> {
    let Some(last) = crate::domain::report::latest_mention_day(ws) else {
        return Vec::new();
    };
    let zone = &ws.info.time_zone;
    let from = last - chrono::Duration::days(RECENT_DAYS - 1);
    let used: HashSet<&str> = ws.plan.iter().filter_map(|i| i.source.as_deref()).collect();
    let mut recent: Vec<&Mention> = ws
        .mentions
        .iter()
        .filter(|m| tz::local_date(&m.published, zone) >= from)
        .filter(|m| !used.contains(source_of(m).as_str()))
        .collect();
    let weight = |m: &Mention| (m.reach.unwrap_or(0.0), m.author_followers.unwrap_or(0.0));
    recent.sort_by(|a, b| {
        let (wa, wb) = (weight(a), weight(b));
        wb.0.total_cmp(&wa.0)
            .then(wb.1.total_cmp(&wa.1))
            .then(a.id.cmp(&b.id))
    });
    recent.truncate(n);
    recent
}

/// The `source` a plan item made from this mention carries.
pub fn source_of(m: &Mention) -> String {
    format!("listening:{}", m.id.0)
}

/// An idea from a mention: titled with its author and text, its link kept in the title's
/// end, scheduled for `at` (or undated).
pub fn idea_from_mention(
    m: &Mention,
    id: PlanItemId,
    author: MemberId,
    at: Option<DateTime<FixedOffset>>,
) -> PlanItem {
    let mut item = PlanItem::new(id, author, PlanStatus::Idea, at);
    item.title = titled(&m.author, &m.text, m.url.as_deref());
    item.source = Some(source_of(m));
    item
}

/// The recent posts of competitors with the most engagement (the 30 days up to their latest
/// post), at most `n`, with their profiles, leaving out those already turned into an idea: what
/// works for them is worth an answer of one's own.
pub fn from_competitors(ws: &Workspace, n: usize) -> Vec<(&Profile, &Post)> {
    let rivals: HashMap<&ProfileId, &Profile> = ws
        .profiles
        .iter()
        .filter(|p| p.competitor)
        .map(|p| (&p.id, p))
        .collect();
    let zone = &ws.info.time_zone;
    let theirs = || ws.posts.iter().filter(|p| rivals.contains_key(&p.profile));
    let Some(last) = tz::latest_day(theirs().map(|p| &p.published), zone) else {
        return Vec::new();
    };
    let from = last - chrono::Duration::days(RECENT_DAYS - 1);
    let used: HashSet<&str> = ws.plan.iter().filter_map(|i| i.source.as_deref()).collect();
    let mut recent: Vec<(f64, &Post)> = theirs()
        .filter(|p| tz::local_date(&p.published, zone) >= from)
        .filter(|p| !used.contains(competitor_source(p).as_str()))
        .map(|p| (metrics::engagement(&p.metrics), p))
        .collect();
    recent.sort_by(|(ea, a), (eb, b)| {
        eb.total_cmp(ea)
            .then(a.profile.cmp(&b.profile))
            .then(a.id.cmp(&b.id))
    });
    recent
        .into_iter()
        .take(n)
        .map(|(_, p)| (rivals[&p.profile], p))
        .collect()
}

/// The `source` a plan item made from a competitor's post carries.
pub fn competitor_source(post: &Post) -> String {
    format!("competitors:{}/{}", post.profile.0, post.id.0)
}

/// An idea from a competitor's post: titled with the competitor and the post's text, its link
/// at the end, in the post's format, scheduled for `at` (or undated).
pub fn idea_from_competitor(
    profile: &Profile,
    post: &Post,
    id: PlanItemId,
    author: MemberId,
    at: Option<DateTime<FixedOffset>>,
) -> PlanItem {
    let mut item = PlanItem::new(id, author, PlanStatus::Idea, at);
    item.title = titled(
        &profile.display_name(),
        &post.text,
        post.permalink.as_deref(),
    );
    item.format = post.format;
    item.source = Some(competitor_source(post));
    item
}

/// "who: the text's first 120 characters… (link)", white space tidied.
fn titled(who: &str, text: &str, link: Option<&str>) -> String {
    let text: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
    let short: String = text.chars().take(120).collect();
    let ellipsis = if text.chars().count() > 120 {
        "…"
    } else {
        ""
    };
    match link {
        Some(url) => format!("{who}: {short}{ellipsis} ({url})"),
        None => format!("{who}: {short}{ellipsis}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::demo::{DemoOptions, generate};

    #[test]
    fn the_recent_mentions_with_most_reach_come_first_and_used_ones_leave() {
        let mut ws = generate(&DemoOptions::new(
            chrono::NaiveDate::from_ymd_opt(2026, 11, 27).unwrap(),
        ));
        let picked = from_listening(&ws, 5);
        assert_eq!(picked.len(), 5);
        let reach: Vec<f64> = picked.iter().map(|m| m.reach.unwrap_or(0.0)).collect();
        assert!(reach.windows(2).all(|w| w[0] >= w[1]), "{reach:?}");
        let top = picked[0].clone();
        let idea = idea_from_mention(&top, PlanItemId("i1".into()), MemberId("m".into()), None);
        assert_eq!(idea.status, PlanStatus::Idea);
        assert!(idea.title.starts_with(&top.author));
        assert_eq!(idea.source.as_deref(), Some(source_of(&top).as_str()));
        ws.plan.push(idea);
        let again = from_listening(&ws, 5);
        assert!(
            again.iter().all(|m| m.id != top.id),
            "a used mention is not offered again"
        );
        ws.mentions.clear();
        assert!(from_listening(&ws, 5).is_empty());
    }

    #[test]
    fn competitors_best_recent_posts_come_first_and_used_ones_leave() {
        let mut ws = generate(&DemoOptions::new(
            chrono::NaiveDate::from_ymd_opt(2026, 11, 27).unwrap(),
        ));
        let picked = from_competitors(&ws, 5);
        assert_eq!(picked.len(), 5);
        assert!(
            picked
                .iter()
                .all(|(profile, post)| profile.competitor && post.profile == profile.id)
        );
        let engagement: Vec<f64> = picked
            .iter()
            .map(|(_, p)| crate::domain::metrics::engagement(&p.metrics))
            .collect();
        assert!(
            engagement.windows(2).all(|w| w[0] >= w[1]),
            "{engagement:?}"
        );
        // Nothing of theirs in the 30 days up to their latest post has more than the fifth.
        let zone = ws.info.time_zone.clone();
        let theirs: Vec<&Post> = ws
            .posts
            .iter()
            .filter(|p| ws.profile(&p.profile).is_some_and(|r| r.competitor))
            .collect();
        let last = theirs
            .iter()
            .map(|p| tz::local_date(&p.published, &zone))
            .max()
            .unwrap();
        let above = theirs
            .iter()
            .filter(|p| tz::local_date(&p.published, &zone) > last - chrono::Duration::days(30))
            .filter(|p| crate::domain::metrics::engagement(&p.metrics) > engagement[4])
            .count();
        assert!(above < 5, "{above}");
        let (profile, top) = picked[0];
        let idea = idea_from_competitor(
            profile,
            top,
            PlanItemId("i2".into()),
            MemberId("m".into()),
            None,
        );
        assert!(
            idea.title.starts_with(&profile.display_name()),
            "{}",
            idea.title
        );
        assert_eq!(idea.format, top.format);
        let top_id = top.id.clone();
        ws.plan.push(idea);
        assert!(
            from_competitors(&ws, 5).iter().all(|(_, p)| p.id != top_id),
            "a used post is not offered again"
        );
        for p in &mut ws.profiles {
            p.competitor = false;
        }
        assert!(from_competitors(&ws, 5).is_empty());
    }
}
