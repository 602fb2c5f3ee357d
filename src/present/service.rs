//! The inbox view: customer service over a window up to the last message received — messages
//! and their change, how many wait for a first reply, response rate and reply times (with their
//! definition), then per profile, by kind, and the messages waiting longest.

use super::html::Html;
use super::report::{Table, table_html};
use crate::domain::service::{self, Service};
use crate::domain::{Period, Workspace, metrics, tz};
use crate::i18n::{Lang, Msg};

/// The inbox page's view over the last `days` days up to the last message; `None` without
/// messages.
pub fn inbox_view(ws: &Workspace, days: u32, lang: Lang) -> Option<String> {
    let last = service::latest_message_day(ws)?;
    let period = Period::ending(last, i64::from(days));
    let figures = service::service(ws, period, None)?;
    Some(super::period_line("inbox-period", period, lang) + &body(ws, &figures, lang))
}

/// Customer service as the inbox page and a report's section show it.
pub fn body(ws: &Workspace, figures: &Service, lang: Lang) -> String {
    let mut h = Html::new();
    summary(&mut h, figures, lang);
    super::definition(&mut h, Msg::DefResponse, lang);
    for t in tables(ws, figures, lang) {
        table_html(&mut h, &t);
    }
    h.into_string()
}

/// The figures per profile with numbers as numbers, for a report's CSV and XLSX.
pub fn data_table(s: &Service) -> Table {
    let n = |v: Option<f64>| v.map(|v| format!("{v}")).unwrap_or_default();
    Table {
        title: "customer service".into(),
        header: [
            "profile",
            "messages",
            "needing_reply",
            "answered",
            "response_rate",
            "median_reply_hours",
            "mean_reply_hours",
        ]
        .map(str::to_owned)
        .to_vec(),
        rows: s
            .profiles
            .iter()
            .map(|p| {
                let a = p.answers.unwrap_or_default();
                vec![
                    p.profile.0.clone(),
                    p.received.to_string(),
                    a.needing_reply.to_string(),
                    a.answered.to_string(),
                    n(a.rate),
                    n(a.median_hours),
                    n(a.mean_hours),
                ]
            })
            .collect(),
    }
}

fn hours(value: Option<f64>, lang: Lang) -> String {
    value.map_or_else(|| "–".into(), |v| lang.number(v, 1))
}

fn summary(h: &mut Html, s: &Service, lang: Lang) {
    let change = metrics::change(s.received as f64, s.before as f64)
        .map(|c| crate::domain::audit::text::signed_change(c, lang))
        .unwrap_or_else(|| "–".into());
    let answers = s.answers.unwrap_or_default();
    h.open("p", &[("data-testid", "inbox-summary")])
        .elem("strong", &[], Msg::InboxMessages.text(lang))
        .text(&format!(
            ": {} ({change}) · ",
            lang.count(s.received as f64)
        ))
        .elem("strong", &[], Msg::InboxWaiting.text(lang))
        .text(&format!(": {} · ", lang.count(s.waiting as f64)))
        .elem("strong", &[], Msg::KpiResponseRate.text(lang))
        .text(&format!(
            ": {} · ",
            answers
                .rate
                .map_or_else(|| "–".into(), |r| lang.percent(r, 0))
        ))
        .elem("strong", &[], Msg::KpiMedianHours.text(lang))
        .text(&format!(": {}", hours(answers.median_hours, lang)))
        .close("p");
}

/// The inbox's tables (also what a CSV or XLSX of it would hold).
pub fn tables(ws: &Workspace, s: &Service, lang: Lang) -> Vec<Table> {
    let t = |m: Msg| m.text(lang).to_owned();
    let profile_name = |id: &crate::domain::ProfileId| {
        ws.profile(id).map_or_else(
            || (id.0.clone(), String::new()),
            |p| (p.name.clone(), p.platform.name().to_owned()),
        )
    };
    let zone = &ws.info.time_zone;
    let kind_name = |k: crate::domain::MessageKind| {
        use crate::domain::MessageKind::*;
        t(match k {
            Question => Msg::KindQuestion,
            Complaint => Msg::KindComplaint,
            Praise => Msg::KindPraise,
            Other => Msg::KindOther,
        })
    };
    vec![
        Table {
            title: t(Msg::InboxByProfile),
            header: vec![
                t(Msg::ColProfile),
                t(Msg::ColPlatform),
                t(Msg::InboxMessages),
                t(Msg::KpiNeedingReply),
                t(Msg::KpiResponseRate),
                t(Msg::KpiMedianHours),
                t(Msg::KpiMeanHours),
            ],
            rows: s
                .profiles
                .iter()
                .map(|p| {
                    let (name, platform) = profile_name(&p.profile);
                    let a = p.answers.unwrap_or_default();
                    vec![
                        name,
                        platform,
                        lang.count(p.received as f64),
                        lang.count(a.needing_reply as f64),
                        a.rate.map_or_else(|| "–".into(), |r| lang.percent(r, 0)),
                        hours(a.median_hours, lang),
                        hours(a.mean_hours, lang),
                    ]
                })
                .collect(),
        },
        Table {
            title: t(Msg::InboxByKind),
            header: vec![t(Msg::ColKind), t(Msg::ColCount)],
            rows: crate::domain::service::KINDS
                .iter()
                .zip(s.kinds)
                .map(|(k, n)| vec![kind_name(*k), lang.count(n as f64)])
                .collect(),
        },
        Table {
            title: t(Msg::InboxOldestWaiting),
            header: vec![
                t(Msg::ColReceived),
                t(Msg::ColProfile),
                t(Msg::ColFrom),
                t(Msg::ColKind),
                t(Msg::ColText),
                t(Msg::ColAssignee),
            ],
            rows: s
                .oldest_waiting
                .iter()
                .map(|m| {
                    let at = tz::in_zone(&m.received, zone);
                    vec![
                        format!("{} {}", lang.date(at.date_naive()), at.format("%H:%M")),
                        profile_name(&m.profile).0,
                        m.author.clone(),
                        kind_name(m.kind),
                        m.text.chars().take(200).collect(),
                        m.assignee.as_ref().map(|a| a.0.clone()).unwrap_or_default(),
                    ]
                })
                .collect(),
        },
    ]
}
