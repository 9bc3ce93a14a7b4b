//! Punctuation of Chinese text (GB/T 15834-2011 第5章: Chinese text takes
//! the full-width marks): half-width , : ; ! ? ( ) next to Chinese, straight
//! quotes and the odd low quotes web pages leave (‚‛), and spaces between
//! Chinese characters. Lint's `punct.*` rules report what these find;
//! `bigan import --clean-only` fixes it.

use super::debris;
use super::scan::{Covered, Prefix};
use crate::zh;

/// Whether `c` belongs to Chinese text: a Han character or a full-width mark.
pub fn is_chinese(c: char) -> bool {
    zh::is_han(c) || zh::is_fullwidth_punct(c)
}

/// Positions of half-width marks that stand in Chinese text and should be
/// full-width. Parentheses go in pairs: a pair around Chinese text is
/// reported whole; pinyin annotations (`醫(yī)`) are left to debris.pinyin.
pub fn halfwidth(chars: &[char]) -> Vec<usize> {
    let pinyin = Covered::new(chars.len(), &debris::pinyin(chars));
    let in_pinyin = |i: usize| pinyin.contains(i);
    let chinese = Prefix::new(chars, is_chinese);
    let near = |i: usize| {
        let prev = i.checked_sub(1).and_then(|p| chars.get(p)).copied();
        let next = chars.get(i + 1).copied();
        prev.is_some_and(is_chinese) || next.is_some_and(is_chinese)
    };
    let mut out = Vec::new();
    let mut open: Vec<(usize, bool)> = Vec::new();
    for (i, &c) in chars.iter().enumerate() {
        match c {
            // 12:45 and 1,000 are numbers, not Chinese text: with a digit
            // on each side the mark is near no Chinese.
            ',' | ':' | ';' | '!' | '?' if near(i) && !in_pinyin(i) => out.push(i),
            '(' => {
                // Markdown links: [text](url).
                let link = i > 0 && chars[i - 1] == ']';
                open.push((i, !link && !in_pinyin(i)));
            }
            ')' => {
                if let Some((start, eligible)) = open.pop() {
                    // From the parenthesis itself, which is no Chinese.
                    let chinese_inside = chinese.count(start, i) > 0;
                    if eligible && (chinese_inside || near(start) || near(i)) {
                        out.push(start);
                        out.push(i);
                    }
                } else if near(i) && !in_pinyin(i) {
                    out.push(i);
                }
            }
            _ => {}
        }
    }
    for (start, eligible) in open {
        if eligible && near(start) {
            out.push(start);
        }
    }
    out.sort_unstable();
    out
}

/// Positions of quotes that are wrong in Chinese text: straight `"` `'`
/// next to Chinese, and the low quotes ‚ ‛ „ anywhere.
pub fn quotes(chars: &[char]) -> Vec<usize> {
    let has_han = chars.iter().any(|&c| zh::is_han(c));
    chars
        .iter()
        .enumerate()
        .filter(|&(i, &c)| match c {
            '"' | '\'' => {
                let prev = i.checked_sub(1).map(|p| chars[p]);
                prev.is_some_and(is_chinese) || chars.get(i + 1).copied().is_some_and(is_chinese)
            }
            '‚' | '‛' | '„' | '‟' => has_han,
            _ => false,
        })
        .map(|(i, _)| i)
        .collect()
}

/// The curly quote a wrong one becomes; `open` says whether it opens.
pub fn curly(c: char, open: bool) -> char {
    match (c, open) {
        ('\'', true) => '‘',
        ('\'', false) => '’',
        ('‚' | '„', _) => '“',
        ('‛' | '‟', _) => '”',
        (_, true) => '“',
        (_, false) => '”',
    }
}

/// Runs of spaces between two Chinese characters, in a line that is a
/// paragraph (has a comma or a full stop): (start, end). A byline's
/// “院长 张三” is left alone, also when its title holds a comma
/// (县委常委，县公安局局长　何东).
pub fn spaces(chars: &[char]) -> Vec<(usize, usize)> {
    if !chars.iter().any(|c| matches!(c, '，' | '。')) {
        return Vec::new();
    }
    let name = byline_name(chars);
    let mut out = Vec::new();
    // The indent takes every leading space, so a space found after it has
    // a character before it.
    let mut i = crate::markers::indent(chars);
    while i < chars.len() {
        if matches!(chars[i], ' ' | '\u{3000}') {
            let n = chars[i..]
                .iter()
                .take_while(|c| matches!(c, ' ' | '\u{3000}'))
                .count();
            let before = chars[i - 1];
            let after = chars.get(i + n).copied();
            if zh::is_han(before) && after.is_some_and(zh::is_han) && name != Some(i + n) {
                out.push((i, i + n));
            }
            i += n;
        } else {
            i += 1;
        }
    }
    out
}

/// Where the name of a byline begins: a line with no full stop that ends
/// in a name of two to four characters after a space (and, in Markdown,
/// the byline's `{.byline}`), the space following a title (局长, 书记,
/// 主任, 委员…). A byline's title may hold a comma; a sentence wrapped
/// before its full stop does not end in a title and a name.
fn byline_name(chars: &[char]) -> Option<usize> {
    if chars.contains(&'。') {
        return None;
    }
    let text: String = chars.iter().collect();
    let body = text.trim_end();
    let body = body.strip_suffix("{.byline}").unwrap_or(body).trim_end();
    let end = body.chars().count();
    let name = chars[..end]
        .iter()
        .rev()
        .take_while(|c| zh::is_han(**c))
        .count();
    let start = end - name;
    let gap = chars[..start]
        .iter()
        .rev()
        .take_while(|c| matches!(c, ' ' | '\u{3000}'))
        .count();
    let title = start
        .checked_sub(gap + 1)
        .is_some_and(|i| "长记任员委理席裁监师官".contains(chars[i]));
    ((2..=4).contains(&name) && gap > 0 && title).then_some(start)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chars(s: &str) -> Vec<char> {
        s.chars().collect()
    }

    #[test]
    fn half_width_marks_next_to_chinese() {
        assert_eq!(
            halfwidth(&chars("同志们:今天,我们(全体)开会")),
            [3, 6, 9, 12]
        );
        assert!(halfwidth(&chars("时间 12:45, a (b)")).is_empty());
        assert!(halfwidth(&chars("醫(yī)院")).is_empty());
        assert_eq!(halfwidth(&chars("(2010年11月3日)")), [0, 11]);
    }

    #[test]
    fn a_mark_near_chinese_on_either_side() {
        assert_eq!(halfwidth(&chars("中,")), [1]);
        assert_eq!(halfwidth(&chars("a,中")), [1]);
        assert_eq!(halfwidth(&chars(",中")), [0]);
        assert_eq!(halfwidth(&chars("中,1")), [1]);
        assert!(halfwidth(&chars("a,b 1,000")).is_empty());
    }

    #[test]
    fn parentheses_in_pairs() {
        // Chinese inside, though neither parenthesis touches it.
        assert_eq!(halfwidth(&chars("a(x中x)b")), [1, 5]);
        // Chinese only before the pair, or only after it.
        assert_eq!(halfwidth(&chars("中(ab)c")), [1, 4]);
        assert_eq!(halfwidth(&chars("a(bc)中")), [1, 4]);
        // A Markdown link's address is no Chinese parenthesis.
        assert!(halfwidth(&chars("见[文件](http://a.cn)内容")).is_empty());
        // Unmatched: a closing one near Chinese, an opening one near it.
        assert_eq!(halfwidth(&chars("中)")), [1]);
        assert!(halfwidth(&chars("ab)c")).is_empty());
        assert_eq!(halfwidth(&chars("ab中(cd")), [3]);
        assert!(halfwidth(&chars("ab(cd")).is_empty());
        assert!(halfwidth(&chars("醫(yī)")).is_empty());
    }

    #[test]
    fn straight_and_low_quotes() {
        assert_eq!(quotes(&chars("提出\"五个好\"要求")), [2, 6]);
        assert_eq!(quotes(&chars("建设‚五个县‛目标")), [2, 6]);
        assert!(quotes(&chars("it's \"fine\"")).is_empty());
        assert_eq!(quotes(&chars("中\"a")), [1]);
        assert_eq!(quotes(&chars("a\"中")), [1]);
        assert_eq!(quotes(&chars("a'中")), [1]);
        // Low quotes are wrong only in a line with Chinese.
        assert!(quotes(&chars("a‚b‛")).is_empty());
    }

    #[test]
    fn each_wrong_quote_becomes_its_curly_one() {
        assert_eq!(curly('"', true), '“');
        assert_eq!(curly('"', false), '”');
        assert_eq!(curly('\'', true), '‘');
        assert_eq!(curly('\'', false), '’');
        assert_eq!(curly('‚', false), '“');
        assert_eq!(curly('„', false), '“');
        assert_eq!(curly('‛', true), '”');
        assert_eq!(curly('‟', true), '”');
    }

    #[test]
    fn spaces_between_han_in_paragraphs_only() {
        assert_eq!(spaces(&chars("把出发 点放在发展上，")), [(3, 4)]);
        assert!(spaces(&chars("院党委书记 张三")).is_empty());
        // A byline whose title holds a comma is still a byline.
        let byline = "#### 县委常委，县公安局局长\u{3000}何东 {.byline}";
        assert!(spaces(&chars(byline)).is_empty());
        assert!(spaces(&chars("县委常委，县公安局局长\u{3000}何东")).is_empty());
        // A sentence is not: its space is found, wherever it stands.
        assert_eq!(spaces(&chars("同志们，要把工作 抓实。")), [(8, 9)]);
        assert_eq!(spaces(&chars("我们要抓紧，认真 落实")), [(8, 9)]);
        assert_eq!(spaces(&chars("　　出发\u{3000} 点，")), [(4, 6)]);
        // Only between two Han characters.
        assert!(spaces(&chars("把a 点放，")).is_empty());
        assert!(spaces(&chars("出发 a，")).is_empty());
        assert!(spaces(&chars("出发。 ")).is_empty());
    }
}
