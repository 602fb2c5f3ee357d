//! Customer service (BRIEF section 7): the comments and direct messages the brand's profiles
//! received over a period — how many, what about, how they were answered per profile, and which
//! still wait for a first reply. The inbox page and reports read these figures.

use super::metrics::{self, Responsiveness};
use super::{Message, MessageKind, Period, ProfileId, Sentiment, Workspace, tz};

/// The messages still waiting that are listed, oldest first.
pub const WAITING_LISTED: usize = 10;

/// One profile's messages in the period.
#[derive(Debug, Clone, PartialEq)]
pub struct ProfileService {
    pub profile: ProfileId,
    pub received: usize,
    pub answers: Option<Responsiveness>,
}

/// The message kinds in the order [`Service::kinds`] counts them.
pub const KINDS: [MessageKind; 4] = [
    MessageKind::Question,
    MessageKind::Complaint,
    MessageKind::Praise,
    MessageKind::Other,
];

/// Customer service over a period.
#[derive(Debug, Clone, PartialEq)]
pub struct Service {
    pub period: Period,
    pub received: usize,
    /// Messages received in the period before, of the same length.
    pub before: usize,
    /// Messages of each kind, in the order of [`KINDS`].
    pub kinds: [usize; 4],
    /// Positive, neutral, negative (unrated ones are not counted).
    pub sentiment: [usize; 3],
    pub answers: Option<Responsiveness>,
    /// Each profile that received messages, the most first.
    pub profiles: Vec<ProfileService>,
    /// Messages that need a reply and have none: how many, and the oldest ones.
    pub waiting: usize,
    pub oldest_waiting: Vec<Message>,
}

/// The last day a message was received (the inbox's "as of").
pub fn latest_message_day(ws: &Workspace) -> Option<chrono::NaiveDate> {
    tz::latest_day(ws.messages.iter().map(|m| &m.received), &ws.info.time_zone)
}

/// Customer service over `period` for the messages of `profiles` (all when `None`); `None` when
/// no such message was received in it.
pub fn service(ws: &Workspace, period: Period, profiles: Option<&[ProfileId]>) -> Option<Service> {
    let zone = &ws.info.time_zone;
    let day = |m: &Message| tz::local_date(&m.received, zone);
    let kept = |m: &&Message| profiles.is_none_or(|p| p.contains(&m.profile));
    let now: Vec<&Message> = ws
        .messages
        .iter()
        .filter(kept)
        .filter(|m| period.contains(day(m)))
        .collect();
    if now.is_empty() {
        return None;
    }
    let previous = period.previous();
    let before = ws
        .messages
        .iter()
        .filter(kept)
        .filter(|m| previous.contains(day(m)))
        .count();
    let mut kinds = [0; 4];
    let mut sentiment = [0; 3];
    for m in &now {
        if let Some(i) = KINDS.iter().position(|k| *k == m.kind) {
            kinds[i] += 1;
        }
        match m.sentiment {
            Some(Sentiment::Positive) => sentiment[0] += 1,
            Some(Sentiment::Neutral) => sentiment[1] += 1,
            Some(Sentiment::Negative) => sentiment[2] += 1,
            None => {}
        }
    }
    let mut profiles: Vec<ProfileService> = Vec::new();
    for m in &now {
        if !profiles.iter().any(|p| p.profile == m.profile) {
            let of_profile = || now.iter().copied().filter(|x| x.profile == m.profile);
            profiles.push(ProfileService {
                profile: m.profile.clone(),
                received: of_profile().count(),
                answers: metrics::responsiveness_of(of_profile()),
            });
        }
    }
    profiles.sort_by(|a, b| b.received.cmp(&a.received).then(a.profile.cmp(&b.profile)));
    let mut waiting: Vec<&Message> = now
        .iter()
        .copied()
        .filter(|m| m.needs_reply && m.first_reply.is_none())
        .collect();
    waiting.sort_by(|a, b| a.received.cmp(&b.received).then(a.id.0.cmp(&b.id.0)));
    Some(Service {
        period,
        received: now.len(),
        before,
        kinds,
        sentiment,
        answers: metrics::responsiveness_of(now.iter().copied()),
        profiles,
        waiting: waiting.len(),
        oldest_waiting: waiting.into_iter().take(WAITING_LISTED).cloned().collect(),
    })
}
