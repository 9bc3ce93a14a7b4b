use std::process::ExitCode;

fn main() -> ExitCode {
    let argv: Vec<std::ffi::OsString> = std::env::args_os().collect();
    let cli = match bigan::usage::parse(&argv) {
        Ok(cli) => cli,
        Err(e) => return bigan::usage::exit(&e, &argv),
    };
    match bigan::run(cli) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("{}", bigan::error::report(&e));
            bigan::error::exit_code(&e)
        }
    }
}
