//! A report as one self-contained HTML file: inline CSS (the app's own stylesheets plus a print
//! sheet), charts as inline SVG from [`super::chart`], tables, summary sentences and the
//! methodology, a Content-Security-Policy that forbids every request, and the report's data
//! (a workspace file) in a `<script type="application/json">` so that Linimasa can re-open it.
//! Also every table of the report as CSV, with formula-like cells neutralised.

use super::html::Html;
use crate::domain::report::{self, Figures, section_key, section_title};
use crate::domain::{ReportDefinition, ReportSection, Workspace};
use crate::i18n::{Lang, Msg, fill};
use crate::storage::migrate;

const STYLES: [&str; 4] = [
    include_str!("../../style/tokens.css"),
    include_str!("../../style/base.css"),
    include_str!("../../style/components.css"),
    include_str!("../../style/pages.css"),
];

/// Print and report layout on top of the app's styles.
const REPORT_CSS: &str = "
body { max-width: 64rem; margin: 0 auto; padding: 2rem 1.5rem; }
.rp-header { border-bottom: 4px solid var(--rp-primary); padding-bottom: 1rem; margin-bottom: 1.5rem; }
.rp-brand { color: var(--rp-primary); font-weight: 700; letter-spacing: .02em; }
.rp-meta { display: grid; grid-template-columns: max-content 1fr; gap: .25rem 1rem; margin: 1rem 0; }
.rp-meta dt { font-weight: 700; }
.rp-meta dd { margin: 0; }
.rp-section { margin-top: 2rem; }
.rp-section > h2 { color: var(--rp-primary); border-bottom: 1px solid var(--lm-color-border); }
.rp-summary { font-size: 1.05rem; }
.lm-def { display: none; }
.lm-permalink { color: var(--lm-color-muted); font-size: .75rem; word-break: break-all; }
@media print {
  body { max-width: none; padding: 0; font-size: 10pt; }
  .rp-section { break-before: auto; }
  .rp-section > h2 { break-after: avoid; }
  svg, table, .lm-card, .lm-kpi, figure { break-inside: avoid; }
  .lm-table-wrap { overflow: visible; }
  a { color: inherit; text-decoration: none; }
}
";

/// A colour the user typed, kept only when it is a plain hex colour (it goes into CSS).
fn colour(value: Option<&str>, fallback: &'static str) -> String {
    match value {
        Some(v)
            if v.len() <= 9
                && v.starts_with('#')
                && v[1..].bytes().all(|b| b.is_ascii_hexdigit()) =>
        {
            v.to_owned()
        }
        _ => fallback.to_owned(),
    }
}

/// The JSON of a workspace file, safe inside a `<script>` element: no `<` at all (in JSON it
/// can only be inside a string, where `\u003c` reads back the same), so neither `</script>`
/// nor `<!--` can end or confuse the element.
fn script_safe(json: &str) -> std::borrow::Cow<'_, str> {
    if json.contains('<') {
        json.replace('<', "\\u003c").into()
    } else {
        json.into()
    }
}

/// The report's summary of a section: the user's edit, else the generated sentence.
fn summary(
    def: &ReportDefinition,
    generated: &std::collections::BTreeMap<String, String>,
    section: ReportSection,
) -> Option<String> {
    let key = section_key(section);
    def.summaries
        .get(key)
        .filter(|s| !s.trim().is_empty())
        .or_else(|| generated.get(key))
        .cloned()
}

/// The whole report file.
pub fn html(ws: &Workspace, def: &ReportDefinition, figures: &Figures, lang: Lang) -> String {
    let t = |m: Msg| m.text(lang);
    let generated = report::summaries(ws, def, figures, lang);
    let branding = &ws.info.branding;
    let primary = colour(branding.primary_color.as_deref(), "#6b3e26");
    let comparison = def.comparison.unwrap_or_else(|| def.period.previous());
    let mut css = String::new();
    for s in STYLES {
        css.push_str(s);
    }
    css.push_str(REPORT_CSS);
    css.push_str(&format!(":root {{ --rp-primary: {primary}; }}"));

    let mut h = Html::new();
    h.trusted("<!DOCTYPE html>");
    h.open("html", &[("lang", lang.tag())]).open("head", &[]);
    h.trusted("<meta charset=\"utf-8\">");
    h.trusted("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\">");
    h.trusted("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">");
    h.elem("title", &[], &def.name);
    h.open("style", &[]).trusted(&css).close("style");
    h.close("head").open("body", &[("class", "rp")]);

    h.open("header", &[("class", "rp-header")]);
    let brand = if branding.name.trim().is_empty() {
        ws.info.name.as_str()
    } else {
        branding.name.as_str()
    };
    if let Some(logo) = branding
        .logo
        .as_deref()
        .filter(|l| l.starts_with("data:image/"))
    {
        h.open(
            "img",
            &[
                ("src", logo),
                ("alt", brand),
                ("class", "rp-logo"),
                ("height", "48"),
            ],
        );
    }
    h.elem("p", &[("class", "rp-brand")], brand)
        .elem("h1", &[], &def.name)
        .open("dl", &[("class", "rp-meta")])
        .elem("dt", &[], t(Msg::RepFor))
        .elem("dd", &[], report::audience_name(def.audience).text(lang))
        .elem("dt", &[], t(Msg::RepPeriod))
        .elem(
            "dd",
            &[],
            &format!(
                "{} – {}",
                lang.date(def.period.start),
                lang.date(def.period.end)
            ),
        )
        .elem("dt", &[], t(Msg::RepComparison))
        .elem(
            "dd",
            &[],
            &format!(
                "{} – {}",
                lang.date(comparison.start),
                lang.date(comparison.end)
            ),
        )
        .elem("dt", &[], t(Msg::RepMethodologyTitle))
        .elem(
            "dd",
            &[("data-testid", "report-methodology")],
            &def.methodology,
        )
        .close("dl")
        .close("header");

    h.open(
        "section",
        &[("class", "rp-section"), ("data-section", "summary")],
    )
    .elem("h2", &[], t(Msg::RepSummaryTitle))
    .open("ul", &[("class", "rp-summary")]);
    for &section in &def.sections {
        if let Some(s) = summary(def, &generated, section) {
            h.open("li", &[("data-section", section_key(section))])
                .elem("strong", &[], section_title(section).text(lang))
                .text(": ")
                .text(&s)
                .close("li");
        }
    }
    h.close("ul").close("section");

    let mut content_shown = false;
    let mut audit_shown = false;
    for &section in &def.sections {
        let body = match section {
            ReportSection::CustomerService => figures
                .service
                .as_ref()
                .map(|s| super::service::body(ws, s, lang)),
            ReportSection::Content | ReportSection::Ads => {
                if content_shown {
                    continue;
                }
                content_shown = true;
                Some(super::dashboard::body(ws, &figures.dashboard, lang, false))
            }
            ReportSection::Audit | ReportSection::Competitors => {
                if audit_shown {
                    continue;
                }
                audit_shown = true;
                figures
                    .audit
                    .as_ref()
                    .map(|a| super::audit::audit(ws, a, lang))
            }
            ReportSection::Audience => {
                let mut part = super::audience::makeup(ws, lang).unwrap_or_default();
                if let Some(snapshot) = &figures.personas {
                    part.push_str(&personas(snapshot, lang));
                }
                (!part.is_empty()).then_some(part)
            }
            ReportSection::Listening => figures.listening.as_ref().map(|l| listening(ws, l, lang)),
            ReportSection::Influencers => (!figures.influencers.is_empty()).then(|| {
                let mut h = Html::new();
                table_html(&mut h, &influencer_table(&figures.influencers, lang));
                h.into_string()
            }),
        };
        let Some(body) = body else { continue };
        h.open(
            "section",
            &[
                ("class", "rp-section"),
                ("data-section", section_key(section)),
            ],
        )
        .elem("h2", &[], section_title(section).text(lang));
        if let Some(s) = summary(def, &generated, section) {
            h.elem("p", &[("class", "rp-summary")], &s);
        }
        h.trusted(&body).close("section");
    }

    let data = migrate::report_data(&report::data_subset(ws, def));
    h.open(
        "script",
        &[
            ("type", "application/json"),
            ("id", migrate::REPORT_DATA_ID),
        ],
    )
    .trusted(&script_safe(&data))
    .close("script");
    h.close("body").close("html");
    h.into_string()
}

/// The personas of a snapshot as cards.
fn personas(snapshot: &crate::domain::PersonaSnapshot, lang: Lang) -> String {
    let total = f64::from(snapshot.members.max(1));
    let mut h = Html::new();
    h.open(
        "section",
        &[("class", "lm-card"), ("data-testid", "report-personas")],
    )
    .elem(
        "h3",
        &[],
        &fill(
            Msg::PersonaShowing.text(lang),
            &[("date", &lang.date(snapshot.date))],
        ),
    )
    .open("div", &[("class", "lm-personas")]);
    for p in &snapshot.personas {
        h.open("article", &[("class", "lm-persona")])
            .elem("h4", &[("class", "lm-persona__name")], &p.name)
            .elem(
                "p",
                &[("class", "lm-persona__size")],
                &format!(
                    "{} · {}",
                    lang.count(f64::from(p.size)),
                    lang.percent(f64::from(p.size) / total, 0)
                ),
            )
            .elem("p", &[], &p.description)
            .close("article");
    }
    h.close("div").close("section");
    h.into_string()
}

pub use crate::domain::neutralised;

/// A table as HTML, every cell escaped.
pub(crate) fn table_html(h: &mut Html, t: &Table) {
    h.elem("h3", &[], &t.title)
        .open("div", &[("class", "lm-table-wrap")])
        .open("table", &[("class", "lm-table lm-table--compact")])
        .open("thead", &[])
        .open("tr", &[]);
    for c in &t.header {
        h.elem("th", &[], c);
    }
    h.close("tr").close("thead").open("tbody", &[]);
    for row in &t.rows {
        h.open("tr", &[]);
        for c in row {
            h.elem("td", &[], c);
        }
        h.close("tr");
    }
    h.close("tbody").close("table").close("div");
}

/// The listening page: mentions over the last `days` days up to the latest mention, against
/// the days before, as the report's listening section says it. `None` without mentions.
pub fn listening_view(ws: &Workspace, days: u32, lang: Lang) -> Option<String> {
    let last = crate::domain::report::latest_mention_day(ws)?;
    let period = crate::domain::Period::ending(last, i64::from(days));
    let figures = crate::domain::report::listening(ws, period, period.previous())?;
    Some(super::period_line("listening-period", period, lang) + &listening(ws, &figures, lang))
}

/// Listening: mentions, their change, sentiment and reach, then by platform and the top ones.
fn listening(ws: &Workspace, l: &crate::domain::report::Listening, lang: Lang) -> String {
    let mut h = Html::new();
    let change = crate::domain::metrics::change(l.mentions as f64, l.before as f64)
        .map(|c| crate::domain::audit::text::signed_change(c, lang))
        .unwrap_or_else(|| "–".into());
    h.open("p", &[("data-testid", "report-listening")])
        .elem("strong", &[], Msg::RepMentions.text(lang))
        .text(&format!(
            ": {} ({change}) · ",
            lang.count(l.mentions as f64)
        ))
        .elem("strong", &[], Msg::RepSentiment.text(lang))
        .text(&format!(
            ": {} / {} / {} · ",
            l.sentiment[0], l.sentiment[1], l.sentiment[2]
        ))
        .elem("strong", &[], Msg::KpiReach.text(lang))
        .text(&format!(": {}", lang.compact(l.reach)))
        .close("p");
    for t in listening_tables(ws, l, lang) {
        table_html(&mut h, &t);
    }
    h.into_string()
}

fn listening_tables(
    ws: &Workspace,
    l: &crate::domain::report::Listening,
    lang: Lang,
) -> Vec<Table> {
    let zone = &ws.info.time_zone;
    let sentiment = |s: Option<crate::domain::Sentiment>| match s {
        Some(crate::domain::Sentiment::Positive) => "positive",
        Some(crate::domain::Sentiment::Neutral) => "neutral",
        Some(crate::domain::Sentiment::Negative) => "negative",
        None => "",
    };
    vec![
        Table {
            title: format!(
                "{} · {}",
                Msg::RepMentions.text(lang),
                Msg::RepByPlatform.text(lang)
            ),
            header: vec!["platform".into(), "mentions".into()],
            rows: l
                .platforms
                .iter()
                .map(|(p, n)| vec![p.name().to_owned(), n.to_string()])
                .collect(),
        },
        Table {
            title: Msg::RepTopMentions.text(lang).to_owned(),
            header: ["date", "platform", "author", "text", "reach", "sentiment"]
                .map(str::to_owned)
                .to_vec(),
            rows: l
                .top
                .iter()
                .map(|m| {
                    vec![
                        crate::domain::tz::local_date(&m.published, zone).to_string(),
                        m.platform.name().to_owned(),
                        m.author.clone(),
                        m.text.chars().take(200).collect(),
                        m.reach.map(|r| format!("{r}")).unwrap_or_default(),
                        sentiment(m.sentiment).to_owned(),
                    ]
                })
                .collect(),
        },
    ]
}

fn influencer_table(rows: &[crate::domain::report::InfluencerRow], lang: Lang) -> Table {
    Table {
        title: Msg::RepInfluencerTable.text(lang).to_owned(),
        header: [
            "name",
            "platform",
            "handle",
            "followers",
            "engagement_rate",
            "campaigns",
        ]
        .map(str::to_owned)
        .to_vec(),
        rows: rows
            .iter()
            .map(|r| {
                vec![
                    r.name.clone(),
                    r.platform.name().to_owned(),
                    r.handle.clone(),
                    format!("{}", r.followers),
                    format!("{}", r.engagement_rate),
                    r.campaigns.join("; "),
                ]
            })
            .collect(),
    }
}

/// Every table of the report: key figures, top posts, formats, months, findings, scores and
/// personas, each with its title and header.
pub fn tables(ws: &Workspace, figures: &Figures, lang: Lang) -> Vec<Table> {
    let mut out = Vec::new();
    let mut table = |title: &str, header: &[&str], rows: Vec<Vec<String>>| {
        out.push(Table {
            title: title.to_owned(),
            header: header.iter().map(|h| (*h).to_owned()).collect(),
            rows,
        });
    };
    let d = &figures.dashboard;
    let n = |v: Option<f64>| v.map(|v| format!("{v}")).unwrap_or_default();
    let kpis = vec![
        (
            "posts",
            Some(d.now.posts as f64),
            Some(d.before.posts as f64),
        ),
        (
            "engagement",
            Some(d.now.engagement),
            Some(d.before.engagement),
        ),
        ("reach", d.now.reach, d.before.reach),
        ("impressions", d.now.impressions, d.before.impressions),
        (
            "engagement_rate_reach",
            d.now.rate_reach,
            d.before.rate_reach,
        ),
        ("followers", d.now.followers, d.before.followers),
        ("clicks", d.now.clicks, d.before.clicks),
        ("ctr", d.now.ctr, d.before.ctr),
    ];
    table(
        Msg::RepSecContent.text(lang),
        &["metric", "period", "comparison"],
        kpis.into_iter()
            .map(|(k, a, b)| vec![k.to_owned(), n(a), n(b)])
            .collect(),
    );
    let zone = &ws.info.time_zone;
    table(
        Msg::TopPosts.text(lang),
        &[
            "date",
            "profile",
            "format",
            "text",
            "engagement",
            "reach",
            "permalink",
        ],
        d.top
            .iter()
            .map(|p| {
                vec![
                    crate::domain::tz::local_date(&p.published, zone).to_string(),
                    p.profile.0.clone(),
                    format!("{:?}", p.format).to_lowercase(),
                    p.text.clone(),
                    format!("{}", p.engagement),
                    n(p.reach),
                    p.permalink.clone().unwrap_or_default(),
                ]
            })
            .collect(),
    );
    table(
        Msg::ChartFormats.text(lang),
        &["format", "posts", "engagement_per_post"],
        d.formats
            .iter()
            .map(|(f, posts, per)| {
                vec![
                    format!("{f:?}").to_lowercase(),
                    posts.to_string(),
                    format!("{per}"),
                ]
            })
            .collect(),
    );
    table(
        Msg::ChartEngagement.text(lang),
        &["month", "posts", "engagement", "followers"],
        d.months
            .iter()
            .map(|m| {
                vec![
                    m.month.format("%Y-%m").to_string(),
                    m.posts.to_string(),
                    format!("{}", m.engagement),
                    n(m.followers),
                ]
            })
            .collect(),
    );
    if let Some(a) = &figures.audit {
        table(
            Msg::RepSecAudit.text(lang),
            &["severity", "profile", "finding"],
            a.findings
                .iter()
                .map(|f| {
                    vec![
                        crate::domain::audit::text::level(f.level, lang).to_owned(),
                        f.profile.clone().map(|p| p.0).unwrap_or_default(),
                        crate::domain::audit::text::title(f, ws, lang),
                    ]
                })
                .collect(),
        );
        table(
            Msg::AuditScores.text(lang),
            &["profile", "score"],
            a.scores
                .iter()
                .map(|s| vec![s.profile.0.clone(), format!("{}", s.score)])
                .collect(),
        );
    }
    if let Some(snapshot) = &figures.personas {
        table(
            Msg::NavPersonas.text(lang),
            &["persona", "members", "description"],
            snapshot
                .personas
                .iter()
                .map(|p| vec![p.name.clone(), p.size.to_string(), p.description.clone()])
                .collect(),
        );
    }
    if let Some(l) = &figures.listening {
        out.extend(listening_tables(ws, l, lang));
    }
    if !figures.influencers.is_empty() {
        out.push(influencer_table(&figures.influencers, lang));
    }
    if let Some(s) = &figures.service {
        out.push(super::service::data_table(s));
    }
    out
}

/// One table of a report, cells as text (numbers written so that they read back as numbers).
#[derive(Debug, Clone, PartialEq)]
pub struct Table {
    pub title: String,
    pub header: Vec<String>,
    pub rows: Vec<Vec<String>>,
}

/// Every table as one CSV file: each table starts with a row holding its title and ends with an
/// empty row. Formula-like cells are neutralised.
pub fn csv(tables: &[Table]) -> Vec<u8> {
    let mut w = ::csv::WriterBuilder::new()
        .flexible(true)
        .from_writer(Vec::new());
    for t in tables {
        let _ = w.write_record([&t.title]);
        let _ = w.write_record(&t.header);
        for row in &t.rows {
            let _ = w.write_record(row.iter().map(|c| neutralised(c)));
        }
        let _ = w.write_record([""]);
    }
    w.into_inner().unwrap_or_default()
}

/// A worksheet name Excel accepts: at most 31 characters, none of `[]:*?/\`, unique.
fn sheet_name(title: &str, taken: &[String]) -> String {
    let clean: String = title
        .chars()
        .map(|c| if "[]:*?/\\".contains(c) { ' ' } else { c })
        .collect::<String>()
        .trim()
        .trim_matches('\'')
        .chars()
        .take(28)
        .collect();
    let base = if clean.is_empty() {
        "Sheet".to_owned()
    } else {
        clean
    };
    let mut name = base.clone();
    let mut n = 2;
    while taken.iter().any(|t| t.eq_ignore_ascii_case(&name)) {
        name = format!("{base} {n}");
        n += 1;
    }
    name
}

/// Every table as one XLSX workbook (rust_xlsxwriter), one sheet per table: a bold header row,
/// numbers as numbers, text as text with formula-like cells neutralised as in the CSV.
pub fn xlsx(tables: &[Table]) -> Result<Vec<u8>, String> {
    use rust_xlsxwriter::{Format, Workbook};
    let mut book = Workbook::new();
    let bold = Format::new().set_bold();
    let mut taken: Vec<String> = Vec::new();
    for t in tables {
        let name = sheet_name(&t.title, &taken);
        taken.push(name.clone());
        let sheet = book.add_worksheet();
        sheet.set_name(&name).map_err(|e| e.to_string())?;
        for (c, h) in t.header.iter().enumerate() {
            sheet
                .write_string_with_format(0, c as u16, h, &bold)
                .map_err(|e| e.to_string())?;
        }
        for (r, row) in t.rows.iter().enumerate() {
            for (c, cell) in row.iter().enumerate() {
                let (r, c) = (r as u32 + 1, c as u16);
                match cell.parse::<f64>() {
                    Ok(v) if v.is_finite() => sheet.write_number(r, c, v),
                    _ => sheet.write_string(r, c, neutralised(cell)),
                }
                .map_err(|e| e.to_string())?;
            }
        }
        sheet.autofit();
    }
    book.save_to_buffer().map_err(|e| e.to_string())
}
