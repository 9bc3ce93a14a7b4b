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
