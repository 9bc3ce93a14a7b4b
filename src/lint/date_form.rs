//! How a date is written. The 成文日期 (the date alone on a line, under the
//! title or at the foot) in Arabic numerals, year in full, no leading
//! zeros (GB/T 9704-2012 7.3.5.4: "2026年3月1日", not "二〇二六年三月一日" or
//! "2026年03月01日"); and nowhere a year cut to two digits ("25年底").
//! The draft's own date, which other rules measure against, is read here.

use chrono::{Datelike, NaiveDate};

use super::{DATE_FORM, DATE_YEAR, Draft, Finding};
use crate::zh::ascii_number as digits;

/// How a date standing alone on a line is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Written {
    /// 2026年3月1日
    Standard,
    /// 二〇二六年三月一日
    Chinese,
    /// 2026年03月01日
    Padded,
}

/// The date that a line consists of (in （…） or not), how it is written,
/// and where it starts.
pub(crate) fn standalone(chars: &[char]) -> Option<(NaiveDate, Written, usize)> {
    let start = chars.iter().position(|c| !c.is_whitespace())?;
    let end = chars.len() - chars.iter().rev().position(|c| !c.is_whitespace())?;
    let mut body = &chars[start..end];
    let mut at = start;
    if let (Some('（' | '('), Some('）' | ')')) = (body.first(), body.last()) {
        body = &body[1..body.len() - 1];
        at += 1;
    }
    let (date, written) = arabic(body).or_else(|| chinese(body))?;
    Some((date, written, at))
}

/// 2026年3月1日 (or 2026年03月01日) making up all of `s`.
fn arabic(s: &[char]) -> Option<(NaiveDate, Written)> {
    let (year, e) = digits(s, 0, 4).filter(|&(_, e)| e == 4)?;
    (s.get(e) == Some(&'年')).then_some(())?;
    let (month, e2) = digits(s, e + 1, 2)?;
    (s.get(e2) == Some(&'月')).then_some(())?;
    let (day, e3) = digits(s, e2 + 1, 2)?;
    (s.get(e3) == Some(&'日') && e3 + 1 == s.len()).then_some(())?;
    let date = NaiveDate::from_ymd_opt(i32::try_from(year).ok()?, month, day)?;
    let padded = s[e + 1] == '0' || s[e2 + 1] == '0';
    Some((
        date,
        if padded {
            Written::Padded
        } else {
            Written::Standard
        },
    ))
}

/// 二〇二六年三月一日 making up all of `s`.
fn chinese(s: &[char]) -> Option<(NaiveDate, Written)> {
    let year = s
        .get(..4)?
        .iter()
        .try_fold(0u32, |y, &c| Some(y * 10 + crate::zh::year_digit(c)?))?;
    (s.get(4) == Some(&'年')).then_some(())?;
    let rest: String = s[5..].iter().collect();
    let (month, rest) = rest.split_once('月')?;
    let day = rest.strip_suffix('日')?;
    let month = crate::zh::parse_numeral(month)?;
    let day = crate::zh::parse_numeral(day)?;
    let date = NaiveDate::from_ymd_opt(
        i32::try_from(year).ok()?,
        u32::try_from(month).ok()?,
        u32::try_from(day).ok()?,
    )?;
    Some((date, Written::Chinese))
}

/// The draft's own date: the first line that is only a date (the byline
/// under a speech's title, or a plan's 成文日期).
pub(crate) fn own_date(draft: &Draft<'_>) -> Option<NaiveDate> {
    draft
        .source
        .lines
        .iter()
        .find_map(|l| standalone(&l.chars))
        .map(|(d, _, _)| d)
}

/// What may follow a two-digit year that is a year, not a span of years:
/// 25年底, 25年3月, 25年上半年, 25年度.
fn year_follows(rest: &[char]) -> bool {
    let starts = |w: &str| rest.starts_with(&w.chars().collect::<Vec<_>>());
    [
        "底",
        "初",
        "末",
        "年中",
        "上半年",
        "下半年",
        "度",
        "第一季度",
        "第二季度",
        "第三季度",
        "第四季度",
        "春节",
    ]
    .iter()
    .any(|w| starts(w))
        || digits(rest, 0, 2)
            .is_some_and(|(m, e)| (1..=12).contains(&m) && rest.get(e) == Some(&'月'))
}

/// Two-digit years in `chars`: where each starts and the year it stands for.
pub(crate) fn short_years(chars: &[char], now: Option<i32>) -> Vec<(usize, u32, i32)> {
    let mut out = Vec::new();
    let mut i = 0;
    while i + 2 < chars.len() {
        let lead = i > 0 && (chars[i - 1].is_ascii_digit() || chars[i - 1] == '.');
        if !lead
            && let Some((yy, e)) = digits(chars, i, 2).filter(|&(_, e)| e == i + 2)
            && chars.get(e) == Some(&'年')
            && year_follows(&chars[e + 1..])
        {
            let century = match now {
                Some(now) if 2000 + yy as i32 <= now + 10 => 2000,
                Some(_) => 1900,
                None if yy < 50 => 2000,
                None => 1900,
            };
            out.push((i, yy, century + yy as i32));
            i = e;
        }
        i += 1;
    }
    out
}

pub(crate) fn check(draft: &Draft<'_>, out: &mut Vec<Finding>) {
    let now = own_date(draft).map(|d| d.year());
    for (index, line) in draft.source.lines.iter().enumerate() {
        if let Some((date, written, at)) = standalone(&line.chars) {
            let problem = match written {
                Written::Standard => None,
                Written::Chinese => Some("成文日期用汉字数字写成，国标要求用阿拉伯数字"),
                Written::Padded => Some("成文日期的月、日前面补了“0”（编了虚位）"),
            };
            if let Some(problem) = problem {
                out.push(draft.finding(
                    &DATE_FORM,
                    index,
                    at,
                    problem.to_owned(),
                    format!("写成“{}”", crate::calendar::cn_date(date)),
                ));
            }
        }
        for (at, yy, year) in short_years(&line.chars, now) {
            out.push(draft.finding(
                &DATE_YEAR,
                index,
                at,
                format!("年份“{yy:02}年”简写了"),
                format!("年份写全：“{year}年”"),
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chars(s: &str) -> Vec<char> {
        s.chars().collect()
    }

    #[test]
    fn dates_standing_alone() {
        let d = |s: &str| standalone(&chars(s)).map(|(d, w, _)| (d.to_string(), w));
        assert_eq!(
            d("（2011年9月1日）"),
            Some(("2011-09-01".into(), Written::Standard))
        );
        assert_eq!(
            d("  2026年3月1日"),
            Some(("2026-03-01".into(), Written::Standard))
        );
        assert_eq!(
            d("二〇二六年三月一日"),
            Some(("2026-03-01".into(), Written::Chinese))
        );
        assert_eq!(
            d("二〇一一年十二月三十一日"),
            Some(("2011-12-31".into(), Written::Chinese))
        );
        assert_eq!(
            d("2026年03月01日"),
            Some(("2026-03-01".into(), Written::Padded))
        );
        assert_eq!(d("2026年3月1日召开"), None);
        assert_eq!(d("截至2026年3月1日"), None);
    }

    #[test]
    fn short_years_but_not_spans_of_years() {
        let years = |s: &str| -> Vec<i32> {
            short_years(&chars(s), Some(2025))
                .into_iter()
                .map(|(_, _, y)| y)
                .collect()
        };
        assert_eq!(years("力争25年底全部完成"), [2025]);
        assert_eq!(years("自24年3月起"), [2024]);
        assert_eq!(years("98年洪水之后，98年度"), [1998]);
        assert!(years("工作25年来，奋斗了30年，建党95周年").is_empty());
        assert!(years("2025年底").is_empty());
        assert!(years("3.25年").is_empty());
    }

    fn said(text: &str) -> Vec<(&'static str, u32, u32, String, String)> {
        crate::lint::findings(text, "date")
            .into_iter()
            .filter(|f| matches!(f.rule.id, "date.form" | "date.year"))
            .map(|f| {
                let d = f.diagnostic;
                (
                    f.rule.id,
                    d.line,
                    d.column,
                    d.message,
                    d.hint.unwrap_or_default(),
                )
            })
            .collect()
    }

    fn finding(
        id: &'static str,
        line: u32,
        column: u32,
        message: &str,
        hint: &str,
    ) -> (&'static str, u32, u32, String, String) {
        (id, line, column, message.to_owned(), hint.to_owned())
    }

    #[test]
    fn a_date_line_in_chinese_numerals_or_padded_is_rewritten() {
        assert_eq!(
            said("（二〇二六年三月一日）\n"),
            [finding(
                "date.form",
                1,
                2,
                "成文日期用汉字数字写成，国标要求用阿拉伯数字",
                "写成“2026年3月1日”"
            )]
        );
        for (text, column) in [
            ("2026年03月1日", 1),
            ("　　2026年3月01日　", 3),
            ("(2026年10月01日)", 2),
        ] {
            let f = said(&format!("{text}\n"));
            assert_eq!(f.len(), 1, "{text}");
            assert_eq!(
                (f[0].2, f[0].3.as_str()),
                (column, "成文日期的月、日前面补了“0”（编了虚位）"),
                "{text}"
            );
        }
        assert_eq!(said("2026年10月10日\n（2026年3月1日）\n"), []);
    }

    #[test]
    fn what_is_not_a_date_alone() {
        let d = |s: &str| standalone(&chars(s)).map(|(d, w, at)| (d.to_string(), w, at));
        for s in [
            "202年3月1日",
            "20261年3月1日",
            "2026年3月1日日",
            "2026年13月1日",
            "2026年2月30日",
            "2026-3-1",
            "2026年3月1",
            "2026年3日1日",
            "2026年3月1号",
            "（2026年3月1日",
            "2026年3月1日）",
            "二〇二六三月一日",
            "二〇二六年三月",
            "二〇二六年三一日",
            "二〇二年三月一日",
            "二〇二六年十三月一日",
            "",
            "   ",
        ] {
            assert_eq!(d(s), None, "{s}");
        }
        assert_eq!(
            d("一九九八年十月一日"),
            Some(("1998-10-01".into(), Written::Chinese, 0))
        );
        assert_eq!(
            d(" （2026年3月1日） "),
            Some(("2026-03-01".into(), Written::Standard, 2))
        );
        assert_eq!(
            d("2026年12月31日"),
            Some(("2026-12-31".into(), Written::Standard, 0))
        );
    }

    #[test]
    fn the_own_date_is_the_first_date_line() {
        let now = |text: &str| {
            let f = said(text);
            f.into_iter().find(|f| f.0 == "date.year").map(|f| f.4)
        };
        // Dated 2011: 25 lies beyond ten years ahead, so it is 1925.
        assert_eq!(
            now("（2011年9月1日）\n力争25年底完成。\n（2030年1月1日）\n").as_deref(),
            Some("年份写全：“1925年”")
        );
        assert_eq!(
            now("（2015年9月1日）\n力争25年底完成。\n").as_deref(),
            Some("年份写全：“2025年”")
        );
        // Undated: before 50 is this century.
        assert_eq!(
            now("力争49年底完成。\n").as_deref(),
            Some("年份写全：“2049年”")
        );
        assert_eq!(
            now("力争50年底完成。\n").as_deref(),
            Some("年份写全：“1950年”")
        );
    }

    #[test]
    fn a_short_year_names_itself_and_its_full_form() {
        assert_eq!(
            said("（2025年9月1日）\n力争05年3月、35年底和36年度完成。\n"),
            [
                finding("date.year", 2, 3, "年份“05年”简写了", "年份写全：“2005年”"),
                finding("date.year", 2, 9, "年份“35年”简写了", "年份写全：“2035年”"),
                finding("date.year", 2, 14, "年份“36年”简写了", "年份写全：“1936年”"),
            ]
        );
    }

    #[test]
    fn what_follows_a_year() {
        let years = |s: &str| -> Vec<(usize, i32)> {
            short_years(&chars(s), Some(2025))
                .into_iter()
                .map(|(at, _, y)| (at, y))
                .collect()
        };
        for s in [
            "25年初",
            "25年末",
            "25年年中",
            "25年上半年",
            "25年下半年",
            "25年第一季度",
            "25年第二季度",
            "25年第三季度",
            "25年第四季度",
            "25年春节",
            "25年12月",
        ] {
            assert_eq!(years(s), [(0, 2025)], "{s}");
        }
        for s in [
            "25年13月",
            "25年0月",
            "25年3日",
            "25年第五季度",
            "25年",
            "125年底",
            "1.25年底",
        ] {
            assert_eq!(years(s), [], "{s}");
        }
        assert_eq!(years("25年底25年底"), [(0, 2025), (4, 2025)]);
        assert_eq!(years("甲25年底"), [(1, 2025)]);
    }
}
