//! Citing a document. Its 发文字号 written as GB/T 9704-2012 7.2.5 says:
//! the year in full inside 六角括号 〔〕, the number without 第 and without a
//! leading 0 ("示政发〔2025〕3号", not "示政发[2025]3号", "〔25〕", "第3号",
//! "03号"). The title first, then the 文号 in round brackets
//! ("《…规划》（示政发〔2025〕3号）"). And no rule that has been replaced
//! (genre/lint/superseded.yaml), unless the draft is older than its successor.

use super::date_form::own_date;
use super::tables::superseded;
use super::{CITE_NUMBER, CITE_ORDER, CITE_SUPERSEDED, Draft, Finding};
use crate::calendar::cn_date;

/// Brackets writers put around a 文号's year; only the first pair is right.
const BRACKETS: [(char, char); 8] = [
    ('〔', '〕'),
    ('[', ']'),
    ('［', '］'),
    ('(', ')'),
    ('（', '）'),
    ('【', '】'),
    ('﹝', '﹞'),
    ('{', '}'),
];

/// The longest 机关代字 shown in a hint: 人社部办发, 国办发, 示政发.
const MAX_CODE: usize = 6;

/// A 文号 found in a line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Number {
    /// Where the Han characters before its bracket start (its 机关代字 and
    /// perhaps words before it), and where it ends (past 号).
    pub start: usize,
    pub end: usize,
    /// Where its year's opening bracket stands.
    pub bracket: usize,
    pub problems: Vec<String>,
    /// The 文号 as GB/T 9704 writes it.
    pub fixed: String,
}

/// Every 发文字号 in `chars`: a 机关代字 of Han characters, a bracketed year,
/// a number and 号.
pub(crate) fn numbers(chars: &[char]) -> Vec<Number> {
    let mut out = Vec::new();
    for bracket in 1..chars.len() {
        let Some(&(open, close)) = BRACKETS.iter().find(|(o, _)| *o == chars[bracket]) else {
            continue;
        };
        if !crate::zh::is_han(chars[bracket - 1]) {
            continue;
        }
        let year_len = chars[bracket + 1..]
            .iter()
            .take_while(|c| c.is_ascii_digit())
            .count();
        let after_year = bracket + 1 + year_len;
        if !(year_len == 2 || year_len == 4) || chars.get(after_year) != Some(&close) {
            continue;
        }
        let mut at = after_year + 1;
        let di = chars.get(at) == Some(&'第');
        if di {
            at += 1;
        }
        let n_len = chars[at..]
            .iter()
            .take_while(|c| c.is_ascii_digit())
            .count();
        if n_len == 0 || chars.get(at + n_len) != Some(&'号') {
            continue;
        }
        // The 机关代字 runs back to the first character that is not Han; a
        // longer run holds words before it ("按照校党委校党发"), and the code
        // is then left out of the hint.
        let run = chars[..bracket]
            .iter()
            .rev()
            .take_while(|&&c| crate::zh::is_han(c))
            .count();
        let start = bracket - run;
        let code: String = if run <= MAX_CODE {
            chars[start..bracket].iter().collect()
        } else {
            String::new()
        };
        let year: String = chars[bracket + 1..after_year].iter().collect();
        let number: String = chars[at..at + n_len].iter().collect();
        let mut problems = Vec::new();
        if open != '〔' {
            problems.push(format!("年份用了“{open}{close}”，应当用六角括号“〔〕”"));
        }
        if year_len == 2 {
            problems.push(format!("年份“{year}”没有写全"));
        }
        if di {
            problems.push("顺序号前加了“第”".to_owned());
        }
        if number.len() > 1 && number.starts_with('0') {
            problems.push(format!("顺序号“{number}”编了虚位"));
        }
        let full_year = if year_len == 2 {
            format!("20{year}")
        } else {
            year
        };
        let fixed = format!("{code}〔{full_year}〕{}号", number.trim_start_matches('0'));
        out.push(Number {
            start,
            end: at + n_len + 1,
            bracket,
            problems,
            fixed,
        });
    }
    out
}

pub(crate) fn check(draft: &Draft<'_>, out: &mut Vec<Finding>) {
    let today = own_date(draft);
    for (index, line) in draft.source.lines.iter().enumerate() {
        let chars = &line.chars;
        for n in numbers(chars) {
            if !n.problems.is_empty() {
                out.push(draft.finding(
                    &CITE_NUMBER,
                    index,
                    n.bracket,
                    format!("发文字号{}", n.problems.join("；")),
                    format!("写成“{}”", n.fixed),
                ));
            }
            order(draft, index, chars, &n, out);
        }
        for entry in superseded() {
            if today.is_some_and(|d| d < entry.from) {
                continue;
            }
            for cited in &entry.cited {
                let needle: Vec<char> = cited.chars().collect();
                let Some(at) = (0..chars.len()).find(|&i| chars[i..].starts_with(&needle)) else {
                    continue;
                };
                out.push(draft.finding(
                    &CITE_SUPERSEDED,
                    index,
                    at,
                    format!(
                        "{cited}（{}年）已被{}取代，{}起施行",
                        entry.issued,
                        entry.replaced_by,
                        cn_date(entry.from)
                    ),
                    format!("改引{}", entry.replaced_by),
                ));
            }
        }
    }
}

/// A 文号 before the title it belongs to ("示政发〔2025〕3号《…》"), or after
/// it without round brackets ("《…》示政发〔2025〕3号").
fn order(draft: &Draft<'_>, index: usize, chars: &[char], n: &Number, out: &mut Vec<Finding>) {
    let after: String = chars[n.end..].iter().take(3).collect();
    let title_follows =
        after.starts_with('《') || after.starts_with("文件《") || after.starts_with("文《");
    // 《甲》和乙发〔2025〕3号 cites two documents, not one.
    let title_precedes = n.start > 0
        && chars[n.start - 1] == '》'
        && !chars[n.start..n.bracket]
            .first()
            .is_some_and(|c| "和与及并暨或的".contains(*c));
    let number: String = chars[n.bracket..n.end].iter().collect();
    if title_follows {
        out.push(draft.finding(
            &CITE_ORDER,
            index,
            n.bracket,
            format!("发文字号“…{number}”写在了标题前面"),
            "引用公文先引标题，后引发文字号：《标题》（发文字号）",
        ));
    } else if title_precedes {
        out.push(draft.finding(
            &CITE_ORDER,
            index,
            n.start,
            format!("发文字号“…{number}”紧跟在标题后面，没有括起来"),
            format!("发文字号放在标题后的圆括号里：》（{}）", n.fixed),
        ));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(s: &str) -> Vec<(String, Vec<String>)> {
        let chars: Vec<char> = s.chars().collect();
        numbers(&chars)
            .into_iter()
            .map(|n| (n.fixed, n.problems))
            .collect()
    }

    #[test]
    fn numbers_in_the_standard_form_pass() {
        let f = found("根据《示范区发展规划》（示政发〔2025〕3号）精神");
        assert_eq!(f.len(), 1);
        assert!(f[0].1.is_empty(), "{f:?}");
        assert_eq!(f[0].0, "示政发〔2025〕3号");
    }

    #[test]
    fn numbers_in_other_forms_are_fixed() {
        for (s, fixed) in [
            ("示政发[2025]3号", "示政发〔2025〕3号"),
            ("示政发（2025）3号", "示政发〔2025〕3号"),
            ("示政发【2025】3号", "示政发〔2025〕3号"),
            ("示政发﹝2025﹞3号", "示政发〔2025〕3号"),
            ("示政发〔25〕3号", "示政发〔2025〕3号"),
            ("示政发〔2025〕第3号", "示政发〔2025〕3号"),
            ("示政发〔2025〕03号", "示政发〔2025〕3号"),
        ] {
            let f = found(s);
            assert_eq!(f.len(), 1, "{s}");
            assert_eq!(f[0].0, fixed, "{s}");
            assert!(!f[0].1.is_empty(), "{s}");
        }
        assert!(found("（2025）年度").is_empty());
        assert!(found("第3号文件").is_empty());
    }
}

#[cfg(test)]
mod drafts {
    use crate::lint::{findings, found_at};

    /// (column, message, hint) of each finding of `rule`, on one line.
    fn said(text: &str, rule: &str) -> Vec<(u32, String, String)> {
        findings(text, rule)
            .into_iter()
            .map(|f| {
                let d = f.diagnostic;
                (d.column, d.message, d.hint.unwrap_or_default())
            })
            .collect()
    }

    #[test]
    fn every_fault_of_a_number_is_named_at_its_bracket() {
        assert_eq!(
            said("（示政发[25]第03号）\n", "cite.number"),
            [(
                5,
                "发文字号年份用了“[]”，应当用六角括号“〔〕”；年份“25”没有写全；\
                 顺序号前加了“第”；顺序号“03”编了虚位"
                    .to_owned(),
                "写成“示政发〔2025〕3号”".to_owned()
            )]
        );
        // 0号 and 10号 are numbers, not padding.
        assert_eq!(said("见示政发〔2025〕10号。\n", "cite.number"), []);
        assert_eq!(said("见示政发〔2025〕0号。\n", "cite.number"), []);
    }

    #[test]
    fn the_code_in_the_hint_is_the_han_run_before_the_bracket_when_short() {
        let hint = |text: &str| said(text, "cite.number").remove(0).2;
        assert_eq!(
            hint("（人社部办发[2025]3号）\n"),
            "写成“人社部办发〔2025〕3号”"
        );
        assert_eq!(hint("按照校党委校党发[2025]3号\n"), "写成“〔2025〕3号”");
        assert_eq!(hint("依据党委校党发[2025]3号\n"), "写成“〔2025〕3号”");
        assert_eq!(
            hint("依党委校党发[2025]3号\n"),
            "写成“依党委校党发〔2025〕3号”"
        );
    }

    #[test]
    fn what_is_not_a_number() {
        for text in [
            "[2025]3号",
            "a[2025]3号",
            "示政发〔202〕3号",
            "示政发〔20255〕3号",
            "示政发〔2025）3号",
            "示政发〔2025〕号",
            "示政发〔2025〕第号",
            "示政发〔2025〕3",
            "示政发〔2025〕3件",
            "示政发〔",
            "示政发〔2025",
        ] {
            assert_eq!(said(&format!("{text}\n"), "cite"), [], "{text}");
        }
    }

    #[test]
    fn the_order_finding_points_at_the_number_and_gives_the_fix() {
        assert_eq!(
            said(
                "根据示政发〔2025〕3号《示范区发展规划》精神\n",
                "cite.order"
            ),
            [(
                6,
                "发文字号“…〔2025〕3号”写在了标题前面".to_owned(),
                "引用公文先引标题，后引发文字号：《标题》（发文字号）".to_owned()
            )]
        );
        for text in [
            "示政发〔2025〕3号文件《规划》",
            "示政发〔2025〕3号文《规划》",
        ] {
            assert_eq!(said(&format!("{text}\n"), "cite.order").len(), 1, "{text}");
        }
        assert_eq!(said("示政发〔2025〕3号的《规划》\n", "cite.order"), []);
        assert_eq!(
            said("根据《示范区发展规划》示政发[2025]3号精神\n", "cite.order"),
            [(
                12,
                "发文字号“…[2025]3号”紧跟在标题后面，没有括起来".to_owned(),
                "发文字号放在标题后的圆括号里：》（示政发〔2025〕3号）".to_owned()
            )]
        );
        // Two documents, joined; and a number opening the line.
        for text in [
            "《甲规划》和乙发〔2025〕3号",
            "《甲规划》与乙发〔2025〕3号",
            "《甲规划》及乙发〔2025〕3号",
            "示政发〔2025〕3号精神",
            "《规划》，示政发〔2025〕3号",
        ] {
            assert_eq!(said(&format!("{text}\n"), "cite.order"), [], "{text}");
        }
    }

    #[test]
    fn a_superseded_rule_names_its_successor() {
        assert_eq!(
            said("执行GB/T 9704-1999的规定。\n", "cite.superseded"),
            [(
                3,
                "GB/T 9704-1999（1999年）已被《党政机关公文格式》（GB/T 9704-2012）取代，\
                 2012年7月1日起施行"
                    .to_owned(),
                "改引《党政机关公文格式》（GB/T 9704-2012）".to_owned()
            )]
        );
        // A draft dated the day the successor took effect cites it already.
        let cite = "根据《国家行政机关公文处理办法》办理。\n";
        assert_eq!(
            found(&format!("（2012年7月1日）\n{cite}"), "cite.superseded"),
            [2]
        );
        assert!(found(&format!("（2012年6月30日）\n{cite}"), "cite.superseded").is_empty());
    }

    fn found(text: &str, rule: &str) -> Vec<u32> {
        found_at(text, rule)
            .into_iter()
            .map(|(line, _)| line)
            .collect()
    }

    #[test]
    fn a_replaced_rule_is_cited_only_by_drafts_older_than_its_successor() {
        let cite = "根据《国家行政机关公文处理办法》的规定，现将有关事项通知如下。\n";
        assert_eq!(
            found(&format!("（2015年3月1日）\n{cite}"), "cite.superseded"),
            [2]
        );
        assert_eq!(
            found(cite, "cite.superseded"),
            [1],
            "an undated draft is taken as current"
        );
        assert!(found(&format!("（2010年3月1日）\n{cite}"), "cite.superseded").is_empty());
        assert!(
            found(
                "根据《党政机关公文处理工作条例》办理。\n",
                "cite.superseded"
            )
            .is_empty()
        );
    }

    #[test]
    fn the_title_comes_first_and_the_number_in_round_brackets() {
        assert!(found("根据《示范区发展规划》（示政发〔2025〕3号）精神\n", "cite").is_empty());
        assert_eq!(
            found(
                "根据示政发〔2025〕3号《示范区发展规划》精神\n",
                "cite.order"
            ),
            [1]
        );
        assert_eq!(
            found(
                "根据《示范区发展规划》示政发〔2025〕3号精神\n",
                "cite.order"
            ),
            [1]
        );
    }
}
