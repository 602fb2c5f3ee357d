//! A small line chart of a monthly series, drawn as inline SVG, with its values as the text
//! alternative.

use chrono::NaiveDate;
use leptos::prelude::*;

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

#[component]
pub fn Sparkline(series: Vec<(NaiveDate, f64)>, lang: Lang) -> impl IntoView {
    if series.len() < 2 {
        return None;
    }
    let label = series
        .iter()
        .map(|(month, v)| format!("{} {}", lang.month_short(chrono::Datelike::month(month)), lang.count(*v)))
        .collect::<Vec<_>>()
        .join(", ");
    let values: Vec<f64> = series.iter().map(|(_, v)| *v).collect();
    let aria = label.clone();
    Some(view! {
        <svg class="lm-spark" viewBox=format!("0 0 {WIDTH} {HEIGHT}") role="img" aria-label=aria>
            <title>{label}</title>
            <polyline points=points(&values) fill="none" stroke="currentColor" stroke-width="2"
                stroke-linejoin="round" stroke-linecap="round"/>
        </svg>
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_lowest_value_is_at_the_bottom_and_the_highest_at_the_top() {
        assert_eq!(points(&[1.0, 3.0, 2.0]), "3.0,37.0 80.0,3.0 157.0,20.0");
    }
}
