//! The command line as a Chinese user meets it: `--help` laid out by our
//! own templates (clap's headings, `[default: …]` and `[possible values:
//! …]` are English), and clap's usage errors said again in Chinese from
//! their kind and context, each with the usage line and where to read
//! more. Exit status 2 for every usage error, as before.
//!
//! clap has no translations of its own (clap-rs/clap#380); the way its
//! maintainers point to is what is done here: our help template and help
//! and version flags, and errors rendered from `Error::kind()` and
//! `Error::get(ContextKind)`.

use std::ffi::OsString;
use std::fmt::Write as _;
use std::process::ExitCode;

use clap::builder::StyledStr;
use clap::error::{ContextKind, ContextValue, ErrorKind};
use clap::{Arg, ArgAction, Args as _, Command, CommandFactory as _, FromArgMatches as _};

use crate::cli::{Cli, RenderArgs};
use crate::diagnostic::closest;

/// The command line, every text in Chinese.
pub fn command() -> Command {
    localize(Cli::command(), "bigan")
}

/// Parses `argv` (the program name first).
pub fn parse(argv: &[OsString]) -> Result<Cli, clap::Error> {
    if let Some(cli) = render_only(argv) {
        return Ok(cli);
    }
    // Putting the command line into Chinese changes only what it says,
    // never what it accepts, and it is said only when asking for help or
    // when a word is wrong: so a command line is first read by clap's own
    // command, and only one that fails is read again by the Chinese one,
    // which says why. Doing it for every run cost a twentieth of a
    // one-speech render (docs/performance.md).
    // (Its own `help` subcommand is bigan's `help`, as in the Chinese one.)
    if let Ok(matches) = Cli::command()
        .disable_help_subcommand(true)
        .try_get_matches_from(argv)
        && let Ok(cli) = Cli::from_arg_matches(&matches)
    {
        return Ok(cli);
    }
    // Only the subcommand `argv` names can print its help or usage in
    // this run; with none named (`bigan --help`, a misspelt command), all
    // of them are.
    let cmd = Cli::command();
    let named = argv
        .get(1)
        .and_then(|w| cmd.find_subcommand(w.to_string_lossy().as_ref()))
        .map(|s| s.get_name().to_owned());
    let mut cmd = localize_only(cmd, "bigan", named.as_deref());
    let matches = cmd.try_get_matches_from_mut(argv)?;
    Cli::from_arg_matches(&matches).map_err(|e| e.format(&mut cmd))
}

/// A render's command line, read by a command that knows only `render`:
/// building every subcommand's arguments is most of what clap costs, and
/// a one-speech render is the run whose start a user waits for. `None`
/// for anything else, and for a render line that does not parse (the
/// whole command then says why).
fn render_only(argv: &[OsString]) -> Option<Cli> {
    if argv.get(1)? != "render" {
        return None;
    }
    let matches = RenderArgs::augment_args(Command::new("render"))
        .try_get_matches_from(&argv[1..])
        .ok()?;
    let args = RenderArgs::from_arg_matches(&matches).ok()?;
    Some(Cli {
        command: crate::cli::Command::Render(args),
    })
}

/// Prints what a parse failure means and gives the exit status: help and
/// version on stdout with 0, a usage error on stderr with 2.
pub fn exit(e: &clap::Error, argv: &[OsString]) -> ExitCode {
    match e.kind() {
        ErrorKind::DisplayHelp | ErrorKind::DisplayVersion => {
            let _ = e.print();
            ExitCode::SUCCESS
        }
        ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => {
            let _ = e.print();
            ExitCode::from(crate::error::FAILURE)
        }
        _ => {
            eprintln!("{}", explain(e, argv));
            ExitCode::from(crate::error::FAILURE)
        }
    }
}

/// The help of a command and its subcommands, in Chinese: our template,
/// our help and version flags, defaults and choices said in the help text.
fn localize(cmd: Command, path: &str) -> Command {
    localize_only(cmd, path, None)
}

/// [`localize`], of the subcommands only `only` (and all below it).
fn localize_only(cmd: Command, path: &str, only: Option<&str>) -> Command {
    let top = path == "bigan";
    let mut cmd = cmd
        .disable_help_flag(true)
        .disable_version_flag(true)
        .disable_help_subcommand(true)
        .mut_args(localize_arg)
        .arg(
            Arg::new("help")
                .short('h')
                .long("help")
                .action(ArgAction::Help)
                .help("显示帮助"),
        );
    if top {
        cmd = cmd.arg(
            Arg::new("version")
                .short('V')
                .long("version")
                .action(ArgAction::Version)
                .help("显示版本"),
        );
    }
    let names: Vec<String> = cmd
        .get_subcommands()
        .map(|s| s.get_name().to_owned())
        .filter(|name| only.is_none_or(|o| o == name))
        .collect();
    for name in names {
        let sub_path = format!("{path} {name}");
        cmd = cmd.mut_subcommand(&name, |sub| localize(sub, &sub_path));
    }
    let usage = usage_line(&cmd, path);
    let template = template(&cmd);
    cmd.override_usage(usage).help_template(template)
}

/// One argument's help with its default and choices said in Chinese.
fn localize_arg(arg: Arg) -> Arg {
    let default: Vec<String> = arg
        .get_default_values()
        .iter()
        .map(|v| v.to_string_lossy().into_owned())
        .collect();
    let takes_value = arg.get_action().takes_values();
    let choices: Vec<(String, Option<String>)> = if takes_value {
        arg.get_possible_values()
            .iter()
            .filter(|v| !v.is_hide_set())
            .map(|v| {
                (
                    v.get_name().to_owned(),
                    v.get_help().map(ToString::to_string),
                )
            })
            .collect()
    } else {
        Vec::new()
    };
    let help = arg.get_help().map(ToString::to_string).unwrap_or_default();
    let mut short = help.clone();
    let mut extra = Vec::new();
    if !choices.is_empty() {
        let names: Vec<&str> = choices.iter().map(|(n, _)| n.as_str()).collect();
        extra.push(format!("可选 {}", names.join("、")));
    }
    if let [one] = default.as_slice()
        && takes_value
    {
        extra.push(format!("默认 {one}"));
    }
    if !extra.is_empty() {
        let _ = write!(short, "（{}）", extra.join("；"));
    }
    let mut long = short.clone();
    if choices.iter().any(|(_, h)| h.is_some()) {
        for (name, h) in &choices {
            let _ = write!(long, "\n  {name}：{}", h.as_deref().unwrap_or_default());
        }
    }
    let arg = if takes_value {
        arg.hide_default_value(true).hide_possible_values(true)
    } else {
        arg
    };
    arg.help(short).long_help(long)
}

/// `bigan render [选项] <配置>…`
fn usage_line(cmd: &Command, path: &str) -> String {
    let mut line = path.to_owned();
    let has_options = cmd.get_arguments().any(|a| !a.is_positional());
    if has_options {
        line.push_str(" [选项]");
    }
    for arg in cmd.get_positionals() {
        let name = arg
            .get_value_names()
            .and_then(|v| v.first())
            .map_or_else(|| arg.get_id().to_string(), ToString::to_string);
        let many = arg.get_num_args().is_some_and(|n| n.max_values() > 1);
        let shown = format!("<{name}>{}", if many { "…" } else { "" });
        if arg.is_required_set() {
            let _ = write!(line, " {shown}");
        } else {
            let _ = write!(line, " [{shown}]");
        }
    }
    if cmd.has_subcommands() {
        line.push_str(" <命令>");
    }
    line
}

/// The help template for `cmd`, with a Chinese heading for each section it
/// has.
fn template(cmd: &Command) -> String {
    let mut t = String::from("{before-help}{about-with-newline}\n用法：{usage}\n");
    if cmd.has_subcommands() {
        t.push_str("\n命令：\n{subcommands}\n");
    }
    if cmd.get_positionals().next().is_some() {
        t.push_str("\n参数：\n{positionals}\n");
    }
    t.push_str("\n选项：\n{options}{after-help}");
    t
}

/// A string from an error's context.
fn get(e: &clap::Error, kind: ContextKind) -> Option<String> {
    match e.get(kind)? {
        ContextValue::String(s) => Some(s.clone()),
        ContextValue::Strings(v) => v.first().cloned(),
        ContextValue::StyledStr(s) => Some(s.to_string()),
        ContextValue::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

fn get_all(e: &clap::Error, kind: ContextKind) -> Vec<String> {
    match e.get(kind) {
        Some(ContextValue::Strings(v)) => v.clone(),
        Some(ContextValue::String(s)) => vec![s.clone()],
        Some(ContextValue::StyledStrs(v)) => v.iter().map(StyledStr::to_string).collect(),
        _ => Vec::new(),
    }
}

/// The command the user was running: the subcommands named in `argv`, as
/// far as they go.
fn running(argv: &[OsString]) -> Command {
    let mut cmd = command();
    cmd.build();
    for word in argv.iter().skip(1) {
        let word = word.to_string_lossy();
        if word.starts_with('-') {
            continue;
        }
        match cmd.find_subcommand(word.as_ref()) {
            Some(sub) => cmd = sub.clone(),
            None => break,
        }
    }
    cmd
}

/// An argument as clap names it (`--format <FORMAT>`), as the user typed
/// it: the flag alone.
fn flag_of(arg: &str) -> String {
    arg.split([' ', '=']).next().unwrap_or(arg).to_owned()
}

/// The flags of `cmd`, `--long` (or `-s`).
fn flags(cmd: &Command) -> Vec<String> {
    cmd.get_arguments()
        .filter(|a| !a.is_positional() && !a.is_hide_set())
        .filter_map(|a| {
            a.get_long()
                .map(|l| format!("--{l}"))
                .or_else(|| a.get_short().map(|s| format!("-{s}")))
        })
        .collect()
}

/// A clap error in Chinese: what is wrong, what would be right, the usage
/// line, where to read more.
pub fn explain(e: &clap::Error, argv: &[OsString]) -> String {
    let cmd = running(argv);
    let path = cmd
        .get_bin_name()
        .map_or_else(|| cmd.get_name().to_owned(), str::to_owned);
    let arg = get(e, ContextKind::InvalidArg).unwrap_or_default();
    let value = get(e, ContextKind::InvalidValue).unwrap_or_default();
    let (what, fix) = match e.kind() {
        ErrorKind::InvalidValue if value.is_empty() => (
            format!("{} 后面缺少值", flag_of(&arg)),
            choices_hint(e, &cmd, &arg),
        ),
        ErrorKind::InvalidValue => (
            format!("{} 不能取“{value}”", flag_of(&arg)),
            choices_hint(e, &cmd, &arg),
        ),
        ErrorKind::ValueValidation => (
            format!("{} 的值“{value}”不对", flag_of(&arg)),
            format!("{}：{}", flag_of(&arg), value_kind(&cmd, &arg)),
        ),
        ErrorKind::UnknownArgument if arg.starts_with('-') => {
            let known = flags(&cmd);
            let typed = flag_of(&arg);
            let near = get(e, ContextKind::SuggestedArg)
                .or_else(|| closest(&typed, known.iter().map(String::as_str)).map(str::to_owned))
                .or_else(|| nearest(&typed, &known));
            let near = near
                .map(|n| format!("最接近的是 {}；", flag_of(&n)))
                .unwrap_or_default();
            (
                format!("{path} 没有 {typed} 这个选项"),
                format!("{near}可用的选项：{}", known.join("、")),
            )
        }
        ErrorKind::UnknownArgument => (
            format!("多出了参数“{arg}”"),
            "检查参数的个数；文件名里有空格时请给它加上引号".to_owned(),
        ),
        ErrorKind::InvalidSubcommand | ErrorKind::MissingSubcommand => {
            let sub = get(e, ContextKind::InvalidSubcommand).unwrap_or_default();
            let names: Vec<String> = cmd
                .get_subcommands()
                .map(|s| s.get_name().to_owned())
                .collect();
            let near = get(e, ContextKind::SuggestedSubcommand)
                .or_else(|| nearest(&sub, &names))
                .map(|n| format!("是否想写“{n}”？"))
                .unwrap_or_default();
            let what = if sub.is_empty() {
                format!("{path} 后面缺少命令")
            } else {
                format!("没有“{sub}”这个命令")
            };
            (what, format!("{near}可用的命令：{}", names.join("、")))
        }
        ErrorKind::MissingRequiredArgument => {
            let missing: Vec<String> = get_all(e, ContextKind::InvalidArg)
                .iter()
                .map(|a| a.replace("...", "…"))
                .collect();
            (
                format!("缺少参数 {}", missing.join("、")),
                "按下面的用法补上".to_owned(),
            )
        }
        // clap says an option given twice conflicts with itself.
        ErrorKind::ArgumentConflict => {
            let prior = get(e, ContextKind::PriorArg).unwrap_or_default();
            let flag = flag_of(&arg);
            if flag == flag_of(&prior) {
                let hint = if flag == "--doc" {
                    "只写一次；要生成配置支持的全部文稿，用 --doc all 并用 -o 指定文件夹"
                } else {
                    "只写一次"
                };
                (format!("{flag} 写了不止一次"), hint.to_owned())
            } else {
                (
                    format!("{flag} 不能和 {} 一起用", flag_of(&prior)),
                    "去掉其中一个".to_owned(),
                )
            }
        }
        ErrorKind::TooManyValues | ErrorKind::WrongNumberOfValues => (
            format!("{} 的值太多", flag_of(&arg)),
            "每个选项写一个值；要给多个值时重复写这个选项".to_owned(),
        ),
        ErrorKind::TooFewValues => (
            format!("{} 的值不够", flag_of(&arg)),
            "按下面的用法补上".to_owned(),
        ),
        ErrorKind::NoEquals => (
            format!("{} 要用“=”连接值", flag_of(&arg)),
            format!("写成 {}=值", flag_of(&arg)),
        ),
        ErrorKind::InvalidUtf8 => (
            "参数里有无法识别的字符（不是 UTF-8）".to_owned(),
            "检查终端的编码设置，或把文件改成只含常见字符的名字".to_owned(),
        ),
        _ => ("命令行写得不对".to_owned(), "按下面的用法修改".to_owned()),
    };
    let usage = usage_line(&cmd, &path);
    format!("错误：{what}\n  修改建议：{fix}\n\n用法：{usage}\n更多信息请运行：{path} --help")
}

/// The closest name, however far: a user who typed `--type` for `--kind`
/// still learns the flag that exists.
fn nearest(typed: &str, names: &[String]) -> Option<String> {
    let typed = typed.trim_start_matches('-');
    names
        .iter()
        .min_by_key(|n| crate::diagnostic::edit_distance(typed, n.trim_start_matches('-')))
        .cloned()
}

/// The values an option takes, for a bad value.
fn choices_hint(e: &clap::Error, cmd: &Command, arg: &str) -> String {
    let valid = get_all(e, ContextKind::ValidValue);
    let valid = if valid.is_empty() {
        find_arg(cmd, arg)
            .map(|a| {
                a.get_possible_values()
                    .iter()
                    .map(|v| v.get_name().to_owned())
                    .collect()
            })
            .unwrap_or_default()
    } else {
        valid
    };
    let near = get(e, ContextKind::SuggestedValue)
        .map(|v| format!("是否想写“{v}”？"))
        .unwrap_or_default();
    if valid.is_empty() {
        format!("{near}在 {} 后面写上值", flag_of(arg))
    } else {
        format!("{near}{} 可以取：{}", flag_of(arg), valid.join("、"))
    }
}

fn find_arg<'a>(cmd: &'a Command, arg: &str) -> Option<&'a Arg> {
    let flag = flag_of(arg);
    let long = flag.trim_start_matches('-');
    cmd.get_arguments().find(|a| {
        a.get_long() == Some(long) || a.get_short().is_some_and(|s| s.to_string() == long)
    })
}

/// What kind of value an option wants, from its value name.
fn value_kind(cmd: &Command, arg: &str) -> String {
    let name = find_arg(cmd, arg)
        .and_then(|a| a.get_value_names())
        .and_then(|v| v.first())
        .map(ToString::to_string)
        .unwrap_or_default();
    match name.as_str() {
        "端口" => "要写 0 到 65535 之间的整数".to_owned(),
        "字数" => "要写 60 到 600 之间的整数（每分钟讲多少字，一般约 200）".to_owned(),
        _ => format!("要写{}", if name.is_empty() { "一个值" } else { &name }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(line: &str) -> Vec<OsString> {
        line.split_whitespace().map(OsString::from).collect()
    }

    fn error(line: &str) -> String {
        let argv = args(line);
        match parse(&argv) {
            Ok(_) => panic!("{line} parsed"),
            Err(e) => explain(&e, &argv),
        }
    }

    #[test]
    fn the_definitions_hold_together() {
        command().debug_assert();
    }

    /// `parse` reads a command line with clap's own command first and puts
    /// it into Chinese only when that fails: the two must accept the same
    /// lines and read them alike.
    #[test]
    fn the_chinese_command_line_accepts_what_clap_s_own_does() {
        for line in [
            "bigan render p.yaml",
            "bigan render a.yaml b/ -o out --doc all --format docx --force --variant 2",
            "bigan render p.yaml --templates t --doc plan",
            "bigan render p.yaml --variant 0",
            "bigan render p.yaml --doc nothing",
            "bigan render",
            "bigan render p.yaml --bogus",
            "bigan render -- p.yaml",
            "bigan render p.yaml --doc plan --doc speech",
            "bigan render help",
            "bigan render p.yaml -o",
            "bigan check p.yaml --pace 180",
            "bigan check p.yaml --pace 5",
            "bigan preview p.yaml --port 0 --host 127.0.0.1 --open --doc progress",
            "bigan lint a.md --format json --rule x --skip y",
            "bigan lint --list-rules",
            "bigan lint",
            "bigan import a.txt -o p.yaml --force",
            "bigan new 某医院 --kind school",
            "bigan new 某医院 --kind 医院",
            "bigan templates list",
            "bigan templates export t --force",
            "bigan templates",
            "bigan templates help",
            "bigan completions bash",
            "bigan man -o m",
            "bigan help",
            "bigan help render",
            "bigan --version",
            "bigan -V",
            "bigan --help",
            "bigan -h",
            "bigan render --help",
            "bigan render -h",
            "bigan render -V",
            "bigan",
            "bigan rendr p.yaml",
        ] {
            let argv = args(line);
            let plain = Cli::command()
                .disable_help_subcommand(true)
                .try_get_matches_from(&argv)
                .map(|m| Cli::from_arg_matches(&m).map(|c| format!("{c:?}")));
            let chinese = command()
                .try_get_matches_from(&argv)
                .map(|m| Cli::from_arg_matches(&m).map(|c| format!("{c:?}")));
            let render = render_only(&argv).map(|c| format!("{c:?}"));
            match (&plain, render) {
                (Ok(Ok(a)), Some(b)) => assert_eq!(*a, b, "{line}: the render-only read"),
                (_, None) => assert!(
                    !line.starts_with("bigan render ") || plain.is_err(),
                    "{line}: the render-only read refused a render line"
                ),
                (_, Some(_)) => panic!("{line}: the render-only read took a bad line"),
            }
            match (plain, chinese) {
                (Ok(a), Ok(b)) => assert_eq!(a.ok(), b.ok(), "{line}"),
                (Err(_), Err(_)) => {}
                (a, b) => panic!(
                    "{line}: clap's own {:?}, the Chinese {:?}",
                    a.is_ok(),
                    b.is_ok()
                ),
            }
        }
    }

    #[test]
    fn an_option_given_twice_is_said_to_be_given_twice() {
        let e = error("bigan render p.yaml --doc plan --doc speech");
        assert!(e.contains("--doc 写了不止一次"), "{e}");
        assert!(e.contains("--doc all"), "{e}");
        assert!(!e.contains("不能和"), "{e}");
        let e = error("bigan render p.yaml --format md --format html");
        assert!(e.contains("--format 写了不止一次"), "{e}");
        assert!(!e.contains("--doc all"), "{e}");
    }

    #[test]
    fn a_bad_value_lists_the_choices() {
        let e = error("bigan render p.yaml --format pdf");
        assert!(e.contains("--format 不能取“pdf”"), "{e}");
        assert!(e.contains("md、html、txt、docx"), "{e}");
        assert!(e.contains("用法：bigan render [选项] <配置>…"), "{e}");
    }

    #[test]
    fn an_unknown_flag_names_the_nearest() {
        let e = error("bigan new 甲 --type county");
        assert!(e.contains("bigan new 没有 --type 这个选项"), "{e}");
        assert!(e.contains("最接近的是 --kind"), "{e}");
        let e = error("bigan render p.yaml --fromat md");
        assert!(e.contains("最接近的是 --format"), "{e}");
    }

    #[test]
    fn unknown_and_missing_commands_and_arguments() {
        let e = error("bigan rendr p.yaml");
        assert!(
            e.contains("没有“rendr”这个命令") && e.contains("“render”"),
            "{e}"
        );
        let e = error("bigan render");
        assert!(e.contains("缺少参数 <配置>…"), "{e}");
        let e = error("bigan check p.yaml --pace abc");
        assert!(e.contains("--pace 的值“abc”不对"), "{e}");
        assert!(!e.contains("invalid"), "{e}");
    }

    #[test]
    fn help_is_chinese() {
        let help = command()
            .find_subcommand_mut("render")
            .map(|c| c.render_long_help().to_string())
            .unwrap_or_default();
        for english in [
            "Usage",
            "Options",
            "Arguments",
            "default",
            "possible",
            "Print",
        ] {
            assert!(!help.contains(english), "{english} in\n{help}");
        }
        assert!(help.contains("用法：bigan render"), "{help}");
        assert!(help.contains("选项："), "{help}");
        assert!(help.contains("可选 md、html、txt、docx"), "{help}");
    }
}
