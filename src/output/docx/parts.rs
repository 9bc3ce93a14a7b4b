//! The parts of the package besides the body: styles (what each kind of
//! block looks like), settings, the font table, the two page-number
//! footers, and the wiring between them.

use std::fmt::Write as _;

use crate::profile::Fonts;

use super::page::*;
use super::xml::{self, DECLARATION, NS};

/// The relationship ids `document.xml` refers to.
pub const ODD_FOOTER_ID: &str = "rId4";
pub const EVEN_FOOTER_ID: &str = "rId5";

/// The style ids paragraphs name. Title, headings, salutation, signature
/// and footer are Word's built-in styles, so Word and WPS show them under
/// their own localised names (标题, 标题 1, 称呼, 签名, 页脚) and the headings
/// appear in the navigation pane.
pub mod style {
    pub const NORMAL: &str = "Normal";
    pub const TITLE: &str = "Title";
    pub const BYLINE: &str = "Byline";
    pub const HEADING_1: &str = "Heading1";
    pub const HEADING_2: &str = "Heading2";
    pub const SALUTATION: &str = "Salutation";
    pub const SIGNATURE: &str = "Signature";
    pub const NUMBER: &str = "DocNumber";
    pub const FOOTER: &str = "Footer";
}

/// The package's files, in the order they are stored, with their content.
pub fn all(document: String, title: &str, fonts: &Fonts) -> Vec<(&'static str, String)> {
    vec![
        ("[Content_Types].xml", CONTENT_TYPES.to_owned()),
        ("_rels/.rels", PACKAGE_RELS.to_owned()),
        ("docProps/core.xml", core(title)),
        ("word/document.xml", document),
        ("word/_rels/document.xml.rels", DOCUMENT_RELS.to_owned()),
        ("word/styles.xml", styles(fonts)),
        ("word/settings.xml", SETTINGS.to_owned()),
        ("word/fontTable.xml", font_table(fonts)),
        ("word/footer1.xml", footer(Side::Odd)),
        ("word/footer2.xml", footer(Side::Even)),
    ]
}

const CONTENT_TYPES: &str = concat!(
    "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n",
    r#"<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">"#,
    r#"<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>"#,
    r#"<Default Extension="xml" ContentType="application/xml"/>"#,
    r#"<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>"#,
    r#"<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>"#,
    r#"<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>"#,
    r#"<Override PartName="/word/settings.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml"/>"#,
    r#"<Override PartName="/word/fontTable.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.fontTable+xml"/>"#,
    r#"<Override PartName="/word/footer1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"/>"#,
    r#"<Override PartName="/word/footer2.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"/>"#,
    r#"</Types>"#
);

const PACKAGE_RELS: &str = concat!(
    "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n",
    r#"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"#,
    r#"<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>"#,
    r#"<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>"#,
    r#"</Relationships>"#
);

// The footer ids here are ODD_FOOTER_ID and EVEN_FOOTER_ID.
const DOCUMENT_RELS: &str = concat!(
    "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n",
    r#"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"#,
    r#"<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>"#,
    r#"<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings" Target="settings.xml"/>"#,
    r#"<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/fontTable" Target="fontTable.xml"/>"#,
    r#"<Relationship Id="rId4" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer" Target="footer1.xml"/>"#,
    r#"<Relationship Id="rId5" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer" Target="footer2.xml"/>"#,
    r#"</Relationships>"#
);

// Schema order of CT_Settings: zoom, defaultTabStop, evenAndOddHeaders,
// characterSpacingControl, compat. Punctuation is not compressed, so every
// full-width mark keeps its cell of the 28-character line; compatibility
// mode 15 keeps Word out of its Word 2007 layout mode.
const SETTINGS: &str = concat!(
    "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n",
    r#"<w:settings xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">"#,
    r#"<w:zoom w:percent="100"/>"#,
    r#"<w:defaultTabStop w:val="420"/>"#,
    r#"<w:evenAndOddHeaders/>"#,
    r#"<w:characterSpacingControl w:val="doNotCompress"/>"#,
    r#"<w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat>"#,
    r#"</w:settings>"#
);

/// The document's title in its properties, so Word's title bar, a PDF made
/// from it and file managers show it. No dates: the same draft gives the
/// same bytes.
fn core(title: &str) -> String {
    format!(
        concat!(
            "{decl}",
            r#"<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/">"#,
            r#"<dc:title>{title}</dc:title>"#,
            r#"</cp:coreProperties>"#
        ),
        decl = DECLARATION,
        title = xml::escape(title),
    )
}

/// Paragraph properties that cancel the body's two-character indent.
fn no_indent() -> String {
    r#"<w:ind w:firstLineChars="0" w:firstLine="0"/>"#.to_owned()
}

/// One paragraph style. `ppr` and `rpr` are already in schema order.
fn paragraph_style(out: &mut String, id: &str, name: &str, ppr: &str, rpr: &str) {
    // Schema order of CT_Style: name, basedOn, next, uiPriority, qFormat, pPr, rPr.
    let _ = write!(
        out,
        r#"<w:style w:type="paragraph" w:styleId="{id}"><w:name w:val="{name}"/><w:basedOn w:val="{normal}"/><w:next w:val="{normal}"/><w:qFormat/><w:pPr>{ppr}</w:pPr><w:rPr>{rpr}</w:rPr></w:style>"#,
        normal = style::NORMAL,
    );
}

/// `word/styles.xml`: the look of every kind of block, fonts from the
/// profile. Every style and the document defaults name their font in all
/// four slots, and no style refers to a theme font.
///
/// One long function because it is one XML document written in order, a
/// style a paragraph with the reason for its settings beside it; split,
/// the pieces would only be called once each, in this order.
pub fn styles(fonts: &Fonts) -> String {
    let mut out = String::with_capacity(6000);
    out.push_str(DECLARATION);
    let _ = write!(out, "<w:styles {NS}>");
    let _ = write!(
        out,
        concat!(
            r#"<w:docDefaults><w:rPrDefault><w:rPr>{fonts}<w:kern w:val="0"/>{size}"#,
            r#"<w:lang w:val="en-US" w:eastAsia="zh-CN" w:bidi="ar-SA"/></w:rPr></w:rPrDefault>"#,
            r#"<w:pPrDefault><w:pPr/></w:pPrDefault></w:docDefaults>"#
        ),
        fonts = xml::fonts(&fonts.body),
        size = xml::size(BODY_SIZE),
    );
    // Body text: 仿宋 三号 on the fixed 28.95 pt line, justified, first line
    // in by two characters. Widow control is off so that every full page
    // holds its 22 lines, as typed 公文 do; the automatic space Word puts
    // between Chinese and Latin or digits is off for the same grid, and
    // punctuation may not hang past the 版心's right edge (Word and
    // LibreOffice let it by default).
    let _ = write!(
        out,
        concat!(
            r#"<w:style w:type="paragraph" w:default="1" w:styleId="{normal}"><w:name w:val="Normal"/><w:qFormat/>"#,
            r#"<w:pPr><w:widowControl w:val="0"/><w:overflowPunct w:val="0"/><w:autoSpaceDE w:val="0"/><w:autoSpaceDN w:val="0"/>"#,
            r#"<w:adjustRightInd w:val="0"/><w:spacing w:before="0" w:after="0" w:line="{pitch}" w:lineRule="exact"/>"#,
            r#"<w:ind w:firstLineChars="200" w:firstLine="{indent}"/><w:jc w:val="both"/></w:pPr>"#,
            r#"<w:rPr>{fonts}<w:spacing w:val="{spacing}"/>{size}</w:rPr></w:style>"#
        ),
        normal = style::NORMAL,
        pitch = LINE_PITCH,
        indent = 2 * BODY_CHAR,
        fonts = xml::fonts(&fonts.body),
        spacing = CHAR_SPACING,
        size = xml::size(BODY_SIZE),
    );
    let centred = format!(r#"<w:keepNext/>{}<w:jc w:val="center"/>"#, no_indent());
    // LibreOffice gives a 22 pt line two lines of the page's grid, Word
    // keeps to the fixed line: off the grid, each title line takes one line
    // pitch in both.
    paragraph_style(
        &mut out,
        style::TITLE,
        "Title",
        &format!(
            r#"<w:keepNext/><w:snapToGrid w:val="0"/>{}<w:jc w:val="center"/>"#,
            no_indent()
        ),
        &format!("{}{}", xml::fonts(&fonts.title), xml::size(TITLE_SIZE)),
    );
    paragraph_style(
        &mut out,
        style::BYLINE,
        "讲话人及日期",
        &centred,
        &xml::fonts(&fonts.subheading),
    );
    // A notice's 发文字号: centred, in the body's font (GB/T 9704-2012 7.2.4).
    paragraph_style(
        &mut out,
        style::NUMBER,
        "发文字号",
        &centred,
        &xml::fonts(&fonts.body),
    );
    paragraph_style(
        &mut out,
        style::HEADING_1,
        "heading 1",
        r#"<w:keepNext/><w:outlineLvl w:val="0"/>"#,
        &xml::fonts(&fonts.heading),
    );
    paragraph_style(
        &mut out,
        style::HEADING_2,
        "heading 2",
        r#"<w:keepNext/><w:outlineLvl w:val="1"/>"#,
        &xml::fonts(&fonts.subheading),
    );
    paragraph_style(
        &mut out,
        style::SALUTATION,
        "Salutation",
        &format!(r#"<w:keepNext/>{}<w:jc w:val="left"/>"#, no_indent()),
        &xml::fonts(&fonts.body),
    );
    // The issuer and date stand four characters in from the right, as in
    // the HTML page, and are kept on one page together.
    paragraph_style(
        &mut out,
        style::SIGNATURE,
        "Signature",
        &format!(
            r#"<w:keepNext/><w:ind w:rightChars="400" w:right="{}" w:firstLineChars="0" w:firstLine="0"/><w:jc w:val="right"/>"#,
            4 * BODY_CHAR
        ),
        &xml::fonts(&fonts.body),
    );
    paragraph_style(
        &mut out,
        style::FOOTER,
        "footer",
        &format!(
            r#"<w:spacing w:before="0" w:after="0" w:line="{FOOTER_LINE}" w:lineRule="exact"/>{}"#,
            no_indent()
        ),
        &format!(
            r#"{}<w:spacing w:val="0"/>{}"#,
            xml::fonts(&fonts.page_number),
            xml::size(PAGE_NUMBER_SIZE)
        ),
    );
    out.push_str("</w:styles>");
    out
}

/// Free-standing names Word can look for when a 公文 font is missing:
/// Windows has 仿宋 and 楷体 but not their GB2312 editions.
fn alternative(font: &str) -> Option<&'static str> {
    match font {
        "仿宋_GB2312" => Some("仿宋"),
        "楷体_GB2312" => Some("楷体"),
        _ => None,
    }
}

/// `word/fontTable.xml`: each font once, marked as a GB2312 (charset 86)
/// font so a missing one is replaced by a Chinese font, not a Latin one.
fn font_table(fonts: &Fonts) -> String {
    let mut names: Vec<&str> = Vec::new();
    for name in [
        &fonts.body,
        &fonts.title,
        &fonts.heading,
        &fonts.subheading,
        &fonts.page_number,
    ] {
        if !names.contains(&name.as_str()) {
            names.push(name);
        }
    }
    let mut out = String::with_capacity(1000);
    out.push_str(DECLARATION);
    let _ = write!(out, "<w:fonts {NS}>");
    for name in names {
        let _ = write!(out, r#"<w:font w:name="{}">"#, xml::escape(name));
        if let Some(alt) = alternative(name) {
            let _ = write!(out, r#"<w:altName w:val="{alt}"/>"#);
        }
        out.push_str(r#"<w:charset w:val="86"/><w:family w:val="auto"/><w:pitch w:val="variable"/></w:font>"#);
    }
    out.push_str("</w:fonts>");
    out
}

#[derive(Clone, Copy)]
enum Side {
    Odd,
    Even,
}

/// A footer holding "— N —": on odd pages at the right, on even pages at
/// the left, one character in from the edge of the 版心. The PAGE field is
/// written out in full so its runs take the footer style's font.
fn footer(side: Side) -> String {
    let (jc, ind) = match side {
        Side::Odd => ("right", "right"),
        Side::Even => ("left", "left"),
    };
    format!(
        concat!(
            "{decl}<w:ftr {ns}><w:p><w:pPr><w:pStyle w:val=\"{style}\"/>",
            r#"<w:ind w:{ind}="{indent}" w:firstLineChars="0" w:firstLine="0"/><w:jc w:val="{jc}"/></w:pPr>"#,
            r#"<w:r><w:t xml:space="preserve">— </w:t></w:r>"#,
            r#"<w:r><w:fldChar w:fldCharType="begin"/></w:r>"#,
            r#"<w:r><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r>"#,
            r#"<w:r><w:fldChar w:fldCharType="separate"/></w:r>"#,
            r#"<w:r><w:t>1</w:t></w:r>"#,
            r#"<w:r><w:fldChar w:fldCharType="end"/></w:r>"#,
            r#"<w:r><w:t xml:space="preserve"> —</w:t></w:r>"#,
            r#"</w:p></w:ftr>"#
        ),
        decl = DECLARATION,
        ns = NS,
        style = style::FOOTER,
        ind = ind,
        indent = PAGE_NUMBER_CHAR,
        jc = jc,
    )
}
