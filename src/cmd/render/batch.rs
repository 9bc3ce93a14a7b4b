//! `bigan render` over many profiles: which files are profiles, one output
//! file per profile and document, a bad profile reported and the others
//! still written, and a summary at the end.
//!
//! Which files are rendered:
//! - every `*.yaml` / `*.yml` named on the command line or found in a
//!   folder named there (and its subfolders, hidden ones left out);
//! - except a file that another file of the run reaches through
//!   `extends`: it is a shared campaign file, not a profile;
//! - and except a file found in a folder that has neither an `org` nor a
//!   `meeting` section (with what it extends): it is not a profile either.
//!   A file named on the command line is always rendered, and fails with
//!   its problems if it is not a profile.
//!
//! Output files are named `STEM.DOC.EXT` after the profile's file name; two
//! profiles with the same name (in different folders) would overwrite each
//! other, so that is refused before anything is written.
//!
//! The templates are compiled once for the run and every file is read and
//! parsed once, however many profiles `extends` it (one [`Loader`]).
//!
//! Three steps, a module each: which files to render ([`discover`]), the
//! rendering on every core (here), and writing and telling the user as it
//! goes ([`report`]).

use std::path::PathBuf;
use std::process::ExitCode;

use super::discover::{self, sort_out};
pub use super::discover::{Candidate, Entry, Skip, clashes, find};
pub use super::pool::threads;
use super::report::{self, Report};
use super::{pool, scan};
use crate::cli::RenderArgs;
use crate::output::Format;
use crate::profile::Loader;
use crate::render::{Doc, Renderer};

/// What rendering one entry gave.
pub enum Rendered {
    /// Every document asked for, ready to write.
    Drafts(Vec<(Doc, Vec<u8>)>),
    /// The profile has errors (in its diagnostics) or could not be read.
    Invalid,
    /// One document asked for and the profile lacks its facts: the
    /// located errors that name the keys to add.
    Lacking(Vec<crate::diagnostic::Diagnostic>),
    /// A template failed on this profile.
    Failed(anyhow::Error),
}

pub fn run(args: &RenderArgs) -> anyhow::Result<ExitCode> {
    let Some(out) = args.output.as_deref() else {
        anyhow::bail!(
            "一次生成多份配置（或一个文件夹）时，请用 -o 指定输出文件夹，如 -o 文稿：每份配置的每篇文稿各写成一个文件"
        );
    };
    // An -o that is a file was refused by the caller (`render::run`).
    let docs = args.doc.docs();
    let renderer = Renderer::only(args.templates.as_deref(), &docs)?.with_variant(args.variant);
    let threads = threads();
    let genre = crate::genre::Genre::open(args.templates.as_deref())?;
    let mut loader = Loader::with_genre(genre);
    let candidates = find(&args.profiles)?;
    let survey = scan::survey(&candidates, &mut loader);

    let (jobs, skipped) = discover::select(candidates, &survey);
    for (path, why) in &skipped {
        eprintln!("跳过 {}：{}", path.display(), report::skip_reason(why));
    }
    discover::refuse(&jobs, &args.profiles)?;
    fs_err::create_dir_all(out)?;

    // A few hundred profiles at a time, parsed on every core, rendered on
    // every core, written in order, then forgotten: memory stays flat
    // however many there are.
    let mut report = Report::new(jobs.len(), out, args.force);
    for chunk in jobs.chunks(CHUNK) {
        let paths = preload(&mut loader, chunk, threads);
        let entries = sort_out_all(&mut loader, chunk, &survey, threads);
        let mut todo: Vec<&Entry> = Vec::with_capacity(entries.len());
        for entry in &entries {
            match entry {
                // What the quick look could not tell (it read no YAML).
                Entry::Skipped { path, why } => report.skip(path, why),
                _ => todo.push(entry),
            }
        }
        render_all(
            &renderer,
            &todo,
            &docs,
            args.format,
            threads,
            |entry, rendered| report.one(entry, rendered, args),
        );
        loader.forget(&paths);
    }
    Ok(report.finish(&skipped))
}

/// How many profiles a batch holds in memory at once: enough to keep every
/// core busy between two loads, few enough that memory does not grow.
const CHUNK: usize = 512;

/// Finds the files `paths` name, parses them on `threads` threads and
/// sorts them out with `loader` (see the module's rules), all at once: for
/// the benchmarks of the rendering itself.
pub fn gather(
    loader: &mut Loader,
    paths: &[PathBuf],
    threads: usize,
) -> anyhow::Result<Vec<Entry>> {
    let candidates = find(paths)?;
    let survey = scan::survey(&candidates, loader);
    preload(loader, &candidates, threads);
    Ok(sort_out_all(loader, &candidates, &survey, threads))
}

/// Reads and parses the files of `candidates` (and what they extend) on
/// `threads` threads, the loader told each one's canonical path as it was
/// found; their paths, to forget them by.
fn preload(loader: &mut Loader, candidates: &[Candidate], threads: usize) -> Vec<PathBuf> {
    for c in candidates {
        loader.remember(c.path.clone(), c.key.clone());
    }
    let paths: Vec<PathBuf> = candidates.iter().map(|c| c.path.clone()).collect();
    loader.preload(&paths, threads);
    paths
}

/// What became of each of `candidates` (in order), their files preloaded:
/// resolved on `threads` threads, the loader only read, so a batch's
/// resolving runs on every core as its parsing and rendering do. What the
/// preload could not read is loaded here, where its problem is reported.
fn sort_out_all(
    loader: &mut Loader,
    candidates: &[Candidate],
    survey: &scan::Survey,
    threads: usize,
) -> Vec<Entry> {
    let mut sorted = Vec::with_capacity(candidates.len());
    pool::in_order(
        candidates,
        threads,
        |c| discover::sort_out_preloaded(loader, c, survey),
        |_, entry| sorted.push(entry),
    );
    candidates
        .iter()
        .zip(sorted)
        .map(|(c, entry)| entry.unwrap_or_else(|| sort_out(loader, c, survey)))
        .collect()
}

/// Renders `docs` of each of `jobs` on `threads` threads, handing each
/// result to `sink` on the calling thread in the order of `jobs`.
pub fn render_all(
    renderer: &Renderer,
    jobs: &[&Entry],
    docs: &[Doc],
    format: Format,
    threads: usize,
    sink: impl FnMut(&&Entry, Rendered),
) {
    pool::in_order(
        jobs,
        threads,
        |entry| render_entry(renderer, entry, docs, format),
        sink,
    );
}

/// Renders every document of `docs` the entry's profile has (worker side:
/// nothing printed, nothing written).
fn render_entry(renderer: &Renderer, entry: &Entry, docs: &[Doc], format: Format) -> Rendered {
    let Entry::Profile { loaded, .. } = entry else {
        return Rendered::Invalid;
    };
    let Some(profile) = &loaded.profile else {
        return Rendered::Invalid;
    };
    let docs = match super::wanted(docs, profile) {
        Ok(docs) => docs,
        Err(gaps) => return Rendered::Lacking(gaps),
    };
    match super::render_docs(renderer, profile, &docs, format) {
        Ok(drafts) => Rendered::Drafts(drafts),
        Err(e) => Rendered::Failed(e),
    }
}
