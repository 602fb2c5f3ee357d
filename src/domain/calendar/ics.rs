//! The plan as an iCalendar file (RFC 5545), written with the `icalendar` crate: one event per
//! scheduled post (UID, DTSTAMP, DTSTART and DTEND in the workspace time zone, SUMMARY,
//! DESCRIPTION, URL, STATUS, CATEGORIES), and optionally the holidays as all-day events.
//!
//! Times carry a `TZID` that refers to a `VTIMEZONE` in the file. For zones without daylight
//! saving over the exported dates (Asia/Jakarta and most of Asia), that definition is one
//! `STANDARD` block. For a zone that changes offset, times are written in UTC instead: every
//! reader places them exactly, with no time-zone rules to carry.

use chrono::{DateTime, Duration, Offset, TimeZone, Utc};
use icalendar::{Calendar, CalendarDateTime, Component, Event, EventLike, EventStatus, Property};

use super::holidays::Holiday;
use crate::domain::{PlanItem, PlanStatus, WorkspaceId, tz};
use crate::i18n::{Lang, Msg};

/// How long a planned post's event lasts in a calendar.
const EVENT_MINUTES: i64 = 30;

/// What to put in the file.
pub struct IcsInput<'a> {
    pub workspace: &'a WorkspaceId,
    pub calendar_name: &'a str,
    pub zone: &'a str,
    pub items: &'a [&'a PlanItem],
    pub holidays: &'a [Holiday],
    pub lang: Lang,
    /// The export's time: every event's DTSTAMP.
    pub stamp: DateTime<Utc>,
}

fn status_of(status: PlanStatus) -> EventStatus {
    match status {
        PlanStatus::Idea | PlanStatus::Draft | PlanStatus::InReview => EventStatus::Tentative,
        PlanStatus::Approved | PlanStatus::Scheduled | PlanStatus::Published => {
            EventStatus::Confirmed
        }
        PlanStatus::Rejected => EventStatus::Cancelled,
    }
}

/// The zone's single UTC offset (seconds) over `instants`, if it never changes there nor at
/// the solstices of their years.
fn fixed_offset(zone: &str, instants: &[DateTime<Utc>]) -> Option<i32> {
    let (tz, _) = tz::zone(zone);
    let mut checks: Vec<DateTime<Utc>> = instants.to_vec();
    for year in instants.iter().map(chrono::Datelike::year) {
        for month in [1, 7] {
            if let Some(at) = Utc.with_ymd_and_hms(year, month, 1, 0, 0, 0).single() {
                checks.push(at);
            }
        }
    }
    let mut offsets = checks.iter().map(|i| {
        tz.offset_from_utc_datetime(&i.naive_utc())
            .fix()
            .local_minus_utc()
    });
    let first = offsets.next().unwrap_or(0);
    offsets.all(|o| o == first).then_some(first)
}

fn offset_text(seconds: i32) -> String {
    let sign = if seconds < 0 { '-' } else { '+' };
    let s = seconds.unsigned_abs();
    format!("{sign}{:02}{:02}", s / 3600, (s % 3600) / 60)
}

fn vtimezone(zone: &str, offset: i32) -> String {
    let o = offset_text(offset);
    format!(
        "BEGIN:VTIMEZONE\r\nTZID:{zone}\r\nBEGIN:STANDARD\r\nDTSTART:19700101T000000\r\n\
         TZOFFSETFROM:{o}\r\nTZOFFSETTO:{o}\r\nTZNAME:UTC{o}\r\nEND:STANDARD\r\nEND:VTIMEZONE\r\n"
    )
}

/// The text of a post's event: each platform's text, then status, format and tags.
fn description(item: &PlanItem, lang: Lang) -> String {
    let mut out = Vec::new();
    for v in &item.variants {
        out.push(format!(
            "{}: {}",
            v.platform.name(),
            super::limits::composed(v)
        ));
    }
    out.push(format!(
        "{}: {}",
        Msg::CalStatus.text(lang),
        super::status_msg(item.status).text(lang)
    ));
    if let Some(reason) = &item.rejection {
        out.push(format!("{}: {reason}", Msg::CalRejectReason.text(lang)));
    }
    if !item.tags.is_empty() {
        out.push(format!(
            "{}: {}",
            Msg::CalTags.text(lang),
            item.tags.join(", ")
        ));
    }
    out.join("\n")
}

/// Writes the calendar file.
pub fn write(input: &IcsInput) -> String {
    let instants: Vec<DateTime<Utc>> = input
        .items
        .iter()
        .filter_map(|i| i.scheduled.map(|s| s.with_timezone(&Utc)))
        .collect();
    let fixed = fixed_offset(input.zone, &instants);
    let mut cal = Calendar::empty();
    for (key, value) in [
        ("VERSION", "2.0"),
        ("PRODID", "-//Linimasa//Editorial calendar//EN"),
        ("CALSCALE", "GREGORIAN"),
        ("METHOD", "PUBLISH"),
        ("X-WR-CALNAME", input.calendar_name),
        ("X-WR-TIMEZONE", input.zone),
    ] {
        cal.append_property(Property::new(key, value));
    }
    let local = |at: &DateTime<Utc>| -> CalendarDateTime {
        match fixed {
            Some(offset) => CalendarDateTime::WithTimezone {
                date_time: at.naive_utc() + Duration::seconds(i64::from(offset)),
                tzid: input.zone.to_owned(),
            },
            None => CalendarDateTime::Utc(*at),
        }
    };
    for item in input.items {
        let Some(at) = item.scheduled.map(|s| s.with_timezone(&Utc)) else {
            continue;
        };
        let mut event = Event::new();
        event
            .uid(&format!("{}-{}@linimasa", input.workspace, item.id))
            .timestamp(input.stamp)
            .summary(&item.title)
            .description(&description(item, input.lang))
            .starts(local(&at))
            .ends(local(&(at + Duration::minutes(EVENT_MINUTES))))
            .status(status_of(item.status));
        let platforms: Vec<&str> = item.variants.iter().map(|v| v.platform.name()).collect();
        if !platforms.is_empty() {
            event.add_property("CATEGORIES", platforms.join(","));
        }
        if let Some(link) = item
            .variants
            .iter()
            .find_map(|v| v.link.as_deref().filter(|l| !l.is_empty()))
        {
            event.url(link);
        }
        cal.push(event.done());
    }
    for h in input.holidays {
        let mut name = h.name(input.lang).to_owned();
        if h.provisional {
            name = format!("{name} ({})", Msg::CalProvisional.text(input.lang));
        }
        let mut event = Event::new();
        event
            .uid(&format!("holiday-{}@linimasa", h.key()))
            .timestamp(input.stamp)
            .summary(&name)
            .all_day(h.date)
            .add_property("TRANSP", "TRANSPARENT")
            .add_property("CATEGORIES", h.kind.slug());
        if let Some(idea) = h.idea(input.lang) {
            event.description(idea);
        }
        cal.push(event.done());
    }
    let text = cal.to_string();
    match fixed {
        Some(offset) if !instants.is_empty() => {
            let block = vtimezone(input.zone, offset);
            let at = text
                .find("BEGIN:VEVENT")
                .or_else(|| text.find("END:VCALENDAR"))
                .unwrap_or(text.len());
            format!("{}{block}{}", &text[..at], &text[at..])
        }
        _ => text,
    }
}
