//! The profile after merging, defaulting and validation: what templates are
//! rendered from. Every value here is known to be usable.

use std::sync::Arc;

use chrono::NaiveDate;

use crate::genre::{CampaignType, Genre, Sector};

#[derive(Debug, Clone)]
pub struct Profile {
    pub org: Org,
    pub campaign: Campaign,
    pub meeting: Meeting,
    /// Positional overrides of the template's points; `None` keeps the
    /// template's point at that position.
    pub points: Vec<Option<Point>>,
    pub plan: Plan,
    pub progress: Option<Progress>,
    /// The notice of the mobilisation meeting: always there, its date and
    /// issuer defaulted; whether it can be drafted is `gaps.notice`.
    pub notice: Notice,
    /// The organisation's speech at a higher meeting, when the profile
    /// gives its facts.
    pub exchange: Option<Exchange>,
    /// The closing meeting, when the profile gives its facts.
    pub summary: Option<Summary>,
    /// What each document that needs facts of its own still lacks.
    pub gaps: Gaps,
    pub fonts: Fonts,
    /// The genre data the profile was read with (its sector and campaign
    /// type come from it; the era and the shared passages too).
    pub genre: Arc<Genre>,
}

impl Profile {
    /// How many points the mobilisation speech has: the campaign type's,
    /// or more when the profile adds some.
    pub fn speech_points(&self) -> usize {
        self.points
            .len()
            .max(self.campaign.kind.speech.points.len())
    }

    /// The meetings the profile holds, in the campaign's order, each with
    /// its day: what `check`, the timeline and the drafts place on the
    /// phases.
    pub fn meetings(&self) -> Vec<(Occasion, NaiveDate)> {
        Occasion::ALL
            .into_iter()
            .filter_map(|o| Some((o, self.day_of(o)?)))
            .collect()
    }

    /// The day of `occasion`, when the profile holds it.
    pub fn day_of(&self, occasion: Occasion) -> Option<NaiveDate> {
        match occasion {
            Occasion::Mobilisation => Some(self.meeting.date),
            Occasion::Progress => self.progress.as_ref().map(|p| p.date),
            Occasion::Exchange => self.exchange.as_ref().map(|e| e.date),
            Occasion::Summary => self.summary.as_ref().map(|s| s.date),
        }
    }

    /// Who spoke before the speaker at `occasion`, as the profile says.
    pub fn before_me(&self, occasion: Occasion) -> Option<&str> {
        match occasion {
            Occasion::Mobilisation => self.meeting.before_me.as_deref(),
            Occasion::Progress => self.progress.as_ref()?.before_me.as_deref(),
            // The speaker at an exchange meeting is one of many units.
            Occasion::Exchange => None,
            Occasion::Summary => self.summary.as_ref()?.before_me.as_deref(),
        }
    }
}

/// The meetings of a campaign a profile can hold.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Occasion {
    /// 动员大会 (`meeting`), always held.
    Mobilisation,
    /// 推进会 (`progress`).
    Progress,
    /// 经验交流会 (`exchange`).
    Exchange,
    /// 总结大会 (`summary`).
    Summary,
}

impl Occasion {
    pub const ALL: [Occasion; 4] = [
        Occasion::Mobilisation,
        Occasion::Progress,
        Occasion::Exchange,
        Occasion::Summary,
    ];

    /// The meeting's name: 动员大会.
    pub fn name(self) -> &'static str {
        match self {
            Occasion::Mobilisation => "动员大会",
            Occasion::Progress => "推进会",
            Occasion::Exchange => "经验交流会",
            Occasion::Summary => "总结大会",
        }
    }
}

#[derive(Debug, Clone)]
pub struct Org {
    pub name: String,
    /// How the speaker says "we": 我院, 我县, 我局.
    pub short: String,
    /// The sector (org.kind): its words, passages and defaults.
    pub kind: Arc<Sector>,
    pub party_org: String,
    pub superior: String,
    /// Who carries the campaign out: 各党支部.
    pub units: String,
    /// Everyone addressed: 全院干部职工.
    pub staff: String,
    /// The plan's addressees: 各科室、各党支部.
    pub addressees: Vec<String>,
    /// Whom the organisation serves: 患者, 辖区群众, 师生.
    pub served: String,
    /// The organisation's own for its sector's words (org.words), by the
    /// sector file's names: `("workers", "社区工作者")`.
    pub words: Vec<(&'static str, String)>,
}

#[derive(Debug, Clone)]
pub struct Campaign {
    pub name: String,
    pub full_name: String,
    pub goals: Vec<String>,
    /// The theme or 总要求, item by item; a central campaign's official
    /// 总要求 is one item in its own punctuation.
    pub theme: Vec<String>,
    pub standards: Vec<Standard>,
    pub milestones: Vec<Milestone>,
    pub phases: Vec<Phase>,
    /// The campaign type (campaign.type, or inferred).
    pub kind: Arc<CampaignType>,
    /// How the type was known.
    pub kind_from: TypeSource,
    /// Who decided the campaign (党中央, 公安部), as opposed to who
    /// deploys it here (org.superior); `None` when nobody says.
    pub decided_by: Option<String>,
    /// Whether `decided_by` came from the era table, not the profile.
    pub decided_inferred: bool,
    /// 形势和背景: sentences, in order.
    pub situation: Vec<String>,
    /// The main tasks (campaign.tasks).
    pub tasks: Vec<Fact>,
}

/// How a campaign's type was known.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TypeSource {
    /// campaign.type
    Given,
    /// A word in the name: 整治.
    Word(String),
    /// The name of a central campaign in the era table.
    Central(String),
    /// Nothing said: the general type.
    Default,
}

/// A day the campaign looks toward: 建党90周年, 党的十八大.
#[derive(Debug, Clone)]
pub struct Milestone {
    pub name: String,
    /// Given, or worked out by bigan (建党N周年); `None` when unknown.
    pub date: Option<NaiveDate>,
}

/// A fact laid out in a speech: a plain sentence (`lead` is `None`) or a
/// heading phrase with its figures and examples.
#[derive(Debug, Clone)]
pub struct Fact {
    pub lead: Option<String>,
    pub text: String,
}

/// What the progress meeting plans next; `answers` is the index of the
/// listed problem it answers.
#[derive(Debug, Clone)]
pub struct Step {
    pub lead: Option<String>,
    pub text: String,
    pub answers: Option<usize>,
}

impl Campaign {
    /// The first and last day the phases cover; `None` for an open end.
    pub fn span(&self) -> Option<(NaiveDate, Option<NaiveDate>)> {
        let first = self.phases.first()?;
        let last = self.phases.last()?;
        Some((first.from, last.to))
    }
}

#[derive(Debug, Clone)]
pub struct Standard {
    /// 五个好
    pub label: String,
    /// 先进基层党组织
    pub of: Option<String>,
    pub items: Vec<String>,
}

#[derive(Debug, Clone)]
pub struct Phase {
    pub name: String,
    pub from: NaiveDate,
    /// `None`: the phase runs on (常态化).
    pub to: Option<NaiveDate>,
    pub tasks: Vec<String>,
}

/// Where a phase stands on a given day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PhaseStatus {
    /// Ended before the day.
    Done,
    /// The day falls in it (or after the start of one that runs on).
    Current,
    /// Starts after the day.
    Ahead,
}

impl PhaseStatus {
    /// The name templates compare with: `phase.status == "ahead"`.
    pub fn as_str(self) -> &'static str {
        match self {
            PhaseStatus::Done => "done",
            PhaseStatus::Current => "current",
            PhaseStatus::Ahead => "ahead",
        }
    }
}

impl Phase {
    /// Where the phase stands on `day`.
    pub fn status(&self, day: NaiveDate) -> PhaseStatus {
        match self.to {
            Some(to) if to < day => PhaseStatus::Done,
            _ if self.from > day => PhaseStatus::Ahead,
            _ => PhaseStatus::Current,
        }
    }

    /// Whether `day` falls in the phase.
    pub fn holds(&self, day: NaiveDate) -> bool {
        self.status(day) == PhaseStatus::Current
    }
}

/// The mobilisation meeting, whose speech is the `speech` document. A
/// progress meeting is the profile's `progress` section.
#[derive(Debug, Clone)]
pub struct Meeting {
    pub date: NaiveDate,
    pub speaker: Person,
    pub before_me: Option<String>,
    /// 会议地点: 院行政楼四楼会议室.
    pub place: Option<String>,
    /// The time of day as written: 上午9:00.
    pub time: Option<String>,
    /// 参会人员.
    pub attendees: Vec<String>,
}

#[derive(Debug, Clone, Default)]
pub struct Person {
    pub name: Option<String>,
    pub title: Option<String>,
}

#[derive(Debug, Clone)]
pub struct Point {
    pub title: Option<String>,
    pub items: Option<Vec<Item>>,
}

#[derive(Debug, Clone)]
pub struct Item {
    pub lead: String,
    pub text: Option<String>,
}

#[derive(Debug, Clone)]
pub struct Plan {
    /// Who issues the plan: 中共朝阳市第二医院委员会.
    pub issuer: String,
    pub date: NaiveDate,
    /// The superior's document the plan implements.
    pub basis: Option<DocumentRef>,
    pub leading_group: Option<LeadingGroup>,
}

#[derive(Debug, Clone)]
pub struct DocumentRef {
    pub issuer: Option<String>,
    pub title: String,
    /// 文号, e.g. 朝卫党〔2010〕12号.
    pub number: Option<String>,
}

#[derive(Debug, Clone)]
pub struct LeadingGroup {
    pub leader: Person,
    pub deputies: Vec<Person>,
    pub members: Vec<String>,
    /// Where the group's office sits: 院党委办公室.
    pub office: Option<String>,
    pub office_head: Option<Person>,
}

#[derive(Debug, Clone)]
pub struct Progress {
    pub date: NaiveDate,
    pub speaker: Person,
    pub before_me: Option<String>,
    pub achievements: Vec<Fact>,
    pub problems: Vec<Fact>,
    /// 体会: only what the profile says; never invented.
    pub lessons: Vec<Fact>,
    pub next_steps: Vec<Step>,
    pub points: Vec<Option<Point>>,
    pub place: Option<String>,
    pub attendees: Vec<String>,
}

/// The notice of the mobilisation meeting (会议通知).
#[derive(Debug, Clone)]
pub struct Notice {
    /// 发文字号, its year in 〔〕: 院党委发〔2010〕15号.
    pub number: Option<String>,
    /// Who sends it: notice.issuer, else the plan's issuer.
    pub issuer: String,
    /// notice.date, else a working day a few days before the meeting.
    pub date: NaiveDate,
    /// 有关要求 the profile gives, each a sentence or `{lead, text}`;
    /// none: the genre's.
    pub requirements: Vec<Fact>,
    pub contact: Option<Contact>,
}

#[derive(Debug, Clone)]
pub struct Contact {
    pub name: String,
    pub phone: Option<String>,
}

/// The organisation's speech at a higher meeting (经验交流发言).
#[derive(Debug, Clone)]
pub struct Exchange {
    /// The meeting it is given at: 全市卫生系统创先争优活动经验交流会.
    pub occasion: String,
    pub date: NaiveDate,
    pub speaker: Person,
    /// 我发言的题目是《…》.
    pub title: String,
    pub practices: Vec<Fact>,
    pub results: Vec<Fact>,
    pub next_steps: Vec<Fact>,
}

/// The closing meeting (总结表彰大会) and what its speech reviews.
#[derive(Debug, Clone)]
pub struct Summary {
    pub date: NaiveDate,
    pub speaker: Person,
    pub before_me: Option<String>,
    pub achievements: Vec<Fact>,
    /// 经验体会: only what the profile says.
    pub lessons: Vec<Fact>,
    /// The honours conferred: 5个先进基层党组织.
    pub commended: Vec<Fact>,
    pub problems: Vec<Fact>,
    pub next_steps: Vec<Fact>,
}

/// What stops one document from being drafted: the keys to add, and the
/// located error that says so when that document is asked for.
#[derive(Debug, Clone)]
pub struct Gap {
    pub keys: Vec<&'static str>,
    /// Whether the profile gives some of the document's own facts: a
    /// section begun and left unfinished, worth a note when `--doc all`
    /// passes the document by.
    pub started: bool,
    pub diagnostic: crate::diagnostic::Diagnostic,
}

/// The gap of each document that needs facts the profile may leave out;
/// `None` where the document can be drafted.
#[derive(Debug, Clone, Default)]
pub struct Gaps {
    pub progress: Option<Gap>,
    pub notice: Option<Gap>,
    pub briefing: Option<Gap>,
    pub progress_briefing: Option<Gap>,
    pub exchange: Option<Gap>,
    pub summary: Option<Gap>,
}

/// Font names for HTML and DOCX; the 公文 defaults unless the profile says.
#[derive(Debug, Clone)]
pub struct Fonts {
    pub title: String,
    pub body: String,
    pub heading: String,
    pub subheading: String,
    pub page_number: String,
}

impl Default for Fonts {
    fn default() -> Self {
        Fonts {
            title: "方正小标宋简体".to_owned(),
            body: "仿宋_GB2312".to_owned(),
            heading: "黑体".to_owned(),
            subheading: "楷体_GB2312".to_owned(),
            page_number: "宋体".to_owned(),
        }
    }
}
