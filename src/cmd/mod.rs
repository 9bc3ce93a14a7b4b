//! One module per command, each `pub fn run(args) -> Result<ExitCode>`.

pub mod check;
pub mod import;
pub mod lint;
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

/// 0 when `ok`, otherwise 1.
pub(crate) fn status(ok: bool) -> ExitCode {
    if ok {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(crate::error::PROBLEMS)
    }
}
