//! Where a persona is likely found: its members' gender, age and city or country against the
//! audience make-up each own profile's platform reports (aggregated demographics). For a
//! dimension both have, the index is Σ p(v)·q(v) over the persona's shares p and the profile's
//! shares q, divided by the same sum with the whole audience's shares: above 1, the profile's
//! audience looks more like the persona than like the audience at large. A profile's index is
//! the geometric mean over the dimensions it has. What performs there (format, hour) comes from
//! the profile's posts of the last 90 days.

use std::collections::{BTreeMap, HashMap};

use chrono::{NaiveDate, Timelike};

use crate::domain::metrics;
use crate::domain::{
    AudienceColumn, AudienceMember, ColumnKind, Dimension, FieldValue, Period, PersonaChannel,
    PostFormat, Workspace, tz,
};

/// Channels kept per persona.
const KEEP: usize = 3;

/// Header words (lowercase) naming a gender, age, city or country column, in the languages of
/// the header dictionaries; also how per-person audience files are recognised.
pub(crate) const GENDER_WORDS: [&str; 8] = [
    "gender",
    "sex",
    "kelamin",
    "género",
    "genero",
    "sexo",
    "giới tính",
    "性別",
];
pub(crate) const AGE_WORDS: [&str; 7] = ["age", "usia", "umur", "edad", "idade", "tuổi", "年齢"];
pub(crate) const CITY_WORDS: [&str; 6] = ["city", "kota", "ciudad", "cidade", "thành phố", "都市"];
pub(crate) const COUNTRY_WORDS: [&str; 4] = ["country", "negara", "país", "pais"];

fn names(column: &AudienceColumn, words: &[&str]) -> bool {
    let lower = column.name.to_lowercase();
    lower
        .split(|c: char| !c.is_alphanumeric())
        .any(|t| words.contains(&t))
        || words.iter().any(|w| !w.is_ascii() && lower.contains(w))
}

/// `female`, `male` or the value as it is.
fn gender(value: &str) -> String {
    let v = value.trim().to_lowercase();
    const FEMALE: [&str; 9] = [
        "f",
        "female",
        "woman",
        "women",
        "perempuan",
        "wanita",
        "mujer",
        "feminino",
        "nữ",
    ];
    const MALE: [&str; 9] = [
        "m",
        "male",
        "man",
        "men",
        "laki-laki",
        "pria",
        "hombre",
        "masculino",
        "nam",
    ];
    if FEMALE.contains(&v.as_str()) {
        "female".into()
    } else if MALE.contains(&v.as_str()) {
        "male".into()
    } else {
        v
    }
}

/// An age band key (`18-24`, `45+`, `65+`, `< 18`) as a range of whole years.
fn band_range(key: &str) -> Option<(f64, f64)> {
    let k = key.trim();
    if let Some(low) = k.strip_suffix('+') {
        return Some((low.trim().parse().ok()?, 120.0));
    }
    if let Some(high) = k.strip_prefix('<').or_else(|| k.strip_prefix("under")) {
        return Some((0.0, high.trim().parse::<f64>().ok()? - 1.0));
    }
    let (a, b) = k.split_once(['-', '–'])?;
    Some((a.trim().parse().ok()?, b.trim().parse().ok()?))
}

/// One demographic dimension of the audience table: how to read a member's value as a key of
/// the platform breakdown.
struct Reader {
    dimension: Dimension,
    column: usize,
}

fn readers(columns: &[AudienceColumn]) -> Vec<Reader> {
    let find = |words: &[&str], kinds: &[ColumnKind]| {
        columns
            .iter()
            .position(|c| kinds.contains(&c.kind) && names(c, words))
    };
    let text = [ColumnKind::Categorical];
    [
        (Dimension::Gender, find(&GENDER_WORDS, &text)),
        (Dimension::AgeBand, find(&AGE_WORDS, &[ColumnKind::Numeric])),
        (Dimension::City, find(&CITY_WORDS, &text)),
        (Dimension::Country, find(&COUNTRY_WORDS, &text)),
    ]
    .into_iter()
    .filter_map(|(dimension, column)| column.map(|column| Reader { dimension, column }))
    .collect()
}

/// A member's key in a profile's breakdown of `dimension` (ages to the band that holds them).
fn key(reader: &Reader, value: &FieldValue, bands: &[(String, (f64, f64))]) -> Option<String> {
    match (reader.dimension, value) {
        (Dimension::AgeBand, FieldValue::Number(age)) => bands
            .iter()
            .find(|(_, (lo, hi))| *age >= *lo && *age < *hi + 1.0)
            .map(|(k, _)| k.clone()),
        (Dimension::Gender, FieldValue::Text(t)) => Some(gender(t)),
        (_, FieldValue::Text(t)) => Some(t.trim().to_lowercase()),
        _ => None,
    }
}

fn normalise(counts: &HashMap<String, f64>) -> HashMap<String, f64> {
    let total: f64 = counts.values().sum();
    if total <= 0.0 {
        return HashMap::new();
    }
    counts.iter().map(|(k, v)| (k.clone(), v / total)).collect()
}

/// The channels of each persona (`labels`: the persona of each member, personas numbered
/// from 0), best first.
pub fn channels(
    ws: &Workspace,
    columns: &[AudienceColumn],
    members: &[AudienceMember],
    labels: &[u16],
    personas: usize,
    today: NaiveDate,
) -> Vec<Vec<PersonaChannel>> {
    let readers = readers(columns);
    let mut out = vec![Vec::new(); personas];
    if readers.is_empty() {
        return out;
    }
    let ix = metrics::Index::new(ws);
    // Each own profile's latest make-up per dimension.
    let mut latest: BTreeMap<&str, &crate::domain::AudienceSnapshot> = BTreeMap::new();
    for s in &ws.audience_snapshots {
        if latest
            .get(s.profile.as_str())
            .is_none_or(|l| l.date < s.date)
        {
            latest.insert(s.profile.as_str(), s);
        }
    }
    let period = Period::ending(today, 90);
    for profile in ws.profiles.iter().filter(|p| !p.competitor) {
        let Some(snapshot) = latest.get(profile.id.as_str()) else {
            continue;
        };
        let mut indexes: Vec<Vec<(Dimension, f64)>> = vec![Vec::new(); personas];
        for reader in &readers {
            let Some(breakdown) = snapshot
                .breakdowns
                .iter()
                .find(|b| b.dimension == reader.dimension)
            else {
                continue;
            };
            let shares: HashMap<String, f64> = {
                let raw: HashMap<String, f64> = breakdown
                    .entries
                    .iter()
                    .map(|(k, v)| {
                        let k = match reader.dimension {
                            Dimension::Gender => gender(k),
                            Dimension::AgeBand => k.clone(),
                            _ => k.trim().to_lowercase(),
                        };
                        (k, *v)
                    })
                    .collect();
                // Counts and shares alike become shares of the breakdown's total.
                normalise(&raw)
            };
            let bands: Vec<(String, (f64, f64))> = breakdown
                .entries
                .iter()
                .filter_map(|(k, _)| band_range(k).map(|r| (k.clone(), r)))
                .collect();
            let mut all: HashMap<String, f64> = HashMap::new();
            let mut per: Vec<HashMap<String, f64>> = vec![HashMap::new(); personas];
            for (m, &l) in members.iter().zip(labels) {
                if let Some(k) = m
                    .values
                    .get(reader.column)
                    .and_then(|v| key(reader, v, &bands))
                {
                    *all.entry(k.clone()).or_default() += 1.0;
                    *per[l as usize].entry(k).or_default() += 1.0;
                }
            }
            let affinity = |p: &HashMap<String, f64>| -> f64 {
                p.iter()
                    .map(|(k, v)| v * shares.get(k).copied().unwrap_or(0.0))
                    .sum()
            };
            let base = affinity(&normalise(&all));
            if base <= 0.0 {
                continue;
            }
            for (c, counts) in per.iter().enumerate() {
                let index = affinity(&normalise(counts)) / base;
                if index > 0.0 {
                    indexes[c].push((reader.dimension, index));
                }
            }
        }
        if indexes.iter().all(Vec::is_empty) {
            continue;
        }
        let (best_format, best_hour) = what_performs(&ix, profile, period);
        for (c, dims) in indexes.into_iter().enumerate() {
            if dims.is_empty() {
                continue;
            }
            let index = (dims.iter().map(|(_, i)| i.ln()).sum::<f64>() / dims.len() as f64).exp();
            out[c].push(PersonaChannel {
                profile: profile.id.clone(),
                platform: profile.platform,
                index,
                basis: dims.into_iter().map(|(d, _)| d).collect(),
                best_format,
                best_hour,
            });
        }
    }
    for list in &mut out {
        list.sort_by(|a, b| b.index.total_cmp(&a.index).then(a.profile.cmp(&b.profile)));
        list.truncate(KEEP);
    }
    out
}

/// The format and local hour with the most engagement per post (at least 3 posts each).
fn what_performs(
    ix: &metrics::Index,
    profile: &crate::domain::Profile,
    period: Period,
) -> (Option<PostFormat>, Option<u8>) {
    let mut formats: BTreeMap<PostFormat, (f64, u32)> = BTreeMap::new();
    let mut hours: BTreeMap<u8, (f64, u32)> = BTreeMap::new();
    let (zone, _) = tz::zone(&ix.ws.info.time_zone);
    for post in ix.posts_in(&profile.id, period) {
        let e = metrics::engagement(&post.metrics);
        let f = formats.entry(post.format).or_default();
        f.0 += e;
        f.1 += 1;
        let hour = post.published.with_timezone(&zone).hour() as u8;
        let h = hours.entry(hour).or_default();
        h.0 += e;
        h.1 += 1;
    }
    fn best<K: Copy>(map: &BTreeMap<K, (f64, u32)>) -> Option<K> {
        map.iter()
            .filter(|(_, (_, n))| *n >= 3)
            .max_by(|a, b| (a.1.0 / f64::from(a.1.1)).total_cmp(&(b.1.0 / f64::from(b.1.1))))
            .map(|(k, _)| *k)
    }
    (best(&formats), best(&hours))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn age_bands_and_genders_are_read() {
        assert_eq!(band_range("18-24"), Some((18.0, 24.0)));
        assert_eq!(band_range("45+"), Some((45.0, 120.0)));
        assert_eq!(band_range("<18"), Some((0.0, 17.0)));
        assert_eq!(gender("Perempuan"), "female");
        assert_eq!(gender("M"), "male");
    }
}
