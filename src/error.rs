//! How failures reach the user: one printer for the cause chain, in
//! Chinese down to the operating system's reasons, and the exit status
//! each kind of failure gives (DESIGN.md: 1 the input has problems, 2
//! usage or I/O).

use std::fmt;
use std::io;
use std::process::ExitCode;

use crate::printable::printable_lines;

/// A failure caused by what the user wrote (a profile, a template, a
/// draft), as opposed to the machine (I/O) or the command line.
#[derive(Debug)]
pub struct InputError(pub String);

impl fmt::Display for InputError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for InputError {}

/// Exit status 1 (the input has problems).
pub const PROBLEMS: u8 = 1;
/// Exit status 2 (usage or I/O error).
pub const FAILURE: u8 = 2;

/// Whether `e` comes from what the user wrote (exit status 1) rather than
/// the machine or the command line (2): anywhere in its cause chain.
pub fn is_input(e: &anyhow::Error) -> bool {
    e.chain().any(|c| c.is::<InputError>())
}

/// The exit status for an error that ended a command.
pub fn exit_code(e: &anyhow::Error) -> ExitCode {
    if is_input(e) {
        ExitCode::from(PROBLEMS)
    } else {
        ExitCode::from(FAILURE)
    }
}

/// The error and its causes, outermost first, as the user reads them: an
/// I/O error in Chinese ([`io_message`]), and anything the user wrote
/// that could drive a terminal escaped.
pub fn report(e: &anyhow::Error) -> String {
    let mut out = String::new();
    for (i, cause) in e.chain().enumerate() {
        let text = match cause.downcast_ref::<io::Error>() {
            Some(io) => io_message(io),
            None => cause.to_string(),
        };
        out.push_str(if i == 0 { "错误：" } else { "\n  原因：" });
        out.push_str(&printable_lines(&text));
    }
    out
}

/// An I/O error as the user reads it: what bigan was doing, to which path,
/// and why, in Chinese. The errors fs-err and tempfile wrap name their
/// path in English ("failed to create directory `out`: Read-only file
/// system (os error 30)"); those are read back and said again in Chinese.
pub fn io_message(e: &io::Error) -> String {
    let reason = io_reason(e);
    let Some(inner) = e.get_ref().map(ToString::to_string) else {
        return reason;
    };
    match wrapped(&inner) {
        Some(Wrapped::One { op, path }) => format!("{}：{reason}", one_path(op, path)),
        Some(Wrapped::Two { op, from, to }) => {
            format!("无法把 {from} {}{to}：{reason}", two_path_op(op))
        }
        Some(Wrapped::Tempfile { path }) => {
            // The temporary file's own name means nothing to the user.
            let dir = std::path::Path::new(path)
                .parent()
                .map(|d| d.display().to_string());
            format!(
                "无法在 {} 里写入临时文件：{reason}",
                dir.as_deref().unwrap_or(path)
            )
        }
        None => reason,
    }
}

/// Why an I/O operation failed, in Chinese, with the system's error
/// number when there is one, then what to do where there is something to
/// say.
pub fn io_reason(e: &io::Error) -> String {
    use io::ErrorKind as K;
    let code = e.raw_os_error().or_else(|| {
        // A wrapped error keeps its kind but hides its number in its text.
        let text = e.get_ref()?.to_string();
        let (_, tail) = text.rsplit_once("(os error ")?;
        let digits = tail.split(')').next()?;
        digits.parse().ok()
    });
    let linux = cfg!(target_os = "linux");
    let (reason, advice) = match e.kind() {
        K::NotFound => ("找不到这个文件或文件夹", "检查路径是否写对"),
        K::PermissionDenied => ("没有权限", "检查文件和文件夹的权限，或换一个自己的文件夹"),
        K::AlreadyExists => ("已经存在", ""),
        K::ReadOnlyFilesystem => ("所在的磁盘或分区是只读的", "换一个可以写入的文件夹"),
        K::StorageFull => ("磁盘已满", "清理出空间后再试"),
        K::QuotaExceeded => ("超出了磁盘配额", "清理出空间后再试"),
        K::NotADirectory => ("路径中有一段是文件，不是文件夹", "检查路径是否写对"),
        K::IsADirectory => ("这是文件夹，不是文件", "给出一个文件"),
        K::DirectoryNotEmpty => ("文件夹不是空的", ""),
        K::FileTooLarge => ("文件太大", ""),
        K::InvalidFilename => ("文件名不合法或太长", "换一个短一些的文件名"),
        K::CrossesDevices => ("不能跨磁盘移动", ""),
        K::ResourceBusy | K::ExecutableFileBusy => ("文件正被其他程序占用", "关闭那个程序后再试"),
        K::TooManyLinks => ("链接太多", ""),
        K::WouldBlock | K::TimedOut => ("暂时无法访问", "稍后再试"),
        K::Interrupted => ("操作被中断", "再试一次"),
        K::UnexpectedEof => ("文件意外结束，可能不完整", ""),
        K::InvalidData => ("内容无法识别", ""),
        K::BrokenPipe => ("输出被关闭（接收输出的程序已经退出）", ""),
        K::OutOfMemory => ("内存不足", ""),
        K::Unsupported => ("系统不支持这个操作", ""),
        _ => match code {
            Some(5) if linux => ("磁盘读写出错", "磁盘或文件系统可能有问题，请检查"),
            Some(6 | 19) if linux => ("设备不存在", ""),
            Some(24) if linux => ("同时打开的文件太多", "关闭一些程序后再试"),
            Some(40) if linux => ("符号链接形成了循环", "检查路径中的链接"),
            _ => ("系统报告了错误", ""),
        },
    };
    let mut out = reason.to_owned();
    if let Some(n) = code {
        out.push_str(&format!("（系统错误 {n}）"));
    }
    if !advice.is_empty() {
        out.push_str(&format!("。请{advice}"));
    }
    out
}

/// What an fs-err or tempfile message says was being done, to which paths.
enum Wrapped<'a> {
    One {
        op: &'a str,
        path: &'a str,
    },
    Two {
        op: &'a str,
        from: &'a str,
        to: &'a str,
    },
    Tempfile {
        path: &'a str,
    },
}

fn wrapped(text: &str) -> Option<Wrapped<'_>> {
    if let Some(rest) = text.strip_prefix("failed to ") {
        let (op, rest) = rest.split_once(" `")?;
        let (path, rest) = rest.split_once('`')?;
        return Some(match rest.strip_prefix(" to `") {
            Some(to) => Wrapped::Two {
                op,
                from: path,
                to: to.split_once('`')?.0,
            },
            None => Wrapped::One { op, path },
        });
    }
    let (_, path) = text.rsplit_once(" at path ")?;
    Some(Wrapped::Tempfile {
        path: path.trim_matches('"'),
    })
}

/// What fs-err says it failed to do to `path`, in Chinese.
fn one_path(op: &str, path: &str) -> String {
    match op {
        "open file" => format!("无法打开 {path}"),
        "create file" => format!("无法创建文件 {path}"),
        "create directory" => format!("无法创建文件夹 {path}"),
        "sync file" | "flush file" => format!("无法把 {path} 存到磁盘上"),
        "read from file" => format!("无法读取 {path}"),
        "write to file" => format!("无法写入 {path}"),
        "read directory" => format!("无法读取文件夹 {path}"),
        "remove file" => format!("无法删除 {path}"),
        "remove directory" => format!("无法删除文件夹 {path}"),
        _ => format!("无法访问 {path}"),
    }
}

/// fs-err's operation from one path to another, as 无法把 A …B says it.
fn two_path_op(op: &str) -> &'static str {
    match op {
        "copy file from" => "复制到 ",
        "rename file from" => "改名为 ",
        "hardlink file from" | "softlink file from" | "symlink file from" => "链接到 ",
        _ => "移到 ",
    }
}
