#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::collections::BTreeMap;
use std::io::{Cursor, Read as _};

use super::document;
use crate::profile::Fonts;

const DRAFT: &str = "# 在某某活动动员大会上的讲话\n\n\
#### 张三 {.byline}\n\n#### （2010年5月20日） {.byline}\n\n\
同志们：\n\n今天召开大会，部署工作。\n\n## 一、提高认识\n\n\
**第一，这是发展的需要**。正文10项。\n\n### （一）明确责任\n\n\
*（二）加强督导*。正文。\n\n1\\. 第三层\n\n#### 某委员会 {.signature}\n\n#### 2010年5月20日 {.signature}\n";

/// The package's parts by name.
fn parts(bytes: &[u8]) -> BTreeMap<String, String> {
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).unwrap();
    let mut out = BTreeMap::new();
    for i in 0..zip.len() {
        let mut file = zip.by_index(i).unwrap();
        let mut text = String::new();
        file.read_to_string(&mut text).unwrap();
        out.insert(file.name().unwrap().into_owned(), text);
    }
    out
}

fn draft_parts() -> BTreeMap<String, String> {
    parts(&document(DRAFT, &Fonts::default()).unwrap())
}

/// One XML tag: its name and whether it opens, closes or is empty.
#[derive(Debug)]
enum Tag<'a> {
    Open(&'a str, &'a str),
    Close(&'a str),
    Empty(&'a str, &'a str),
}

/// The tags of one of our parts (no comments, CDATA or `>` in attributes).
fn tags(xml: &str) -> Vec<Tag<'_>> {
    let mut out = Vec::new();
    let mut rest = xml;
    while let Some(start) = rest.find('<') {
        let end = start + rest[start..].find('>').expect("unclosed tag");
        let inner = &rest[start + 1..end];
        rest = &rest[end + 1..];
        if inner.starts_with('?') {
            continue;
        }
        if let Some(name) = inner.strip_prefix('/') {
            out.push(Tag::Close(name.trim()));
            continue;
        }
        let (inner, empty) = match inner.strip_suffix('/') {
            Some(i) => (i, true),
            None => (inner, false),
        };
        let (name, attrs) = inner.split_once(' ').unwrap_or((inner, ""));
        out.push(if empty {
            Tag::Empty(name, attrs)
        } else {
            Tag::Open(name, attrs)
        });
    }
    out
}

/// The children each parent may have, in the order the ECMA-376 schema
/// (wml.xsd) requires; Word refuses files that break it, LibreOffice does
/// not, so the order is tested here. Names on one line share a rank.
const ORDER: &[(&str, &[&str])] = &[
    (
        "w:pPr",
        &[
            "pStyle",
            "keepNext",
            "keepLines",
            "pageBreakBefore",
            "framePr",
            "widowControl",
            "numPr",
            "suppressLineNumbers",
            "pBdr",
            "shd",
            "tabs",
            "suppressAutoHyphens",
            "kinsoku",
            "wordWrap",
            "overflowPunct",
            "topLinePunct",
            "autoSpaceDE",
            "autoSpaceDN",
            "bidi",
            "adjustRightInd",
            "snapToGrid",
            "spacing",
            "ind",
            "contextualSpacing",
            "mirrorIndents",
            "suppressOverlap",
            "jc",
            "textDirection",
            "textAlignment",
            "textboxTightWrap",
            "outlineLvl",
            "divId",
            "cnfStyle",
            "rPr",
            "sectPr",
            "pPrChange",
        ],
    ),
    (
        "w:rPr",
        &[
            "rStyle",
            "rFonts",
            "b",
            "bCs",
            "i",
            "iCs",
            "caps",
            "smallCaps",
            "strike",
            "dstrike",
            "outline",
            "shadow",
            "emboss",
            "imprint",
            "noProof",
            "snapToGrid",
            "vanish",
            "webHidden",
            "color",
            "spacing",
            "w",
            "kern",
            "position",
            "sz",
            "szCs",
            "highlight",
            "u",
            "effect",
            "bdr",
            "shd",
            "fitText",
            "vertAlign",
            "rtl",
            "cs",
            "em",
            "lang",
            "eastAsianLayout",
            "specVanish",
            "oMath",
        ],
    ),
    (
        "w:sectPr",
        &[
            "headerReference|footerReference",
            "footnotePr",
            "endnotePr",
            "type",
            "pgSz",
            "pgMar",
            "paperSrc",
            "pgBorders",
            "lnNumType",
            "pgNumType",
            "cols",
            "formProt",
            "vAlign",
            "noEndnote",
            "titlePg",
            "textDirection",
            "bidi",
            "rtlGutter",
            "docGrid",
            "printerSettings",
        ],
    ),
    (
        "w:style",
        &[
            "name",
            "aliases",
            "basedOn",
            "next",
            "link",
            "autoRedefine",
            "hidden",
            "uiPriority",
            "semiHidden",
            "unhideWhenUsed",
            "qFormat",
            "locked",
            "personal",
            "personalCompose",
            "personalReply",
            "rsid",
            "pPr",
            "rPr",
            "tblPr",
            "trPr",
            "tcPr",
            "tblStylePr",
        ],
    ),
    ("w:styles", &["docDefaults", "latentStyles", "style"]),
    ("w:docDefaults", &["rPrDefault", "pPrDefault"]),
    (
        "w:settings",
        &[
            "writeProtection",
            "view",
            "zoom",
            "removePersonalInformation",
            "mirrorMargins",
            "proofState",
            "attachedTemplate",
            "documentProtection",
            "defaultTabStop",
            "autoHyphenation",
            "evenAndOddHeaders",
            "noPunctuationKerning",
            "characterSpacingControl",
            "compat",
            "rsids",
            "themeFontLang",
        ],
    ),
    (
        "w:font",
        &[
            "altName",
            "panose1",
            "charset",
            "family",
            "notTrueType",
            "pitch",
            "sig",
        ],
    ),
    ("w:p", &["pPr", "r|fldSimple|hyperlink"]),
    ("w:r", &["rPr", "t|tab|br|fldChar|instrText"]),
];

fn rank(order: &[&str], child: &str) -> Option<usize> {
    order
        .iter()
        .position(|names| names.split('|').any(|n| n == child))
}

/// Checks balance and the schema order of children.
fn check_part(name: &str, xml: &str) {
    let mut stack: Vec<(&str, usize)> = Vec::new();
    for tag in tags(xml) {
        let child = match tag {
            Tag::Open(n, _) | Tag::Empty(n, _) => Some(n),
            Tag::Close(_) => None,
        };
        if let (Some(child), Some((parent, last))) = (child, stack.last_mut())
            && let Some((_, order)) = ORDER.iter().find(|(p, _)| p == parent)
        {
            let local = child.trim_start_matches("w:");
            let r = rank(order, local)
                .unwrap_or_else(|| panic!("{name}: <{child}> is not expected in <{parent}>"));
            assert!(
                r >= *last,
                "{name}: <{child}> stands too late in <{parent}>"
            );
            *last = r;
        }
        match tag {
            Tag::Open(n, _) => stack.push((n, 0)),
            Tag::Close(n) => {
                let (open, _) = stack
                    .pop()
                    .unwrap_or_else(|| panic!("{name}: stray </{n}>"));
                assert_eq!(open, n, "{name}: <{open}> closed by </{n}>");
            }
            Tag::Empty(..) => {}
        }
    }
    assert!(stack.is_empty(), "{name}: unclosed {stack:?}");
}

#[test]
fn every_part_is_well_formed_and_in_schema_order() {
    let parts = draft_parts();
    for name in [
        "[Content_Types].xml",
        "_rels/.rels",
        "docProps/core.xml",
        "word/document.xml",
        "word/_rels/document.xml.rels",
        "word/styles.xml",
        "word/settings.xml",
        "word/fontTable.xml",
        "word/footer1.xml",
        "word/footer2.xml",
    ] {
        let xml = parts.get(name).unwrap_or_else(|| panic!("{name} missing"));
        check_part(name, xml);
    }
    let bytes = document(DRAFT, &Fonts::default()).unwrap();
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).unwrap();
    assert_eq!(
        zip.by_index(0).unwrap().name().unwrap(),
        "[Content_Types].xml"
    );
}

#[test]
fn every_font_fills_all_four_slots_and_no_theme_font_is_named() {
    let parts = draft_parts();
    let mut seen = 0;
    for (name, xml) in &parts {
        assert!(!name.contains("theme"), "{name}");
        assert!(!xml.contains("Theme"), "{name} names a theme font");
        for tag in tags(xml) {
            if let Tag::Empty("w:rFonts", attrs) | Tag::Open("w:rFonts", attrs) = tag {
                seen += 1;
                let value = |a: &str| {
                    let key = format!("{a}=\"");
                    let at = attrs
                        .find(&key)
                        .unwrap_or_else(|| panic!("{name}: {attrs} lacks {a}"));
                    let rest = &attrs[at + key.len()..];
                    rest[..rest.find('"').unwrap()].to_owned()
                };
                let ascii = value("w:ascii");
                for slot in ["w:hAnsi", "w:eastAsia", "w:cs"] {
                    assert_eq!(value(slot), ascii, "{name}: {attrs}");
                }
            }
        }
    }
    // The defaults, six styles, the footer and the 楷体 lead.
    assert!(seen >= 9, "{seen}");
}

#[test]
fn the_page_is_a4_with_the_standard_margins_grid_and_footers() {
    let parts = draft_parts();
    let doc = &parts["word/document.xml"];
    let sect = &doc[doc.find("<w:sectPr>").unwrap()..];
    assert!(
        sect.contains(r#"<w:pgSz w:w="11906" w:h="16838"/>"#),
        "{sect}"
    );
    assert!(
        sect.contains(r#"w:top="2098" w:right="1474" w:bottom="1984" w:left="1587""#),
        "{sect}"
    );
    assert!(
        sect.contains(r#"<w:docGrid w:type="lines" w:linePitch="579"/>"#),
        "{sect}"
    );
    assert!(sect.contains(r#"<w:footerReference w:type="default" r:id="rId4"/>"#));
    assert!(sect.contains(r#"<w:footerReference w:type="even" r:id="rId5"/>"#));
    assert!(parts["word/settings.xml"].contains("<w:evenAndOddHeaders/>"));
    let rels = &parts["word/_rels/document.xml.rels"];
    assert!(rels.contains(r#"Id="rId4" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer" Target="footer1.xml""#));
    assert!(rels.contains(r#"Id="rId5" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer" Target="footer2.xml""#));
}

/// The `<w:style>` element with id `id`.
fn style<'a>(styles: &'a str, id: &str) -> &'a str {
    let start = styles
        .find(&format!(r#"w:styleId="{id}""#))
        .unwrap_or_else(|| panic!("no style {id}"));
    let end = start + styles[start..].find("</w:style>").unwrap();
    &styles[start..end]
}

#[test]
fn styles_set_the_standard_fonts_sizes_and_lines() {
    let parts = draft_parts();
    let styles = &parts["word/styles.xml"];
    let fonts = |font: &str| crate::output::docx::xml::fonts(font);
    let normal = style(styles, "Normal");
    for want in [
        fonts("仿宋_GB2312").as_str(),
        r#"<w:sz w:val="32"/><w:szCs w:val="32"/>"#,
        r#"w:line="579" w:lineRule="exact""#,
        r#"<w:ind w:firstLineChars="200" w:firstLine="640"/>"#,
        r#"<w:spacing w:val="-5"/>"#,
        r#"<w:jc w:val="both"/>"#,
        r#"<w:widowControl w:val="0"/>"#,
    ] {
        assert!(normal.contains(want), "Normal lacks {want}: {normal}");
    }
    let title = style(styles, "Title");
    assert!(title.contains(&fonts("方正小标宋简体")), "{title}");
    assert!(title.contains(r#"<w:sz w:val="44"/>"#), "{title}");
    assert!(title.contains(r#"<w:jc w:val="center"/>"#), "{title}");
    let byline = style(styles, "Byline");
    assert!(byline.contains(&fonts("楷体_GB2312")) && byline.contains(r#"w:val="center""#));
    assert!(style(styles, "Heading1").contains(&fonts("黑体")));
    assert!(style(styles, "Heading2").contains(&fonts("楷体_GB2312")));
    let salutation = style(styles, "Salutation");
    assert!(
        salutation.contains(r#"w:firstLineChars="0" w:firstLine="0""#),
        "{salutation}"
    );
    let signature = style(styles, "Signature");
    assert!(
        signature.contains(r#"<w:jc w:val="right"/>"#),
        "{signature}"
    );
    let footer = style(styles, "Footer");
    assert!(footer.contains(&fonts("宋体")) && footer.contains(r#"<w:sz w:val="28"/>"#));
}

/// The style ids of the body's paragraphs, in order.
fn paragraph_styles(doc: &str) -> Vec<&str> {
    doc.split(r#"<w:pStyle w:val=""#)
        .skip(1)
        .map(|s| &s[..s.find('"').unwrap()])
        .collect()
}

#[test]
fn each_block_takes_its_style_and_leads_their_face() {
    let parts = draft_parts();
    let doc = &parts["word/document.xml"];
    assert_eq!(
        paragraph_styles(doc),
        [
            "Title",
            "Byline",
            "Byline",
            "Salutation",
            "Normal",
            "Heading1",
            "Normal",
            "Heading2",
            "Normal",
            "Normal",
            "Signature",
            "Signature"
        ]
    );
    let kai = format!(
        r#"<w:r><w:rPr>{}</w:rPr><w:t xml:space="preserve">（二）加强督导</w:t></w:r>"#,
        crate::output::docx::xml::fonts("楷体_GB2312")
    );
    assert!(doc.contains(&kai), "{doc}");
    assert!(doc.contains(
        r#"<w:r><w:rPr><w:b/><w:bCs/></w:rPr><w:t xml:space="preserve">第一，这是发展的需要</w:t></w:r>"#
    ));
    assert!(
        doc.contains(r#"<w:t xml:space="preserve">1. 第三层</w:t>"#),
        "{doc}"
    );
    // One empty line under the title, one under the bylines, one above the
    // signature.
    let spaced: Vec<&str> = doc
        .split("<w:p>")
        .filter(|p| p.contains(r#"w:after="579""#))
        .collect();
    assert_eq!(spaced.len(), 2);
    assert!(
        spaced[0].contains("在某某活动动员大会上的讲话"),
        "{spaced:?}"
    );
    assert!(spaced[1].contains("（2010年5月20日）"), "{spaced:?}");
    let before: Vec<&str> = doc
        .split("<w:p>")
        .filter(|p| p.contains(r#"w:before="579""#))
        .collect();
    assert_eq!(before.len(), 1);
    assert!(before[0].contains("某委员会"), "{before:?}");
    // Markers are text: nothing is numbered by Word.
    assert!(!doc.contains("numPr") && !parts.contains_key("word/numbering.xml"));
}

#[test]
fn page_numbers_stand_outside_one_character_in() {
    let parts = draft_parts();
    let odd = &parts["word/footer1.xml"];
    let even = &parts["word/footer2.xml"];
    assert!(odd.contains(r#"<w:ind w:right="280""#) && odd.contains(r#"<w:jc w:val="right"/>"#));
    assert!(even.contains(r#"<w:ind w:left="280""#) && even.contains(r#"<w:jc w:val="left"/>"#));
    for footer in [odd, even] {
        assert!(footer.contains(r#"<w:instrText xml:space="preserve"> PAGE </w:instrText>"#));
        assert!(
            footer.contains("— </w:t>") && footer.contains("> —</w:t>"),
            "{footer}"
        );
        assert!(footer.contains(r#"<w:pStyle w:val="Footer"/>"#));
    }
}

#[test]
fn fonts_come_from_the_profile_and_are_escaped() {
    let fonts = Fonts {
        title: "方正小标宋_GBK".into(),
        body: "仿宋".into(),
        heading: "A&B\"C".into(),
        subheading: "楷体".into(),
        page_number: "Times New Roman".into(),
    };
    let parts = parts(&document(DRAFT, &fonts).unwrap());
    let styles = &parts["word/styles.xml"];
    assert!(styles.contains(r#"w:eastAsia="方正小标宋_GBK""#));
    assert!(styles.contains(r#"w:eastAsia="A&amp;B&quot;C""#));
    assert!(!styles.contains("仿宋_GB2312"));
    assert!(parts["word/fontTable.xml"].contains(r#"<w:font w:name="Times New Roman">"#));
    check_part("styles", styles);
}

#[test]
fn the_title_goes_into_the_properties() {
    let parts = draft_parts();
    assert!(parts["docProps/core.xml"].contains("<dc:title>在某某活动动员大会上的讲话</dc:title>"));
}

#[test]
fn the_same_draft_gives_the_same_bytes() {
    let a = document(DRAFT, &Fonts::default()).unwrap();
    let b = document(DRAFT, &Fonts::default()).unwrap();
    assert_eq!(a, b);
    assert_ne!(a, document("# 别的\n", &Fonts::default()).unwrap());
}

#[test]
fn odd_input_still_gives_a_valid_package() {
    for md in [
        "",
        "\u{1}<w:p>&\n\n## \n\n**",
        "# a\tb\n\n[链接](javascript:x)\n",
    ] {
        let parts = parts(&document(md, &Fonts::default()).unwrap());
        check_part(md, &parts["word/document.xml"]);
        assert!(parts["word/document.xml"].contains("<w:body>"));
    }
}

#[test]
fn a_long_title_is_broken_between_words_and_stays_in_the_properties() {
    let title = "关于深入开展全国文明城市创建活动的实施方案";
    let parts = parts(&document(&format!("# {title}\n\n正文。\n"), &Fonts::default()).unwrap());
    let body = &parts["word/document.xml"];
    check_part("title", body);
    assert!(
        body.contains(concat!(
            r#"<w:t xml:space="preserve">关于深入开展全国文明城市</w:t></w:r>"#,
            r#"<w:r><w:br/></w:r><w:r><w:t xml:space="preserve">创建活动的实施方案</w:t>"#
        )),
        "{body}"
    );
    assert!(parts["docProps/core.xml"].contains(&format!("<dc:title>{title}</dc:title>")));
}
