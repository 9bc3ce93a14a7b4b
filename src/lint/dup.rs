//! The same paragraph twice: a copy-and-paste slip that a reader notices
//! at once. Short lines (同志们：, headings of two words) may repeat.

use std::collections::HashMap;

use super::{DUP_PARAGRAPH, Draft, Finding};

/// Paragraphs shorter than this many Han characters may repeat.
const MIN_HAN: usize = 15;

pub(crate) fn check(draft: &Draft<'_>, out: &mut Vec<Finding>) {
    let mut seen: HashMap<String, u32> = HashMap::new();
    for (index, line) in draft.source.lines.iter().enumerate() {
        let key: String = line.chars.iter().filter(|c| !c.is_whitespace()).collect();
        if key.chars().filter(|&c| crate::zh::is_han(c)).count() < MIN_HAN {
            continue;
        }
        match seen.get(&key) {
            Some(&first) => out.push(draft.finding(
                &DUP_PARAGRAPH,
                index,
                line.indent(),
                format!("这一段与第{first}行的段落完全相同"),
                "删去重复的一段，或改写其中一段",
            )),
            None => {
                seen.insert(key, line.number);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::lint::{found_at, messages};

    #[test]
    fn a_paragraph_said_twice_is_found_where_it_repeats() {
        let para = "要把这项工作摆上重要议事日程，切实抓紧抓好。";
        let text = format!("{para}\n同志们：\n {para}\n同志们：\n");
        assert_eq!(
            messages(&text, "dup.paragraph"),
            [(3, "这一段与第1行的段落完全相同".to_owned())]
        );
        assert_eq!(found_at(&text, "dup.paragraph"), [(3, 2)], "at its text");
        // Said a third time, it is still the first one it repeats.
        let thrice = format!("{para}\n{para}\n{para}\n");
        let lines: Vec<(u32, String)> = messages(&thrice, "dup.paragraph");
        assert_eq!(lines.len(), 2);
        assert!(lines.iter().all(|(_, m)| m.contains("第1行")), "{lines:?}");
    }

    #[test]
    fn short_lines_may_repeat() {
        // Fifteen Han characters make a paragraph; fourteen do not.
        let fifteen = "一二三四五六七八九十一二三四五";
        assert_eq!(
            messages(&format!("{fifteen}\n{fifteen}\n"), "dup.paragraph").len(),
            1
        );
        let fourteen = "一二三四五六七八九十一二三四";
        assert!(messages(&format!("{fourteen}\n{fourteen}\n"), "dup.paragraph").is_empty());
    }
}
