//! The genre data after loading: every text parsed, every condition and
//! block known. What a sector, a campaign type and the shared passages say,
//! ready to be chosen from for one organisation.

use std::borrow::Cow;
use std::collections::BTreeMap;
use std::path::PathBuf;
use std::sync::OnceLock;

use serde::{Deserialize, Serialize};

use super::cond::Cond;
use super::documents::{BriefingText, ExchangeText, NoticeText, SummaryText};
use super::text::Text;

/// One document's part of a genre file (a campaign type's speech, its
/// plan…), decoded the first time it is read: a render of one speech does
/// not decode the plan's and the progress speech's passages. Built-in
/// files are compiled by build.rs, each part as bytes of its own that its
/// texts borrow; a user's file is read as YAML and its parts are ready
/// from the start.
pub struct Part<T> {
    value: OnceLock<T>,
    bytes: &'static [u8],
}

impl<T> Part<T> {
    pub fn new(value: T) -> Self {
        Part {
            value: OnceLock::from(value),
            bytes: &[],
        }
    }
}

impl<T: Default + Deserialize<'static>> std::ops::Deref for Part<T> {
    type Target = T;

    fn deref(&self) -> &T {
        // The bytes are build.rs's, checked by a test to decode; empty
        // text is what a part that did not would read as.
        self.value
            .get_or_init(|| postcard::from_bytes(self.bytes).unwrap_or_default())
    }
}

impl<T: Default + Clone + Deserialize<'static>> Clone for Part<T> {
    fn clone(&self) -> Self {
        Part::new((**self).clone())
    }
}

impl<T: Default + std::fmt::Debug + Deserialize<'static>> std::fmt::Debug for Part<T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        (**self).fmt(f)
    }
}

impl<T: Default + Serialize + Deserialize<'static>> Serialize for Part<T> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let bytes = postcard::to_allocvec(&**self).map_err(serde::ser::Error::custom)?;
        s.serialize_bytes(&bytes)
    }
}

/// Only from the compiled data in the binary, which the part's texts
/// borrow when it is decoded.
impl<'de: 'static, T> Deserialize<'de> for Part<T> {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        Ok(Part {
            value: OnceLock::new(),
            bytes: <&'de [u8]>::deserialize(d)?,
        })
    }
}

/// A name in compiled data, borrowed from the binary.
fn borrowed<'de: 'static, D: serde::Deserializer<'de>>(
    d: D,
) -> Result<Cow<'static, str>, D::Error> {
    <&'de str>::deserialize(d).map(Cow::Borrowed)
}

/// One way of saying a passage, and when it is true.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(bound(deserialize = "'de: 'static"))]
pub struct Alt {
    pub text: Text,
    pub when: Vec<Cond>,
    pub unless: Vec<Cond>,
}

/// The alternatives for one passage. `slot` names the passage in its file
/// (hospital.passages.focus): with the organisation's name it decides which
/// alternative a draft takes.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(bound(deserialize = "'de: 'static"))]
pub struct Alts {
    #[serde(deserialize_with = "borrowed")]
    pub slot: Cow<'static, str>,
    pub alts: Vec<Alt>,
}

/// Facts a template lays out itself, with counts and numbering.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Block {
    /// The campaign's standards: “五个好”，即……
    Standards,
    /// The phases with their spans and tasks.
    Phases,
    /// The campaign's main tasks (campaign.tasks).
    Tasks,
    /// The progress meeting's next steps (progress.next_steps).
    NextSteps,
    /// One paragraph per listed problem that no next step answers.
    Remedies,
}

impl Block {
    pub const NAMES: [&'static str; 5] = ["standards", "phases", "tasks", "next_steps", "remedies"];

    pub fn parse(s: &str) -> Option<Block> {
        Some(match s {
            "standards" => Block::Standards,
            "phases" => Block::Phases,
            "tasks" => Block::Tasks,
            "next_steps" => Block::NextSteps,
            "remedies" => Block::Remedies,
            _ => return None,
        })
    }

    pub fn name(self) -> &'static str {
        Block::NAMES[self as usize]
    }
}

/// One item of a point.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(bound(deserialize = "'de: 'static"))]
pub struct Item {
    pub lead: Option<Alts>,
    pub text: Option<Alts>,
    pub after: Option<Alts>,
    pub block: Option<Block>,
    /// Stands for the sector's reasons, each an item of its own.
    pub reasons: bool,
    pub when: Vec<Cond>,
    pub unless: Vec<Cond>,
}

/// How a point numbers its items.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum Style {
    /// 第一，…… as a bold run-in lead.
    Di,
    /// （一）…… as a run-in lead.
    #[default]
    Level2,
}

/// One point of a speech: its heading, a first paragraph, and items.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(bound(deserialize = "'de: 'static"))]
pub struct Point {
    pub title: Alts,
    pub intro: Option<Alts>,
    pub style: Style,
    pub items: Vec<Item>,
}

/// The mobilisation speech's passages.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(bound(deserialize = "'de: 'static"))]
pub struct SpeechText {
    pub opening: Option<Alts>,
    pub lead_in: Option<Alts>,
    pub closing: Option<Alts>,
    pub points: Vec<Point>,
}

/// The progress speech's passages.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(bound(deserialize = "'de: 'static"))]
pub struct ProgressText {
    pub opening: Option<Alts>,
    pub review: Option<Alts>,
    pub no_achievements: Option<Alts>,
    pub assessment: Option<Alts>,
    pub lessons_intro: Option<Alts>,
    pub problems_intro: Option<Alts>,
    pub problems_after: Option<Alts>,
    pub no_problems: Option<Alts>,
    pub stage_after: Option<Alts>,
    pub lead_in: Option<Alts>,
    pub remedy: Option<Alts>,
    pub answer: Option<Alts>,
    pub after_points: Option<Alts>,
    pub closing: Option<Alts>,
    pub points: Vec<Point>,
}

/// The plan's passages.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(bound(deserialize = "'de: 'static"))]
pub struct PlanText {
    pub purpose: Option<Alts>,
    pub decision: Option<Alts>,
    pub guiding: Option<Alts>,
    pub aim: Option<Alts>,
    pub standards_heading: Option<Alts>,
    pub theme_heading: Option<Alts>,
    pub theme_note: Option<Alts>,
    pub tasks_heading: Option<Alts>,
    pub tasks_intro: Option<Alts>,
    pub no_goals: Option<Alts>,
    pub step_first: Option<Alts>,
    pub step_middle: Option<Alts>,
    pub step_last: Option<Alts>,
    pub step_open: Option<Alts>,
    pub step_single: Option<Alts>,
    pub no_phases: Option<Alts>,
    pub group_intro: Option<Alts>,
    pub office_duty: Option<Alts>,
    pub no_group: Option<Alts>,
    pub units_duty: Option<Alts>,
    /// `None`: the shared requirements stand.
    pub requirements: Option<Vec<Item>>,
}

/// What a profile's `org` keys default to in a sector.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Defaults {
    pub short: String,
    pub party_org: String,
    pub superior: String,
    pub units: String,
    pub staff: String,
    pub addressees: Vec<String>,
    pub served: String,
}

/// The names of a sector's words, as placeholders and `org.words` write
/// them, in [`Words::named`]'s order.
pub const WORD_NAMES: [&str; 9] = [
    "scope", "workers", "work", "front", "posts", "subunits", "middle", "branches", "field",
];

/// How the prose names a sector's people, work and parts.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Words {
    pub scope: String,
    pub workers: String,
    pub work: String,
    pub front: String,
    pub posts: String,
    pub subunits: String,
    pub middle: String,
    pub branches: String,
    pub field: String,
}

impl Words {
    /// Each word with the name the prose's placeholders and `org.words`
    /// give it.
    pub fn named(&self) -> [(&'static str, &str); 9] {
        [
            ("scope", &self.scope),
            ("workers", &self.workers),
            ("work", &self.work),
            ("front", &self.front),
            ("posts", &self.posts),
            ("subunits", &self.subunits),
            ("middle", &self.middle),
            ("branches", &self.branches),
            ("field", &self.field),
        ]
    }
}

/// A sector's own passages.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(bound(deserialize = "'de: 'static"))]
pub struct Passages {
    pub mission: Alts,
    pub reasons: Vec<Item>,
    pub focus: Alts,
    pub guidance: Alts,
    pub closing: Alts,
    pub praise: Alts,
    /// What the front line does next, said at a progress meeting.
    pub push: Alts,
    pub purpose: Alts,
    pub aim: Alts,
}

/// One sector (genre/sectors/KEY.yaml).
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(bound(deserialize = "'de: 'static"))]
pub struct Sector {
    pub key: String,
    /// The Chinese names `org.kind` accepts: 医院, 卫生院.
    pub names: Vec<String>,
    /// It enforces the law on others (公安, 税务): the `enforces` condition.
    #[serde(default)]
    pub enforces: bool,
    pub defaults: Defaults,
    pub words: Words,
    pub passages: Passages,
    /// What `bigan new` writes for this sector.
    pub starter: Starter,
    /// Organisations of the sector of another kind than its defaults
    /// speak of, with what they have of their own.
    #[serde(default)]
    pub kinds: Vec<SectorKind>,
    /// Where it was read from, for messages.
    pub path: PathBuf,
}

/// An organisation of a sector known by the end of its name (公路管理段,
/// 客运站, 社区): its own defaults and words, each over the sector's.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(bound(deserialize = "'de: 'static"))]
pub struct SectorKind {
    pub ends: Vec<String>,
    /// Its own `enforces`, where that differs from the sector's.
    pub enforces: Option<bool>,
    pub short: Option<String>,
    pub party_org: Option<String>,
    pub superior: Option<String>,
    pub units: Option<String>,
    pub staff: Option<String>,
    pub addressees: Option<Vec<String>>,
    pub served: Option<String>,
    /// Under the names [`Words::named`] gives.
    pub words: Vec<(String, String)>,
    /// Its own passages, each over the sector's of that name: a 疾控中心
    /// among hospitals has no 患者 or 临床 to speak of.
    #[serde(default)]
    pub passages: KindPassages,
}

/// A sector kind's own passages; each left out is the sector's.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(bound(deserialize = "'de: 'static"))]
pub struct KindPassages {
    pub mission: Option<Alts>,
    pub reasons: Option<Vec<Item>>,
    pub focus: Option<Alts>,
    pub guidance: Option<Alts>,
    pub closing: Option<Alts>,
    pub praise: Option<Alts>,
    pub push: Option<Alts>,
    pub purpose: Option<Alts>,
    pub aim: Option<Alts>,
}

impl KindPassages {
    /// The sector's passages with these in place of theirs.
    pub fn over(&self, p: &Passages) -> Passages {
        let pick = |own: &Option<Alts>, theirs: &Alts| own.as_ref().unwrap_or(theirs).clone();
        Passages {
            mission: pick(&self.mission, &p.mission),
            reasons: self.reasons.as_ref().unwrap_or(&p.reasons).clone(),
            focus: pick(&self.focus, &p.focus),
            guidance: pick(&self.guidance, &p.guidance),
            closing: pick(&self.closing, &p.closing),
            praise: pick(&self.praise, &p.praise),
            push: pick(&self.push, &p.push),
            purpose: pick(&self.purpose, &p.purpose),
            aim: pick(&self.aim, &p.aim),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.mission.is_none()
            && self.reasons.is_none()
            && self.focus.is_none()
            && self.guidance.is_none()
            && self.closing.is_none()
            && self.praise.is_none()
            && self.push.is_none()
            && self.purpose.is_none()
            && self.aim.is_none()
    }
}

/// How an organisation of one kind speaks of itself (common.yaml
/// `kinds`): 我段, 全段, 段党委, 段机关.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct OwnKind {
    /// The kind's own name: 段, 中心.
    pub kind: String,
    /// The ends of a name that show it: 管理段, 段.
    pub ends: Vec<String>,
    pub we: String,
    /// The first is its own; the others what a sector may say instead
    /// (全系统 of a 局).
    pub all: Vec<String>,
    pub party_org: String,
    /// Its offices taken together (局机关); none for a kind too small to
    /// speak so.
    pub organ: Option<String>,
}

/// A first campaign for a starter profile (`bigan new --kind`).
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Starter {
    pub campaign: String,
    pub goals: Vec<String>,
    pub theme: Vec<String>,
    /// The speaker's title: 院党委书记.
    pub speaker: String,
    /// Who spoke before: 院长.
    pub deputy: String,
}

impl Default for Starter {
    fn default() -> Self {
        Starter {
            campaign: "作风建设提升年".to_owned(),
            goals: vec![
                "转变工作作风".to_owned(),
                "提高办事效率".to_owned(),
                "改进服务质量".to_owned(),
            ],
            theme: vec![
                "立足岗位".to_owned(),
                "真抓实干".to_owned(),
                "服务群众".to_owned(),
            ],
            speaker: "党组书记".to_owned(),
            deputy: "分管负责同志".to_owned(),
        }
    }
}

/// Whether a campaign is run among the organisation's own people or
/// carried out on a target (crime, hazards, a city's shortcomings).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Mode {
    Among,
    Against,
}

/// One campaign type (genre/types/KEY.yaml).
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(bound(deserialize = "'de: 'static"))]
pub struct CampaignType {
    pub key: String,
    /// The Chinese names `campaign.type` accepts; the first is shown.
    pub names: Vec<String>,
    /// Words in a campaign's name that say it is of this type.
    pub infer: Vec<String>,
    /// What the text calls the campaign when it refers back: 活动, 行动.
    pub noun: String,
    pub mode: Mode,
    /// A campaign of theory learning (学习教育, 主题教育).
    pub learning: bool,
    /// Whether 承诺 belong to this kind of campaign.
    pub pledges: bool,
    /// The leading group's name, with placeholders: {noun}领导小组.
    pub group: Text,
    pub speech: Part<SpeechText>,
    pub progress: Part<ProgressText>,
    pub plan: Part<PlanText>,
    pub notice: Part<NoticeText>,
    pub briefing: Part<BriefingText>,
    pub exchange: Part<ExchangeText>,
    pub summary: Part<SummaryText>,
    pub path: PathBuf,
}

impl CampaignType {
    /// The name users read: 专项整治.
    pub fn title(&self) -> &str {
        self.names.first().map(String::as_str).unwrap_or(&self.key)
    }
}

/// How to answer what was said before the speaker.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(bound(deserialize = "'de: 'static"))]
pub struct Response {
    pub words: Vec<String>,
    pub say: Alts,
}

/// What every organisation and campaign shares (genre/common.yaml): the
/// answers to a previous speaker, the closing salutes, shared items, and
/// the passages a campaign type does not write itself.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(bound(deserialize = "'de: 'static"))]
pub struct Common {
    pub responses: Vec<Response>,
    pub greet: Alts,
    pub secure: Alts,
    /// Read only while a campaign type is checked (its `use:` items).
    pub items: Part<BTreeMap<String, Item>>,
    pub speech: Part<SpeechText>,
    pub progress: Part<ProgressText>,
    pub plan: Part<PlanText>,
    pub notice: Part<NoticeText>,
    pub briefing: Part<BriefingText>,
    pub exchange: Part<ExchangeText>,
    pub summary: Part<SummaryText>,
    /// How each kind of organisation speaks of itself.
    pub kinds: Vec<OwnKind>,
}
