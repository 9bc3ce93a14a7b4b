use std::process::ExitCode;

fn main() -> ExitCode {
    let argv: Vec<std::ffi::OsString> = std::env::args_os().collect();
    // A render's templates start compiling before its command line is
    // read (bigan::cmd::render::ahead).
    if argv.get(1).is_some_and(|a| a == "render") {
        bigan::cmd::render::ahead::start();
    }
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
