//! The era a meeting falls in (genre/era.yaml): the 指导思想 formula and
//! the spirit to carry out by date, the words that belong to a period and
//! not before it, the central campaigns and who decided them, and the
//! anniversaries bigan can date itself.

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

use crate::zh;

/// A party congress.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Congress {
    /// 十八大
    pub name: String,
    pub opened: NaiveDate,
}

/// What a plan or speech says from `from` on.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Period {
    pub from: NaiveDate,
    /// 以习近平新时代中国特色社会主义思想为指导
    pub guiding: String,
    /// 党的十九大和十九届历次全会精神
    pub spirit: String,
}

/// A political formula and the day it entered use.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Term {
    /// 增强“四个意识”
    pub text: String,
    pub from: NaiveDate,
}

/// A campaign decided centrally.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Central {
    /// Names it goes by: 两学一做, 党史学习教育.
    pub names: Vec<String>,
    /// The names without marks, year or 活动, as a profile's name is
    /// compared with them: worked out once, when the table is checked.
    pub plain: Vec<String>,
    /// 党中央
    pub decided_by: String,
    /// The campaign type's key.
    pub kind: String,
    pub from: NaiveDate,
    pub to: Option<NaiveDate>,
    /// The official 总要求, punctuation and all: 守初心、担使命，找差距、抓落实.
    pub requirement: Option<String>,
}

impl Central {
    /// Its longest name, the one a plan spells out as 主要内容:
    /// 学党章党规、学系列讲话，做合格党员 for 两学一做.
    pub fn full_name(&self) -> Option<&str> {
        self.names
            .iter()
            .max_by_key(|n| n.chars().count())
            .map(String::as_str)
    }

    /// The official 总要求 when `items` are its phrases, however the
    /// profile split or punctuated them (四项、一项，顿号或逗号).
    pub fn requirement_in(&self, items: &[String]) -> Option<&str> {
        let official = self.requirement.as_deref()?;
        let given: Vec<&str> = items.iter().flat_map(|i| phrases(i)).collect();
        (given == phrases(official)).then_some(official)
    }
}

/// The phrases of a 总要求, whatever joins them.
fn phrases(text: &str) -> Vec<&str> {
    text.split(['、', '，', ',', '；', ';', ' ', '　'])
        .map(|p| p.trim_matches(|c: char| matches!(c, '“' | '”' | '"' | '。')))
        .filter(|p| !p.is_empty())
        .collect()
}

/// An anniversary counted from a day: 建党 from 1921-07-01.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Anniversary {
    pub names: Vec<String>,
    pub date: NaiveDate,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Era {
    /// The last day the table is known to hold for.
    pub until: NaiveDate,
    pub congresses: Vec<Congress>,
    /// In date order.
    pub periods: Vec<Period>,
    /// In date order.
    pub terms: Vec<Term>,
    pub campaigns: Vec<Central>,
    pub anniversaries: Vec<Anniversary>,
}

impl Era {
    /// The period `date` falls in: the last that began on or before it (the
    /// first when the date is older than the table).
    pub fn period(&self, date: NaiveDate) -> Option<&Period> {
        self.periods
            .iter()
            .rev()
            .find(|p| p.from <= date)
            .or(self.periods.first())
    }

    /// Whether `date` lies past what the table is known to hold for.
    pub fn is_past(&self, date: NaiveDate) -> bool {
        date > self.until
    }

    /// The political requirements in use on `date`, joined as a speech
    /// writes them: 增强“四个意识”、坚定“四个自信”、做到“两个维护”; empty
    /// before the first.
    pub fn political(&self, date: NaiveDate) -> String {
        // A term that frames the others (深刻领悟“两个确立”…) leads with a
        // comma; the rest are a 、-series.
        let (lead, rest): (Vec<&Term>, Vec<&Term>) = self
            .terms
            .iter()
            .filter(|t| t.from <= date)
            .partition(|t| t.text.starts_with("深刻领悟"));
        let rest: Vec<&str> = rest.iter().map(|t| t.text.as_str()).collect();
        let rest = rest.join("、");
        match lead.last() {
            Some(l) if rest.is_empty() => l.text.clone(),
            Some(l) => format!("{}，{rest}", l.text),
            None => rest,
        }
    }

    /// The central campaign `name` is, if it is one: 2016年“两学一做”学习教育
    /// → 两学一做.
    pub fn central(&self, name: &str) -> Option<&Central> {
        let plain = plain_name(name);
        self.campaigns
            .iter()
            .find(|c| c.plain.iter().any(|n| plain.contains(n.as_str())))
    }

    /// The day a milestone falls on, when bigan can tell: 建党90周年 →
    /// 2011-07-01; 新中国成立七十周年 → 2019-10-01; 党的十八大 → the day it
    /// opened.
    pub fn milestone_date(&self, name: &str) -> Option<NaiveDate> {
        for a in &self.anniversaries {
            for n in &a.names {
                if let Some(years) = years_after(name, n) {
                    let year = a.date.year() + i32::try_from(years).ok()?;
                    return a.date.with_year(year);
                }
            }
        }
        self.congresses
            .iter()
            .find(|c| name.contains(&c.name))
            .map(|c| c.opened)
    }
}

/// The count N in “{head}N周年” inside `name` (Arabic or Chinese numerals).
fn years_after(name: &str, head: &str) -> Option<u64> {
    let at = name.find(head)?;
    let after = &name[at + head.len()..];
    let end = after.find("周年")?;
    let count = after[..end].trim();
    count
        .parse::<u64>()
        .ok()
        .or_else(|| zh::parse_numeral(count))
}

/// A campaign's name without what varies in how people write it: quotation
/// marks, spaces, a leading year, and a final 活动.
pub(crate) fn plain_name(name: &str) -> String {
    let s: String = name
        .chars()
        .filter(|c| !matches!(c, '“' | '”' | '"' | '‘' | '’' | ' ' | '　'))
        .collect();
    let s = match s.find('年') {
        Some(i) if s[..i].chars().all(|c| c.is_ascii_digit()) && i > 0 => {
            s[i + '年'.len_utf8()..].to_owned()
        }
        _ => s,
    };
    s.strip_suffix("活动").map(str::to_owned).unwrap_or(s)
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        crate::calendar::parse_date(s).unwrap()
    }

    fn era() -> Era {
        Era {
            until: d("2027-09-30"),
            congresses: vec![Congress {
                name: "十八大".into(),
                opened: d("2012-11-08"),
            }],
            periods: vec![
                Period {
                    from: d("2007-10-15"),
                    guiding: "甲".into(),
                    spirit: "甲精神".into(),
                },
                Period {
                    from: d("2012-11-08"),
                    guiding: "乙".into(),
                    spirit: "乙精神".into(),
                },
            ],
            terms: vec![
                Term {
                    text: "增强“四个意识”".into(),
                    from: d("2016-01-29"),
                },
                Term {
                    text: "坚定“四个自信”".into(),
                    from: d("2016-07-01"),
                },
                Term {
                    text: "深刻领悟“两个确立”的决定性意义".into(),
                    from: d("2021-11-11"),
                },
            ],
            campaigns: vec![Central {
                names: vec!["两学一做".into()],
                plain: vec!["两学一做".into()],
                decided_by: "党中央".into(),
                kind: "study".into(),
                from: d("2016-02-01"),
                to: None,
                requirement: None,
            }],
            anniversaries: vec![Anniversary {
                names: vec!["建党".into(), "中国共产党成立".into()],
                date: d("1921-07-01"),
            }],
        }
    }

    #[test]
    fn a_date_takes_its_period() {
        let e = era();
        assert_eq!(e.period(d("2010-05-20")).unwrap().guiding, "甲");
        assert_eq!(e.period(d("2012-11-08")).unwrap().guiding, "乙");
        assert_eq!(e.period(d("2000-01-01")).unwrap().guiding, "甲");
        assert!(e.is_past(d("2028-01-01")));
        assert!(!e.is_past(d("2024-01-01")));
    }

    #[test]
    fn political_terms_appear_from_their_day() {
        let e = era();
        assert_eq!(e.political(d("2015-12-31")), "");
        assert_eq!(e.political(d("2016-03-01")), "增强“四个意识”");
        assert_eq!(
            e.political(d("2016-07-01")),
            "增强“四个意识”、坚定“四个自信”"
        );
        assert_eq!(
            e.political(d("2022-01-01")),
            "深刻领悟“两个确立”的决定性意义，增强“四个意识”、坚定“四个自信”"
        );
    }

    #[test]
    fn anniversaries_are_dated() {
        let e = era();
        assert_eq!(e.milestone_date("建党95周年"), Some(d("2016-07-01")));
        assert_eq!(
            e.milestone_date("中国共产党成立一百周年"),
            Some(d("2021-07-01"))
        );
        assert_eq!(e.milestone_date("党的十八大"), Some(d("2012-11-08")));
        assert_eq!(e.milestone_date("北京奥运会"), None);
    }

    #[test]
    fn the_official_requirement_is_known_however_the_items_are_split() {
        let mut c = era().campaigns[0].clone();
        c.requirement = Some("守初心、担使命，找差距、抓落实".into());
        let official = Some("守初心、担使命，找差距、抓落实");
        let items = |v: &[&str]| v.iter().map(|s| (*s).to_owned()).collect::<Vec<_>>();
        assert_eq!(
            c.requirement_in(&items(&["守初心", "担使命", "找差距", "抓落实"])),
            official
        );
        assert_eq!(
            c.requirement_in(&items(&["守初心、担使命、找差距、抓落实"])),
            official
        );
        assert_eq!(
            c.requirement_in(&items(&["“守初心、担使命，找差距、抓落实”"])),
            official
        );
        assert_eq!(
            c.requirement_in(&items(&["守初心", "担使命", "抓落实"])),
            None
        );
        assert_eq!(
            c.requirement_in(&items(&["学理论", "强党性", "找差距", "抓落实"])),
            None
        );
        assert_eq!(c.requirement_in(&[]), None);
        c.requirement = None;
        assert_eq!(c.requirement_in(&items(&["守初心"])), None);
    }

    #[test]
    fn central_campaigns_are_found_however_written() {
        let e = era();
        for name in [
            "两学一做",
            "“两学一做”学习教育",
            "2016年两学一做学习教育活动",
        ] {
            assert!(e.central(name).is_some(), "{name}");
        }
        assert!(e.central("创先争优").is_none());
    }
}
