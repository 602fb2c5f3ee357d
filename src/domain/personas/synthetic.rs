//! Synthetic audiences with planted groups, for tests and benchmarks of the clustering: the
//! groups are known, so the result can be scored (adjusted Rand index).

use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;

use crate::domain::{AudienceColumn, AudienceMember, AudienceTableId, ColumnKind, FieldValue};

/// Planted groups: 4 numeric, 4 categorical and 1 multi-valued column; each group has its own
/// centre, its own likely values and items, with noise.
/// `n` members in `groups` groups (the third value: each member's group).
pub fn planted(
    n: usize,
    groups: usize,
    seed: u64,
) -> (Vec<AudienceColumn>, Vec<AudienceMember>, Vec<u16>) {
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    let column = |name: &str, kind| AudienceColumn {
        name: name.into(),
        kind,
        included: true,
    };
    let columns = vec![
        column("id", ColumnKind::Identifier),
        column("age", ColumnKind::Numeric),
        column("income", ColumnKind::Numeric),
        column("visits", ColumnKind::Numeric),
        column("spend", ColumnKind::Numeric),
        column("gender", ColumnKind::Categorical),
        column("city", ColumnKind::Categorical),
        column("segment", ColumnKind::Categorical),
        column("device", ColumnKind::Categorical),
        column("interests", ColumnKind::MultiValued),
    ];
    let cities = [
        "Jakarta", "Bandung", "Surabaya", "Medan", "Makassar", "Denpasar",
    ];
    let devices = ["android", "ios", "desktop"];
    let items = [
        "kopi", "lari", "yoga", "musik", "game", "travel", "buku", "film",
    ];
    let normal = |rng: &mut ChaCha8Rng| {
        let (u, v): (f64, f64) = (rng.random::<f64>().max(1e-12), rng.random());
        (-2.0 * u.ln()).sqrt() * (std::f64::consts::TAU * v).cos()
    };
    let mut truth = Vec::with_capacity(n);
    let members = (0..n)
        .map(|row| {
            let g = rng.random_range(0..groups);
            truth.push(g as u16);
            let centre = |base: f64, step: f64| base + step * g as f64;
            let pick = |rng: &mut ChaCha8Rng, options: &[&str], own: usize| -> String {
                if rng.random_bool(0.8) {
                    options[own % options.len()].into()
                } else {
                    options[rng.random_range(0..options.len())].into()
                }
            };
            let mut list: Vec<String> = (0..3)
                .filter(|_| rng.random_bool(0.7))
                .map(|i| items[(g * 2 + i) % items.len()].to_owned())
                .collect();
            if rng.random_bool(0.3) {
                list.push(items[rng.random_range(0..items.len())].into());
            }
            let values = vec![
                FieldValue::Text(format!("M{row}")),
                FieldValue::Number(centre(22.0, 11.0) + 3.0 * normal(&mut rng)),
                FieldValue::Number(centre(3.0, 4.0) + 1.0 * normal(&mut rng)),
                if rng.random_bool(0.05) {
                    FieldValue::Empty
                } else {
                    FieldValue::Number((centre(2.0, 3.0) + normal(&mut rng)).max(0.0))
                },
                FieldValue::Number(centre(50.0, 40.0) + 15.0 * normal(&mut rng)),
                FieldValue::Text(pick(&mut rng, &["F", "M"], g)),
                FieldValue::Text(pick(&mut rng, &cities, g)),
                FieldValue::Text(pick(&mut rng, &["a", "b", "c", "d", "e"], g)),
                FieldValue::Text(pick(&mut rng, &devices, g)),
                if list.is_empty() {
                    FieldValue::Empty
                } else {
                    FieldValue::List(list)
                },
            ];
            AudienceMember {
                table: AudienceTableId::from("t"),
                row: row as u32,
                values,
            }
        })
        .collect();
    (columns, members, truth)
}
