//! The calling thread's side of a batch: writes what was rendered, says
//! what went wrong as it goes, and sums up at the end with the exit status.

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use super::batch::Rendered;
use super::discover::{Entry, Skip};
use super::progress::Progress;
use crate::cli::RenderArgs;
use crate::diagnostic::Diagnostic;
use crate::error::{FAILURE, PROBLEMS, is_input};
use crate::output;
use crate::render::Doc;

/// The calling thread's side of a batch: writes what was rendered, says
/// what went wrong, keeps count for the summary.
pub struct Report<'a> {
    out: &'a Path,
    progress: Progress,
    profiles: usize,
    drafts: usize,
    failed: Vec<PathBuf>,
    io_failure: bool,
    /// Writes the drafts: staged as temporary files, put in place (one
    /// flush for many) when enough are waiting and at the end.
    writer: output::write::Writer,
    /// The profiles staged since the last commit, with their drafts.
    staged: Vec<(PathBuf, Vec<PathBuf>)>,
    /// Files that turned out not to be profiles once loaded.
    skipped: Vec<(PathBuf, Skip)>,
    /// Template errors already shown: the same error on many profiles is
    /// shown once.
    shown: HashSet<String>,
}

impl<'a> Report<'a> {
    pub fn new(total: usize, out: &'a Path, force: bool) -> Self {
        Report {
            writer: output::write::Writer::new(force),
            staged: Vec::new(),
            skipped: Vec::new(),
            out,
            progress: Progress::new(total),
            profiles: 0,
            drafts: 0,
            failed: Vec::new(),
            io_failure: false,
            shown: HashSet::new(),
        }
    }

    pub fn one(&mut self, entry: &Entry, rendered: Rendered, args: &RenderArgs) {
        let path = entry.path();
        match entry {
            Entry::Profile { loaded, .. } if !loaded.diagnostics.is_empty() => {
                self.progress.print(&diagnostics_text(&loaded.diagnostics));
            }
            Entry::Unreadable { error, .. } => {
                self.progress.print(&crate::error::report(error));
                // A file saved as GBK, or too large, is the user's to fix
                // (1, as when it is rendered alone); a read that failed is
                // not (2).
                self.io_failure |= !is_input(error);
            }
            _ => {}
        }
        let written = match rendered {
            Rendered::Drafts(drafts) => self.write(path, &drafts, args),
            Rendered::Invalid => None,
            Rendered::Lacking(gaps) => {
                self.progress.print(&diagnostics_text(&gaps));
                None
            }
            Rendered::Failed(e) => {
                let text = crate::error::report(&e);
                if self.shown.insert(text.clone()) {
                    self.progress
                        .print(&format!("{}：生成失败\n{text}", path.display()));
                } else {
                    self.progress
                        .print(&format!("{}：生成失败，模板错误同上", path.display()));
                }
                None
            }
        };
        match written {
            Some(files) => {
                self.profiles += 1;
                self.drafts += files.len();
                let names: Vec<String> = files.iter().map(|f| f.display().to_string()).collect();
                self.progress
                    .advance(&format!("{} → {}", path.display(), names.join("、")));
            }
            None => {
                self.failed.push(path.to_owned());
                self.progress
                    .advance(&format!("{}：未生成（错误见上）", path.display()));
            }
        }
    }

    /// Writes one profile's drafts; `None` (reported) when one failed.
    fn write(
        &mut self,
        path: &Path,
        drafts: &[(Doc, Vec<u8>)],
        args: &RenderArgs,
    ) -> Option<Vec<PathBuf>> {
        let files: Vec<PathBuf> = drafts
            .iter()
            .map(|(doc, _)| super::file_for(self.out, path, *doc, args.format))
            .collect();
        // A profile's drafts are staged all or none: a refused one (edited
        // by hand) keeps its siblings as they were too.
        let mark = self.writer.mark();
        let checked = files
            .iter()
            .zip(drafts)
            .try_for_each(|(target, (_, bytes))| self.writer.check(target, bytes));
        let written = checked.and_then(|()| {
            files
                .iter()
                .zip(drafts)
                .try_for_each(|(target, (_, bytes))| self.writer.write(target, bytes))
        });
        if let Err(e) = written {
            self.writer.abandon(mark);
            self.progress.print(&crate::error::report(&e));
            self.io_failure |= !is_input(&e);
            return None;
        }
        self.staged.push((path.to_owned(), files.clone()));
        if self.writer.due() {
            let failed = self.writer.commit();
            self.committed(failed);
        }
        Some(files)
    }

    /// A file that turned out not to be a profile once loaded.
    pub fn skip(&mut self, path: &Path, why: &Skip) {
        self.progress
            .advance(&format!("跳过 {}：{}", path.display(), skip_reason(why)));
        self.skipped.push((path.to_owned(), why.clone()));
    }

    /// Takes note of the drafts a commit could not put in place: their
    /// profiles count as failed after all.
    fn committed(&mut self, failed: Vec<output::write::Failed>) {
        for f in failed {
            self.progress.print(&crate::error::report(&f.error));
            self.io_failure |= !is_input(&f.error);
            if let Some(i) = self
                .staged
                .iter()
                .position(|(_, files)| files.contains(&f.target))
            {
                let (profile, files) = self.staged.swap_remove(i);
                self.profiles -= 1;
                self.drafts -= files.len();
                self.failed.push(profile);
            }
        }
        self.staged.clear();
    }

    /// Prints the summary; the exit status: 1 when a profile failed, 2
    /// when a file could not be read or written.
    pub fn finish(mut self, skipped: &[(PathBuf, Skip)]) -> ExitCode {
        let failed = self.writer.commit();
        for note in self.writer.take_notes() {
            self.progress.print(&note);
        }
        self.committed(failed);
        self.progress.finish();
        let failed: Vec<&Path> = self.failed.iter().map(PathBuf::as_path).collect();
        let skipped: Vec<(&Path, &Skip)> = skipped
            .iter()
            .chain(&self.skipped)
            .map(|(path, why)| (path.as_path(), why))
            .collect();
        eprint!(
            "{}",
            summary(self.profiles, self.drafts, self.out, &failed, &skipped)
        );
        match (self.failed.is_empty(), self.io_failure) {
            (true, _) => ExitCode::SUCCESS,
            (false, false) => ExitCode::from(PROBLEMS),
            (false, true) => ExitCode::from(FAILURE),
        }
    }
}

fn diagnostics_text(diagnostics: &[Diagnostic]) -> String {
    crate::diagnostic::shown(diagnostics)
}

pub fn skip_reason(why: &Skip) -> String {
    match why {
        Skip::Extended { by, count: 1 } => {
            format!(
                "共用文件（{} 用 extends 引用了它），不单独生成",
                by.display()
            )
        }
        Skip::Extended { by, count } => format!(
            "共用文件（{} 等 {count} 份配置用 extends 引用了它），不单独生成",
            by.display()
        ),
        Skip::NotAProfile => {
            "没有 org（单位）和 meeting（会议）两节，不是单位配置；如果它是配置，请补上这两节"
                .to_owned()
        }
    }
}

/// How many failures the summary names before "等".
const NAMED_FAILURES: usize = 10;

fn summary(
    rendered: usize,
    written: usize,
    out: &Path,
    failed: &[&Path],
    skipped: &[(&Path, &Skip)],
) -> String {
    let mut s = if rendered == 0 {
        "没有生成任何文稿。\n".to_owned()
    } else {
        format!(
            "完成：{rendered} 份配置生成了 {written} 篇文稿，写在 {}\n",
            out.display()
        )
    };
    if !failed.is_empty() {
        let names: Vec<String> = failed
            .iter()
            .take(NAMED_FAILURES)
            .map(|p| p.display().to_string())
            .collect();
        let more = if failed.len() > NAMED_FAILURES {
            " 等"
        } else {
            ""
        };
        s.push_str(&format!(
            "失败 {} 份（错误见上，改好后重新运行即可）：{}{more}\n",
            failed.len(),
            names.join("、")
        ));
    }
    if !skipped.is_empty() {
        s.push_str(&format!(
            "跳过 {} 个文件（共用的活动文件，或不是单位配置，见上）\n",
            skipped.len()
        ));
    }
    s
}
