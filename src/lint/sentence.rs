//! The same sentence twice, word for word: a template or a writer that
//! repeats itself ("要把这项工作摆上重要议事日程" in two points). A sentence
//! of 12 字 or more counts; a whole repeated paragraph is left to
//! dup.paragraph.

use std::collections::HashMap;

use super::{DUP_SENTENCE, Draft, Finding};

/// Sentences shorter than this many 字 (Han characters and digits) may repeat.
const MIN_ZI: usize = 12;

/// Paragraphs of at least this many Han characters are dup.paragraph's.
const PARAGRAPH_HAN: usize = 15;

fn zi(s: &[char]) -> usize {
    s.iter()
        .filter(|&&c| crate::zh::is_han(c) || c.is_ascii_digit())
        .count()
}

/// The sentences of a line after its marker (`from`): where each starts,
/// and its text without spaces, as a key.
fn sentences(chars: &[char], from: usize) -> Vec<(usize, String)> {
    let mut out = Vec::new();
    let mut start = from;
    for (i, &c) in chars.iter().enumerate().skip(from) {
        if "。！？".contains(c) || i + 1 == chars.len() {
            let body = &chars[start..=i];
            let lead = body
                .iter()
                .take_while(|c| c.is_whitespace() || **c == '”')
                .count();
            let key: String = body.iter().filter(|c| !c.is_whitespace()).collect();
            if zi(body) >= MIN_ZI {
                out.push((start + lead, key));
            }
            start = i + 1;
        }
    }
    out
}

pub(crate) fn check(draft: &Draft<'_>, out: &mut Vec<Finding>) {
    let mut seen: HashMap<String, u32> = HashMap::new();
    let mut paragraphs: HashMap<String, u32> = HashMap::new();
    for (index, line) in draft.source.lines.iter().enumerate() {
        let whole: String = line.chars.iter().filter(|c| !c.is_whitespace()).collect();
        let han = whole.chars().filter(|&c| crate::zh::is_han(c)).count();
        let repeated_paragraph = han >= PARAGRAPH_HAN && paragraphs.contains_key(&whole);
        paragraphs.entry(whole).or_insert(line.number);
        // "2.研讨结束后……" and "研讨结束后……" say the same sentence.
        let marker = draft.markers[index]
            .iter()
            .find(|m| m.line_start)
            .map_or(0, |m| m.end);
        for (at, key) in sentences(&line.chars, marker) {
            match seen.get(&key) {
                Some(&first) if !repeated_paragraph => out.push(draft.finding(
                    &DUP_SENTENCE,
                    index,
                    at,
                    format!("这句话与第{first}行的一句一字不差"),
                    "删去一处，或换一种说法",
                )),
                Some(_) => {}
                None => {
                    seen.insert(key, line.number);
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sentences_of_twelve_zi_or_more() {
        let chars: Vec<char> = "同志们好。要把这项工作摆上重要议事日程，抓紧抓实！短句。"
            .chars()
            .collect();
        let found: Vec<String> = sentences(&chars, 0).into_iter().map(|(_, k)| k).collect();
        assert_eq!(found, ["要把这项工作摆上重要议事日程，抓紧抓实！"]);
        let numbered: Vec<char> = "2.研讨结束后，支部书记要把问题列成清单。".chars().collect();
        assert_eq!(sentences(&numbered, 2)[0].0, 2);
    }

    #[test]
    fn a_sentence_said_again_is_found_where_it_repeats() {
        let s = "要把这项工作摆上重要议事日程。";
        let text = format!("同志们好。{s}\n第二段。 {s}\n");
        assert_eq!(
            crate::lint::messages(&text, "dup.sentence"),
            [(2, "这句话与第1行的一句一字不差".to_owned())]
        );
        assert_eq!(crate::lint::found_at(&text, "dup.sentence"), [(2, 6)]);
        // Behind a number, or with its spaces moved, it is the same sentence.
        let numbered = format!("{s}\n2.要把这项工作 摆上重要议事日程。\n");
        assert_eq!(crate::lint::found_at(&numbered, "dup.sentence"), [(2, 3)]);
    }

    #[test]
    fn a_sentence_that_ends_its_line_without_a_stop_counts() {
        let s = "要把这项工作摆上重要议事日程";
        let text = format!("同志们好。{s}\n第二段。{s}\n");
        assert_eq!(crate::lint::found_at(&text, "dup.sentence"), [(2, 5)]);
    }

    #[test]
    fn short_sentences_and_whole_paragraphs_are_left_alone() {
        // Twelve 字 make a sentence that may not repeat; eleven may.
        let twelve = "一二三四五六七八九十一二。";
        let found = crate::lint::found_at(&format!("{twelve}\n{twelve}\n"), "dup.sentence");
        assert_eq!(found.len(), 1);
        let eleven = "一二三四五六七八九十一。";
        let found = crate::lint::found_at(&format!("{eleven}\n{eleven}\n"), "dup.sentence");
        assert!(found.is_empty());
        // A whole paragraph said twice is dup.paragraph's.
        let para = "要把这项工作摆上重要议事日程，切实抓紧抓好。";
        let text = format!("{para}\n{para}\n");
        assert!(crate::lint::found_at(&text, "dup.sentence").is_empty());
        assert_eq!(crate::lint::found_at(&text, "dup.paragraph").len(), 1);
    }
}
