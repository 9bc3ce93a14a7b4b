//! `word/document.xml`: the draft's blocks as paragraphs on the page of
//! GB/T 9704. How each kind of block looks lives in the styles
//! ([`super::parts::styles`]); here a paragraph only names its style, and
//! runs only say where they differ from it (a 楷体 or bold lead).

use std::fmt::Write as _;

use crate::output::blocks::{Block, Run, RunStyle};
use crate::output::title;
use crate::profile::Fonts;

use super::page::*;
use super::parts::{EVEN_FOOTER_ID, ODD_FOOTER_ID, style};
use super::xml::{self, DECLARATION, NS};

/// The whole `document.xml` for `blocks`.
pub fn document(blocks: &[Block], fonts: &Fonts) -> String {
    let mut out = String::with_capacity(4096 + blocks.len() * 400);
    out.push_str(DECLARATION);
    let _ = write!(out, "<w:document {NS}><w:body>");
    for (i, block) in blocks.iter().enumerate() {
        let previous = i.checked_sub(1).and_then(|p| blocks.get(p));
        paragraph(&mut out, block, previous, blocks.get(i + 1), fonts);
    }
    if blocks.is_empty() {
        out.push_str("<w:p/>");
    }
    section(&mut out);
    out.push_str("</w:body></w:document>");
    out
}

/// Whether a block belongs to the head: the title and the lines under it.
fn is_head(block: &Block) -> bool {
    matches!(block, Block::Title(_) | Block::Byline(_))
}

fn paragraph(
    out: &mut String,
    block: &Block,
    previous: Option<&Block>,
    next: Option<&Block>,
    fonts: &Fonts,
) {
    let style = match block {
        Block::Title(_) => style::TITLE,
        Block::Byline(_) => style::BYLINE,
        Block::Signature(_) => style::SIGNATURE,
        Block::Number(_) => style::NUMBER,
        Block::Heading(1, _) => style::HEADING_1,
        Block::Heading(_, _) => style::HEADING_2,
        Block::Paragraph(_) if block.is_salutation() => style::SALUTATION,
        Block::Paragraph(_) => style::NORMAL,
    };
    // One empty line under the title, and under the speaker and date lines
    // (as on the HTML page); GB/T 9704 also leaves one above the signature.
    // A draft has no empty blocks, so the space is made here, one line
    // pitch, keeping every line on the page's grid.
    let line_after = match block {
        Block::Title(_) => !matches!(next, Some(Block::Title(_))),
        Block::Byline(_) => !next.is_some_and(is_head),
        // One empty line between the 发文字号 and the title.
        Block::Number(_) => true,
        _ => false,
    };
    let line_before =
        matches!(block, Block::Signature(_)) && !matches!(previous, Some(Block::Signature(_)));
    out.push_str("<w:p><w:pPr>");
    let _ = write!(out, r#"<w:pStyle w:val="{style}"/>"#);
    if line_after || line_before {
        let (before, after) = if line_before {
            (LINE_PITCH, 0)
        } else {
            (0, LINE_PITCH)
        };
        let _ = write!(
            out,
            r#"<w:spacing w:before="{before}" w:after="{after}" w:line="{LINE_PITCH}" w:lineRule="exact"/>"#
        );
    }
    out.push_str("</w:pPr>");
    match block {
        Block::Paragraph(runs) => {
            for r in runs {
                run(out, r, fonts);
            }
        }
        // A long title is broken where a reader would break it, not where
        // the line happens to fill.
        Block::Title(text) => {
            for (i, line) in title::lines(text, TITLE_CHARS).iter().enumerate() {
                if i > 0 {
                    out.push_str("<w:r><w:br/></w:r>");
                }
                xml::run(out, "", line);
            }
        }
        other => xml::run(out, "", &other.text()),
    }
    out.push_str("</w:p>");
}

fn run(out: &mut String, run: &Run, fonts: &Fonts) {
    if run.text.is_empty() {
        return;
    }
    match run.style {
        RunStyle::Plain => xml::run(out, "", &run.text),
        RunStyle::Kai => xml::run(out, &xml::fonts(&fonts.subheading), &run.text),
        RunStyle::Bold => xml::run(out, "<w:b/><w:bCs/>", &run.text),
    }
}

/// The section: A4, the standard's margins, a grid of 28.95 pt lines, and
/// page numbers on the outer side (odd pages right, even pages left).
fn section(out: &mut String) {
    // Schema order of CT_SectPr: references, pgSz, pgMar, cols, docGrid.
    let _ = write!(
        out,
        concat!(
            r#"<w:sectPr>"#,
            r#"<w:footerReference w:type="default" r:id="{odd}"/>"#,
            r#"<w:footerReference w:type="even" r:id="{even}"/>"#,
            r#"<w:pgSz w:w="{w}" w:h="{h}"/>"#,
            r#"<w:pgMar w:top="{top}" w:right="{right}" w:bottom="{bottom}" w:left="{left}" w:header="{header}" w:footer="{footer}" w:gutter="0"/>"#,
            r#"<w:cols w:space="425"/>"#,
            r#"<w:docGrid w:type="lines" w:linePitch="{pitch}"/>"#,
            r#"</w:sectPr>"#
        ),
        odd = ODD_FOOTER_ID,
        even = EVEN_FOOTER_ID,
        w = PAGE_WIDTH,
        h = PAGE_HEIGHT,
        top = MARGIN_TOP,
        right = MARGIN_RIGHT,
        bottom = MARGIN_BOTTOM,
        left = MARGIN_LEFT,
        header = HEADER_FROM_EDGE,
        footer = FOOTER_FROM_EDGE,
        pitch = LINE_PITCH,
    );
}
