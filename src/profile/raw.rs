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
    pub milestones: Option<TextList>,
    pub phases: Option<Located<Vec<Located<RawPhase>>>>,
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
}

impl Merge for RawMeeting {
    fn merge(self, base: Self) -> Self {
        RawMeeting {
            kind: self.kind.or(base.kind),
            date: self.date.or(base.date),
            speaker: map(self.speaker, base.speaker),
            before_me: self.before_me.or(base.before_me),
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
    pub achievements: Option<TextList>,
    pub problems: Option<TextList>,
    pub points: Option<Located<Vec<Located<RawPoint>>>>,
}

impl Merge for RawProgress {
    fn merge(self, base: Self) -> Self {
        RawProgress {
            date: self.date.or(base.date),
            speaker: map(self.speaker, base.speaker),
            before_me: self.before_me.or(base.before_me),
            achievements: self.achievements.or(base.achievements),
            problems: self.problems.or(base.problems),
            points: self.points.or(base.points),
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
