//! `bigan templates list|export DIR`: the templates and the genre data
//! (genre/), which `--templates DIR` reads back from the same layout.

use std::path::PathBuf;
use std::process::ExitCode;

use crate::cli::{TemplatesAction, TemplatesArgs};
use crate::render::BUILTIN;

/// Every built-in file `export` writes, by its path under DIR.
fn files() -> Vec<(String, &'static str)> {
    BUILTIN
        .iter()
        .map(|(name, text)| ((*name).to_owned(), *text))
        .chain(
            crate::genre::BUILTIN
                .iter()
                .map(|(name, text)| (format!("genre/{name}"), *text)),
        )
        .collect()
}

pub fn run(args: &TemplatesArgs) -> anyhow::Result<ExitCode> {
    let files = files();
    match &args.action {
        TemplatesAction::List => {
            for (name, _) in &files {
                println!("{name}");
            }
        }
        TemplatesAction::Export { dir, force } => {
            let paths: Vec<PathBuf> = files.iter().map(|(name, _)| dir.join(name)).collect();
            let existing =
                crate::output::write::in_the_way(paths.iter().map(PathBuf::as_path), *force);
            if !existing.is_empty() {
                let shown: Vec<String> = existing.iter().map(|p| p.display().to_string()).collect();
                anyhow::bail!(
                    "这些文件已经存在，未做任何改动：{}。要覆盖请加 --force，或换一个文件夹",
                    shown.join("、")
                );
            }
            for (name, text) in &files {
                let path = dir.join(name);
                if let Some(parent) = path.parent() {
                    fs_err::create_dir_all(parent)?;
                }
                // --force: a template the user edited is backed up first.
                if let Some(note) =
                    crate::output::write::replace_keeping_backup(&path, text.as_bytes())?
                {
                    eprintln!("{note}");
                }
            }
            eprintln!(
                "已导出 {} 个模板和文字数据文件到 {}。修改后用 --templates {} 生成；行业和活动类型的文字在 genre/ 里（见 docs/genre.md）",
                files.len(),
                dir.display(),
                dir.display()
            );
        }
    }
    Ok(ExitCode::SUCCESS)
}
