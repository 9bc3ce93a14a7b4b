//! `bigan completions SHELL`: the shell's completion script on stdout,
//! from the same (Chinese) definitions as `--help`.

use std::process::ExitCode;

use crate::cli::CompletionsArgs;

pub fn run(args: &CompletionsArgs) -> anyhow::Result<ExitCode> {
    let mut cmd = crate::usage::command();
    let mut out = Vec::new();
    clap_complete::generate(args.shell, &mut cmd, "bigan", &mut out);
    super::write_stdout(&out)?;
    Ok(ExitCode::SUCCESS)
}
