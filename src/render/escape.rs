//! Profile text made safe to stand in Markdown: "实行7*24小时值班" must not
//! turn half a sentence italic, and `[x](y)` in a task must stay text.
//! Templates write Markdown; every value a profile supplies is escaped
//! once, as the template's view is built (render/context.rs and
//! render/wording.rs), and every line a template writes
//! is checked once more for a list marker ([`line`]).
//!
//! A backslash is shown in the .md a reader may open, so it is put only
//! where CommonMark (with heading attributes, the options of
//! [`crate::output::blocks`]) would otherwise read the text differently:
//! "1.推动" and "A&B" stay as they are, "1. 推动" at a line's start and
//! "&amp;" do not. A value may land anywhere in a line — at its start, in
//! a heading, inside a `*…*` lead, next to another value — so each rule
//! holds in all of those places.

use std::borrow::Cow;

/// What `bare` may strip from a value's end ([`crate::zh::bare`]).
const BARE_TAIL: [char; 8] = ['。', '；', '，', '、', '！', '.', ';', ','];

/// `text` with a backslash before each character Markdown would read as
/// markup; everything else as it is.
pub fn text(s: &str) -> Cow<'_, str> {
    // Most values hold no character `needs_escape` may escape.
    if !s.bytes().any(markup) {
        return Cow::Borrowed(s);
    }
    let chars: Vec<char> = s.chars().collect();
    let escaped: Vec<usize> = (0..chars.len())
        .filter(|&i| needs_escape(&chars, i))
        .collect();
    if escaped.is_empty() {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + escaped.len());
    let mut next = escaped.iter().peekable();
    for (i, &c) in chars.iter().enumerate() {
        if next.peek() == Some(&&i) {
            out.push('\\');
            next.next();
        }
        out.push(c);
    }
    Cow::Owned(out)
}

/// The characters [`needs_escape`] may escape, all ASCII.
fn markup(b: u8) -> bool {
    matches!(
        b,
        b'\\'
            | b'*'
            | b'_'
            | b'`'
            | b'['
            | b'<'
            | b'&'
            | b'}'
            | b'#'
            | b'>'
            | b'-'
            | b'+'
            | b'~'
            | b'.'
            | b')'
    )
}

/// Whether `chars[i]` would be read as markup somewhere a value can stand.
fn needs_escape(chars: &[char], i: usize) -> bool {
    let c = chars[i];
    let before = i.checked_sub(1).map(|j| chars[j]);
    let after = chars.get(i + 1).copied();
    // Where a line may start: the value's start, or after a line break in it.
    let line_start = before.is_none_or(|b| b == '\n');
    // Where the value may end once a template has dropped its final
    // punctuation (`bare`): a heading's end, or the end of a `*…*` lead.
    let at_end = |from: usize| {
        chars[from..]
            .iter()
            .all(|&c| c.is_whitespace() || BARE_TAIL.contains(&c))
    };
    let spaced = |x: Option<char>| x.is_none_or(char::is_whitespace);
    match c {
        // A backslash escapes the ASCII punctuation after it; at the end,
        // whatever the template writes next.
        '\\' => at_end(i + 1) || after.is_some_and(|a| a.is_ascii_punctuation()),
        // Emphasis and code: an asterisk with space on both sides opens and
        // closes nothing; any other may pair with one in the template or in
        // another value of the same line.
        '*' => !(before.is_some_and(char::is_whitespace) && after.is_some_and(char::is_whitespace)),
        // An underscore inside a word never opens or closes emphasis.
        '_' => {
            !(before.is_some_and(char::is_alphanumeric) && after.is_some_and(char::is_alphanumeric))
        }
        '`' => true,
        // Links and images, link reference definitions: `[` is what opens
        // them all (and `![` needs it too).
        '[' => true,
        // Autolinks and HTML: `<` before a letter, `/`, `!` or `?`.
        '<' => after.is_some_and(|a| a.is_ascii_alphabetic() || "/!?".contains(a)),
        // Entity and numeric references: &amp; &#27700;
        '&' => is_reference(&chars[i + 1..]),
        // Heading attributes: `{…}` at a heading's end. pulldown-cmark
        // finds them before it reads escapes, so the closing brace is the
        // one to escape.
        '}' => at_end(i + 1),
        // A heading's opening (`# 甲`) or closing sequence (`甲 #`).
        '#' => {
            let run_start = chars[..i].iter().rev().take_while(|&&b| b == '#').count();
            let start = i - run_start;
            let run_end = i + chars[i..].iter().take_while(|&&a| a == '#').count();
            let first_of_run = run_start == 0;
            let opens = start == 0 || chars[start - 1] == '\n';
            let closes = at_end(run_end) && (start == 0 || chars[start - 1] == ' ');
            first_of_run
                && ((opens && run_end - start <= 6 && spaced(chars.get(run_end).copied()))
                    || closes)
        }
        // Block markers at a line's start: quote, list, rule, fence.
        '>' => line_start,
        '-' | '+' => line_start && (spaced(after) || is_rule(&chars[i..], c)),
        '~' => line_start && chars[i..].iter().take_while(|&&a| a == '~').count() >= 3,
        '.' | ')' => {
            let digits = chars[..i]
                .iter()
                .rev()
                .take_while(|d| d.is_ascii_digit())
                .count();
            let start = i - digits;
            digits > 0 && digits <= 9 && (start == 0 || chars[start - 1] == '\n') && spaced(after)
        }
        _ => false,
    }
}

/// Whether `rest` (after an `&`) makes a character reference: `amp;`,
/// `#38;`, `#x26;`.
fn is_reference(rest: &[char]) -> bool {
    let body = match rest.first() {
        Some('#') => &rest[1..],
        _ => rest,
    };
    let n = body
        .iter()
        .take_while(|c| c.is_ascii_alphanumeric())
        .count();
    n > 0 && body.get(n) == Some(&';')
}

/// Whether a line starting with `rest` is a thematic break of `mark`
/// (`---`, `- - -`).
fn is_rule(rest: &[char], mark: char) -> bool {
    let line: Vec<char> = rest.iter().copied().take_while(|&c| c != '\n').collect();
    line.iter().all(|&c| c == mark || c == ' ' || c == '\t')
        && line.iter().filter(|&&c| c == mark).count() >= 3
}

/// Escaped text without its final punctuation, as [`crate::zh::bare`]
/// gives it, and without a backslash left escaping what was dropped
/// ("1\\." is "1", not "1\\", which would escape whatever follows).
pub fn bare(escaped: &str) -> &str {
    let kept = crate::zh::bare(escaped);
    let backslashes = kept.chars().rev().take_while(|&c| c == '\\').count();
    let dropped = escaped.trim()[kept.len()..].trim_start().chars().next();
    if backslashes % 2 == 1 && dropped.is_some_and(|c| c.is_ascii_punctuation()) {
        kept[..kept.len() - 1].trim_end()
    } else {
        kept
    }
}

/// A line a template wrote, with an ordered-list marker at its start
/// ("1. 甲", "2)") escaped: a draft has numbered paragraphs, not lists, and
/// a list would drop the number from every output.
pub fn line(line: &str) -> Cow<'_, str> {
    let digits = line.bytes().take_while(u8::is_ascii_digit).count();
    let rest = &line[digits..];
    let marker = rest
        .strip_prefix(['.', ')'])
        .is_some_and(|after| after.chars().next().is_none_or(char::is_whitespace));
    if (1..=9).contains(&digits) && marker {
        Cow::Owned(format!("{}\\{rest}", &line[..digits]))
    } else {
        Cow::Borrowed(line)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::output::blocks;
    use proptest::prelude::*;

    #[test]
    fn only_the_markup_characters_are_ever_escaped() {
        let others = (0_u8..0x80)
            .filter(|&b| !markup(b))
            .map(char::from)
            .chain(['。', '中', '（', '）', '＃']);
        for c in others {
            for context in ["", "1", "\n", " ", "a", "##", "1.", "\\"] {
                for s in [
                    format!("{context}{c}"),
                    format!("{context}{c} 甲"),
                    format!("{c}{c}{c}"),
                ] {
                    let chars: Vec<char> = s.chars().collect();
                    let at = chars.iter().rposition(|&x| x == c).unwrap_or(0);
                    assert!(!needs_escape(&chars, at), "{s:?}");
                }
            }
        }
    }

    #[test]
    fn escapes_what_markdown_reads() {
        assert_eq!(text("实行7*24小时值班"), "实行7\\*24小时值班");
        assert_eq!(text("[点我](javascript:x)"), "\\[点我](javascript:x)");
        assert_eq!(text("1. 推动"), "1\\. 推动");
        assert_eq!(text("# 甲"), "\\# 甲");
        assert_eq!(text("甲 #"), "甲 \\#");
        assert_eq!(text("A&amp;B"), "A\\&amp;B");
        assert_eq!(text("<b>粗</b>"), "\\<b>粗\\</b>");
        assert_eq!(text("甲{.x}"), "甲{.x\\}");
        assert_eq!(text("---"), "\\---");
    }

    #[test]
    fn leaves_alone_what_markdown_does_not_read() {
        for s in [
            "普通的中文，（一）。",
            "1.推动科学发展",
            "A&B",
            "#标签",
            "第#1号",
            "增长50%！",
            "a_b_c",
            "甲 * 乙",
            "2|3",
            "约~5",
            "小于<5",
            "甲]",
            "-5℃",
            "{甲}乙",
            "C++",
        ] {
            assert!(matches!(text(s), Cow::Borrowed(_)), "{s} → {}", text(s));
        }
    }

    #[test]
    fn a_list_marker_at_a_lines_start_is_escaped() {
        assert_eq!(line("1. 甲"), "1\\. 甲");
        assert_eq!(line("12)"), "12\\)");
        for kept in ["1.甲", "1\\. 甲", "一、甲", "2010年", "1234567890. 甲"] {
            assert!(matches!(line(kept), Cow::Borrowed(_)), "{kept}");
        }
    }

    /// Every place a template puts a value — a paragraph, the start or end
    /// of a line, a line of its own, a run-in `*…*` or `**…**` lead, a
    /// heading, the title, a byline, beside another value, after a level-3
    /// marker — and the text a reader sees there.
    const PLACES: &[(&str, &str)] = &[
        ("前{}后", "前{}后"),
        ("{}后", "{}后"),
        ("前{}", "前{}"),
        ("{}", "{}"),
        ("*（一）{}*。正文", "（一）{}。正文"),
        ("**第一，{}**。正文", "第一，{}。正文"),
        ("## 一、{}", "一、{}"),
        ("# {}", "{}"),
        ("#### {} {.byline}", "{}"),
        ("前{}中{}后", "前{}中{}后"),
        ("1.{}", "1.{}"),
    ];

    /// The text a reader sees of a one-line draft.
    fn seen(markdown: &str) -> String {
        blocks::parse(&format!("{markdown}\n"))
            .iter()
            .map(blocks::Block::text)
            .collect()
    }

    fn value() -> impl Strategy<Value = String> {
        proptest::collection::vec(
            prop_oneof![
                Just("\\"),
                Just("`"),
                Just("*"),
                Just("_"),
                Just("["),
                Just("]"),
                Just("("),
                Just(")"),
                Just("<"),
                Just(">"),
                Just("&"),
                Just(";"),
                Just("#"),
                Just("{"),
                Just("}"),
                Just("!"),
                Just("-"),
                Just("+"),
                Just("="),
                Just("~"),
                Just("."),
                Just(":"),
                Just("|"),
                Just(" "),
                Just("1"),
                Just("a"),
                Just("甲"),
                Just("，"),
                Just("amp"),
                Just("http:"),
                Just("/"),
            ],
            1..10,
        )
        .prop_map(|parts| parts.concat().trim().to_owned())
        .prop_filter("a profile value is trimmed and not empty", |s| {
            !s.is_empty()
        })
    }

    proptest! {
        /// Escaped text reads back as itself wherever it stands.
        #[test]
        fn escaped_text_reads_back_as_itself(s in value()) {
            let escaped = text(&s);
            for (place, visible) in PLACES {
                let markdown = place.replace("{}", &escaped);
                let want = visible.replace("{}", &s);
                prop_assert_eq!(seen(&markdown), want, "“{}” in {}", s, place);
            }
            // Templates drop a value's final punctuation before a heading's
            // end or a lead's closing `*`.
            let bare = bare(&escaped);
            let want = crate::zh::bare(&s);
            for (place, visible) in [("## 一、{}", "一、{}"), ("*（一）{}*。正文", "（一）{}。正文")] {
                let markdown = place.replace("{}", bare);
                prop_assert_eq!(seen(&markdown), visible.replace("{}", want), "“{}” bare in {}", s, place);
            }
        }
    }
}
