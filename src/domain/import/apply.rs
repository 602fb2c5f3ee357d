//! Applying a parsed file to a workspace: the file's profile is matched (by platform ID,
//! handle or name) or created; posts are keyed by (profile, post ID) so re-importing the same
//! or an overlapping export adds nothing twice and updates metrics to the newer file; days,
//! activity hours and breakdowns are keyed the same way. Returns the batch record.

use std::collections::HashMap;

use chrono::{DateTime, FixedOffset};

use super::id_index::IdIndex;
use super::people::People;
use super::{Account, Parsed};
use crate::domain::model::{
    AudienceMember, AudienceSnapshot, AudienceSnapshotId, AudienceTable, AudienceTableId,
    BatchCounts, BatchId, DailyMetrics, FieldValue, FollowerActivity, ImportBatch, Metric, Metrics,
    PeriodTotals, Platform, Post, Profile, ProfileId, Workspace,
};

/// What the caller knows about the file besides its parse.
#[derive(Debug, Clone)]
pub struct BatchInfo {
    pub id: BatchId,
    pub file_name: String,
    pub content_hash: String,
    pub bytes: u64,
    pub imported_at: DateTime<FixedOffset>,
    /// A profile the user chose for this file (overrides matching).
    pub profile: Option<ProfileId>,
}

/// Merges a parse into the workspace and records the batch in it.
pub fn apply(ws: &mut Workspace, mut parsed: Parsed, info: BatchInfo) -> ImportBatch {
    // The mapping a generic file was read with is kept for the next file with its header.
    if let Some(mapping) = parsed.mapping.take() {
        ws.mappings
            .retain(|m| m.header_signature != mapping.header_signature);
        ws.mappings.push(mapping);
    }
    if let Some(people) = parsed.people.take() {
        return apply_people(ws, parsed, people, info);
    }
    if !parsed.mentions.is_empty() {
        return apply_mentions(ws, parsed, info);
    }
    if !parsed.messages.is_empty() {
        return apply_messages(ws, parsed, info);
    }
    if !parsed.benchmarks.is_empty() {
        return apply_benchmarks(ws, parsed, info);
    }
    if !parsed.totals.is_empty() {
        return apply_totals(ws, parsed, info);
    }
    let platform = parsed.platform.unwrap_or(Platform::Web);
    let profile = info
        .profile
        .clone()
        .filter(|p| ws.profiles.iter().any(|q| &q.id == p))
        .unwrap_or_else(|| match_or_create(ws, platform, &parsed.account, &info.file_name));
    let mut counts = BatchCounts {
        skipped: parsed.skipped,
        ..BatchCounts::default()
    };
    let mut changes = Metrics::new();

    // The profile's stored posts by ID, then the new ones as they are added.
    let mut posts = IdIndex::with_capacity(parsed.posts.len());
    for (i, p) in ws.posts.iter().enumerate() {
        if p.profile == profile {
            posts.insert(&p.id.0, i);
        }
    }
    ws.posts.reserve_exact(parsed.posts.len());
    for post in std::mem::take(&mut parsed.posts) {
        match posts.find(&post.id.0, |i| &ws.posts[i].id.0) {
            Some(i) => {
                let stored = &mut ws.posts[i];
                let mut changed = false;
                for (m, v) in post.metrics {
                    let old = stored.metrics.insert(m, v);
                    if old != Some(v) {
                        changed = true;
                        // Averages and levels do not add up over posts.
                        if !matches!(m, Metric::AverageViewSeconds | Metric::Followers) {
                            *changes.entry(m).or_default() += v - old.unwrap_or(0.0);
                        }
                    }
                }
                if stored.text.is_empty() && !post.text.is_empty() {
                    stored.text = post.text;
                    changed = true;
                }
                if stored.permalink.is_none() && post.permalink.is_some() {
                    stored.permalink = post.permalink;
                    changed = true;
                }
                if changed {
                    stored.batch = Some(info.id.clone());
                    counts.updated += 1;
                } else {
                    counts.unchanged += 1;
                }
            }
            None => {
                posts.insert(&post.id.0, ws.posts.len());
                ws.posts.push(Post {
                    id: post.id,
                    profile: profile.clone(),
                    published: post.published,
                    format: post.format,
                    text: post.text,
                    permalink: post.permalink,
                    metrics: post.metrics,
                    promoted: post.promoted,
                    batch: Some(info.id.clone()),
                });
                counts.inserted += 1;
            }
        }
    }

    let mut days: HashMap<chrono::NaiveDate, usize> = ws
        .daily
        .iter()
        .enumerate()
        .filter(|(_, d)| d.profile == profile)
        .map(|(i, d)| (d.date, i))
        .collect();
    for (date, values) in std::mem::take(&mut parsed.daily) {
        match days.get(&date) {
            Some(&i) => {
                let stored = &mut ws.daily[i].values;
                let before = stored.clone();
                stored.extend(values);
                if *stored == before {
                    counts.unchanged += 1;
                } else {
                    counts.updated += 1;
                }
            }
            None => {
                days.insert(date, ws.daily.len());
                ws.daily.push(DailyMetrics {
                    profile: profile.clone(),
                    date,
                    values,
                });
                counts.inserted += 1;
            }
        }
    }

    for (date, hour, active) in std::mem::take(&mut parsed.activity) {
        match ws
            .follower_activity
            .iter_mut()
            .find(|a| a.profile == profile && a.date == date && a.hour == hour)
        {
            Some(a) if a.active == active => counts.unchanged += 1,
            Some(a) => {
                a.active = active;
                counts.updated += 1;
            }
            None => {
                ws.follower_activity.push(FollowerActivity {
                    profile: profile.clone(),
                    date,
                    hour,
                    active,
                });
                counts.inserted += 1;
            }
        }
    }

    let breakdowns = std::mem::take(&mut parsed.breakdowns);
    if !breakdowns.is_empty() {
        let date = parsed
            .period
            .map(|(_, end)| end)
            .unwrap_or_else(|| info.imported_at.date_naive());
        let id = AudienceSnapshotId(format!("{}-{}", profile, date));
        let entries: u64 = parsed
            .breakdowns
            .iter()
            .map(|b| b.entries.len() as u64)
            .sum();
        match ws.audience_snapshots.iter_mut().find(|s| s.id == id) {
            Some(snapshot) => {
                for b in breakdowns {
                    snapshot
                        .breakdowns
                        .retain(|old| old.dimension != b.dimension);
                    snapshot.breakdowns.push(b);
                }
                counts.updated += entries;
            }
            None => {
                ws.audience_snapshots.push(AudienceSnapshot {
                    id,
                    profile: profile.clone(),
                    date,
                    breakdowns,
                });
                counts.inserted += entries;
            }
        }
    }

    let mut batch = record(ws, parsed, info, counts, vec![profile]);
    changes.retain(|_, delta| *delta != 0.0);
    if let Some(stored) = ws.batches.last_mut() {
        stored.changes = changes.clone();
    }
    batch.changes = changes;
    batch
}

fn record(
    ws: &mut Workspace,
    parsed: Parsed,
    info: BatchInfo,
    counts: BatchCounts,
    profiles: Vec<ProfileId>,
) -> ImportBatch {
    let batch = ImportBatch {
        id: info.id,
        file_name: info.file_name,
        content_hash: info.content_hash,
        bytes: info.bytes,
        family: parsed.family,
        kind: parsed.kind,
        platform: parsed.platform,
        header_signature: parsed.header_signature,
        imported_at: info.imported_at,
        counts,
        diagnostics: parsed.diagnostics,
        profiles,
        changes: Metrics::new(),
    };
    ws.batches.push(batch.clone());
    batch
}

/// A per-person table: the table with the same header is replaced by the newer file (row by
/// row: new, changed and unchanged rows are counted); otherwise a new table is added. Saved
/// persona snapshots stay, so the new members can be compared with them.
fn apply_people(
    ws: &mut Workspace,
    parsed: Parsed,
    people: People,
    info: BatchInfo,
) -> ImportBatch {
    let existing = ws.audience_tables.iter().position(|t| {
        ws.batches.iter().any(|b| {
            t.batch.as_ref() == Some(&b.id) && b.header_signature == parsed.header_signature
        })
    });
    let id = match existing {
        Some(i) => ws.audience_tables[i].id.clone(),
        None => {
            let stem = info
                .file_name
                .rsplit_once('.')
                .map_or(&*info.file_name, |(s, _)| s);
            let base = format!(
                "aud-{}",
                crate::domain::slug(stem)
                    .chars()
                    .take(40)
                    .collect::<String>()
            );
            let mut id = base.clone();
            let mut n = 2;
            while ws.audience_tables.iter().any(|t| t.id.0 == id) {
                id = format!("{base}-{n}");
                n += 1;
            }
            AudienceTableId(id)
        }
    };
    let mut old: HashMap<u32, Vec<FieldValue>> = HashMap::new();
    ws.audience_members.retain(|m| {
        if m.table == id {
            old.insert(m.row, m.values.clone());
            false
        } else {
            true
        }
    });
    let mut counts = BatchCounts {
        skipped: parsed.skipped,
        ..BatchCounts::default()
    };
    for (row, values) in people.rows.into_iter().enumerate() {
        let row = row as u32;
        match old.get(&row) {
            Some(before) if *before == values => counts.unchanged += 1,
            Some(_) => counts.updated += 1,
            None => counts.inserted += 1,
        }
        ws.audience_members.push(AudienceMember {
            table: id.clone(),
            row,
            values,
        });
    }
    let table = AudienceTable {
        id: id.clone(),
        name: info.file_name.clone(),
        columns: people.columns,
        batch: Some(info.id.clone()),
    };
    match existing {
        Some(i) => ws.audience_tables[i] = table,
        None => ws.audience_tables.push(table),
    }
    record(ws, parsed, info, counts, Vec::new())
}

/// Mentions are kept by their ID (the tool's, else the link, else a hash of date, author and
/// text): a mention seen again is updated (reach and sentiment change as tools recount), never
/// added twice.
fn apply_mentions(ws: &mut Workspace, mut parsed: Parsed, info: BatchInfo) -> ImportBatch {
    let mut counts = BatchCounts {
        skipped: parsed.skipped,
        ..BatchCounts::default()
    };
    let mut index: HashMap<String, usize> = ws
        .mentions
        .iter()
        .enumerate()
        .map(|(i, m)| (m.id.0.clone(), i))
        .collect();
    for mut mention in std::mem::take(&mut parsed.mentions) {
        match index.get(&mention.id.0) {
            Some(&i) => {
                mention.batch = ws.mentions[i].batch.clone();
                if ws.mentions[i] == mention {
                    counts.unchanged += 1;
                } else {
                    mention.batch = Some(info.id.clone());
                    ws.mentions[i] = mention;
                    counts.updated += 1;
                }
            }
            None => {
                mention.batch = Some(info.id.clone());
                index.insert(mention.id.0.clone(), ws.mentions.len());
                ws.mentions.push(mention);
                counts.inserted += 1;
            }
        }
    }
    record(ws, parsed, info, counts, Vec::new())
}

/// Benchmarks are kept by scope, label, platform, metric and start: a benchmark imported again
/// takes the file's value.
fn apply_benchmarks(ws: &mut Workspace, mut parsed: Parsed, info: BatchInfo) -> ImportBatch {
    let mut counts = BatchCounts {
        skipped: parsed.skipped,
        ..BatchCounts::default()
    };
    for benchmark in std::mem::take(&mut parsed.benchmarks) {
        let identity = benchmark.identity();
        match ws.benchmarks.iter_mut().find(|b| b.identity() == identity) {
            Some(stored) if *stored == benchmark => counts.unchanged += 1,
            Some(stored) => {
                *stored = benchmark;
                counts.updated += 1;
            }
            None => {
                ws.benchmarks.push(benchmark);
                counts.inserted += 1;
            }
        }
    }
    record(ws, parsed, info, counts, Vec::new())
}

/// Each page's totals go to its profile: the file's own page (named by the file) to the own
/// profile of that name or handle, the others to the profile of their name, else to a new
/// competitor's profile. Totals of the same profile and period are replaced by the newer file.
fn apply_totals(ws: &mut Workspace, mut parsed: Parsed, info: BatchInfo) -> ImportBatch {
    let platform = parsed.platform.unwrap_or(Platform::LinkedIn);
    let mut counts = BatchCounts {
        skipped: parsed.skipped,
        ..BatchCounts::default()
    };
    let mut touched: Vec<ProfileId> = Vec::new();
    for t in std::mem::take(&mut parsed.totals) {
        let account = Account {
            external_id: None,
            // The own page's profile may be known by the file's name for it only.
            handle: if t.own {
                parsed.account.handle.clone()
            } else {
                Some(t.page.clone())
            },
            name: Some(t.page.clone()),
        };
        let before = ws.profiles.len();
        let profile = match_or_create(ws, platform, &account, &info.file_name);
        if ws.profiles.len() > before
            && let Some(created) = ws.profiles.last_mut()
        {
            created.competitor = !t.own;
        }
        if !touched.contains(&profile) {
            touched.push(profile.clone());
        }
        let totals = PeriodTotals {
            profile,
            period: t.period,
            values: t.values,
            posts: t.posts,
            batch: Some(info.id.clone()),
        };
        let identity = totals.identity();
        match ws
            .period_totals
            .iter_mut()
            .find(|s| s.identity() == identity)
        {
            Some(stored) if stored.values == totals.values && stored.posts == totals.posts => {
                counts.unchanged += 1
            }
            Some(stored) => {
                *stored = totals;
                counts.updated += 1;
            }
            None => {
                ws.period_totals.push(totals);
                counts.inserted += 1;
            }
        }
    }
    record(ws, parsed, info, counts, touched)
}

/// Messages are kept by their ID (the tool's, else a hash of time, author and text) and go to
/// the profile they reached: the one the user chose, else the profile of their network named
/// like the file's profile column (else the network's only own profile, else a new one).
fn apply_messages(ws: &mut Workspace, mut parsed: Parsed, info: BatchInfo) -> ImportBatch {
    let mut counts = BatchCounts {
        skipped: parsed.skipped,
        ..BatchCounts::default()
    };
    let chosen = info
        .profile
        .clone()
        .filter(|p| ws.profiles.iter().any(|q| &q.id == p));
    let mut profiles: HashMap<(Platform, String), ProfileId> = HashMap::new();
    let mut index: HashMap<String, usize> = ws
        .messages
        .iter()
        .enumerate()
        .map(|(i, m)| (m.id.0.clone(), i))
        .collect();
    let mut touched: Vec<ProfileId> = Vec::new();
    for inbox in std::mem::take(&mut parsed.messages) {
        let mut message = inbox.message;
        message.profile = match &chosen {
            Some(p) => p.clone(),
            None => profiles
                .entry((inbox.platform, inbox.account.clone()))
                .or_insert_with(|| {
                    let named = (!inbox.account.is_empty()).then(|| inbox.account.clone());
                    let account = Account {
                        external_id: None,
                        handle: named.clone(),
                        name: named,
                    };
                    match_or_create(ws, inbox.platform, &account, &info.file_name)
                })
                .clone(),
        };
        if !touched.contains(&message.profile) {
            touched.push(message.profile.clone());
        }
        match index.get(&message.id.0) {
            Some(&i) => {
                message.batch = ws.messages[i].batch.clone();
                if ws.messages[i] == message {
                    counts.unchanged += 1;
                } else {
                    message.batch = Some(info.id.clone());
                    ws.messages[i] = message;
                    counts.updated += 1;
                }
            }
            None => {
                message.batch = Some(info.id.clone());
                index.insert(message.id.0.clone(), ws.messages.len());
                ws.messages.push(message);
                counts.inserted += 1;
            }
        }
    }
    record(ws, parsed, info, counts, touched)
}

/// The workspace profile a file is about: same platform and the same platform ID, handle or
/// name (its own or an alias); else the only profile of that platform that is not a competitor; else a new one.
fn match_or_create(ws: &mut Workspace, platform: Platform, a: &Account, file: &str) -> ProfileId {
    let same = |x: &Option<String>, y: &str| {
        x.as_deref()
            .is_some_and(|x| x.eq_ignore_ascii_case(y.trim_start_matches('@')))
    };
    let candidates: Vec<&Profile> = ws
        .profiles
        .iter()
        .filter(|p| p.platform == platform)
        .collect();
    // A profile another one's data moved onto answers to that one's names too.
    let alias = |p: &Profile, x: &Option<String>| p.aliases.iter().any(|n| same(x, n));
    let found = candidates
        .iter()
        .find(|p| {
            (p.external_id.is_some() && p.external_id == a.external_id) || alias(p, &a.external_id)
        })
        .or_else(|| {
            candidates
                .iter()
                .find(|p| same(&a.handle, &p.handle) || alias(p, &a.handle))
        })
        .or_else(|| {
            candidates
                .iter()
                .find(|p| same(&a.name, &p.name) || alias(p, &a.name))
        })
        .or_else(|| {
            let own: Vec<&&Profile> = candidates.iter().filter(|p| !p.competitor).collect();
            (a.external_id.is_none() && a.handle.is_none() && a.name.is_none() && own.len() == 1)
                .then(|| own[0])
        });
    if let Some(p) = found {
        return p.id.clone();
    }
    let handle = a.handle.clone().unwrap_or_default();
    let name = a
        .name
        .clone()
        .or_else(|| a.handle.clone())
        .unwrap_or_else(|| format!("{} ({file})", platform.name()));
    let base = format!(
        "{}-{}",
        platform.slug(),
        a.external_id
            .clone()
            .unwrap_or_else(|| crate::domain::slug(&name).chars().take(40).collect())
    );
    let mut id = base.clone();
    let mut n = 2;
    while ws.profiles.iter().any(|p| p.id.0 == id) {
        id = format!("{base}-{n}");
        n += 1;
    }
    ws.profiles.push(Profile {
        id: ProfileId(id.clone()),
        platform,
        handle,
        name,
        external_id: a.external_id.clone(),
        region: None,
        sub_brand: None,
        competitor: false,
        url: None,
        aliases: Vec::new(),
    });
    ProfileId(id)
}
