//! The files a load has read, so a position can be shown with its path and
//! its line.

use std::path::{Path, PathBuf};

use crate::diagnostic::{Diagnostic, SourceText};
use crate::yaml::{Pos, SourceId};

pub(crate) struct SourceFile {
    pub path: PathBuf,
    pub text: SourceText,
}

#[derive(Default)]
pub(crate) struct Sources {
    files: Vec<SourceFile>,
}

impl Sources {
    pub fn add(&mut self, path: PathBuf, text: String) -> SourceId {
        self.files.push(SourceFile {
            path,
            text: SourceText::new(text),
        });
        SourceId::try_from(self.files.len() - 1).unwrap_or(SourceId::MAX)
    }

    /// A place for the file at `path`, whose text another thread is
    /// reading: its id now, its text by [`Sources::fill`].
    pub fn reserve(&mut self, path: PathBuf) -> SourceId {
        self.add(path, String::new())
    }

    pub fn fill(&mut self, id: SourceId, text: SourceText) {
        if let Some(file) = self.files.get_mut(id as usize) {
            file.text = text;
        }
    }

    /// Frees the text of `id` once nothing will point into it again (a
    /// batch forgets each profile once rendered).
    pub fn release(&mut self, id: SourceId) {
        if let Some(file) = self.files.get_mut(id as usize) {
            file.text = SourceText::new(String::new());
            file.path = PathBuf::new();
        }
    }

    pub fn get(&self, id: SourceId) -> Option<&SourceFile> {
        self.files.get(id as usize)
    }

    /// Where `key:` opens a top-level section of file `source`, when it
    /// does: a section whose keys were all misspelt reads as empty, and a
    /// missing key is best reported there.
    pub fn top_level_key(&self, source: SourceId, key: &str) -> Option<Pos> {
        let file = self.get(source)?;
        let index = file.text.lines().position(|l| {
            l.strip_prefix(key)
                .and_then(|rest| rest.strip_prefix(':'))
                .is_some_and(|rest| rest.is_empty() || rest.starts_with([' ', '\t', '#', '\r']))
        })?;
        Some(Pos {
            source,
            line: u32::try_from(index + 1).ok()?,
            column: 1,
        })
    }

    /// An error at `pos`, with the path and the source line filled in.
    pub fn diagnostic(&self, pos: Pos, message: String) -> Diagnostic {
        match self.get(pos.source) {
            Some(file) => {
                Diagnostic::error(&file.path, pos.line, pos.column, message).with_source(&file.text)
            }
            None => Diagnostic::error(Path::new("?"), pos.line, pos.column, message),
        }
    }
}
