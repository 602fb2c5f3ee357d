//! The editorial calendar: the days a view shows, the approval workflow, the frequency plan,
//! suggested time slots, holidays and marketing moments, and the plan as iCalendar and CSV.

pub mod frequency;
pub mod holidays;
pub mod ics;
pub mod ideas;
pub mod limits;
pub mod plan_csv;
pub mod slots;
pub mod workflow;

use chrono::{Datelike, Duration, NaiveDate};

use crate::domain::PlanStatus;
use crate::i18n::Msg;

/// The status's name in the catalog.
pub fn status_msg(status: PlanStatus) -> Msg {
    match status {
        PlanStatus::Idea => Msg::StatusIdea,
        PlanStatus::Draft => Msg::StatusDraft,
        PlanStatus::InReview => Msg::StatusInReview,
        PlanStatus::Approved => Msg::StatusApproved,
        PlanStatus::Scheduled => Msg::StatusScheduled,
        PlanStatus::Published => Msg::StatusPublished,
        PlanStatus::Rejected => Msg::StatusRejected,
    }
}

/// The Monday on or before `date`.
pub fn week_start(date: NaiveDate) -> NaiveDate {
    date - Duration::days(i64::from(date.weekday().num_days_from_monday()))
}

/// The seven days of the week holding `date`, Monday first.
pub fn week(date: NaiveDate) -> [NaiveDate; 7] {
    let start = week_start(date);
    std::array::from_fn(|i| start + Duration::days(i as i64))
}

/// The weeks a month view shows: from the Monday on or before the 1st to the Sunday on or
/// after the last day.
pub fn month_weeks(year: i32, month: u32) -> Vec<[NaiveDate; 7]> {
    let Some(first) = NaiveDate::from_ymd_opt(year, month, 1) else {
        return Vec::new();
    };
    let last = shift_month(first, 1) - Duration::days(1);
    let mut out = Vec::new();
    let mut start = week_start(first);
    while start <= last {
        out.push(week(start));
        start += Duration::days(7);
    }
    out
}

/// The first day of the month `months` after (or before, when negative) `date`'s.
pub fn shift_month(date: NaiveDate, months: i32) -> NaiveDate {
    let total = date.year() * 12 + date.month0() as i32 + months;
    NaiveDate::from_ymd_opt(total.div_euclid(12), total.rem_euclid(12) as u32 + 1, 1)
        .unwrap_or(date)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn month_view_covers_whole_weeks() {
        // December 2026 starts on a Tuesday and ends on a Thursday.
        let weeks = month_weeks(2026, 12);
        assert_eq!(weeks.len(), 5);
        assert_eq!(weeks[0][0], d(2026, 11, 30));
        assert_eq!(weeks[4][6], d(2027, 1, 3));
        // February 2027 starts on a Monday: four weeks exactly.
        let feb = month_weeks(2027, 2);
        assert_eq!(feb.len(), 4);
        assert_eq!(feb[0][0], d(2027, 2, 1));
        // March 2026 starts on a Sunday and needs six rows.
        assert_eq!(month_weeks(2026, 3).len(), 6);
    }

    #[test]
    fn months_shift_across_years() {
        assert_eq!(shift_month(d(2026, 12, 15), 1), d(2027, 1, 1));
        assert_eq!(shift_month(d(2026, 1, 31), -1), d(2025, 12, 1));
        assert_eq!(week(d(2026, 12, 3))[0], d(2026, 11, 30));
    }
}
