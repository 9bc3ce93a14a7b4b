//! Markdown draft → the formats a user hands on: HTML, plain text, DOCX;
//! and writing them without ever leaving a half-written file.

pub mod blocks;
pub mod docx;
pub mod html;
pub mod text;
pub mod title;
pub mod write;

use crate::profile::Fonts;

/// The formats `render` writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// Markdown, the draft as the templates write it
    Md,
    /// A complete web page with print CSS after GB/T 9704
    Html,
    /// Plain text for pasting into Word or WPS
    Txt,
    /// A Word document after GB/T 9704 (needs -o)
    Docx,
}

impl Format {
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
