//! The profile after merging, defaulting and validation: what templates are
//! rendered from. Every value here is known to be usable.

use chrono::NaiveDate;

/// What kind of organisation speaks; it picks the default wording.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OrgKind {
    Hospital,
    County,
    Traffic,
    Generic,
}

impl OrgKind {
    pub const NAMES: [&'static str; 4] = ["hospital", "county", "traffic", "generic"];

    pub fn parse(s: &str) -> Option<OrgKind> {
        Some(match s {
            "hospital" => OrgKind::Hospital,
            "county" => OrgKind::County,
            "traffic" => OrgKind::Traffic,
            "generic" => OrgKind::Generic,
            _ => return None,
        })
    }

    pub fn name(self) -> &'static str {
        match self {
            OrgKind::Hospital => "hospital",
            OrgKind::County => "county",
            OrgKind::Traffic => "traffic",
            OrgKind::Generic => "generic",
        }
    }
}

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
    pub fonts: Fonts,
}

#[derive(Debug, Clone)]
pub struct Org {
    pub name: String,
    /// How the speaker says "we": 我院, 我县, 我局.
    pub short: String,
    pub kind: OrgKind,
    pub party_org: String,
    pub superior: String,
    /// Who carries the campaign out: 各党支部.
    pub units: String,
    /// Everyone addressed: 全院干部职工.
    pub staff: String,
    /// The plan's addressees: 各科室、各党支部.
    pub addressees: Vec<String>,
}

#[derive(Debug, Clone)]
pub struct Campaign {
    pub name: String,
    pub full_name: String,
    pub goals: Vec<String>,
    pub theme: Vec<String>,
    pub standards: Vec<Standard>,
    pub milestones: Vec<String>,
    pub phases: Vec<Phase>,
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

/// The mobilisation meeting, whose speech is the `speech` document. A
/// progress meeting is the profile's `progress` section.
#[derive(Debug, Clone)]
pub struct Meeting {
    pub date: NaiveDate,
    pub speaker: Person,
    pub before_me: Option<String>,
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
    pub achievements: Vec<String>,
    pub problems: Vec<String>,
    pub points: Vec<Option<Point>>,
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
