//! Report schedules: a saved report with a weekly, monthly or quarterly cadence is due when a
//! whole period of that cadence has ended since the period it last covered. Preparing it moves
//! the report to that period (compared with the one before), keeping its sections and profiles;
//! the summaries are generated again, since the numbers changed.

use chrono::{Datelike, Duration, NaiveDate};

use crate::domain::{Cadence, Period, ReportDefinition};

/// The last whole period of `cadence` that ended before `today`: last Monday–Sunday week, last
/// calendar month, last calendar quarter. `None` for a daily cadence.
pub fn last_whole_period(cadence: Cadence, today: NaiveDate) -> Option<Period> {
    match cadence {
        Cadence::Daily => None,
        Cadence::Weekly => {
            let this_monday =
                today - Duration::days(i64::from(today.weekday().num_days_from_monday()));
            Some(Period {
                start: this_monday - Duration::days(7),
                end: this_monday - Duration::days(1),
            })
        }
        Cadence::Monthly => {
            let first = today.with_day(1)?;
            let end = first - Duration::days(1);
            Some(Period {
                start: end.with_day(1)?,
                end,
            })
        }
        Cadence::Quarterly => {
            let quarter_start_month = (today.month0() / 3) * 3 + 1;
            let first = NaiveDate::from_ymd_opt(today.year(), quarter_start_month, 1)?;
            let end = first - Duration::days(1);
            let start_month = (end.month0() / 3) * 3 + 1;
            Some(Period {
                start: NaiveDate::from_ymd_opt(end.year(), start_month, 1)?,
                end,
            })
        }
    }
}

/// The comparison of a calendar period: the period of the same cadence just before it.
fn previous(cadence: Cadence, period: Period) -> Period {
    last_whole_period(cadence, period.start).unwrap_or_else(|| period.previous())
}

/// The period a scheduled report is due for, if a newer whole period has ended.
pub fn due(def: &ReportDefinition, today: NaiveDate) -> Option<Period> {
    let period = last_whole_period(def.cadence?, today)?;
    (period.end > def.period.end).then_some(period)
}

/// The report moved to its due period: period, comparison, and no edited summaries.
pub fn prepare(def: &ReportDefinition, period: Period) -> ReportDefinition {
    let mut next = def.clone();
    next.period = period;
    next.comparison = Some(match def.cadence {
        Some(c) => previous(c, period),
        None => period.previous(),
    });
    next.summaries.clear();
    next
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{ReportAudience, ReportId};
    use std::collections::BTreeMap;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn def(cadence: Option<Cadence>, start: NaiveDate, end: NaiveDate) -> ReportDefinition {
        ReportDefinition {
            id: ReportId("r".into()),
            name: "r".into(),
            audience: ReportAudience::TeamMonthly,
            period: Period { start, end },
            comparison: None,
            profiles: vec![],
            sections: vec![],
            methodology: String::new(),
            cadence,
            persona: None,
            summaries: BTreeMap::from([("content".into(), "edited".into())]),
        }
    }

    #[test]
    fn whole_periods_before_today() {
        // Saturday 28 November 2026.
        let today = d(2026, 11, 28);
        let week = last_whole_period(Cadence::Weekly, today).unwrap();
        assert_eq!((week.start, week.end), (d(2026, 11, 16), d(2026, 11, 22)));
        let month = last_whole_period(Cadence::Monthly, today).unwrap();
        assert_eq!((month.start, month.end), (d(2026, 10, 1), d(2026, 10, 31)));
        let quarter = last_whole_period(Cadence::Quarterly, today).unwrap();
        assert_eq!(
            (quarter.start, quarter.end),
            (d(2026, 7, 1), d(2026, 9, 30))
        );
        let january = last_whole_period(Cadence::Quarterly, d(2027, 1, 2)).unwrap();
        assert_eq!(
            (january.start, january.end),
            (d(2026, 10, 1), d(2026, 12, 31))
        );
        assert_eq!(last_whole_period(Cadence::Daily, today), None);
    }

    #[test]
    fn due_once_per_period_and_prepared_with_its_comparison() {
        let monthly = def(Some(Cadence::Monthly), d(2026, 9, 1), d(2026, 9, 30));
        let period = due(&monthly, d(2026, 11, 28)).expect("October is due");
        let prepared = prepare(&monthly, period);
        assert_eq!(
            (prepared.period.start, prepared.period.end),
            (d(2026, 10, 1), d(2026, 10, 31))
        );
        let comparison = prepared.comparison.unwrap();
        assert_eq!(
            (comparison.start, comparison.end),
            (d(2026, 9, 1), d(2026, 9, 30))
        );
        assert!(prepared.summaries.is_empty());
        assert_eq!(due(&prepared, d(2026, 11, 28)), None, "not due twice");
        assert!(
            due(&prepared, d(2026, 12, 1)).is_some(),
            "November is due in December"
        );
        assert_eq!(
            due(&def(None, d(2026, 9, 1), d(2026, 9, 30)), d(2026, 11, 28)),
            None
        );
    }
}
