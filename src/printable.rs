//! Text from a user's file made safe to show in a message.
//!
//! A profile or a draft can hold control characters (an ESC sequence
//! copied from a terminal, a stray NUL, a bidi override) that would clear
//! or rewrite the reader's terminal, or reorder what they read, if printed
//! as they are. Every message bigan prints passes what the user wrote
//! through here, so such a character is shown as `\u{1b}` instead of acted
//! on. Also: how many terminal columns a text takes, for carets and tables.

use std::borrow::Cow;
use std::fmt::Write as _;

/// Whether `c` must not reach a terminal as it is: control characters
/// (C0, DEL, C1) and the invisible marks that reorder text (bidi
/// embeddings, overrides and isolates).
pub fn is_unsafe(c: char) -> bool {
    c.is_control()
        || matches!(
            c,
            '\u{061c}' | '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}'
        )
}

/// `s` with every unsafe character, line breaks and tabs included, written
/// as `\u{1b}`: for a value quoted inside a one-line message.
pub fn printable(s: &str) -> Cow<'_, str> {
    escape_if(s, is_unsafe)
}

/// `s` with every unsafe character but line breaks and tabs escaped: for a
/// whole message or report that spans lines.
pub fn printable_lines(s: &str) -> Cow<'_, str> {
    escape_if(s, |c| c != '\n' && c != '\t' && is_unsafe(c))
}

fn escape_if(s: &str, escape: impl Fn(char) -> bool) -> Cow<'_, str> {
    if !s.chars().any(&escape) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        if escape(c) {
            push_escaped(&mut out, c);
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// Appends `c` as `\u{…}`.
pub fn push_escaped(out: &mut String, c: char) {
    // write! to a String cannot fail.
    let _ = write!(out, "\\u{{{:x}}}", u32::from(c));
}

/// Terminal columns `c` takes: two for a wide (CJK, full-width) character.
/// Anything outside ASCII is counted wide, as Chinese terminals show most
/// such characters (—, …, “”) two columns wide; a caret may then sit a
/// column off under Latin accents, never under Chinese text.
pub fn char_width(c: char) -> usize {
    if c.is_ascii() { 1 } else { 2 }
}

/// Terminal columns `s` takes.
pub fn width(s: &str) -> usize {
    s.chars().map(char_width).sum()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_what_would_act_on_a_terminal() {
        assert_eq!(printable("甲\u{1b}[2J乙"), "甲\\u{1b}[2J乙");
        assert_eq!(printable("a\nb\tc\r\0"), "a\\u{a}b\\u{9}c\\u{d}\\u{0}");
        assert_eq!(printable("\u{202e}abc"), "\\u{202e}abc");
        assert_eq!(printable("\u{9b}31m"), "\\u{9b}31m");
        assert_eq!(printable_lines("a\nb\tc\u{7}"), "a\nb\tc\\u{7}");
        assert!(matches!(printable("医院（一）“好”"), Cow::Borrowed(_)));
    }

    #[test]
    fn wide_characters_take_two_columns() {
        assert_eq!(width("ab医院"), 6);
        assert_eq!(width(""), 0);
    }
}
