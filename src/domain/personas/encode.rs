//! Audience rows to the compact matrix the clustering reads. Each included column becomes one
//! feature of the mixed (Gower) distance:
//! - numeric and date columns: a number scaled to 0..1 over the audience's 1st–99th percentile
//!   (dates count the years since them: signup date → tenure, birth date → age), plus the band
//!   it falls in, for traits;
//! - categorical columns: a code per value (values compared without case);
//! - multi-valued columns: a bit set over the 63 most common items.
//!
//! Missing values are kept as missing, never imputed: the distance skips them.

use std::collections::HashMap;

use chrono::NaiveDate;

use super::detect::YEARS;
use crate::domain::import::value::{self, NumberStyle};
use crate::domain::{AudienceColumn, AudienceMember, ColumnKind, FieldValue};

/// Items a multi-valued feature keeps (the rest are too rare to set anyone apart).
pub const MAX_ITEMS: usize = 63;
/// The bit that marks a missing multi-valued cell.
pub const MISSING_SET: u64 = 1 << 63;
pub const MISSING_CODE: u16 = u16::MAX;
/// Values a categorical feature keeps; rarer ones share one "other" code.
const MAX_LABELS: usize = 200;

#[derive(Debug, Clone, PartialEq)]
pub struct NumericFeature {
    pub column: String,
    /// The values mapped to 0 and 1.
    pub low: f64,
    pub high: f64,
    /// Band labels (`30–39`); every row's band is in [`Encoded::band`].
    pub bands: Vec<String>,
    pub unit_years: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub struct CategoricalFeature {
    pub column: String,
    pub labels: Vec<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct ItemsFeature {
    pub column: String,
    pub items: Vec<String>,
    /// Distinct items left out as too rare.
    pub dropped: usize,
}

/// The features of every member, row-major.
#[derive(Debug, Clone, Default)]
pub struct Encoded {
    pub rows: usize,
    pub numeric: Vec<NumericFeature>,
    pub categorical: Vec<CategoricalFeature>,
    pub items: Vec<ItemsFeature>,
    /// rows × numeric, scaled to 0..1; NaN when missing.
    pub num: Vec<f32>,
    /// rows × numeric band codes; `u8::MAX` when missing.
    pub band: Vec<u8>,
    /// rows × categorical codes; [`MISSING_CODE`] when missing.
    pub cat: Vec<u16>,
    /// rows × items bit sets; [`MISSING_SET`] when missing.
    pub sets: Vec<u64>,
    /// Missing cells per used column, in column order.
    pub missing: Vec<(String, u32)>,
}

impl Encoded {
    pub fn features(&self) -> usize {
        self.numeric.len() + self.categorical.len() + self.items.len()
    }
}

/// Whether a column of this kind can take part in clustering.
pub fn clusterable(kind: ColumnKind) -> bool {
    !matches!(kind, ColumnKind::Identifier | ColumnKind::FreeText)
}

/// Encodes the included, clusterable columns of `members`. `today` turns dates into years.
pub fn encode(columns: &[AudienceColumn], members: &[AudienceMember], today: NaiveDate) -> Encoded {
    let mut numeric = Vec::new();
    let mut categorical = Vec::new();
    let mut items = Vec::new();
    let mut missing = Vec::new();
    for (index, column) in columns.iter().enumerate() {
        if !column.included || !clusterable(column.kind) {
            continue;
        }
        let cells = members
            .iter()
            .map(|m| m.values.get(index).unwrap_or(&FieldValue::Empty));
        match column.kind {
            ColumnKind::Numeric | ColumnKind::Date => {
                let dates = column.kind == ColumnKind::Date;
                let values: Vec<f64> = cells.map(|v| number(v, dates, today)).collect();
                let gaps = values.iter().filter(|v| v.is_nan()).count();
                if let Some(feature) = numeric_feature(&column.name, values, dates) {
                    missing.push((column.name.clone(), gaps as u32));
                    numeric.push(feature);
                }
            }
            ColumnKind::Categorical => {
                let feature = categorical_feature(&column.name, cells);
                missing.push((column.name.clone(), feature.1));
                categorical.push(feature.0);
            }
            ColumnKind::MultiValued => {
                let feature = items_feature(&column.name, cells);
                missing.push((column.name.clone(), feature.1));
                items.push(feature.0);
            }
            ColumnKind::Identifier | ColumnKind::FreeText => {}
        }
    }
    let rows = members.len();
    let mut encoded = Encoded {
        rows,
        numeric: numeric.iter().map(|f| f.0.clone()).collect(),
        categorical: categorical.iter().map(|f| f.0.clone()).collect(),
        items: items.iter().map(|f| f.0.clone()).collect(),
        num: Vec::with_capacity(rows * numeric.len()),
        band: Vec::with_capacity(rows * numeric.len()),
        cat: Vec::with_capacity(rows * categorical.len()),
        sets: Vec::with_capacity(rows * items.len()),
        missing,
    };
    for row in 0..rows {
        for (_, scaled, bands) in &numeric {
            encoded.num.push(scaled[row]);
            encoded.band.push(bands[row]);
        }
        for (_, codes) in &categorical {
            encoded.cat.push(codes[row]);
        }
        for (_, sets) in &items {
            encoded.sets.push(sets[row]);
        }
    }
    encoded
}

/// A cell as a number: dates (and bare years) count the years since them.
fn number(value: &FieldValue, dates: bool, today: NaiveDate) -> f64 {
    let years = |d: NaiveDate| (today - d).num_days() as f64 / 365.25;
    match value {
        FieldValue::Number(x)
            if dates
                && x.fract() == 0.0
                && (f64::from(*YEARS.start())..=f64::from(*YEARS.end())).contains(x) =>
        {
            f64::from(chrono::Datelike::year(&today)) - x
        }
        FieldValue::Number(x) if x.is_finite() => *x,
        FieldValue::Date(d) => years(*d),
        FieldValue::Text(t) => value::number(t, NumberStyle::DotDecimal)
            .or_else(|| value::number(t, NumberStyle::CommaDecimal))
            .unwrap_or(f64::NAN),
        _ => f64::NAN,
    }
}

type NumericColumn = (NumericFeature, Vec<f32>, Vec<u8>);

fn numeric_feature(name: &str, values: Vec<f64>, dates: bool) -> Option<NumericColumn> {
    let mut sorted: Vec<f64> = values.iter().copied().filter(|v| !v.is_nan()).collect();
    if sorted.is_empty() {
        return None;
    }
    sorted.sort_by(f64::total_cmp);
    let at = |q: f64| sorted[((sorted.len() - 1) as f64 * q).round() as usize];
    let (mut low, mut high) = (at(0.01), at(0.99));
    if high <= low {
        (low, high) = (sorted[0], sorted[sorted.len() - 1]);
    }
    if high <= low {
        return None;
    }
    let integers = sorted.iter().all(|v| v.fract() == 0.0);
    let (edges, labels) = bands(at(0.05), at(0.95), integers && !dates);
    let scaled = values
        .iter()
        .map(|v| {
            if v.is_nan() {
                f32::NAN
            } else {
                ((v - low) / (high - low)).clamp(0.0, 1.0) as f32
            }
        })
        .collect();
    let band = values
        .iter()
        .map(|v| {
            if v.is_nan() {
                u8::MAX
            } else {
                edges.iter().take_while(|e| *v >= **e).count() as u8
            }
        })
        .collect();
    let feature = NumericFeature {
        column: name.to_owned(),
        low,
        high,
        bands: labels,
        unit_years: dates,
    };
    Some((feature, scaled, band))
}

/// Band edges on a round step (about five bands between the 5th and 95th percentiles, `30–39`
/// rather than `31.4–38.9`), so that two snapshots of one audience share their bands.
pub fn bands(from: f64, to: f64, integers: bool) -> (Vec<f64>, Vec<String>) {
    let step = nice_step((to - from) / 5.0);
    if step <= 0.0 || !step.is_finite() {
        return (Vec::new(), vec![format_number(from)]);
    }
    let first = (from / step).floor() * step + step;
    let mut edges = Vec::new();
    let mut edge = first;
    while edge <= to && edges.len() < 8 {
        edges.push(edge);
        edge += step;
    }
    if edges.is_empty() {
        edges.push(first);
    }
    let unit = if integers && step >= 1.0 { 1.0 } else { 0.0 };
    let mut labels = Vec::with_capacity(edges.len() + 1);
    labels.push(if unit > 0.0 {
        format!("≤ {}", format_number(edges[0] - unit))
    } else {
        format!("< {}", format_number(edges[0]))
    });
    for pair in edges.windows(2) {
        labels.push(format!(
            "{}–{}",
            format_number(pair[0]),
            format_number(pair[1] - unit)
        ));
    }
    labels.push(format!("≥ {}", format_number(edges[edges.len() - 1])));
    (edges, labels)
}

fn nice_step(raw: f64) -> f64 {
    if raw <= 0.0 || !raw.is_finite() {
        return 0.0;
    }
    let magnitude = 10f64.powf(raw.log10().floor());
    let fraction = raw / magnitude;
    let nice = if fraction < 1.5 {
        1.0
    } else if fraction < 3.5 {
        2.0
    } else if fraction < 7.5 {
        5.0
    } else {
        10.0
    };
    nice * magnitude
}

fn format_number(x: f64) -> String {
    let rounded = (x * 1000.0).round() / 1000.0;
    if rounded.fract() == 0.0 {
        format!("{}", rounded as i64)
    } else {
        format!("{rounded}")
    }
}

/// A cell as category text, or `None` when missing.
fn text(value: &FieldValue) -> Option<String> {
    match value {
        FieldValue::Empty => None,
        FieldValue::Number(x) => Some(format_number(*x)),
        FieldValue::Text(t) => {
            let t = t.trim();
            (!value::is_empty(t)).then(|| t.to_owned())
        }
        FieldValue::List(items) => (!items.is_empty()).then(|| items.join(", ")),
        FieldValue::Date(d) => Some(d.to_string()),
    }
}

/// Counts values by their lowercase key, keeping the first spelling seen; most common first
/// (ties by first appearance, so the order is deterministic).
fn vocabulary<'a>(values: impl Iterator<Item = &'a str>) -> (Vec<String>, HashMap<String, usize>) {
    let mut counts: HashMap<String, (usize, usize, String)> = HashMap::new();
    for v in values {
        let key = v.to_lowercase();
        let next = counts.len();
        counts.entry(key).or_insert((0, next, v.to_owned())).0 += 1;
    }
    let mut ranked: Vec<(String, (usize, usize, String))> = counts.into_iter().collect();
    ranked.sort_by(|a, b| b.1.0.cmp(&a.1.0).then(a.1.1.cmp(&b.1.1)));
    let labels = ranked.iter().map(|(_, (_, _, s))| s.clone()).collect();
    let index = ranked
        .into_iter()
        .enumerate()
        .map(|(i, (key, _))| (key, i))
        .collect();
    (labels, index)
}

fn categorical_feature<'a>(
    name: &str,
    cells: impl Iterator<Item = &'a FieldValue>,
) -> ((CategoricalFeature, Vec<u16>), u32) {
    let texts: Vec<Option<String>> = cells.map(text).collect();
    let (mut labels, index) = vocabulary(texts.iter().flatten().map(String::as_str));
    let other = labels.len() > MAX_LABELS;
    if other {
        labels.truncate(MAX_LABELS - 1);
        labels.push("…".into());
    }
    let mut missing = 0;
    let codes = texts
        .iter()
        .map(|t| match t {
            None => {
                missing += 1;
                MISSING_CODE
            }
            Some(t) => {
                let i = index[&t.to_lowercase()];
                i.min(MAX_LABELS - 1) as u16
            }
        })
        .collect();
    let feature = CategoricalFeature {
        column: name.to_owned(),
        labels,
    };
    ((feature, codes), missing)
}

/// A cell as a list of items: lists as they are, text split on `;`, `|` or `,`.
pub fn items_of(value: &FieldValue) -> Option<Vec<String>> {
    let list: Vec<String> = match value {
        FieldValue::List(items) => items.iter().map(|s| s.trim().to_owned()).collect(),
        FieldValue::Text(t) if !value::is_empty(t) => t
            .split([';', '|', ','])
            .map(|s| s.trim().to_owned())
            .collect(),
        FieldValue::Number(x) => vec![format_number(*x)],
        _ => return None,
    };
    let list: Vec<String> = list.into_iter().filter(|s| !s.is_empty()).collect();
    (!list.is_empty()).then_some(list)
}

fn items_feature<'a>(
    name: &str,
    cells: impl Iterator<Item = &'a FieldValue>,
) -> ((ItemsFeature, Vec<u64>), u32) {
    let lists: Vec<Option<Vec<String>>> = cells.map(items_of).collect();
    let (mut items, index) = vocabulary(lists.iter().flatten().flatten().map(String::as_str));
    let dropped = items.len().saturating_sub(MAX_ITEMS);
    items.truncate(MAX_ITEMS);
    let mut missing = 0;
    let sets = lists
        .iter()
        .map(|list| match list {
            None => {
                missing += 1;
                MISSING_SET
            }
            Some(list) => {
                list.iter()
                    .fold(0u64, |set, item| match index.get(&item.to_lowercase()) {
                        Some(&i) if i < MAX_ITEMS => set | (1 << i),
                        _ => set,
                    })
            }
        })
        .collect();
    let feature = ItemsFeature {
        column: name.to_owned(),
        items,
        dropped,
    };
    ((feature, sets), missing)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bands_fall_on_round_steps() {
        let (edges, labels) = bands(18.0, 62.0, true);
        assert_eq!(edges, vec![20.0, 30.0, 40.0, 50.0, 60.0]);
        assert_eq!(labels[0], "≤ 19");
        assert_eq!(labels[2], "30–39");
        assert_eq!(labels[5], "≥ 60");
        let (_, labels) = bands(0.2, 1.1, false);
        assert_eq!(labels[1], "0.4–0.6");
    }

    #[test]
    fn items_split_any_list_separator() {
        let v = FieldValue::Text("running; coffee |yoga,".into());
        assert_eq!(
            items_of(&v).unwrap(),
            vec!["running".to_owned(), "coffee".into(), "yoga".into()]
        );
        assert_eq!(items_of(&FieldValue::Text("n/a".into())), None);
    }
}
