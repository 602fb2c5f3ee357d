//! Charts as inline SVG drawn with plotters' SVG backend, from numbers only, with their values as
//! the text alternative. The same functions draw the app's pages (in the engine's worker) and the
//! report files, so both show the same picture.
//!
//! Only text drawing that needs no font metrics is used (left and bottom axis labels, `Text`
//! elements; no captions): in a worker, plotters has no DOM to measure text with. Colours are the
//! design tokens' defaults; the stylesheet (`.lm-chart …`) maps them back to the tokens, as CSS
//! outranks SVG presentation attributes, so a theme re-colours the charts.

use chrono::{Datelike, NaiveDate};
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use super::html::escape;
use crate::i18n::Lang;

const BRAND: RGBColor = RGBColor(0x6b, 0x3e, 0x26);
const MUTED: RGBColor = RGBColor(0x6f, 0x62, 0x5a);
const GRID: RGBColor = RGBColor(0xe4, 0xdb, 0xd0);
const FONT: &str = "sans-serif";
/// Axis text size in the charts' own units (plotters writes 1/1.24 of it), readable when a chart
/// is shrunk to half a tablet's width.
const AXIS_SIZE: f64 = 19.0;

/// Draws on a `width × height` SVG canvas and returns the markup with `class`, a `viewBox` that
/// scales to its container, and `label` as its accessible name and title. A drawing error (none
/// is expected from an in-memory string) leaves the chart empty rather than failing the page.
fn svg(
    class: &str,
    (width, height): (u32, u32),
    label: &str,
    draw: impl FnOnce(&DrawingArea<SVGBackend, Shift>) -> Drawn,
) -> String {
    let mut markup = String::new();
    {
        let root = SVGBackend::with_string(&mut markup, (width, height)).into_drawing_area();
        if draw(&root).and_then(|()| root.present()).is_err() {
            drop(root);
            markup.clear();
        }
    }
    let body = markup
        .find('>')
        .map(|open| markup[open + 1..].trim_start())
        .filter(|rest| rest.ends_with("</svg>\n") || rest.ends_with("</svg>"))
        .map(|rest| rest.trim_end().trim_end_matches("</svg>"))
        .unwrap_or("");
    // plotters writes one element per line and a text's content on a line of its own; SVG
    // collapses that white space anyway, and the texts themselves are single-line labels.
    let body = body.replace('\n', "");
    let label = escape(label);
    format!(
        "<svg class=\"{class}\" viewBox=\"0 0 {width} {height}\" role=\"img\" aria-label=\"{label}\">\
         <title>{label}</title>{body}</svg>"
    )
}

/// What drawing on an in-memory SVG can return.
type Drawn = Result<(), DrawingAreaErrorKind<std::io::Error>>;

fn axis_text(anchor: (HPos, VPos)) -> TextStyle<'static> {
    TextStyle::from((FONT, AXIS_SIZE).into_font())
        .color(&MUTED)
        .pos(Pos::new(anchor.0, anchor.1))
}

/// A sparkline of a monthly series; `None` below two points.
pub fn sparkline(series: &[(NaiveDate, f64)], lang: Lang) -> Option<String> {
    if series.len() < 2 {
        return None;
    }
    let label = series
        .iter()
        .map(|(month, v)| format!("{} {}", lang.month_short(month.month()), lang.count(*v)))
        .collect::<Vec<_>>()
        .join(", ");
    let (min, max) = bounds(series.iter().map(|(_, v)| *v), false);
    let last = (series.len() - 1) as f64;
    Some(svg("lm-spark", (160, 40), &label, |root| {
        let mut chart = ChartBuilder::on(root)
            .margin(3)
            .build_cartesian_2d(0.0..last, min..max)?;
        chart.draw_series(LineSeries::new(
            series.iter().enumerate().map(|(i, (_, v))| (i as f64, *v)),
            BRAND.stroke_width(2),
        ))?;
        Ok(())
    }))
}

/// The lowest and highest value, from zero when `from_zero` and none is negative; a flat series
/// gets a span of one so that it draws as a line in the middle rather than dividing by zero.
fn bounds(values: impl Iterator<Item = f64>, from_zero: bool) -> (f64, f64) {
    let start = if from_zero {
        (0.0, 0.0)
    } else {
        (f64::INFINITY, f64::NEG_INFINITY)
    };
    let (min, max) = values.fold(start, |(a, b), v| (a.min(v), b.max(v)));
    if !min.is_finite() || !max.is_finite() {
        (0.0, 1.0)
    } else if max > min {
        (min, max)
    } else {
        (min - 0.5, max + 0.5)
    }
}

/// A labelled line chart: one point per label, the y axis spanning zero and every value (from
/// the lowest when one is negative, to the highest when one is positive), with grid lines at
/// round values. The values are the text alternative.
pub fn line(points: &[(String, f64)], title: &str, lang: Lang) -> String {
    let label = format!(
        "{title}: {}",
        points
            .iter()
            .map(|(l, v)| format!("{l} {}", lang.count(*v)))
            .collect::<Vec<_>>()
            .join(", ")
    );
    let (min, max) = bounds(points.iter().map(|p| p.1), true);
    let last = points.len().saturating_sub(1).max(1) as i32;
    svg("lm-chart", (480, 220), &label, |root| {
        if points.is_empty() {
            return Ok(());
        }
        let mut chart = ChartBuilder::on(root)
            .margin_top(12)
            .margin_right(16)
            .x_label_area_size(30)
            .y_label_area_size(72)
            .build_cartesian_2d(0..last, min..max)?;
        let format_x = |i: &i32| {
            usize::try_from(*i)
                .ok()
                .and_then(|i| points.get(i))
                .map(|(l, _)| l.clone())
                .unwrap_or_default()
        };
        let format_y = |v: &f64| lang.compact(*v);
        chart
            .configure_mesh()
            .disable_x_mesh()
            .x_labels(points.len().min(7))
            .x_label_formatter(&format_x)
            .y_labels(4)
            .y_label_formatter(&format_y)
            .bold_line_style(GRID)
            .light_line_style(TRANSPARENT)
            .axis_style(GRID)
            .label_style((FONT, AXIS_SIZE).into_font().color(&MUTED))
            .draw()?;
        let at = |i: usize, v: f64| (i as i32, v);
        chart.draw_series(LineSeries::new(
            points.iter().enumerate().map(|(i, (_, v))| at(i, *v)),
            BRAND.stroke_width(3),
        ))?;
        chart.draw_series(
            points
                .iter()
                .enumerate()
                .map(|(i, (_, v))| Circle::new(at(i, *v), 3, BRAND.filled())),
        )?;
        Ok(())
    })
}

/// Horizontal bars as HTML (label, bar, value): shares of a whole or values against the largest.
/// A list rather than a plot: its labels wrap and its values stay text at any width.
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
    const CELL: i32 = 22;
    const LEFT: i32 = 52;
    const TOP: i32 = 24;
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
    let label = format!("{title}: {strongest}");
    let size = ((LEFT + CELL * 24) as u32, (TOP + CELL * 7) as u32);
    svg("lm-heat", size, &label, |root| {
        let (_, cells) = root.split_vertically(TOP);
        let (_, cells) = cells.split_horizontally(LEFT);
        let mut chart = ChartBuilder::on(&cells).build_cartesian_2d(0.0..24.0, 7.0..0.0)?;
        chart.draw_series(best.iter().map(|(v, d, h)| {
            let strength = if max > 0.0 {
                0.08 + 0.92 * v / max
            } else {
                0.0
            };
            let (x, y) = (*h as f64, *d as f64);
            let mut cell =
                Rectangle::new([(x, y), (x + 1.0, y + 1.0)], BRAND.mix(strength).filled());
            cell.set_margin(1, 1, 1, 1);
            cell
        }))?;
        for h in (0..24).step_by(3) {
            root.draw(&Text::new(
                format!("{h:02}"),
                (LEFT + CELL * h + CELL / 2, TOP / 2),
                axis_text((HPos::Center, VPos::Center)),
            ))?;
        }
        for (d, name) in weekdays.iter().enumerate() {
            root.draw(&Text::new(
                name.to_string(),
                (LEFT - 6, TOP + CELL * d as i32 + CELL / 2),
                axis_text((HPos::Right, VPos::Center)),
            ))?;
        }
        Ok(())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_sparkline_names_its_values_and_draws_one_line() {
        let d = |m| NaiveDate::from_ymd_opt(2026, m, 1).unwrap();
        let svg = sparkline(&[(d(9), 1200.0), (d(10), 800.0)], Lang::Id).unwrap();
        assert!(svg.contains("aria-label=\"Sep 1.200, Okt 800\""), "{svg}");
        assert_eq!(svg.matches("<polyline").count(), 1, "{svg}");
        assert!(sparkline(&[(d(9), 1.0)], Lang::Id).is_none());
    }

    #[test]
    fn the_highest_value_is_drawn_above_the_lowest() {
        let svg = line(
            &[("Jan".into(), 10.0), ("Feb".into(), 30.0)],
            "Reach",
            Lang::En,
        );
        let y = |cx: &str| {
            let at = svg.find(&format!("<circle cx=\"{cx}\"")).expect(cx);
            let rest = &svg[at..];
            let cy = &rest[rest.find("cy=\"").unwrap() + 4..];
            cy[..cy.find('"').unwrap()].parse::<i32>().unwrap()
        };
        let first = svg.find("<circle cx=\"").unwrap() + 12;
        let first_x = &svg[first..first + svg[first..].find('"').unwrap()];
        let second = svg.rfind("<circle cx=\"").unwrap() + 12;
        let second_x = &svg[second..second + svg[second..].find('"').unwrap()];
        assert!(y(second_x) < y(first_x), "{svg}");
        assert!(
            svg.contains(">Jan</text>") && svg.contains(">Feb</text>"),
            "{svg}"
        );
        assert!(
            svg.contains("aria-label=\"Reach: Jan 10, Feb 30\""),
            "{svg}"
        );
        assert!(!svg.contains("xmlns") && svg.ends_with("</svg>"), "{svg}");
    }

    #[test]
    fn an_empty_line_chart_is_an_empty_labelled_picture() {
        let svg = line(&[], "Reach", Lang::En);
        assert!(svg.starts_with("<svg class=\"lm-chart\""), "{svg}");
        assert!(!svg.contains("<polyline"), "{svg}");
    }

    #[test]
    fn labels_from_imports_are_escaped() {
        let svg = line(&[("<b>".into(), 1.0)], "<i>", Lang::En);
        assert!(!svg.contains("<b>") && !svg.contains("<i>"), "{svg}");
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
        assert_eq!(svg.matches("<rect").count(), 3, "{svg}");
        assert!(
            svg.contains(">Mon</text>") && svg.contains(">21</text>"),
            "{svg}"
        );
    }
}
