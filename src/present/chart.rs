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

/// A labelled line chart: one point per label, the y axis from zero (or the lowest value when it
/// is negative) to the highest, with three grid lines. The values are the text alternative.
pub fn line(points: &[(String, f64)], title: &str, lang: Lang) -> String {
    const W: f64 = 640.0;
    const H: f64 = 220.0;
    const LEFT: f64 = 56.0;
    const BOTTOM: f64 = 28.0;
    const TOP: f64 = 12.0;
    let label = escape(&format!(
        "{title}: {}",
        points
            .iter()
            .map(|(l, v)| format!("{l} {}", lang.count(*v)))
            .collect::<Vec<_>>()
            .join(", ")
    ));
    let mut svg = format!(
        "<svg class=\"lm-chart\" viewBox=\"0 0 {W} {H}\" role=\"img\" aria-label=\"{label}\"><title>{label}</title>"
    );
    if points.is_empty() {
        svg.push_str("</svg>");
        return svg;
    }
    let max = points.iter().map(|p| p.1).fold(0.0_f64, f64::max);
    let min = points.iter().map(|p| p.1).fold(0.0_f64, f64::min);
    let span = if max > min { max - min } else { 1.0 };
    let plot_w = W - LEFT - 8.0;
    let plot_h = H - TOP - BOTTOM;
    let x = |i: usize| {
        if points.len() > 1 {
            LEFT + plot_w * i as f64 / (points.len() - 1) as f64
        } else {
            LEFT + plot_w / 2.0
        }
    };
    let y = |v: f64| TOP + plot_h - (v - min) / span * plot_h;
    for step in 0..=3 {
        let v = min + span * step as f64 / 3.0;
        let gy = y(v);
        svg.push_str(&format!(
            "<line x1=\"{LEFT}\" x2=\"{:.1}\" y1=\"{gy:.1}\" y2=\"{gy:.1}\" class=\"lm-chart__grid\"/>\
             <text x=\"{:.1}\" y=\"{:.1}\" class=\"lm-chart__axis\" text-anchor=\"end\">{}</text>",
            W - 8.0,
            LEFT - 6.0,
            gy + 4.0,
            escape(&lang.compact(v))
        ));
    }
    let every = points.len().div_ceil(12).max(1);
    for (i, (l, _)) in points.iter().enumerate().filter(|(i, _)| i % every == 0) {
        svg.push_str(&format!(
            "<text x=\"{:.1}\" y=\"{:.1}\" class=\"lm-chart__axis\" text-anchor=\"middle\">{}</text>",
            x(i),
            H - 8.0,
            escape(l)
        ));
    }
    let path: Vec<String> = points
        .iter()
        .enumerate()
        .map(|(i, (_, v))| format!("{:.1},{:.1}", x(i), y(*v)))
        .collect();
    svg.push_str(&format!(
        "<polyline points=\"{}\" class=\"lm-chart__line\" fill=\"none\"/>",
        path.join(" ")
    ));
    for (i, (_, v)) in points.iter().enumerate() {
        svg.push_str(&format!(
            "<circle cx=\"{:.1}\" cy=\"{:.1}\" r=\"3\" class=\"lm-chart__dot\"/>",
            x(i),
            y(*v)
        ));
    }
    svg.push_str("</svg>");
    svg
}

/// Horizontal bars as HTML (label, bar, value): shares of a whole or values against the largest.
pub fn bars(items: &[(String, f64, String)]) -> String {
    let max = items.iter().map(|i| i.1).fold(0.0_f64, f64::max);
    let mut out = String::from("<ul class=\"lm-bars\">");
    for (label, value, shown) in items {
        let width = if max > 0.0 { value / max * 100.0 } else { 0.0 };
        out.push_str(&format!(
            "<li class=\"lm-bars__item\"><span class=\"lm-bars__label\">{}</span>\
             <span class=\"lm-bars__track\"><span class=\"lm-bars__bar\" style=\"width:{width:.1}%\"></span></span>\
             <span class=\"lm-bars__value\">{}</span></li>",
            escape(label),
            escape(shown)
        ));
    }
    out.push_str("</ul>");
    out
}

/// A weekday × hour heat-map (rows Monday first): darker is higher; empty cells are blank. The
/// text alternative names the three strongest slots.
pub fn heat(grid: &[[Option<f64>; 24]], title: &str, weekdays: &[&str; 7], lang: Lang) -> String {
    const CELL: f64 = 22.0;
    const LEFT: f64 = 44.0;
    const TOP: f64 = 18.0;
    let max = grid
        .iter()
        .flat_map(|row| row.iter().flatten())
        .fold(0.0_f64, |a, b| a.max(*b));
    let mut best: Vec<(f64, usize, usize)> = grid
        .iter()
        .enumerate()
        .flat_map(|(d, row)| {
            row.iter()
                .enumerate()
                .filter_map(move |(h, v)| v.map(|v| (v, d, h)))
        })
        .collect();
    best.sort_unstable_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2)));
    let strongest = best
        .iter()
        .take(3)
        .map(|(v, d, h)| format!("{} {h:02}:00 ({})", weekdays[*d], lang.number(*v, 1)))
        .collect::<Vec<_>>()
        .join(", ");
    let label = escape(&format!("{title}: {strongest}"));
    let width = LEFT + CELL * 24.0;
    let height = TOP + CELL * 7.0;
    let mut svg = format!(
        "<svg class=\"lm-heat\" viewBox=\"0 0 {width} {height}\" role=\"img\" aria-label=\"{label}\"><title>{label}</title>"
    );
    for h in (0..24).step_by(3) {
        svg.push_str(&format!(
            "<text x=\"{:.1}\" y=\"12\" class=\"lm-chart__axis\" text-anchor=\"middle\">{h:02}</text>",
            LEFT + CELL * h as f64 + CELL / 2.0
        ));
    }
    for (d, row) in grid.iter().enumerate().take(7) {
        let y = TOP + CELL * d as f64;
        svg.push_str(&format!(
            "<text x=\"{:.1}\" y=\"{:.1}\" class=\"lm-chart__axis\" text-anchor=\"end\">{}</text>",
            LEFT - 6.0,
            y + CELL * 0.65,
            escape(weekdays[d])
        ));
        for (h, value) in row.iter().enumerate() {
            if let Some(v) = value {
                let strength = if max > 0.0 {
                    0.08 + 0.92 * v / max
                } else {
                    0.0
                };
                svg.push_str(&format!(
                    "<rect x=\"{:.1}\" y=\"{y:.1}\" width=\"{:.1}\" height=\"{:.1}\" rx=\"3\" class=\"lm-heat__cell\" fill-opacity=\"{strength:.2}\"/>",
                    LEFT + CELL * h as f64 + 1.0,
                    CELL - 2.0,
                    CELL - 2.0
                ));
            }
        }
    }
    svg.push_str("</svg>");
    svg
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

    #[test]
    fn a_heat_map_names_its_strongest_slots() {
        let mut grid = vec![[None; 24]; 7];
        grid[4][19] = Some(120.0);
        grid[0][7] = Some(40.0);
        grid[6][12] = Some(80.0);
        let days = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
        let svg = heat(&grid, "When", &days, Lang::En);
        assert!(
            svg.contains(
                "aria-label=\"When: Fri 19:00 (120.0), Sun 12:00 (80.0), Mon 07:00 (40.0)\""
            ),
            "{svg}"
        );
        assert_eq!(svg.matches("<rect").count(), 3);
    }
}
