//! A Word document (DOCX) read back: its paragraphs as text, each with the
//! font and size its characters are shown in, and the page it is set on
//! (size, margins, line and character grid, page-number footers).
//!
//! The text is what a reader sees: automatic numbering (一、 （一） made by
//! Word's lists) is written out, deleted revisions and field codes are not.
//! Formatting is resolved the way Word does it — the run, its character
//! style, the paragraph's style and the styles it is based on, the
//! document defaults, the theme — so a check of the page sees the fonts a
//! reader sees, whatever way the author set them.

use std::collections::HashMap;
use std::io::Read as _;

use quick_xml::events::{BytesStart, Event};
use quick_xml::reader::Reader;

/// The largest part read (bytes, uncompressed): a 400-page speech's
/// document.xml is a few megabytes; more is a damaged or hostile file.
const MAX_PART_BYTES: u64 = 64 * 1024 * 1024;

/// Why a file is not a DOCX bigan can read.
#[derive(Debug)]
pub enum DocxError {
    /// Not a ZIP, or a ZIP without the parts of a Word document.
    NotDocx(String),
    /// A part too large to be real.
    TooLarge(&'static str),
    /// A part's XML is broken.
    Xml(&'static str, String),
}

/// Run formatting, each property unset until some level sets it.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct RunProps {
    /// The East Asian font, the one Chinese characters are shown in.
    pub east_asia: Option<String>,
    /// The font for Latin letters and digits.
    pub ascii: Option<String>,
    /// Theme slots (`minorEastAsia`…), resolved through the theme.
    east_asia_theme: Option<String>,
    ascii_theme: Option<String>,
    /// Size in half-points (32 = 16 pt).
    pub size: Option<u32>,
    /// Extra space between characters, twips.
    pub spacing: Option<i32>,
    pub bold: Option<bool>,
}

impl RunProps {
    /// `self` where set, else `base`.
    fn over(&self, base: &RunProps) -> RunProps {
        RunProps {
            east_asia: self.east_asia.clone().or_else(|| base.east_asia.clone()),
            ascii: self.ascii.clone().or_else(|| base.ascii.clone()),
            east_asia_theme: self
                .east_asia_theme
                .clone()
                .or_else(|| base.east_asia_theme.clone()),
            ascii_theme: self
                .ascii_theme
                .clone()
                .or_else(|| base.ascii_theme.clone()),
            size: self.size.or(base.size),
            spacing: self.spacing.or(base.spacing),
            bold: self.bold.or(base.bold),
        }
    }

    /// A font given directly wins over a theme slot at the same level.
    fn set_fonts(&mut self, e: &BytesStart) {
        if let Some(f) = attr(e, "eastAsia") {
            self.east_asia = Some(f);
            self.east_asia_theme = None;
        } else if let Some(t) = attr(e, "eastAsiaTheme") {
            self.east_asia_theme = Some(t);
        }
        if let Some(f) = attr(e, "ascii") {
            self.ascii = Some(f);
            self.ascii_theme = None;
        } else if let Some(t) = attr(e, "asciiTheme") {
            self.ascii_theme = Some(t);
        }
    }
}

/// Paragraph formatting, unset until some level sets it.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ParaProps {
    /// `center`, `both`, `left`, `right`…
    pub align: Option<String>,
    /// 0 for a first-level heading.
    pub outline: Option<u8>,
    /// Line spacing: twips for `exact`/`atLeast`, 240ths of a line for `auto`.
    pub line: Option<(u32, String)>,
    /// List numbering: (numId, level).
    numbering: Option<(String, u8)>,
    /// A frame's horizontal place (`outside` puts a page number on the
    /// outer side of every page, as WPS templates do).
    pub frame_x: Option<String>,
}

impl ParaProps {
    fn over(&self, base: &ParaProps) -> ParaProps {
        ParaProps {
            align: self.align.clone().or_else(|| base.align.clone()),
            outline: self.outline.or(base.outline),
            line: self.line.clone().or_else(|| base.line.clone()),
            numbering: self.numbering.clone().or_else(|| base.numbering.clone()),
            frame_x: self.frame_x.clone().or_else(|| base.frame_x.clone()),
        }
    }
}

#[derive(Debug, Clone, Default)]
struct StyleDef {
    name: String,
    based_on: Option<String>,
    para: ParaProps,
    run: RunProps,
}

/// The styles part: each style by id, the defaults, and the theme's fonts.
#[derive(Debug, Clone, Default)]
struct Styles {
    by_id: HashMap<String, StyleDef>,
    default_para: Option<String>,
    defaults_run: RunProps,
    defaults_para: ParaProps,
    /// Theme slot (`minorEastAsia`, `majorHAnsi`…) → font name.
    theme: HashMap<String, String>,
}

impl Styles {
    /// The style `id` with what it is based on, nearest last applied.
    fn chain(&self, id: Option<&str>) -> (ParaProps, RunProps, Vec<String>) {
        let mut para = ParaProps::default();
        let mut run = RunProps::default();
        let mut names = Vec::new();
        let mut next = id.map(str::to_owned);
        // A style based on itself, through any loop, is read once.
        let mut seen = Vec::new();
        while let Some(id) = next.take() {
            if seen.contains(&id) {
                break;
            }
            let Some(style) = self.by_id.get(&id) else {
                break;
            };
            para = para.over(&style.para);
            run = run.over(&style.run);
            names.push(style.name.clone());
            seen.push(id);
            next = style.based_on.clone();
        }
        (para, run, names)
    }

    /// A run's formatting with every level below it filled in.
    fn resolve(&self, run: &RunProps) -> RunProps {
        let mut r = run.over(&self.defaults_run);
        let theme = |slot: &Option<String>| {
            slot.as_ref().and_then(|s| {
                let key = if s.starts_with("major") {
                    "major"
                } else {
                    "minor"
                };
                let script = if s.ends_with("EastAsia") {
                    "ea"
                } else {
                    "latin"
                };
                self.theme.get(&format!("{key}.{script}")).cloned()
            })
        };
        if r.east_asia.is_none() {
            r.east_asia = theme(&r.east_asia_theme);
        }
        if r.ascii.is_none() {
            r.ascii = theme(&r.ascii_theme);
        }
        r
    }
}

/// A stretch of a paragraph in one formatting.
#[derive(Debug, Clone)]
pub struct Run {
    pub text: String,
    /// Fully resolved formatting.
    pub props: RunProps,
}

/// One paragraph of the body (tables included), in order.
#[derive(Debug, Clone)]
pub struct Paragraph {
    /// What a reader sees, numbering included.
    pub text: String,
    pub runs: Vec<Run>,
    /// Resolved paragraph formatting.
    pub props: ParaProps,
    /// The names of its style and the styles that one is based on.
    pub styles: Vec<String>,
    /// Whether Word's list numbering wrote the start of `text`.
    pub numbered: bool,
}

impl Paragraph {
    /// The formatting most of its characters have (ties: the first run).
    pub fn main_props(&self) -> Option<&RunProps> {
        let mut best: Option<(&RunProps, usize)> = None;
        for run in &self.runs {
            let n = run.text.chars().filter(|c| !c.is_whitespace()).count();
            let total: usize = self
                .runs
                .iter()
                .filter(|r| r.props == run.props)
                .map(|r| r.text.chars().filter(|c| !c.is_whitespace()).count())
                .sum();
            if n > 0 && best.is_none_or(|(_, b)| total > b) {
                best = Some((&run.props, total));
            }
        }
        best.map(|(p, _)| p)
    }

    /// The formatting of the run holding character `index` of `text`.
    pub fn props_at(&self, index: usize) -> Option<&RunProps> {
        let mut at = self.text.chars().count()
            - self
                .runs
                .iter()
                .map(|r| r.text.chars().count())
                .sum::<usize>();
        if index < at {
            // The numbering: Word shows it in the paragraph's first run's font.
            return self.runs.first().map(|r| &r.props);
        }
        for run in &self.runs {
            at += run.text.chars().count();
            if index < at {
                return Some(&run.props);
            }
        }
        self.runs.last().map(|r| &r.props)
    }

    /// Whether its style is named `name` (Word's English name, any case).
    pub fn has_style(&self, name: &str) -> bool {
        self.styles
            .first()
            .is_some_and(|s| s.eq_ignore_ascii_case(name))
    }
}

/// The page of the document's last section (the body's own).
#[derive(Debug, Clone, Default)]
pub struct Page {
    /// Width and height, twips.
    pub size: Option<(u32, u32)>,
    pub top: Option<i64>,
    pub bottom: Option<i64>,
    pub left: Option<i64>,
    pub right: Option<i64>,
    pub gutter: Option<i64>,
    /// `lines`, `linesAndChars`, `snapToChars` or none.
    pub grid: Option<String>,
    pub line_pitch: Option<u32>,
    /// Extra character pitch in 4096ths of a point.
    pub char_space: Option<i64>,
    /// Footer references: (`default`/`even`/`first`, relationship id).
    footer_refs: Vec<(String, String)>,
}

/// A footer: its paragraphs, and whether they hold a PAGE field.
#[derive(Debug, Clone)]
pub struct Footer {
    /// `default` (odd pages, or all when not told apart), `even`, `first`.
    pub kind: String,
    pub paragraphs: Vec<Paragraph>,
    pub has_page_field: bool,
}

/// A DOCX read back.
#[derive(Debug, Clone)]
pub struct Docx {
    pub paragraphs: Vec<Paragraph>,
    pub page: Page,
    pub footers: Vec<Footer>,
    /// Settings: odd and even pages have their own footers.
    pub even_and_odd: bool,
    /// The body text's formatting: the default paragraph style, resolved.
    pub body: RunProps,
    pub body_para: ParaProps,
}

/// Reads a DOCX from its bytes.
pub fn read(bytes: &[u8]) -> Result<Docx, DocxError> {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes))
        .map_err(|e| DocxError::NotDocx(format!("不是 ZIP 格式（{e}）")))?;
    let mut part = |name: &'static str| -> Result<Option<String>, DocxError> {
        let file = match zip.by_name(name) {
            Ok(f) => f,
            Err(zip::result::ZipError::FileNotFound) => return Ok(None),
            Err(e) => return Err(DocxError::NotDocx(format!("{name} 读不出来（{e}）"))),
        };
        let mut out = Vec::new();
        file.take(MAX_PART_BYTES + 1)
            .read_to_end(&mut out)
            .map_err(|e| DocxError::NotDocx(format!("{name} 读不出来（{e}）")))?;
        if out.len() as u64 > MAX_PART_BYTES {
            return Err(DocxError::TooLarge(name));
        }
        String::from_utf8(out)
            .map(Some)
            .map_err(|_| DocxError::Xml(name, "不是 UTF-8".to_owned()))
    };
    let document = part("word/document.xml")?
        .ok_or_else(|| DocxError::NotDocx("里面没有 word/document.xml".to_owned()))?;
    let mut styles = match part("word/styles.xml")? {
        Some(xml) => read_styles(&xml)?,
        None => Styles::default(),
    };
    if let Some(theme) = part("word/theme/theme1.xml")? {
        styles.theme = read_theme(&theme);
    }
    let numbering = match part("word/numbering.xml")? {
        Some(xml) => read_numbering(&xml)?,
        None => Numbering::default(),
    };
    let even_and_odd =
        part("word/settings.xml")?.is_some_and(|s| has_switch(&s, "evenAndOddHeaders"));
    let rels = part("word/_rels/document.xml.rels")?.unwrap_or_default();
    let mut counters = Counters::default();
    let body = read_body(
        &document,
        &styles,
        &numbering,
        &mut counters,
        "word/document.xml",
    )?;
    let mut footers = Vec::new();
    for (kind, id) in &body.page.footer_refs {
        let Some(target) = relationship_target(&rels, id) else {
            continue;
        };
        let name = format!(
            "word/{}",
            target.trim_start_matches('/').trim_start_matches("word/")
        );
        let xml = match zip.by_name(&name) {
            Ok(file) => {
                let mut out = String::new();
                if file.take(MAX_PART_BYTES).read_to_string(&mut out).is_err() {
                    continue;
                }
                out
            }
            Err(_) => continue,
        };
        let mut fresh = Counters::default();
        let read = read_body(&xml, &styles, &numbering, &mut fresh, "footer")?;
        footers.push(Footer {
            kind: kind.clone(),
            paragraphs: read.paragraphs,
            has_page_field: read.page_field,
        });
    }
    let (body_para, body_run, _) = styles.chain(styles.default_para.as_deref());
    Ok(Docx {
        paragraphs: body.paragraphs,
        page: body.page,
        footers,
        even_and_odd,
        body: styles.resolve(&body_run),
        body_para: body_para.over(&styles.defaults_para),
    })
}

/// The value of attribute `local` (any prefix).
fn attr(e: &BytesStart, local: &str) -> Option<String> {
    e.attributes().flatten().find_map(|a| {
        (a.key.local_name().as_ref() == local)
            .then(|| {
                a.normalized_value(quick_xml::XmlVersion::Implicit1_0)
                    .ok()
                    .map(|v| v.into_owned())
            })
            .flatten()
    })
}

fn local(e: &BytesStart) -> String {
    e.local_name().as_ref().to_owned()
}

/// `w:val` as a switch: absent, `1`, `true` and `on` are on.
fn switch(e: &BytesStart) -> bool {
    attr(e, "val").is_none_or(|v| matches!(v.as_str(), "1" | "true" | "on"))
}

fn number<T: std::str::FromStr>(e: &BytesStart, name: &str) -> Option<T> {
    attr(e, name).and_then(|v| v.trim().parse().ok())
}

/// Reads one property element of `w:rPr` into `run`.
fn run_property(run: &mut RunProps, e: &BytesStart) {
    match local(e).as_str() {
        "rFonts" => run.set_fonts(e),
        "sz" => run.size = number(e, "val"),
        "spacing" => run.spacing = number(e, "val"),
        "b" => run.bold = Some(switch(e)),
        _ => {}
    }
}

/// Reads one property element of `w:pPr` into `para`.
fn para_property(para: &mut ParaProps, e: &BytesStart) {
    match local(e).as_str() {
        "jc" => para.align = attr(e, "val"),
        "outlineLvl" => para.outline = number(e, "val"),
        "framePr" => para.frame_x = attr(e, "xAlign"),
        "spacing" => {
            if let Some(line) = number(e, "line") {
                let rule = attr(e, "lineRule").unwrap_or_else(|| "auto".to_owned());
                para.line = Some((line, rule));
            }
        }
        "ilvl" => {
            let level = number(e, "val").unwrap_or(0);
            let id = para.numbering.take().map(|(id, _)| id).unwrap_or_default();
            para.numbering = Some((id, level));
        }
        "numId" => {
            let level = para.numbering.take().map_or(0, |(_, l)| l);
            para.numbering = Some((attr(e, "val").unwrap_or_default(), level));
        }
        _ => {}
    }
}

fn xml_error(part: &'static str, e: impl std::fmt::Display) -> DocxError {
    DocxError::Xml(part, e.to_string())
}

fn read_styles(xml: &str) -> Result<Styles, DocxError> {
    let mut reader = Reader::from_str(xml);
    let mut styles = Styles::default();
    let mut current: Option<(String, StyleDef, bool)> = None;
    let mut in_ppr = false;
    let mut in_rpr = false;
    let mut in_defaults = false;
    loop {
        let event = reader
            .read_event()
            .map_err(|e| xml_error("styles.xml", e))?;
        let (e, empty) = match &event {
            Event::Start(e) => (e, false),
            Event::Empty(e) => (e, true),
            Event::End(e) => {
                match e.local_name().as_ref() {
                    "style" => {
                        if let Some((id, def, _)) = current.take() {
                            styles.by_id.insert(id, def);
                        }
                    }
                    "pPr" => in_ppr = false,
                    "rPr" => in_rpr = false,
                    "docDefaults" => in_defaults = false,
                    _ => {}
                }
                continue;
            }
            Event::Eof => break,
            _ => continue,
        };
        let name = local(e);
        match name.as_str() {
            "docDefaults" if !empty => in_defaults = true,
            "style" => {
                let id = attr(e, "styleId").unwrap_or_default();
                let paragraph = attr(e, "type").is_none_or(|t| t == "paragraph");
                if paragraph && attr(e, "default").is_some_and(|d| d == "1" || d == "true") {
                    styles.default_para = Some(id.clone());
                }
                if !empty {
                    current = Some((id, StyleDef::default(), paragraph));
                }
            }
            "name" => {
                if let Some((_, def, _)) = current.as_mut() {
                    def.name = attr(e, "val").unwrap_or_default();
                }
            }
            "basedOn" => {
                if let Some((_, def, _)) = current.as_mut() {
                    def.based_on = attr(e, "val");
                }
            }
            "pPr" if !empty => in_ppr = true,
            "rPr" if !empty => in_rpr = true,
            _ if in_rpr => {
                if let Some((_, def, _)) = current.as_mut() {
                    run_property(&mut def.run, e);
                } else if in_defaults {
                    run_property(&mut styles.defaults_run, e);
                }
            }
            _ if in_ppr => {
                if let Some((_, def, _)) = current.as_mut() {
                    para_property(&mut def.para, e);
                } else if in_defaults {
                    para_property(&mut styles.defaults_para, e);
                }
            }
            _ => {}
        }
    }
    Ok(styles)
}

/// The theme's major and minor fonts: `minor.ea` is what `minorEastAsia`
/// names. An empty `ea` defers to the Simplified Chinese (`Hans`) entry.
fn read_theme(xml: &str) -> HashMap<String, String> {
    let mut reader = Reader::from_str(xml);
    let mut out = HashMap::new();
    let mut which: Option<&str> = None;
    while let Ok(event) = reader.read_event() {
        match event {
            Event::Start(e) | Event::Empty(e) => match e.local_name().as_ref() {
                "majorFont" => which = Some("major"),
                "minorFont" => which = Some("minor"),
                "latin" | "ea" => {
                    if let (Some(w), Some(face)) = (which, attr(&e, "typeface")) {
                        let script = if e.local_name().as_ref() == "ea" {
                            "ea"
                        } else {
                            "latin"
                        };
                        if !face.is_empty() {
                            out.insert(format!("{w}.{script}"), face);
                        }
                    }
                }
                "font" => {
                    if let (Some(w), Some("Hans"), Some(face)) =
                        (which, attr(&e, "script").as_deref(), attr(&e, "typeface"))
                    {
                        out.entry(format!("{w}.ea")).or_insert(face);
                    }
                }
                _ => {}
            },
            Event::End(e) if matches!(e.local_name().as_ref(), "majorFont" | "minorFont") => {
                which = None;
            }
            Event::Eof => break,
            _ => {}
        }
    }
    out
}

/// One level of a list: where it starts, how its number is written.
#[derive(Debug, Clone, Default)]
struct Level {
    start: u64,
    format: String,
    text: String,
}

#[derive(Debug, Clone, Default)]
struct Numbering {
    /// abstractNumId → its levels.
    abstract_levels: HashMap<String, HashMap<u8, Level>>,
    /// numId → abstractNumId.
    nums: HashMap<String, String>,
}

fn read_numbering(xml: &str) -> Result<Numbering, DocxError> {
    let mut reader = Reader::from_str(xml);
    let mut out = Numbering::default();
    let mut abstract_id: Option<String> = None;
    let mut level: Option<(u8, Level)> = None;
    let mut num_id: Option<String> = None;
    loop {
        let event = reader
            .read_event()
            .map_err(|e| xml_error("numbering.xml", e))?;
        match event {
            Event::Start(e) | Event::Empty(e) => match e.local_name().as_ref() {
                "abstractNum" => abstract_id = attr(&e, "abstractNumId"),
                "lvl" => {
                    let ilvl = number(&e, "ilvl").unwrap_or(0);
                    level = Some((
                        ilvl,
                        Level {
                            start: 1,
                            ..Level::default()
                        },
                    ));
                }
                "start" => {
                    if let Some((_, l)) = level.as_mut() {
                        l.start = number(&e, "val").unwrap_or(1);
                    }
                }
                "numFmt" => {
                    if let Some((_, l)) = level.as_mut() {
                        l.format = attr(&e, "val").unwrap_or_default();
                    }
                }
                "lvlText" => {
                    if let Some((_, l)) = level.as_mut() {
                        l.text = attr(&e, "val").unwrap_or_default();
                    }
                }
                "num" => num_id = attr(&e, "numId"),
                "abstractNumId" => {
                    if let (Some(n), Some(a)) = (num_id.clone(), attr(&e, "val")) {
                        out.nums.insert(n, a);
                    }
                }
                _ => {}
            },
            Event::End(e) => match e.local_name().as_ref() {
                "lvl" => {
                    if let (Some(a), Some((i, l))) = (abstract_id.clone(), level.take()) {
                        out.abstract_levels.entry(a).or_default().insert(i, l);
                    }
                }
                "abstractNum" => abstract_id = None,
                "num" => num_id = None,
                _ => {}
            },
            Event::Eof => break,
            _ => {}
        }
    }
    Ok(out)
}

/// How far each list has counted, per abstract list and level.
#[derive(Debug, Default)]
struct Counters {
    counts: HashMap<String, Vec<Option<u64>>>,
}

impl Numbering {
    /// The number text of the next paragraph in list `num` at `level`.
    fn next(&self, counters: &mut Counters, num: &str, level: u8) -> Option<String> {
        let abstract_id = self.nums.get(num)?;
        let levels = self.abstract_levels.get(abstract_id)?;
        let this = levels.get(&level)?;
        let counts = counters.counts.entry(abstract_id.clone()).or_default();
        let at = usize::from(level);
        if counts.len() <= at {
            counts.resize(at + 1, None);
        }
        counts[at] = Some(counts[at].map_or(this.start, |n| n + 1));
        // A level going on restarts every level below it.
        counts.truncate(at + 1);
        let mut text = this.text.clone();
        for (i, count) in counts.iter().enumerate() {
            let format = levels
                .get(&(i as u8))
                .map_or("decimal", |l| l.format.as_str());
            let n = count.unwrap_or_else(|| levels.get(&(i as u8)).map_or(1, |l| l.start));
            text = text.replace(&format!("%{}", i + 1), &format_number(n, format));
        }
        (this.format != "none" && this.format != "bullet").then_some(text)
    }
}

/// A list number as Word writes it in `format`.
fn format_number(n: u64, format: &str) -> String {
    match format {
        "chineseCounting"
        | "chineseCountingThousand"
        | "japaneseCounting"
        | "taiwaneseCounting"
        | "taiwaneseCountingThousand"
        | "ideographTraditional" => crate::zh::numeral(n),
        "decimalEnclosedCircle" | "decimalEnclosedCircleChinese" if (1..=20).contains(&n) => {
            char::from_u32(0x245F + n as u32).map_or_else(|| n.to_string(), String::from)
        }
        "decimalFullWidth" | "decimalFullWidth2" => n
            .to_string()
            .chars()
            .map(|c| char::from_u32(c as u32 - '0' as u32 + '０' as u32).unwrap_or(c))
            .collect(),
        "lowerLetter" | "upperLetter" if (1..=26).contains(&n) => {
            let base = if format == "lowerLetter" { b'a' } else { b'A' };
            char::from(base + (n - 1) as u8).to_string()
        }
        _ => n.to_string(),
    }
}

/// A paragraph as written, before its style is resolved.
#[derive(Default)]
struct RawPara {
    props: ParaProps,
    style: Option<String>,
    runs: Vec<RawRun>,
}

/// A run as written: its text, its own props, its character style.
#[derive(Default)]
struct RawRun {
    text: String,
    props: RunProps,
    style: Option<String>,
}

/// What one body or footer part gave.
struct Body {
    paragraphs: Vec<Paragraph>,
    page: Page,
    page_field: bool,
}

/// Reads the paragraphs of `document.xml` or a footer, and the body's page.
///
/// One loop over the XML events, and so one long function: the states it
/// keeps (inside a paragraph's or a run's properties, a run, its text, a
/// deleted revision, a field code, the section) decide together what each
/// element means, and split apart they would have to be passed around as
/// one struct anyway.
fn read_body(
    xml: &str,
    styles: &Styles,
    numbering: &Numbering,
    counters: &mut Counters,
    part: &'static str,
) -> Result<Body, DocxError> {
    let mut reader = Reader::from_str(xml);
    let mut out = Body {
        paragraphs: Vec::new(),
        page: Page::default(),
        page_field: false,
    };
    let mut para: Option<RawPara> = None;
    let mut run: Option<RawRun> = None;
    let mut in_ppr = false;
    let mut in_rpr = false;
    let mut in_text = false;
    let mut in_instr = false;
    let mut deleted = 0u32;
    let mut sect_depth = 0u32;
    let mut page = Page::default();
    loop {
        let event = reader.read_event().map_err(|e| xml_error(part, e))?;
        match event {
            Event::Start(ref e) | Event::Empty(ref e) => {
                let empty = matches!(event, Event::Empty(_));
                let name = local(e);
                match name.as_str() {
                    "p" => {
                        para = Some(RawPara::default());
                        if empty {
                            finish(
                                &mut out.paragraphs,
                                para.take(),
                                styles,
                                numbering,
                                counters,
                            );
                        }
                    }
                    "pPr" if !empty => in_ppr = true,
                    "rPr" if !empty => in_rpr = true,
                    "r" if !empty => run = Some(RawRun::default()),
                    "t" if !empty => in_text = deleted == 0,
                    "instrText" if !empty => in_instr = true,
                    "del" | "moveFrom" if !empty => deleted += 1,
                    "fldSimple" if attr(e, "instr").is_some_and(|i| i.contains("PAGE")) => {
                        out.page_field = true;
                    }
                    "tab" if !in_ppr => {
                        if let Some(r) = run.as_mut() {
                            r.text.push('\t');
                        }
                    }
                    "noBreakHyphen" => {
                        if let Some(r) = run.as_mut() {
                            r.text.push('-');
                        }
                    }
                    "sectPr" => {
                        sect_depth += u32::from(!empty);
                        page = Page::default();
                    }
                    "pgSz" if sect_depth > 0 => {
                        if let (Some(w), Some(h)) = (number(e, "w"), number(e, "h")) {
                            page.size = Some((w, h));
                        }
                    }
                    "pgMar" if sect_depth > 0 => {
                        page.top = number(e, "top");
                        page.bottom = number(e, "bottom");
                        page.left = number(e, "left");
                        page.right = number(e, "right");
                        page.gutter = number(e, "gutter");
                    }
                    "docGrid" if sect_depth > 0 => {
                        page.grid = attr(e, "type");
                        page.line_pitch = number(e, "linePitch");
                        page.char_space = number(e, "charSpace");
                    }
                    "footerReference" if sect_depth > 0 => {
                        if let Some(id) = attr(e, "id") {
                            let kind = attr(e, "type").unwrap_or_else(|| "default".to_owned());
                            page.footer_refs.push((kind, id));
                        }
                    }
                    "pStyle" if in_ppr => {
                        if let Some(p) = para.as_mut() {
                            p.style = attr(e, "val");
                        }
                    }
                    "rStyle" if in_rpr => {
                        if let Some(r) = run.as_mut() {
                            r.style = attr(e, "val");
                        }
                    }
                    _ if in_rpr && sect_depth == 0 => {
                        if let Some(r) = run.as_mut() {
                            run_property(&mut r.props, e);
                        }
                    }
                    _ if in_ppr && sect_depth == 0 => {
                        if let Some(p) = para.as_mut() {
                            para_property(&mut p.props, e);
                        }
                    }
                    _ => {}
                }
            }
            Event::Text(t) => {
                let text = t.xml10_content();
                if in_instr && text.contains("PAGE") {
                    out.page_field = true;
                }
                if in_text && let Some(r) = run.as_mut() {
                    r.text.push_str(&text);
                }
            }
            Event::GeneralRef(r) => {
                if in_text && let Some(RawRun { text: s, .. }) = run.as_mut() {
                    let c = match r.resolve_char_ref() {
                        Ok(Some(c)) => Some(c),
                        _ => match r.as_ref() {
                            "amp" => Some('&'),
                            "lt" => Some('<'),
                            "gt" => Some('>'),
                            "quot" => Some('"'),
                            "apos" => Some('\''),
                            _ => None,
                        },
                    };
                    s.extend(c);
                }
            }
            Event::End(e) => match e.local_name().as_ref() {
                "p" => finish(
                    &mut out.paragraphs,
                    para.take(),
                    styles,
                    numbering,
                    counters,
                ),
                "pPr" => in_ppr = false,
                "rPr" => in_rpr = false,
                "r" => {
                    if let (Some(r), Some(p)) = (run.take(), para.as_mut()) {
                        p.runs.push(r);
                    }
                }
                "t" => in_text = false,
                "instrText" => in_instr = false,
                "del" | "moveFrom" => deleted = deleted.saturating_sub(1),
                "sectPr" => {
                    sect_depth = sect_depth.saturating_sub(1);
                    out.page = std::mem::take(&mut page);
                }
                _ => {}
            },
            Event::Eof => break,
            _ => {}
        }
    }
    Ok(out)
}

/// Ends a paragraph: its style resolved, its numbering written out.
fn finish(
    out: &mut Vec<Paragraph>,
    para: Option<RawPara>,
    styles: &Styles,
    numbering: &Numbering,
    counters: &mut Counters,
) {
    let Some(RawPara {
        props: own,
        style: style_id,
        runs: raw_runs,
    }) = para
    else {
        return;
    };
    let style_id = style_id.or_else(|| styles.default_para.clone());
    let (style_para, style_run, names) = styles.chain(style_id.as_deref());
    let props = own.over(&style_para).over(&styles.defaults_para);
    let runs: Vec<Run> = raw_runs
        .into_iter()
        .filter(|r| !r.text.is_empty())
        .map(|r| {
            let (_, char_run, _) = styles.chain(r.style.as_deref());
            let props = styles.resolve(&r.props.over(&char_run).over(&style_run));
            Run {
                text: r.text,
                props,
            }
        })
        .collect();
    let mut text: String = runs.iter().map(|r| r.text.as_str()).collect();
    let mut numbered = false;
    if let Some((num, level)) = &props.numbering
        && num != "0"
        && let Some(label) = numbering.next(counters, num, *level)
    {
        text.insert_str(0, &label);
        numbered = true;
    }
    out.push(Paragraph {
        text,
        runs,
        props,
        styles: names,
        numbered,
    });
}

/// Whether the settings part turns on the switch element `name`.
fn has_switch(xml: &str, name: &str) -> bool {
    let mut reader = Reader::from_str(xml);
    while let Ok(event) = reader.read_event() {
        match event {
            Event::Start(e) | Event::Empty(e) if e.local_name().as_ref() == name => {
                return switch(&e);
            }
            Event::Eof => break,
            _ => {}
        }
    }
    false
}

/// The target of relationship `id` in a `.rels` part.
fn relationship_target(rels: &str, id: &str) -> Option<String> {
    let mut reader = Reader::from_str(rels);
    while let Ok(event) = reader.read_event() {
        match event {
            Event::Start(e) | Event::Empty(e)
                if e.local_name().as_ref() == "Relationship"
                    && attr(&e, "Id").as_deref() == Some(id) =>
            {
                return attr(&e, "Target");
            }
            Event::Eof => break,
            _ => {}
        }
    }
    None
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use crate::profile::Fonts;

    fn draft() -> Docx {
        let md = "# 在动员大会上的讲话\n\n同志们：\n\n## 一、提高认识\n\n*（一）明确责任*。正文一。\n\n**第一，这是需要**。正文二。\n";
        let bytes = crate::output::docx::document(md, &Fonts::default()).unwrap();
        read(&bytes).unwrap()
    }

    #[test]
    fn reads_bigans_own_docx() {
        let d = draft();
        let texts: Vec<&str> = d.paragraphs.iter().map(|p| p.text.as_str()).collect();
        assert_eq!(
            texts,
            [
                "在动员大会上的讲话",
                "同志们：",
                "一、提高认识",
                "（一）明确责任。正文一。",
                "第一，这是需要。正文二。"
            ]
        );
        assert!(d.paragraphs[0].has_style("Title"));
        assert_eq!(d.paragraphs[2].props.outline, Some(0));
        let title = d.paragraphs[0].main_props().unwrap();
        assert_eq!(
            (title.east_asia.as_deref(), title.size),
            (Some("方正小标宋简体"), Some(44))
        );
        let lead = d.paragraphs[3].props_at(0).unwrap();
        assert_eq!(lead.east_asia.as_deref(), Some("楷体_GB2312"));
        let body = d.paragraphs[3].props_at(8).unwrap();
        assert_eq!(
            (body.east_asia.as_deref(), body.size),
            (Some("仿宋_GB2312"), Some(32))
        );
        assert_eq!(d.page.size, Some((11906, 16838)));
        assert_eq!(d.page.top, Some(2098));
        assert_eq!(d.footers.len(), 2);
        assert!(d.footers.iter().all(|f| f.has_page_field));
        assert!(d.even_and_odd);
    }

    #[test]
    fn list_numbers_are_written_out() {
        let numbering = read_numbering(concat!(
            r#"<w:numbering xmlns:w="x"><w:abstractNum w:abstractNumId="3">"#,
            r#"<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/></w:lvl>"#,
            r#"<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%2）"/></w:lvl>"#,
            r#"</w:abstractNum><w:num w:numId="7"><w:abstractNumId w:val="3"/></w:num></w:numbering>"#
        ))
        .unwrap();
        let mut c = Counters::default();
        let seq: Vec<String> = [(0, "7"), (1, "7"), (1, "7"), (0, "7"), (1, "7")]
            .iter()
            .map(|(l, n)| numbering.next(&mut c, n, *l).unwrap())
            .collect();
        assert_eq!(seq, ["一、", "（一）", "（二）", "二、", "（一）"]);
    }

    #[test]
    fn not_a_docx() {
        assert!(matches!(read(b"hello"), Err(DocxError::NotDocx(_))));
    }
}
