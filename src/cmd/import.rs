//! `bigan import`.

use std::process::ExitCode;

use crate::cli::ImportArgs;

pub fn run(_args: &ImportArgs) -> anyhow::Result<ExitCode> {
    anyhow::bail!("bigan import 还没有做好")
}
