//! Reports: templates, generated sentences (snapshot), the self-contained HTML file (no external
//! URL, escaped imports, embedded data that restores), CSV with neutralised formulas, and size.

use linimasa::domain::report::{self, figures, template};
use linimasa::domain::{Period, ReportAudience, ReportSection};
use linimasa::i18n::Lang;
use linimasa::present;
use linimasa::storage::migrate;

/// Every `src="…"`, `href="…"` and `url(…)` target of a document.
fn targets(html: &str) -> Vec<String> {
    let mut out = Vec::new();
    for (open, close) in [("src=\"", '"'), ("href=\"", '"'), ("url(", ')')] {
        let mut rest = html;
        while let Some(at) = rest.find(open) {
            rest = &rest[at + open.len()..];
            let end = rest.find(close).unwrap_or(rest.len());
            out.push(rest[..end].to_owned());
        }
    }
    out
}

#[test]
fn templates_say_who_when_and_how_and_summaries_carry_the_numbers() {
    let ws = crate::demo();
    let mut snapshot = Vec::new();
    for audience in report::AUDIENCES {
        let def = template(&ws, audience, Lang::En).unwrap();
        assert_eq!(def.comparison, Some(def.period.previous()));
        assert!(
            def.methodology.contains("Asia/Jakarta"),
            "{}",
            def.methodology
        );
        let f = figures(&ws, &def);
        let summaries = report::summaries(&ws, &def, &f, Lang::En);
        snapshot.push((
            format!("{audience:?}"),
            def.period,
            def.sections
                .iter()
                .map(|s| report::section_key(*s))
                .collect::<Vec<_>>(),
            summaries,
        ));
    }
    insta::assert_json_snapshot!("report_templates", snapshot);
    let def = template(&ws, ReportAudience::ManagementQuarterly, Lang::Id).unwrap();
    assert!(
        def.profiles
            .iter()
            .any(|p| ws.profile(p).is_some_and(|p| p.competitor))
    );
    let team = template(&ws, ReportAudience::TeamMonthly, Lang::Id).unwrap();
    assert_eq!(team.period.days(), 30);
    assert!(
        team.profiles
            .iter()
            .all(|p| ws.profile(p).is_some_and(|p| !p.competitor))
    );
}

#[test]
fn the_html_file_is_self_contained_escapes_imports_and_restores() {
    let mut ws = crate::demo();
    let def = template(&ws, ReportAudience::ClientAudit, Lang::En).unwrap();
    // The period's most engaging post, with hostile text.
    let f = figures(&ws, &def);
    let top = f.dashboard.top[0].clone();
    let post = ws
        .posts
        .iter_mut()
        .find(|p| p.profile == top.profile && p.published == top.published)
        .unwrap();
    post.text = "<script>alert(1)</script> =HYPERLINK(\"x\")".into();
    post.permalink = Some("javascript:alert(2)".into());
    let f = figures(&ws, &def);
    let html = present::report::html(&ws, &def, &f, Lang::En);
    assert!(html.starts_with("<!DOCTYPE html>"));
    assert!(html.contains("Content-Security-Policy"));
    for target in targets(&html) {
        assert!(
            target.is_empty() || target.starts_with("data:") || target.starts_with('#'),
            "external or script target: {target}"
        );
    }
    assert!(!html.contains("<script>alert"), "imported text is escaped");
    assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    assert_eq!(
        html.matches("</script>").count(),
        1,
        "only the data script closes"
    );
    for section in [
        ReportSection::Audit,
        ReportSection::Content,
        ReportSection::Audience,
    ] {
        assert!(html.contains(&format!(
            "data-section=\"{}\"",
            report::section_key(section)
        )));
    }
    assert!(html.contains("<svg"), "charts inline");

    // Opened in Linimasa, the file restores the report and its data.
    let restored = migrate::restore_file(html.as_bytes()).unwrap().workspace;
    assert_eq!(restored.reports, vec![def.clone()]);
    assert!(
        restored
            .posts
            .iter()
            .any(|p| p.text.starts_with("<script>"))
    );
    let again = figures(&restored, &def);
    assert_eq!(
        again.dashboard.now, f.dashboard.now,
        "the same figures from the file's data"
    );

    let csv = String::from_utf8(present::report::csv(&present::report::tables(
        &ws,
        &f,
        Lang::En,
    )))
    .unwrap();
    assert!(csv.contains("'<script>") || csv.contains("<script>alert(1)</script> ="));
    assert!(!csv.contains(",=HYPERLINK") && !csv.contains("\"=HYPERLINK"));
    let mut rows = csv::ReaderBuilder::new()
        .flexible(true)
        .has_headers(false)
        .from_reader(csv.as_bytes());
    let cells: Vec<String> = rows
        .records()
        .flat_map(|r| r.unwrap().iter().map(str::to_owned).collect::<Vec<_>>())
        .collect();
    assert!(
        cells
            .iter()
            .all(|c| !c.starts_with('=') && !c.starts_with('@'))
    );
    assert!(
        cells.iter().any(|c| c == "javascript:alert(2)"),
        "permalinks stay text in CSV"
    );
}

#[test]
fn the_xlsx_has_every_table_as_a_sheet_read_back_by_calamine() {
    use calamine::{Data, Reader, Xlsx};
    let mut ws = crate::demo();
    let def = template(&ws, ReportAudience::ClientAudit, Lang::En).unwrap();
    let top = figures(&ws, &def).dashboard.top[0].clone();
    let post = ws
        .posts
        .iter_mut()
        .find(|p| p.profile == top.profile && p.published == top.published)
        .unwrap();
    post.text = "=HYPERLINK(\"http://x\")".into();
    let f = figures(&ws, &def);
    let tables = present::report::tables(&ws, &f, Lang::En);
    let bytes = present::report::xlsx(&tables).unwrap();
    let mut book: Xlsx<_> = calamine::open_workbook_from_rs(std::io::Cursor::new(bytes)).unwrap();
    let names = book.sheet_names();
    assert_eq!(names.len(), tables.len());
    for (name, table) in names.iter().zip(&tables) {
        let range = book.worksheet_range(name).unwrap();
        assert_eq!(range.height(), table.rows.len() + 1, "{name}");
        for (c, h) in table.header.iter().enumerate() {
            assert_eq!(range.get((0, c)), Some(&Data::String(h.clone())));
        }
        for (r, row) in table.rows.iter().enumerate() {
            for (c, cell) in row.iter().enumerate() {
                let got = range.get((r + 1, c)).cloned().unwrap_or(Data::Empty);
                match cell.parse::<f64>() {
                    Ok(v) => assert_eq!(got, Data::Float(v), "{name} {r} {c}"),
                    Err(_) if cell.is_empty() => {}
                    Err(_) => assert_eq!(got, Data::String(present::report::neutralised(cell))),
                }
            }
        }
        let formulas = book.worksheet_formula(name).unwrap();
        assert!(
            formulas.used_cells().all(|(_, _, f)| f.is_empty()),
            "no formula in {name}"
        );
    }
    let top_posts = book.worksheet_range(&names[1]).unwrap();
    assert!(
        top_posts
            .used_cells()
            .any(|(_, _, v)| v == &Data::String("'=HYPERLINK(\"http://x\")".into()))
    );
}

#[test]
fn formula_like_cells_are_neutralised() {
    use present::report::neutralised;
    assert_eq!(neutralised("=1+2"), "'=1+2");
    assert_eq!(neutralised("@SUM(A1)"), "'@SUM(A1)");
    assert_eq!(neutralised("+62 812"), "'+62 812");
    assert_eq!(
        neutralised("-12.5"),
        "-12.5",
        "negative numbers stay numbers"
    );
    assert_eq!(neutralised("kopi"), "kopi");
}

#[test]
fn a_twelve_month_report_of_every_profile_stays_under_two_megabytes() {
    let ws = crate::demo();
    let mut def = template(&ws, ReportAudience::ManagementQuarterly, Lang::En).unwrap();
    def.period = Period::ending(def.period.end, 365);
    def.comparison = Some(def.period.previous());
    def.sections = report::SECTIONS.to_vec();
    let f = figures(&ws, &def);
    let html = present::report::html(&ws, &def, &f, Lang::En);
    assert!(def.profiles.len() >= 10);
    assert!(html.len() < 2_000_000, "{} bytes", html.len());
}

#[test]
fn listening_and_influencer_sections_show_when_the_data_has_them() {
    let ws = crate::demo();
    let mut def = template(&ws, ReportAudience::TeamMonthly, Lang::En).unwrap();
    def.sections.push(ReportSection::Listening);
    def.sections.push(ReportSection::Influencers);
    let f = figures(&ws, &def);
    let l = f.listening.as_ref().expect("the demo has mentions");
    // Counted independently: mentions whose Jakarta date is in the period.
    let expected = ws
        .mentions
        .iter()
        .filter(|m| {
            let local = m
                .published
                .with_timezone(&chrono::FixedOffset::east_opt(7 * 3600).unwrap());
            def.period.contains(local.date_naive())
        })
        .count();
    assert_eq!(l.mentions, expected);
    assert!(l.mentions > 0);
    assert_eq!(
        l.platforms.iter().map(|(_, n)| n).sum::<usize>(),
        l.mentions
    );
    assert!(l.sentiment.iter().sum::<usize>() <= l.mentions);
    assert!(l.top.len() <= 5 && l.top.windows(2).all(|w| w[0].reach >= w[1].reach));
    let accounts: usize = ws.influencers.iter().map(|i| i.accounts.len()).sum();
    assert_eq!(f.influencers.len(), accounts);
    assert!(
        f.influencers
            .windows(2)
            .all(|w| w[0].followers >= w[1].followers)
    );
    let sums = report::summaries(&ws, &def, &f, Lang::En);
    assert!(sums["listening"].starts_with(&format!("{} brand mentions", l.mentions)));
    assert!(sums["influencers"].contains(&f.influencers.len().to_string()));
    let html = present::report::html(&ws, &def, &f, Lang::En);
    assert!(html.contains("data-testid=\"report-listening\""));
    assert!(html.contains(&ws.influencers[0].name));
    let tables = present::report::tables(&ws, &f, Lang::En);
    assert!(
        tables
            .iter()
            .any(|t| t.title == "Mentions with the most reach")
    );
    assert!(
        tables
            .iter()
            .any(|t| t.title == "Influencer accounts" && t.rows.len() == accounts)
    );
    // The team template's customer service section: the report's profiles' messages.
    let service = f.service.as_ref().expect("the demo has messages");
    let expected = ws
        .messages
        .iter()
        .filter(|m| def.profiles.contains(&m.profile))
        .filter(|m| {
            let local = m
                .received
                .with_timezone(&chrono::FixedOffset::east_opt(7 * 3600).unwrap());
            def.period.contains(local.date_naive())
        })
        .count();
    assert_eq!(service.received, expected);
    assert!(html.contains("data-section=\"customer-service\""));
    assert!(html.contains("data-testid=\"inbox-summary\""));
    let by_profile = tables
        .iter()
        .find(|t| t.title == "customer service")
        .expect("a customer service table");
    let sum: usize = by_profile
        .rows
        .iter()
        .map(|r| r[1].parse::<usize>().unwrap())
        .sum();
    assert_eq!(sum, expected);
}

#[test]
fn a_report_about_one_persona_covers_where_it_is_found() {
    use linimasa::domain::{
        AudienceTableId, Persona, PersonaChannel, PersonaId, PersonaSnapshot, PersonaSnapshotId,
    };
    let mut ws = crate::demo();
    let own: Vec<_> = ws
        .profiles
        .iter()
        .filter(|p| !p.competitor && p.platform != linimasa::domain::Platform::Web)
        .collect();
    let channel = |i: usize| PersonaChannel {
        profile: own[i].id.clone(),
        platform: own[i].platform,
        index: 1.4,
        basis: vec![],
        best_format: None,
        best_hour: None,
    };
    let persona = |id: &str, channels: Vec<PersonaChannel>| Persona {
        id: PersonaId::from(id),
        name: format!("Persona {id}"),
        description: String::new(),
        size: 100,
        traits: vec![],
        channels,
    };
    let mut def = template(&ws, ReportAudience::TeamMonthly, Lang::En).unwrap();
    ws.persona_snapshots.push(PersonaSnapshot {
        id: PersonaSnapshotId::from("s"),
        table: AudienceTableId::from("t"),
        date: def.period.end,
        seed: 1,
        personas: vec![
            persona("p-1", vec![channel(0), channel(2)]),
            persona("p-2", vec![channel(1)]),
        ],
        members: 200,
        columns: vec![],
    });
    let all = figures(&ws, &def);
    def.persona = Some(PersonaId::from("p-1"));
    let about = figures(&ws, &def);
    let mut expected = vec![own[0].id.clone(), own[2].id.clone()];
    expected.sort();
    let mut got = about.dashboard.profiles.clone();
    got.sort();
    assert_eq!(got, expected);
    assert!(all.dashboard.profiles.len() > got.len());
    let snapshot = about.personas.unwrap();
    assert_eq!(snapshot.personas.len(), 1);
    assert_eq!(snapshot.personas[0].name, "Persona p-1");
}

/// The listening page: the demo's mentions over 30 days up to the latest one, with the period
/// stated; a window of a year counts more; mention text is escaped; no mentions, no view.
#[test]
fn the_listening_view_counts_mentions_in_its_window() {
    let mut ws = crate::demo();
    assert!(!ws.mentions.is_empty());
    let month = present::report::listening_view(&ws, 30, Lang::En).expect("a view");
    assert!(month.contains(r#"data-testid="listening-period""#));
    assert!(month.contains(r#"data-testid="report-listening""#));
    let count = |html: &str| -> u64 {
        let at = html
            .find("Mentions</strong>: ")
            .expect("the mentions count")
            + 19;
        html[at..]
            .chars()
            .take_while(|c| c.is_ascii_digit() || *c == ',')
            .filter(char::is_ascii_digit)
            .collect::<String>()
            .parse()
            .unwrap()
    };
    let year = present::report::listening_view(&ws, 365, Lang::En).unwrap();
    assert!(count(&month) > 0);
    assert!(
        count(&year) > count(&month),
        "{} vs {}",
        count(&year),
        count(&month)
    );
    // The mention with the most reach is listed; its text is shown as text.
    let top = ws
        .mentions
        .iter_mut()
        .max_by(|a, b| a.published.cmp(&b.published))
        .unwrap();
    top.text = "<script>alert(1)</script>".into();
    top.reach = Some(1e9);
    let html = present::report::listening_view(&ws, 30, Lang::Id).unwrap();
    assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    assert!(!html.contains("<script>"));
    assert!(html.contains("Periode"));
    ws.mentions.clear();
    assert!(present::report::listening_view(&ws, 30, Lang::En).is_none());
}
