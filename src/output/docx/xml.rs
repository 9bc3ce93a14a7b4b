//! The few pieces of WordprocessingML markup every part shares: escaping,
//! and run properties that name a font in all four of Word's slots.

use std::fmt::Write as _;

/// The main WordprocessingML namespace and the relationships namespace.
pub const NS: &str = r#"xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships""#;

pub const DECLARATION: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n";

/// Escapes text for an element or a double-quoted attribute, dropping the
/// control characters XML 1.0 cannot carry and turning tabs and line
/// breaks into spaces (a draft's paragraph is one line).
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\t' | '\n' | '\r' => out.push(' '),
            '\u{FFFE}' | '\u{FFFF}' => {}
            c if c.is_control() && (c as u32) < 0x20 => {}
            c => out.push(c),
        }
    }
    out
}

/// `<w:rFonts>` naming `font` for ASCII, high ANSI, East Asian and complex
/// script text alike. With one slot missing Word falls back to a theme font
/// for that slot (Calibri, MS Mincho), so digits and punctuation inside
/// Chinese text would change face.
pub fn fonts(font: &str) -> String {
    let f = escape(font);
    format!(r#"<w:rFonts w:ascii="{f}" w:hAnsi="{f}" w:eastAsia="{f}" w:cs="{f}"/>"#)
}

/// Font size in half-points for both Latin and complex script text.
pub fn size(half_points: u32) -> String {
    format!(r#"<w:sz w:val="{half_points}"/><w:szCs w:val="{half_points}"/>"#)
}

/// One run of text with optional run properties (already in schema order).
pub fn run(out: &mut String, properties: &str, text: &str) {
    out.push_str("<w:r>");
    if !properties.is_empty() {
        let _ = write!(out, "<w:rPr>{properties}</w:rPr>");
    }
    let _ = write!(
        out,
        r#"<w:t xml:space="preserve">{}</w:t></w:r>"#,
        escape(text)
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markup_and_drops_what_xml_cannot_hold() {
        assert_eq!(
            escape("a<b>&\"c\"\u{1}\u{7}\td"),
            "a&lt;b&gt;&amp;&quot;c&quot; d"
        );
        assert_eq!(escape("仿宋_GB2312"), "仿宋_GB2312");
    }

    #[test]
    fn a_font_fills_all_four_slots() {
        assert_eq!(
            fonts("黑体"),
            r#"<w:rFonts w:ascii="黑体" w:hAnsi="黑体" w:eastAsia="黑体" w:cs="黑体"/>"#
        );
    }
}
