//! The enumeration markers of the genre found in a line of text: the four
//! levels of GB/T 9704-2012 7.3.3 (一、 （一） 1. （1）) at the start of a
//! line, and the spoken ones (第一， 一是 首先 第一阶段) at the start of a
//! line or of a sentence. Lint checks their order and counts; import reads
//! the outline of a speech from them.

use crate::zh;

/// What kind of marker, which is also how deep it sits.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Family {
    /// 一、
    Level1,
    /// （一）
    Level2,
    /// 1.
    Level3,
    /// （1）
    Level4,
    /// 第一，
    Di,
    /// 首先， 其次， 再次， 最后，
    Sequence,
    /// 第一阶段
    Phase,
    /// 一是
    Yishi,
}

impl Family {
    /// How high the marker stands: a list is ended by a marker that stands
    /// higher (a smaller rank), and holds the ones that stand lower.
    pub fn rank(self) -> u8 {
        match self {
            Family::Level1 => 1,
            Family::Level2 => 2,
            Family::Level3 => 3,
            Family::Level4 => 4,
            Family::Di | Family::Sequence | Family::Phase => 5,
            Family::Yishi => 6,
        }
    }

    /// The GB/T 9704 level (1–4), for the four numbered levels.
    pub fn level(self) -> Option<u8> {
        match self {
            Family::Level1 => Some(1),
            Family::Level2 => Some(2),
            Family::Level3 => Some(3),
            Family::Level4 => Some(4),
            _ => None,
        }
    }

    /// How the `n`-th marker of this family is written in the standard form.
    pub fn render(self, n: u64) -> String {
        match self {
            Family::Level1 => zh::Marker::Level1.render(n),
            Family::Level2 => zh::Marker::Level2.render(n),
            Family::Level3 => zh::Marker::Level3.render(n),
            Family::Level4 => zh::Marker::Level4.render(n),
            Family::Di => zh::Marker::Di.render(n),
            Family::Yishi => zh::Marker::Yishi.render(n),
            Family::Phase => zh::Marker::Phase.render(n),
            Family::Sequence => match n {
                1 => "首先，".to_owned(),
                2 => "其次，".to_owned(),
                3 => "再次，".to_owned(),
                _ => "最后，".to_owned(),
            },
        }
    }
}

/// Which punctuation a numbered marker is written with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Form {
    /// 一、 1、
    Dunhao,
    /// 一. 1.
    Dot,
    /// 一． 1．
    FullDot,
    /// （一） （1）
    FullParens,
    /// (一) (1)
    HalfParens,
    /// （一) and the like
    MixedParens,
    /// Spoken markers have one form.
    Spoken,
}

/// One marker found in a line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    pub family: Family,
    /// 1-based; 0 for 最后 (the last, whatever its number).
    pub number: u64,
    pub form: Form,
    /// Index of its first character in the line's visible text.
    pub start: usize,
    /// Index just past it (past the 、 or the ）, or the 是).
    pub end: usize,
    /// Whether it opens the line.
    pub line_start: bool,
    /// The marker as written.
    pub text: String,
}

/// What a line may have before its marker: spaces, the ideographic space,
/// tabs, and the `*` of emphasis that Markdown left as text.
pub fn indent(chars: &[char]) -> usize {
    chars
        .iter()
        .take_while(|c| matches!(c, ' ' | '\t' | '\u{3000}' | '\u{a0}' | '*'))
        .count()
}

/// The Chinese numeral starting at `at`: its value and where it ends.
fn han_number(chars: &[char], at: usize) -> Option<(u64, usize)> {
    // Read no further than a marker's numeral can be: a run of a million
    // digits is looked at from each of its places.
    let end = at
        + chars[at..]
            .iter()
            .take(5)
            .take_while(|c| zh::is_numeral_char(**c))
            .count();
    if end == at || end - at > 4 {
        return None;
    }
    let s: String = chars[at..end].iter().collect();
    zh::parse_numeral(&s).filter(|&n| n > 0).map(|n| (n, end))
}

/// The Arabic number starting at `at` (at most three digits).
fn arabic_number(chars: &[char], at: usize) -> Option<(u64, usize)> {
    let end = at
        + chars[at..]
            .iter()
            .take_while(|c| c.is_ascii_digit())
            .count();
    if end == at || end - at > 3 {
        return None;
    }
    let s: String = chars[at..end].iter().collect();
    s.parse().ok().filter(|&n| n > 0).map(|n| (n, end))
}

/// The numbered (GB/T 9704) marker opening `chars` at `at`, if any.
fn numbered(chars: &[char], at: usize) -> Option<Found> {
    let c = *chars.get(at)?;
    let found = |family, number, form, end: usize| Found {
        family,
        number,
        form,
        start: at,
        end,
        line_start: true,
        text: chars[at..end].iter().collect(),
    };
    if c == '（' || c == '(' {
        let (number, family, end) = if let Some((n, e)) = han_number(chars, at + 1) {
            (n, Family::Level2, e)
        } else if let Some((n, e)) = arabic_number(chars, at + 1) {
            (n, Family::Level4, e)
        } else {
            return None;
        };
        let close = *chars.get(end)?;
        let form = match (c, close) {
            ('（', '）') => Form::FullParens,
            ('(', ')') => Form::HalfParens,
            ('（', ')') | ('(', '）') => Form::MixedParens,
            _ => return None,
        };
        return Some(found(family, number, form, end + 1));
    }
    if let Some((n, e)) = han_number(chars, at) {
        let form = match chars.get(e) {
            Some('、') => Form::Dunhao,
            Some('.') => Form::Dot,
            Some('．') => Form::FullDot,
            _ => return None,
        };
        // 一、 must head something: a lone 一、 is not a heading.
        chars.get(e + 1)?;
        return Some(found(Family::Level1, n, form, e + 1));
    }
    if let Some((n, e)) = arabic_number(chars, at) {
        let form = match chars.get(e) {
            Some('、') => Form::Dunhao,
            Some('.') => Form::Dot,
            Some('．') => Form::FullDot,
            _ => return None,
        };
        // 4.4万平方米 is a number, not a marker.
        let next = *chars.get(e + 1)?;
        if next.is_ascii_digit() {
            return None;
        }
        return Some(found(Family::Level3, n, form, e + 1));
    }
    None
}

/// The spoken marker at `at` (第一， 第一阶段 首先， 一是), if any.
fn spoken(chars: &[char], at: usize) -> Option<Found> {
    let found = |family, number, end: usize| Found {
        family,
        number,
        form: Form::Spoken,
        start: at,
        end,
        line_start: false,
        text: chars[at..end].iter().collect(),
    };
    let c = *chars.get(at)?;
    if c == '第' {
        let (n, e) = han_number(chars, at + 1)?;
        match chars.get(e) {
            Some('，' | ',' | '、' | '：' | ':') => return Some(found(Family::Di, n, e + 1)),
            Some('阶') if chars.get(e + 1) == Some(&'段') => {
                let after = chars.get(e + 2);
                if after.is_none_or(|c| "，,、：:（( 。".contains(*c)) {
                    return Some(found(Family::Phase, n, e + 2));
                }
            }
            _ => {}
        }
        return None;
    }
    for (word, n) in [("首先", 1), ("其次", 2), ("再次", 3), ("最后", 0)] {
        let w: Vec<char> = word.chars().collect();
        if chars[at..].starts_with(&w)
            && matches!(chars.get(at + 2), Some('，' | ',' | '、' | '：' | ':'))
        {
            return Some(found(Family::Sequence, n, at + 3));
        }
    }
    let (n, e) = han_number(chars, at)?;
    if chars.get(e) == Some(&'是') && chars.get(e + 1).is_some_and(|c| *c != '是') && n <= 20 {
        return Some(found(Family::Yishi, n, e + 1));
    }
    None
}

/// Whether a sentence can start after `c`: spoken markers follow these.
fn opens_after(c: char) -> bool {
    matches!(
        c,
        '。' | '；' | '：' | '！' | '？' | ';' | ':' | '!' | '?' | '”' | '’'
    )
}

/// Whether 一是 can follow `c`: it also follows a comma (……，一是……).
fn yishi_after(c: char) -> bool {
    opens_after(c) || matches!(c, '，' | ',' | '、')
}

/// Every marker in `chars`: the one opening the line, then the spoken
/// ones inside it, in order.
pub fn scan(chars: &[char]) -> Vec<Found> {
    let mut out = Vec::new();
    let at = indent(chars);
    let mut from = at;
    if let Some(m) = numbered(chars, at) {
        from = m.end;
        out.push(m);
    } else if let Some(mut m) = spoken(chars, at) {
        m.line_start = true;
        from = m.end;
        out.push(m);
    }
    let mut i = from;
    while i < chars.len() {
        let prev = if i == 0 { None } else { Some(chars[i - 1]) };
        let here = chars[i];
        let candidate =
            matches!(here, '第' | '首' | '其' | '再' | '最') || zh::is_numeral_char(here);
        if candidate
            && let Some(p) = prev
            && let Some(m) = spoken(chars, i)
        {
            let ok = if m.family == Family::Yishi {
                yishi_after(p)
            } else {
                opens_after(p)
            };
            if ok {
                i = m.end;
                out.push(m);
                continue;
            }
        }
        i += 1;
    }
    out
}

/// The 篇 header opening a line (第二篇：…): its number and where the rest
/// of the line starts.
pub fn pian(chars: &[char]) -> Option<(u64, usize)> {
    let at = indent(chars);
    if chars.get(at) != Some(&'第') {
        return None;
    }
    let (n, e) = han_number(chars, at + 1)?;
    if chars.get(e) != Some(&'篇') {
        return None;
    }
    let mut rest = e + 1;
    while chars
        .get(rest)
        .is_some_and(|c| matches!(c, '：' | ':' | ' ' | '　' | '、' | '，' | ','))
    {
        rest += 1;
    }
    Some((n, rest))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scan_str(s: &str) -> Vec<(Family, u64, bool)> {
        let chars: Vec<char> = s.chars().collect();
        scan(&chars)
            .into_iter()
            .map(|m| (m.family, m.number, m.line_start))
            .collect()
    }

    #[test]
    fn numbered_levels_open_a_line() {
        assert_eq!(scan_str("一、加强领导"), [(Family::Level1, 1, true)]);
        assert_eq!(scan_str("（十二）明确责任"), [(Family::Level2, 12, true)]);
        assert_eq!(scan_str("(二)明确责任"), [(Family::Level2, 2, true)]);
        assert_eq!(scan_str("3. 第三层"), [(Family::Level3, 3, true)]);
        assert_eq!(scan_str("10、办公安全"), [(Family::Level3, 10, true)]);
        assert_eq!(scan_str("（2）第四层"), [(Family::Level4, 2, true)]);
        assert_eq!(scan_str("　　二、缩进的标题"), [(Family::Level1, 2, true)]);
    }

    #[test]
    fn numbers_are_not_markers() {
        assert!(scan_str("4.4万平方米").is_empty());
        assert!(scan_str("2010年5月").is_empty());
        assert!(scan_str("一、").is_empty());
        assert!(scan_str("履行第一责任人职责").is_empty());
        assert!(scan_str("说一是一").is_empty());
    }

    #[test]
    fn spoken_markers_open_sentences() {
        assert_eq!(
            scan_str("主要抓好三项工作：一是动员。二是部署，三是落实。"),
            [
                (Family::Yishi, 1, false),
                (Family::Yishi, 2, false),
                (Family::Yishi, 3, false)
            ]
        );
        assert_eq!(scan_str("第二，要重视。"), [(Family::Di, 2, true)]);
        assert_eq!(
            scan_str("分三个阶段。第一阶段，发动。第二阶段（7月）"),
            [(Family::Phase, 1, false), (Family::Phase, 2, false)]
        );
        assert_eq!(scan_str("首先，要抓机制。"), [(Family::Sequence, 1, true)]);
        assert!(scan_str("在第一阶段中").is_empty());
    }

    #[test]
    fn pian_headers() {
        let chars: Vec<char> = "第二篇：在会上的讲话".chars().collect();
        assert_eq!(pian(&chars), Some((2, 4)));
        let chars: Vec<char> = "第二阶段".chars().collect();
        assert_eq!(pian(&chars), None);
    }
}
