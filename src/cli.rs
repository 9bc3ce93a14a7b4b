//! The command line: what each command takes, and the help that explains it.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

use crate::output::Format;
use crate::render::Doc;

/// bigan（笔杆）：从一份 YAML 配置生成一次活动的文稿：动员大会讲话、实施方案、推进会讲话、会议通知、工作信息、经验交流发言和总结表彰大会讲话。
///
// (One line: clap joins the lines of a doc comment with a space, which
// Chinese text must not have.)
/// 配置写一次单位、活动、阶段和会议的事实，数字、序号和日期都由 bigan 计算，不会出现“讲三点意见”下面却有四点的错误。
#[derive(Debug, Parser)]
#[command(
    name = "bigan",
    version,
    about,
    long_about,
    max_term_width = 100,
    arg_required_else_help = true
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// 生成文稿（默认动员大会讲话，Markdown 输出到屏幕）
    Render(RenderArgs),
    /// 检查配置并汇总：单位、会议、意见条数、阶段时间表、字数和讲话时长
    Check(CheckArgs),
    /// 在浏览器里预览文稿，保存配置或模板后自动刷新
    Preview(PreviewArgs),
    /// 检查任何文稿（Markdown、文本、Word、网页）：数目、序号、占位符、标点、网页残留、Word 版面
    Lint(LintArgs),
    /// 把范文（文本、Word、网页）清理干净，提取提纲和日期、阶段等事实，生成配置草稿
    Import(ImportArgs),
    /// 新建一份可以直接生成的配置
    New(NewArgs),
    /// 列出或导出内置模板，以便自行修改
    Templates(TemplatesArgs),
    /// 生成命令行自动补全脚本（bash、zsh、fish、powershell）
    Completions(CompletionsArgs),
    /// 输出 man 手册页
    Man(ManArgs),
    /// 显示 bigan 或某个命令的帮助（同 --help）
    Help(HelpArgs),
}

#[derive(Debug, Clone, Args)]
pub struct RenderArgs {
    /// 配置文件（.yaml）；多个文件或文件夹时须用 -o 指定输出文件夹
    #[arg(required = true, value_name = "配置")]
    pub profiles: Vec<PathBuf>,
    /// 生成哪种文稿；all 生成配置支持的全部文稿（须用 -o 指定文件夹）
    #[arg(long, value_enum, default_value_t = DocChoice::One(Doc::Speech), value_name = "文稿")]
    pub doc: DocChoice,
    /// 输出格式；不写时按 -o 文件的扩展名（.md .html .txt .docx），输出到屏幕或文件夹时为 md
    #[arg(long = "format", value_enum, value_name = "格式")]
    pub format_given: Option<Format>,
    /// The format written: `--format`, or what `-o`'s name says
    /// (worked out by `cmd::render` before anything else).
    #[arg(skip = Format::Md)]
    pub format: Format,
    /// 输出文件；不写则输出到屏幕。多个配置或 --doc all 时是输出文件夹
    #[arg(short, long, value_name = "路径")]
    pub output: Option<PathBuf>,
    /// 自定义模板所在文件夹：其中同名模板优先于内置模板
    #[arg(long, value_name = "文件夹")]
    pub templates: Option<PathBuf>,
    /// 覆盖自上次生成以来被手工修改过的文稿
    #[arg(long)]
    pub force: bool,
    /// 换一种说法：套话从几种说法中选，同一配置默认总是同一种（1）；2、3……给出另一种
    #[arg(long, default_value_t = 1, value_name = "N", value_parser = clap::value_parser!(u32).range(1..))]
    pub variant: u32,
}

/// Which document(s) `render` writes: one of [`Doc`] (named and helped
/// as `Doc` names them), or all the profile gives.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DocChoice {
    One(Doc),
    All,
}

impl DocChoice {
    /// Every choice, in the order `--help` lists them.
    const VARIANTS: [DocChoice; Doc::ALL.len() + 1] = {
        let mut all = [DocChoice::All; Doc::ALL.len() + 1];
        let mut i = 0;
        while i < Doc::ALL.len() {
            all[i] = DocChoice::One(Doc::ALL[i]);
            i += 1;
        }
        all
    };

    /// The documents this choice names.
    pub fn docs(self) -> Vec<Doc> {
        match self {
            DocChoice::One(doc) => vec![doc],
            DocChoice::All => Doc::ALL.to_vec(),
        }
    }
}

impl ValueEnum for DocChoice {
    fn value_variants<'a>() -> &'a [Self] {
        &Self::VARIANTS
    }

    fn to_possible_value(&self) -> Option<clap::builder::PossibleValue> {
        match self {
            DocChoice::One(doc) => doc.to_possible_value(),
            DocChoice::All => {
                Some(clap::builder::PossibleValue::new("all").help("配置支持的全部文稿"))
            }
        }
    }
}

#[derive(Debug, Args)]
pub struct CheckArgs {
    /// 要检查的配置文件
    #[arg(required = true, value_name = "配置")]
    pub profiles: Vec<PathBuf>,
    /// 讲话语速（字/分钟，60 到 600），用于估算讲话时长
    #[arg(long, default_value_t = crate::zh::SPEAKING_PACE, value_name = "字数", value_parser = pace)]
    pub pace: u32,
    /// 自定义模板所在文件夹
    #[arg(long, value_name = "文件夹")]
    pub templates: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct PreviewArgs {
    /// 要预览的配置文件
    #[arg(value_name = "配置")]
    pub profile: PathBuf,
    /// 先显示哪种文稿
    #[arg(long, value_enum, default_value_t = Doc::Speech, value_name = "文稿")]
    pub doc: Doc,
    /// 端口；0 表示自动选一个空闲端口
    #[arg(long, default_value_t = 0, value_name = "端口")]
    pub port: u16,
    /// 监听地址；默认只允许本机访问
    #[arg(long, default_value = "127.0.0.1", value_name = "地址")]
    pub host: String,
    /// 启动后在浏览器中打开
    #[arg(long)]
    pub open: bool,
    /// 自定义模板所在文件夹（修改后同样自动刷新）
    #[arg(long, value_name = "文件夹")]
    pub templates: Option<PathBuf>,
    /// 换一种说法（见 render --variant）
    #[arg(long, default_value_t = 1, value_name = "N", value_parser = clap::value_parser!(u32).range(1..))]
    pub variant: u32,
}

#[derive(Debug, Args)]
pub struct LintArgs {
    /// 要检查的文稿：Markdown、纯文本、Word 文档（.docx）或网页（.html）
    #[arg(required_unless_present = "list_rules", value_name = "文稿")]
    pub drafts: Vec<PathBuf>,
    /// 输出格式
    #[arg(long, value_enum, default_value_t = LintFormat::Text, value_name = "格式")]
    pub format: LintFormat,
    /// 只检查这些规则：规则编号或前缀（如 count），可多次使用；--list-rules 列出全部
    #[arg(long, value_name = "规则")]
    pub rule: Vec<String>,
    /// 跳过这些规则：规则编号或前缀，可多次使用
    #[arg(long, value_name = "规则")]
    pub skip: Vec<String>,
    /// 列出全部规则（编号、严重程度、依据）
    #[arg(long)]
    pub list_rules: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum LintFormat {
    /// 便于阅读的文字
    Text,
    /// 稳定的 JSON，便于其他程序读取
    Json,
}

#[derive(Debug, Args)]
pub struct ImportArgs {
    /// 从网站复制下来的范文：纯文本（.txt）、Word 文档（.docx）或网页（.html）
    #[arg(value_name = "范文")]
    pub input: PathBuf,
    /// 输出的配置文件；不写则输出到屏幕。一文多篇时是文件夹
    #[arg(short, long, value_name = "路径")]
    pub output: Option<PathBuf>,
    /// 只清理文字（去拼音、转简体、改全角标点、删网页残留），不提取提纲
    #[arg(long)]
    pub clean_only: bool,
    /// 覆盖已有的输出文件
    #[arg(long)]
    pub force: bool,
}

#[derive(Debug, Args)]
pub struct NewArgs {
    /// 新配置的名字（写成 NAME.yaml），或以 .yaml 结尾的路径
    #[arg(value_name = "名称")]
    pub name: String,
    /// 单位所属行业，决定默认措辞；英文键或中文名都可以（如 hospital 或 医院）
    #[arg(long, default_value = crate::genre::DEFAULT_SECTOR, value_parser = SectorParser, value_name = "行业")]
    pub kind: String,
    /// 覆盖已有的文件
    #[arg(long)]
    pub force: bool,
}

/// `--kind`: a sector of the built-in registry, by key or Chinese name;
/// `--help` lists them with their Chinese names.
#[derive(Debug, Clone, Copy)]
pub struct SectorParser;

impl clap::builder::TypedValueParser for SectorParser {
    type Value = String;

    fn parse_ref(
        &self,
        cmd: &clap::Command,
        arg: Option<&clap::Arg>,
        value: &std::ffi::OsStr,
    ) -> Result<String, clap::Error> {
        use clap::error::{ContextKind, ContextValue, ErrorKind};
        let genre = crate::genre::Genre::builtin();
        let written = value.to_string_lossy();
        if let Some(key) = genre.sector_key(&written) {
            return Ok(key.to_owned());
        }
        // The same context clap gives its own bad values, so the usage
        // layer (src/usage.rs) says it in Chinese with the choices.
        let mut e = clap::Error::new(ErrorKind::InvalidValue).with_cmd(cmd);
        let name = arg.map_or_else(|| "--kind".to_owned(), |a| format!("--{}", a.get_id()));
        e.insert(ContextKind::InvalidArg, ContextValue::String(name));
        e.insert(
            ContextKind::InvalidValue,
            ContextValue::String(written.into_owned()),
        );
        let all: Vec<String> = genre
            .sector_names()
            .into_iter()
            .map(|(k, names)| format!("{k}（{}）", names.join("、")))
            .collect();
        e.insert(ContextKind::ValidValue, ContextValue::Strings(all));
        if let Some(near) = genre.closest_sector(&value.to_string_lossy()) {
            e.insert(
                ContextKind::SuggestedValue,
                ContextValue::String(near.to_owned()),
            );
        }
        Err(e)
    }

    fn possible_values(
        &self,
    ) -> Option<Box<dyn Iterator<Item = clap::builder::PossibleValue> + '_>> {
        let genre = crate::genre::Genre::builtin();
        let values: Vec<clap::builder::PossibleValue> = crate::genre::BUILTIN
            .iter()
            .filter_map(|(rel, _)| rel.strip_prefix("sectors/")?.strip_suffix(".yaml"))
            .map(|key| {
                let names = genre
                    .sector_names()
                    .into_iter()
                    .find(|(k, _)| k == &key)
                    .map(|(_, n)| n.join("、"))
                    .unwrap_or_default();
                clap::builder::PossibleValue::new(key).help(names)
            })
            .collect();
        Some(Box::new(values.into_iter()))
    }
}

#[derive(Debug, Args)]
pub struct TemplatesArgs {
    #[command(subcommand)]
    pub action: TemplatesAction,
}

#[derive(Debug, Subcommand)]
pub enum TemplatesAction {
    /// 列出内置模板
    List,
    /// 把内置模板复制到文件夹，修改后用 --templates 使用
    Export {
        /// 目标文件夹
        #[arg(value_name = "文件夹")]
        dir: PathBuf,
        /// 覆盖已有的文件
        #[arg(long)]
        force: bool,
    },
}

#[derive(Debug, Args)]
pub struct CompletionsArgs {
    /// 哪种命令行（shell）
    #[arg(value_enum, value_name = "SHELL")]
    pub shell: clap_complete::Shell,
}

#[derive(Debug, Args)]
pub struct ManArgs {
    /// 把 bigan 和每个命令的手册页（bigan.1、bigan-render.1……）写进这个文件夹；不写则把 bigan.1 输出到屏幕
    #[arg(short, long, value_name = "文件夹")]
    pub output: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct HelpArgs {
    /// 要看帮助的命令，如 render；不写则显示 bigan 的帮助
    #[arg(value_name = "命令")]
    pub command: Option<String>,
}

/// `--pace`: characters a minute a speaker can say. Outside 60–600 the
/// estimate means nothing (0 would divide by zero).
fn pace(s: &str) -> Result<u32, String> {
    const RANGE: std::ops::RangeInclusive<u32> = 60..=600;
    match s.trim().parse::<u32>() {
        Ok(n) if RANGE.contains(&n) => Ok(n),
        _ => Err(format!(
            "语速要写成 {} 到 {} 之间的整数（字/分钟），一般讲话约 {} 字/分钟",
            RANGE.start(),
            RANGE.end(),
            crate::zh::SPEAKING_PACE
        )),
    }
}
