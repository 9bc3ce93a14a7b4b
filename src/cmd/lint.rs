//! `bigan lint`: checks drafts, prints the findings as text or JSON.
//! Exit status 0 when nothing is found, 1 with findings, 2 when a draft
//! cannot be read or the command line names an unknown rule.

use std::io::Write as _;
use std::process::ExitCode;

use anyhow::Context as _;

use crate::cli::{LintArgs, LintFormat};
use crate::lint::{self, Selection, report};

pub fn run(args: &LintArgs) -> anyhow::Result<ExitCode> {
    if args.list_rules {
        print!("{}", report::rules());
        return Ok(ExitCode::SUCCESS);
    }
    let selection = Selection::new(&args.rule, &args.skip).map_err(anyhow::Error::msg)?;
    let mut findings = Vec::new();
    let mut unreadable = false;
    for path in &args.drafts {
        match read(path) {
            Ok(text) => findings.extend(lint::check(path, &text, &selection)),
            Err(e) => {
                eprintln!("{}", crate::error::report(&e));
                unreadable = true;
            }
        }
    }
    let out = match args.format {
        LintFormat::Text => report::text(&findings, args.drafts.len()),
        LintFormat::Json => report::json(&findings, args.drafts.len()),
    };
    std::io::stdout()
        .write_all(out.as_bytes())
        .context("写到标准输出失败")?;
    Ok(if unreadable {
        ExitCode::from(crate::error::FAILURE)
    } else {
        super::status(findings.is_empty())
    })
}

/// Reads a draft as UTF-8, with a way out when it is GBK.
pub(crate) fn read(path: &std::path::Path) -> anyhow::Result<String> {
    if path.is_dir() {
        anyhow::bail!("{} 是文件夹：请给出文稿文件（.md 或 .txt）", path.display());
    }
    // A FIFO or a device is refused before it can block or never end.
    let mut bytes = Vec::new();
    std::io::Read::read_to_end(&mut crate::input::open(path)?, &mut bytes)
        .with_context(|| format!("读取 {} 失败", path.display()))?;
    match String::from_utf8(bytes) {
        Ok(text) => Ok(text),
        Err(e) => {
            let bytes = e.as_bytes();
            let at = e.utf8_error().valid_up_to();
            let line = bytes[..at].iter().filter(|&&b| b == b'\n').count() + 1;
            anyhow::bail!(
                "{}:{line}: 文件不是 UTF-8 编码（可能是 GBK/GB2312）。\
                 请用记事本或 WPS“另存为”时选择 UTF-8 编码，\
                 或运行：iconv -f GBK -t UTF-8 原文件 > 新文件",
                path.display()
            )
        }
    }
}
