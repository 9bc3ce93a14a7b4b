//! bigan（笔杆）drafts the formulaic documents of a Chinese organisation's
//! campaign from one YAML profile: profile → render → output.

pub mod calendar;
pub mod cli;
pub mod cmd;
pub mod diagnostic;
pub mod draft;
pub mod error;
pub mod explain;
pub mod genre;
pub mod import;
pub mod input;
pub mod lint;
pub mod markers;
pub mod marks;
pub mod output;
#[cfg(feature = "preview")]
pub mod preview;
pub mod printable;
pub mod profile;
pub mod render;
pub mod text;
pub mod timeline;
pub mod usage;
pub mod yaml;
pub mod zh;

use std::process::ExitCode;

/// Runs one command line. `Ok` carries the exit status (0 clean, 1 the
/// input has problems); `Err` is a usage or I/O failure, or an
/// [`error::InputError`].
pub fn run(cli: cli::Cli) -> anyhow::Result<ExitCode> {
    use cli::Command;
    match cli.command {
        Command::Render(args) => cmd::render::run(&args),
        Command::Check(args) => cmd::check::run(&args),
        Command::Preview(args) => cmd::preview::run(&args),
        Command::Lint(args) => cmd::lint::run(&args),
        Command::Import(args) => cmd::import::run(&args),
        Command::New(args) => cmd::new::run(&args),
        Command::Templates(args) => cmd::templates::run(&args),
        Command::Completions(args) => cmd::completions::run(&args),
        Command::Man(args) => cmd::man::run(&args),
        Command::Help(args) => cmd::help::run(&args),
    }
}
