//! DOCX after GB/T 9704-2012: A4 with the standard's margins, 22 lines of
//! 28 characters, 小标宋 title, 仿宋 body, 黑体 and 楷体 headings, page
//! numbers "— N —" on the outer side. The draft is read through
//! [`crate::output::blocks`]; the package is written by hand rather than
//! through a DOCX library so that every element stands in the order Word's
//! schema wants, every font is named in all four slots, and the same draft
//! always gives the same bytes.

mod body;
mod package;
mod page;

pub use page::TITLE_CHARS;
mod parts;
mod xml;

use crate::output::blocks::{self, Block};
use crate::profile::Fonts;

/// Builds a Word document from a Markdown draft, with font names from
/// `fonts`. The result depends on nothing but its arguments.
pub fn document(markdown: &str, fonts: &Fonts) -> anyhow::Result<Vec<u8>> {
    let blocks = blocks::parse(markdown);
    let title = blocks
        .iter()
        .find_map(|b| match b {
            Block::Title(t) => Some(t.as_str()),
            _ => None,
        })
        .unwrap_or_default();
    let document = body::document(&blocks, fonts);
    package::zip(&parts::all(document, title, fonts))
}

#[cfg(test)]
mod tests;
