//! Dates as the genre writes them: 2010年5月20日, phase spans phrased
//! relative to the meeting as a speaker says them ("从现在起到6月底"), and
//! absolute as a plan prints them ("（2011年3—4月）"). A span inside one
//! month is never a range of months: it is "9月份", or its days
//! ("9月1日至15日"; in a plan "2023年9月1—15日").

use chrono::{Datelike, NaiveDate};

/// The years a date of bigan's may fall in: a campaign document of the
/// People's Republic is dated from its founding; later than 2100 is a typo.
/// `check` refuses dates outside, and `import` does not take them.
pub const FIRST_YEAR: i32 = 1949;
pub const LAST_YEAR: i32 = 2100;

/// Whether `d` falls in the supported years.
pub fn supported(d: NaiveDate) -> bool {
    (FIRST_YEAR..=LAST_YEAR).contains(&d.year())
}

/// 2010年5月20日
pub fn cn_date(d: NaiveDate) -> String {
    format!("{}年{}月{}日", d.year(), d.month(), d.day())
}

/// 2010年5月
pub fn cn_month(d: NaiveDate) -> String {
    format!("{}年{}月", d.year(), d.month())
}

/// The last day of `d`'s month.
pub fn month_end(d: NaiveDate) -> NaiveDate {
    let (y, m) = if d.month() == 12 {
        (d.year() + 1, 1)
    } else {
        (d.year(), d.month() + 1)
    };
    // The first of a month always exists, and so does the day before it.
    NaiveDate::from_ymd_opt(y, m, 1)
        .and_then(|first| first.pred_opt())
        .unwrap_or(d)
}

/// The day of the week as a notice writes it after the date: 星期四.
pub fn weekday(d: NaiveDate) -> &'static str {
    const NAMES: [&str; 7] = [
        "星期一",
        "星期二",
        "星期三",
        "星期四",
        "星期五",
        "星期六",
        "星期日",
    ];
    NAMES[d.weekday().num_days_from_monday() as usize]
}

/// The working day `days` before `d`, moved earlier past a weekend: the
/// day a notice goes out (a notice dated on a Saturday reaches nobody).
/// Public holidays are not known here.
pub fn working_day_before(d: NaiveDate, days: u64) -> NaiveDate {
    let mut day = d - chrono::Days::new(days);
    while day.weekday().num_days_from_monday() >= 5 {
        day = day.pred_opt().unwrap_or(day);
    }
    day
}

/// Which part of its month a day falls in, as 上旬/中旬/下旬, or 底 for the
/// last day.
fn part_of_month(d: NaiveDate) -> &'static str {
    if d == month_end(d) {
        "底"
    } else if d.day() <= 10 {
        "上旬"
    } else if d.day() <= 20 {
        "中旬"
    } else {
        "下旬"
    }
}

/// A year as the speaker says it from `now`: 今年, 明年, 去年, or 2013年.
pub fn spoken_year(year: i32, now: i32) -> String {
    match year - now {
        0 => "今年".to_owned(),
        1 => "明年".to_owned(),
        -1 => "去年".to_owned(),
        _ => format!("{year}年"),
    }
}

/// The start of a span: "7月" from the first, otherwise "7月中旬".
fn start_phrase(d: NaiveDate) -> String {
    if d.day() == 1 {
        format!("{}月", d.month())
    } else {
        format!("{}月{}", d.month(), part_of_month(d))
    }
}

/// The end of a span that began at a month's start: "7月" when it runs to
/// the month's end, otherwise "9月中旬".
fn end_phrase(d: NaiveDate) -> String {
    if d == month_end(d) {
        format!("{}月", d.month())
    } else {
        format!("{}月{}", d.month(), part_of_month(d))
    }
}

/// A deadline: "6月底", "6月中旬".
fn deadline_phrase(d: NaiveDate) -> String {
    format!("{}月{}", d.month(), part_of_month(d))
}

/// Phrases a phase's span as a speaker at a meeting on `meeting` says it.
///
/// - the meeting falls inside the phase: "从现在起到6月底";
/// - the phase lies ahead: "从今年7月到明年7月", "从7月中旬到9月底";
/// - the phase is over: "今年5月至6月";
/// - the phase has no end: "从2011年7月开始";
/// - the phase lies inside one month: "今年9月份", "今年9月1日至15日",
///   "今年9月1日".
pub fn spoken_span(from: NaiveDate, to: Option<NaiveDate>, meeting: NaiveDate) -> String {
    let now = meeting.year();
    let Some(to) = to else {
        let year = if from.year() == now {
            "今年".to_owned()
        } else {
            // An open-ended phase anchors the long run: speakers name the year.
            format!("{}年", from.year())
        };
        if from <= meeting {
            return format!("从{year}{}起", start_phrase(from));
        }
        return format!("从{year}{}开始", start_phrase(from));
    };
    let one_month = same_month(from, to);
    if from <= meeting && meeting <= to {
        let year = if to.year() == now {
            String::new()
        } else {
            spoken_year(to.year(), now)
        };
        // A phase of days ends on a day, not in a third of a month.
        let end = if one_month && to != month_end(to) {
            format!("{}月{}日", to.month(), to.day())
        } else {
            deadline_phrase(to)
        };
        return format!("从现在起到{year}{end}");
    }
    if one_month {
        return format!(
            "{}{}",
            spoken_year(from.year(), now),
            within_month(from, to)
        );
    }
    let from_text = format!("{}{}", spoken_year(from.year(), now), start_phrase(from));
    let to_text = if to.year() == from.year() {
        end_phrase_after(from, to)
    } else {
        format!(
            "{}{}",
            spoken_year(to.year(), now),
            end_phrase_after(from, to)
        )
    };
    if to < meeting {
        format!("{from_text}至{to_text}")
    } else {
        format!("从{from_text}到{to_text}")
    }
}

/// The end of a range: month-level when the range is whole months,
/// otherwise with 上旬/中旬/下旬/底 so the reader knows where it stops.
fn end_phrase_after(from: NaiveDate, to: NaiveDate) -> String {
    if from.day() == 1 {
        end_phrase(to)
    } else {
        deadline_phrase(to)
    }
}

/// A phase's last day as a speaker on `meeting` names it: "11月底", or
/// with the year when it is not this one ("明年6月底").
pub fn spoken_deadline(to: NaiveDate, meeting: NaiveDate) -> String {
    let year = if to.year() == meeting.year() {
        String::new()
    } else {
        spoken_year(to.year(), meeting.year())
    };
    format!("{year}{}", deadline_phrase(to))
}

/// Phrases a phase's span as a plan prints it, in months, or in days when
/// it lies inside one month: "2011年2月", "2011年3—4月",
/// "2010年7月—2011年7月", "2011年7月起", "2011年9月1—15日", "2011年9月1日".
/// The dash is GB/T 15834-2011's 连接号 for a span of time ("2011年2月3—10日").
pub fn written_span(from: NaiveDate, to: Option<NaiveDate>) -> String {
    let Some(to) = to else {
        return format!("{}起", cn_month(from));
    };
    if from.year() != to.year() {
        format!("{}—{}", cn_month(from), cn_month(to))
    } else if from.month() != to.month() {
        format!("{}年{}—{}月", from.year(), from.month(), to.month())
    } else if is_whole_month(from, to) {
        cn_month(from)
    } else if from == to {
        cn_date(from)
    } else {
        format!(
            "{}年{}月{}—{}日",
            from.year(),
            from.month(),
            from.day(),
            to.day()
        )
    }
}

/// Whether two days fall in the same month of the same year.
fn same_month(a: NaiveDate, b: NaiveDate) -> bool {
    (a.year(), a.month()) == (b.year(), b.month())
}

/// Whether `from`..=`to` is one whole month.
fn is_whole_month(from: NaiveDate, to: NaiveDate) -> bool {
    from.day() == 1 && to == month_end(from)
}

/// A span inside one month as a speaker says it: "9月份" for the whole
/// month, "9月1日" for one day, otherwise "9月1日至15日".
fn within_month(from: NaiveDate, to: NaiveDate) -> String {
    let month = from.month();
    if is_whole_month(from, to) {
        format!("{month}月份")
    } else if from == to {
        format!("{month}月{}日", from.day())
    } else {
        format!("{month}月{}日至{}日", from.day(), to.day())
    }
}

/// The number of calendar days a phase covers, both ends included.
pub fn days_inclusive(from: NaiveDate, to: NaiveDate) -> i64 {
    (to - from).num_days() + 1
}

/// Parses a date as profiles write it: 2010-05-20 (also 2010-5-20).
pub fn parse_date(s: &str) -> Option<NaiveDate> {
    let mut parts = s.trim().splitn(3, '-');
    let y: i32 = parts.next()?.parse().ok()?;
    let m: u32 = parts.next()?.parse().ok()?;
    let d: u32 = parts.next()?.parse().ok()?;
    if !(1000..=9999).contains(&y) {
        return None;
    }
    NaiveDate::from_ymd_opt(y, m, d)
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_notice_goes_out_on_a_working_day_before_the_meeting() {
        let d = |s: &str| super::parse_date(s).unwrap_or_default();
        // 2010-05-20 was a Thursday.
        assert_eq!(super::weekday(d("2010-05-20")), "星期四");
        assert_eq!(
            super::working_day_before(d("2010-05-20"), 3),
            d("2010-05-17")
        );
        // Three days before a Tuesday is a Saturday: Friday instead.
        assert_eq!(
            super::working_day_before(d("2010-05-25"), 3),
            d("2010-05-21")
        );
        // Before a Wednesday, a Sunday: Friday too.
        assert_eq!(
            super::working_day_before(d("2010-05-26"), 3),
            d("2010-05-21")
        );
        assert_eq!(super::weekday(d("2010-05-23")), "星期日");
    }

    use super::*;
    use proptest::prelude::*;

    fn d(s: &str) -> NaiveDate {
        parse_date(s).unwrap()
    }

    #[test]
    fn chinese_dates() {
        assert_eq!(cn_date(d("2010-05-20")), "2010年5月20日");
        assert_eq!(cn_month(d("2011-02-01")), "2011年2月");
    }

    #[test]
    fn spoken_spans_relative_to_the_meeting() {
        let meeting = d("2010-05-20");
        let cases = [
            ("2010-05-20", Some("2010-06-30"), "从现在起到6月底"),
            ("2010-05-01", Some("2010-06-15"), "从现在起到6月中旬"),
            ("2010-05-01", Some("2011-01-05"), "从现在起到明年1月上旬"),
            ("2010-07-01", Some("2011-07-31"), "从今年7月到明年7月"),
            ("2010-07-01", Some("2010-09-30"), "从今年7月到9月"),
            ("2010-07-15", Some("2010-09-30"), "从今年7月中旬到9月底"),
            ("2010-07-01", Some("2010-09-20"), "从今年7月到9月中旬"),
            ("2011-07-01", None, "从2011年7月开始"),
            ("2010-08-01", None, "从今年8月开始"),
            // Open-ended and already begun.
            ("2010-03-01", None, "从今年3月起"),
            ("2010-05-20", None, "从今年5月中旬起"),
            ("2009-07-01", None, "从2009年7月起"),
            ("2010-03-01", Some("2010-04-30"), "今年3月至4月"),
            ("2012-01-01", Some("2012-03-31"), "从2012年1月到3月"),
            // Crossing a year.
            ("2010-12-01", Some("2011-01-31"), "从今年12月到明年1月"),
            ("2009-12-01", Some("2010-01-31"), "去年12月至今年1月"),
            ("2010-01-01", Some("2011-01-31"), "从现在起到明年1月底"),
        ];
        for (from, to, want) in cases {
            assert_eq!(
                spoken_span(d(from), to.map(d), meeting),
                want,
                "{from}..{to:?}"
            );
        }
    }

    #[test]
    fn a_span_inside_one_month_is_its_month_or_its_days() {
        let meeting = d("2023-05-20");
        let cases = [
            // Ahead, done, and in another year.
            ("2023-09-01", "2023-09-30", "今年9月份"),
            ("2023-09-01", "2023-09-15", "今年9月1日至15日"),
            ("2023-09-16", "2023-09-30", "今年9月16日至30日"),
            ("2023-09-10", "2023-09-10", "今年9月10日"),
            ("2023-03-01", "2023-03-31", "今年3月份"),
            ("2023-03-05", "2023-03-20", "今年3月5日至20日"),
            ("2024-02-01", "2024-02-29", "明年2月份"),
            ("2022-12-01", "2022-12-31", "去年12月份"),
            ("2021-06-01", "2021-06-15", "2021年6月1日至15日"),
            // The meeting inside it: to the month's end, or to the day.
            ("2023-05-01", "2023-05-31", "从现在起到5月底"),
            ("2023-05-01", "2023-05-25", "从现在起到5月25日"),
            ("2023-05-20", "2023-05-20", "从现在起到5月20日"),
        ];
        for (from, to, want) in cases {
            assert_eq!(
                spoken_span(d(from), Some(d(to)), meeting),
                want,
                "{from}..{to}"
            );
        }
        let written = [
            ("2023-09-01", "2023-09-30", "2023年9月"),
            ("2023-09-01", "2023-09-15", "2023年9月1—15日"),
            ("2023-09-10", "2023-09-10", "2023年9月10日"),
            ("2024-02-01", "2024-02-29", "2024年2月"),
            ("2024-02-01", "2024-02-28", "2024年2月1—28日"),
        ];
        for (from, to, want) in written {
            assert_eq!(written_span(d(from), Some(d(to))), want, "{from}..{to}");
        }
    }

    #[test]
    fn written_spans_in_months() {
        assert_eq!(
            written_span(d("2011-02-01"), Some(d("2011-02-28"))),
            "2011年2月"
        );
        assert_eq!(
            written_span(d("2011-03-01"), Some(d("2011-04-30"))),
            "2011年3—4月"
        );
        assert_eq!(
            written_span(d("2010-07-01"), Some(d("2011-07-31"))),
            "2010年7月—2011年7月"
        );
        assert_eq!(written_span(d("2011-07-01"), None), "2011年7月起");
    }

    #[test]
    fn month_ends_and_leap_years() {
        assert_eq!(month_end(d("2012-02-10")), d("2012-02-29"));
        assert_eq!(month_end(d("2011-02-10")), d("2011-02-28"));
        assert_eq!(month_end(d("2011-12-31")), d("2011-12-31"));
        assert_eq!(month_end(d("2011-12-01")), d("2011-12-31"));
        assert_eq!(month_end(d("2011-11-30")), d("2011-11-30"));
    }

    #[test]
    fn parses_profile_dates() {
        assert_eq!(parse_date("2010-5-20"), Some(d("2010-05-20")));
        assert_eq!(parse_date("2010-13-45"), None);
        assert_eq!(parse_date("2010.5.20"), None);
        assert_eq!(parse_date("2011-02-29"), None);
    }

    #[test]
    fn parse_date_refuses_what_is_not_a_whole_date() {
        assert_eq!(parse_date(" 2010-05-20 "), Some(d("2010-05-20")));
        for bad in [
            "2010-05",
            "2010",
            "",
            "999-01-01",
            "10000-01-01",
            "2010-05-20x",
        ] {
            assert_eq!(parse_date(bad), None, "{bad}");
        }
    }

    #[test]
    fn supported_years_are_those_of_the_republic_to_2100() {
        assert!(!supported(d("1948-12-31")));
        assert!(supported(d("1949-01-01")));
        assert!(supported(d("2100-12-31")));
        assert!(!supported(d("2101-01-01")));
    }

    #[test]
    fn a_phase_counts_both_its_ends() {
        assert_eq!(days_inclusive(d("2010-05-20"), d("2010-05-20")), 1);
        assert_eq!(days_inclusive(d("2010-05-01"), d("2010-05-31")), 31);
        assert_eq!(days_inclusive(d("2010-12-31"), d("2011-01-01")), 2);
    }

    #[test]
    fn deadlines_by_thirds_of_the_month_and_year() {
        let meeting = d("2010-05-20");
        let cases = [
            ("2010-11-30", "11月底"),
            ("2010-06-10", "6月上旬"),
            ("2010-06-11", "6月中旬"),
            ("2010-06-20", "6月中旬"),
            ("2010-06-21", "6月下旬"),
            ("2011-06-30", "明年6月底"),
            ("2009-12-31", "去年12月底"),
            ("2012-03-05", "2012年3月上旬"),
        ];
        for (to, want) in cases {
            assert_eq!(spoken_deadline(d(to), meeting), want, "{to}");
        }
    }

    fn any_date() -> impl Strategy<Value = NaiveDate> {
        (1990i32..2060, 1u32..=12, 1u32..=28)
            .prop_map(|(y, m, d)| NaiveDate::from_ymd_opt(y, m, d).unwrap())
    }

    proptest! {
        #[test]
        fn a_phase_holding_the_meeting_starts_from_now(
            from in any_date(), len in 0i64..800, before in 0i64..800,
        ) {
            let to = from + chrono::Duration::days(len);
            let meeting = from + chrono::Duration::days(before.min(len));
            prop_assert!(spoken_span(from, Some(to), meeting).starts_with("从现在起到"));
        }

        #[test]
        fn spans_name_the_end_month(from in any_date(), len in 0i64..800) {
            let to = from + chrono::Duration::days(len);
            let written = written_span(from, Some(to));
            let end_month = format!("{}月", to.month());
            prop_assert!(written.contains(&end_month), "{written}");
            let meeting = from - chrono::Duration::days(1);
            let spoken = spoken_span(from, Some(to), meeting);
            prop_assert!(spoken.contains(&end_month), "{spoken}");
        }

        /// "从今年9月到9月", "2023年9—9月": no span names one month twice.
        #[test]
        fn no_span_names_its_month_twice(
            from in any_date(), len in 0i64..800, offset in -800i64..800,
        ) {
            let to = from + chrono::Duration::days(len);
            let meeting = from + chrono::Duration::days(offset);
            let month = format!("{}月", from.month());
            for text in [written_span(from, Some(to)), spoken_span(from, Some(to), meeting)] {
                if same_month(from, to) {
                    prop_assert_eq!(text.matches(&month).count(), 1, "{}", text);
                }
                let m = from.month();
                for twice in [format!("年{m}—{m}月"), format!("{m}月到{m}月"), format!("{m}月至{m}月")] {
                    prop_assert!(!text.contains(&twice), "{}", text);
                }
            }
        }
    }
}
