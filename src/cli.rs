//! The command line: what each command takes, and the help that explains it.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

use crate::output::Format;
use crate::render::Doc;

/// bigan（笔杆）：从一份 YAML 配置生成动员大会讲话、实施方案和推进会讲话。
///
/// 配置写一次单位、活动、阶段和会议的事实，数字、序号和日期都由 bigan 计算，
/// 不会出现“讲三点意见”下面却有四点的错误。
#[derive(Debug, Parser)]
#[command(name = "bigan", version, about, long_about, max_term_width = 100)]
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
    /// 检查任何文稿（生成的或手写的）：数目、序号、占位符、标点、网页残留
    Lint(LintArgs),
    /// 把从网站复制的范文清理干净，并提取提纲生成配置草稿
    Import(ImportArgs),
    /// 新建一份可以直接生成的配置
    New(NewArgs),
    /// 列出或导出内置模板，以便自行修改
    Templates(TemplatesArgs),
}

#[derive(Debug, Args)]
pub struct RenderArgs {
    /// 配置文件（.yaml）；多个文件或文件夹时须用 -o 指定输出文件夹
    #[arg(required = true, value_name = "PROFILE")]
    pub profiles: Vec<PathBuf>,
    /// 生成哪种文稿；all 生成配置支持的全部文稿（须用 -o 指定文件夹）
    #[arg(long, value_enum, default_value_t = DocChoice::Speech)]
    pub doc: DocChoice,
    /// 输出格式
    #[arg(long, value_enum, default_value_t = Format::Md)]
    pub format: Format,
    /// 输出文件；不写则输出到屏幕。多个配置或 --doc all 时是输出文件夹
    #[arg(short, long, value_name = "PATH")]
    pub output: Option<PathBuf>,
    /// 自定义模板所在文件夹：其中同名模板优先于内置模板
    #[arg(long, value_name = "DIR")]
    pub templates: Option<PathBuf>,
    /// 覆盖自上次生成以来被手工修改过的文稿
    #[arg(long)]
    pub force: bool,
}

/// Which document(s) `render` writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum DocChoice {
    /// 动员大会讲话
    Speech,
    /// 实施方案
    Plan,
    /// 推进会讲话（配置须有 progress 一节）
    Progress,
    /// 配置支持的全部文稿
    All,
}

impl DocChoice {
    /// The documents this choice names.
    pub fn docs(self) -> Vec<Doc> {
        match self {
            DocChoice::Speech => vec![Doc::Speech],
            DocChoice::Plan => vec![Doc::Plan],
            DocChoice::Progress => vec![Doc::Progress],
            DocChoice::All => Doc::ALL.to_vec(),
        }
    }
}

#[derive(Debug, Args)]
pub struct CheckArgs {
    /// 要检查的配置文件
    #[arg(required = true, value_name = "PROFILE")]
    pub profiles: Vec<PathBuf>,
    /// 讲话语速（字/分钟，60 到 600），用于估算讲话时长
    #[arg(long, default_value_t = crate::zh::SPEAKING_PACE, value_name = "N", value_parser = pace)]
    pub pace: u32,
    /// 自定义模板所在文件夹
    #[arg(long, value_name = "DIR")]
    pub templates: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct PreviewArgs {
    /// 要预览的配置文件
    #[arg(value_name = "PROFILE")]
    pub profile: PathBuf,
    /// 先显示哪种文稿
    #[arg(long, value_enum, default_value_t = Doc::Speech)]
    pub doc: Doc,
    /// 端口；0 表示自动选一个空闲端口
    #[arg(long, default_value_t = 0)]
    pub port: u16,
    /// 监听地址；默认只允许本机访问
    #[arg(long, default_value = "127.0.0.1")]
    pub host: String,
    /// 启动后在浏览器中打开
    #[arg(long)]
    pub open: bool,
    /// 自定义模板所在文件夹（修改后同样自动刷新）
    #[arg(long, value_name = "DIR")]
    pub templates: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct LintArgs {
    /// 要检查的文稿（Markdown 或纯文本）
    #[arg(required_unless_present = "list_rules", value_name = "DRAFT")]
    pub drafts: Vec<PathBuf>,
    /// 输出格式
    #[arg(long, value_enum, default_value_t = LintFormat::Text)]
    pub format: LintFormat,
    /// 只检查这些规则：规则编号或前缀（如 count），可多次使用；--list-rules 列出全部
    #[arg(long, value_name = "RULE")]
    pub rule: Vec<String>,
    /// 跳过这些规则：规则编号或前缀，可多次使用
    #[arg(long, value_name = "RULE")]
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
    /// 从网站复制下来的范文（.txt）
    #[arg(value_name = "SCRAPED")]
    pub input: PathBuf,
    /// 输出的配置文件；不写则输出到屏幕。一文多篇时是文件夹
    #[arg(short, long, value_name = "PATH")]
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
    #[arg(value_name = "NAME")]
    pub name: String,
    /// 单位类型，决定默认措辞
    #[arg(long, value_enum, default_value_t = KindChoice::Generic)]
    pub kind: KindChoice,
    /// 覆盖已有的文件
    #[arg(long)]
    pub force: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum KindChoice {
    /// 医院
    Hospital,
    /// 县委
    County,
    /// 交通局
    Traffic,
    /// 其他单位
    Generic,
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
        #[arg(value_name = "DIR")]
        dir: PathBuf,
        /// 覆盖已有的文件
        #[arg(long)]
        force: bool,
    },
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
