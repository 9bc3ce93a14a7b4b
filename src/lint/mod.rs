//! `bigan lint`: the checks a careful reader makes on any draft, generated
//! or hand-written: Markdown, plain text, a Word document or a web page,
//! and a Word document's page against GB/T 9704 ([`layout`]). Each rule has an id, a basis
//! (the national standard and clause, or common practice) and a severity;
//! a finding says what is wrong, where (line:column) and how to fix it.
//!
//! The rules live one family per file; [`RULES`] lists them all, and
//! docs/lint.md documents them and the JSON output.

mod attach;
mod cite;
mod count;
pub(crate) mod date;
mod date_form;
mod debris;
mod dup;
mod genre;
mod greeted;
pub mod layout;
mod nested;
mod numbering;
mod phrase;
mod placeholder;
mod repeated;
/// The enumeration markers live in [`crate::markers`] (import reads them
/// too); this path stays for the tests that name it.
pub use crate::markers;
mod punct;
pub mod report;
mod script;
mod sentence;
mod single;
pub mod source;
mod span;
pub mod tables;

use std::path::Path;

use crate::diagnostic::{Diagnostic, Severity, SourceText};
use crate::markers::Found;
use source::Source;

/// What a rule rests on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Basis {
    /// A national standard, with the clause.
    Standard(&'static str),
    /// Common practice of the genre.
    Practice,
}

impl Basis {
    /// 国标 or 实务.
    pub fn kind(self) -> &'static str {
        match self {
            Basis::Standard(_) => "国标",
            Basis::Practice => "实务",
        }
    }

    /// The standard and clause, for a 国标 rule.
    pub fn source(self) -> Option<&'static str> {
        match self {
            Basis::Standard(s) => Some(s),
            Basis::Practice => None,
        }
    }
}

/// One check.
#[derive(Debug)]
pub struct Rule {
    /// Stable id, `family.name`; `--rule family` selects the whole family.
    pub id: &'static str,
    pub severity: Severity,
    pub basis: Basis,
    /// What it checks, in Chinese, for `--list-rules`.
    pub summary: &'static str,
}

const NUMBERING: Basis = Basis::Standard("GB/T 9704-2012 7.3.3");
const PUNCTUATION: Basis = Basis::Standard("GB/T 15834-2011 第5章");
const NESTING: Basis = Basis::Standard("GB/T 15834-2011 4.8.3.4、4.15.3.5");
const DOCUMENT_NUMBER: Basis = Basis::Standard("GB/T 9704-2012 7.2.5");
const ATTACHMENTS: Basis = Basis::Standard("GB/T 9704-2012 7.3.4");
const DATE_OF_ISSUE: Basis = Basis::Standard("GB/T 9704-2012 7.3.5.4");

macro_rules! rule {
    ($name:ident, $id:literal, $sev:ident, $basis:expr, $summary:literal) => {
        pub static $name: Rule = Rule {
            id: $id,
            severity: Severity::$sev,
            basis: $basis,
            summary: $summary,
        };
    };
}

rule!(
    COUNT_POINTS,
    "count.points",
    Error,
    Basis::Practice,
    "“讲N点意见”与后面的一、二、……的数目一致"
);
rule!(
    COUNT_PHASES,
    "count.phases",
    Error,
    Basis::Practice,
    "“分N个阶段”与后面列出的阶段数一致"
);
rule!(
    COUNT_ITEMS,
    "count.items",
    Error,
    Basis::Practice,
    "“N项工作/任务/措施”“N个方面”与后面的一是、1.……数目一致"
);
rule!(
    COUNT_LIST,
    "count.list",
    Error,
    Basis::Practice,
    "“N个好”“N带头”“N句话”等与“即……”后面列举的项数一致"
);
rule!(
    NUMBERING_GAP,
    "numbering.gap",
    Error,
    NUMBERING,
    "同一层序号连续：一、二、三，不跳号、不重号"
);
rule!(
    NUMBERING_SKIP,
    "numbering.skip",
    Warning,
    NUMBERING,
    "序号不越级：一、之下先用（一），再用1."
);
rule!(
    NUMBERING_MIXED,
    "numbering.mixed",
    Warning,
    NUMBERING,
    "同一层序号写法一致，不混用（一）与第一，、1.与1．"
);
rule!(
    NUMBERING_FORM,
    "numbering.form",
    Warning,
    NUMBERING,
    "序号按国标写：一、 （一） 1. （1），不写1、或一．"
);
rule!(
    LIST_SINGLE,
    "list.single",
    Warning,
    Basis::Practice,
    "只有一项不编序号：没有“2.”的“1.”、没有“二是”的“一是”"
);
rule!(
    PLACEHOLDER,
    "placeholder",
    Error,
    Basis::Practice,
    "没有残留的占位符：xx、XX、***、某某、20xx、××、{{ }}、空的【】"
);
rule!(
    PLACEHOLDER_COUNT,
    "placeholder.count",
    Error,
    Basis::Practice,
    "数目要写明：不写“讲几点意见”“分几个阶段”"
);
rule!(
    MARKUP_EMPHASIS,
    "markup.emphasis",
    Error,
    Basis::Practice,
    "Markdown 的 *楷体*、**粗体** 标记生效，不把星号原样印出来"
);
rule!(
    PUNCT_HALFWIDTH,
    "punct.halfwidth",
    Warning,
    PUNCTUATION,
    "中文里用全角标点，不用半角的 , : ; ! ? ( )"
);
rule!(
    PUNCT_QUOTES,
    "punct.quotes",
    Warning,
    PUNCTUATION,
    "中文里用弯引号“”‘’，不用直引号\"和'"
);
rule!(
    PUNCT_NESTED,
    "punct.nested",
    Warning,
    NESTING,
    "引号里面用‘’，书名号里面用〈〉：不写“甲“乙”丙”、《关于印发《方案》的通知》"
);
rule!(
    PUNCT_SPACE,
    "punct.space",
    Warning,
    Basis::Practice,
    "汉字之间没有多余的空格"
);
rule!(
    TEXT_TRADITIONAL,
    "text.traditional",
    Warning,
    Basis::Practice,
    "简体文稿中不夹繁体字"
);
rule!(
    DEBRIS_URL,
    "debris.url",
    Error,
    Basis::Practice,
    "没有从网页带来的网址"
);
rule!(
    DEBRIS_SITE,
    "debris.site",
    Error,
    Basis::Practice,
    "没有网页残留：当前位置、点击次数、来源、更多>、收集整理等"
);
rule!(
    DEBRIS_PINYIN,
    "debris.pinyin",
    Error,
    Basis::Practice,
    "没有网页加注的拼音，如“醫(yī)”"
);
rule!(
    DUP_PARAGRAPH,
    "dup.paragraph",
    Warning,
    Basis::Practice,
    "同一段话没有出现两次"
);
rule!(
    DUP_SENTENCE,
    "dup.sentence",
    Warning,
    Basis::Practice,
    "同一句话（12字以上）没有一字不差地出现两次"
);
rule!(
    DATE_INVALID,
    "date.invalid",
    Error,
    Basis::Practice,
    "日期确实存在，如没有2010年2月30日"
);
rule!(
    DATE_SPAN,
    "date.span",
    Error,
    Basis::Practice,
    "一个月之内的时间不写成“从9月到9月”：写“9月份”或“9月1日至15日”"
);
rule!(
    DATE_GREETED,
    "date.greeted",
    Error,
    Basis::Practice,
    "文稿的日期已过了某个纪念日或会议，就不再“迎接”它（如2016年9月迎接建党95周年）"
);
rule!(
    DATE_FORM,
    "date.form",
    Warning,
    DATE_OF_ISSUE,
    "成文日期用阿拉伯数字，月、日不编虚位：2026年3月1日"
);
rule!(
    DATE_YEAR,
    "date.year",
    Warning,
    Basis::Practice,
    "年份不简写：“2025年底”，不写“25年底”"
);
rule!(
    PHRASE_TAUTOLOGY,
    "phrase.tautology",
    Warning,
    Basis::Practice,
    "不写“以X为主要内容的X”：活动不以它自己为主要内容"
);
rule!(
    PHRASE_REPEATED,
    "phrase.repeated",
    Warning,
    Basis::Practice,
    "醒目的套话和比喻（既当指挥员又当战斗员、钉钉子、一竿子插到底……）一篇文稿里只用一次"
);
rule!(
    PHRASE_HE,
    "phrase.he",
    Warning,
    Basis::Practice,
    "一个短语里不连用两个“和”：写“甲、乙和丙”或“甲和乙以及丙”"
);
rule!(
    CITE_NUMBER,
    "cite.number",
    Warning,
    DOCUMENT_NUMBER,
    "发文字号的年份写全并用〔〕，顺序号不加“第”、不编虚位：示政发〔2025〕3号"
);
rule!(
    CITE_ORDER,
    "cite.order",
    Warning,
    Basis::Practice,
    "引用公文先引标题，后引发文字号：《……》（示政发〔2025〕3号）"
);
rule!(
    CITE_SUPERSEDED,
    "cite.superseded",
    Error,
    Basis::Practice,
    "不引用已被取代的规定，如《国家行政机关公文处理办法》"
);
rule!(
    ATTACH_LIST,
    "attach.list",
    Warning,
    ATTACHMENTS,
    "附件说明：多个附件用“1.”“2.”编号，一个附件不编号，附件名称后不加标点"
);
rule!(
    GENRE_REPORT,
    "genre.report",
    Error,
    Basis::Practice,
    "报告不夹带请示事项：“妥否，请批示”属于请示"
);

/// Every rule, in the order findings of one line are listed.
pub static RULES: [&Rule; 42] = [
    &COUNT_POINTS,
    &COUNT_PHASES,
    &COUNT_ITEMS,
    &COUNT_LIST,
    &NUMBERING_GAP,
    &NUMBERING_SKIP,
    &NUMBERING_MIXED,
    &NUMBERING_FORM,
    &LIST_SINGLE,
    &PLACEHOLDER,
    &PLACEHOLDER_COUNT,
    &MARKUP_EMPHASIS,
    &PUNCT_HALFWIDTH,
    &PUNCT_QUOTES,
    &PUNCT_NESTED,
    &PUNCT_SPACE,
    &TEXT_TRADITIONAL,
    &DEBRIS_URL,
    &DEBRIS_SITE,
    &DEBRIS_PINYIN,
    &DUP_PARAGRAPH,
    &DUP_SENTENCE,
    &DATE_INVALID,
    &DATE_SPAN,
    &DATE_GREETED,
    &DATE_FORM,
    &DATE_YEAR,
    &PHRASE_TAUTOLOGY,
    &PHRASE_HE,
    &PHRASE_REPEATED,
    &CITE_NUMBER,
    &CITE_ORDER,
    &CITE_SUPERSEDED,
    &ATTACH_LIST,
    &GENRE_REPORT,
    &layout::LAYOUT_PAGE,
    &layout::LAYOUT_MARGINS,
    &layout::LAYOUT_BODY,
    &layout::LAYOUT_GRID,
    &layout::LAYOUT_TITLE,
    &layout::LAYOUT_HEADINGS,
    &layout::LAYOUT_PAGE_NUMBER,
];

/// The rule with id `id`.
pub fn rule(id: &str) -> Option<&'static Rule> {
    RULES.iter().copied().find(|r| r.id == id)
}

/// One finding: a diagnostic and the rule that made it.
#[derive(Debug, Clone)]
pub struct Finding {
    pub rule: &'static Rule,
    pub diagnostic: Diagnostic,
}

/// Which rules run.
#[derive(Debug, Clone)]
pub struct Selection {
    enabled: Vec<&'static str>,
}

impl Default for Selection {
    fn default() -> Self {
        Selection {
            enabled: RULES.iter().map(|r| r.id).collect(),
        }
    }
}

impl Selection {
    /// Every rule in `only` (all when empty), less those in `skip`. An id
    /// may name a whole family (`count`). An unknown id is an error whose
    /// message lists the rules.
    pub fn new(only: &[String], skip: &[String]) -> Result<Selection, String> {
        let expand = |ids: &[String]| -> Result<Vec<&'static str>, String> {
            let mut out = Vec::new();
            for id in ids {
                let id = id.trim();
                let matched: Vec<&'static str> = RULES
                    .iter()
                    .filter(|r| r.id == id || r.id.split('.').next() == Some(id))
                    .map(|r| r.id)
                    .collect();
                if matched.is_empty() {
                    let ids = RULES.iter().map(|r| r.id);
                    let near = crate::diagnostic::closest(id, ids)
                        .map(|s| format!("是否想写“{s}”？"))
                        .unwrap_or_default();
                    return Err(format!(
                        "没有叫“{id}”的规则。{near}可用的规则：{}（也可以只写前缀，如 count）",
                        RULES.iter().map(|r| r.id).collect::<Vec<_>>().join("、")
                    ));
                }
                out.extend(matched);
            }
            Ok(out)
        };
        let mut enabled = if only.is_empty() {
            RULES.iter().map(|r| r.id).collect()
        } else {
            expand(only)?
        };
        let skipped = expand(skip)?;
        enabled.retain(|id| !skipped.contains(id));
        Ok(Selection { enabled })
    }

    pub fn includes(&self, rule: &Rule) -> bool {
        self.enabled.contains(&rule.id)
    }
}

/// A draft ready to be checked: its lines and the markers on each.
pub(crate) struct Draft<'a> {
    pub path: &'a Path,
    /// The text, shared by the findings' caret displays.
    pub text: SourceText,
    pub source: Source,
    /// Markers of each line, by line index.
    pub markers: Vec<Vec<Found>>,
}

impl Draft<'_> {
    /// A finding at visible character `at` of line index `line`.
    pub fn finding(
        &self,
        rule: &'static Rule,
        line: usize,
        at: usize,
        message: impl Into<String>,
        hint: impl Into<String>,
    ) -> Finding {
        let (number, column) = match self.source.lines.get(line) {
            Some(l) => (l.number, l.column(at)),
            None => (0, 0),
        };
        let mut d = Diagnostic::error(self.path, number, column, message).with_source(&self.text);
        d.severity = rule.severity;
        let hint = hint.into();
        if !hint.is_empty() {
            d = d.with_hint(hint);
        }
        Finding {
            rule,
            diagnostic: d,
        }
    }
}

/// Checks the draft `text` (read from `path`) with the selected rules.
/// Findings come sorted by line and column.
pub fn check(path: &Path, text: &str, selection: &Selection) -> Vec<Finding> {
    check_source(path, text, Source::new(path, text), selection)
}

/// Checks a draft in any format [`crate::input`] reads: its text with
/// every rule, and a Word document's page against GB/T 9704.
pub fn check_document(doc: &crate::input::Document, selection: &Selection) -> Vec<Finding> {
    let source = match doc.format {
        crate::input::Format::Text => Source::new(&doc.path, &doc.text),
        _ => Source::from_blocks(&doc.blocks),
    };
    let mut out = check_source(&doc.path, &doc.text, source, selection);
    if let Some(docx) = &doc.docx {
        out.extend(
            layout::check(&doc.path, &doc.text, docx)
                .into_iter()
                .filter(|f| selection.includes(f.rule)),
        );
        sort(&mut out);
    }
    out
}

fn check_source(path: &Path, text: &str, source: Source, selection: &Selection) -> Vec<Finding> {
    // The 附件说明's numbers are the attachments', not the body's levels.
    let mut attachments = vec![false; source.lines.len()];
    for i in attach::lines(&source) {
        attachments[i] = true;
    }
    let markers = source
        .lines
        .iter()
        .enumerate()
        .map(|(i, l)| {
            if l.heading == Some(1) || attachments[i] {
                Vec::new()
            } else {
                markers::scan(&l.chars)
            }
        })
        .collect();
    let draft = Draft {
        path,
        text: SourceText::new(text.strip_prefix('\u{feff}').unwrap_or(text).to_owned()),
        source,
        markers,
    };
    let mut out = Vec::new();
    count::check(&draft, &mut out);
    numbering::check(&draft, &mut out);
    placeholder::check(&draft, &mut out);
    punct::check(&draft, &mut out);
    script::check(&draft, &mut out);
    debris::check(&draft, &mut out);
    dup::check(&draft, &mut out);
    date::check(&draft, &mut out);
    // After the numbering rules: a list they report is not a list of one.
    single::check(&draft, &mut out);
    nested::check(&draft, &mut out);
    sentence::check(&draft, &mut out);
    span::check(&draft, &mut out);
    greeted::check(&draft, &mut out);
    date_form::check(&draft, &mut out);
    phrase::check(&draft, &mut out);
    repeated::check(&draft, &mut out);
    cite::check(&draft, &mut out);
    attach::check(&draft, &mut out);
    genre::check(&draft, &mut out);
    out.retain(|f| selection.includes(f.rule));
    sort(&mut out);
    out
}

/// By line and column (findings about a whole file first), then in the
/// order of [`RULES`].
fn sort(out: &mut [Finding]) {
    let order = |r: &Rule| {
        RULES
            .iter()
            .position(|x| x.id == r.id)
            .unwrap_or(usize::MAX)
    };
    out.sort_by(|a, b| {
        (a.diagnostic.line, a.diagnostic.column, order(a.rule)).cmp(&(
            b.diagnostic.line,
            b.diagnostic.column,
            order(b.rule),
        ))
    });
}

/// What the rules `rule` (an id or a family) find in the plain text `text`.
#[cfg(test)]
pub(crate) fn findings(text: &str, rule: &str) -> Vec<Finding> {
    let only = Selection::new(&[rule.into()], &[]).unwrap_or_default();
    check(Path::new("a.txt"), text, &only)
}

/// Where the rules `rule` (an id or a family) find something in the plain
/// text `text`: (line, column) of each finding.
#[cfg(test)]
pub(crate) fn found_at(text: &str, rule: &str) -> Vec<(u32, u32)> {
    findings(text, rule)
        .into_iter()
        .map(|f| (f.diagnostic.line, f.diagnostic.column))
        .collect()
}

/// What the rules `rule` say about the plain text `text`: the line and
/// message of each finding.
#[cfg(test)]
pub(crate) fn messages(text: &str, rule: &str) -> Vec<(u32, String)> {
    findings(text, rule)
        .into_iter()
        .map(|f| (f.diagnostic.line, f.diagnostic.message))
        .collect()
}

/// What the rules `rule` say about the plain text `text`: the line,
/// column, message and hint of each finding.
#[cfg(test)]
pub(crate) fn said(text: &str, rule: &str) -> Vec<(u32, u32, String, String)> {
    findings(text, rule)
        .into_iter()
        .map(|f| {
            let d = f.diagnostic;
            (d.line, d.column, d.message, d.hint.unwrap_or_default())
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rule_ids_are_unique_and_families_select() {
        let mut ids: Vec<&str> = RULES.iter().map(|r| r.id).collect();
        ids.sort_unstable();
        ids.dedup();
        assert_eq!(ids.len(), RULES.len());
        let s = Selection::new(&["count".into()], &["count.list".into()]).unwrap_or_default();
        assert!(s.includes(&COUNT_POINTS));
        assert!(!s.includes(&COUNT_LIST));
        assert!(!s.includes(&PLACEHOLDER));
    }

    #[test]
    fn an_unknown_rule_lists_the_rules() {
        let Err(e) = Selection::new(&["numbering.gaps".into()], &[]) else {
            panic!("accepted an unknown rule")
        };
        assert!(e.contains("numbering.gap"), "{e}");
        assert!(e.contains("是否想写“numbering.gap”"), "{e}");
    }
}
