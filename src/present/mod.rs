//! Read-only views written as HTML text: the audit (and, as they come, dashboards and reports).
//! Pure, so they are snapshot-tested natively and shared by the app's pages (inserted as one
//! fragment) and by exported report files. Everything from a workspace is escaped by
//! [`html::Html`]; charts are SVG drawn from numbers only.

pub mod audience;
pub mod audit;
pub mod chart;
pub mod dashboard;
pub mod html;
pub mod report;
pub mod service;

use crate::i18n::{Lang, Msg};
use html::Html;

/// A number's definition, one tap away (the same markup as the app's `Definition` component).
pub fn definition(html: &mut Html, msg: Msg, lang: Lang) {
    let what = crate::i18n::Msg::WhatIsThis.text(lang);
    html.open("details", &[("class", "lm-def")])
        .open("summary", &[("class", "lm-def__toggle"), ("title", what)])
        .elem(
            "span",
            &[("class", "lm-def__icon"), ("aria-hidden", "true")],
            "i",
        )
        .elem("span", &[("class", "lm-visually-hidden")], what)
        .close("summary")
        .elem("p", &[("class", "lm-def__text")], msg.text(lang))
        .close("details");
}

/// "Industry benchmark: F&B Indonesia".
pub fn benchmark_name(b: &crate::domain::Benchmark, lang: Lang) -> String {
    use crate::domain::BenchmarkScope;
    let scope = match b.scope {
        BenchmarkScope::Industry => Msg::ScopeIndustry,
        BenchmarkScope::Region => Msg::ScopeRegion,
        BenchmarkScope::Country => Msg::ScopeCountry,
    };
    // The scope may open the sentence ("industry benchmark" in English).
    crate::i18n::capitalised(&crate::i18n::fill(
        Msg::BenchmarkRow.text(lang),
        &[("scope", scope.text(lang)), ("label", &b.label)],
    ))
}

/// The name of a benchmark's metric, and its value written as that metric is (a rate in percent,
/// else a number).
pub fn benchmark_metric(metric: &str, value: f64, lang: Lang) -> (&'static str, String) {
    use crate::domain::metrics as m;
    let name = match metric {
        m::BENCHMARK_CTR => Msg::KpiCtr,
        m::BENCHMARK_PER_THOUSAND_FANS => Msg::KpiPerThousand,
        m::BENCHMARK_POSTS_PER_WEEK => Msg::MPostsPerWeek,
        _ => Msg::ColRateReach,
    };
    let percent = m::BENCHMARK_METRICS
        .iter()
        .any(|b| b.slug == metric && b.percent);
    let written = if percent {
        lang.percent(value, 2)
    } else {
        lang.number(value, 1)
    };
    (name.text(lang), written)
}

/// "Period: start – end" as a lead paragraph with a test hook (the listening and inbox views).
pub fn period_line(testid: &str, period: crate::domain::Period, lang: Lang) -> String {
    let mut h = Html::new();
    h.open("p", &[("class", "lm-lead"), ("data-testid", testid)])
        .elem("strong", &[], Msg::RepPeriod.text(lang))
        .text(&format!(
            ": {} – {}",
            lang.date(period.start),
            lang.date(period.end)
        ))
        .close("p");
    h.into_string()
}
