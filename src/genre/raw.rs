//! The genre files as written: every value with its position, every key
//! checked (a misspelt slot is an error with "did you mean", as in a
//! profile). [`super::load`] turns these into the checked model.

use std::collections::BTreeMap;
use std::fmt;

use serde::Deserialize;
use serde::de::{self, Deserializer, MapAccess, SeqAccess, Visitor};

use super::documents::{RawBriefingText, RawExchangeText, RawNoticeText, RawSummaryText};
use crate::yaml::Located;

pub(crate) type Text = Located<String>;
pub(crate) type TextList = Located<Vec<Text>>;

/// Alternatives for one passage: a string, or a list whose entries are
/// strings or `{text, when, unless}`.
#[derive(Debug, Clone, Default)]
pub(crate) struct RawAlts(pub Vec<Located<RawAlt>>);

#[derive(Debug, Clone, Default)]
pub(crate) struct RawAlt {
    pub text: String,
    pub when: Vec<String>,
    pub unless: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct AltMap {
    text: String,
    #[serde(default)]
    when: Vec<String>,
    #[serde(default)]
    unless: Vec<String>,
}

impl<'de> Deserialize<'de> for RawAlt {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = RawAlt;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("一段文字，或 {text: …, when: […]}")
            }
            fn visit_str<E: de::Error>(self, s: &str) -> Result<RawAlt, E> {
                Ok(RawAlt {
                    text: s.to_owned(),
                    ..RawAlt::default()
                })
            }
            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<RawAlt, A::Error> {
                let m = AltMap::deserialize(de::value::MapAccessDeserializer::new(map))?;
                Ok(RawAlt {
                    text: m.text,
                    when: m.when,
                    unless: m.unless,
                })
            }
        }
        d.deserialize_any(V)
    }
}

impl<'de> Deserialize<'de> for RawAlts {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = RawAlts;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("一段文字，或几种说法的列表")
            }
            fn visit_str<E: de::Error>(self, s: &str) -> Result<RawAlts, E> {
                // The position is the field's: the caller fills it in.
                Ok(RawAlts(vec![Located::new(
                    RawAlt {
                        text: s.to_owned(),
                        ..RawAlt::default()
                    },
                    Default::default(),
                )]))
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<RawAlts, A::Error> {
                let mut out = Vec::new();
                while let Some(alt) = seq.next_element::<Located<RawAlt>>()? {
                    out.push(alt);
                }
                Ok(RawAlts(out))
            }
        }
        d.deserialize_any(V)
    }
}

pub(crate) type Alts = Located<RawAlts>;

/// One item of a point: a run-in lead and its text, or a block of facts,
/// or the sector's reasons, or a shared item by name.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawItem {
    pub lead: Option<Alts>,
    pub text: Option<Alts>,
    /// Said after the block's facts.
    pub after: Option<Alts>,
    /// `standards`, `phases`, `tasks`, `next_steps`, `remedies`.
    pub block: Option<Text>,
    /// `reasons`: the sector's own reasons, each an item.
    pub sector: Option<Text>,
    /// A shared item of common.yaml's `items`, by name.
    #[serde(rename = "use")]
    pub uses: Option<Text>,
    pub when: Option<TextList>,
    pub unless: Option<TextList>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawPoint {
    pub title: Alts,
    pub intro: Option<Alts>,
    /// `di` (第一，…) or `level2` (（一）…, the default).
    pub style: Option<Text>,
    pub items: Option<Located<Vec<Located<RawItem>>>>,
}

pub(crate) type Points = Located<Vec<Located<RawPoint>>>;

/// The speech's own passages (a campaign type's, or common.yaml's).
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawSpeech {
    pub opening: Option<Alts>,
    pub lead_in: Option<Alts>,
    pub closing: Option<Alts>,
    pub points: Option<Points>,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawProgress {
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
    pub points: Option<Points>,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawPlan {
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
    pub requirements: Option<Located<Vec<Located<RawItem>>>>,
}

/// genre/sectors/KEY.yaml
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawSector {
    pub names: TextList,
    /// The sector enforces the law on others (公安, 市场监管, 税务, 交通):
    /// a crackdown's 执法 sentences are true of it.
    pub enforces: Option<Located<bool>>,
    pub defaults: Located<RawDefaults>,
    pub words: Located<RawWords>,
    pub passages: Located<RawPassages>,
    pub starter: Option<Located<RawStarter>>,
    pub kinds: Option<Located<Vec<Located<RawSectorKind>>>>,
}

/// An organisation of the sector that its name's end shows to be of
/// another kind than the defaults speak of (a 公路管理段 among 交通运输局
/// defaults): what it has of its own.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawSectorKind {
    pub ends: TextList,
    /// Whether it enforces the law on others, where that differs from its
    /// sector (a 客运站 among traffic's law enforcers).
    pub enforces: Option<Located<bool>>,
    pub defaults: Option<Located<RawKindDefaults>>,
    pub words: Option<Located<BTreeMap<String, Text>>>,
    pub passages: Option<Located<RawKindPassages>>,
}

/// A sector kind's own passages; each left out is the sector's.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawKindPassages {
    pub mission: Option<Alts>,
    pub reasons: Option<Located<Vec<Located<RawItem>>>>,
    pub focus: Option<Alts>,
    pub guidance: Option<Alts>,
    pub closing: Option<Alts>,
    pub praise: Option<Alts>,
    pub push: Option<Alts>,
    pub purpose: Option<Alts>,
    pub aim: Option<Alts>,
}

/// A sector kind's own defaults; each left out is the sector's.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawKindDefaults {
    pub short: Option<Text>,
    pub party_org: Option<Text>,
    pub superior: Option<Text>,
    pub units: Option<Text>,
    pub staff: Option<Text>,
    pub addressees: Option<TextList>,
    pub served: Option<Text>,
}

/// What `bigan new --kind KEY` writes as a first campaign.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawStarter {
    pub campaign: Text,
    pub goals: TextList,
    pub theme: TextList,
    pub speaker: Text,
    pub deputy: Text,
}

/// What a profile's `org` keys default to in this sector.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawDefaults {
    pub short: Text,
    pub party_org: Text,
    pub superior: Text,
    pub units: Text,
    pub staff: Text,
    pub addressees: TextList,
    pub served: Text,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawWords {
    pub scope: Text,
    pub workers: Text,
    pub work: Text,
    pub front: Text,
    pub posts: Text,
    pub subunits: Text,
    pub middle: Text,
    pub branches: Text,
    pub field: Text,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawPassages {
    pub mission: Alts,
    pub reasons: Located<Vec<Located<RawItem>>>,
    pub focus: Alts,
    pub guidance: Alts,
    pub closing: Alts,
    pub praise: Alts,
    pub push: Alts,
    pub purpose: Alts,
    pub aim: Alts,
}

/// genre/types/KEY.yaml
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawType {
    pub names: TextList,
    pub infer: TextList,
    pub noun: Text,
    /// `among` or `against`.
    pub mode: Text,
    pub learning: Option<Located<bool>>,
    pub pledges: Located<bool>,
    pub group: Text,
    pub speech: Located<RawSpeech>,
    pub progress: Located<RawProgress>,
    pub plan: Option<Located<RawPlan>>,
    pub notice: Option<Located<RawNoticeText>>,
    pub briefing: Option<Located<RawBriefingText>>,
    pub exchange: Option<Located<RawExchangeText>>,
    pub summary: Option<Located<RawSummaryText>>,
}

/// genre/common.yaml: what every organisation and campaign shares.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawCommon {
    pub responses: Located<Vec<Located<RawResponse>>>,
    pub salute: Located<RawSalute>,
    pub items: Option<Located<BTreeMap<String, Located<RawItem>>>>,
    pub speech: Located<RawSpeech>,
    pub progress: Located<RawProgress>,
    pub plan: Located<RawPlan>,
    pub notice: Option<Located<RawNoticeText>>,
    pub briefing: Option<Located<RawBriefingText>>,
    pub exchange: Option<Located<RawExchangeText>>,
    pub summary: Option<Located<RawSummaryText>>,
    /// Left out (a user's own common.yaml written before it): no kind
    /// speaks otherwise than its sector.
    pub kinds: Option<Located<Vec<Located<RawOwnKind>>>>,
}

/// How an organisation of one kind (局, 段, 中心) speaks of itself.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawOwnKind {
    pub kind: Text,
    pub ends: TextList,
    pub we: Text,
    pub all: TextList,
    pub party_org: Text,
    pub organ: Option<Text>,
}

/// How the speaker answers what was said before: the words that show what
/// it was (部署, 通报, 汇报, 表态), and what to say.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawResponse {
    /// Left out: the answer when nothing else fits.
    pub words: Option<TextList>,
    pub say: Alts,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawSalute {
    pub greet: Alts,
    pub secure: Alts,
}

/// genre/era.yaml
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawEra {
    pub until: Text,
    pub congresses: Located<Vec<Located<RawCongress>>>,
    pub periods: Located<Vec<Located<RawPeriod>>>,
    pub terms: Located<Vec<Located<RawTerm>>>,
    pub campaigns: Located<Vec<Located<RawCentral>>>,
    pub anniversaries: Located<Vec<Located<RawAnniversary>>>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawCongress {
    pub name: Text,
    pub opened: Text,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawPeriod {
    pub from: Text,
    pub guiding: Text,
    pub spirit: Text,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawTerm {
    pub text: Text,
    pub from: Text,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawCentral {
    pub names: TextList,
    pub decided_by: Text,
    #[serde(rename = "type")]
    pub kind: Text,
    pub from: Text,
    pub to: Option<Text>,
    /// The 总要求 as 党中央 worded it, punctuation and all.
    pub requirement: Option<Text>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawAnniversary {
    /// What comes before the count: 建党, 新中国成立.
    pub name: Text,
    pub date: Text,
}
