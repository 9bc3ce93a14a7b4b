use std::process::ExitCode;

use clap::Parser as _;

fn main() -> ExitCode {
    let cli = bigan::cli::Cli::parse();
    match bigan::run(cli) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("{}", bigan::error::report(&e));
            bigan::error::exit_code(&e)
        }
    }
}
