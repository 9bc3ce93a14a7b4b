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

    pub fn get(&self, id: SourceId) -> Option<&SourceFile> {
        self.files.get(id as usize)
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
