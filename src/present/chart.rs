//! Small charts as inline SVG markup, drawn from numbers only, with their values as the text
//! alternative.

use chrono::{Datelike, NaiveDate};

use super::html::escape;
use crate::i18n::Lang;

const WIDTH: f64 = 160.0;
const HEIGHT: f64 = 40.0;
const PAD: f64 = 3.0;

/// The polyline points of a series scaled into the chart box (lowest value at the bottom).
pub fn points(values: &[f64]) -> String {
    let (min, max) = values
        .iter()
        .fold((f64::INFINITY, f64::NEG_INFINITY), |(a, b), v| {
            (a.min(*v), b.max(*v))
        });
    let span = if max > min { max - min } else { 1.0 };
    let step = if values.len() > 1 {
        (WIDTH - 2.0 * PAD) / (values.len() - 1) as f64
    } else {
        0.0
    };
    values
        .iter()
        .enumerate()
        .map(|(i, v)| {
            let x = PAD + step * i as f64;
            let y = HEIGHT - PAD - (v - min) / span * (HEIGHT - 2.0 * PAD);
            format!("{x:.1},{y:.1}")
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// A sparkline of a monthly series; `None` below two points.
pub fn sparkline(series: &[(NaiveDate, f64)], lang: Lang) -> Option<String> {
    if series.len() < 2 {
        return None;
    }
    let label = escape(
        &series
            .iter()
            .map(|(month, v)| format!("{} {}", lang.month_short(month.month()), lang.count(*v)))
            .collect::<Vec<_>>()
            .join(", "),
    );
    let values: Vec<f64> = series.iter().map(|(_, v)| *v).collect();
    Some(format!(
        "<svg class=\"lm-spark\" viewBox=\"0 0 {WIDTH} {HEIGHT}\" role=\"img\" aria-label=\"{label}\">\
         <title>{label}</title><polyline points=\"{}\" fill=\"none\" stroke=\"currentColor\" \
         stroke-width=\"2\" stroke-linejoin=\"round\" stroke-linecap=\"round\"/></svg>",
        points(&values)
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_lowest_value_is_at_the_bottom_and_the_highest_at_the_top() {
        assert_eq!(points(&[1.0, 3.0, 2.0]), "3.0,37.0 80.0,3.0 157.0,20.0");
    }

    #[test]
    fn a_sparkline_names_its_values() {
        let d = |m| NaiveDate::from_ymd_opt(2026, m, 1).unwrap();
        let svg = sparkline(&[(d(9), 1200.0), (d(10), 800.0)], Lang::Id).unwrap();
        assert!(svg.contains("aria-label=\"Sep 1.200, Okt 800\""), "{svg}");
        assert!(sparkline(&[(d(9), 1.0)], Lang::Id).is_none());
    }
}
