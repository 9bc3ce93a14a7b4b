//! Profile → Markdown draft. The only module that names Tera: the built-in
//! templates, the user's overrides, the filters, and the render call.

pub mod context;
mod documents;
mod error;
mod escape;
mod filters;
mod templates;
pub mod wording;

use std::path::{Path, PathBuf};

use anyhow::Context as _;

use crate::error::InputError;
use chrono::NaiveDate;

use crate::profile::{Occasion, Profile};
pub use templates::BUILTIN;

/// The documents a profile gives.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, clap::ValueEnum)]
pub enum Doc {
    /// 动员大会讲话
    Speech,
    /// 实施方案
    Plan,
    /// 推进会讲话（配置须有 progress 一节）
    Progress,
    /// 动员大会的会议通知（配置须有 meeting.place、meeting.attendees）
    Notice,
    /// 动员大会的工作信息（配置须有 meeting.place）
    Briefing,
    /// 推进会的工作信息（配置须有 progress 一节和 progress.place）
    ProgressBriefing,
    /// 在上级会议上的经验交流发言（配置须有 exchange 一节）
    Exchange,
    /// 总结表彰大会讲话（配置须有 summary 一节）
    Summary,
}

impl Doc {
    pub const ALL: [Doc; 8] = [
        Doc::Speech,
        Doc::Plan,
        Doc::Progress,
        Doc::Notice,
        Doc::Briefing,
        Doc::ProgressBriefing,
        Doc::Exchange,
        Doc::Summary,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Doc::Speech => "speech",
            Doc::Plan => "plan",
            Doc::Progress => "progress",
            Doc::Notice => "notice",
            Doc::Briefing => "briefing",
            Doc::ProgressBriefing => "progress-briefing",
            Doc::Exchange => "exchange",
            Doc::Summary => "summary",
        }
    }

    /// What the document is called in Chinese, for messages.
    pub fn title(self) -> &'static str {
        match self {
            Doc::Speech => "动员大会讲话",
            Doc::Plan => "实施方案",
            Doc::Progress => "推进会讲话",
            Doc::Notice => "会议通知",
            Doc::Briefing => "动员大会工作信息",
            Doc::ProgressBriefing => "推进会工作信息",
            Doc::Exchange => "经验交流发言",
            Doc::Summary => "总结表彰大会讲话",
        }
    }

    /// Whether the document is read aloud (a plan, a notice or a news item
    /// is not): what a speaking time is given for.
    pub fn is_spoken(self) -> bool {
        matches!(
            self,
            Doc::Speech | Doc::Progress | Doc::Exchange | Doc::Summary
        )
    }

    /// The meeting the document is for: the one its timeline marks.
    pub fn occasion(self) -> Occasion {
        match self {
            Doc::Speech | Doc::Plan | Doc::Notice | Doc::Briefing => Occasion::Mobilisation,
            Doc::Progress | Doc::ProgressBriefing => Occasion::Progress,
            Doc::Exchange => Occasion::Exchange,
            Doc::Summary => Occasion::Summary,
        }
    }

    /// The meeting the document is for and its day; the mobilisation
    /// meeting where `profile` does not hold the document's own.
    pub fn meeting(self, profile: &Profile) -> (Occasion, NaiveDate) {
        let own = self.occasion();
        match profile.day_of(own) {
            Some(day) => (own, day),
            None => (Occasion::Mobilisation, profile.meeting.date),
        }
    }

    /// The day the document speaks from (a plan's own date, else its
    /// meeting's), and who spoke before its speaker: nobody before a plan
    /// or a notice, which are not said at the meeting.
    pub fn setting(self, profile: &Profile) -> (NaiveDate, Option<&str>) {
        let (occasion, day) = self.meeting(profile);
        match self {
            Doc::Plan => (profile.plan.date, None),
            Doc::Notice => (day, None),
            _ if occasion == self.occasion() => (day, profile.before_me(occasion)),
            _ => (day, None),
        }
    }

    /// What `profile` lacks for this document: the keys to add and the
    /// located error that names them; `None` when it can be drafted.
    pub fn gap(self, profile: &Profile) -> Option<&crate::profile::Gap> {
        let g = &profile.gaps;
        match self {
            Doc::Speech | Doc::Plan => None,
            Doc::Progress => g.progress.as_ref(),
            Doc::Notice => g.notice.as_ref(),
            Doc::Briefing => g.briefing.as_ref(),
            Doc::ProgressBriefing => g.progress_briefing.as_ref(),
            Doc::Exchange => g.exchange.as_ref(),
            Doc::Summary => g.summary.as_ref(),
        }
    }

    /// Whether `profile` has what this document needs.
    pub fn supported_by(self, profile: &Profile) -> bool {
        self.gap(profile).is_none()
    }
}

/// Where the built-in templates live inside the engine: a user template of
/// the same name (without this prefix) wins over them.
const BUILTIN_PREFIX: &str = "builtin/";
/// The built-in components every document's template may call.
const PARTS: &str = "parts.md";

/// The compiled templates, built-in and the user's, ready to render any
/// number of profiles.
pub struct Renderer {
    tera: tera::Tera,
    user_dir: Option<PathBuf>,
    /// Which wording of the stock sentences (`--variant`, from 1).
    variant: u32,
}

impl Renderer {
    /// Compiles the built-in templates and, when given, the user's templates
    /// in `user_dir` (which override built-ins of the same name).
    pub fn new(user_dir: Option<&Path>) -> anyhow::Result<Renderer> {
        Renderer::only(user_dir, &Doc::ALL)
    }

    /// Like [`Renderer::new`], but compiles only the built-in templates of
    /// `docs`, and all of the user's: a run that renders one speech need
    /// not compile the plan.
    pub fn only(user_dir: Option<&Path>, docs: &[Doc]) -> anyhow::Result<Renderer> {
        let mut tera = tera::Tera::default();
        // Markdown is not HTML: escaping happens when HTML is made.
        tera.autoescape_on(Vec::<&str>::new());
        tera.set_fallback_prefixes([BUILTIN_PREFIX])
            .map_err(|e| anyhow::anyhow!("{e}"))?;
        filters::register(&mut tera);
        let user = match user_dir {
            Some(dir) => user_templates(dir)?,
            None => Vec::new(),
        };
        let builtin: Vec<(&str, &str)> = BUILTIN
            .iter()
            .filter(|(name, _)| wanted(name, docs) && !user.iter().any(|(n, _)| n == name))
            .copied()
            .collect();
        // The shared parts hold only what the templates compiled call.
        let callers: Vec<&str> = builtin
            .iter()
            .filter(|(name, _)| *name != PARTS)
            .map(|(_, text)| *text)
            .chain(user.iter().map(|(_, text)| text.as_str()))
            .collect();
        let mut all: Vec<(String, String)> = builtin
            .iter()
            .map(|(name, text)| {
                let text = if *name == PARTS {
                    templates::components_used(text, &callers)
                } else {
                    (*text).to_owned()
                };
                (format!("{BUILTIN_PREFIX}{name}"), text)
            })
            .collect();
        all.extend(user);
        tera.add_raw_templates(all)
            .map_err(|e| template_error(e, user_dir))?;
        Ok(Renderer {
            tera,
            user_dir: user_dir.map(Path::to_owned),
            variant: 1,
        })
    }

    /// The same templates with wording `variant` of the stock sentences
    /// (1, the default, is each organisation's own).
    pub fn with_variant(mut self, variant: u32) -> Renderer {
        self.variant = variant.max(1);
        self
    }

    /// Renders `doc` for `profile` as a Markdown draft.
    pub fn render(&self, profile: &Profile, doc: Doc) -> anyhow::Result<String> {
        let genre_problem = |d: Vec<crate::diagnostic::Diagnostic>| {
            let shown: String = d.iter().map(ToString::to_string).collect();
            anyhow::Error::new(InputError(format!("文字数据有错误：\n{shown}")))
        };
        if let Some(gap) = doc.gap(profile) {
            return Err(InputError(gap.diagnostic.to_string()).into());
        }
        let common = profile.genre.common().map_err(genre_problem)?;
        let era = profile.genre.era().map_err(genre_problem)?;
        let view = context::build(profile, doc, &common, Some(&era), self.variant);
        let context = tera::Context::from_serialize(&view)
            .map_err(|e| anyhow::anyhow!("内部错误：无法准备模板数据：{e}"))?;
        let name = format!("{}/base.md", doc.name());
        let text = self
            .tera
            .render(&name, &context)
            .map_err(|e| template_error(e, self.user_dir.as_deref()))?;
        Ok(tidy(&text))
    }
}

/// Whether the built-in template `name` is needed for `docs`: the
/// documents' own, and the shared parts (`parts.md`) always.
fn wanted(name: &str, docs: &[Doc]) -> bool {
    match name.split_once('/') {
        Some((doc, _)) => docs.iter().any(|d| d.name() == doc),
        None => true,
    }
}

/// Every `*.md` file under `dir`, named by its path relative to `dir`. A
/// linked folder is not entered: a link back to a parent would never end.
fn user_templates(dir: &Path) -> anyhow::Result<Vec<(String, String)>> {
    let mut found = Vec::new();
    let mut stack = vec![dir.to_owned()];
    while let Some(folder) = stack.pop() {
        let entries = fs_err::read_dir(&folder).with_context(|| {
            format!("模板目录 {} 读不了：检查 --templates 的路径", dir.display())
        })?;
        for entry in entries {
            let entry = entry?;
            let path = entry.path();
            if entry.file_type().is_ok_and(|t| t.is_dir()) {
                stack.push(path);
            } else if path.extension().is_some_and(|e| e == "md") {
                let name = path
                    .strip_prefix(dir)
                    .unwrap_or(&path)
                    .to_string_lossy()
                    .replace('\\', "/");
                // The one text reader: a FIFO or a device is refused.
                let text = crate::input::text::read(&path, None).map_err(|e| {
                    // A template saved as GBK is the user's to convert.
                    if e.is_content() {
                        anyhow::Error::new(InputError(format!("模板读不了：{e}")))
                    } else {
                        anyhow::anyhow!("模板读不了：{e}")
                    }
                })?;
                found.push((name, text));
            }
        }
    }
    found.sort();
    Ok(found)
}

/// A Tera error in Chinese (see [`error`]).
fn template_error(e: tera::Error, user_dir: Option<&Path>) -> anyhow::Error {
    error::template_error(&e, user_dir, BUILTIN_PREFIX)
}

/// Makes every non-empty line its own Markdown block, one blank line
/// apart, whatever blank lines the template's tags left behind. A line is a
/// paragraph in this genre; a soft break inside one would put a space
/// between Chinese characters. A line that would start a list is escaped.
fn tidy(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for line in text.lines().map(str::trim_end).filter(|l| !l.is_empty()) {
        if !out.is_empty() {
            out.push_str("\n\n");
        }
        out.push_str(&escape::line(line));
    }
    out.push('\n');
    out
}
