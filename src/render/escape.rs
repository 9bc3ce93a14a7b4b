//! Profile text made safe to stand in Markdown: "实行7*24小时值班" must not
//! turn half a sentence italic, and `[x](y)` in a task must stay text.
//! Templates write Markdown; every value a profile supplies is escaped
//! once, with this function, as the template's view is built
//! (render/context.rs and render/wording.rs).

use std::borrow::Cow;

/// The ASCII characters Markdown (CommonMark with heading attributes) gives
/// a meaning inside a line. A backslash before ASCII punctuation always
/// stands for the character itself.
const SPECIAL: &[char] = &[
    '\\', '`', '*', '_', '[', ']', '<', '>', '&', '~', '|', '#', '{', '}', '!',
];

/// `text` with every Markdown-special character backslash-escaped.
pub fn text(s: &str) -> Cow<'_, str> {
    if !s.contains(SPECIAL) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        if SPECIAL.contains(&c) {
            out.push('\\');
        }
        out.push(c);
    }
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_only_what_markdown_reads() {
        assert_eq!(text("实行7*24小时值班"), "实行7\\*24小时值班");
        assert_eq!(text("[点我](javascript:x)"), "\\[点我\\](javascript:x)");
        assert!(matches!(text("普通的中文，（一）。"), Cow::Borrowed(_)));
    }

    #[test]
    fn escaped_text_reads_back_as_itself() {
        for s in [
            "7*24小时",
            "a_b_c",
            "<b>粗</b>",
            "#标签 {.x}",
            "A&amp;B",
            "1\\2",
            "`代码`",
        ] {
            let md = text(s);
            let blocks = crate::output::blocks::parse(&format!("前{md}后\n"));
            assert_eq!(blocks[0].text(), format!("前{s}后"), "{s}");
        }
    }
}
