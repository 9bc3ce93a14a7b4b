//! The dated knowledge some rules need, kept as data a 公文 writer can read
//! and extend (genre/lint/): the anniversaries and meetings a draft greets,
//! and the rules and standards that have been replaced. Read once, on first
//! use.

use std::sync::OnceLock;

use chrono::{Datelike, NaiveDate};
use serde::Deserialize;

use crate::calendar::parse_date;

const ANNIVERSARIES: &str = include_str!("../../genre/lint/anniversaries.yaml");
const SUPERSEDED: &str = include_str!("../../genre/lint/superseded.yaml");
const REPEATED: &str = include_str!("../../genre/lint/repeated.yaml");

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawDates {
    anniversaries: Vec<RawAnniversary>,
    events: Vec<RawEvent>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawAnniversary {
    names: Vec<String>,
    since: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawEvent {
    names: Vec<String>,
    date: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawSuperseded {
    cited: Vec<String>,
    issued: i32,
    replaced_by: String,
    from: String,
}

/// Something a draft may greet, and how to date it.
#[derive(Debug, Clone)]
pub enum Occasion {
    /// `names` hold `{n}`; the n-th anniversary of `since`.
    Anniversary {
        names: Vec<String>,
        since: NaiveDate,
    },
    /// A meeting or event on `date`.
    Event { names: Vec<String>, date: NaiveDate },
}

/// A rule or standard a draft should no longer cite.
#[derive(Debug, Clone)]
pub struct Superseded {
    pub cited: Vec<String>,
    pub issued: i32,
    pub replaced_by: String,
    pub from: NaiveDate,
}

/// The occasions of genre/lint/anniversaries.yaml.
pub fn occasions() -> &'static [Occasion] {
    static TABLE: OnceLock<Vec<Occasion>> = OnceLock::new();
    TABLE.get_or_init(|| parse_occasions(ANNIVERSARIES).unwrap_or_default())
}

/// The entries of genre/lint/superseded.yaml.
pub fn superseded() -> &'static [Superseded] {
    static TABLE: OnceLock<Vec<Superseded>> = OnceLock::new();
    TABLE.get_or_init(|| parse_superseded(SUPERSEDED).unwrap_or_default())
}

/// The groups of set phrases of genre/lint/repeated.yaml: each a list of
/// forms that count as one saying.
pub fn set_phrases() -> &'static [Vec<String>] {
    static TABLE: OnceLock<Vec<Vec<String>>> = OnceLock::new();
    TABLE.get_or_init(|| {
        crate::yaml::parse::<Vec<Vec<String>>>(REPEATED, 0)
            .value
            .unwrap_or_default()
    })
}

fn date(s: &str) -> Result<NaiveDate, String> {
    parse_date(s).ok_or_else(|| format!("“{s}”不是 年-月-日 格式的日期"))
}

fn parse_occasions(text: &str) -> Result<Vec<Occasion>, String> {
    let raw: RawDates = crate::yaml::parse(text, 0)
        .value
        .map_err(|e| format!("{}:{}: {}", e.line, e.column, e.message))?;
    let mut out = Vec::new();
    for a in raw.anniversaries {
        if a.names.iter().any(|n| !n.contains("{n}")) {
            return Err(format!("周年名称要含 {{n}}：{:?}", a.names));
        }
        out.push(Occasion::Anniversary {
            since: date(&a.since)?,
            names: a.names,
        });
    }
    for e in raw.events {
        out.push(Occasion::Event {
            date: date(&e.date)?,
            names: e.names,
        });
    }
    Ok(out)
}

fn parse_superseded(text: &str) -> Result<Vec<Superseded>, String> {
    let raw: Vec<RawSuperseded> = crate::yaml::parse(text, 0)
        .value
        .map_err(|e| format!("{}:{}: {}", e.line, e.column, e.message))?;
    raw.into_iter()
        .map(|r| {
            Ok(Superseded {
                from: date(&r.from)?,
                cited: r.cited,
                issued: r.issued,
                replaced_by: r.replaced_by,
            })
        })
        .collect()
}

/// The occasion a greeting names at the start of `text` (建党95周年,
/// 新中国成立七十周年, 党的十九大): its name as written, and its day.
pub fn occasion_at(text: &[char]) -> Option<(String, NaiveDate)> {
    let mut best: Option<(String, NaiveDate)> = None;
    for occasion in occasions() {
        let found = match occasion {
            Occasion::Event { names, date } => names
                .iter()
                .find(|n| text.starts_with(&n.chars().collect::<Vec<_>>()))
                .map(|n| (n.clone(), *date)),
            Occasion::Anniversary { names, since } => names.iter().find_map(|n| {
                let (head, tail) = n.split_once("{n}")?;
                let (years, len) = years_at(text, head, tail)?;
                let day =
                    NaiveDate::from_ymd_opt(since.year() + years, since.month(), since.day())?;
                Some((text[..len].iter().collect(), day))
            }),
        };
        if let Some(f) = found
            && best
                .as_ref()
                .is_none_or(|b| f.0.chars().count() > b.0.chars().count())
        {
            best = Some(f);
        }
    }
    best
}

/// `head` N `tail` at the start of `text`, N in Arabic or Chinese numerals:
/// N and the length of the match.
fn years_at(text: &[char], head: &str, tail: &str) -> Option<(i32, usize)> {
    let head: Vec<char> = head.chars().collect();
    let tail: Vec<char> = tail.chars().collect();
    if !text.starts_with(&head) {
        return None;
    }
    let rest = &text[head.len()..];
    // No count of years runs past a few characters: read no further.
    let digits = rest
        .iter()
        .take(9)
        .take_while(|c| c.is_ascii_digit() || "〇零一二两三四五六七八九十百".contains(**c))
        .count();
    if digits == 0 || digits > 8 || !rest[digits..].starts_with(&tail) {
        return None;
    }
    let number: String = rest[..digits].iter().collect();
    let n = number
        .parse::<u64>()
        .ok()
        .or_else(|| crate::zh::parse_numeral(&number))?;
    Some((i32::try_from(n).ok()?, head.len() + digits + tail.len()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        parse_date(s).unwrap_or_default()
    }

    #[test]
    fn the_shipped_tables_parse() {
        assert!(
            parse_occasions(ANNIVERSARIES).is_ok(),
            "{:?}",
            parse_occasions(ANNIVERSARIES).err()
        );
        assert!(
            parse_superseded(SUPERSEDED).is_ok(),
            "{:?}",
            parse_superseded(SUPERSEDED).err()
        );
        assert!(occasions().len() >= 6);
        assert!(
            superseded()
                .iter()
                .any(|s| s.cited.iter().any(|c| c == "《国家行政机关公文处理办法》"))
        );
    }

    #[test]
    fn anniversaries_are_dated_in_either_numerals() {
        let at = |s: &str| occasion_at(&s.chars().collect::<Vec<_>>());
        assert_eq!(
            at("建党95周年。"),
            Some(("建党95周年".to_owned(), d("2016-07-01")))
        );
        assert_eq!(
            at("建党九十五周年"),
            Some(("建党九十五周年".to_owned(), d("2016-07-01")))
        );
        assert_eq!(
            at("新中国成立70周年"),
            Some(("新中国成立70周年".to_owned(), d("2019-10-01")))
        );
        assert_eq!(
            at("党的十九大胜利召开"),
            Some(("党的十九大".to_owned(), d("2017-10-18")))
        );
        assert_eq!(at("全年安全生产目标"), None);
        assert_eq!(
            at("党的100岁生日"),
            Some(("党的100岁生日".to_owned(), d("2021-07-01")))
        );
        assert_eq!(
            at("建党一百周年"),
            Some(("建党一百周年".to_owned(), d("2021-07-01")))
        );
        assert_eq!(
            at("北京奥运会开幕"),
            Some(("北京奥运会".to_owned(), d("2008-08-08")))
        );
    }

    #[test]
    fn what_is_no_anniversary() {
        let at = |s: &str| occasion_at(&s.chars().collect::<Vec<_>>());
        for s in [
            "建党周年",
            "建党95年",
            "建党95",
            "建党123456789周年",
            "建党12345678周年",
            "党建95周年",
            "在建党95周年",
        ] {
            assert_eq!(at(s), None, "{s}");
        }
    }

    #[test]
    fn a_broken_table_is_an_error_not_a_panic() {
        assert!(
            parse_occasions("anniversaries: [{names: [建党], since: 1921-07-01}]\nevents: []\n")
                .is_err()
        );
        assert!(
            parse_superseded(
                "- cited: [甲]\n  issued: 2000\n  replaced_by: 乙\n  from: 2012-13-01\n"
            )
            .is_err()
        );
    }
}
