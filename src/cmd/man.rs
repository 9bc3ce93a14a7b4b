//! `bigan man`: the manual page (roff) of bigan, or with `-o DIR` one page
//! for bigan and each of its commands, from the same definitions as
//! `--help`, the section headings in Chinese.

use std::path::Path;
use std::process::ExitCode;

use clap::Command;

use crate::cli::ManArgs;

pub fn run(args: &ManArgs) -> anyhow::Result<ExitCode> {
    let mut cmd = crate::usage::command();
    cmd.build();
    match &args.output {
        None => super::write_stdout(page(&cmd, "bigan")?.as_bytes())?,
        Some(dir) => {
            fs_err::create_dir_all(dir)?;
            write_pages(&cmd, "bigan", dir)?;
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// `cmd`'s page as roff, titled `title`.
fn page(cmd: &Command, title: &str) -> anyhow::Result<String> {
    let mut out = Vec::new();
    clap_mangen::Man::new(cmd.clone())
        .title(title.to_uppercase())
        .render(&mut out)?;
    Ok(headings(&String::from_utf8_lossy(&out)))
}

/// `bigan.1`, `bigan-render.1`…: each command and its own commands.
fn write_pages(cmd: &Command, name: &str, dir: &Path) -> anyhow::Result<()> {
    let path = dir.join(format!("{name}.1"));
    crate::output::write::replace_keeping_backup(&path, page(cmd, name)?.as_bytes())?;
    eprintln!("已写入 {}", path.display());
    for sub in cmd.get_subcommands() {
        write_pages(sub, &format!("{name}-{}", sub.get_name()), dir)?;
    }
    Ok(())
}

/// clap_mangen's English section headings, as a Chinese manual names them.
fn headings(roff: &str) -> String {
    const HEADINGS: [(&str, &str); 8] = [
        (".SH NAME", ".SH 名称"),
        (".SH SYNOPSIS", ".SH 用法"),
        (".SH DESCRIPTION", ".SH 描述"),
        (".SH OPTIONS", ".SH 选项"),
        (".SH SUBCOMMANDS", ".SH 命令"),
        (".SH VERSION", ".SH 版本"),
        (".SH AUTHORS", ".SH 作者"),
        (".SH EXTRA", ".SH 附注"),
    ];
    roff.lines()
        .map(|line| {
            HEADINGS
                .iter()
                .find(|(en, _)| line == *en)
                .map_or(line, |(_, zh)| zh)
        })
        .collect::<Vec<_>>()
        .join("\n")
        + "\n"
}
