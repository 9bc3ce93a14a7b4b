//! `bigan preview`.

use std::process::ExitCode;

use crate::cli::PreviewArgs;

pub fn run(_args: &PreviewArgs) -> anyhow::Result<ExitCode> {
    anyhow::bail!("bigan preview 还没有做好")
}
