//! The dashboard as HTML: key figures with their change against the previous period and their
//! definitions, monthly charts, the split of interactions, post types and the top posts.

use chrono::Datelike;

use super::html::Html;
use super::{chart, definition};
use crate::domain::Workspace;
use crate::domain::audit::text;
use crate::domain::dashboard::Dashboard;
use crate::domain::metrics::{PostKey, PostOrder, change};
use crate::i18n::{Lang, Msg, fill};

/// A permalink that may be linked: http(s) only, so an imported `javascript:` URL stays text.
fn safe_link(url: &str) -> Option<&str> {
    let lower = url.trim_start().to_ascii_lowercase();
    (lower.starts_with("https://") || lower.starts_with("http://")).then_some(url)
}

struct Kpi<'a> {
    id: &'static str,
    label: Msg,
    def: Option<Msg>,
    now: Option<f64>,
    before: Option<f64>,
    shown: &'a dyn Fn(f64) -> String,
    note: Option<Msg>,
}

fn kpi(h: &mut Html, k: &Kpi, lang: Lang) {
    let change = match (k.now, k.before) {
        (Some(now), Some(before)) => change(now, before),
        _ => None,
    };
    let direction = match change {
        Some(c) if c > 0.0 => "up",
        Some(c) if c < 0.0 => "down",
        _ => "flat",
    };
    let testid = format!("dash-kpi-{}", k.id);
    let change_attr = change.map(|c| format!("{c:.4}")).unwrap_or_default();
    h.open(
        "li",
        &[
            ("class", "lm-kpi"),
            ("data-kpi", k.id),
            ("data-change", &change_attr),
        ],
    );
    h.open("span", &[("class", "lm-kpi__label")])
        .text(k.label.text(lang));
    if let Some(def) = k.def {
        h.text(" ");
        definition(h, def, lang);
    }
    h.close("span");
    let value = k.now.map(k.shown).unwrap_or_else(|| "–".into());
    h.elem(
        "span",
        &[("class", "lm-kpi__value"), ("data-testid", &testid)],
        &value,
    );
    let versus = match change {
        Some(c) => fill(
            Msg::VsPrevious.text(lang),
            &[("change", &text::signed_change(c, lang))],
        ),
        None => Msg::NoComparison.text(lang).to_owned(),
    };
    let class = format!("lm-kpi__change lm-kpi__change--{direction}");
    h.elem("span", &[("class", &class)], &versus);
    if let Some(note) = k.note {
        h.elem("span", &[("class", "lm-kpi__note")], note.text(lang));
    }
    h.close("li");
}

/// The dashboard's body.
pub fn dashboard(ws: &Workspace, d: &Dashboard, lang: Lang) -> String {
    body(ws, d, lang, true)
}

/// The dashboard's body; `links`: permalinks as links (the app) or as text (report files,
/// which must not point anywhere).
pub fn body(ws: &Workspace, d: &Dashboard, lang: Lang, links: bool) -> String {
    let t = |m: Msg| m.text(lang);
    let mut h = Html::new();
    let period = fill(
        t(Msg::DashPeriod),
        &[
            ("from", &lang.date(d.period.start)),
            ("to", &lang.date(d.period.end)),
            ("pfrom", &lang.date(d.previous.start)),
            ("pto", &lang.date(d.previous.end)),
        ],
    );
    h.elem(
        "p",
        &[("class", "lm-lead"), ("data-testid", "dash-period")],
        &period,
    );
    let count = |v: f64| lang.count(v);
    let compact = |v: f64| lang.compact(v);
    let percent = |v: f64| lang.percent(v, 2);
    let one = |v: f64| lang.number(v, 1);
    let signed = |v: f64| {
        if v > 0.0 {
            format!("+{}", lang.count(v))
        } else {
            lang.count(v)
        }
    };
    let (n, b) = (&d.now, &d.before);
    let fallback = n
        .per_thousand_fans
        .is_some_and(|(_, f)| f)
        .then_some(Msg::FallbackNote);
    let kpis = [
        Kpi {
            id: "posts",
            label: Msg::KpiPosts,
            def: None,
            now: Some(n.posts as f64),
            before: Some(b.posts as f64),
            shown: &count,
            note: None,
        },
        Kpi {
            id: "followers",
            label: Msg::KpiFollowers,
            def: Some(Msg::DefFollowers),
            now: n.followers,
            before: b.followers,
            shown: &compact,
            note: None,
        },
        Kpi {
            id: "growth",
            label: Msg::KpiGrowth,
            def: Some(Msg::DefGrowth),
            now: n.follower_growth,
            before: b.follower_growth,
            shown: &signed,
            note: None,
        },
        Kpi {
            id: "reach",
            label: Msg::KpiReach,
            def: None,
            now: n.reach,
            before: b.reach,
            shown: &compact,
            note: None,
        },
        Kpi {
            id: "engagement",
            label: Msg::KpiEngagement,
            def: Some(Msg::DefEngagement),
            now: Some(n.engagement),
            before: Some(b.engagement),
            shown: &compact,
            note: None,
        },
        Kpi {
            id: "rate",
            label: Msg::KpiRate,
            def: Some(Msg::DefEngagementRate),
            now: n.rate_reach,
            before: b.rate_reach,
            shown: &percent,
            note: None,
        },
        Kpi {
            id: "per-thousand",
            label: Msg::KpiPerThousand,
            def: Some(Msg::DefPerThousand),
            now: n.per_thousand_fans.map(|p| p.0),
            before: b.per_thousand_fans.map(|p| p.0),
            shown: &one,
            note: fallback,
        },
        Kpi {
            id: "clicks",
            label: Msg::KpiClicks,
            def: None,
            now: n.clicks,
            before: b.clicks,
            shown: &compact,
            note: None,
        },
        Kpi {
            id: "ctr",
            label: Msg::KpiCtr,
            def: Some(Msg::DefCtr),
            now: n.ctr,
            before: b.ctr,
            shown: &percent,
            note: None,
        },
    ];
    kpi_list(&mut h, "dash-kpis", &kpis, lang);
    benchmarks(&mut h, d, lang);
    let hours = |v: f64| lang.number(v, 1);
    let ratio = |v: f64| lang.number(v, 2);
    if let Some((a, before)) = &d.ads {
        section_title(&mut h, t(Msg::DashAds), Msg::DefAds, lang);
        let b = before.as_ref();
        let cards = [
            Kpi {
                id: "ad-spend",
                label: Msg::KpiSpend,
                def: None,
                now: Some(a.spend),
                before: b.map(|b| b.spend),
                shown: &compact,
                note: None,
            },
            Kpi {
                id: "ad-ctr",
                label: Msg::KpiCtr,
                def: None,
                now: a.ctr,
                before: b.and_then(|b| b.ctr),
                shown: &percent,
                note: None,
            },
            Kpi {
                id: "ad-cpc",
                label: Msg::KpiCpc,
                def: None,
                now: a.cpc,
                before: b.and_then(|b| b.cpc),
                shown: &ratio,
                note: None,
            },
            Kpi {
                id: "ad-cpm",
                label: Msg::KpiCpm,
                def: None,
                now: a.cpm,
                before: b.and_then(|b| b.cpm),
                shown: &ratio,
                note: None,
            },
            Kpi {
                id: "ad-frequency",
                label: Msg::KpiFrequency,
                def: None,
                now: a.frequency,
                before: b.and_then(|b| b.frequency),
                shown: &ratio,
                note: None,
            },
            Kpi {
                id: "ad-conversions",
                label: Msg::KpiConversions,
                def: None,
                now: Some(a.conversions),
                before: b.map(|b| b.conversions),
                shown: &count,
                note: None,
            },
        ];
        kpi_list(&mut h, "dash-ads", &cards, lang);
    }
    if let Some((r, before)) = &d.service {
        section_title(&mut h, t(Msg::DashService), Msg::DefResponse, lang);
        let b = before.as_ref();
        let cards = [
            Kpi {
                id: "needing-reply",
                label: Msg::KpiNeedingReply,
                def: None,
                now: Some(r.needing_reply as f64),
                before: b.map(|b| b.needing_reply as f64),
                shown: &count,
                note: None,
            },
            Kpi {
                id: "response-rate",
                label: Msg::KpiResponseRate,
                def: None,
                now: r.rate,
                before: b.and_then(|b| b.rate),
                shown: &percent,
                note: None,
            },
            Kpi {
                id: "reply-mean",
                label: Msg::KpiMeanHours,
                def: None,
                now: r.mean_hours,
                before: b.and_then(|b| b.mean_hours),
                shown: &hours,
                note: None,
            },
            Kpi {
                id: "reply-median",
                label: Msg::KpiMedianHours,
                def: None,
                now: r.median_hours,
                before: b.and_then(|b| b.median_hours),
                shown: &hours,
                note: None,
            },
        ];
        kpi_list(&mut h, "dash-service", &cards, lang);
    }
    if let Some(web) = &d.web {
        section_title(&mut h, t(Msg::DashWeb), Msg::DefSocialShare, lang);
        let cards = [
            Kpi {
                id: "sessions",
                label: Msg::KpiSessions,
                def: None,
                now: Some(web.sessions),
                before: web.sessions_before,
                shown: &compact,
                note: None,
            },
            Kpi {
                id: "social-share",
                label: Msg::KpiSocialShare,
                def: None,
                now: web.social_share,
                before: None,
                shown: &percent,
                note: None,
            },
        ];
        kpi_list(&mut h, "dash-web", &cards, lang);
        web_months(&mut h, &web.months, lang);
    }

    let month =
        |m: &chrono::NaiveDate| format!("{} {}", lang.month_short(m.month()), m.year() % 100);
    h.open("div", &[("class", "lm-charts")]);
    let engagement: Vec<(String, f64)> = d
        .months
        .iter()
        .map(|m| (month(&m.month), m.engagement))
        .collect();
    chart_card(
        &mut h,
        "chart-engagement",
        t(Msg::ChartEngagement),
        &chart::line(&engagement, t(Msg::ChartEngagement), lang),
    );
    let followers: Vec<(String, f64)> = d
        .months
        .iter()
        .filter_map(|m| m.followers.map(|f| (month(&m.month), f)))
        .collect();
    if !followers.is_empty() {
        chart_card(
            &mut h,
            "chart-followers",
            t(Msg::ChartFollowers),
            &chart::line(&followers, t(Msg::ChartFollowers), lang),
        );
    }
    let dist = &d.distribution;
    let total = dist.reactions + dist.comments + dist.shares + dist.saves;
    if total > 0.0 {
        let items: Vec<(String, f64, String)> = [
            (Msg::MetReactions, dist.reactions),
            (Msg::MetComments, dist.comments),
            (Msg::MetShares, dist.shares),
            (Msg::MetSaves, dist.saves),
        ]
        .iter()
        .map(|(m, v)| (m.text(lang).to_owned(), *v, lang.percent(v / total, 1)))
        .collect();
        chart_card(
            &mut h,
            "chart-distribution",
            t(Msg::ChartDistribution),
            &chart::bars(&items),
        );
    }
    if !d.formats.is_empty() {
        let items: Vec<(String, f64, String)> = d
            .formats
            .iter()
            .map(|(f, n, per)| {
                (
                    format!("{} ({})", text::format(*f, lang), lang.count(*n as f64)),
                    *per,
                    lang.number(*per, 1),
                )
            })
            .collect();
        chart_card(
            &mut h,
            "chart-formats",
            t(Msg::ChartFormats),
            &chart::bars(&items),
        );
    }
    let weekdays: [&str; 7] = std::array::from_fn(|i| lang.weekday_short(i));
    if !d.performance.is_empty() {
        chart_card(
            &mut h,
            "chart-when-posts-perform",
            t(Msg::ChartWhenPerform),
            &chart::heat(&d.performance, t(Msg::ChartWhenPerform), &weekdays, lang),
        );
    }
    if !d.online.is_empty() {
        chart_card(
            &mut h,
            "chart-when-online",
            t(Msg::ChartWhenOnline),
            &chart::heat(&d.online, t(Msg::ChartWhenOnline), &weekdays, lang),
        );
    }
    h.close("div");

    let order = d.query.order;
    h.elem("h2", &[("class", "lm-section-title")], t(Msg::TopPosts));
    h.elem(
        "p",
        &[("class", "lm-hint"), ("data-testid", "posts-order")],
        &order_line(order, lang),
    );
    h.open("div", &[("class", "lm-table-wrap")])
        .open(
            "table",
            &[
                ("class", "lm-table"),
                ("data-testid", "top-posts"),
                ("data-order", order.slug()),
            ],
        )
        .open("thead", &[])
        .open("tr", &[]);
    for (header, key) in [
        (t(Msg::ColPublished), Some(PostKey::Published)),
        (t(Msg::ColProfile), None),
        (t(Msg::ColFormat), None),
        (t(Msg::ColText), None),
        (t(Msg::KpiEngagement), Some(PostKey::Engagement)),
        (t(Msg::KpiReach), Some(PostKey::Reach)),
    ] {
        let numeric = matches!(key, Some(PostKey::Engagement | PostKey::Reach));
        let mut cell = vec![("scope", "col")];
        if numeric {
            cell.push(("class", "lm-num"));
        }
        let Some(key) = key else {
            h.elem("th", &cell, header);
            continue;
        };
        let sorted = match (order.key == key, order.ascending) {
            (false, _) => "none",
            (true, true) => "ascending",
            (true, false) => "descending",
        };
        cell.push(("aria-sort", sorted));
        h.open("th", &cell);
        if links {
            // The page turns a click into the URL's `order`, and the engine ranks again.
            let next = order.toggled(key);
            let hint = fill(t(Msg::SortBy), &[("column", header)]);
            h.open(
                "button",
                &[
                    ("type", "button"),
                    ("class", "lm-sort"),
                    ("data-order", next.slug()),
                    ("data-testid", sort_testid(key)),
                    ("title", &hint),
                ],
            )
            .text(header);
            if sorted != "none" {
                let arrow = if order.ascending { "▲" } else { "▼" };
                h.text(" ").elem("span", &[("aria-hidden", "true")], arrow);
            }
            h.close("button");
        } else {
            h.text(header);
        }
        h.close("th");
    }
    h.close("tr").close("thead").open("tbody", &[]);
    let zone = &ws.info.time_zone;
    for post in &d.top {
        let day = crate::domain::tz::local_date(&post.published, zone);
        let profile = ws
            .profile(&post.profile)
            .map(|p| format!("{} · {}", p.name, p.platform.name()))
            .unwrap_or_default();
        h.open(
            "tr",
            &[
                ("data-testid", "top-post"),
                ("data-profile", post.profile.as_str()),
                ("data-engagement", &format!("{}", post.engagement)),
                (
                    "data-reach",
                    &post.reach.map(|r| r.to_string()).unwrap_or_default(),
                ),
            ],
        );
        h.elem("td", &[], &lang.date(day))
            .elem("td", &[], &profile)
            .elem("td", &[], text::format(post.format, lang));
        h.open("td", &[("class", "lm-post-text")]).text(&post.text);
        if !links && let Some(url) = post.permalink.as_deref() {
            h.text(" ").elem("span", &[("class", "lm-permalink")], url);
        } else if let Some(link) = post.permalink.as_deref().and_then(safe_link) {
            h.text(" ").elem(
                "a",
                &[
                    ("href", link),
                    ("target", "_blank"),
                    ("rel", "noopener noreferrer"),
                ],
                t(Msg::OpenPost),
            );
        }
        h.close("td");
        h.elem("td", &[("class", "lm-num")], &lang.count(post.engagement))
            .elem(
                "td",
                &[("class", "lm-num")],
                &post
                    .reach
                    .map(|r| lang.count(r))
                    .unwrap_or_else(|| "–".into()),
            )
            .close("tr");
    }
    h.close("tbody").close("table").close("div");
    h.into_string()
}

fn sort_testid(key: PostKey) -> &'static str {
    match key {
        PostKey::Engagement => "sort-engagement",
        PostKey::Reach => "sort-reach",
        PostKey::Published => "sort-published",
    }
}

/// What the posts table lists, in words: "the posts with the highest reach in the period".
fn order_line(order: PostOrder, lang: Lang) -> String {
    let t = |m: Msg| m.text(lang);
    let msg = match (order.key, order.ascending) {
        (PostKey::Published, false) => return t(Msg::PostsNewest).to_owned(),
        (PostKey::Published, true) => return t(Msg::PostsOldest).to_owned(),
        (_, false) => Msg::PostsHighest,
        (_, true) => Msg::PostsLowest,
    };
    let key = match order.key {
        PostKey::Reach => t(Msg::KpiReach),
        _ => t(Msg::KpiEngagement),
    };
    fill(t(msg), &[("metric", &key.to_lowercase())])
}

fn kpi_list(h: &mut Html, testid: &'static str, kpis: &[Kpi], lang: Lang) {
    h.open("ul", &[("class", "lm-kpis"), ("data-testid", testid)]);
    for k in kpis {
        kpi(h, k, lang);
    }
    h.close("ul");
}

/// The entered benchmarks that concern the chosen profiles, each beside their own rate.
fn benchmarks(h: &mut Html, d: &Dashboard, lang: Lang) {
    if d.benchmarks.is_empty() {
        return;
    }
    let t = |m: Msg| m.text(lang);
    section_title(h, t(Msg::DashBenchmarks), Msg::DefDashBenchmarks, lang);
    h.open("div", &[("class", "lm-table-wrap")]).open(
        "table",
        &[("class", "lm-table"), ("data-testid", "dash-benchmarks")],
    );
    h.open("thead", &[]).open("tr", &[]);
    for (m, numeric) in [
        (Msg::ColBenchmark, false),
        (Msg::ColPlatform, false),
        (Msg::ColBenchmarkPeriod, false),
        (Msg::ColMetric, false),
        (Msg::ColBenchmarkValue, true),
        (Msg::ColYours, true),
        (Msg::ColVersus, true),
    ] {
        let class = if numeric { "lm-num" } else { "" };
        h.elem("th", &[("scope", "col"), ("class", class)], t(m));
    }
    h.close("tr").close("thead").open("tbody", &[]);
    let dash = || "–".to_owned();
    for row in &d.benchmarks {
        let b = &row.benchmark;
        let platform = b.platform.map_or(t(Msg::AllPlatforms), |p| p.name());
        let versus = row.own.filter(|_| b.value > 0.0).map(|own| own / b.value);
        let period = format!(
            "{} – {}",
            lang.date(b.period.start),
            lang.date(b.period.end)
        );
        h.open(
            "tr",
            &[
                ("data-testid", "dash-benchmark"),
                ("data-platform", b.platform.map_or("", |p| p.slug())),
                (
                    "data-versus",
                    &versus.map(|v| format!("{v:.4}")).unwrap_or_default(),
                ),
            ],
        );
        let (metric, value) = super::benchmark_metric(&b.metric, b.value, lang);
        let own = row
            .own
            .map(|v| super::benchmark_metric(&b.metric, v, lang).1)
            .unwrap_or_else(dash);
        h.elem("th", &[("scope", "row")], &super::benchmark_name(b, lang))
            .elem("td", &[], platform)
            .elem("td", &[], &period)
            .elem("td", &[], metric)
            .elem("td", &[("class", "lm-num")], &value)
            .elem("td", &[("class", "lm-num")], &own)
            .elem(
                "td",
                &[("class", "lm-num")],
                &versus
                    .map(|v| format!("{}×", lang.number(v, 2)))
                    .unwrap_or_else(dash),
            )
            .close("tr");
    }
    h.close("tbody").close("table").close("div");
}

/// The website's months: a line of sessions and a table with the part from social media (the
/// table is the chart's text alternative).
fn web_months(h: &mut Html, months: &[crate::domain::dashboard::WebMonth], lang: Lang) {
    if months.is_empty() {
        return;
    }
    let t = |m: Msg| m.text(lang);
    let name = |m: &chrono::NaiveDate| format!("{} {}", lang.month_short(m.month()), m.year());
    section_title(h, t(Msg::DashWebMonths), Msg::DefWebMonths, lang);
    let points: Vec<(String, f64)> = months
        .iter()
        .map(|m| (name(&m.month), m.sessions))
        .collect();
    chart_card(
        h,
        "chart-web-sessions",
        t(Msg::ChartWebSessions),
        &chart::line(&points, t(Msg::ChartWebSessions), lang),
    );
    h.open("div", &[("class", "lm-table-wrap")]).open(
        "table",
        &[("class", "lm-table"), ("data-testid", "dash-web-months")],
    );
    h.open("thead", &[]).open("tr", &[]);
    for (m, numeric) in [
        (Msg::ColMonth, false),
        (Msg::KpiSessions, true),
        (Msg::KpiSocialShare, true),
        (Msg::ColSocialSessions, true),
    ] {
        let class = if numeric { "lm-num" } else { "" };
        h.elem("th", &[("scope", "col"), ("class", class)], t(m));
    }
    h.close("tr").close("thead").open("tbody", &[]);
    for m in months {
        let social = m.social_sessions();
        h.open(
            "tr",
            &[
                ("data-testid", "dash-web-month"),
                ("data-month", &m.month.format("%Y-%m").to_string()),
                ("data-sessions", &format!("{}", m.sessions)),
                (
                    "data-social",
                    &social.map(|v| format!("{v:.1}")).unwrap_or_default(),
                ),
            ],
        );
        h.elem("th", &[("scope", "row")], &name(&m.month))
            .elem("td", &[("class", "lm-num")], &lang.count(m.sessions))
            .elem(
                "td",
                &[("class", "lm-num")],
                &m.social_share.map_or("–".into(), |v| lang.percent(v, 1)),
            )
            .elem(
                "td",
                &[("class", "lm-num")],
                &social.map_or("–".into(), |v| lang.count(v)),
            )
            .close("tr");
    }
    h.close("tbody").close("table").close("div");
}

fn section_title(h: &mut Html, title: &str, def: Msg, lang: Lang) {
    h.open("h3", &[("class", "lm-section-title")])
        .text(title)
        .text(" ");
    definition(h, def, lang);
    h.close("h3");
}

fn chart_card(h: &mut Html, testid: &'static str, title: &str, svg: &str) {
    h.open(
        "figure",
        &[("class", "lm-chart-card"), ("data-testid", testid)],
    )
    .elem("figcaption", &[], title)
    .trusted(svg)
    .close("figure");
}

#[cfg(test)]
mod tests {
    use super::safe_link;

    #[test]
    fn only_web_links_are_linked() {
        assert!(safe_link("https://www.instagram.com/p/x").is_some());
        assert!(safe_link("javascript:alert(1)").is_none());
        assert!(safe_link(" JaVaScRiPt:alert(1)").is_none());
        assert!(safe_link("data:text/html,x").is_none());
    }
}
