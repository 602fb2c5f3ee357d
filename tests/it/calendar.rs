//! The calendar's files: the ICS export read back by an independent parser (the `ical` crate),
//! the planned-posts CSV round trip with neutralised cells, bulk files in other layouts, and
//! refused files with their row and column. Suggested time slots on the demo.

use std::io::BufReader;

use chrono::{FixedOffset, NaiveDate, TimeZone, Utc};
use linimasa::domain::calendar::{holidays, ics, plan_csv, slots};
use linimasa::domain::{MemberId, PlanItem, PlanStatus, Platform, WorkspaceId};
use linimasa::i18n::Lang;

use super::{demo, fixture};

fn parse(text: &str) -> ical::parser::ical::component::IcalCalendar {
    let mut parser = ical::IcalParser::new(BufReader::new(text.as_bytes()));
    parser
        .next()
        .expect("one calendar")
        .expect("the ICS parses")
}

fn prop<'a>(
    props: &'a [ical::property::Property],
    name: &str,
) -> Option<&'a ical::property::Property> {
    props.iter().find(|p| p.name == name)
}

fn value(props: &[ical::property::Property], name: &str) -> String {
    prop(props, name)
        .and_then(|p| p.value.clone())
        .unwrap_or_default()
}

fn stamp() -> chrono::DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 27, 3, 0, 0).unwrap()
}

#[test]
fn ics_export_reads_back_with_an_independent_parser() {
    let ws = demo();
    let mut items: Vec<&PlanItem> = ws.plan.iter().collect();
    items.sort_by_key(|p| p.id.clone());
    let mut tricky = ws.plan[1].clone();
    tricky.title = "Promo; 12.12, \"spesial\"\nbaris dua \\ selesai".into();
    items[1] = &tricky;
    let from = NaiveDate::from_ymd_opt(2026, 11, 1).unwrap();
    let to = NaiveDate::from_ymd_opt(2026, 12, 31).unwrap();
    let days = holidays::between(&["ID"], from, to);
    let text = ics::write(&ics::IcsInput {
        workspace: &ws.info.id,
        calendar_name: &ws.info.name,
        zone: &ws.info.time_zone,
        items: &items,
        holidays: &days,
        lang: Lang::En,
        stamp: stamp(),
    });
    assert!(
        text.lines().all(|l| l.len() <= 75),
        "lines are folded at 75 octets"
    );
    assert!(text.contains("\r\n"));
    let cal = parse(&text);
    assert_eq!(value(&cal.properties, "VERSION"), "2.0");
    assert_eq!(cal.timezones.len(), 1);
    assert_eq!(value(&cal.timezones[0].properties, "TZID"), "Asia/Jakarta");
    let scheduled: Vec<&PlanItem> = items
        .iter()
        .copied()
        .filter(|i| i.scheduled.is_some())
        .collect();
    assert_eq!(cal.events.len(), scheduled.len() + days.len());
    for (event, item) in cal.events.iter().zip(&scheduled) {
        let p = &event.properties;
        assert_eq!(
            value(p, "UID"),
            format!("{}-{}@linimasa", ws.info.id, item.id)
        );
        assert_eq!(value(p, "DTSTAMP"), "20261127T030000Z");
        let start = prop(p, "DTSTART").unwrap();
        let tzid = start
            .params
            .as_ref()
            .unwrap()
            .iter()
            .find(|(k, _)| k == "TZID")
            .unwrap();
        assert_eq!(tzid.1, vec!["Asia/Jakarta".to_string()]);
        let local = linimasa::domain::tz::in_zone(&item.scheduled.unwrap(), "Asia/Jakarta");
        assert_eq!(
            start.value.as_deref().unwrap(),
            local.format("%Y%m%dT%H%M%S").to_string()
        );
        let expected_status = match item.status {
            PlanStatus::Rejected => "CANCELLED",
            PlanStatus::Approved | PlanStatus::Scheduled | PlanStatus::Published => "CONFIRMED",
            _ => "TENTATIVE",
        };
        assert_eq!(value(p, "STATUS"), expected_status);
        assert!(value(p, "DESCRIPTION").contains(item.variants[0].platform.name()));
        if let Some(link) = item.variants.iter().find_map(|v| v.link.clone()) {
            assert_eq!(value(p, "URL"), link);
        }
    }
    // Text values are escaped so that the parser gives the summary back (unescaping is the
    // reader's job: `\;`, `\,`, `\n`, `\\`).
    let summary = cal
        .events
        .iter()
        .map(|e| value(&e.properties, "SUMMARY"))
        .find(|s| s.starts_with("Promo"))
        .unwrap();
    assert_eq!(
        summary,
        "Promo\\; 12.12\\, \"spesial\"\\nbaris dua \\\\ selesai"
    );
    // Holidays are all-day and transparent.
    let harbolnas = cal
        .events
        .iter()
        .filter(|e| value(&e.properties, "UID").starts_with("holiday-"))
        .find(|e| value(&e.properties, "SUMMARY").contains("12.12"))
        .expect("Harbolnas 12.12");
    let start = prop(&harbolnas.properties, "DTSTART").unwrap();
    assert_eq!(start.value.as_deref(), Some("20261212"));
    assert_eq!(value(&harbolnas.properties, "TRANSP"), "TRANSPARENT");
}

#[test]
fn ics_in_a_zone_with_daylight_saving_uses_utc() {
    let ws = demo();
    let items: Vec<&PlanItem> = ws
        .plan
        .iter()
        .filter(|p| p.scheduled.is_some())
        .take(3)
        .collect();
    let text = ics::write(&ics::IcsInput {
        workspace: &WorkspaceId::from("w"),
        calendar_name: "w",
        zone: "Europe/Amsterdam",
        items: &items,
        holidays: &[],
        lang: Lang::Id,
        stamp: stamp(),
    });
    let cal = parse(&text);
    assert!(cal.timezones.is_empty());
    let start = prop(&cal.events[0].properties, "DTSTART").unwrap();
    let utc = items[0].scheduled.unwrap().with_timezone(&Utc);
    assert_eq!(
        start.value.clone().unwrap(),
        utc.format("%Y%m%dT%H%M%SZ").to_string()
    );
}

fn options<'a>(author: &'a MemberId) -> plan_csv::ReadOptions<'a> {
    plan_csv::ReadOptions {
        zone: "Asia/Jakarta",
        author,
        default_platform: Platform::Instagram,
        id_prefix: "csv-1",
        now: FixedOffset::east_opt(7 * 3600)
            .unwrap()
            .with_ymd_and_hms(2026, 11, 27, 10, 0, 0)
            .unwrap(),
    }
}

#[test]
fn csv_round_trip_keeps_every_field_and_neutralises_formulas() {
    let ws = demo();
    let mut items: Vec<PlanItem> = ws.plan.clone();
    items[0].variants[0].text = "=HYPERLINK(\"http://evil\")".into();
    items[0].title = "@mention plan".into();
    let refs: Vec<&PlanItem> = items.iter().collect();
    let bytes = plan_csv::write(&refs, &ws.info.time_zone);
    let text = String::from_utf8(bytes.clone()).unwrap();
    assert!(text.starts_with("date,time_24hr,message_text,link,platform,title,status"));
    assert!(text.contains("'=HYPERLINK"));
    assert!(text.contains("'@mention plan"));
    let author = MemberId::from("m-budi");
    let read = plan_csv::read(&bytes, &options(&author)).expect("own export reads back");
    assert_eq!(read.items.len(), items.len());
    let rows: usize = items.iter().map(|i| i.variants.len().max(1)).sum();
    assert_eq!(read.rows, rows);
    for (a, b) in items.iter().zip(&read.items) {
        assert_eq!(a.id, b.id);
        assert_eq!(a.title, b.title);
        assert_eq!(a.status, b.status);
        assert_eq!(a.format, b.format);
        assert_eq!(a.tags, b.tags);
        assert_eq!(a.campaign, b.campaign);
        assert_eq!(a.variants, b.variants);
        assert_eq!(
            a.scheduled.map(|s| s.timestamp()),
            b.scheduled.map(|s| s.timestamp()),
            "{}",
            a.id
        );
    }
    // Re-importing one's own export updates in place and keeps the thread.
    let merged = plan_csv::merge_into(&ws.plan, read.items);
    assert_eq!(merged.len(), ws.plan.len());
    assert_eq!(merged[0].comments, ws.plan[0].comments);
    assert_eq!(merged[0].history.len(), ws.plan[0].history.len() + 1);
}

#[test]
fn bulk_files_in_other_layouts() {
    let author = MemberId::from("m-budi");
    let read = plan_csv::read(&fixture("plan/bulk-semicolon.csv"), &options(&author)).unwrap();
    assert_eq!(read.items.len(), 3);
    let first = &read.items[0];
    // 05/12/2026 with 13/12/2026 elsewhere in the file: day first.
    let local = linimasa::domain::tz::in_zone(&first.scheduled.unwrap(), "Asia/Jakarta");
    assert_eq!(
        local.format("%Y-%m-%d %H:%M").to_string(),
        "2026-12-05 19:30"
    );
    assert_eq!(first.variants[0].platform, Platform::X);
    assert_eq!(first.status, PlanStatus::Draft);
    assert_eq!(read.without_time, 1);
    assert_eq!(
        read.items[2].variants[0].platform,
        Platform::Instagram,
        "default platform"
    );
    // A headerless Hootsuite-style file: date and time, message, link.
    let headerless = "13/12/2026 08:15,Promo 12.12 sudah dimulai!,https://kopinusantara.co.id\n";
    let read = plan_csv::read(headerless.as_bytes(), &options(&author)).unwrap();
    assert_eq!(read.items.len(), 1);
    let local = linimasa::domain::tz::in_zone(&read.items[0].scheduled.unwrap(), "Asia/Jakarta");
    assert_eq!(
        local.format("%Y-%m-%d %H:%M").to_string(),
        "2026-12-13 08:15"
    );
    assert_eq!(
        read.items[0].variants[0].link.as_deref(),
        Some("https://kopinusantara.co.id")
    );
}

#[test]
fn bad_files_are_refused_with_row_and_column() {
    let author = MemberId::from("m-budi");
    let bad = "date,time_24hr,message_text,platform\n2026-12-01,09:00,ok,instagram\n2026-12-02,25:99,jam salah,instagram\n2026-12-03,10:00,platform salah,myspace\n";
    let errors = plan_csv::read(bad.as_bytes(), &options(&author)).unwrap_err();
    assert_eq!(
        errors,
        vec![
            plan_csv::CellError {
                line: 3,
                column: "time_24hr".into(),
                problem: plan_csv::Problem::BadTime("25:99".into()),
            },
            plan_csv::CellError {
                line: 4,
                column: "platform".into(),
                problem: plan_csv::Problem::UnknownPlatform("myspace".into()),
            },
        ]
    );
    let no_header = plan_csv::read(b"produk,harga\nkopi,20000\n", &options(&author)).unwrap_err();
    assert_eq!(no_header[0].problem, plan_csv::Problem::NoHeader);
    // Any bytes: never a panic.
    for bytes in [
        &b""[..],
        b"\xff\xfe\x00",
        b"date\n\"unterminated",
        b"\x00\x01\x02,\n,,,",
    ] {
        let _ = plan_csv::read(bytes, &options(&author));
    }
}

#[test]
fn suggested_slots_come_from_the_demo_with_their_evidence() {
    let ws = demo();
    let suggestions = slots::suggest(&ws, 3);
    let instagram: Vec<_> = suggestions
        .iter()
        .filter(|s| s.platform == Platform::Instagram)
        .collect();
    assert!(!instagram.is_empty());
    for s in &instagram {
        if let slots::Reason::Performed { ratio, posts } = s.reason {
            assert!(ratio > 1.0 && posts >= 3);
            assert!(s.weekday.is_some());
        }
    }
    // TikTok has follower activity in the demo: an "online" slot.
    assert!(suggestions.iter().any(
        |s| s.platform == Platform::TikTok && matches!(s.reason, slots::Reason::Online { .. })
    ));
}
