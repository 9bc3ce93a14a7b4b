//! Numbering after GB/T 9704-2012 7.3.3: each level runs 一、二、三 without
//! a gap or a repeat, no level is skipped (1. straight under 一、), one
//! level keeps one way of writing its markers, and the markers take the
//! standard forms 一、 （一） 1. （1）. The spoken markers 第一， and 一是
//! must run without gaps too.

use std::collections::HashMap;

use super::{Draft, Finding, NUMBERING_FORM, NUMBERING_GAP, NUMBERING_MIXED, NUMBERING_SKIP};
use crate::markers::{Family, Form, Found};

/// The last marker seen at a level or of a spoken family.
#[derive(Clone)]
struct Seen {
    number: u64,
    form: Form,
    text: String,
    line: u32,
}

impl Seen {
    fn of(m: &Found, line: u32) -> Seen {
        Seen {
            number: m.number,
            form: m.form,
            text: m.text.clone(),
            line,
        }
    }
}

#[derive(Default)]
struct State {
    /// The last marker of each level 1–4 under the current parent.
    levels: [Option<Seen>; 5],
    /// The level of the last numbered marker (0 before any).
    current: u8,
    /// The last 第一，/一是 since the last numbered marker.
    spoken: HashMap<Family, Seen>,
    /// The last marker opening a line under the current 一、.
    prev_line_start: Option<(Family, Seen)>,
    /// For 第一，/首先， paragraphs: the numbered level they sit under, so
    /// that 其次， closes the 1. 2. 3. that followed 首先，.
    anchors: HashMap<Family, u8>,
}

fn shown(text: &str) -> &str {
    text.trim_end_matches(['，', ',', '：', ':'])
}

pub(crate) fn check(draft: &Draft<'_>, out: &mut Vec<Finding>) {
    let mut st = State::default();
    for (index, markers) in draft.markers.iter().enumerate() {
        let number = draft.source.lines[index].number;
        for m in markers {
            match m.family.level() {
                Some(level) if m.line_start => {
                    numbered(draft, &mut st, index, number, level, m, out)
                }
                _ => spoken(draft, &mut st, index, number, m, out),
            }
        }
    }
}

fn numbered(
    draft: &Draft<'_>,
    st: &mut State,
    index: usize,
    line: u32,
    level: u8,
    m: &Found,
    out: &mut Vec<Finding>,
) {
    let l = usize::from(level);
    let find =
        |rule, message: String, hint: String| draft.finding(rule, index, m.start, message, hint);
    skipped_level(draft, st, index, level, m, out);
    let standard = form_is_standard(draft, index, m, out);
    let prev = st.levels[l].clone();
    match &prev {
        Some(p) if m.number == p.number + 1 => {
            let mixed = standard && p.form != m.form && is_standard(m.family, p.form);
            if mixed {
                out.push(find(
                    &NUMBERING_MIXED,
                    format!(
                        "同一层序号写法不一致：第{}行是“{}”，这里是“{}”",
                        p.line,
                        shown(&p.text),
                        shown(&m.text)
                    ),
                    format!("统一写成“{}”这样", m.family.render(m.number)),
                ));
            }
        }
        Some(p) if m.number <= p.number => out.push(find(
            &NUMBERING_GAP,
            format!(
                "序号“{}”重复或倒退：上一个是第{}行的“{}”",
                shown(&m.text),
                p.line,
                shown(&p.text)
            ),
            format!("改成“{}”", m.family.render(p.number + 1)),
        )),
        Some(p) => out.push(find(
            &NUMBERING_GAP,
            format!(
                "序号不连续：第{}行是“{}”，这里是“{}”，中间缺了“{}”",
                p.line,
                shown(&p.text),
                shown(&m.text),
                shown(&m.family.render(p.number + 1))
            ),
            format!("改成“{}”，或补上缺的部分", m.family.render(p.number + 1)),
        )),
        None if m.number > 1 => {
            let reported = switched(draft, st, index, m, out);
            if !reported {
                out.push(find(
                    &NUMBERING_GAP,
                    format!(
                        "这一层从“{}”开始，前面没有“{}”",
                        shown(&m.text),
                        shown(&m.family.render(1))
                    ),
                    format!("改成“{}”，或补上前面的部分", m.family.render(1)),
                ));
            }
        }
        None => {}
    }
    st.levels[l] = Some(Seen::of(m, line));
    for deeper in st.levels.iter_mut().skip(l + 1) {
        *deeper = None;
    }
    st.current = level;
    st.anchors.retain(|_, a| *a < level);
    // A 第一， paragraph keeps its count over the 1. 2. beneath it.
    st.spoken
        .retain(|family, _| st.anchors.contains_key(family));
    st.prev_line_start = (level > 1).then(|| (m.family, Seen::of(m, line)));
}

/// A marker of `level` right under one two levels up: the level between
/// was skipped (一、 then 1.).
fn skipped_level(
    draft: &Draft<'_>,
    st: &State,
    index: usize,
    level: u8,
    m: &Found,
    out: &mut Vec<Finding>,
) {
    let l = usize::from(level);
    let find =
        |rule, message: String, hint: String| draft.finding(rule, index, m.start, message, hint);
    if st.current >= 1 && level > st.current + 1 {
        let parent = st.levels[usize::from(st.current)]
            .as_ref()
            .map(|s| shown(&s.text).to_owned())
            .unwrap_or_default();
        let missing = level_family(st.current + 1);
        out.push(find(
            &NUMBERING_SKIP,
            format!(
                "第{}层序号“{}”直接出现在第{}层“{parent}”之下，跳过了第{}层",
                crate::zh::numeral(l as u64),
                shown(&m.text),
                crate::zh::numeral(u64::from(st.current)),
                crate::zh::numeral(u64::from(st.current + 1)),
            ),
            format!(
                "按“一、 （一） 1. （1）”逐层使用：这一层改用“{}”“{}”……，或在上面补上“{}”一层",
                missing.render(1),
                missing.render(2),
                missing.render(1)
            ),
        ));
    }
}

/// Whether the marker is written as the standard writes its level (一、
/// （一） 1. （1）); a level-1 or level-3 marker in another form is
/// reported here.
fn form_is_standard(draft: &Draft<'_>, index: usize, m: &Found, out: &mut Vec<Finding>) -> bool {
    let find =
        |rule, message: String, hint: String| draft.finding(rule, index, m.start, message, hint);
    match (m.family, m.form) {
        (Family::Level1, Form::Dunhao) => true,
        (Family::Level1, _) => {
            out.push(find(
                &NUMBERING_FORM,
                format!("第一层序号写成了“{}”", shown(&m.text)),
                format!("国标写作“{}”（汉字数字加顿号）", m.family.render(m.number)),
            ));
            false
        }
        (Family::Level3, Form::Dunhao) => {
            out.push(find(
                &NUMBERING_FORM,
                format!("第三层序号写成了“{}”", m.text),
                format!(
                    "国标写作“{}”（阿拉伯数字加下脚点）",
                    m.family.render(m.number)
                ),
            ));
            false
        }
        // Half-width parentheses are reported by punct.halfwidth.
        (_, Form::HalfParens | Form::MixedParens) => false,
        _ => true,
    }
}

fn is_standard(family: Family, form: Form) -> bool {
    match family {
        Family::Level1 => form == Form::Dunhao,
        Family::Level3 => matches!(form, Form::Dot | Form::FullDot),
        _ => form == Form::FullParens,
    }
}

fn level_family(level: u8) -> Family {
    match level {
        1 => Family::Level1,
        2 => Family::Level2,
        3 => Family::Level3,
        _ => Family::Level4,
    }
}

/// A marker that continues the previous line's list in another style
/// (（一）（二） then 第三，) is one finding of inconsistency, not a gap.
fn switched(
    draft: &Draft<'_>,
    st: &State,
    index: usize,
    m: &Found,
    out: &mut Vec<Finding>,
) -> bool {
    let Some((family, prev)) = &st.prev_line_start else {
        return false;
    };
    if !m.line_start || *family == m.family || prev.number + 1 != m.number {
        return false;
    }
    out.push(draft.finding(
        &NUMBERING_MIXED,
        index,
        m.start,
        format!(
            "同一层序号混用：第{}行是“{}”，这里接着用了“{}”",
            prev.line,
            shown(&prev.text),
            shown(&m.text)
        ),
        format!("同一层用同一种序号：改成“{}”", family.render(m.number)),
    ));
    true
}

fn spoken(
    draft: &Draft<'_>,
    st: &mut State,
    index: usize,
    line: u32,
    m: &Found,
    out: &mut Vec<Finding>,
) {
    if m.line_start {
        // 第一， paragraphs sit under a numbered level: what is numbered
        // below them starts afresh with each of them.
        let anchor = *st.anchors.entry(m.family).or_insert(st.current);
        for deeper in st.levels.iter_mut().skip(usize::from(anchor) + 1) {
            *deeper = None;
        }
        st.current = anchor;
    }
    if !matches!(m.family, Family::Di | Family::Yishi) {
        return;
    }
    let find = |message: String, hint: String| {
        draft.finding(&NUMBERING_GAP, index, m.start, message, hint)
    };
    let prev = st.spoken.get(&m.family).cloned();
    match prev {
        _ if m.number == 1 => {}
        Some(p) if m.number == p.number + 1 => {}
        Some(p) if m.number <= p.number => out.push(find(
            format!(
                "“{}”重复或倒退：上一个是第{}行的“{}”",
                shown(&m.text),
                p.line,
                shown(&p.text)
            ),
            format!("改成“{}”", shown(&m.family.render(p.number + 1))),
        )),
        Some(p) => out.push(find(
            format!(
                "序号不连续：第{}行是“{}”，这里是“{}”，中间缺了“{}”",
                p.line,
                shown(&p.text),
                shown(&m.text),
                shown(&m.family.render(p.number + 1))
            ),
            format!(
                "改成“{}”，或补上缺的部分",
                shown(&m.family.render(p.number + 1))
            ),
        )),
        None => {
            if !switched(draft, st, index, m, out) {
                out.push(find(
                    format!(
                        "“{}”前面没有“{}”",
                        shown(&m.text),
                        shown(&m.family.render(1))
                    ),
                    format!("补上“{}”，或检查序号", shown(&m.family.render(1))),
                ));
            }
        }
    }
    st.spoken.insert(m.family, Seen::of(m, line));
    if m.line_start {
        st.prev_line_start = Some((m.family, Seen::of(m, line)));
    }
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use crate::lint::{Selection, check};

    fn found(text: &str) -> Vec<(String, u32)> {
        let only = Selection::new(&["numbering".into()], &[]).unwrap_or_default();
        check(Path::new("a.txt"), text, &only)
            .into_iter()
            .map(|f| (f.rule.id.to_owned(), f.diagnostic.line))
            .collect()
    }

    #[test]
    fn each_level_runs_on_under_its_parent() {
        let ok = "一、甲\n（一）子\n1.孙\n2.孙\n（二）子\n二、乙\n（一）子\n第一，要。\n第二，要。\n三、丙\n";
        assert!(found(ok).is_empty(), "{:?}", found(ok));
        let gap = "一、甲\n（一）子\n（三）子\n";
        assert_eq!(found(gap), [("numbering.gap".to_owned(), 3)]);
        let repeat = "一、甲\n二、乙\n二、丙\n";
        assert_eq!(found(repeat), [("numbering.gap".to_owned(), 3)]);
    }

    #[test]
    fn spoken_paragraphs_restart_the_lists_under_them() {
        let text = "一、丙\n（一）子\n首先，要抓机制。\n1.甲\n2.乙\n其次，要抓措施。\n1.丙\n2.丁\n";
        assert!(found(text).is_empty(), "{:?}", found(text));
    }

    fn said(text: &str) -> Vec<(u32, String)> {
        crate::lint::messages(text, "numbering")
    }

    fn one(line: u32, message: &str) -> Vec<(u32, String)> {
        vec![(line, message.to_owned())]
    }

    #[test]
    fn gaps_repeats_and_a_late_start_say_which_marker() {
        assert_eq!(
            said("一、甲\n（一）子\n1.孙\n3.孙\n"),
            one(4, "序号不连续：第3行是“1.”，这里是“3.”，中间缺了“2.”")
        );
        assert_eq!(
            said("一、甲\n（一）子\n1.孙\n1.孙\n"),
            one(4, "序号“1.”重复或倒退：上一个是第3行的“1.”")
        );
        assert_eq!(
            said("二、甲\n"),
            one(1, "这一层从“二、”开始，前面没有“一、”")
        );
        // Each new parent starts its children afresh.
        assert_eq!(
            said("一、甲\n（一）子\n（二）子\n二、乙\n（二）子\n"),
            one(5, "这一层从“（二）”开始，前面没有“（一）”")
        );
        let deep = "一、甲\n（一）子\n1.孙\n（1）曾\n（二）子\n1.孙\n二、乙\n（一）子\n";
        assert_eq!(said(deep), []);
        assert_eq!(said("（一）子\n（二）子\n一、甲\n（一）子\n"), []);
    }

    #[test]
    fn a_skipped_level_names_both_levels() {
        assert_eq!(
            said("一、甲\n1.孙\n"),
            one(2, "第三层序号“1.”直接出现在第一层“一、”之下，跳过了第二层")
        );
        assert_eq!(
            said("一、甲\n（1）孙\n"),
            one(
                2,
                "第四层序号“（1）”直接出现在第一层“一、”之下，跳过了第二层"
            )
        );
        assert_eq!(
            said("一、甲\n（一）子\n（1）孙\n"),
            one(
                3,
                "第四层序号“（1）”直接出现在第二层“（一）”之下，跳过了第三层"
            )
        );
        let f = crate::lint::findings("一、甲\n（一）子\n（1）孙\n", "numbering");
        assert_eq!(
            f[0].diagnostic.hint.as_deref(),
            Some("按“一、 （一） 1. （1）”逐层使用：这一层改用“1.”“2.”……，或在上面补上“1.”一层")
        );
        let f = crate::lint::findings("一、甲\n1.孙\n", "numbering");
        assert!(
            f[0].diagnostic
                .hint
                .as_deref()
                .is_some_and(|h| h.contains("改用“（一）”“（二）”")),
            "{:?}",
            f[0].diagnostic.hint
        );
    }

    #[test]
    fn forms_the_standard_does_not_use() {
        assert_eq!(
            said("一.甲\n二.乙\n"),
            [
                (1, "第一层序号写成了“一.”".to_owned()),
                (2, "第一层序号写成了“二.”".to_owned())
            ]
        );
        assert_eq!(said("1、甲\n"), one(1, "第三层序号写成了“1、”"));
        // Half-width parentheses are punct's to report, and not as mixed.
        assert_eq!(said("(一)甲\n(二)乙\n"), []);
        assert_eq!(said("（一）甲\n(二)乙\n"), []);
        // Two standard forms of one level side by side.
        assert_eq!(
            said("一、甲\n（一）子\n1.孙\n2．孙\n"),
            one(4, "同一层序号写法不一致：第3行是“1.”，这里是“2．”")
        );
        let f = crate::lint::findings("一、甲\n（一）子\n1.孙\n2．孙\n", "numbering");
        assert_eq!(f[0].rule.id, "numbering.mixed");
        // A non-standard form followed by the standard one is one finding
        // of form, not a mixture too.
        assert_eq!(said("1、甲\n2.乙\n"), one(1, "第三层序号写成了“1、”"));
    }

    #[test]
    fn a_list_continued_in_another_style_is_one_mixture() {
        for (text, msg) in [
            (
                "（一）甲\n（二）乙\n第三，丙\n",
                "同一层序号混用：第2行是“（二）”，这里接着用了“第三”",
            ),
            (
                "（一）甲\n（二）乙\n三是丙\n",
                "同一层序号混用：第2行是“（二）”，这里接着用了“三是”",
            ),
            (
                "第一，甲\n第二，乙\n（三）丙\n",
                "同一层序号混用：第2行是“第二”，这里接着用了“（三）”",
            ),
            (
                "一、甲\n（一）子\n（二）子\n3.孙\n",
                "同一层序号混用：第3行是“（二）”，这里接着用了“3.”",
            ),
        ] {
            assert_eq!(said(text), one(text.lines().count() as u32, msg), "{text}");
            let f = crate::lint::findings(text, "numbering");
            assert_eq!(f[0].rule.id, "numbering.mixed", "{text}");
        }
        // Not the next number: a gap, not a mixture.
        assert_eq!(
            said("（一）甲\n（二）乙\n第四，丙\n"),
            one(3, "“第四”前面没有“第一”")
        );
        // Inside a line, a marker continues nothing.
        assert_eq!(
            said("（一）甲\n（二）乙\n要做到：三是丙。\n"),
            one(3, "“三是”前面没有“一是”")
        );
        // Nor is a level-1 marker that goes on from a lower list a gap.
        assert_eq!(
            said("（一）甲\n（二）乙\n三、丙\n"),
            one(3, "同一层序号混用：第2行是“（二）”，这里接着用了“三、”")
        );
    }

    #[test]
    fn spoken_markers_count_in_their_paragraph_and_across() {
        assert_eq!(
            said("第一，甲。第三，乙。\n"),
            one(1, "序号不连续：第1行是“第一”，这里是“第三”，中间缺了“第二”")
        );
        assert_eq!(
            said("第一，甲。第二，乙。第二，丙。\n"),
            one(1, "“第二”重复或倒退：上一个是第1行的“第二”")
        );
        assert_eq!(said("第二，甲。\n"), one(1, "“第二”前面没有“第一”"));
        assert_eq!(said("二是甲。\n"), one(1, "“二是”前面没有“一是”"));
        let f = crate::lint::findings("第一，甲。第三，乙。\n", "numbering");
        assert_eq!(
            f[0].diagnostic.hint.as_deref(),
            Some("改成“第二”，或补上缺的部分")
        );
        let f = crate::lint::findings("第一，甲。第二，乙。第二，丙。\n", "numbering");
        assert_eq!(f[0].diagnostic.hint.as_deref(), Some("改成“第三”"));
        // 首先 and 其次 are not counted.
        assert_eq!(said("其次，甲。\n"), []);
        // A new heading starts the count again.
        assert_eq!(
            said("（一）子\n第一，甲。\n第二，乙。\n（二）子\n第一，丙。\n"),
            []
        );
    }

    #[test]
    fn what_one_level_carries_to_the_next() {
        // A standard marker after a non-standard one is not a mixture on
        // top of the form finding; nor is a half-width one before.
        assert_eq!(said("一.甲\n二、乙\n"), one(1, "第一层序号写成了“一.”"));
        assert_eq!(said("(一)甲\n（二）乙\n"), []);
        // A 第二， right under 一、 is missing its 第一, not continuing 一、.
        assert_eq!(said("一、甲\n第二，乙。\n"), one(2, "“第二”前面没有“第一”"));
        // 第一， under （一） ends with it: under （二） the count starts again.
        assert_eq!(
            said("（一）子\n第一，甲。\n第二，乙。\n（二）子\n第三，丙。\n"),
            one(5, "同一层序号混用：第4行是“（二）”，这里接着用了“第三”")
        );
        // A marker inside a line is a reference, not a heading.
        assert_eq!(said("一、甲\n按本办法第（三）项执行。\n"), []);
    }

    #[test]
    fn a_spoken_paragraph_keeps_its_count_over_the_list_beneath_it() {
        let text = "一、甲\n（一）子\n第一，要抓机制。\n1.甲\n2.乙\n第二，要抓措施。\n1.丙\n";
        assert_eq!(said(text), []);
        let text = "一、甲\n（一）子\n一是要抓机制。\n1.甲\n2.乙\n二是要抓措施。\n1.丙\n";
        assert_eq!(said(text), []);
        // Inline 一是 are counted within what the heading holds.
        let text = "（一）子\n要做到：一是甲；二是乙。\n（二）子\n要做到：二是丙。\n";
        assert_eq!(said(text), one(4, "“二是”前面没有“一是”"));
    }

    #[test]
    fn inline_yishi_runs_without_gaps() {
        assert!(found("要做到：一是甲；二是乙；三是丙。\n").is_empty());
        assert_eq!(
            found("要做到：一是甲；二是乙；四是丙。\n"),
            [("numbering.gap".to_owned(), 1)]
        );
    }
}
