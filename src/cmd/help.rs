//! `bigan help [COMMAND]`: the same Chinese help as `--help`.

use std::process::ExitCode;

use crate::cli::HelpArgs;

pub fn run(args: &HelpArgs) -> anyhow::Result<ExitCode> {
    let mut cmd = crate::usage::command();
    cmd.build();
    let help = match args.command.as_deref() {
        None => cmd.render_long_help(),
        Some(name) => match cmd.find_subcommand_mut(name) {
            Some(sub) => sub.render_long_help(),
            None => {
                let names: Vec<&str> = cmd.get_subcommands().map(|s| s.get_name()).collect();
                let near = crate::diagnostic::closest(name, names.iter().copied())
                    .map(|n| format!("是否想写“{n}”？"))
                    .unwrap_or_default();
                anyhow::bail!(
                    "没有“{name}”这个命令。{near}可用的命令：{}",
                    names.join("、")
                );
            }
        },
    };
    super::write_stdout(help.to_string().as_bytes())?;
    Ok(ExitCode::SUCCESS)
}
