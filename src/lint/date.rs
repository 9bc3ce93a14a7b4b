//! Dates that do not exist: 2010年2月30日, 4月31日, 13月, 2010-02-30, and
//! the same in Chinese numerals (二〇一〇年二月三十日).

use chrono::{Datelike, NaiveDate};

use super::{DATE_INVALID, Draft, Finding};
use crate::zh::{ascii_number, year_digit};

/// A date found in a line and what is wrong with it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BadDate {
    pub start: usize,
    pub end: usize,
    pub why: String,
}

/// A Chinese-numeral month or day (一 … 三十一) at `at`.
fn han_small(chars: &[char], at: usize) -> Option<(u32, usize)> {
    let n = chars[at..]
        .iter()
        .take_while(|c| crate::zh::is_date_numeral(**c))
        .count();
    if n == 0 || n > 3 {
        return None;
    }
    let s: String = chars[at..at + n].iter().collect();
    crate::zh::parse_numeral(&s)
        .and_then(|v| u32::try_from(v).ok())
        .map(|v| (v, at + n))
}

fn days_in(year: Option<i32>, month: u32) -> u32 {
    match month {
        2 => match year {
            Some(y) if NaiveDate::from_ymd_opt(y, 2, 29).is_none() => 28,
            _ => 29,
        },
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// What is wrong with year/month/day, if anything.
fn wrong(year: Option<i32>, month: u32, day: Option<u32>) -> Option<String> {
    if !(1..=12).contains(&month) {
        return Some(format!("没有{month}月"));
    }
    let day = day?;
    let max = days_in(year, month);
    if day == 0 || day > max {
        return Some(match year {
            Some(y) => format!("{y}年{month}月只有{max}天"),
            None => format!("{month}月最多{max}天"),
        });
    }
    if let Some(y) = year
        && NaiveDate::from_ymd_opt(y, month, day).is_none_or(|d| d.year() != y)
    {
        return Some("这一天不存在".to_owned());
    }
    None
}

/// Every date in `chars` that does not exist.
pub fn bad_dates(chars: &[char]) -> Vec<BadDate> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let prev_digit =
            i > 0 && (chars[i - 1].is_ascii_digit() || year_digit(chars[i - 1]).is_some());
        if prev_digit {
            i += 1;
            continue;
        }
        if let Some((found, end)) = arabic(chars, i).or_else(|| chinese(chars, i)) {
            if let Some(why) = found {
                out.push(BadDate { start: i, end, why });
            }
            i = end;
            continue;
        }
        i += 1;
    }
    out
}

/// 2010年2月30日, 2月30日, 2010-02-30 at `at`: `Some((problem, end))`
/// when a date is there.
fn arabic(chars: &[char], at: usize) -> Option<(Option<String>, usize)> {
    let (first, e) = ascii_number(chars, at, 4)?;
    match chars.get(e) {
        Some('年') if e - at == 4 => {
            let (month, e2) = ascii_number(chars, e + 1, 2)?;
            if chars.get(e2) != Some(&'月') {
                return None;
            }
            let year = i32::try_from(first).ok();
            let day =
                ascii_number(chars, e2 + 1, 2).filter(|&(_, e3)| chars.get(e3) == Some(&'日'));
            let end = day.map_or(e2 + 1, |(_, e3)| e3 + 1);
            Some((wrong(year, month, day.map(|d| d.0)), end))
        }
        Some('月') if e - at <= 2 => {
            let (day, e2) = ascii_number(chars, e + 1, 2)?;
            if !matches!(chars.get(e2), Some('日' | '号')) {
                return Some((wrong(None, first, None), e + 1));
            }
            Some((wrong(None, first, Some(day)), e2 + 1))
        }
        Some('-') if e - at == 4 => {
            let (month, e2) = ascii_number(chars, e + 1, 2)?;
            if chars.get(e2) != Some(&'-') {
                return None;
            }
            let (day, e3) = ascii_number(chars, e2 + 1, 2)?;
            if chars.get(e3).is_some_and(char::is_ascii_digit) {
                return None;
            }
            Some((wrong(i32::try_from(first).ok(), month, Some(day)), e3))
        }
        _ => None,
    }
}

/// 二〇一〇年二月三十日 at `at`.
fn chinese(chars: &[char], at: usize) -> Option<(Option<String>, usize)> {
    let mut year = 0;
    let mut e = at;
    while e < chars.len() && e - at < 4 {
        year = year * 10 + year_digit(chars[e])?;
        e += 1;
    }
    if e - at != 4 || chars.get(e) != Some(&'年') {
        return None;
    }
    let (month, e2) = han_small(chars, e + 1)?;
    if chars.get(e2) != Some(&'月') {
        return None;
    }
    let day = han_small(chars, e2 + 1).filter(|&(_, e3)| chars.get(e3) == Some(&'日'));
    let end = day.map_or(e2 + 1, |(_, e3)| e3 + 1);
    Some((
        wrong(i32::try_from(year).ok(), month, day.map(|d| d.0)),
        end,
    ))
}

pub(crate) fn check(draft: &Draft<'_>, out: &mut Vec<Finding>) {
    for (index, line) in draft.source.lines.iter().enumerate() {
        for bad in bad_dates(&line.chars) {
            let text: String = line.chars[bad.start..bad.end].iter().collect();
            out.push(draft.finding(
                &DATE_INVALID,
                index,
                bad.start,
                format!("日期“{text}”不存在：{}", bad.why),
                "核对日期；由 bigan 生成的日期来自配置，改配置里的日期后重新生成",
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn bad(s: &str) -> Vec<String> {
        let chars: Vec<char> = s.chars().collect();
        bad_dates(&chars).into_iter().map(|b| b.why).collect()
    }

    #[test]
    fn dates_that_do_not_exist() {
        assert_eq!(bad("2010年2月30日召开"), ["2010年2月只有28天"]);
        assert_eq!(bad("5月20日至6月31日"), ["6月最多30天"]);
        assert_eq!(bad("2012年2月29日"), Vec::<String>::new());
        assert_eq!(bad("2011年13月"), ["没有13月"]);
        assert_eq!(bad("二〇一〇年二月三十日"), ["2010年2月只有28天"]);
        assert_eq!(bad("2010-02-30"), ["2010年2月只有28天"]);
        assert!(bad("2010年5月20日、2012-11-02 12:45、3~4月、第5月").is_empty());
    }

    fn said(text: &str) -> Vec<(u32, String)> {
        crate::lint::findings(text, "date.invalid")
            .into_iter()
            .map(|f| (f.diagnostic.column, f.diagnostic.message))
            .collect()
    }

    #[test]
    fn the_finding_quotes_the_date_at_its_place() {
        assert_eq!(
            said("会议定于2010年2月30日召开。\n"),
            [(5, "日期“2010年2月30日”不存在：2010年2月只有28天".to_owned())]
        );
        assert_eq!(
            said("定于13月5号、2011年13月和二〇一〇年十三月。\n"),
            [
                (3, "日期“13月5号”不存在：没有13月".to_owned()),
                (9, "日期“2011年13月”不存在：没有13月".to_owned()),
                (18, "日期“二〇一〇年十三月”不存在：没有13月".to_owned()),
            ]
        );
        assert_eq!(
            said("定于二〇一〇年二月三十日召开。\n"),
            [(
                3,
                "日期“二〇一〇年二月三十日”不存在：2010年2月只有28天".to_owned()
            )]
        );
        assert_eq!(
            said("截至13月20前、2010-13-01\n"),
            [
                (3, "日期“13月”不存在：没有13月".to_owned()),
                (10, "日期“2010-13-01”不存在：没有13月".to_owned()),
            ]
        );
    }

    #[test]
    fn month_lengths_and_leap_years() {
        for (s, why) in [
            ("0月5日", "没有0月"),
            ("2010年0月", "没有0月"),
            ("2月0日", "2月最多29天"),
            ("2月30日", "2月最多29天"),
            ("2011年2月29日", "2011年2月只有28天"),
            ("1900年2月29日", "1900年2月只有28天"),
            ("4月31日", "4月最多30天"),
            ("9月31号", "9月最多30天"),
            ("11月31日", "11月最多30天"),
            ("6月31日", "6月最多30天"),
            ("12月32日", "12月最多31天"),
            ("2010-2-30", "2010年2月只有28天"),
            ("二〇一〇年四月三十一日", "2010年4月只有30天"),
        ] {
            assert_eq!(bad(s), [why], "{s}");
        }
        for s in [
            "2月29日",
            "2000年2月29日",
            "2024年2月29日",
            "1月31日",
            "3月31日",
            "5月31日",
            "7月31日",
            "8月31日",
            "10月31日",
            "12月31日",
            "4月30日",
            "2010年2月30号",
            "二〇一〇年二月",
            "二〇一〇年二月二十八日",
        ] {
            assert_eq!(bad(s), Vec::<String>::new(), "{s}");
        }
    }

    #[test]
    fn what_is_not_a_date() {
        // 2011 had no 29 February; a year not read as one leaves 2月29日,
        // which may exist.
        for s in [
            "201年2月29日",
            "12011年2月29日",
            "20111年2月29日",
            "〇一一年二月二十九日",
            "二二〇一一年二月二十九日",
            "二〇一一二月二十九日",
            "2011-02-291",
        ] {
            assert_eq!(bad(s), Vec::<String>::new(), "{s}");
        }
        for s in [
            "2010年2日30日",
            "2010-02",
            "2010-02-",
            "2010-02-x",
            "123月30日",
            "5月底",
            "二〇一〇年二三月",
            "二〇一〇年二月三十一一日",
            "二〇一〇年",
            "第二〇一〇",
            "85-13-62",
            "截至二〇一",
        ] {
            assert_eq!(bad(s), Vec::<String>::new(), "{s}");
        }
    }

    #[test]
    fn each_date_is_read_once_then_the_next() {
        let chars: Vec<char> = "2010年2月30日和2月30日".chars().collect();
        let spans: Vec<_> = bad_dates(&chars)
            .into_iter()
            .map(|b| (b.start, b.end))
            .collect();
        assert_eq!(spans, [(0, 10), (11, 16)]);
    }
}
