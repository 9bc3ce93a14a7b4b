//! The page of GB/T 9704-2012 in the units Word counts in: twips (1/20 pt)
//! for lengths, half-points for font sizes. Every measure of the DOCX comes
//! from here.

/// Millimetres to twips, rounded: the standard gives the page in mm.
const fn mm(mm: u32) -> u32 {
    (mm * 14_400 + 127) / 254
}

/// A4.
pub const PAGE_WIDTH: u32 = mm(210);
pub const PAGE_HEIGHT: u32 = mm(297);

/// 天头 37 mm, 订口 28 mm: the 版心 is 156 × 225 mm.
pub const MARGIN_TOP: u32 = mm(37);
pub const MARGIN_BOTTOM: u32 = mm(35);
pub const MARGIN_LEFT: u32 = mm(28);
pub const MARGIN_RIGHT: u32 = mm(26);

/// Where the footer's line ends, from the foot of the page: with the footer
/// line [`FOOTER_LINE`] high, the page number's dashes sit 7 mm below the
/// 版心 as the standard asks (measured in LibreOffice's PDF: 7.2 mm).
pub const FOOTER_FROM_EDGE: u32 = mm(25);
/// The footer's own fixed line, 20 pt.
pub const FOOTER_LINE: u32 = 400;
/// A header is never written; Word wants the distance all the same.
pub const HEADER_FROM_EDGE: u32 = mm(15);

/// 22 lines to the page: a fixed line of 28.95 pt.
pub const LINE_PITCH: u32 = 579;

/// 三号 (16 pt) body, 二号 (22 pt) title, 四号 (14 pt) page numbers.
pub const BODY_SIZE: u32 = 32;
pub const TITLE_SIZE: u32 = 44;
pub const PAGE_NUMBER_SIZE: u32 = 28;

/// How many title characters fit on a line of the 版心: 22 pt characters,
/// each giving up the body's [`CHAR_SPACING`] (the title style is based on
/// the body's), 21.75 pt in 442.25 pt: 20. The HTML page's 28em of 16 pt
/// hold the same 20 at 22 pt.
pub const TITLE_CHARS: usize = ((PAGE_WIDTH - MARGIN_LEFT - MARGIN_RIGHT) as i32
    / (TITLE_SIZE as i32 * 10 + CHAR_SPACING)) as usize;

/// One body character, the unit of indents: 16 pt.
pub const BODY_CHAR: u32 = BODY_SIZE * 10;
/// One page-number character, 14 pt: how far the number stands in.
pub const PAGE_NUMBER_CHAR: u32 = PAGE_NUMBER_SIZE * 10;

/// Character spacing in twentieths of a point: 28 characters of 16 pt are
/// 448 pt, the 版心 is 442 pt wide, so each character gives up 0.25 pt and
/// exactly 28 fit. (A "lines and chars" grid would do this in Word, but
/// LibreOffice lays such a grid out at about 18 characters a line.)
pub const CHAR_SPACING: i32 = -5;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_text_block_holds_22_lines_of_28_characters() {
        let width = PAGE_WIDTH - MARGIN_LEFT - MARGIN_RIGHT;
        let height = PAGE_HEIGHT - MARGIN_TOP - MARGIN_BOTTOM;
        let per_line = width as i32 / (BODY_CHAR as i32 + CHAR_SPACING);
        assert_eq!(per_line, 28, "width {width}");
        assert_eq!(
            width / BODY_CHAR,
            27,
            "without the spacing one would not fit"
        );
        assert_eq!(height / LINE_PITCH, 22, "height {height}");
        assert_eq!(TITLE_CHARS, 20);
        assert_eq!((PAGE_WIDTH, PAGE_HEIGHT), (11906, 16838));
        assert_eq!(
            (MARGIN_TOP, MARGIN_BOTTOM, MARGIN_LEFT, MARGIN_RIGHT),
            (2098, 1984, 1587, 1474)
        );
    }
}
