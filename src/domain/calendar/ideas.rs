//! Ideas collected from listening: the mentions most worth answering or building on, and the
//! planned idea one of them becomes.

use std::collections::HashSet;

use chrono::{DateTime, FixedOffset};

use crate::domain::{MemberId, Mention, PlanItem, PlanItemId, PlanStatus, Workspace, tz};

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
    let text: String = m.text.split_whitespace().collect::<Vec<_>>().join(" ");
    let short: String = text.chars().take(120).collect();
    let ellipsis = if text.chars().count() > 120 {
        "…"
    } else {
        ""
    };
    let mut item = PlanItem::new(id, author, PlanStatus::Idea, at);
    item.title = match &m.url {
        Some(url) => format!("{}: {short}{ellipsis} ({url})", m.author),
        None => format!("{}: {short}{ellipsis}", m.author),
    };
    item.source = Some(source_of(m));
    item
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
}
