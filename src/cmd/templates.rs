//! `bigan templates list|export DIR`.

use std::process::ExitCode;

use crate::cli::{TemplatesAction, TemplatesArgs};
use crate::render::BUILTIN;

pub fn run(args: &TemplatesArgs) -> anyhow::Result<ExitCode> {
    match &args.action {
        TemplatesAction::List => {
            for (name, _) in BUILTIN {
                println!("{name}");
            }
        }
        TemplatesAction::Export { dir, force } => {
            if !force {
                let existing: Vec<String> = BUILTIN
                    .iter()
                    .map(|(name, _)| dir.join(name))
                    .filter(|p| p.exists())
                    .map(|p| p.display().to_string())
                    .collect();
                if !existing.is_empty() {
                    anyhow::bail!(
                        "这些文件已经存在，未做任何改动：{}。要覆盖请加 --force，或换一个文件夹",
                        existing.join("、")
                    );
                }
            }
            for (name, text) in BUILTIN {
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
                "已导出 {} 个模板到 {}。修改后用 --templates {} 生成",
                BUILTIN.len(),
                dir.display(),
                dir.display()
            );
        }
    }
    Ok(ExitCode::SUCCESS)
}
