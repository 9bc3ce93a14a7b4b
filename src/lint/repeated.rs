//! A set phrase twice in one draft. A vivid saying (既当指挥员，又当战斗员;
//! 钉钉子; 一竿子插到底) lands once; the second time the reader hears
//! paragraphs pasted together. The sayings are data a 公文 writer extends:
//! genre/lint/repeated.yaml, one group of forms per line, any form counting
//! as the group.

use super::tables::set_phrases;
use super::{Draft, Finding, PHRASE_REPEATED};

pub(crate) fn check(draft: &Draft<'_>, out: &mut Vec<Finding>) {
    let groups = set_phrases();
    // For each group, the line where it was first used.
    let mut first: Vec<Option<u32>> = vec![None; groups.len()];
    for (index, line) in draft.source.lines.iter().enumerate() {
        let text = line.text();
        for (g, forms) in groups.iter().enumerate() {
            let Some((at, form)) = earliest(&text, forms) else {
                continue;
            };
            match first[g] {
                None => first[g] = Some(line.number),
                Some(before) => out.push(draft.finding(
                    &PHRASE_REPEATED,
                    index,
                    text[..at].chars().count(),
                    format!("“{form}”这个说法第{before}行已经用过，同一篇文稿里用一次就够了"),
                    "删去一处，或换一种说法",
                )),
            }
        }
    }
}

/// Where the first of `forms` stands in `text`: its byte offset and the
/// form.
fn earliest<'f>(text: &str, forms: &'f [String]) -> Option<(usize, &'f str)> {
    forms
        .iter()
        .filter_map(|f| text.find(f.as_str()).map(|at| (at, f.as_str())))
        .min_by_key(|&(at, _)| at)
}

#[cfg(test)]
mod tests {
    use crate::lint::messages;

    #[test]
    fn the_shipped_table_parses_into_groups() {
        let groups = crate::lint::tables::set_phrases();
        assert!(groups.len() >= 30, "{}", groups.len());
        assert!(
            groups
                .iter()
                .all(|g| !g.is_empty() && g.iter().all(|f| f.chars().count() >= 2))
        );
        assert!(groups.iter().any(|g| g == &["指挥员", "战斗员"]));
    }

    #[test]
    fn a_saying_used_twice_is_reported_at_the_second_use() {
        let text = "各级负责同志既当指挥员，又当战斗员。\n中间一段。\n班子成员不能只当指挥员、不当战斗员。\n";
        assert_eq!(
            messages(text, "phrase.repeated"),
            vec![(
                3,
                "“指挥员”这个说法第1行已经用过，同一篇文稿里用一次就够了".to_owned()
            )]
        );
    }

    #[test]
    fn a_saying_once_and_both_forms_in_one_line_are_fine() {
        let text = "要既当指挥员，又当战斗员，以钉钉子精神抓落实。\n要以上率下。\n";
        assert!(messages(text, "phrase.repeated").is_empty());
    }

    #[test]
    fn each_saying_is_counted_on_its_own() {
        let text = "钉钉子。\n只争朝夕。\n钉钉子。\n只争朝夕。\n";
        let lines: Vec<u32> = messages(text, "phrase.repeated")
            .into_iter()
            .map(|(line, _)| line)
            .collect();
        assert_eq!(lines, vec![3, 4]);
    }

    #[test]
    fn the_column_points_at_the_second_use() {
        let found = crate::lint::found_at("要钉钉子。\n一是要钉钉子。\n", "phrase.repeated");
        assert_eq!(found, vec![(2, 4)]);
    }
}
