//! How personas drift between two snapshots: each persona of the later snapshot is matched to
//! the earlier persona whose profile it resembles most (cosine similarity of the value shares,
//! best pairs first); unmatched earlier personas vanished, unmatched later ones are new. For a
//! match: the change in size and share, and the values whose share moved.

use std::collections::HashMap;

use crate::domain::{Persona, PersonaSnapshot};

/// Below this similarity two personas are not the same group.
pub const MATCH_SIMILARITY: f64 = 0.6;
/// A value's share must move by at least this much (10 points) to be reported.
pub const MOVED_SHARE: f64 = 0.10;

#[derive(Debug, Clone, PartialEq)]
pub struct Moved {
    pub column: String,
    pub value: String,
    pub before: f64,
    pub after: f64,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Matched {
    /// Indexes into the earlier and later snapshot's personas.
    pub before: usize,
    pub after: usize,
    pub similarity: f64,
    pub size_before: u32,
    pub size_after: u32,
    pub share_before: f64,
    pub share_after: f64,
    /// Largest moves first.
    pub moved: Vec<Moved>,
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct Drift {
    pub matched: Vec<Matched>,
    pub vanished: Vec<usize>,
    pub new: Vec<usize>,
}

fn shares(persona: &Persona) -> HashMap<(&str, &str), f64> {
    persona
        .traits
        .iter()
        .map(|t| ((t.column.as_str(), t.value.as_str()), t.share))
        .collect()
}

/// Cosine similarity of two personas' value shares.
pub fn similarity(a: &Persona, b: &Persona) -> f64 {
    let (sa, sb) = (shares(a), shares(b));
    let dot: f64 = sa
        .iter()
        .filter_map(|(k, x)| sb.get(k).map(|y| x * y))
        .sum();
    let norm = |s: &HashMap<(&str, &str), f64>| s.values().map(|x| x * x).sum::<f64>().sqrt();
    let denominator = norm(&sa) * norm(&sb);
    if denominator == 0.0 {
        0.0
    } else {
        dot / denominator
    }
}

fn total(snapshot: &PersonaSnapshot) -> f64 {
    let sum: u32 = snapshot.personas.iter().map(|p| p.size).sum();
    f64::from(snapshot.members.max(sum).max(1))
}

pub fn compare(before: &PersonaSnapshot, after: &PersonaSnapshot) -> Drift {
    let mut pairs: Vec<(f64, usize, usize)> = Vec::new();
    for (i, a) in before.personas.iter().enumerate() {
        for (j, b) in after.personas.iter().enumerate() {
            let s = similarity(a, b);
            if s >= MATCH_SIMILARITY {
                pairs.push((s, i, j));
            }
        }
    }
    pairs.sort_by(|x, y| y.0.total_cmp(&x.0).then(x.1.cmp(&y.1)).then(x.2.cmp(&y.2)));
    let mut used_before = vec![false; before.personas.len()];
    let mut used_after = vec![false; after.personas.len()];
    let (total_before, total_after) = (total(before), total(after));
    let mut drift = Drift::default();
    for (s, i, j) in pairs {
        if used_before[i] || used_after[j] {
            continue;
        }
        used_before[i] = true;
        used_after[j] = true;
        let (a, b) = (&before.personas[i], &after.personas[j]);
        drift.matched.push(Matched {
            before: i,
            after: j,
            similarity: s,
            size_before: a.size,
            size_after: b.size,
            share_before: f64::from(a.size) / total_before,
            share_after: f64::from(b.size) / total_after,
            moved: moved(a, b),
        });
    }
    drift.matched.sort_by_key(|m| m.after);
    drift.vanished = (0..before.personas.len())
        .filter(|&i| !used_before[i])
        .collect();
    drift.new = (0..after.personas.len())
        .filter(|&j| !used_after[j])
        .collect();
    drift
}

fn moved(a: &Persona, b: &Persona) -> Vec<Moved> {
    let (sa, sb) = (shares(a), shares(b));
    let mut keys: Vec<(&str, &str)> = sa.keys().chain(sb.keys()).copied().collect();
    keys.sort();
    keys.dedup();
    let mut out: Vec<Moved> = keys
        .into_iter()
        .filter_map(|k| {
            let (x, y) = (
                sa.get(&k).copied().unwrap_or(0.0),
                sb.get(&k).copied().unwrap_or(0.0),
            );
            ((y - x).abs() >= MOVED_SHARE).then(|| Moved {
                column: k.0.to_owned(),
                value: k.1.to_owned(),
                before: x,
                after: y,
            })
        })
        .collect();
    out.sort_by(|m, n| {
        (n.after - n.before)
            .abs()
            .total_cmp(&(m.after - m.before).abs())
    });
    out
}
