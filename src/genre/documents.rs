//! The passages of the documents around the mobilisation: the meeting's
//! notice (`notice:`), the news items of the mobilisation and the progress
//! meeting (`briefing:`), a unit's speech at a higher meeting
//! (`exchange:`), the closing speech (`summary:`). Each is a section at the
//! end of common.yaml and, where the campaign type says it its own way, of
//! a type file; a type's passage wins over the shared one.
//!
//! One list of slot names per section makes the section as written (every
//! key checked), as loaded, and the checking between them.

use serde::{Deserialize, Serialize};

use super::check::Checker;
use super::model::{Alts, Item, Response};
use super::raw::{self, RawItem, RawResponse};
use crate::yaml::Located;

/// A section of passages: `$raw` as written, `$model` as loaded, named
/// `$section` in the file; every slot optional, `$list` a list of items.
macro_rules! section {
    (
        $(#[$meta:meta])*
        $raw:ident => $model:ident, $section:literal,
        slots: [$($slot:ident),* $(,)?],
        lists: [$($list:ident),* $(,)?],
        answers: [$($answer:ident),* $(,)?] $(,)?
    ) => {
        #[derive(Debug, Clone, Default, Deserialize)]
        #[serde(deny_unknown_fields)]
        pub(crate) struct $raw {
            $(pub $slot: Option<raw::Alts>,)*
            $(pub $list: Option<Located<Vec<Located<RawItem>>>>,)*
            $(pub $answer: Option<Located<Vec<Located<RawResponse>>>>,)*
        }

        $(#[$meta])*
        #[derive(Debug, Clone, Default, Serialize, Deserialize)]
        #[serde(bound(deserialize = "'de: 'static"))]
        pub struct $model {
            $(pub $slot: Option<Alts>,)*
            $(
                /// `None`: the shared list stands.
                pub $list: Option<Vec<Item>>,
            )*
            $(
                /// Tried before common.yaml's `responses`.
                pub $answer: Vec<Response>,
            )*
        }

        impl $model {
            /// Each passage by name, the type's beside the shared one.
            pub fn pairs<'a>(
                own: &'a $model,
                shared: &'a $model,
            ) -> Vec<(&'static str, &'a Option<Alts>, &'a Option<Alts>)> {
                vec![$((stringify!($slot), &own.$slot, &shared.$slot),)*]
            }

            pub(crate) fn check(c: &mut Checker<'_>, raw: $raw) -> $model {
                $model {
                    $($slot: c.alts(raw.$slot, concat!($section, ".", stringify!($slot)), false),)*
                    $($list: raw.$list.map(|l| items(c, l, concat!($section, ".", stringify!($list)))),)*
                    $($answer: raw.$answer.map(|l| c.responses(l.value, concat!($section, ".", stringify!($answer)))).unwrap_or_default(),)*
                }
            }
        }
    };
}

section! {
    /// 会议通知: why the meeting is called, what it will do, the default
    /// requirements, the closing formula.
    RawNoticeText => NoticeText, "notice",
    slots: [opening, agenda, closing],
    lists: [requirements],
    answers: [],
}

section! {
    /// 工作信息 of the mobilisation (`headline` … `closing`) and of the
    /// progress meeting (`progress_*`, `achieved`, `flagged`, `stage`); the
    /// words that open each paragraph built from a speech's points
    /// (`pointed`, `stressed`, `required`).
    RawBriefingText => BriefingText, "briefing",
    slots: [
        headline, lead, attended, spoke, pointed, stressed, required, schedule, closing,
        progress_headline, progress_lead, progress_spoke, achieved, flagged, stage,
        progress_closing,
    ],
    lists: [],
    answers: [],
}

section! {
    /// 经验交流发言 at a higher meeting.
    RawExchangeText => ExchangeText, "exchange",
    slots: [
        greeting, opening, title_line, background, practices_intro, results_intro,
        next_intro, modesty, closing,
    ],
    lists: [],
    answers: [],
}

section! {
    /// 总结表彰大会讲话: the review phase by phase, the experience, the
    /// commendation, the problems, and the long-term mechanism; how the
    /// speaker answers who spoke before at a closing meeting.
    RawSummaryText => SummaryText, "summary",
    slots: [
        opening, lead_in, review_title, review_intro, recall, held, passed, phase_lead, phase_none,
        goals_met, measured, achievements_intro, assessment, lessons_title, lessons_intro, lessons_after,
        commend_title, commend_intro, congratulate, learn, hope, problems_title,
        problems_intro, problems_after, mechanism_title, mechanism_intro, charge, closing,
    ],
    lists: [mechanisms],
    answers: [responses],
}

/// A list of items: no shared items (`use:`) here, and none needed.
fn items(c: &mut Checker<'_>, list: Located<Vec<Located<RawItem>>>, slot: &str) -> Vec<Item> {
    list.value
        .into_iter()
        .enumerate()
        .filter_map(|(i, it)| c.item(it, &format!("{slot}.{}", i + 1), None, false))
        .collect()
}
