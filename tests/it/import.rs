//! Importers against the real specimens (../shared/specimens, when present) and against the
//! project's own fixtures, one per quirk. Expected totals were computed independently with
//! Python's csv module over the same files.

use chrono::NaiveDate;
use linimasa::domain::import::{ImportOptions, Parsed, apply, apply::BatchInfo, parse};
use linimasa::domain::{Metric, Platform, Workspace, WorkspaceInfo};

pub fn options() -> ImportOptions {
    ImportOptions {
        time_zone: "Asia/Jakarta".into(),
        mappings: Vec::new(),
        today: NaiveDate::from_ymd_opt(2026, 11, 27).unwrap(),
    }
}

pub fn specimen(path: &str) -> Option<Vec<u8>> {
    let dir = std::env::var("LINIMASA_SPECIMENS")
        .unwrap_or_else(|_| format!("{}/../shared/specimens", env!("CARGO_MANIFEST_DIR")));
    let full = format!("{dir}/{path}");
    match std::fs::read(&full) {
        Ok(bytes) => Some(bytes),
        Err(_) => {
            eprintln!("specimen {full} not found: set LINIMASA_SPECIMENS to test against it");
            None
        }
    }
}

fn total(p: &Parsed, metric: Metric) -> f64 {
    p.posts
        .iter()
        .filter_map(|x| x.metrics.get(&metric))
        .sum::<f64>()
        + p.daily
            .iter()
            .filter_map(|(_, x)| x.get(&metric))
            .sum::<f64>()
}

/// (file, family, platform, kind, records, skipped, [(metric, total)])
type Case = (
    &'static str,
    &'static str,
    Platform,
    &'static str,
    usize,
    u64,
    &'static [(Metric, f64)],
);

const SPECIMENS: &[Case] = &[
    (
        "facebook/meta-business-suite-facebook-posts.csv",
        "meta-content",
        Platform::Facebook,
        "posts",
        152,
        0,
        &[
            (Metric::Views, 1_981_994.0),
            (Metric::Reach, 959_668.0),
            (Metric::Reactions, 25_721.0),
        ],
    ),
    (
        "instagram/meta-business-suite-instagram-posts.csv",
        "meta-content",
        Platform::Instagram,
        "posts",
        112,
        0,
        &[(Metric::Views, 1_338_194.0), (Metric::Reactions, 28_023.0)],
    ),
    (
        "twitter/tweet_activity_metrics_rOpenSci_20161201_20170101_en.csv",
        "x-tweet-activity",
        Platform::X,
        "posts",
        37,
        0,
        &[(Metric::Impressions, 110_828.0), (Metric::Reactions, 221.0)],
    ),
    (
        "twitter/daily_tweet_activity_metrics_LisaDeBruine_20210801_20210901_en.csv",
        "x-daily",
        Platform::X,
        "daily",
        31,
        0,
        &[(Metric::Impressions, 1_639_423.0)],
    ),
    (
        "tiktok/Overview.csv",
        "tiktok",
        Platform::TikTok,
        "daily",
        365,
        0,
        &[
            (Metric::VideoViews, 2_946_198.0),
            (Metric::Reactions, 23_673.0),
        ],
    ),
    (
        "tiktok/Viewers.csv",
        "tiktok",
        Platform::TikTok,
        "viewers",
        340,
        25,
        &[(Metric::Reach, 2_550_981.0)],
    ),
    (
        "tiktok/Content.csv",
        "tiktok",
        Platform::TikTok,
        "posts",
        13,
        0,
        &[(Metric::Views, 537_161.0), (Metric::Reactions, 4_063.0)],
    ),
    (
        "tiktok/FollowerActivity.csv",
        "tiktok",
        Platform::TikTok,
        "activity",
        168,
        0,
        &[],
    ),
    (
        "tiktok/FollowerGender.csv",
        "tiktok",
        Platform::TikTok,
        "demographics",
        3,
        0,
        &[],
    ),
    (
        "tiktok/FollowerTopTerritories.csv",
        "tiktok",
        Platform::TikTok,
        "demographics",
        11,
        0,
        &[],
    ),
    (
        "youtube/Table data.csv",
        "youtube-studio",
        Platform::YouTube,
        "posts",
        442,
        1,
        &[(Metric::Views, 153_235.0), (Metric::Impressions, 37_715.0)],
    ),
    (
        "youtube/Chart data.csv",
        "youtube-studio",
        Platform::YouTube,
        "daily",
        365,
        0,
        &[(Metric::Views, 48_473.0)],
    ),
    (
        "youtube/Totals.csv",
        "youtube-studio",
        Platform::YouTube,
        "daily",
        365,
        0,
        &[(Metric::Views, 181_588.0)],
    ),
    // Impressions: 508,103 daily (Metrics sheet) + 416,917 over the 168 posts (All posts sheet);
    // reactions 8,530 daily + 8,352 likes on posts.
    (
        "linkedin/shorthills-ai_content_1766385907708 1.xls",
        "linkedin-content",
        Platform::LinkedIn,
        "posts",
        168 + 365,
        0,
        &[
            (Metric::Impressions, 925_020.0),
            (Metric::Reactions, 8_352.0 + 8_530.0),
        ],
    ),
    (
        "linkedin/shorthills-ai_followers_1766385928211 1.xls",
        "linkedin-followers",
        Platform::LinkedIn,
        "followers",
        365 + 100 + 26 + 10 + 100 + 9,
        0,
        &[(Metric::FollowersGained, 2_597.0)],
    ),
    // Classic post-level export: a row of descriptions under the header.
    (
        "facebook/Facebook Insights Data Export (Post Level) - Visualization Studio VIC - 2015-08-19 - 2016-02-15.csv",
        "facebook-insights",
        Platform::Facebook,
        "posts",
        170,
        0,
        &[
            (Metric::Reach, 122_585.0),
            (Metric::Impressions, 291_369.0),
            (Metric::Reactions, 2_353.0),
        ],
    ),
    (
        "web-analytics/ga4-api-acquisition.csv",
        "web-analytics",
        Platform::Web,
        "traffic",
        27 + 5,
        0,
        &[(Metric::Sessions, 86.0)],
    ),
];

#[test]
fn specimens_import_with_exact_counts_and_totals() {
    for (file, family, platform, kind, records, skipped, totals) in SPECIMENS {
        let Some(bytes) = specimen(file) else {
            continue;
        };
        let p = parse(file, &bytes, &options()).unwrap_or_else(|e| panic!("{file}: {e}"));
        assert_eq!(
            (p.family.as_str(), p.platform, p.kind.as_str()),
            (*family, Some(*platform), *kind),
            "{file}"
        );
        assert_eq!(p.records() as usize, *records, "{file} records");
        assert_eq!(p.skipped, *skipped, "{file} skipped");
        for (metric, want) in *totals {
            assert_eq!(total(&p, *metric), *want, "{file} {metric:?}");
        }
    }
}

#[test]
fn specimen_quirks() {
    // 19-digit IDs stay exact strings; YouTube IDs keep a leading '-' but lose the space.
    if let Some(bytes) =
        specimen("twitter/tweet_activity_metrics_rOpenSci_20161201_20170101_en.csv")
    {
        let p = parse("t.csv", &bytes, &options()).unwrap();
        assert_eq!(p.posts[0].id.0, "812369747765362688");
        assert_eq!(p.account.handle.as_deref(), Some("rOpenSci"));
        assert_eq!(p.posts[0].published.offset().local_minus_utc(), 0);
    }
    if let Some(bytes) = specimen("youtube/Table data.csv") {
        let p = parse("Table data.csv", &bytes, &options()).unwrap();
        assert!(p.posts.iter().any(|x| x.id.0 == "-i5vAKwX_bY"));
        assert!(p.posts.iter().all(|x| !x.id.0.starts_with(' ')));
    }
    // TikTok: a 365-day yearless sequence ending on February 27 crosses a year boundary.
    if let Some(bytes) = specimen("tiktok/Overview.csv") {
        let p = parse("Overview.csv", &bytes, &options()).unwrap();
        let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day).unwrap();
        assert_eq!(p.period, Some((d(2025, 2, 28), d(2026, 2, 27))));
        assert!(
            p.diagnostics
                .iter()
                .any(|x| x.code == "year-inferred" && x.detail == "2025–2026")
        );
    }
    // YouTube Totals was re-saved by Excel with day-first dates.
    if let Some(bytes) = specimen("youtube/Totals.csv") {
        let p = parse("Totals.csv", &bytes, &options()).unwrap();
        assert_eq!(p.daily[0].0, NaiveDate::from_ymd_opt(2025, 6, 13).unwrap());
    }
}

#[test]
fn fixtures_reproduce_each_quirk() {
    let o = options();
    // UTF-16LE with BOM, `sep=,`, a title line naming the metric (Indonesian), then Date,Primary.
    let p = parse(
        "s.csv",
        &crate::fixture("import/meta-series-reach-utf16.csv"),
        &o,
    )
    .unwrap();
    assert_eq!(
        (p.family.as_str(), p.kind.as_str()),
        ("meta-series", "daily")
    );
    assert_eq!(total(&p, Metric::Reach), 3540.0);

    // Indonesian Meta content in Windows-1252: day-first dates (13/10), dotted thousands, a
    // duplicated post whose last row wins, an embedded newline, a 19-digit ID.
    let p = parse(
        "c.csv",
        &crate::fixture("import/meta-content-id-cp1252.csv"),
        &o,
    )
    .unwrap();
    assert_eq!(
        (p.language.as_str(), p.platform),
        ("id", Some(Platform::Facebook))
    );
    assert_eq!(p.account.name.as_deref(), Some("Kopi Café Bandung"));
    assert_eq!(p.posts.len(), 2);
    assert_eq!(p.skipped, 1);
    assert_eq!(p.posts[0].id.0, "1234567890123456789");
    assert_eq!(
        p.posts[0].published.to_rfc3339(),
        "2026-10-02T08:15:00+07:00"
    );
    assert_eq!(p.posts[1].metrics.get(&Metric::Views), Some(&12_600.0));
    assert_eq!(p.posts[0].metrics.get(&Metric::Views), Some(&1_234.0));

    // Header drift: an X export whose reposts column was renamed says so (and still imports).
    let drifted = String::from_utf8_lossy(&crate::fixture("import/x-account-analytics-ja.csv"))
        .replace("リポスト", "再投稿");
    let p = parse("x.csv", drifted.as_bytes(), &o).unwrap();
    assert!(
        p.diagnostics
            .iter()
            .any(|d| d.code == "missing-columns" && d.detail == "Shares"),
        "{:?}",
        p.diagnostics
    );
    assert!(
        p.diagnostics
            .iter()
            .any(|d| d.code == "new-columns" && d.detail.contains("再投稿"))
    );

    // X account analytics with Japanese headers and "Fri, Feb 6, 2026" dates.
    let p = parse(
        "x.csv",
        &crate::fixture("import/x-account-analytics-ja.csv"),
        &o,
    )
    .unwrap();
    assert_eq!(
        (p.family.as_str(), p.language.as_str()),
        ("x-account-analytics", "ja")
    );
    assert_eq!(p.posts[0].id.0, "2019876543210987654");
    assert_eq!(
        p.posts[0].published.date_naive(),
        NaiveDate::from_ymd_opt(2026, 2, 6).unwrap()
    );
    assert_eq!(total(&p, Metric::Impressions), 2500.0);
    // Reposts are the shares; X's separate "shares" (sent by message) are not imported.
    assert_eq!(total(&p, Metric::Shares), 5.0 + 1.0);

    // XML Spreadsheet 2003 saved as .xls, page level, with a description row under the header.
    let p = parse(
        "p.xls",
        &crate::fixture("import/facebook-insights-page-level.xls"),
        &o,
    )
    .unwrap();
    assert_eq!(
        (p.family.as_str(), p.kind.as_str()),
        ("facebook-insights", "daily")
    );
    assert_eq!(p.daily.len(), 3);
    assert_eq!(total(&p, Metric::Impressions), 3060.0);
    assert_eq!(p.daily[2].1.get(&Metric::Followers), Some(&1210.0));
    assert!(
        p.diagnostics
            .iter()
            .any(|d| d.code == "description-row-skipped")
    );
    assert!(
        p.diagnostics
            .iter()
            .any(|d| d.code == "new-columns" && d.detail.contains("Jakarta"))
    );

    // Semicolons, comma decimals, day-first dates: sessions per day and per source.
    let p = parse(
        "w.csv",
        &crate::fixture("import/web-semicolon-dayfirst.csv"),
        &o,
    )
    .unwrap();
    assert_eq!(p.daily.len(), 2);
    assert_eq!(total(&p, Metric::Sessions), 1204.0 + 987.0 + 13.0);

    // A UTF-8 file with one invalid byte: replaced and reported; yearless dates over New Year.
    let p = parse(
        "o.csv",
        &crate::fixture("import/tiktok-overview-invalid-utf8.csv"),
        &o,
    )
    .unwrap();
    assert!(
        p.diagnostics
            .iter()
            .any(|d| d.code == "invalid-bytes-replaced")
    );
    assert_eq!(
        p.daily.first().map(|d| d.0),
        NaiveDate::from_ymd_opt(2025, 12, 30)
    );
    assert_eq!(total(&p, Metric::VideoViews), 60.0);
}

#[test]
fn damaged_and_unknown_files_are_refused_with_a_code() {
    let o = options();
    let cases: &[(&[u8], &str)] = &[
        (b"", "empty-file"),
        // A table no family knows asks for a column mapping; text without columns is unknown.
        (b"product,price\nKopi susu,25000\n", "needs-mapping"),
        (b"hello\nworld\n", "unknown-format"),
        (b"PK\x03\x04garbage", "unreadable-workbook"),
        (
            b"\"Date\",\"Video Views\",\"Profile Views\"\n",
            "no-records",
        ),
    ];
    for (bytes, code) in cases {
        let err = parse("bad.csv", bytes, &o).unwrap_err();
        assert_eq!(err.code, *code, "{bytes:?}");
    }
}

#[test]
fn reimporting_adds_no_duplicates_and_updates_metrics() {
    let o = options();
    let mut ws = Workspace::empty(WorkspaceInfo::new("ws".into(), "Test"));
    let info = |id: &str| BatchInfo {
        id: id.into(),
        file_name: "c.csv".into(),
        content_hash: id.into(),
        bytes: 1,
        imported_at: chrono::DateTime::parse_from_rfc3339("2026-11-27T10:00:00+07:00").unwrap(),
        profile: None,
    };
    let bytes = crate::fixture("import/meta-content-id-cp1252.csv");
    let first = apply(&mut ws, parse("c.csv", &bytes, &o).unwrap(), info("b1"));
    assert_eq!((first.counts.inserted, first.counts.updated), (2, 0));
    assert_eq!(ws.profiles.len(), 1);
    assert_eq!(ws.profiles[0].external_id.as_deref(), Some("987654321"));

    let again = apply(&mut ws, parse("c.csv", &bytes, &o).unwrap(), info("b2"));
    assert_eq!(
        (
            again.counts.inserted,
            again.counts.updated,
            again.counts.unchanged
        ),
        (0, 0, 2)
    );

    let newer = String::from_utf8_lossy(&bytes).replace("\"12.600\"", "\"13.000\"");
    let third = apply(
        &mut ws,
        parse("c.csv", newer.as_bytes(), &o).unwrap(),
        info("b3"),
    );
    assert_eq!((third.counts.inserted, third.counts.updated), (0, 1));
    assert_eq!(ws.posts.len(), 2);
    assert_eq!(ws.profiles.len(), 1);
    assert_eq!(ws.batches.len(), 3);
    // The history says what changed: 12,600 → 13,000 on one post's column "Tayangan".
    assert!(first.changes.is_empty() && again.changes.is_empty());
    let changed: Vec<(Metric, f64)> = third.changes.clone().into_iter().collect();
    assert_eq!(changed, vec![(Metric::Views, 400.0)]);
    assert_eq!(ws.batches[2].changes, third.changes);
}

/// TikTok Studio also exports `.xlsx` workbooks in which every value, numbers and dates alike,
/// is a text cell. Each file kind, written that way, must import exactly as its CSV does.
#[test]
fn tiktok_workbooks_with_text_cells_import_like_their_csv() {
    const FILES: [(&str, &str); 5] = [
        (
            "Overview",
            "Date,Video Views,Profile Views,Likes,Comments,Shares\n\
             February 28,120,4,15,2,1\nMarch 1,1.250,undefined,40,3,0\nMarch 2,980,7,33,5,2\n",
        ),
        (
            "Content",
            "Time,Video title,Video link,Post time,Total likes,Total comments,Total shares,Total views\n\
             March 2,Kopi susu gula aren #kopi,https://www.tiktok.com/@kopi.nusantara/video/7527623000473079054,February 27,533,32,16,191265\n\
             March 2,=HYPERLINK(\"x\"),https://www.tiktok.com/@kopi.nusantara/video/7546034661705796877,March 1,109,7,31,154414\n",
        ),
        (
            "FollowerActivity",
            "Date,Hour,Active followers\nFebruary 21,0,491\nFebruary 21,1,364\nFebruary 22,0,502\n",
        ),
        (
            "FollowerGender",
            "Gender,Distribution\nFemale,0.59\nMale,0.41\n",
        ),
        (
            "FollowerTopTerritories",
            "Top territories,Distribution\nID,0.71\nMY,0.12\nSG,0.05\n",
        ),
    ];
    for (name, csv_text) in FILES {
        let from_csv = parse(&format!("{name}.csv"), csv_text.as_bytes(), &options())
            .unwrap_or_else(|e| panic!("{name}.csv: {e}"));
        let mut book = rust_xlsxwriter::Workbook::new();
        let sheet = book.add_worksheet();
        sheet.set_name(name).unwrap();
        let mut reader = csv::ReaderBuilder::new()
            .has_headers(false)
            .from_reader(csv_text.as_bytes());
        for (r, record) in reader.records().enumerate() {
            for (c, cell) in record.unwrap().iter().enumerate() {
                sheet.write_string(r as u32, c as u16, cell).unwrap();
            }
        }
        let bytes = book.save_to_buffer().unwrap();
        let from_xlsx = parse(&format!("{name}.xlsx"), &bytes, &options())
            .unwrap_or_else(|e| panic!("{name}.xlsx: {e}"));
        assert_eq!(from_xlsx.platform, Some(Platform::TikTok), "{name}");
        assert_eq!(
            (from_xlsx.family.as_str(), from_xlsx.kind.as_str()),
            (from_csv.family.as_str(), from_csv.kind.as_str()),
            "{name}"
        );
        assert!(from_csv.records() > 0, "{name}: the CSV imports something");
        assert_eq!(from_xlsx.records(), from_csv.records(), "{name}");
        assert_eq!(from_xlsx.posts, from_csv.posts, "{name}");
        assert_eq!(from_xlsx.daily, from_csv.daily, "{name}");
        assert_eq!(from_xlsx.activity, from_csv.activity, "{name}");
        assert_eq!(from_xlsx.breakdowns, from_csv.breakdowns, "{name}");
        assert_eq!(from_xlsx.period, from_csv.period, "{name}");
        assert_eq!(
            (from_xlsx.rows, from_xlsx.skipped),
            (from_csv.rows, from_csv.skipped),
            "{name}"
        );
    }
}

/// A listening tool's export in Indonesian: semicolons, day-first dates with a separate time
/// column, dotted thousands, word and numeric sentiments, a title on a news mention, a row whose
/// date cannot be read, and the same mention twice (the later row wins).
#[test]
fn listening_exports_become_mentions_and_reimporting_adds_none() {
    use linimasa::domain::Sentiment;
    let bytes = crate::fixture("import/mentions-listening-id.csv");
    let p = parse("mentions.csv", &bytes, &options()).unwrap();
    assert_eq!(
        (p.family.as_str(), p.kind.as_str()),
        ("mentions", "mentions")
    );
    assert_eq!(p.mentions.len(), 3);
    assert_eq!((p.rows, p.skipped), (5, 2));
    assert!(
        p.diagnostics.iter().any(|d| d.code == "bad-date"
            && d.row == Some(5)
            && d.column.as_deref() == Some("Tanggal")),
        "{:?}",
        p.diagnostics
    );
    assert!(
        p.diagnostics
            .iter()
            .any(|d| d.code == "duplicate-in-file" && d.row == Some(6))
    );
    let rina = &p.mentions[0];
    assert_eq!(rina.platform, Platform::Instagram);
    assert_eq!(rina.published.to_rfc3339(), "2026-10-13T08:15:00+07:00");
    assert_eq!(
        (rina.reach, rina.author_followers),
        (Some(12_500.0), Some(3_200.0))
    );
    assert_eq!(rina.sentiment, Some(Sentiment::Positive));
    let budi = &p.mentions[1];
    assert_eq!(budi.platform, Platform::X);
    assert!(budi.text.ends_with("(diperbarui)"), "the later row wins");
    assert_eq!(
        (budi.reach, budi.sentiment),
        (Some(4_300.0), Some(Sentiment::Negative))
    );
    assert_eq!(
        budi.id.0, "https://x.com/budi_s/status/1845123456789012345",
        "without an ID column the link identifies a mention"
    );
    let news = &p.mentions[2];
    assert_eq!(news.platform, Platform::Web);
    assert!(news.text.starts_with("Promo 10.10 Kopi Nusantara\n"));
    assert_eq!(
        (news.author_followers, news.sentiment),
        (None, Some(Sentiment::Neutral))
    );
    assert_eq!(
        p.period,
        Some((
            NaiveDate::from_ymd_opt(2026, 10, 13).unwrap(),
            NaiveDate::from_ymd_opt(2026, 10, 14).unwrap()
        ))
    );

    // Into a workspace, and again: the second import adds nothing and changes nothing.
    let mut ws = Workspace::empty(WorkspaceInfo::new("w".into(), "W"));
    let info = |id: &str| BatchInfo {
        id: id.into(),
        file_name: "mentions.csv".into(),
        content_hash: "h".into(),
        bytes: bytes.len() as u64,
        imported_at: chrono::DateTime::parse_from_rfc3339("2026-11-27T10:00:00+07:00").unwrap(),
        profile: None,
    };
    let first = apply(&mut ws, p.clone(), info("b1"));
    assert_eq!((first.counts.inserted, first.counts.skipped), (3, 2));
    assert!(
        ws.profiles.is_empty(),
        "mentions are not a profile of the brand"
    );
    let again = apply(
        &mut ws,
        parse("mentions.csv", &bytes, &options()).unwrap(),
        info("b2"),
    );
    assert_eq!((again.counts.inserted, again.counts.unchanged), (0, 3));
    assert_eq!(ws.mentions.len(), 3);
    assert!(
        ws.mentions
            .iter()
            .all(|m| m.batch.as_ref().map(|b| b.0.as_str()) == Some("b1"))
    );

    // An English export of another tool: its own ID column, a score for sentiment.
    let english = "Mention ID,Published Date,Author,Mention Text,URL,Source,Estimated Reach,Sentiment Score\n\
                   m-1,2026-11-02 14:30:00,kopi_lover,Best latte in Jakarta,https://www.tiktok.com/@kopi_lover/video/1,TikTok,\"1,200\",0.8\n\
                   m-2,2026-11-03 09:00:00,Forum Kopi,Anyone tried the new branch?,https://forum.example.id/t/9,Forums,300,0\n";
    let p = parse("export.csv", english.as_bytes(), &options()).unwrap();
    assert_eq!(p.mentions.len(), 2);
    assert_eq!(p.mentions[0].id.0, "m-1");
    assert_eq!(p.mentions[0].platform, Platform::TikTok);
    assert_eq!(p.mentions[0].reach, Some(1_200.0));
    assert_eq!(p.mentions[0].sentiment, Some(Sentiment::Positive));
    assert_eq!(p.mentions[1].sentiment, Some(Sentiment::Neutral));
    assert_eq!(p.mentions[1].platform, Platform::Web);
}

/// An inbox export in Indonesian: semicolons, day-first dates, a reply time in one column and a
/// response time in minutes in another, a status saying no answer was needed, a row whose date
/// cannot be read and the same message twice. Messages go to the profiles their network and
/// profile column name, and importing the file again adds none.
#[test]
fn inbox_exports_become_messages_on_their_profiles() {
    use linimasa::domain::{MessageKind, Sentiment};
    let bytes = crate::fixture("import/inbox-messages-id.csv");
    let p = parse("inbox.csv", &bytes, &options()).unwrap();
    assert_eq!((p.family.as_str(), p.kind.as_str()), ("inbox", "messages"));
    assert!(
        p.mentions.is_empty(),
        "an inbox export is not a listening export"
    );
    assert_eq!((p.rows, p.skipped, p.messages.len()), (6, 2, 4));
    assert!(
        p.diagnostics.iter().any(|d| d.code == "bad-date"
            && d.row == Some(6)
            && d.column.as_deref() == Some("Tanggal Diterima")),
        "{:?}",
        p.diagnostics
    );
    let at = |s: &str| chrono::DateTime::parse_from_rfc3339(s).unwrap();
    let rina = &p.messages[0];
    assert_eq!(
        (rina.platform, rina.account.as_str()),
        (Platform::Instagram, "Kopi Nusantara")
    );
    assert_eq!(rina.message.received, at("2026-11-02T08:15:00+07:00"));
    assert_eq!(
        rina.message.first_reply,
        Some(at("2026-11-02T08:40:00+07:00"))
    );
    assert_eq!(rina.message.kind, MessageKind::Question);
    assert_eq!(rina.message.sentiment, Some(Sentiment::Neutral));
    assert_eq!(
        rina.message.assignee.as_ref().map(|m| m.0.as_str()),
        Some("m-dewi")
    );
    let budi = &p.messages[1].message;
    assert_eq!(
        (budi.kind, budi.needs_reply, budi.first_reply),
        (MessageKind::Complaint, true, None)
    );
    let sari = &p.messages[2].message;
    assert_eq!((sari.kind, sari.needs_reply), (MessageKind::Praise, false));
    let andi = &p.messages[3].message;
    assert_eq!(
        andi.kind,
        MessageKind::Question,
        "asked without a type column"
    );
    assert_eq!(
        andi.first_reply,
        Some(at("2026-11-05T15:05:00+07:00")),
        "95 minutes after it came"
    );

    let mut ws = crate::demo();
    let before = (ws.profiles.len(), ws.messages.len());
    let info = |id: &str| BatchInfo {
        id: id.into(),
        file_name: "inbox.csv".into(),
        content_hash: "h".into(),
        bytes: bytes.len() as u64,
        imported_at: chrono::DateTime::parse_from_rfc3339("2026-11-27T10:00:00+07:00").unwrap(),
        profile: None,
    };
    let first = apply(&mut ws, p, info("b1"));
    assert_eq!((first.counts.inserted, first.counts.skipped), (4, 2));
    assert_eq!(
        ws.profiles.len(),
        before.0,
        "the demo's profiles are matched"
    );
    let profile_of = |text: &str| {
        ws.messages
            .iter()
            .filter(|m| m.batch.as_ref().is_some_and(|b| b.0 == "b1"))
            .find(|m| m.text.starts_with(text))
            .map(|m| m.profile.0.clone())
    };
    assert_eq!(profile_of("Kak, buka").as_deref(), Some("ig-main"));
    assert_eq!(profile_of("Pesanan saya").as_deref(), Some("fb-jakarta"));
    let mut batch_profiles: Vec<&str> = first.profiles.iter().map(|p| p.0.as_str()).collect();
    batch_profiles.sort();
    assert_eq!(batch_profiles, ["fb-jakarta", "ig-main"]);
    let again = apply(
        &mut ws,
        parse("inbox.csv", &bytes, &options()).unwrap(),
        info("b2"),
    );
    assert_eq!((again.counts.inserted, again.counts.unchanged), (0, 4));
    assert_eq!(ws.messages.len(), before.1 + 4);
}

#[test]
fn promoted_posts_stay_promoted_when_rows_before_them_are_skipped() {
    // The second row has a date nobody can read and is skipped; the third tweet was promoted.
    let csv = "\"Tweet id\",\"Tweet permalink\",\"Tweet text\",\"time\",\"impressions\",\"engagements\",\"retweets\",\"likes\",\"promoted impressions\"\n\
        \"1\",\"https://twitter.com/acme/status/1\",\"one\",\"2025-03-01 10:00 +0000\",\"100\",\"5\",\"0\",\"1\",\"-\"\n\
        \"2\",\"https://twitter.com/acme/status/2\",\"two\",\"not a date\",\"100\",\"5\",\"0\",\"1\",\"-\"\n\
        \"3\",\"https://twitter.com/acme/status/3\",\"three\",\"2025-03-03 10:00 +0000\",\"100\",\"5\",\"0\",\"1\",\"900\"\n\
        \"4\",\"https://twitter.com/acme/status/4\",\"four\",\"2025-03-04 10:00 +0000\",\"100\",\"5\",\"0\",\"1\",\"-\"\n";
    let p = parse("tweets.csv", csv.as_bytes(), &options()).unwrap();
    let promoted: Vec<(&str, bool)> = p
        .posts
        .iter()
        .map(|x| (x.id.0.as_str(), x.promoted))
        .collect();
    assert_eq!(promoted, [("1", false), ("3", true), ("4", false)]);
}

#[test]
fn a_file_no_family_knows_is_read_through_the_mapping_the_user_chose_and_saved() {
    use linimasa::domain::ColumnMapping;
    use linimasa::domain::import::generic;
    let csv = "Tanggal Posting;Caption;Link;Jangkauan;Suka;Komentar;Kampanye\n\
        03/02/2026 09:15;Promo gula aren;https://example.com/p/101;1.200;80;5;A\n\
        25/02/2026 19:00;Latte pandan;https://example.com/p/102;2.500;150;12;B\n\
        25/02/2026 19:00;Latte pandan;https://example.com/p/102;2.600;155;12;B\n";
    let mut o = options();
    // Unknown: refused with the header's names, so the page can ask what each column is.
    let err = parse("later.csv", csv.as_bytes(), &o).unwrap_err();
    assert_eq!(err.code, "needs-mapping");
    let question = generic::mapping_question(&err.detail);
    let names: Vec<&str> = question.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(
        names,
        [
            "Tanggal Posting",
            "Caption",
            "Link",
            "Jangkauan",
            "Suka",
            "Komentar",
            "Kampanye"
        ]
    );
    assert_eq!(question[0].1, "03/02/2026 09:15");
    assert_eq!(question[3].1, "1.200");
    let suggested: Vec<Option<&str>> = names.iter().map(|n| generic::suggest(n)).collect();
    assert_eq!(
        suggested,
        [
            Some("date"),
            Some("text"),
            Some("permalink"),
            Some("reach"),
            Some("reactions"),
            Some("comments"),
            None
        ]
    );
    // The user makes the first column the publish time and names the platform and profile.
    let mut columns: std::collections::BTreeMap<String, String> = names
        .iter()
        .zip(&suggested)
        .filter_map(|(n, f)| Some((n.to_string(), (*f)?.to_string())))
        .collect();
    columns.insert("Tanggal Posting".into(), "published".into());
    o.mappings = vec![ColumnMapping {
        header_signature: generic::signature(names.iter().copied()),
        columns,
        platform: Some(Platform::Instagram),
        profile: "Kopi Nusantara Bandung".into(),
    }];
    let p = parse("later.csv", csv.as_bytes(), &o).unwrap();
    assert_eq!((p.family.as_str(), p.kind.as_str()), ("generic", "posts"));
    assert_eq!(p.platform, Some(Platform::Instagram));
    // Two posts (the repeated row is a duplicate); IDs from the links; numbers with a decimal
    // comma file-wide, so `1.200` is twelve hundred; dates day-first (25/02).
    let posts: Vec<(&str, f64, f64)> = p
        .posts
        .iter()
        .map(|x| {
            (
                x.id.0.as_str(),
                x.metrics[&Metric::Reach],
                x.metrics[&Metric::Reactions],
            )
        })
        .collect();
    assert_eq!(posts, [("101", 1200.0, 80.0), ("102", 2600.0, 155.0)]);
    assert_eq!(
        p.posts[1].published.to_rfc3339(),
        "2026-02-25T19:00:00+07:00"
    );
    // Applying stores the mapping; the next file with this header needs no question.
    let mut ws = Workspace::empty(WorkspaceInfo::new("ws".into(), "Test"));
    let info = BatchInfo {
        id: "b1".into(),
        file_name: "later.csv".into(),
        content_hash: "h".into(),
        bytes: 1,
        imported_at: chrono::DateTime::parse_from_rfc3339("2026-11-27T10:00:00+07:00").unwrap(),
        profile: None,
    };
    let batch = apply(&mut ws, p, info);
    assert_eq!(batch.counts.inserted, 2);
    assert_eq!(ws.profiles[0].name, "Kopi Nusantara Bandung");
    assert_eq!(ws.mappings.len(), 1);
    let again = ImportOptions {
        mappings: ws.mappings.clone(),
        ..options()
    };
    assert_eq!(
        parse("later-2.csv", csv.as_bytes(), &again)
            .unwrap()
            .posts
            .len(),
        2
    );
    // Column names are compared as the signature compares them: case and spacing aside.
    let mut respelled = ws.mappings[0].clone();
    respelled.columns = respelled
        .columns
        .into_iter()
        .map(|(name, field)| (format!("  {}  ", name.to_uppercase()), field))
        .collect();
    let p = parse(
        "later-3.csv",
        csv.as_bytes(),
        &ImportOptions {
            mappings: vec![respelled],
            ..options()
        },
    )
    .unwrap();
    assert_eq!(p.posts[1].metrics[&Metric::Reach], 2600.0);
    // A mapping without a publish time or a date cannot read anything: the form says so first,
    // and the importer refuses it.
    let mut useless = ws.mappings[0].clone();
    assert!(generic::is_complete(&useless.columns));
    useless.columns.retain(|_, f| f != "published");
    assert!(!generic::is_complete(&useless.columns));
    let err = parse(
        "later.csv",
        csv.as_bytes(),
        &ImportOptions {
            mappings: vec![useless],
            ..options()
        },
    )
    .unwrap_err();
    assert_eq!(err.code, "mapping-incomplete");
}

/// Benchmark tables, in English (from and to, rates with and without `%`, a scope and a platform
/// that are not known, the same benchmark twice) and in Indonesian (semicolons, a year column, a
/// decimal comma, a row without a period): each value becomes a benchmark, and importing the
/// English file again changes none.
#[test]
fn benchmark_tables_become_benchmarks_and_reimporting_changes_none() {
    use linimasa::domain::BenchmarkScope;
    use linimasa::domain::metrics::{
        BENCHMARK_CTR, BENCHMARK_POSTS_PER_WEEK, BENCHMARK_RATE_REACH,
    };
    let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
    let bytes = crate::fixture("import/benchmarks-en.csv");
    let p = parse("benchmarks.csv", &bytes, &options()).unwrap();
    assert_eq!(
        (p.family.as_str(), p.kind.as_str()),
        ("benchmarks", "benchmarks")
    );
    assert_eq!((p.rows, p.skipped), (7, 3));
    let codes: Vec<(&str, Option<u64>, Option<&str>)> = p
        .diagnostics
        .iter()
        .map(|d| (d.code.as_str(), d.row, d.column.as_deref()))
        .collect();
    assert!(
        codes.contains(&("bad-scope", Some(6), Some("Scope"))),
        "{codes:?}"
    );
    assert!(
        codes.contains(&("bad-platform", Some(7), Some("Platform"))),
        "{codes:?}"
    );
    assert!(
        codes.contains(&("duplicate-in-file", Some(8), None)),
        "{codes:?}"
    );
    assert_eq!(p.benchmarks.len(), 4);
    let instagram = &p.benchmarks[0];
    assert_eq!(
        (
            instagram.scope,
            instagram.platform,
            instagram.metric.as_str()
        ),
        (
            BenchmarkScope::Industry,
            Some(Platform::Instagram),
            BENCHMARK_RATE_REACH
        )
    );
    assert!(
        (instagram.value - 0.020).abs() < 1e-12,
        "the later row wins, in percent"
    );
    assert_eq!(
        (instagram.period.start, instagram.period.end),
        (day(2025, 1, 1), day(2025, 12, 31))
    );
    assert!(
        (p.benchmarks[1].value - 0.041).abs() < 1e-12,
        "a bare rate is percent"
    );
    let weekly = &p.benchmarks[2];
    assert_eq!(
        (
            weekly.scope,
            weekly.platform,
            weekly.metric.as_str(),
            weekly.value
        ),
        (BenchmarkScope::Country, None, BENCHMARK_POSTS_PER_WEEK, 5.0)
    );
    assert_eq!(p.benchmarks[3].metric, BENCHMARK_CTR);
    assert!((p.benchmarks[3].value - 0.009).abs() < 1e-12);

    let mut ws = Workspace::empty(WorkspaceInfo::new("w".into(), "W"));
    let info = |id: &str| BatchInfo {
        id: id.into(),
        file_name: "benchmarks.csv".into(),
        content_hash: "h".into(),
        bytes: bytes.len() as u64,
        imported_at: chrono::DateTime::parse_from_rfc3339("2026-11-27T10:00:00+07:00").unwrap(),
        profile: None,
    };
    let first = apply(&mut ws, p, info("b1"));
    assert_eq!((first.counts.inserted, first.counts.skipped), (4, 3));
    assert!(ws.profiles.is_empty(), "benchmarks are nobody's profile");
    let again = apply(
        &mut ws,
        parse("benchmarks.csv", &bytes, &options()).unwrap(),
        info("b2"),
    );
    assert_eq!((again.counts.inserted, again.counts.unchanged), (0, 4));
    assert_eq!(ws.benchmarks.len(), 4);

    // Indonesian: a year is the whole year; a row without a period is this calendar year (a
    // period that does not move from one day's import to the next).
    let p = parse(
        "tolok-ukur.csv",
        &crate::fixture("import/benchmarks-id.csv"),
        &options(),
    )
    .unwrap();
    assert_eq!(p.language, "id");
    assert_eq!(p.benchmarks.len(), 3);
    assert!((p.benchmarks[0].value - 0.024).abs() < 1e-12);
    assert_eq!(
        (p.benchmarks[0].period.start, p.benchmarks[0].period.end),
        (day(2025, 1, 1), day(2025, 12, 31))
    );
    assert_eq!(
        (p.benchmarks[1].platform, p.benchmarks[1].value),
        (None, 4.5)
    );
    assert_eq!(p.benchmarks[2].scope, BenchmarkScope::Region);
    assert_eq!(
        (p.benchmarks[2].period.start, p.benchmarks[2].period.end),
        (day(2026, 1, 1), day(2026, 12, 31))
    );
    assert!(
        p.diagnostics
            .iter()
            .any(|d| d.code == "benchmark-period-assumed")
    );
    // Indonesia's posts per week in 2025 is in both files: the later import's value stands.
    let third = apply(&mut ws, p, info("b3"));
    assert_eq!((third.counts.inserted, third.counts.updated), (2, 1));
    assert_eq!(ws.benchmarks.len(), 6);
    assert!(
        ws.benchmarks
            .iter()
            .any(|b| b.label == "Indonesia" && b.value == 4.5)
    );
}

/// The worker's way of parsing (the bytes dropped once split into tables) reads every fixture
/// exactly as `parse` does, refusals included.
#[test]
fn parsing_owned_bytes_reads_the_same_as_parsing_borrowed_ones() {
    use linimasa::domain::import::parse_owned;
    let dir = format!("{}/tests/fixtures/import", env!("CARGO_MANIFEST_DIR"));
    let mut read = 0;
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        let bytes = std::fs::read(&path).unwrap();
        let borrowed = parse(&name, &bytes, &options());
        let mut decoded = false;
        let owned = parse_owned(&name, bytes, &options(), &mut || decoded = true);
        assert_eq!(owned, borrowed, "{name}");
        assert!(
            decoded || owned.is_err(),
            "{name}: parsed without saying it decoded"
        );
        read += 1;
    }
    assert!(read >= 10, "only {read} fixtures");
}

/// A benchmark table as a workbook: a cell shown as 1.8 % is kept by the spreadsheet as 0.018
/// and read as such, a plain number stays a number, and a rate above 100 % is refused.
#[test]
fn benchmark_workbooks_read_percent_cells_as_the_spreadsheet_keeps_them() {
    use linimasa::domain::metrics::{BENCHMARK_POSTS_PER_WEEK, BENCHMARK_RATE_REACH};
    let mut book = rust_xlsxwriter::Workbook::new();
    let sheet = book.add_worksheet();
    let percent = rust_xlsxwriter::Format::new().set_num_format("0.0%");
    for (c, title) in ["Scope", "Benchmark", "Platform", "Metric", "Year", "Value"]
        .iter()
        .enumerate()
    {
        sheet.write_string(0, c as u16, *title).unwrap();
    }
    let rows: [(&str, &str, &str, &str, f64, bool); 3] = [
        (
            "Industry",
            "F&B",
            "Instagram",
            "Engagement rate",
            0.018,
            true,
        ),
        ("Country", "Indonesia", "All", "Posts per week", 5.0, false),
        ("Region", "Java", "Facebook", "CTR", 250.0, false),
    ];
    for (i, (scope, label, platform, metric, value, is_percent)) in rows.iter().enumerate() {
        let r = i as u32 + 1;
        for (c, text) in [scope, label, platform, metric].iter().enumerate() {
            sheet.write_string(r, c as u16, **text).unwrap();
        }
        sheet.write_number(r, 4, 2025).unwrap();
        if *is_percent {
            sheet
                .write_number_with_format(r, 5, *value, &percent)
                .unwrap();
        } else {
            sheet.write_number(r, 5, *value).unwrap();
        }
    }
    let bytes = book.save_to_buffer().unwrap();
    let p = parse("benchmarks.xlsx", &bytes, &options()).unwrap();
    assert_eq!(p.family, "benchmarks");
    assert_eq!(p.benchmarks.len(), 2);
    assert_eq!(p.benchmarks[0].metric, BENCHMARK_RATE_REACH);
    assert!((p.benchmarks[0].value - 0.018).abs() < 1e-12);
    assert_eq!(
        (p.benchmarks[1].metric.as_str(), p.benchmarks[1].value),
        (BENCHMARK_POSTS_PER_WEEK, 5.0)
    );
    assert!(
        p.diagnostics
            .iter()
            .any(|d| d.code == "bad-number" && d.row == Some(4)),
        "{:?}",
        p.diagnostics
    );
}

/// A workbook whose sheets say nothing of their size (`<dimension>` removed), as LinkedIn's
/// competitor exports are written.
fn without_dimensions(xlsx: &[u8]) -> Vec<u8> {
    use std::io::{Read, Write};
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(xlsx)).unwrap();
    let mut out = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let mut stripped = 0;
    for i in 0..archive.len() {
        let mut file = archive.by_index(i).unwrap();
        let name = file.name().unwrap().into_owned();
        let mut bytes = Vec::new();
        file.read_to_end(&mut bytes).unwrap();
        if name.starts_with("xl/worksheets/sheet") {
            let text = String::from_utf8(bytes).unwrap();
            let start = text.find("<dimension").unwrap();
            let end = start + text[start..].find("/>").unwrap() + 2;
            bytes = format!("{}{}", &text[..start], &text[end..]).into_bytes();
            stripped += 1;
        }
        out.start_file(name, zip::write::SimpleFileOptions::default())
            .unwrap();
        out.write_all(&bytes).unwrap();
    }
    assert_eq!(stripped, 2, "both sheets had a dimension to remove");
    out.finish().unwrap().into_inner()
}

/// The competitor export fixture as it is written: LinkedIn's competitor analytics with
/// followers and content on two sheets without size information, a description row with the
/// period above each header, numbers as numbers and as text, a row whose figure cannot be read.
/// `LINIMASA_WRITE_FIXTURES=1 cargo test --no-default-features --test it competitor` writes it
/// to `tests/fixtures/import/`.
fn competitor_workbook() -> Vec<u8> {
    let mut book = rust_xlsxwriter::Workbook::new();
    let followers = book.add_worksheet();
    followers.set_name("Followers").unwrap();
    followers
        .write_string(0, 0, "Competitor analytics: Oct 28, 2026 - Nov 26, 2026")
        .unwrap();
    for (c, title) in ["Page", "Total followers", "New followers"]
        .iter()
        .enumerate()
    {
        followers.write_string(1, c as u16, *title).unwrap();
    }
    let rows: [(&str, f64, f64); 3] = [
        ("Kopi Nusantara", 12_500.0, 340.0),
        ("Kopi Senja", 30_100.0, 910.0),
        ("Teh Pagi", 8_020.0, -15.0),
    ];
    for (i, (page, total, new)) in rows.iter().enumerate() {
        let r = i as u32 + 2;
        followers.write_string(r, 0, *page).unwrap();
        followers.write_number(r, 1, *total).unwrap();
        followers.write_number(r, 2, *new).unwrap();
    }
    let content = book.add_worksheet();
    content.set_name("Content").unwrap();
    content
        .write_string(0, 0, "Competitor analytics: Oct 28, 2026 - Nov 26, 2026")
        .unwrap();
    for (c, title) in ["Page", "Total post engagements", "Total posts"]
        .iter()
        .enumerate()
    {
        content.write_string(1, c as u16, *title).unwrap();
    }
    let rows: [(&str, &str, &str); 3] = [
        ("Kopi Nusantara", "1,875", "12"),
        ("Kopi Senja", "6,300", "21"),
        ("Teh Pagi", "about 90", "4"),
    ];
    for (i, (page, engagements, posts)) in rows.iter().enumerate() {
        let r = i as u32 + 2;
        for (c, text) in [page, engagements, posts].iter().enumerate() {
            content.write_string(r, c as u16, **text).unwrap();
        }
    }
    without_dimensions(&book.save_to_buffer().unwrap())
}

const COMPETITOR_FIXTURE: &str = "import/kopi-nusantara_competitor_analytics_1764200000000.xlsx";

/// LinkedIn's competitor analytics (the fixture above, the own page named by the file).
/// Applied, the own page's totals go to the own profile already known by the file's name for
/// it, each competitor gets a competitor's profile, and importing the file again changes
/// nothing.
#[test]
fn linkedin_competitor_exports_become_period_totals_of_own_and_competitor_profiles() {
    use linimasa::domain::{Period, Profile, ProfileId};
    let generated = competitor_workbook();
    if std::env::var_os("LINIMASA_WRITE_FIXTURES").is_some() {
        let path = format!(
            "{}/tests/fixtures/{COMPETITOR_FIXTURE}",
            env!("CARGO_MANIFEST_DIR")
        );
        std::fs::write(path, &generated).unwrap();
    }
    let bytes = crate::fixture(COMPETITOR_FIXTURE);
    let name = COMPETITOR_FIXTURE.trim_start_matches("import/");
    assert_eq!(
        parse(name, &bytes, &options()).unwrap(),
        parse(name, &generated, &options()).unwrap(),
        "the fixture is what the builder writes"
    );
    let p = parse(name, &bytes, &options()).unwrap();
    assert_eq!(
        (p.family.as_str(), p.kind.as_str(), p.platform),
        (
            "linkedin-competitors",
            "competitors",
            Some(Platform::LinkedIn)
        )
    );
    let period = Period {
        start: NaiveDate::from_ymd_opt(2026, 10, 28).unwrap(),
        end: NaiveDate::from_ymd_opt(2026, 11, 26).unwrap(),
    };
    assert_eq!(p.period, Some((period.start, period.end)));
    assert_eq!(p.totals.len(), 3);
    assert_eq!((p.rows, p.skipped), (6, 1));
    assert!(
        p.diagnostics.iter().any(|d| d.code == "bad-number"
            && d.row == Some(5)
            && d.column.as_deref() == Some("Total post engagements")
            && d.detail == "about 90"),
        "{:?}",
        p.diagnostics
    );
    let own = &p.totals[0];
    assert!(own.own && !p.totals[1].own && !p.totals[2].own);
    assert_eq!(own.period, period);
    assert_eq!(own.values.get(&Metric::Followers), Some(&12_500.0));
    assert_eq!(own.values.get(&Metric::FollowersGained), Some(&340.0));
    assert_eq!(own.values.get(&Metric::Interactions), Some(&1_875.0));
    assert_eq!(own.posts, Some(12));
    // The unreadable row keeps the page's followers but not its content figures.
    assert_eq!(
        p.totals[2].values.get(&Metric::FollowersGained),
        Some(&-15.0)
    );
    assert_eq!(p.totals[2].posts, None);

    let mut ws = Workspace::empty(WorkspaceInfo::new("w".into(), "W"));
    ws.profiles.push(Profile {
        id: ProfileId::from("li-own".to_owned()),
        platform: Platform::LinkedIn,
        handle: "kopi-nusantara".into(),
        name: "kopi-nusantara".into(),
        external_id: None,
        region: None,
        sub_brand: None,
        competitor: false,
        url: None,
        aliases: Vec::new(),
    });
    let info = |id: &str| BatchInfo {
        id: id.into(),
        file_name: name.into(),
        content_hash: "h".into(),
        bytes: bytes.len() as u64,
        imported_at: chrono::DateTime::parse_from_rfc3339("2026-11-27T10:00:00+07:00").unwrap(),
        profile: None,
    };
    let batch = apply(&mut ws, p, info("b1"));
    assert_eq!((batch.counts.inserted, batch.counts.skipped), (3, 1));
    assert_eq!(batch.profiles.len(), 3);
    assert_eq!(
        ws.profiles.len(),
        3,
        "two competitors' profiles are created"
    );
    let senja = ws.profiles.iter().find(|p| p.name == "Kopi Senja").unwrap();
    assert!(senja.competitor && senja.platform == Platform::LinkedIn);
    let own_totals = ws
        .period_totals
        .iter()
        .find(|t| t.profile.0 == "li-own")
        .expect("the own page's totals go to the own profile");
    assert_eq!(own_totals.posts, Some(12));
    assert_eq!(own_totals.period, period);

    let again = apply(
        &mut ws,
        parse(name, &bytes, &options()).unwrap(),
        info("b2"),
    );
    assert_eq!((again.counts.inserted, again.counts.unchanged), (0, 3));
    assert_eq!((ws.profiles.len(), ws.period_totals.len()), (3, 3));
}
