//! What a user hands bigan besides profiles — a draft to lint, a 范文 to
//! import — read whatever its format: plain text or Markdown
//! ([`text`], the one text-file reader, which profiles use too), a Word
//! document ([`docx`]) or a web page ([`html`]).
//!
//! The format is told by the file's name, and by its first bytes when the
//! name says nothing (a DOCX renamed `.txt` is still read as one).

pub mod docx;
pub mod html;
pub mod text;

use std::fmt;
use std::path::{Path, PathBuf};

pub use text::{Problem, TextError};

/// A block of text as a reader sees it (a paragraph, a heading), each
/// character with its column on `line` of the source.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Block {
    /// 1-based: the file's line (HTML), the paragraph's number (DOCX).
    pub line: u32,
    pub chars: Vec<char>,
    /// 1-based column of each of `chars`.
    pub columns: Vec<u32>,
    /// 1 for the title, 2 for a first-level heading (一、), and so on.
    pub heading: Option<u8>,
}

impl Block {
    pub fn text(&self) -> String {
        self.chars.iter().collect()
    }
}

/// The formats read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// Plain text or Markdown: the caller reads [`Document::text`].
    Text,
    Docx,
    Html,
}

/// A file read for its text.
#[derive(Debug, Clone)]
pub struct Document {
    pub path: PathBuf,
    pub format: Format,
    /// What a finding's line and column refer to: the file's text, and for
    /// a DOCX its paragraphs, one a line, numbered from 1.
    pub text: String,
    /// The text in blocks (DOCX and HTML); empty for plain text.
    pub blocks: Vec<Block>,
    /// The Word document itself, for the check of its page.
    pub docx: Option<docx::Docx>,
}

impl Document {
    /// The text as lines, one paragraph a line, for reading as plain text.
    pub fn plain_text(&self) -> String {
        match self.format {
            Format::Text => self.text.clone(),
            Format::Docx | Format::Html => {
                let mut out = String::new();
                for b in &self.blocks {
                    out.push_str(&b.text());
                    out.push('\n');
                }
                out
            }
        }
    }
}

/// A file that could not be read.
#[derive(Debug)]
pub enum ReadError {
    Text(TextError),
    /// Named or shaped as a DOCX, but not one bigan can read.
    Docx {
        path: PathBuf,
        why: String,
    },
}

impl fmt::Display for ReadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ReadError::Text(e) => e.fmt(f),
            ReadError::Docx { path, why } => write!(
                f,
                "{}：不是能读取的 Word 文档（.docx）：{why}。\
                 旧版 .doc 或 WPS 文件请用 Word 或 WPS“另存为”.docx；加了密码的文档请先去掉密码",
                path.display()
            ),
        }
    }
}

impl std::error::Error for ReadError {}

/// Reads the draft or text at `path`.
pub fn read(path: &Path) -> Result<Document, ReadError> {
    let text_error = |problem| {
        ReadError::Text(TextError {
            path: path.to_owned(),
            problem,
        })
    };
    let bytes = text::read_bytes(path, None).map_err(text_error)?;
    match format_of(path, &bytes) {
        Format::Docx => read_docx(path, &bytes),
        format => {
            let text = text::decode(&bytes).map_err(text_error)?;
            let blocks = if format == Format::Html {
                html::blocks(&text)
            } else {
                Vec::new()
            };
            Ok(Document {
                path: path.to_owned(),
                format,
                text,
                blocks,
                docx: None,
            })
        }
    }
}

/// The format by extension, else by content.
fn format_of(path: &Path, bytes: &[u8]) -> Format {
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase);
    match ext.as_deref() {
        Some("docx" | "docm" | "dotx") => return Format::Docx,
        Some("html" | "htm" | "xhtml") => return Format::Html,
        _ => {}
    }
    if bytes.starts_with(b"PK\x03\x04")
        && bytes
            .windows(b"word/document.xml".len())
            .any(|w| w == b"word/document.xml")
    {
        return Format::Docx;
    }
    let head = String::from_utf8_lossy(&bytes[..bytes.len().min(512)]).to_ascii_lowercase();
    let head = head.trim_start_matches('\u{feff}').trim_start();
    if head.starts_with("<!doctype html") || head.starts_with("<html") {
        Format::Html
    } else {
        Format::Text
    }
}

fn read_docx(path: &Path, bytes: &[u8]) -> Result<Document, ReadError> {
    let error = |why: String| ReadError::Docx {
        path: path.to_owned(),
        why,
    };
    if bytes.starts_with(b"\xD0\xCF\x11\xE0") {
        return Err(error("它是旧版 Word 格式，或加了密码".to_owned()));
    }
    let d = docx::read(bytes).map_err(|e| {
        error(match e {
            docx::DocxError::NotDocx(why) => why,
            docx::DocxError::TooLarge(part) => format!("{part} 大得不像真实的文档"),
            docx::DocxError::Xml(part, why) => format!("{part} 已损坏（{why}）"),
        })
    })?;
    let blocks = docx_blocks(&d);
    let mut text = String::new();
    for p in &d.paragraphs {
        text.push_str(&p.text);
        text.push('\n');
    }
    Ok(Document {
        path: path.to_owned(),
        format: Format::Docx,
        text,
        blocks,
        docx: Some(d),
    })
}

/// A DOCX's paragraphs as blocks, numbered from 1, with headings told by
/// their style: the title (Word's Title style, or a centred first
/// paragraph before any heading), then the outline levels.
fn docx_blocks(d: &docx::Docx) -> Vec<Block> {
    let title = title_paragraphs(d);
    d.paragraphs
        .iter()
        .enumerate()
        .map(|(i, p)| {
            let chars: Vec<char> = p.text.chars().collect();
            let columns = (1..=chars.len())
                .map(|c| u32::try_from(c).unwrap_or(u32::MAX))
                .collect();
            let heading = if title.contains(&i) {
                Some(1)
            } else {
                p.props.outline.filter(|&l| l < 8).map(|l| l + 2)
            };
            Block {
                line: u32::try_from(i + 1).unwrap_or(u32::MAX),
                chars,
                columns,
                heading,
            }
        })
        .collect()
}

/// The indexes of the title's paragraphs: those in Word's Title style, or
/// else the first non-empty paragraph when it is centred, with the
/// centred ones right after it in the same formatting (a title broken
/// over lines).
pub fn title_paragraphs(d: &docx::Docx) -> Vec<usize> {
    let styled: Vec<usize> = d
        .paragraphs
        .iter()
        .enumerate()
        .filter(|(_, p)| p.has_style("Title") && !p.text.trim().is_empty())
        .map(|(i, _)| i)
        .collect();
    if !styled.is_empty() {
        return styled;
    }
    let centred = |p: &docx::Paragraph| p.props.align.as_deref() == Some("center");
    let Some(first) = d.paragraphs.iter().position(|p| !p.text.trim().is_empty()) else {
        return Vec::new();
    };
    let head = &d.paragraphs[first];
    if !centred(head) || head.props.outline.is_some() {
        return Vec::new();
    }
    let look = head.main_props().cloned();
    let mut out = vec![first];
    for (i, p) in d.paragraphs.iter().enumerate().skip(first + 1) {
        if p.text.trim().is_empty() || !centred(p) || p.main_props().cloned() != look {
            break;
        }
        out.push(i);
    }
    out
}
