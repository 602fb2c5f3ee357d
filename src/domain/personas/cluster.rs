//! Mixed-type clustering: k-representatives (k-prototypes with frequency prototypes) over the
//! Gower distance, k chosen by silhouette on a sample. ARCHITECTURE.md says why this method.
//!
//! - Distance between two members (Gower): the mean over features both have of |a − b| for
//!   scaled numbers, 0/1 for categories, and the Jaccard distance for item sets.
//! - A persona's prototype holds the mean of each number, the frequency of each category value and
//!   of each item. A member's distance to it uses 1 − frequency for its category, and the weighted
//!   (Ruzicka) Jaccard distance for its item set — the natural extension of the member distance.
//! - Seeding is k-means++ with a seeded generator; the same data and seed give the same result.

use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;

use super::encode::{Encoded, MAX_ITEMS, MISSING_CODE, MISSING_SET};

/// The prototypes of k personas.
#[derive(Debug, Clone, PartialEq)]
pub struct Model {
    pub k: usize,
    /// k × numeric means (NaN: no member has the value).
    num: Vec<f32>,
    /// k × (all labels of all categorical features) frequencies.
    cat: Vec<f32>,
    cat_offsets: Vec<usize>,
    cat_width: usize,
    /// k × items features × MAX_ITEMS frequencies.
    item: Vec<f32>,
    /// k × items features: sum of the item frequencies.
    item_total: Vec<f32>,
}

/// The result of one clustering run over some rows.
#[derive(Debug, Clone)]
pub struct Fit {
    pub model: Model,
    /// The persona of each row, in the order of the rows given.
    pub labels: Vec<u16>,
    /// Sum of the distances of rows to their prototype.
    pub cost: f64,
}

impl Model {
    fn empty(encoded: &Encoded, k: usize) -> Model {
        let mut cat_offsets = Vec::with_capacity(encoded.categorical.len());
        let mut width = 0;
        for feature in &encoded.categorical {
            cat_offsets.push(width);
            width += feature.labels.len();
        }
        let items = encoded.items.len();
        Model {
            k,
            num: vec![0.0; k * encoded.numeric.len()],
            cat: vec![0.0; k * width],
            cat_offsets,
            cat_width: width,
            item: vec![0.0; k * items * MAX_ITEMS],
            item_total: vec![0.0; k * items],
        }
    }

    /// Prototypes that are single members.
    fn from_rows(encoded: &Encoded, rows: &[usize]) -> Model {
        let labels: Vec<u16> = (0..rows.len() as u16).collect();
        Model::update(encoded, rows, &labels, rows.len())
    }

    /// The prototypes of the given assignment.
    fn update(encoded: &Encoded, rows: &[usize], labels: &[u16], k: usize) -> Model {
        let mut model = Model::empty(encoded, k);
        let p = encoded.numeric.len();
        let q = encoded.categorical.len();
        let r = encoded.items.len();
        let mut num_count = vec![0u32; k * p];
        let mut cat_count = vec![0u32; k * q.max(1)];
        let mut item_count = vec![0u32; k * r.max(1)];
        for (&row, &label) in rows.iter().zip(labels) {
            let c = label as usize;
            for j in 0..p {
                let x = encoded.num[row * p + j];
                if !x.is_nan() {
                    model.num[c * p + j] += x;
                    num_count[c * p + j] += 1;
                }
            }
            for j in 0..q {
                let code = encoded.cat[row * q + j];
                if code != MISSING_CODE {
                    model.cat[c * model.cat_width + model.cat_offsets[j] + code as usize] += 1.0;
                    cat_count[c * q + j] += 1;
                }
            }
            for j in 0..r {
                let set = encoded.sets[row * r + j];
                if set != MISSING_SET {
                    let base = (c * r + j) * MAX_ITEMS;
                    let mut bits = set;
                    while bits != 0 {
                        let i = bits.trailing_zeros() as usize;
                        model.item[base + i] += 1.0;
                        bits &= bits - 1;
                    }
                    item_count[c * r + j] += 1;
                }
            }
        }
        for c in 0..k {
            for j in 0..p {
                let n = num_count[c * p + j];
                model.num[c * p + j] = if n == 0 {
                    f32::NAN
                } else {
                    model.num[c * p + j] / n as f32
                };
            }
            for j in 0..q {
                let n = cat_count[c * q + j].max(1) as f32;
                let start = c * model.cat_width + model.cat_offsets[j];
                let len = encoded.categorical[j].labels.len();
                for f in &mut model.cat[start..start + len] {
                    *f /= n;
                }
            }
            for j in 0..r {
                let n = item_count[c * r + j].max(1) as f32;
                let base = (c * r + j) * MAX_ITEMS;
                let mut total = 0.0;
                for f in &mut model.item[base..base + MAX_ITEMS] {
                    *f /= n;
                    total += *f;
                }
                model.item_total[c * r + j] = total;
            }
        }
        model
    }

    /// The distance of a member to persona `c`'s prototype, in 0..1.
    pub fn distance(&self, encoded: &Encoded, row: usize, c: usize) -> f32 {
        let p = encoded.numeric.len();
        let q = encoded.categorical.len();
        let r = encoded.items.len();
        let (mut sum, mut weight) = (0.0f32, 0.0f32);
        let xs = &encoded.num[row * p..row * p + p];
        let means = &self.num[c * p..c * p + p];
        for (x, m) in xs.iter().zip(means) {
            let d = (x - m).abs();
            if !d.is_nan() {
                sum += d;
                weight += 1.0;
            }
        }
        let freqs = &self.cat[c * self.cat_width..(c + 1) * self.cat_width];
        for j in 0..q {
            let code = encoded.cat[row * q + j];
            if code != MISSING_CODE {
                sum += 1.0 - freqs[self.cat_offsets[j] + code as usize];
                weight += 1.0;
            }
        }
        for j in 0..r {
            let set = encoded.sets[row * r + j];
            if set == MISSING_SET {
                continue;
            }
            let base = (c * r + j) * MAX_ITEMS;
            let mut shared = 0.0;
            let mut bits = set;
            while bits != 0 {
                shared += self.item[base + bits.trailing_zeros() as usize];
                bits &= bits - 1;
            }
            let union = self.item_total[c * r + j] - shared + set.count_ones() as f32;
            sum += if union > 0.0 {
                1.0 - shared / union
            } else {
                0.0
            };
            weight += 1.0;
        }
        if weight == 0.0 { 0.0 } else { sum / weight }
    }

    /// The nearest prototype of a member and its distance.
    fn nearest(&self, encoded: &Encoded, row: usize) -> (u16, f32) {
        let mut best = (0u16, f32::INFINITY);
        for c in 0..self.k {
            let d = self.distance(encoded, row, c);
            if d < best.1 {
                best = (c as u16, d);
            }
        }
        best
    }
}

/// The Gower distance between two members, in 0..1.
pub fn gower(encoded: &Encoded, a: usize, b: usize) -> f32 {
    let p = encoded.numeric.len();
    let q = encoded.categorical.len();
    let r = encoded.items.len();
    let (mut sum, mut weight) = (0.0f32, 0.0f32);
    for j in 0..p {
        let d = (encoded.num[a * p + j] - encoded.num[b * p + j]).abs();
        if !d.is_nan() {
            sum += d;
            weight += 1.0;
        }
    }
    for j in 0..q {
        let (x, y) = (encoded.cat[a * q + j], encoded.cat[b * q + j]);
        if x != MISSING_CODE && y != MISSING_CODE {
            sum += f32::from(u8::from(x != y));
            weight += 1.0;
        }
    }
    for j in 0..r {
        let (x, y) = (encoded.sets[a * r + j], encoded.sets[b * r + j]);
        if x != MISSING_SET && y != MISSING_SET {
            let union = (x | y).count_ones();
            if union > 0 {
                sum += 1.0 - (x & y).count_ones() as f32 / union as f32;
            }
            weight += 1.0;
        }
    }
    if weight == 0.0 { 0.0 } else { sum / weight }
}

/// k-means++ seeding over `rows`: the first prototype at random, each next one drawn with
/// probability proportional to the squared distance to the nearest chosen so far.
fn seed(encoded: &Encoded, rows: &[usize], k: usize, rng: &mut ChaCha8Rng) -> Model {
    let mut chosen = vec![rows[rng.random_range(0..rows.len())]];
    let mut nearest: Vec<f32> = rows.iter().map(|&r| gower(encoded, r, chosen[0])).collect();
    while chosen.len() < k {
        let total: f64 = nearest.iter().map(|d| f64::from(d * d)).sum();
        let pick = if total <= 0.0 {
            rows[rng.random_range(0..rows.len())]
        } else {
            let mut target = rng.random::<f64>() * total;
            let mut pick = rows[rows.len() - 1];
            for (i, d) in nearest.iter().enumerate() {
                target -= f64::from(d * d);
                if target <= 0.0 {
                    pick = rows[i];
                    break;
                }
            }
            pick
        };
        chosen.push(pick);
        for (i, &r) in rows.iter().enumerate() {
            nearest[i] = nearest[i].min(gower(encoded, r, pick));
        }
    }
    Model::from_rows(encoded, &chosen)
}

/// Lloyd iterations from `model` until no more than `tolerance` of the rows change persona, or
/// `max_iterations`. An emptied persona restarts at the member farthest from its prototype.
pub fn refine(
    encoded: &Encoded,
    rows: &[usize],
    mut model: Model,
    max_iterations: usize,
    tolerance: f64,
    progress: &mut dyn FnMut(usize),
) -> Fit {
    let k = model.k;
    let mut labels = vec![u16::MAX; rows.len()];
    let mut distances = vec![0f32; rows.len()];
    let mut iterations = 0;
    loop {
        let mut changes = 0usize;
        for (i, &row) in rows.iter().enumerate() {
            let (c, d) = model.nearest(encoded, row);
            if labels[i] != c {
                changes += 1;
                labels[i] = c;
            }
            distances[i] = d;
        }
        iterations += 1;
        progress(iterations);
        // Refill emptied personas with the farthest members.
        let mut sizes = vec![0usize; k];
        for &l in &labels {
            sizes[l as usize] += 1;
        }
        let mut refilled = false;
        for c in 0..k {
            if sizes[c] == 0 {
                let far = (0..rows.len())
                    .filter(|&i| sizes[labels[i] as usize] > 1)
                    .max_by(|&a, &b| distances[a].total_cmp(&distances[b]).then(b.cmp(&a)));
                if let Some(i) = far {
                    sizes[labels[i] as usize] -= 1;
                    labels[i] = c as u16;
                    distances[i] = 0.0;
                    sizes[c] = 1;
                    refilled = true;
                }
            }
        }
        model = Model::update(encoded, rows, &labels, k);
        let settled = !refilled && (changes as f64) <= tolerance * rows.len() as f64;
        if settled || iterations >= max_iterations {
            break;
        }
    }
    let cost = rows
        .iter()
        .zip(&labels)
        .map(|(&row, &c)| f64::from(model.distance(encoded, row, c as usize)))
        .sum();
    Fit {
        model,
        labels,
        cost,
    }
}

/// The best of `restarts` seeded runs of k personas over `rows`.
pub fn fit(encoded: &Encoded, rows: &[usize], k: usize, restarts: usize, seed_value: u64) -> Fit {
    let mut best: Option<Fit> = None;
    for restart in 0..restarts.max(1) {
        let mut rng = ChaCha8Rng::seed_from_u64(seed_value ^ ((k as u64) << 32) ^ restart as u64);
        let model = seed(encoded, rows, k, &mut rng);
        let fit = refine(encoded, rows, model, 40, 0.0, &mut |_| {});
        if best.as_ref().is_none_or(|b| fit.cost < b.cost) {
            best = Some(fit);
        }
    }
    best.expect("at least one restart")
}

/// Pairwise Gower distances of a sample, computed once and shared by every k tried.
pub struct Distances {
    n: usize,
    d: Vec<f32>,
}

impl Distances {
    pub fn new(encoded: &Encoded, rows: &[usize]) -> Distances {
        let n = rows.len();
        let mut d = vec![0f32; n * n];
        for i in 0..n {
            for j in i + 1..n {
                let v = gower(encoded, rows[i], rows[j]);
                d[i * n + j] = v;
                d[j * n + i] = v;
            }
        }
        Distances { n, d }
    }

    /// The mean silhouette of an assignment of the sample (members alone in their persona
    /// count 0): near 1, personas are well apart; near 0, they overlap.
    pub fn silhouette(&self, labels: &[u16], k: usize) -> f64 {
        let n = self.n;
        let mut sizes = vec![0usize; k];
        for &l in labels {
            sizes[l as usize] += 1;
        }
        let mut sums = vec![0f64; k];
        let mut total = 0.0;
        for i in 0..n {
            sums.iter_mut().for_each(|s| *s = 0.0);
            let row = &self.d[i * n..(i + 1) * n];
            for (j, &l) in labels.iter().enumerate() {
                sums[l as usize] += f64::from(row[j]);
            }
            let own = labels[i] as usize;
            if sizes[own] <= 1 {
                continue;
            }
            let a = sums[own] / (sizes[own] - 1) as f64;
            let b = (0..k)
                .filter(|&c| c != own && sizes[c] > 0)
                .map(|c| sums[c] / sizes[c] as f64)
                .fold(f64::INFINITY, f64::min);
            if b.is_finite() && a.max(b) > 0.0 {
                total += (b - a) / a.max(b);
            }
        }
        total / n as f64
    }
}

/// The adjusted Rand index of two partitions of the same members: 1 for identical partitions,
/// about 0 for chance agreement.
pub fn adjusted_rand_index(a: &[u16], b: &[u16]) -> f64 {
    let n = a.len().min(b.len());
    if n < 2 {
        return 1.0;
    }
    let ka = a.iter().map(|&x| x as usize + 1).max().unwrap_or(0);
    let kb = b.iter().map(|&x| x as usize + 1).max().unwrap_or(0);
    let mut table = vec![0u64; ka * kb];
    let (mut rows, mut cols) = (vec![0u64; ka], vec![0u64; kb]);
    for i in 0..n {
        table[a[i] as usize * kb + b[i] as usize] += 1;
        rows[a[i] as usize] += 1;
        cols[b[i] as usize] += 1;
    }
    let pairs = |x: u64| (x * x.saturating_sub(1)) as f64 / 2.0;
    let index: f64 = table.iter().map(|&x| pairs(x)).sum();
    let sum_a: f64 = rows.iter().map(|&x| pairs(x)).sum();
    let sum_b: f64 = cols.iter().map(|&x| pairs(x)).sum();
    let expected = sum_a * sum_b / pairs(n as u64);
    let max = (sum_a + sum_b) / 2.0;
    if max == expected {
        return 1.0;
    }
    (index - expected) / (max - expected)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ari_is_one_for_relabelled_partitions_and_low_for_unrelated() {
        let a = [0, 0, 1, 1, 2, 2];
        let b = [2, 2, 0, 0, 1, 1];
        assert!((adjusted_rand_index(&a, &b) - 1.0).abs() < 1e-12);
        let c = [0, 1, 0, 1, 0, 1];
        assert!(adjusted_rand_index(&a, &c) < 0.1);
    }
}
