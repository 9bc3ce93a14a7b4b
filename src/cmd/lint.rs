//! `bigan lint`: checks drafts (Markdown, text, DOCX, HTML), prints the
//! findings as text or JSON. Exit status 0 when nothing is found, 1 with
//! findings, 2 when a draft cannot be read (binary data, an encoding bigan
//! does not read) or the command line names an unknown rule.

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
    let mut unreadable = 0;
    for path in &args.drafts {
        match crate::input::read(path) {
            Ok(doc) => findings.extend(lint::check_document(&doc, &selection)),
            Err(e) => {
                eprintln!("{}", crate::error::report(&anyhow::Error::new(e)));
                unreadable += 1;
            }
        }
    }
    let checked = args.drafts.len() - unreadable;
    let mut out = match args.format {
        LintFormat::Text if checked == 0 => String::new(),
        LintFormat::Text => report::text(&findings, checked),
        LintFormat::Json => report::json(&findings, checked),
    };
    // A file that was not read was not found clean: say so where the
    // summary is read.
    if unreadable > 0 && args.format == LintFormat::Text {
        out.push_str(&format!(
            "{unreadable} 份文稿无法读取，没有检查（原因见上方的错误信息）\n"
        ));
    }
    std::io::stdout()
        .write_all(out.as_bytes())
        .context("写到标准输出失败")?;
    Ok(if unreadable > 0 {
        ExitCode::from(crate::error::FAILURE)
    } else {
        super::status(findings.is_empty())
    })
}
