//! Suggested time slots per platform: the weekday and hour at which the client's own posts
//! earned the most engagement per post, and the hour its followers are most online, each with
//! the evidence behind it.

use std::collections::BTreeMap;

use chrono::{Datelike, Duration, Timelike};

use crate::domain::{Platform, Workspace, metrics, tz};

/// Why a slot is suggested.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Reason {
    /// Posts published in this slot earned `ratio` times the platform's average engagement
    /// per post, over `posts` posts.
    Performed { ratio: f64, posts: usize },
    /// The profile's followers are most online at this hour (average active followers).
    Online { active: f64 },
}

#[derive(Debug, Clone, PartialEq)]
pub struct Slot {
    pub platform: Platform,
    /// 0 = Monday; `None` for "every day" (follower activity).
    pub weekday: Option<u8>,
    pub hour: u8,
    pub reason: Reason,
}

/// How far back posts count: the half year before the platform's latest post.
const WINDOW_DAYS: i64 = 182;
/// A slot needs this many posts before its average says anything.
const MIN_POSTS: usize = 3;

/// Up to `per_platform` performance slots (better than average only) and the top online hour,
/// for every platform the client has own profiles on.
pub fn suggest(ws: &Workspace, per_platform: usize) -> Vec<Slot> {
    let zone = &ws.info.time_zone;
    let mut out = Vec::new();
    for platform in Platform::SOCIAL {
        let profiles: Vec<_> = ws
            .profiles
            .iter()
            .filter(|p| p.platform == platform && !p.competitor)
            .map(|p| &p.id)
            .collect();
        if profiles.is_empty() {
            continue;
        }
        let posts: Vec<_> = ws
            .posts
            .iter()
            .filter(|p| profiles.contains(&&p.profile))
            .collect();
        if let Some(latest) = posts.iter().map(|p| p.published).max() {
            let since = latest - Duration::days(WINDOW_DAYS);
            let mut cells: BTreeMap<(u8, u8), (f64, usize)> = BTreeMap::new();
            let (mut total, mut count) = (0.0, 0usize);
            for p in posts.iter().filter(|p| p.published >= since) {
                let local = tz::in_zone(&p.published, zone);
                let e = metrics::engagement(&p.metrics);
                let slot = cells
                    .entry((
                        local.weekday().num_days_from_monday() as u8,
                        local.hour() as u8,
                    ))
                    .or_default();
                slot.0 += e;
                slot.1 += 1;
                total += e;
                count += 1;
            }
            let mean = total / count.max(1) as f64;
            let mut ranked: Vec<(f64, usize, u8, u8)> = cells
                .into_iter()
                .filter(|(_, (_, n))| *n >= MIN_POSTS)
                .map(|((d, h), (sum, n))| (sum / n as f64 / mean.max(f64::MIN_POSITIVE), n, d, h))
                .filter(|(ratio, ..)| *ratio > 1.0)
                .collect();
            ranked.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.2.cmp(&b.2)).then(a.3.cmp(&b.3)));
            out.extend(
                ranked
                    .into_iter()
                    .take(per_platform)
                    .map(|(ratio, posts, d, h)| Slot {
                        platform,
                        weekday: Some(d),
                        hour: h,
                        reason: Reason::Performed { ratio, posts },
                    }),
            );
        }
        let mut hours = [(0.0, 0usize); 24];
        for a in ws
            .follower_activity
            .iter()
            .filter(|a| profiles.contains(&&a.profile))
        {
            let slot = &mut hours[usize::from(a.hour.min(23))];
            slot.0 += a.active;
            slot.1 += 1;
        }
        if let Some((hour, active)) = hours
            .iter()
            .enumerate()
            .filter(|(_, (_, n))| *n > 0)
            .map(|(h, (sum, n))| (h, sum / *n as f64))
            .max_by(|a, b| a.1.total_cmp(&b.1).then(b.0.cmp(&a.0)))
        {
            out.push(Slot {
                platform,
                weekday: None,
                hour: hour as u8,
                reason: Reason::Online { active },
            });
        }
    }
    out
}
