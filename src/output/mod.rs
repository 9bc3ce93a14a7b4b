//! Markdown draft → the formats a user hands on: HTML, plain text, DOCX;
//! and writing them without ever leaving a half-written file.

pub mod blocks;
pub mod docx;
pub mod html;
pub mod text;
pub mod title;
pub mod write;

use crate::profile::Fonts;

/// The formats `render` writes. The doc comments are the `--help` text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// Markdown，模板写出的原稿
    Md,
    /// 网页，打印按 GB/T 9704 排版
    Html,
    /// 纯文本，便于粘贴到 Word 或 WPS
    Txt,
    /// Word 文档，按 GB/T 9704 排版（须用 -o）
    Docx,
}

impl Format {
    pub const ALL: [Format; 4] = [Format::Md, Format::Html, Format::Txt, Format::Docx];

    /// The format a file name's extension (lower case) names.
    pub fn from_extension(ext: &str) -> Option<Format> {
        match ext {
            "md" | "markdown" => Some(Format::Md),
            "html" | "htm" => Some(Format::Html),
            "txt" => Some(Format::Txt),
            "docx" => Some(Format::Docx),
            _ => None,
        }
    }

    /// What the format is, in a user's words.
    pub fn describe(self) -> &'static str {
        match self {
            Format::Md => "Markdown",
            Format::Html => "网页",
            Format::Txt => "纯文本",
            Format::Docx => "Word 文档",
        }
    }

    pub fn extension(self) -> &'static str {
        match self {
            Format::Md => "md",
            Format::Html => "html",
            Format::Txt => "txt",
            Format::Docx => "docx",
        }
    }
}

/// What the converters need besides the Markdown.
#[derive(Debug, Clone, Default)]
pub struct Extras {
    pub fonts: Fonts,
    /// Trusted HTML bigan itself made (the phase timeline), shown on screen
    /// after the draft and left out of print.
    pub screen_html: Option<String>,
}

/// Converts a Markdown draft to `format`.
pub fn convert(markdown: &str, format: Format, extras: &Extras) -> anyhow::Result<Vec<u8>> {
    Ok(match format {
        Format::Md => markdown.as_bytes().to_vec(),
        Format::Html => html::page(markdown, extras).into_bytes(),
        Format::Txt => text::plain(markdown).into_bytes(),
        Format::Docx => docx::document(markdown, &extras.fonts)?,
    })
}
