//! `bigan import`: a scraped 范文 → cleaned text (`--clean-only`) or one
//! profile skeleton per speech. Everything is worked out before anything
//! is written; an existing file is never overwritten without `--force`.

use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::Context as _;

use crate::cli::ImportArgs;
use crate::import::{self, profile};
use crate::zh;

pub fn run(args: &ImportArgs) -> anyhow::Result<ExitCode> {
    let text = crate::input::read(&args.input)?.plain_text();
    let stem = args
        .input
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| "profile".to_owned());
    let source = args
        .input
        .file_name()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| args.input.display().to_string());
    if args.clean_only {
        let cleaned = import::clean_text(&text);
        return emit(args, vec![(args.output.clone(), cleaned)]);
    }
    let speeches = import::import(&text);
    if speeches.is_empty() {
        return Err(anyhow::Error::new(crate::error::InputError(format!(
            "{}：清理后没有剩下文字（文件是空的，或全是网页的导航、来源等残留）",
            args.input.display()
        ))));
    }
    let yamls: Vec<String> = speeches
        .iter()
        .map(|s| profile::write(&s.outline, &s.facts, &s.told, &source))
        .collect();
    // The outline keeps a speech's worth of text; a profile `check` would
    // refuse is not written at all.
    if let Some(big) = yamls
        .iter()
        .find(|y| y.len() as u64 > crate::profile::MAX_PROFILE_BYTES)
    {
        return Err(anyhow::Error::new(crate::error::InputError(format!(
            "{}：从中读出的提纲有 {} KB，超过配置文件的上限 {} KB，不像是一篇讲话。请检查是否选错了文件，或把原文拆成几篇",
            args.input.display(),
            big.len() / 1024,
            crate::profile::MAX_PROFILE_BYTES / 1024
        ))));
    }
    for (i, s) in speeches.iter().enumerate() {
        let o = &s.outline;
        let items: Vec<String> = o.points.iter().map(|p| p.items.len().to_string()).collect();
        let which = if speeches.len() > 1 {
            format!("第{}篇", zh::numeral(i as u64 + 1))
        } else {
            "提纲".to_owned()
        };
        eprintln!(
            "{which}：{}，{}点，分论点 {}",
            o.title.as_deref().unwrap_or("（没有找到标题）"),
            zh::numeral(o.points.len() as u64),
            if items.is_empty() {
                "无".to_owned()
            } else {
                items.join("/")
            }
        );
    }
    let targets = match (&args.output, yamls.len()) {
        (None, 1) => vec![None],
        (None, n) => anyhow::bail!(
            "{} 里有 {n} 篇讲话：请用 -o 指定文件夹，每篇写成一个配置（{stem}-1.yaml、{stem}-2.yaml……）",
            args.input.display()
        ),
        (Some(out), 1) if out.is_dir() => vec![Some(out.join(format!("{stem}.yaml")))],
        (Some(out), 1) => vec![Some(out.clone())],
        (Some(out), n) => numbered(out, &stem, n)?,
    };
    emit(args, targets.into_iter().zip(yamls).collect())
}

/// `-o DIR` or `-o NAME.yaml` for several speeches: DIR/STEM-1.yaml… or
/// NAME-1.yaml… beside it.
fn numbered(out: &Path, stem: &str, n: usize) -> anyhow::Result<Vec<Option<PathBuf>>> {
    let is_file = out
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("yaml") || e.eq_ignore_ascii_case("yml"));
    let (dir, name) = if is_file {
        let name = out
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_else(|| stem.to_owned());
        let dir = out
            .parent()
            .filter(|p| !p.as_os_str().is_empty())
            .unwrap_or(Path::new("."));
        (dir.to_owned(), name)
    } else {
        fs_err::create_dir_all(out)?;
        (out.to_owned(), stem.to_owned())
    };
    Ok((1..=n)
        .map(|i| Some(dir.join(format!("{name}-{i}.yaml"))))
        .collect())
}

/// Writes each text to its file (atomically), or to stdout; refuses to
/// overwrite anything unless `--force`, before writing anything.
fn emit(args: &ImportArgs, outputs: Vec<(Option<PathBuf>, String)>) -> anyhow::Result<ExitCode> {
    let files = outputs.iter().filter_map(|(p, _)| p.as_deref());
    if let Some(existing) = crate::output::write::in_the_way(files, args.force).first() {
        anyhow::bail!(
            "{} 已经存在，没有覆盖：换一个文件名，或加 --force 覆盖",
            existing.display()
        );
    }
    for (path, text) in &outputs {
        match path {
            None => std::io::stdout()
                .write_all(text.as_bytes())
                .context("写到标准输出失败")?,
            Some(path) => {
                if path.is_dir() {
                    anyhow::bail!("{} 是文件夹：请给出文件名", path.display());
                }
                // --force: a profile the user edited is backed up first.
                if let Some(note) =
                    crate::output::write::replace_keeping_backup(path, text.as_bytes())?
                {
                    eprintln!("{note}");
                }
                eprintln!("已写入 {}", path.display());
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}
