//! `bigan render`: profiles → drafts.
//!
//! One profile file is rendered on its own (`single`): the draft on
//! stdout, or `-o FILE`, or with `--doc all` one file per document in the
//! folder `-o`; everything is rendered before anything is written, so a
//! failure writes nothing. Several profiles or a folder make a batch
//! ([`batch`]): one file per profile and document in the folder `-o`, a
//! bad profile reported and the rest still written.

pub mod batch;
mod discover;
mod pool;
mod progress;
mod report;
mod scan;

use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::Context as _;

use crate::cli::{DocChoice, RenderArgs};
use crate::draft;
use crate::output::{self, Format};
use crate::profile::{self, Profile};
use crate::render::{Doc, Renderer};

pub fn run(args: &RenderArgs) -> anyhow::Result<ExitCode> {
    let batch = match args.profiles.as_slice() {
        [one] => one.is_dir(),
        _ => true,
    };
    let mut args = args.clone();
    args.format = format(&args, batch || args.doc == DocChoice::All)?;
    let args = &args;
    // Several drafts go into a folder: a file name given for it is a
    // mistake, not a folder to create, and an existing file is refused.
    if (batch || args.doc == DocChoice::All)
        && let Some(out) = &args.output
        && !out.is_dir()
    {
        if !out.exists() && looks_like_a_draft(out) {
            anyhow::bail!(
                "-o {} 看起来是一个文件名，但这里会生成多份文稿，要写进一个文件夹：请用 -o 给出文件夹，如 -o 文稿",
                out.display()
            );
        }
        if out.exists() {
            let why = if batch {
                "一次生成多份配置时"
            } else {
                "--doc all 会生成多份文稿"
            };
            anyhow::bail!(
                "{} 是一个文件：{why}，请用 -o 指定一个文件夹（不存在会自动创建）",
                out.display()
            );
        }
    }
    if batch {
        return batch::run(args);
    }
    if args.format == Format::Docx && args.output.is_none() {
        anyhow::bail!("DOCX 是 Word 文件，不能输出到屏幕：请用 -o 指定文件，如 -o 讲话.docx");
    }
    if args.doc == DocChoice::All && args.output.is_none() {
        anyhow::bail!("--doc all 会生成多份文稿：请用 -o 指定输出文件夹，如 -o 文稿");
    }
    single(args, &args.profiles[0])
}

/// One profile: render every document asked for, then write them all.
fn single(args: &RenderArgs, path: &Path) -> anyhow::Result<ExitCode> {
    let genre = crate::genre::Genre::open(args.templates.as_deref())?;
    let loaded = profile::Loader::with_genre(genre).load(path)?;
    super::print_diagnostics(&loaded.diagnostics);
    let Some(profile) = loaded.profile else {
        return Ok(super::status(false));
    };
    let docs = match docs_for(args.doc, &profile) {
        Ok(docs) => docs,
        Err(gaps) => {
            super::print_diagnostics(&gaps);
            return Ok(super::status(false));
        }
    };
    // Compiled only now, and only the documents' own templates: a profile
    // with problems is reported without compiling them, and compiling
    // every document's would double the time of a one-speech run. (On
    // another thread beside the profile's parse it was slower: see
    // docs/performance.md, sixth round.)
    let renderer = Renderer::only(args.templates.as_deref(), &docs)?.with_variant(args.variant);
    let rendered = render_docs(&renderer, &profile, &docs, args.format)?;
    match (&args.output, rendered.as_slice()) {
        (None, [(_, bytes)]) => {
            std::io::stdout()
                .write_all(bytes)
                .context("写到标准输出失败")?;
        }
        (None, _) => anyhow::bail!("--doc all 会生成多份文稿：请用 -o 指定输出文件夹"),
        (Some(out), [(_, bytes)]) if args.doc != DocChoice::All && !out.is_dir() => {
            // A missing folder of -o FILE is made, as -o DIR is.
            if let Some(parent) = out.parent().filter(|p| !p.as_os_str().is_empty()) {
                fs_err::create_dir_all(parent)?;
            }
            output::write::guarded(out, bytes, args.force)?;
            eprintln!("已写入 {}", out.display());
        }
        (Some(dir), _) => {
            fs_err::create_dir_all(dir)?;
            let targets: Vec<(PathBuf, &[u8])> = rendered
                .iter()
                .map(|(doc, bytes)| (file_for(dir, path, *doc, args.format), bytes.as_slice()))
                .collect();
            // All or none: one refused draft leaves the others untouched too.
            let mut writer = output::write::Writer::new(args.force);
            for (target, bytes) in &targets {
                writer.check(target, bytes)?;
            }
            for (target, bytes) in &targets {
                writer.write(target, bytes)?;
            }
            let (notes, failed) = writer.finish();
            for note in notes {
                eprintln!("{note}");
            }
            for (target, _) in &targets {
                if !failed.iter().any(|f| f.target == *target) {
                    eprintln!("已写入 {}", target.display());
                }
            }
            if let Some(first) = failed.into_iter().next() {
                return Err(first.error);
            }
        }
    }
    // The process ends after this: freeing the compiled templates, the
    // profile and the drafts one allocation at a time would cost a tenth
    // of a cold render (docs/performance.md); the system takes the memory
    // back at once.
    std::mem::forget((renderer, profile, rendered));
    Ok(super::status(true))
}

/// The format to write: `--format`, else what `-o FILE` is named (a
/// folder, or stdout, gives Markdown). A name that contradicts `--format`,
/// or one that names no format bigan writes, is refused: a file named
/// .docx holding Markdown is what a user would never want.
fn format(args: &RenderArgs, into_folder: bool) -> anyhow::Result<Format> {
    let named = match &args.output {
        Some(out) if !into_folder && !out.is_dir() => Some(out),
        _ => None,
    };
    let Some(out) = named else {
        return Ok(args.format_given.unwrap_or(Format::Md));
    };
    let ext = out
        .extension()
        .map(|e| e.to_string_lossy().to_ascii_lowercase())
        .unwrap_or_default();
    let by_name = Format::from_extension(&ext);
    match (args.format_given, by_name) {
        (Some(given), Some(named)) if given != named => anyhow::bail!(
            "-o {} 按文件名应写成“{}”，但 --format {} 要写“{}”：去掉 --format，或把文件名改成 {}",
            out.display(),
            named.describe(),
            given.extension(),
            given.describe(),
            out.with_extension(given.extension()).display()
        ),
        (Some(given), _) => Ok(given),
        (None, Some(named)) => Ok(named),
        (None, None) => anyhow::bail!(
            "-o {}：{}，不知道要写成什么格式。可用的扩展名：{}；或用 --format 指定格式",
            out.display(),
            if ext.is_empty() {
                "文件名没有扩展名".to_owned()
            } else {
                format!("bigan 不会写 .{ext} 文件")
            },
            Format::ALL
                .iter()
                .map(|f| format!(".{}（{}）", f.extension(), f.describe()))
                .collect::<Vec<_>>()
                .join("、")
        ),
    }
}

/// Whether `path` is named like a draft file (`.md .html .txt .docx`), so
/// it was not meant as a folder.
fn looks_like_a_draft(path: &Path) -> bool {
    path.extension().and_then(|e| e.to_str()).is_some_and(|e| {
        ["md", "html", "txt", "docx"]
            .iter()
            .any(|d| e.eq_ignore_ascii_case(d))
    })
}

/// Every document in `docs` of `profile`, in `format`: all or none.
pub fn render_docs(
    renderer: &Renderer,
    profile: &Profile,
    docs: &[Doc],
    format: Format,
) -> anyhow::Result<Vec<(Doc, Vec<u8>)>> {
    docs.iter()
        .map(|&doc| Ok((doc, draft::bytes(renderer, profile, doc, format)?)))
        .collect()
}

/// The documents to write for `choice` (see [`wanted`]).
fn docs_for(
    choice: DocChoice,
    profile: &Profile,
) -> Result<Vec<Doc>, Vec<crate::diagnostic::Diagnostic>> {
    wanted(&choice.docs(), profile)
}

/// Of `docs`, those to write for `profile`: asked for several (`--doc
/// all`), those the profile has the facts for; asked for one that lacks
/// them, the located error that names the keys to add.
pub fn wanted(
    docs: &[Doc],
    profile: &Profile,
) -> Result<Vec<Doc>, Vec<crate::diagnostic::Diagnostic>> {
    if docs.len() > 1 {
        return Ok(docs
            .iter()
            .copied()
            .filter(|d| d.supported_by(profile))
            .collect());
    }
    let lacking: Vec<crate::diagnostic::Diagnostic> = docs
        .iter()
        .filter_map(|d| d.gap(profile))
        .map(|g| g.diagnostic.clone())
        .collect();
    if lacking.is_empty() {
        Ok(docs.to_vec())
    } else {
        Err(lacking)
    }
}

/// `profiles/hospital.yaml` → `DIR/hospital.speech.md`.
pub fn file_for(dir: &Path, profile: &Path, doc: Doc, format: Format) -> PathBuf {
    dir.join(format!(
        "{}.{}.{}",
        stem(profile),
        doc.name(),
        format.extension()
    ))
}

/// What a profile's output files are named after: its file name without
/// the extension.
fn stem(profile: &Path) -> String {
    profile
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| "draft".to_owned())
}
