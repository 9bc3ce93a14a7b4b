//! A numbered list of one: "（二）活动标准 / 1.合格党员的标准是……" with no 2.
//! An item that stands alone is written without a number (and 一是 without
//! 二是 is not a list either).
//!
//! A list whose numbering another rule already reports (a skipped level, a
//! gap, a list carried on in another form) is left to that rule.

use super::{Draft, Finding, LIST_SINGLE};
use crate::markers::Family;

/// A list being read: its first marker and how many items it has had.
struct Open {
    line: usize,
    start: usize,
    text: String,
    items: u32,
    first_number: u64,
    /// Whether its level was reached by skipping one (reported elsewhere).
    skipped: bool,
}

pub(crate) fn check(draft: &Draft<'_>, out: &mut Vec<Finding>) {
    let mut lists: [Option<Open>; 5] = Default::default();
    let mut current = 0u8;
    let mut singles: Vec<(Open, usize)> = Vec::new();
    let last = draft.markers.len();
    for (index, markers) in draft.markers.iter().enumerate() {
        for m in markers {
            if let Some(level) = m.family.level().filter(|_| m.line_start) {
                let l = usize::from(level);
                for deeper in lists.iter_mut().skip(l + 1) {
                    if let Some(open) = deeper.take() {
                        singles.push((open, index));
                    }
                }
                match &mut lists[l] {
                    Some(open) => open.items += 1,
                    slot => {
                        *slot = Some(Open {
                            line: index,
                            start: m.start,
                            text: m.text.clone(),
                            items: 1,
                            first_number: m.number,
                            skipped: current >= 1 && level > current + 1,
                        })
                    }
                }
                current = level;
            }
        }
        // 一是 with no 二是 in the same paragraph.
        let yishi: Vec<_> = markers
            .iter()
            .filter(|m| m.family == Family::Yishi)
            .collect();
        if let [only] = yishi.as_slice()
            && only.number == 1
        {
            out.push(draft.finding(
                &LIST_SINGLE,
                index,
                only.start,
                "只有“一是”，没有“二是”".to_owned(),
                "只有一项就不用“一是”，直接说",
            ));
        }
    }
    for open in lists.into_iter().flatten() {
        singles.push((open, last));
    }
    // The lines where a numbering rule found something, sorted, to ask
    // whether a list's lines hold one.
    let mut reported: Vec<u32> = out
        .iter()
        .filter(|f| f.rule.id.starts_with("numbering."))
        .map(|f| f.diagnostic.line)
        .collect();
    reported.sort_unstable();
    for (open, end) in singles {
        if open.items != 1 || open.first_number != 1 || open.skipped {
            continue;
        }
        let first_line = draft.source.lines[open.line].number;
        let end_line = draft.source.lines.get(end).map_or(u32::MAX, |l| l.number);
        let next = reported.partition_point(|&l| l < first_line);
        if reported.get(next).is_some_and(|&l| l < end_line) {
            continue;
        }
        let shown = open.text.trim_end_matches(['，', '：']);
        out.push(draft.finding(
            &LIST_SINGLE,
            open.line,
            open.start,
            format!("这一层只有“{shown}”一项，没有第二项"),
            "只有一项就不编序号，把它直接写进上一层的段落里；或补上其余各项",
        ));
    }
}

#[cfg(test)]
mod tests {
    use crate::lint::found_at;

    fn found(text: &str) -> Vec<u32> {
        found_at(text, "list.single")
            .into_iter()
            .map(|(line, _)| line)
            .collect()
    }

    #[test]
    fn a_list_of_one() {
        assert_eq!(
            found("一、甲\n（一）活动标准\n1.合格党员的标准是……\n（二）乙\n二、丙\n"),
            [3]
        );
        assert_eq!(found("一、甲\n二、乙\n（一）只有一项\n"), [3]);
        assert_eq!(found("要做到：一是加强领导。\n"), [1]);
        assert!(found("一、甲\n（一）子\n1.孙\n2.孙\n（二）子\n二、乙\n").is_empty());
        assert!(found("要做到：一是甲；二是乙。\n").is_empty());
        assert!(found("一、甲\n二、乙\n三、丙\n").is_empty());
    }

    #[test]
    fn a_list_is_skipped_only_when_its_level_was() {
        // The first marker of a draft skips nothing.
        assert_eq!(found("（一）只有一项\n正文。\n"), [1]);
        // A shallower list opening under a deeper one skips nothing either.
        assert_eq!(found("一、甲\n1.孙\n2.孙\n（一）子\n"), [4]);
        assert_eq!(
            crate::lint::messages("（一）只有一项\n", "list.single"),
            [(1, "这一层只有“（一）”一项，没有第二项".to_owned())]
        );
    }

    #[test]
    fn only_a_finding_inside_the_list_leaves_it_to_numbering() {
        // 一. is numbering.form's, on the list's own first line.
        assert!(found("一.甲\n（一）子\n（二）子\n").is_empty());
        // The gap at 三、 ends the （一） list; it is not inside it.
        assert_eq!(found("一、甲\n（一）子\n三、乙\n"), [2]);
    }

    #[test]
    fn a_list_another_rule_reports_is_left_to_it() {
        // （一） then 第二，: one list carried on in another form, which
        // numbering.mixed reports.
        let mixed = "一、甲\n（一）子\n第二，要。\n二、乙\n（一）子\n（二）子\n";
        assert!(!found_at(mixed, "numbering").is_empty());
        assert!(found(mixed).is_empty(), "{:?}", found(mixed));
    }
}
