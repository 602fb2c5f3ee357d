//! Cell text to dates and times, in every spelling exports use: ISO, `YYYYMMDD`, `MM/DD/YYYY`
//! and `DD/MM/YYYY` (the order decided per file, not per row), `Aug 28, 2025`,
//! `Fri, Feb 6, 2026`, `2021-08-01 14:05 +0000`, `2026年2月6日`, and dates without a year
//! (`February 28`, `8 de marzo`) whose year is inferred from the sequence they form.

use chrono::{Datelike, NaiveDate, NaiveTime};

/// A date as written, before the file-wide decisions (day/month order, year) are made.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Written {
    Full(NaiveDate),
    /// `a/b/year` where a and b could be month/day or day/month.
    Numeric {
        a: u32,
        b: u32,
        year: i32,
    },
    /// Month and day only.
    Yearless {
        month: u32,
        day: u32,
    },
}

/// A parsed cell: the date as written, the time if any, and the UTC offset in seconds if given.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Stamp {
    pub date: Written,
    pub time: Option<NaiveTime>,
    pub offset: Option<i32>,
}

/// The day/month order of a file's numeric dates.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Order {
    #[default]
    MonthFirst,
    DayFirst,
}

/// What the cells of a date column say about the order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OrderEvidence {
    /// No numeric date, or every one fits both orders.
    Ambiguous,
    Decided(Order),
    /// Some cells only fit month-first and others only day-first.
    Contradictory,
}

/// Decides the order from every cell of a file's date columns.
pub fn decide_order<'a>(stamps: impl IntoIterator<Item = &'a Stamp>) -> OrderEvidence {
    let mut clues = OrderClues::default();
    for s in stamps {
        clues.add(s);
    }
    clues.evidence()
}

/// What the dates seen so far say about the day/month order, gathered date by date: the
/// [`decide_order`] of those dates.
#[derive(Debug, Clone, Copy, Default)]
pub struct OrderClues {
    month_first: bool,
    day_first: bool,
    numeric: bool,
}

impl OrderClues {
    pub fn add(&mut self, s: &Stamp) {
        if let Written::Numeric { a, b, .. } = s.date {
            self.numeric = true;
            self.day_first |= a > 12;
            self.month_first |= b > 12;
        }
    }

    pub fn evidence(&self) -> OrderEvidence {
        match (self.month_first, self.day_first) {
            (false, false) => OrderEvidence::Ambiguous,
            (true, false) => OrderEvidence::Decided(Order::MonthFirst),
            (false, true) => OrderEvidence::Decided(Order::DayFirst),
            (true, true) => OrderEvidence::Contradictory,
        }
    }

    /// The order the dates decide, `default` when they do not (none tells, or they contradict
    /// each other).
    pub fn order_or(&self, default: Order) -> Order {
        match self.evidence() {
            OrderEvidence::Decided(order) => order,
            _ => default,
        }
    }

    /// Whether some date was numeric (`a/b/year`).
    pub fn numeric(&self) -> bool {
        self.numeric
    }
}

/// The date of a written date given the file's order; yearless dates need [`infer_years`].
pub fn resolve(date: Written, order: Order) -> Option<NaiveDate> {
    match date {
        Written::Full(d) => Some(d),
        Written::Numeric { a, b, year } => {
            let (month, day) = match order {
                Order::MonthFirst => (a, b),
                Order::DayFirst => (b, a),
            };
            NaiveDate::from_ymd_opt(year, month, day)
        }
        Written::Yearless { .. } => None,
    }
}

/// Years for month/day pairs listed in the order of the file: a step back in the calendar
/// (December to January) starts a new year, and the last date is the latest one not after
/// `latest` (the day of the export, or today). Returns the dates and the first and last year.
pub fn infer_years(days: &[(u32, u32)], latest: NaiveDate) -> Vec<Option<NaiveDate>> {
    if days.is_empty() {
        return Vec::new();
    }
    // Descending files (newest first) are read backwards.
    let descending = days.len() > 1 && {
        let steps_back = days.windows(2).filter(|w| w[1] < w[0]).count();
        steps_back * 2 > days.len() - 1
    };
    let ordered: Vec<(u32, u32)> = if descending {
        days.iter().rev().copied().collect()
    } else {
        days.to_vec()
    };
    // Year offsets relative to the first entry.
    let mut offsets = Vec::with_capacity(ordered.len());
    let mut offset = 0i32;
    for (i, md) in ordered.iter().enumerate() {
        if i > 0 && *md < ordered[i - 1] {
            offset += 1;
        }
        offsets.push(offset);
    }
    let (last_month, last_day) = *ordered.last().unwrap_or(&(1, 1));
    let mut last_year = latest.year();
    while last_year > latest.year() - 8 {
        match NaiveDate::from_ymd_opt(last_year, last_month, last_day) {
            Some(d) if d <= latest => break,
            _ => last_year -= 1,
        }
    }
    let base = last_year - offset;
    let mut out: Vec<Option<NaiveDate>> = ordered
        .iter()
        .zip(&offsets)
        .map(|((m, d), o)| NaiveDate::from_ymd_opt(base + o, *m, *d))
        .collect();
    if descending {
        out.reverse();
    }
    out
}

/// The latest date with this month and day that is not after `latest`.
pub fn latest_on_or_before(month: u32, day: u32, latest: NaiveDate) -> Option<NaiveDate> {
    (0..8).find_map(|back| {
        NaiveDate::from_ymd_opt(latest.year() - back, month, day).filter(|d| *d <= latest)
    })
}

/// Parses a cell; `None` when it is not a date.
pub fn parse(cell: &str) -> Option<Stamp> {
    let s = cell.trim();
    if s.is_empty() || s.len() > 64 {
        return None;
    }
    parse_plain(s).or_else(|| parse_general(s))
}

/// Every spelling, searched for step by step.
fn parse_general(s: &str) -> Option<Stamp> {
    if s.contains('年') || s.contains('月') {
        return parse_cjk(s);
    }
    let bytes = s.as_bytes();
    if bytes.len() >= 10
        && bytes[..4].iter().all(u8::is_ascii_digit)
        && (bytes[4] == b'-' || bytes[4] == b'/')
    {
        // Byte 10 may fall inside a character (`2026-11-0` then a replaced byte): `get`.
        // Without zero padding (`2025/1/1 0:00`) the numeric reader below takes the cell.
        if let Some(date) = s
            .get(..10)
            .and_then(|d| NaiveDate::parse_from_str(&d.replace('/', "-"), "%Y-%m-%d").ok())
        {
            let (time, offset) = time_and_offset(s.get(10..)?)?;
            return Some(Stamp {
                date: Written::Full(date),
                time,
                offset,
            });
        }
    }
    if bytes.len() == 8 && bytes.iter().all(u8::is_ascii_digit) {
        let date = NaiveDate::parse_from_str(s, "%Y%m%d").ok()?;
        return Some(Stamp {
            date: Written::Full(date),
            time: None,
            offset: None,
        });
    }
    if bytes.first().is_some_and(u8::is_ascii_digit)
        && let Some(stamp) = parse_numeric(s)
    {
        return Some(stamp);
    }
    parse_words(s)
}

/// `13/06/2025`, `06-13-2025 14:05`, `13.06.25`.
fn parse_numeric(s: &str) -> Option<Stamp> {
    let (date_part, rest) = match s.find([' ', 'T']) {
        Some(i) => (&s[..i], &s[i..]),
        None => (s, ""),
    };
    let date = numeric_date(date_part)?;
    let (time, offset) = time_and_offset(rest)?;
    Some(Stamp { date, time, offset })
}

/// Digits and separators only (`06/13/2025 14:05`, `2025-06-13T14:05:00`, `13.06.25`), the
/// spelling of most rows: read from the bytes, without the general path's searches. `None`
/// sends the cell on to the general path (a property test holds the two to the same stamps).
fn parse_plain(s: &str) -> Option<Stamp> {
    let bytes = s.as_bytes();
    if !bytes
        .iter()
        .all(|c| c.is_ascii_digit() || matches!(c, b'/' | b'-' | b'.' | b':' | b' ' | b'T'))
    {
        return None;
    }
    let (date, time) = match bytes.iter().position(|c| *c == b' ' || *c == b'T') {
        Some(i) => (&bytes[..i], bytes[i + 1..].trim_ascii_start()),
        None => (bytes, &[][..]),
    };
    let time = match time {
        [] => None,
        t => Some(time_with(t, digits)?),
    };
    Some(Stamp {
        date: numeric_date_with(date, digits)?,
        time,
        offset: None,
    })
}

/// A run of one to four ASCII digits as a number (the fast path's numbers).
fn digits(run: &[u8]) -> Option<u32> {
    if run.is_empty() || run.len() > 4 || !run.iter().all(u8::is_ascii_digit) {
        return None;
    }
    Some(run.iter().fold(0, |n, d| n * 10 + u32::from(d - b'0')))
}

/// A number as `str::parse` reads it, a `+` sign allowed (the general path's numbers).
fn parsed_number(run: &[u8]) -> Option<u32> {
    std::str::from_utf8(run).ok()?.parse().ok()
}

/// `13/06/2025`, `06-13-2025`, `13.06.25`, `2025/06/13`: a full date when the year comes first,
/// else two numbers whose order the file decides.
fn numeric_date(date_part: &str) -> Option<Written> {
    numeric_date_with(date_part.as_bytes(), parsed_number)
}

/// [`numeric_date`], its three numbers read by `number`.
fn numeric_date_with(date: &[u8], number: impl Fn(&[u8]) -> Option<u32>) -> Option<Written> {
    let sep = *date.iter().find(|c| matches!(c, b'/' | b'-' | b'.'))?;
    let mut split = date.split(|c| *c == sep);
    let parts = [split.next()?, split.next()?, split.next()?];
    if split.next().is_some() || parts.iter().any(|p| p.is_empty() || p.len() > 4) {
        return None;
    }
    let nums = [number(parts[0])?, number(parts[1])?, number(parts[2])?];
    if parts[0].len() == 4 {
        return Some(Written::Full(NaiveDate::from_ymd_opt(
            nums[0] as i32,
            nums[1],
            nums[2],
        )?));
    }
    let year = match parts[2].len() {
        4 => nums[2] as i32,
        2 => 2000 + nums[2] as i32,
        _ => return None,
    };
    let (a, b) = (nums[0], nums[1]);
    if a == 0 || b == 0 || a > 31 || b > 31 || (a > 12 && b > 12) {
        return None;
    }
    Some(Written::Numeric { a, b, year })
}

/// `Aug 28, 2025`, `Fri, Feb 6, 2026 3:04 PM`, `February 28`, `8 de marzo de 2025`, `6 Feb 2026`.
fn parse_words(s: &str) -> Option<Stamp> {
    let (mut month, mut day, mut year) = (None, None, None);
    let mut time = None;
    let mut pm = None;
    let mut offset = None;
    for token in s.split([' ', ',', '\u{a0}']) {
        let token = token.trim_end_matches('.');
        if token.is_empty() {
            continue;
        }
        let lower = token.to_lowercase();
        if token.contains(':') {
            time = Some(parse_time(token)?);
        } else if lower == "am" || lower == "pm" {
            pm = Some(lower == "pm");
        } else if let Some(o) = parse_offset(token) {
            offset = Some(o);
        } else if token.bytes().all(|b| b.is_ascii_digit()) {
            let n: u32 = token.parse().ok()?;
            if token.len() == 4 {
                year = Some(n as i32);
            } else if token.len() <= 2 && day.is_none() && (1..=31).contains(&n) {
                day = Some(n);
            } else {
                return None;
            }
        } else if let Some(m) = month_number(&lower) {
            if month.replace(m).is_some() {
                return None;
            }
        } else if !is_filler(&lower) {
            return None;
        }
    }
    let (month, day) = (month?, day?);
    if let (Some(t), Some(pm)) = (time, pm) {
        time = Some(to_24h(t, pm)?);
    }
    let date = match year {
        Some(y) => Written::Full(NaiveDate::from_ymd_opt(y, month, day)?),
        None => {
            NaiveDate::from_ymd_opt(2024, month, day)?;
            Written::Yearless { month, day }
        }
    };
    Some(Stamp { date, time, offset })
}

/// `2026年2月6日`, `2月6日`.
fn parse_cjk(s: &str) -> Option<Stamp> {
    let mut nums = Vec::new();
    let mut current = String::new();
    let mut rest = "";
    for (i, c) in s.char_indices() {
        match c {
            '0'..='9' => current.push(c),
            '年' | '月' => nums.push((
                c,
                current.parse::<u32>().ok()?,
                std::mem::take(&mut current),
            )),
            '日' => {
                nums.push((
                    c,
                    current.parse::<u32>().ok()?,
                    std::mem::take(&mut current),
                ));
                rest = &s[i + c.len_utf8()..];
                break;
            }
            _ => return None,
        }
    }
    let get = |k: char| nums.iter().find(|(c, _, _)| *c == k).map(|(_, n, _)| *n);
    let (month, day) = (get('月')?, get('日')?);
    let date = match get('年') {
        Some(y) => Written::Full(NaiveDate::from_ymd_opt(y as i32, month, day)?),
        None => Written::Yearless { month, day },
    };
    let (time, offset) = time_and_offset(rest)?;
    Some(Stamp { date, time, offset })
}

/// A time of day written on its own (`14:05`, `14:05:30`, `3:04 PM`), as a separate time column
/// has it.
pub fn clock(cell: &str) -> Option<NaiveTime> {
    time_and_offset(cell).and_then(|(time, _)| time)
}

/// The part after a date: nothing, `T14:05:00`, ` 14:05 +0000`, ` 3:04 PM`, `Z`.
fn time_and_offset(rest: &str) -> Option<(Option<NaiveTime>, Option<i32>)> {
    let (mut time, mut offset, mut pm) = (None, None, None);
    let rest = rest.trim().trim_start_matches('T');
    let rest = rest.strip_suffix('Z').map_or(rest, |r| {
        offset = Some(0);
        r
    });
    for token in rest.split_whitespace() {
        let is = |word: &str| token.eq_ignore_ascii_case(word);
        if is("am") || is("pm") {
            pm = Some(is("pm"));
        } else if token.contains(':') && time.is_none() {
            // `14:05:00+07:00` carries its offset.
            let (t, o) = match token.find(['+', '-']) {
                Some(i) => (&token[..i], Some(&token[i..])),
                None => (token, None),
            };
            time = Some(parse_time(t)?);
            if let Some(o) = o {
                offset = Some(parse_offset(o)?);
            }
        } else {
            offset = Some(parse_offset(token)?);
        }
    }
    if let (Some(t), Some(pm)) = (time, pm) {
        time = Some(to_24h(t, pm)?);
    }
    Some((time, offset))
}

fn parse_time(token: &str) -> Option<NaiveTime> {
    time_with(token.as_bytes(), parsed_number)
}

/// `14:05`, `14:05:09`, `14:05:09.250`, its numbers read by `number`.
fn time_with(t: &[u8], number: impl Fn(&[u8]) -> Option<u32>) -> Option<NaiveTime> {
    let t = t.split(|c| *c == b'.').next()?;
    let mut parts = t.split(|c| *c == b':');
    let (h, m) = (number(parts.next()?)?, number(parts.next()?)?);
    let s = match parts.next() {
        Some(run) => number(run)?,
        None => 0,
    };
    if parts.next().is_some() {
        return None;
    }
    NaiveTime::from_hms_opt(h, m, s)
}

fn to_24h(t: NaiveTime, pm: bool) -> Option<NaiveTime> {
    use chrono::Timelike;
    let h = t.hour();
    if h == 0 || h > 12 {
        return None;
    }
    let h = match (h, pm) {
        (12, false) => 0,
        (12, true) => 12,
        (h, true) => h + 12,
        (h, false) => h,
    };
    NaiveTime::from_hms_opt(h, t.minute(), t.second())
}

/// `+0000`, `+07:00`, `-0500`, `UTC`, `GMT`, `GMT+7`.
fn parse_offset(token: &str) -> Option<i32> {
    let t = token.trim();
    let t = t
        .strip_prefix("UTC")
        .or_else(|| t.strip_prefix("GMT"))
        .unwrap_or(t);
    if t.is_empty() {
        return (token.trim() != "").then_some(0);
    }
    let sign = match t.as_bytes()[0] {
        b'+' => 1,
        b'-' => -1,
        _ => return None,
    };
    let digits: String = t[1..].chars().filter(|c| *c != ':').collect();
    if digits.is_empty() || digits.len() > 4 || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let (h, m) = if digits.len() <= 2 {
        (digits.parse::<i32>().ok()?, 0)
    } else {
        let split = digits.len() - 2;
        (
            digits[..split].parse::<i32>().ok()?,
            digits[split..].parse::<i32>().ok()?,
        )
    };
    (h <= 14 && m < 60).then_some(sign * (h * 3600 + m * 60))
}

/// Month names and abbreviations in the languages exports come in.
const MONTHS: [&[&str]; 12] = [
    &[
        "january", "januari", "enero", "janeiro", "janvier", "januar", "ene", "jan", "janv",
    ],
    &[
        "february",
        "februari",
        "febrero",
        "fevereiro",
        "février",
        "februar",
        "feb",
        "fev",
        "févr",
    ],
    &["march", "maret", "marzo", "março", "mars", "märz", "mar"],
    &["april", "abril", "avril", "apr", "abr", "avr"],
    &["may", "mei", "mayo", "maio", "mai"],
    &["june", "juni", "junio", "junho", "juin", "jun"],
    &["july", "juli", "julio", "julho", "juillet", "jul", "juil"],
    &[
        "august", "agustus", "agosto", "août", "aug", "agu", "agt", "ago",
    ],
    &[
        "september",
        "septiembre",
        "setiembre",
        "setembro",
        "septembre",
        "sep",
        "sept",
        "set",
    ],
    &[
        "october", "oktober", "octubre", "outubro", "octobre", "oct", "okt", "out",
    ],
    &["november", "noviembre", "novembro", "novembre", "nov"],
    &[
        "december",
        "desember",
        "diciembre",
        "dezembro",
        "décembre",
        "dezember",
        "dec",
        "des",
        "dic",
        "dez",
        "déc",
    ],
];

fn month_number(word: &str) -> Option<u32> {
    MONTHS
        .iter()
        .position(|names| names.contains(&word))
        .map(|i| i as u32 + 1)
}

/// Words that can surround a date: weekdays, "de", "of", "at".
fn is_filler(word: &str) -> bool {
    const FILLERS: &[&str] = &[
        "de",
        "of",
        "at",
        "del",
        "à",
        "um",
        "mon",
        "tue",
        "wed",
        "thu",
        "fri",
        "sat",
        "sun",
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
        "senin",
        "selasa",
        "rabu",
        "kamis",
        "jumat",
        "sabtu",
        "minggu",
        "lun",
        "mar.",
        "mié",
        "jue",
        "vie",
        "sáb",
        "dom",
    ];
    FILLERS.contains(&word)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn spellings_are_parsed() {
        use Written::*;
        let t = |h, m| NaiveTime::from_hms_opt(h, m, 0);
        type Want = Option<(Written, Option<NaiveTime>, Option<i32>)>;
        let cases: Vec<(&str, Want)> = vec![
            ("2025-06-13", Some((Full(d(2025, 6, 13)), None, None))),
            // A replaced byte where the day should be (found by fuzzing): no date, no panic.
            ("2026-11-0\u{fffd}\u{fffd}:00", None),
            ("20250216", Some((Full(d(2025, 2, 16)), None, None))),
            (
                "06/13/2025",
                Some((
                    Numeric {
                        a: 6,
                        b: 13,
                        year: 2025,
                    },
                    None,
                    None,
                )),
            ),
            (
                "13-06-2025",
                Some((
                    Numeric {
                        a: 13,
                        b: 6,
                        year: 2025,
                    },
                    None,
                    None,
                )),
            ),
            (
                "09/29/2025 07:00",
                Some((
                    Numeric {
                        a: 9,
                        b: 29,
                        year: 2025,
                    },
                    t(7, 0),
                    None,
                )),
            ),
            ("Aug 28, 2025", Some((Full(d(2025, 8, 28)), None, None))),
            ("Fri, Feb 6, 2026", Some((Full(d(2026, 2, 6)), None, None))),
            (
                "2016-12-31 19:45 +0000",
                Some((Full(d(2016, 12, 31)), t(19, 45), Some(0))),
            ),
            (
                "2025-01-02T03:04:00+07:00",
                Some((Full(d(2025, 1, 2)), t(3, 4), Some(25200))),
            ),
            (
                "February 28",
                Some((Yearless { month: 2, day: 28 }, None, None)),
            ),
            (
                "8 de marzo",
                Some((Yearless { month: 3, day: 8 }, None, None)),
            ),
            ("2026年2月6日", Some((Full(d(2026, 2, 6)), None, None))),
            ("12 Agustus 2025", Some((Full(d(2025, 8, 12)), None, None))),
            (
                "Jan 5, 2026 3:04 PM",
                Some((Full(d(2026, 1, 5)), t(15, 4), None)),
            ),
            ("Total", None),
            ("12345", None),
            ("", None),
            ("31/31/2025", None),
            ("February 30", None),
        ];
        for (cell, want) in cases {
            let got = parse(cell).map(|s| (s.date, s.time, s.offset));
            assert_eq!(got, want, "{cell}");
        }
    }

    #[test]
    fn order_is_decided_per_file() {
        let stamps: Vec<Stamp> = ["01/02/2025", "13/02/2025"]
            .iter()
            .filter_map(|c| parse(c))
            .collect();
        assert_eq!(
            decide_order(&stamps),
            OrderEvidence::Decided(Order::DayFirst)
        );
        let stamps: Vec<Stamp> = ["01/02/2025", "02/03/2025"]
            .iter()
            .filter_map(|c| parse(c))
            .collect();
        assert_eq!(decide_order(&stamps), OrderEvidence::Ambiguous);
        let stamps: Vec<Stamp> = ["01/13/2025", "13/01/2025"]
            .iter()
            .filter_map(|c| parse(c))
            .collect();
        assert_eq!(decide_order(&stamps), OrderEvidence::Contradictory);
    }

    #[test]
    fn years_are_inferred_across_a_year_boundary() {
        let days = [(12, 30), (12, 31), (1, 1), (1, 2)];
        let got = infer_years(&days, d(2026, 11, 27));
        assert_eq!(
            got,
            vec![
                Some(d(2025, 12, 30)),
                Some(d(2025, 12, 31)),
                Some(d(2026, 1, 1)),
                Some(d(2026, 1, 2))
            ]
        );
        let newest_first = [(1, 3), (1, 2), (1, 1), (12, 31)];
        let got = infer_years(&newest_first, d(2026, 1, 1));
        assert_eq!(
            got,
            vec![
                Some(d(2025, 1, 3)),
                Some(d(2025, 1, 2)),
                Some(d(2025, 1, 1)),
                Some(d(2024, 12, 31))
            ]
        );
        assert_eq!(
            latest_on_or_before(7, 26, d(2026, 2, 28)),
            Some(d(2025, 7, 26))
        );
    }

    #[test]
    fn unpadded_year_first_dates_are_read() {
        for s in ["2025/1/1 0:0", "2025-1-5 14:05", "2025/12/1"] {
            assert!(parse_general(s).is_some(), "{s}");
            assert_eq!(parse_plain(s), parse_general(s), "{s}");
        }
        assert_eq!(
            parse("2025/1/5 14:05").map(|st| st.date),
            Some(Written::Full(d(2025, 1, 5)))
        );
    }

    proptest::proptest! {
        /// The fast path for digits and separators reads what the general path reads.
        #[test]
        fn plain_spellings_read_as_the_general_path_reads(
            s in "[0-9]{1,4}[/.-][0-9]{1,2}[/.-][0-9]{1,4}([ T]+[0-9]{1,2}:[0-9]{1,2}(:[0-9]{1,2}(\\.[0-9]{1,3})?)?)?|[0-9/.: T-]{0,20}"
        ) {
            if let Some(fast) = parse_plain(&s) {
                proptest::prop_assert_eq!(Some(fast), parse_general(&s));
            }
        }
    }
}
