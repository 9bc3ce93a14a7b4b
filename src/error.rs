//! How failures reach the user: one printer for the cause chain, and the
//! exit status each kind of failure gives (DESIGN.md: 1 the input has
//! problems, 2 usage or I/O).

use std::fmt;
use std::process::ExitCode;

/// A failure caused by what the user wrote (a profile, a template, a
/// draft), as opposed to the machine (I/O) or the command line.
#[derive(Debug)]
pub struct InputError(pub String);

impl fmt::Display for InputError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for InputError {}

/// Exit status 1 (the input has problems).
pub const PROBLEMS: u8 = 1;
/// Exit status 2 (usage or I/O error).
pub const FAILURE: u8 = 2;

/// The exit status for an error that ended a command.
pub fn exit_code(e: &anyhow::Error) -> ExitCode {
    if e.chain().any(|c| c.is::<InputError>()) {
        ExitCode::from(PROBLEMS)
    } else {
        ExitCode::from(FAILURE)
    }
}

/// The error and its causes, outermost first, as the user reads them.
pub fn report(e: &anyhow::Error) -> String {
    let mut out = format!("错误：{e}");
    for cause in e.chain().skip(1) {
        out.push_str(&format!("\n  原因：{cause}"));
    }
    out
}
