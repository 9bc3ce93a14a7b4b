//! One module per command, each `pub fn run(args) -> Result<ExitCode>`.

pub mod check;
pub mod completions;
pub mod help;
pub mod import;
pub mod lint;
pub mod man;
pub mod new;
pub mod preview;
pub mod render;
pub mod templates;

use std::process::ExitCode;

use crate::diagnostic::Diagnostic;

/// Prints diagnostics to stderr, rustc-style, the first
/// [`crate::diagnostic::SHOWN`] in full.
pub(crate) fn print_diagnostics(diagnostics: &[Diagnostic]) {
    eprint!("{}", crate::diagnostic::shown(diagnostics));
}

/// Writes `bytes` to stdout, an I/O failure in Chinese.
pub(crate) fn write_stdout(bytes: &[u8]) -> anyhow::Result<()> {
    use anyhow::Context as _;
    use std::io::Write as _;
    std::io::stdout()
        .write_all(bytes)
        .context("写到标准输出失败")
}

/// 0 when `ok`, otherwise 1.
pub(crate) fn status(ok: bool) -> ExitCode {
    if ok {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(crate::error::PROBLEMS)
    }
}
