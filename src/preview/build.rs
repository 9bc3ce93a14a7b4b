//! One rebuild: the profile loaded afresh, the templates compiled afresh,
//! every document rendered, and what the page shows for each, as plain data.
//! Two builds compare equal when a save changed nothing a reader sees, so
//! the browser is only reloaded when there is something new.

use std::path::PathBuf;

use crate::diagnostic::{self, Severity};
use crate::draft;
use crate::error::report;
use crate::profile::{self, Profile};
use crate::render::{Doc, Renderer};
use crate::timeline;

/// Where a build reads from.
#[derive(Debug, Clone)]
pub struct Source {
    pub profile: PathBuf,
    pub templates: Option<PathBuf>,
    /// Which wording of the stock sentences (`--variant`).
    pub variant: u32,
}

/// Every document of one profile as the preview shows it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Build {
    /// The profile and each file it extends, as loading found them.
    pub files: Vec<PathBuf>,
    /// The warnings `check` gives, rustc-style, shown beside a draft: the
    /// first [`diagnostic::SHOWN`] of them.
    pub warnings: Vec<String>,
    /// How many warnings there are beyond those in `warnings`.
    pub hidden_warnings: usize,
    /// One entry per [`Doc::ALL`], in that order.
    pub docs: Vec<DocView>,
}

/// One document: its draft, or why there is none.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DocView {
    pub doc: Doc,
    /// Whether the profile has what this document needs (as far as known).
    pub supported: bool,
    pub content: Result<Draft, Problem>,
}

/// A rendered draft.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Draft {
    pub markdown: String,
    /// The phase timeline (trusted SVG bigan made), or empty.
    pub timeline: String,
}

/// What stops a draft from being shown, shown in its place.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// One line saying what is wrong.
    pub heading: String,
    /// The located report: diagnostics rustc-style, or an error chain.
    pub detail: String,
}

impl Build {
    /// The view of `doc`.
    pub fn view(&self, doc: Doc) -> Option<&DocView> {
        self.docs.iter().find(|v| v.doc == doc)
    }

    /// The problems of the documents the profile has, each once: what the
    /// terminal reports after a save.
    pub fn problems(&self) -> Vec<&Problem> {
        let mut found: Vec<&Problem> = Vec::new();
        for view in self.docs.iter().filter(|v| v.supported) {
            if let Err(p) = &view.content
                && !found.contains(&p)
            {
                found.push(p);
            }
        }
        found
    }
}

/// Loads, compiles and renders everything from scratch. Never fails: what
/// goes wrong becomes a [`Problem`] the page shows.
pub fn build(source: &Source) -> Build {
    let genre = crate::genre::Genre::open(source.templates.as_deref());
    let loaded = match genre.and_then(|g| profile::Loader::with_genre(g).load(&source.profile)) {
        Ok(loaded) => loaded,
        Err(e) => {
            let problem = Problem {
                heading: "配置文件读不了".to_owned(),
                detail: report(&e),
            };
            return everywhere(vec![source.profile.clone()], Vec::new(), problem);
        }
    };
    let (errors, warnings): (Vec<_>, Vec<_>) = loaded
        .diagnostics
        .iter()
        .partition(|d| d.severity == Severity::Error);
    let hidden_warnings = warnings.len().saturating_sub(diagnostic::SHOWN);
    let warnings: Vec<String> = warnings
        .iter()
        .take(diagnostic::SHOWN)
        .map(ToString::to_string)
        .collect();
    let Some(profile) = loaded.profile else {
        let problem = Problem {
            heading: format!("配置有{}处错误，文稿暂时无法生成", errors.len().max(1)),
            detail: diagnostic::shown(&loaded.diagnostics),
        };
        // Every diagnostic is in the report already.
        return everywhere(loaded.files, Vec::new(), problem);
    };
    let renderer = match Renderer::new(source.templates.as_deref()) {
        Ok(r) => r.with_variant(source.variant),
        Err(e) => {
            let problem = template_problem(&e);
            return Build {
                hidden_warnings,
                ..everywhere(loaded.files, warnings, problem)
            };
        }
    };
    let docs = Doc::ALL
        .into_iter()
        .map(|doc| view(&renderer, &profile, doc))
        .collect();
    Build {
        files: loaded.files,
        warnings,
        hidden_warnings,
        docs,
    }
}

fn view(renderer: &Renderer, profile: &Profile, doc: Doc) -> DocView {
    let supported = doc.supported_by(profile);
    let content = match doc.gap(profile) {
        Some(gap) => Err(Problem {
            heading: format!(
                "还不能生成{}：配置里缺少 {}",
                doc.title(),
                gap.keys.join("、")
            ),
            detail: gap.diagnostic.to_string(),
        }),
        None => match draft::markdown(renderer, profile, doc) {
            Ok(markdown) => Ok(Draft {
                markdown,
                timeline: timeline::svg(profile, doc),
            }),
            Err(e) => Err(template_problem(&e)),
        },
    };
    DocView {
        doc,
        supported,
        content,
    }
}

fn template_problem(e: &anyhow::Error) -> Problem {
    Problem {
        heading: "模板有错误，文稿暂时无法生成".to_owned(),
        detail: report(e),
    }
}

/// The same problem for every document.
fn everywhere(files: Vec<PathBuf>, warnings: Vec<String>, problem: Problem) -> Build {
    Build {
        files,
        warnings,
        hidden_warnings: 0,
        docs: Doc::ALL
            .into_iter()
            .map(|doc| DocView {
                doc,
                supported: true,
                content: Err(problem.clone()),
            })
            .collect(),
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use std::path::Path;

    fn write(dir: &Path, name: &str, text: &str) -> PathBuf {
        let path = dir.join(name);
        std::fs::write(&path, text).unwrap();
        path
    }

    const MINIMAL: &str =
        "org:\n  name: 测试医院\ncampaign:\n  name: 创先争优\nmeeting:\n  date: 2010-05-20\n";

    #[test]
    fn a_valid_profile_gives_every_document_it_supports() {
        let dir = tempfile::tempdir().unwrap();
        let profile = write(dir.path(), "p.yaml", MINIMAL);
        let b = build(&Source {
            profile,
            templates: None,
            variant: 1,
        });
        assert!(b.view(Doc::Speech).unwrap().content.is_ok(), "{b:?}");
        assert!(b.view(Doc::Plan).unwrap().content.is_ok(), "{b:?}");
        let progress = b.view(Doc::Progress).unwrap();
        assert!(!progress.supported);
        assert!(
            progress
                .content
                .as_ref()
                .unwrap_err()
                .heading
                .contains("progress")
        );
        // Each document the profile lacks the facts for says which keys.
        let notice = b.view(Doc::Notice).unwrap();
        assert!(!notice.supported);
        let problem = notice.content.as_ref().unwrap_err();
        assert!(problem.heading.contains("meeting.place"), "{problem:?}");
        assert!(problem.detail.contains("p.yaml:5:1"), "{problem:?}");
        assert_eq!(b.docs.len(), Doc::ALL.len());
        assert!(b.problems().is_empty(), "{:?}", b.problems());
    }

    #[test]
    fn a_broken_profile_is_a_located_problem_not_a_failure() {
        let dir = tempfile::tempdir().unwrap();
        let profile = write(
            dir.path(),
            "p.yaml",
            "org:\n  name: 测试医院\n   short: 我院\n",
        );
        let b = build(&Source {
            profile,
            templates: None,
            variant: 1,
        });
        let problems = b.problems();
        assert_eq!(problems.len(), 1, "{problems:?}");
        assert!(
            problems[0].detail.contains("p.yaml:3:"),
            "{}",
            problems[0].detail
        );
    }

    #[test]
    fn thousands_of_problems_show_the_first_and_a_count() {
        let dir = tempfile::tempdir().unwrap();
        let points = vec!["{}"; 100_000].join(", ");
        let profile = write(
            dir.path(),
            "p.yaml",
            &format!("{MINIMAL}points: [{points}]\n"),
        );
        let b = build(&Source {
            profile,
            templates: None,
            variant: 1,
        });
        let problem = &b.problems()[0];
        assert_eq!(problem.heading, "配置有99997处错误，文稿暂时无法生成");
        assert_eq!(
            problem.detail.matches(": 错误: ").count(),
            diagnostic::SHOWN
        );
        assert!(problem.detail.contains("另有 99947 处错误未列出"));
        assert!(
            problem.detail.len() < 30_000,
            "{} bytes",
            problem.detail.len()
        );
    }

    #[test]
    fn a_missing_profile_is_a_problem_too() {
        let dir = tempfile::tempdir().unwrap();
        let b = build(&Source {
            profile: dir.path().join("gone.yaml"),
            templates: None,
            variant: 1,
        });
        assert_eq!(b.problems()[0].heading, "配置文件读不了");
        assert_eq!(b.files, vec![dir.path().join("gone.yaml")]);
    }

    #[test]
    fn the_same_files_give_equal_builds() {
        let dir = tempfile::tempdir().unwrap();
        let profile = write(dir.path(), "p.yaml", MINIMAL);
        let source = Source {
            profile,
            templates: None,
            variant: 1,
        };
        assert_eq!(build(&source), build(&source));
    }
}
