//! What sets a persona apart: for every value of every used column (a category, an item of a
//! list, a band of a number), its share among the persona's members against its share in the
//! whole audience. The ratio is the *lift*: `age 30–39: 2.1×` means members aged 30–39 are
//! 2.1 times as common in the persona as in the audience.

use super::encode::{Encoded, MAX_ITEMS, MISSING_CODE, MISSING_SET};
use crate::domain::PersonaTrait;

/// Values whose share in a persona is below this are not kept in its profile.
const KEEP_SHARE: f64 = 0.05;
/// A defining trait is at least this common in the persona …
pub const DEFINING_SHARE: f64 = 0.2;
/// … and at least this much more common than in the audience.
pub const DEFINING_LIFT: f64 = 1.2;

/// Counts of one value among some members: how many have it, out of how many with the column.
#[derive(Clone, Copy, Default)]
struct Count {
    with: u32,
    known: u32,
}

/// Value counts of every feature value, for one group of members.
struct Tally {
    /// (column, value) per slot.
    counts: Vec<Count>,
}

/// The (column, value) name of every slot of a tally, in a fixed order.
fn slots(encoded: &Encoded) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for f in &encoded.numeric {
        out.extend(f.bands.iter().map(|b| (f.column.clone(), b.clone())));
    }
    for f in &encoded.categorical {
        out.extend(f.labels.iter().map(|l| (f.column.clone(), l.clone())));
    }
    for f in &encoded.items {
        out.extend(f.items.iter().map(|i| (f.column.clone(), i.clone())));
    }
    out
}

fn tally(encoded: &Encoded, labels: &[u16], k: usize) -> (Tally, Vec<Tally>) {
    let width = slots(encoded).len();
    let mut all = Tally {
        counts: vec![Count::default(); width],
    };
    let mut groups: Vec<Tally> = (0..k)
        .map(|_| Tally {
            counts: vec![Count::default(); width],
        })
        .collect();
    let p = encoded.numeric.len();
    let q = encoded.categorical.len();
    let r = encoded.items.len();
    let mut starts = Vec::new();
    let mut offset = 0;
    for f in &encoded.numeric {
        starts.push(offset);
        offset += f.bands.len();
    }
    for f in &encoded.categorical {
        starts.push(offset);
        offset += f.labels.len();
    }
    for f in &encoded.items {
        starts.push(offset);
        offset += f.items.len();
    }
    for (row, &label) in labels.iter().enumerate() {
        let group = &mut groups[label as usize];
        let mut add = |start: usize, len: usize, has: &dyn Fn(usize) -> bool| {
            for v in 0..len {
                let with = u32::from(has(v));
                for t in [&mut all.counts[start + v], &mut group.counts[start + v]] {
                    t.known += 1;
                    t.with += with;
                }
            }
        };
        for (j, feature) in encoded.numeric.iter().enumerate() {
            let band = encoded.band[row * p + j];
            if band != u8::MAX {
                add(starts[j], feature.bands.len(), &|v| v == band as usize);
            }
        }
        for (j, feature) in encoded.categorical.iter().enumerate() {
            let code = encoded.cat[row * q + j];
            if code != MISSING_CODE {
                add(starts[p + j], feature.labels.len(), &|v| v == code as usize);
            }
        }
        for (j, feature) in encoded.items.iter().enumerate() {
            let set = encoded.sets[row * r + j];
            if set != MISSING_SET {
                let len = feature.items.len().min(MAX_ITEMS);
                add(starts[p + q + j], len, &|v| set & (1 << v) != 0);
            }
        }
    }
    (all, groups)
}

/// Every persona's profile: values with a share of at least 5 % among its members, highest lift
/// first (ties by share, then column and value, so the order is deterministic).
pub fn profiles(encoded: &Encoded, labels: &[u16], k: usize) -> Vec<Vec<PersonaTrait>> {
    let names = slots(encoded);
    let (all, groups) = tally(encoded, labels, k);
    groups
        .iter()
        .map(|group| {
            let mut traits: Vec<PersonaTrait> = names
                .iter()
                .enumerate()
                .filter_map(|(i, (column, value))| {
                    let (g, a) = (group.counts[i], all.counts[i]);
                    if g.known == 0 || a.with == 0 {
                        return None;
                    }
                    let share = f64::from(g.with) / f64::from(g.known);
                    let base = f64::from(a.with) / f64::from(a.known);
                    (share >= KEEP_SHARE).then(|| PersonaTrait {
                        column: column.clone(),
                        value: value.clone(),
                        lift: share / base,
                        share,
                    })
                })
                .collect();
            traits.sort_by(|a, b| {
                b.lift
                    .total_cmp(&a.lift)
                    .then(b.share.total_cmp(&a.share))
                    .then_with(|| (&a.column, &a.value).cmp(&(&b.column, &b.value)))
            });
            traits
        })
        .collect()
}

/// The traits that define a persona: common among its members and clearly more common than in
/// the audience, at most `per_column` per column, highest lift first.
pub fn defining(traits: &[PersonaTrait], per_column: usize, limit: usize) -> Vec<&PersonaTrait> {
    let mut out: Vec<&PersonaTrait> = Vec::new();
    for t in traits {
        if t.share >= DEFINING_SHARE
            && t.lift >= DEFINING_LIFT
            && out.iter().filter(|o| o.column == t.column).count() < per_column
        {
            out.push(t);
            if out.len() == limit {
                break;
            }
        }
    }
    out
}
