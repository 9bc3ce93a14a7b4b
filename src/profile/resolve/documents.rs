//! The facts of the documents that need more than the campaign and its
//! mobilisation: the meeting's notice, the two news items, a unit's
//! speech at a higher meeting, the closing speech; and for each document,
//! what the profile still lacks for it ([`Gap`]), said at the place to add
//! it when that document is asked for.

use chrono::NaiveDate;

use super::super::model::*;
use super::super::raw::{RawExchange, RawNotice, RawSummary};
use super::{Resolver, optional, person};
use crate::calendar::{cn_date, working_day_before};
use crate::diagnostic::Severity;
use crate::yaml::{Located, Pos};

/// How many days before the meeting a notice goes out by default: time
/// for the units to arrange their work, not so long that it is forgotten.
const NOTICE_DAYS_BEFORE: u64 = 3;

impl Resolver<'_> {
    /// The notice: its date (given, or a working day a few days before
    /// the meeting; never after it), issuer, 文号, requirements, contact.
    pub(super) fn notice(
        &mut self,
        raw: Option<Located<RawNotice>>,
        meeting: &Meeting,
        issuer: &str,
    ) -> Option<Notice> {
        let raw = raw.map(|l| l.value).unwrap_or_default();
        let date = match &raw.date {
            Some(t) => {
                let date = self.date(t, "notice.date")?;
                self.notice_date(date, t.pos, meeting.date);
                date
            }
            None => working_day_before(meeting.date, NOTICE_DAYS_BEFORE),
        };
        let number = optional(raw.number.clone()).map(|written| {
            let fixed = crate::marks::doc_number(&written);
            if let (true, Some(t)) = (fixed != written, &raw.number) {
                self.warn(
                    t.pos,
                    format!("文号“{written}”的年份没有用六角括号，通知里写成“{fixed}”"),
                    "GB/T 9704 规定年份用六角括号〔〕：在配置里也改成这样",
                );
            }
            fixed
        });
        let requirements = self.facts(raw.requirements, "notice.requirements");
        let contact = match raw.contact {
            Some(c) => {
                let pos = c.pos;
                let name = self.required(c.value.name, "notice.contact.name", pos)?;
                Some(Contact {
                    name,
                    phone: optional(c.value.phone),
                })
            }
            None => None,
        };
        Some(Notice {
            number,
            issuer: optional(raw.issuer).unwrap_or_else(|| issuer.to_owned()),
            date,
            requirements,
            contact,
        })
    }

    /// A notice goes out before its meeting: after it is an error, on the
    /// day itself a warning.
    fn notice_date(&mut self, date: NaiveDate, pos: Pos, meeting: NaiveDate) {
        let suggested = working_day_before(meeting, NOTICE_DAYS_BEFORE);
        if date > meeting {
            self.error(
                pos,
                format!(
                    "通知日期 {date} 在会议（{}）之后",
                    cn_date(meeting)
                ),
                &format!(
                    "会议通知要在会前发出：把 notice.date 改到 {meeting} 之前（如 {suggested}），或删去这一行，默认在会前三天、避开周末"
                ),
            );
        } else if date == meeting {
            self.warn(
                pos,
                format!("通知和会议在同一天（{}）", cn_date(meeting)),
                &format!("各单位来不及安排参会：一般提前几天发出，如 {suggested}"),
            );
        }
    }

    /// The exchange speech, when its section gives what it needs; what it
    /// lacks otherwise.
    pub(super) fn exchange(
        &mut self,
        raw: Option<Located<RawExchange>>,
        meeting: &Meeting,
    ) -> (Option<Exchange>, Option<Gap>) {
        const KEYS: [&str; 4] = [
            "exchange.occasion",
            "exchange.date",
            "exchange.title",
            "exchange.practices",
        ];
        let what = "经验交流发言";
        let Some(raw) = raw else {
            return (
                None,
                Some(self.absent(
                    "exchange",
                    &KEYS,
                    what,
                    "occasion（在什么会上发言）、date（日期）、title（发言题目）和 practices（做法，每项 { lead: 要点, text: 具体内容 }），还可写 speaker、results、next_steps",
                )),
            );
        };
        let pos = raw.pos;
        let r = raw.value;
        let date = r.date.as_ref().and_then(|t| {
            let d = self.date(t, "exchange.date")?;
            if d < meeting.date {
                self.error(
                    t.pos,
                    format!(
                        "经验交流会日期 {d} 早于动员大会（{}）",
                        cn_date(meeting.date)
                    ),
                    "交流的是动员以来的做法：检查 exchange.date 的年份",
                );
            }
            Some(d)
        });
        let practices = self.facts(r.practices, "exchange.practices");
        let occasion = optional(r.occasion);
        let title = optional(r.title);
        let mut missing = Vec::new();
        for (key, absent) in [
            (KEYS[0], occasion.is_none()),
            (KEYS[1], r.date.is_none()),
            (KEYS[2], title.is_none()),
            (KEYS[3], practices.is_empty()),
        ] {
            if absent {
                missing.push(key);
            }
        }
        let results = self.facts(r.results, "exchange.results");
        let next_steps = self.facts(r.next_steps, "exchange.next_steps");
        let speaker = match r.speaker {
            Some(s) => person(Some(s)),
            None => meeting.speaker.clone(),
        };
        match (occasion, date, title) {
            (Some(occasion), Some(date), Some(title)) if missing.is_empty() => (
                Some(Exchange {
                    occasion,
                    date,
                    speaker,
                    title,
                    practices,
                    results,
                    next_steps,
                }),
                None,
            ),
            _ => {
                let at = self.section_pos("exchange", pos);
                (None, Some(self.unfinished(at, "exchange", missing, what)))
            }
        }
    }

    /// The closing speech, when its section gives its date and
    /// achievements; what it lacks otherwise.
    pub(super) fn summary(
        &mut self,
        raw: Option<Located<RawSummary>>,
        meeting: &Meeting,
        campaign: &Campaign,
        progress: Option<NaiveDate>,
    ) -> (Option<Summary>, Option<Gap>) {
        const KEYS: [&str; 2] = ["summary.date", "summary.achievements"];
        let what = "总结表彰大会讲话";
        let Some(raw) = raw else {
            return (
                None,
                Some(self.absent(
                    "summary",
                    &KEYS,
                    what,
                    "date（总结大会的日期）和 achievements（活动的成效，每项一句话或 { lead: 要点, text: 具体内容 }），还可写 speaker、before_me、lessons、commended、problems、next_steps",
                )),
            );
        };
        let pos = raw.pos;
        let r = raw.value;
        let date = r
            .date
            .as_ref()
            .and_then(|t| Some((self.date(t, "summary.date")?, t.pos)));
        if let Some((d, at)) = date {
            self.summary_date(d, at, meeting, campaign, progress);
        }
        let achievements = self.facts(r.achievements, "summary.achievements");
        let mut missing = Vec::new();
        if r.date.is_none() {
            missing.push(KEYS[0]);
        }
        if achievements.is_empty() {
            missing.push(KEYS[1]);
        }
        let lessons = self.facts(r.lessons, "summary.lessons");
        let commended = self.facts(r.commended, "summary.commended");
        let problems = self.facts(r.problems, "summary.problems");
        let next_steps = self.facts(r.next_steps, "summary.next_steps");
        let speaker = match r.speaker {
            Some(s) => person(Some(s)),
            None => meeting.speaker.clone(),
        };
        let before_me = self.before_me(r.before_me, &speaker, "summary");
        match date {
            Some((date, _)) if missing.is_empty() => (
                Some(Summary {
                    date,
                    speaker,
                    before_me,
                    achievements,
                    lessons,
                    commended,
                    problems,
                    next_steps,
                }),
                None,
            ),
            _ => {
                let at = self.section_pos("summary", pos);
                (None, Some(self.unfinished(at, "summary", missing, what)))
            }
        }
    }

    /// A closing meeting comes after the mobilisation and the progress
    /// meeting, and in the campaign's last phase or after it.
    fn summary_date(
        &mut self,
        date: NaiveDate,
        pos: Pos,
        meeting: &Meeting,
        campaign: &Campaign,
        progress: Option<NaiveDate>,
    ) {
        if date <= meeting.date {
            self.error(
                pos,
                format!(
                    "总结大会日期 {date} 不在动员大会（{}）之后",
                    cn_date(meeting.date)
                ),
                "总结大会在活动收尾时召开：检查 summary.date 的年份",
            );
        } else if let Some(held) = progress
            && date <= held
        {
            self.error(
                pos,
                format!("总结大会日期 {date} 不在推进会（{}）之后", cn_date(held)),
                "总结大会在推进会之后召开：检查 summary.date 或 progress.date",
            );
        } else if let Some(last) = campaign.phases.last()
            && date < last.from
        {
            self.warn(
                pos,
                format!(
                    "总结大会日期 {date} 在最后一个阶段“{}”（{} 开始）之前",
                    last.name, last.from
                ),
                "总结大会一般在最后阶段或活动结束后召开：讲话会把后面的阶段说成还没开始。检查 summary.date 或各阶段日期",
            );
        }
    }

    /// What the notice and the mobilisation's news item lack: both say
    /// where the meeting is; the notice also who attends.
    pub(super) fn meeting_gaps(
        &mut self,
        meeting: &Meeting,
        at: Option<Pos>,
        notice_given: bool,
    ) -> (Option<Gap>, Option<Gap>) {
        // At the `meeting:` line of the profile, where the keys go.
        let at = at.map(|pos| self.section_pos("meeting", pos));
        let no_place = meeting.place.is_none();
        let no_attendees = meeting.attendees.is_empty();
        let started = notice_given || !no_place || !no_attendees;
        let hint = "在 meeting: 下面加上 place: 会议地点（如 院行政楼四楼会议室）和 attendees: [参会人员, …]（和 date 对齐）";
        let notice = (no_place || no_attendees).then(|| {
            let keys: Vec<&'static str> = [
                ("meeting.place", no_place),
                ("meeting.attendees", no_attendees),
            ]
            .into_iter()
            .filter_map(|(k, absent)| absent.then_some(k))
            .collect();
            let said = match (no_place, no_attendees) {
                (true, true) => "会议地点和参会人员",
                (true, false) => "会议地点",
                _ => "参会人员",
            };
            self.gap(
                at,
                keys.clone(),
                started,
                format!("没有写{said}（{}），无法生成会议通知", keys.join("、")),
                hint,
            )
        });
        let briefing = no_place.then(|| {
            self.gap(
                at,
                vec!["meeting.place"],
                started,
                "没有写会议地点（meeting.place），无法生成动员大会的工作信息".to_owned(),
                hint,
            )
        });
        (notice, briefing)
    }

    /// What the progress speech and its news item lack.
    pub(super) fn progress_gaps(
        &mut self,
        progress: Option<&Progress>,
        at: Option<Pos>,
    ) -> (Option<Gap>, Option<Gap>) {
        let hint = "在文件里加上一节 progress:，下一行缩进两个空格写 date: 推进会的日期（还可写 speaker、achievements、problems、place）";
        let Some(progress) = progress else {
            let speech = self.gap(
                None,
                vec!["progress.date"],
                false,
                "没有 progress 一节，无法生成推进会讲话".to_owned(),
                hint,
            );
            let briefing = self.gap(
                None,
                vec!["progress.date", "progress.place"],
                false,
                "没有 progress 一节，无法生成推进会的工作信息".to_owned(),
                "在文件里加上一节 progress:，写上 date（推进会的日期）和 place（会议地点），还可写 speaker、attendees、achievements、problems",
            );
            return (Some(speech), Some(briefing));
        };
        let at = at.map(|pos| self.section_pos("progress", pos));
        let briefing = progress.place.is_none().then(|| {
            self.gap(
                at,
                vec!["progress.place"],
                !progress.attendees.is_empty(),
                "没有写推进会的地点（progress.place），无法生成推进会的工作信息".to_owned(),
                "在 progress: 下面加上 place: 会议地点（和 date 对齐），还可写 attendees: [参会人员, …]",
            )
        });
        (None, briefing)
    }

    /// A section not in the profile at all: its document's error, at the
    /// profile's start, says to add it with `keys`.
    fn absent(&self, section: &str, keys: &[&'static str], what: &str, needs: &str) -> Gap {
        self.gap(
            None,
            keys.to_vec(),
            false,
            format!("没有 {section} 一节，无法生成{what}"),
            &format!("在文件里加上一节 {section}:，写上 {needs}"),
        )
    }

    /// A section written and left unfinished: a warning now (the other
    /// documents are still drafted), and the gap its document reports.
    fn unfinished(
        &mut self,
        pos: Pos,
        section: &str,
        missing: Vec<&'static str>,
        what: &str,
    ) -> Gap {
        let keys: Vec<&str> = missing
            .iter()
            .map(|k| k.trim_start_matches(section).trim_start_matches('.'))
            .collect();
        let message = format!("{section} 一节缺少 {}，无法生成{what}", keys.join("、"));
        let hint = format!(
            "在 {section}: 下面加上 {}（和同一层的键对齐；含义见 docs/profile.md）",
            keys.join("、")
        );
        self.warn(pos, message.clone(), &hint);
        self.gap(Some(pos), missing, true, message, &hint)
    }

    /// The error a document reports when it is asked for and `keys` are
    /// missing: at `at`, or at the profile's start when the section is
    /// not there at all.
    fn gap(
        &self,
        at: Option<Pos>,
        keys: Vec<&'static str>,
        started: bool,
        message: String,
        hint: &str,
    ) -> Gap {
        let mut diagnostic = self
            .sources
            .diagnostic(at.unwrap_or(self.root), message)
            .with_hint(hint);
        diagnostic.severity = Severity::Error;
        Gap {
            keys,
            started,
            diagnostic,
        }
    }
}
