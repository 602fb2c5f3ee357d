//! Reading instants in the workspace time zone (an IANA name such as `Asia/Jakarta`).

use chrono::{DateTime, FixedOffset, NaiveDate, Offset, TimeZone, Utc};
use chrono_tz::Tz;

use super::model::DEFAULT_TIME_ZONE;

/// Parses an IANA zone name; unknown names fall back to the default zone, which is said by
/// returning `false` alongside.
pub fn zone(name: &str) -> (Tz, bool) {
    thread_local! {
        // Metrics read every post's day in the workspace zone: parse its name once.
        static LAST: std::cell::RefCell<Option<(String, Tz, bool)>> =
            const { std::cell::RefCell::new(None) };
    }
    if let Some(hit) = LAST.with(|l| {
        l.borrow()
            .as_ref()
            .filter(|(n, _, _)| n == name)
            .map(|(_, tz, known)| (*tz, *known))
    }) {
        return hit;
    }
    let parsed = match name.parse::<Tz>() {
        Ok(tz) => (tz, true),
        Err(_) => (
            DEFAULT_TIME_ZONE
                .parse()
                .expect("the default zone is known"),
            false,
        ),
    };
    LAST.with(|l| *l.borrow_mut() = Some((name.to_owned(), parsed.0, parsed.1)));
    parsed
}

/// Whether `name` is a zone Linimasa knows.
pub fn is_known(name: &str) -> bool {
    name.parse::<Tz>().is_ok()
}

/// Every zone Linimasa knows, by IANA name.
pub fn known() -> impl Iterator<Item = &'static str> {
    chrono_tz::TZ_VARIANTS.iter().map(|tz| tz.name())
}

/// The instant seen in `zone`.
pub fn in_zone(instant: &DateTime<FixedOffset>, zone_name: &str) -> DateTime<FixedOffset> {
    let (tz, _) = zone(zone_name);
    let local = instant.with_timezone(&tz);
    let offset = local.offset().fix();
    instant.with_timezone(&offset)
}

/// The calendar day of an instant in `zone`.
pub fn local_date(instant: &DateTime<FixedOffset>, zone_name: &str) -> NaiveDate {
    in_zone(instant, zone_name).date_naive()
}

/// Today in `zone`, given the current instant as milliseconds since the Unix epoch.
pub fn today(now_millis: i64, zone_name: &str) -> NaiveDate {
    let (tz, _) = zone(zone_name);
    let utc = Utc
        .timestamp_millis_opt(now_millis)
        .single()
        .unwrap_or_default();
    utc.with_timezone(&tz).date_naive()
}

/// The latest local day of some instants in a zone (`None` without any).
pub fn latest_day<'a>(
    instants: impl Iterator<Item = &'a DateTime<FixedOffset>>,
    zone_name: &str,
) -> Option<NaiveDate> {
    instants.map(|t| local_date(t, zone_name)).max()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn jakarta_midnight_is_the_next_day_there() {
        // 2026-01-31 17:30 UTC is 00:30 on 1 February in Jakarta (UTC+7).
        let instant = DateTime::parse_from_rfc3339("2026-01-31T17:30:00+00:00").unwrap();
        assert_eq!(
            local_date(&instant, "Asia/Jakarta"),
            NaiveDate::from_ymd_opt(2026, 2, 1).unwrap()
        );
        assert_eq!(
            local_date(&instant, "Europe/Amsterdam"),
            NaiveDate::from_ymd_opt(2026, 1, 31).unwrap()
        );
    }

    #[test]
    fn unknown_zone_falls_back_to_jakarta() {
        assert!(!is_known("Mars/Olympus"));
        let (tz, known) = zone("Mars/Olympus");
        assert!(!known);
        assert_eq!(tz.name(), "Asia/Jakarta");
        assert_eq!(
            today(1_767_225_600_000, "Mars/Olympus").to_string(),
            "2026-01-01"
        );
    }
}
