//! `bigan lint`.

use std::process::ExitCode;

use crate::cli::LintArgs;

pub fn run(_args: &LintArgs) -> anyhow::Result<ExitCode> {
    anyhow::bail!("bigan lint 还没有做好")
}
