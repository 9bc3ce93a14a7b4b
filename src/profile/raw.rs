//! The profile as one file states it: every key optional, every value with
//! its position. A profile and the campaign files it `extends` are each
//! read into these types and merged, own keys winning, before anything is
//! resolved or defaulted.

use serde::Deserialize;

use crate::yaml::Located;

/// `own` over `base`: maps merge key by key, lists and scalars replace.
pub(crate) trait Merge {
    fn merge(self, base: Self) -> Self;
}

/// A map field: both sides present means merge them.
fn map<T: Merge>(own: Option<Located<T>>, base: Option<Located<T>>) -> Option<Located<T>> {
    match (own, base) {
        (Some(own), Some(base)) => Some(Located::new(own.value.merge(base.value), own.pos)),
        (own, base) => own.or(base),
    }
}

pub(crate) type Text = Located<String>;
pub(crate) type TextList = Located<Vec<Text>>;

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawProfile {
    pub extends: Option<Text>,
    pub org: Option<Located<RawOrg>>,
    pub campaign: Option<Located<RawCampaign>>,
    pub meeting: Option<Located<RawMeeting>>,
    pub points: Option<Located<Vec<Located<RawPoint>>>>,
    pub plan: Option<Located<RawPlan>>,
    pub progress: Option<Located<RawProgress>>,
    pub notice: Option<Located<RawNotice>>,
    pub exchange: Option<Located<RawExchange>>,
    pub summary: Option<Located<RawSummary>>,
    pub fonts: Option<Located<RawFonts>>,
}

impl Merge for RawProfile {
    fn merge(self, base: Self) -> Self {
        RawProfile {
            // `extends` is consumed by the loader; it is never inherited.
            extends: self.extends,
            org: map(self.org, base.org),
            campaign: map(self.campaign, base.campaign),
            meeting: map(self.meeting, base.meeting),
            points: self.points.or(base.points),
            plan: map(self.plan, base.plan),
            progress: map(self.progress, base.progress),
            notice: map(self.notice, base.notice),
            exchange: map(self.exchange, base.exchange),
            summary: map(self.summary, base.summary),
            fonts: map(self.fonts, base.fonts),
        }
    }
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawOrg {
    pub name: Option<Text>,
    pub short: Option<Text>,
    pub kind: Option<Text>,
    pub party_org: Option<Text>,
    pub superior: Option<Text>,
    pub units: Option<Text>,
    pub staff: Option<Text>,
    pub addressees: Option<TextList>,
    pub served: Option<Text>,
    pub words: Option<Located<RawWords>>,
}

/// `org.words`: the organisation's own for a sector's words, under the
/// sector file's names (genre/sectors/*.yaml `words`).
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawWords {
    /// The {we} of the prose: the same as `org.short`, which wins.
    pub we: Option<Text>,
    pub scope: Option<Text>,
    pub workers: Option<Text>,
    pub work: Option<Text>,
    pub front: Option<Text>,
    pub posts: Option<Text>,
    pub subunits: Option<Text>,
    pub middle: Option<Text>,
    pub branches: Option<Text>,
    pub field: Option<Text>,
}

impl RawWords {
    /// Each sector word given, by its name (`we` is `org.short`'s).
    pub fn given(self) -> impl Iterator<Item = (&'static str, Text)> {
        [
            ("scope", self.scope),
            ("workers", self.workers),
            ("work", self.work),
            ("front", self.front),
            ("posts", self.posts),
            ("subunits", self.subunits),
            ("middle", self.middle),
            ("branches", self.branches),
            ("field", self.field),
        ]
        .into_iter()
        .filter_map(|(name, t)| Some((name, t?)))
    }
}

impl Merge for RawWords {
    fn merge(self, base: Self) -> Self {
        RawWords {
            we: self.we.or(base.we),
            scope: self.scope.or(base.scope),
            workers: self.workers.or(base.workers),
            work: self.work.or(base.work),
            front: self.front.or(base.front),
            posts: self.posts.or(base.posts),
            subunits: self.subunits.or(base.subunits),
            middle: self.middle.or(base.middle),
            branches: self.branches.or(base.branches),
            field: self.field.or(base.field),
        }
    }
}

impl Merge for RawOrg {
    fn merge(self, base: Self) -> Self {
        RawOrg {
            name: self.name.or(base.name),
            short: self.short.or(base.short),
            kind: self.kind.or(base.kind),
            party_org: self.party_org.or(base.party_org),
            superior: self.superior.or(base.superior),
            units: self.units.or(base.units),
            staff: self.staff.or(base.staff),
            addressees: self.addressees.or(base.addressees),
            served: self.served.or(base.served),
            words: map(self.words, base.words),
        }
    }
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawCampaign {
    pub name: Option<Text>,
    pub full_name: Option<Text>,
    pub goals: Option<TextList>,
    pub theme: Option<TextList>,
    pub standards: Option<Located<Vec<Located<RawStandard>>>>,
    pub milestones: Option<Located<Vec<Located<RawMilestone>>>>,
    pub phases: Option<Located<Vec<Located<RawPhase>>>>,
    #[serde(rename = "type")]
    pub kind: Option<Text>,
    pub decided_by: Option<Text>,
    pub situation: Option<Located<RawTexts>>,
    pub tasks: Option<Facts>,
}

impl Merge for RawCampaign {
    fn merge(self, base: Self) -> Self {
        RawCampaign {
            name: self.name.or(base.name),
            full_name: self.full_name.or(base.full_name),
            goals: self.goals.or(base.goals),
            theme: self.theme.or(base.theme),
            standards: self.standards.or(base.standards),
            milestones: self.milestones.or(base.milestones),
            phases: self.phases.or(base.phases),
            kind: self.kind.or(base.kind),
            decided_by: self.decided_by.or(base.decided_by),
            situation: self.situation.or(base.situation),
            tasks: self.tasks.or(base.tasks),
        }
    }
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawStandard {
    pub label: Text,
    pub of: Option<Text>,
    pub items: TextList,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawPhase {
    pub name: Text,
    pub from: Text,
    pub to: Option<Text>,
    pub tasks: Option<TextList>,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawMeeting {
    pub kind: Option<Text>,
    pub date: Option<Text>,
    pub speaker: Option<Located<RawPerson>>,
    pub before_me: Option<Text>,
    /// Where the meeting is held: the notice's 会议地点, the news item's 在…
    pub place: Option<Text>,
    /// The time of day, as the notice writes it: 上午9:00.
    pub time: Option<Text>,
    /// Who attends: the notice's 参会人员, the news item's …参加会议.
    pub attendees: Option<TextList>,
}

impl Merge for RawMeeting {
    fn merge(self, base: Self) -> Self {
        RawMeeting {
            kind: self.kind.or(base.kind),
            date: self.date.or(base.date),
            speaker: map(self.speaker, base.speaker),
            before_me: self.before_me.or(base.before_me),
            place: self.place.or(base.place),
            time: self.time.or(base.time),
            attendees: self.attendees.or(base.attendees),
        }
    }
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawPerson {
    pub name: Option<Text>,
    pub title: Option<Text>,
}

impl Merge for RawPerson {
    fn merge(self, base: Self) -> Self {
        RawPerson {
            name: self.name.or(base.name),
            title: self.title.or(base.title),
        }
    }
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawPoint {
    pub title: Option<Text>,
    pub items: Option<Located<Vec<Located<RawItem>>>>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawItem {
    pub lead: Text,
    pub text: Option<Text>,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawPlan {
    pub issuer: Option<Text>,
    pub date: Option<Text>,
    pub basis: Option<Located<RawDocument>>,
    pub leading_group: Option<Located<RawLeadingGroup>>,
}

impl Merge for RawPlan {
    fn merge(self, base: Self) -> Self {
        RawPlan {
            issuer: self.issuer.or(base.issuer),
            date: self.date.or(base.date),
            basis: map(self.basis, base.basis),
            leading_group: map(self.leading_group, base.leading_group),
        }
    }
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawDocument {
    pub issuer: Option<Text>,
    pub title: Option<Text>,
    pub number: Option<Text>,
}

impl Merge for RawDocument {
    fn merge(self, base: Self) -> Self {
        RawDocument {
            issuer: self.issuer.or(base.issuer),
            title: self.title.or(base.title),
            number: self.number.or(base.number),
        }
    }
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawLeadingGroup {
    pub leader: Option<Located<RawPerson>>,
    pub deputies: Option<Located<Vec<Located<RawPerson>>>>,
    pub members: Option<TextList>,
    pub office: Option<Text>,
    pub office_head: Option<Located<RawPerson>>,
}

impl Merge for RawLeadingGroup {
    fn merge(self, base: Self) -> Self {
        RawLeadingGroup {
            leader: map(self.leader, base.leader),
            deputies: self.deputies.or(base.deputies),
            members: self.members.or(base.members),
            office: self.office.or(base.office),
            office_head: map(self.office_head, base.office_head),
        }
    }
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawProgress {
    pub date: Option<Text>,
    pub speaker: Option<Located<RawPerson>>,
    pub before_me: Option<Text>,
    pub achievements: Option<Facts>,
    pub problems: Option<Facts>,
    pub lessons: Option<Facts>,
    pub next_steps: Option<Located<Vec<Located<RawStep>>>>,
    pub points: Option<Located<Vec<Located<RawPoint>>>>,
    /// Where the progress meeting is held, for its news item.
    pub place: Option<Text>,
    pub attendees: Option<TextList>,
}

impl Merge for RawProgress {
    fn merge(self, base: Self) -> Self {
        RawProgress {
            date: self.date.or(base.date),
            speaker: map(self.speaker, base.speaker),
            before_me: self.before_me.or(base.before_me),
            achievements: self.achievements.or(base.achievements),
            problems: self.problems.or(base.problems),
            lessons: self.lessons.or(base.lessons),
            next_steps: self.next_steps.or(base.next_steps),
            points: self.points.or(base.points),
            place: self.place.or(base.place),
            attendees: self.attendees.or(base.attendees),
        }
    }
}

/// The notice of the mobilisation meeting (会议通知).
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawNotice {
    /// 发文字号: 院党委发〔2010〕15号.
    pub number: Option<Text>,
    pub issuer: Option<Text>,
    pub date: Option<Text>,
    pub requirements: Option<Facts>,
    pub contact: Option<Located<RawContact>>,
}

impl Merge for RawNotice {
    fn merge(self, base: Self) -> Self {
        RawNotice {
            number: self.number.or(base.number),
            issuer: self.issuer.or(base.issuer),
            date: self.date.or(base.date),
            requirements: self.requirements.or(base.requirements),
            contact: map(self.contact, base.contact),
        }
    }
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawContact {
    pub name: Option<Text>,
    pub phone: Option<Text>,
}

impl Merge for RawContact {
    fn merge(self, base: Self) -> Self {
        RawContact {
            name: self.name.or(base.name),
            phone: self.phone.or(base.phone),
        }
    }
}

/// The organisation's speech at a higher meeting (经验交流发言).
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawExchange {
    pub occasion: Option<Text>,
    pub date: Option<Text>,
    pub speaker: Option<Located<RawPerson>>,
    pub title: Option<Text>,
    pub practices: Option<Facts>,
    pub results: Option<Facts>,
    pub next_steps: Option<Facts>,
}

impl Merge for RawExchange {
    fn merge(self, base: Self) -> Self {
        RawExchange {
            occasion: self.occasion.or(base.occasion),
            date: self.date.or(base.date),
            speaker: map(self.speaker, base.speaker),
            title: self.title.or(base.title),
            practices: self.practices.or(base.practices),
            results: self.results.or(base.results),
            next_steps: self.next_steps.or(base.next_steps),
        }
    }
}

/// The closing meeting (总结表彰大会).
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawSummary {
    pub date: Option<Text>,
    pub speaker: Option<Located<RawPerson>>,
    pub before_me: Option<Text>,
    pub achievements: Option<Facts>,
    pub lessons: Option<Facts>,
    pub commended: Option<Facts>,
    pub problems: Option<Facts>,
    pub next_steps: Option<Facts>,
}

impl Merge for RawSummary {
    fn merge(self, base: Self) -> Self {
        RawSummary {
            date: self.date.or(base.date),
            speaker: map(self.speaker, base.speaker),
            before_me: self.before_me.or(base.before_me),
            achievements: self.achievements.or(base.achievements),
            lessons: self.lessons.or(base.lessons),
            commended: self.commended.or(base.commended),
            problems: self.problems.or(base.problems),
            next_steps: self.next_steps.or(base.next_steps),
        }
    }
}

/// Font names for offices whose machines use other fonts than the 公文
/// defaults.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawFonts {
    pub title: Option<Text>,
    pub body: Option<Text>,
    pub heading: Option<Text>,
    pub subheading: Option<Text>,
    pub page_number: Option<Text>,
}

impl Merge for RawFonts {
    fn merge(self, base: Self) -> Self {
        RawFonts {
            title: self.title.or(base.title),
            body: self.body.or(base.body),
            heading: self.heading.or(base.heading),
            subheading: self.subheading.or(base.subheading),
            page_number: self.page_number.or(base.page_number),
        }
    }
}

/// A fact a speech lays out: a plain sentence, or `{lead, text}` (a heading
/// phrase with its figures and examples).
#[derive(Debug, Clone, Default)]
pub(crate) struct RawFact {
    pub lead: Option<String>,
    pub text: Option<String>,
}

pub(crate) type Facts = Located<Vec<Located<RawFact>>>;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct FactMap {
    lead: String,
    text: Option<String>,
}

impl<'de> Deserialize<'de> for RawFact {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> serde::de::Visitor<'de> for V {
            type Value = RawFact;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("一句话，或 { lead: 要点, text: 具体内容 }")
            }
            fn visit_str<E: serde::de::Error>(self, s: &str) -> Result<RawFact, E> {
                Ok(RawFact {
                    lead: None,
                    text: Some(s.to_owned()),
                })
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(self, map: A) -> Result<RawFact, A::Error> {
                let m = FactMap::deserialize(serde::de::value::MapAccessDeserializer::new(map))?;
                Ok(RawFact {
                    lead: Some(m.lead),
                    text: m.text,
                })
            }
        }
        d.deserialize_any(V)
    }
}

/// A next step: a plain sentence, or `{lead, text, answers}` where
/// `answers` is the number (from 1) of the listed problem it answers.
#[derive(Debug, Clone, Default)]
pub(crate) struct RawStep {
    pub lead: Option<String>,
    pub text: Option<String>,
    pub answers: Option<u32>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct StepMap {
    lead: String,
    text: Option<String>,
    answers: Option<u32>,
}

impl<'de> Deserialize<'de> for RawStep {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> serde::de::Visitor<'de> for V {
            type Value = RawStep;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("一句话，或 { lead: 要点, text: 具体内容, answers: 回应第几个问题 }")
            }
            fn visit_str<E: serde::de::Error>(self, s: &str) -> Result<RawStep, E> {
                Ok(RawStep {
                    text: Some(s.to_owned()),
                    ..RawStep::default()
                })
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(self, map: A) -> Result<RawStep, A::Error> {
                let m = StepMap::deserialize(serde::de::value::MapAccessDeserializer::new(map))?;
                Ok(RawStep {
                    lead: Some(m.lead),
                    text: m.text,
                    answers: m.answers,
                })
            }
        }
        d.deserialize_any(V)
    }
}

/// A milestone: its name (建党90周年), or `{name, date}`.
#[derive(Debug, Clone, Default)]
pub(crate) struct RawMilestone {
    pub name: String,
    pub date: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct MilestoneMap {
    name: String,
    date: Option<String>,
}

impl<'de> Deserialize<'de> for RawMilestone {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> serde::de::Visitor<'de> for V {
            type Value = RawMilestone;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("节点名称，或 { name: 名称, date: 日期 }")
            }
            fn visit_str<E: serde::de::Error>(self, s: &str) -> Result<RawMilestone, E> {
                Ok(RawMilestone {
                    name: s.to_owned(),
                    date: None,
                })
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(
                self,
                map: A,
            ) -> Result<RawMilestone, A::Error> {
                let m =
                    MilestoneMap::deserialize(serde::de::value::MapAccessDeserializer::new(map))?;
                Ok(RawMilestone {
                    name: m.name,
                    date: m.date,
                })
            }
        }
        d.deserialize_any(V)
    }
}

/// Sentences given as one string or a list of them.
#[derive(Debug, Clone, Default)]
pub(crate) struct RawTexts(pub Vec<String>);

impl<'de> Deserialize<'de> for RawTexts {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> serde::de::Visitor<'de> for V {
            type Value = RawTexts;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("一段话，或几句话的列表")
            }
            fn visit_str<E: serde::de::Error>(self, s: &str) -> Result<RawTexts, E> {
                Ok(RawTexts(vec![s.to_owned()]))
            }
            fn visit_seq<A: serde::de::SeqAccess<'de>>(
                self,
                mut seq: A,
            ) -> Result<RawTexts, A::Error> {
                let mut out = Vec::new();
                while let Some(s) = seq.next_element::<String>()? {
                    out.push(s);
                }
                Ok(RawTexts(out))
            }
        }
        d.deserialize_any(V)
    }
}
