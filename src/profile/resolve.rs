//! From the merged raw profile to the model: defaults filled in, and every
//! problem collected with its place, not just the first.

mod documents;
mod facts;
mod genre;

use std::sync::Arc;

use chrono::{Datelike as _, NaiveDate};

use self::genre::{one_branch, own_sector, place_defaults};
use super::model::*;
use super::raw::*;
use super::sources::Sources;
use crate::calendar::{FIRST_YEAR, LAST_YEAR, cn_date, parse_date, supported};
use crate::diagnostic::{Diagnostic, Severity};
use crate::genre::Genre;
use crate::genre::era::Central;
use crate::yaml::{Located, Pos};
use crate::zh;

pub(crate) struct Resolver<'a> {
    sources: &'a Sources,
    /// Where sectors, campaign types and the era table come from.
    genre: &'a Arc<Genre>,
    /// Where to point when a whole section is missing: the profile's start.
    root: Pos,
    pub diagnostics: Vec<Diagnostic>,
}

/// A campaign whose phases span longer than this many years is most
/// likely a mistyped year.
const LONGEST_CAMPAIGN_YEARS: i32 = 20;

impl<'a> Resolver<'a> {
    pub fn new(sources: &'a Sources, root: Pos, genre: &'a Arc<Genre>) -> Self {
        Resolver {
            sources,
            genre,
            root,
            diagnostics: Vec::new(),
        }
    }

    fn report(&mut self, severity: Severity, pos: Pos, message: String, hint: &str) {
        let mut d = self.sources.diagnostic(pos, message);
        d.severity = severity;
        if !hint.is_empty() {
            d = d.with_hint(hint);
        }
        self.diagnostics.push(d);
    }

    fn error(&mut self, pos: Pos, message: String, hint: &str) {
        self.report(Severity::Error, pos, message, hint);
    }

    fn warn(&mut self, pos: Pos, message: String, hint: &str) {
        self.report(Severity::Warning, pos, message, hint);
    }

    /// A required text: missing or blank is an error pointing at `parent`.
    fn required(&mut self, value: Option<Text>, key: &str, parent: Pos) -> Option<String> {
        match value {
            // “（请填写单位全称）”: a request bigan import left; the draft
            // renders with it, and check says it is still to be filled.
            Some(v) if v.value.trim().starts_with("（请填写") => {
                self.warn(
                    v.pos,
                    format!("“{key}”还没有填写：{}", v.value.trim()),
                    "换成实际内容",
                );
                Some(v.value.trim().to_owned())
            }
            Some(v) if !v.value.trim().is_empty() => Some(v.value.trim().to_owned()),
            Some(v) => {
                self.error(v.pos, format!("“{key}”不能为空"), "填上实际内容");
                None
            }
            None => {
                self.error(
                    parent,
                    format!("缺少必填的“{key}”"),
                    &add_hint(key, "…", parent.line == 0),
                );
                None
            }
        }
    }

    fn date(&mut self, value: &Text, key: &str) -> Option<NaiveDate> {
        let written = value.value.trim();
        // `date: ""`: left for the user to fill (bigan import does so when
        // the source does not say).
        if written.is_empty() {
            self.error(
                value.pos,
                format!("“{key}”空着，要填上日期"),
                "按 年-月-日 填写，如 2010-05-20",
            );
            return None;
        }
        let parsed = parse_date(written);
        if let Some(d) = parsed.filter(|d| supported(*d)) {
            return Some(d);
        }
        match parsed.map(|d| i64::from(d.year())).or_else(|| year_of(written)) {
            Some(year) => self.error(
                value.pos,
                format!(
                    "“{key}”的日期“{written}”超出范围：bigan 支持 {FIRST_YEAR} 年到 {LAST_YEAR} 年的日期，这里写的是 {year} 年"
                ),
                "检查年份是否写错，如把 2010 写成了 1010 或 0210",
            ),
            None => self.error(
                value.pos,
                format!("“{key}”的日期“{written}”无法识别或不存在"),
                &date_hint(&value.value),
            ),
        }
        None
    }

    fn required_date(&mut self, value: Option<Text>, key: &str, parent: Pos) -> Option<NaiveDate> {
        match value {
            Some(v) => self.date(&v, key),
            None => {
                self.error(
                    parent,
                    format!("缺少必填的日期“{key}”"),
                    &add_hint(key, "2010-05-20", parent.line == 0),
                );
                None
            }
        }
    }

    /// Resolves the whole profile; `None` when an error leaves it unusable.
    pub fn profile(&mut self, raw: RawProfile) -> Option<Profile> {
        let root = self.root;
        let meeting_pos = raw.meeting.as_ref().map(|m| m.pos);
        let progress_pos = raw.progress.as_ref().map(|p| p.pos);
        let notice_given = raw.notice.is_some();
        let org = self.org(raw.org, root);
        let decided_at = raw
            .campaign
            .as_ref()
            .and_then(|c| c.value.decided_by.as_ref())
            .map(|t| t.pos);
        let campaign = self.campaign(raw.campaign, root);
        let meeting = self.meeting(raw.meeting, root);
        let (org, campaign, (meeting, meeting_at)) = (org?, campaign?, meeting?);
        let points = self.points(raw.points, "points", || campaign.kind.speech.points.len());
        self.meeting_against_phases(&meeting, meeting_at, &campaign);
        self.era_check(&meeting);
        if let Some(at) = decided_at {
            self.decider_check(&campaign, &meeting, at);
        }
        let plan = self.plan(raw.plan, &org, &meeting);
        let progress = self.progress(raw.progress, &meeting, &campaign);
        let notice = match &plan {
            Some(plan) => self.notice(raw.notice, &meeting, &plan.issuer),
            None => None,
        };
        let held = progress.as_ref().and_then(|p| p.as_ref()).map(|p| p.date);
        let (exchange, exchange_gap) = self.exchange(raw.exchange, &meeting);
        let (summary, summary_gap) = self.summary(raw.summary, &meeting, &campaign, held);
        let fonts = fonts(raw.fonts);
        if crate::diagnostic::has_errors(&self.diagnostics) {
            return None;
        }
        let progress = progress?;
        let (notice_gap, briefing_gap) = self.meeting_gaps(&meeting, meeting_pos, notice_given);
        let (progress_gap, progress_briefing_gap) =
            self.progress_gaps(progress.as_ref(), progress_pos);
        Some(Profile {
            org,
            campaign,
            meeting,
            points,
            plan: plan?,
            progress,
            notice: notice?,
            exchange,
            summary,
            gaps: Gaps {
                progress: progress_gap,
                notice: notice_gap,
                briefing: briefing_gap,
                progress_briefing: progress_briefing_gap,
                exchange: exchange_gap,
                summary: summary_gap,
            },
            fonts,
            genre: Arc::clone(self.genre),
        })
    }

    /// Where a missing key of top-level section `key` is reported when the
    /// section reads as empty (every key in it misspelt): the section's
    /// own line in the profile when it has one, else `fallback`.
    fn section_pos(&self, key: &str, fallback: Pos) -> Pos {
        self.sources
            .top_level_key(self.root.source, key)
            .unwrap_or(fallback)
    }

    fn org(&mut self, raw: Option<Located<RawOrg>>, root: Pos) -> Option<Org> {
        let (raw, pos) = match raw {
            Some(l) => (l.value, l.pos),
            None => (RawOrg::default(), self.section_pos("org", root)),
        };
        let name = self.required(raw.name, "org.name", pos);
        let written_kind = raw.kind.as_ref().map(|k| k.value.trim().to_owned());
        let kind = self.sector(raw.kind)?;
        let common = self.genre.common().ok();
        let own_kinds = common.as_deref().map_or(&[][..], |c| &c.kinds[..]);
        let (mut d, place_words) =
            place_defaults(&kind, own_kinds, written_kind.as_deref(), name.as_deref());
        let kind = own_sector(kind, written_kind.as_deref(), name.as_deref());
        // `org.words.we` is another way to write `org.short`.
        let mut raw_words = raw.words;
        let we = raw_words.as_mut().and_then(|w| w.value.we.take());
        let mut words = self.words(raw_words);
        for (name, value) in place_words {
            if !words.iter().any(|(n, _)| *n == name) {
                words.push((name, value));
            }
        }
        let or = |v: Option<Text>, default: &str| {
            v.map(|t| t.value.trim().to_owned())
                .filter(|s| !s.is_empty())
                .unwrap_or_else(|| default.to_owned())
        };
        let party_org = or(raw.party_org, &d.party_org);
        if party_org.ends_with("党支部") {
            one_branch(&mut d, &mut words, &kind, &party_org);
        }
        Some(Org {
            short: or(raw.short.or(we), &d.short),
            party_org,
            superior: or(raw.superior, &d.superior),
            units: or(raw.units, &d.units),
            staff: or(raw.staff, &d.staff),
            served: or(raw.served, &d.served),
            addressees: match raw.addressees {
                Some(list) => texts(list),
                None => d.addressees.clone(),
            },
            kind,
            name: name?,
            words,
        })
    }

    fn campaign(&mut self, raw: Option<Located<RawCampaign>>, root: Pos) -> Option<Campaign> {
        let (raw, pos) = match raw {
            Some(l) => (l.value, l.pos),
            None => (RawCampaign::default(), self.section_pos("campaign", root)),
        };
        let name = self.required(raw.name, "campaign.name", pos);
        let standards = raw
            .standards
            .map(|list| {
                list.value
                    .into_iter()
                    .map(|s| self.standard(s.value))
                    .collect()
            })
            .unwrap_or_default();
        let phases = match raw.phases {
            Some(list) => self.phases(list.value)?,
            None => Vec::new(),
        };
        let name = name?;
        // The campaign as the era table knows it (两学一做, 主题教育), if it
        // is a central one: its type, decider and 总要求 follow from it.
        let era = self.genre.era().ok();
        let central = era.as_deref().and_then(|e| e.central(&name));
        let (kind, kind_from) = self.campaign_type(raw.kind, &name, central)?;
        let (decided_by, decided_inferred) = self.decided_by(raw.decided_by, central);
        let theme = self.theme(raw.theme.map(texts).unwrap_or_default(), &kind, central);
        Some(Campaign {
            // A central campaign's full name is the era table's longest
            // name for it, so a bare 两学一做 plan still spells it out; but
            // only one that says more than the profile's own name (深入贯彻
            // 中央八项规定精神学习教育 is not cut to the table's shorter one).
            full_name: raw
                .full_name
                .map(|t| t.value.trim().to_owned())
                .or_else(|| {
                    central
                        .and_then(Central::full_name)
                        .filter(|f| {
                            f.chars().count() > name.chars().count()
                                && !crate::genre::rules::says_the_same(&name, f)
                        })
                        .map(str::to_owned)
                })
                .unwrap_or_else(|| name.clone()),
            name,
            goals: raw.goals.map(texts).unwrap_or_default(),
            theme,
            standards,
            milestones: self.milestones(raw.milestones),
            phases,
            kind,
            kind_from,
            decided_by,
            decided_inferred,
            situation: raw
                .situation
                .map(|s| {
                    s.value
                        .0
                        .into_iter()
                        .map(|t| t.trim().to_owned())
                        .filter(|t| !t.is_empty())
                        .collect()
                })
                .unwrap_or_default(),
            tasks: self.facts(raw.tasks, "campaign.tasks"),
        })
    }

    /// A standard's label numeral must agree with its items: 五个好 has five.
    fn standard(&mut self, raw: RawStandard) -> Standard {
        let items = texts(raw.items);
        let label = raw.label.value.trim().to_owned();
        if let Some(claimed) = leading_numeral(&label) {
            let actual = items.len() as u64;
            if claimed != actual {
                let fixed =
                    label.replacen(&label[..numeral_prefix_len(&label)], &zh::count(actual), 1);
                self.error(
                    raw.label.pos,
                    format!(
                        "“{label}”说有{}项，但下面列了{}项",
                        zh::count(claimed),
                        zh::count(actual)
                    ),
                    &format!("补齐或删减 items，或把标签改成“{fixed}”"),
                );
            }
        }
        Standard {
            label,
            of: raw.of.map(|t| t.value.trim().to_owned()),
            items,
        }
    }

    fn phases(&mut self, raw: Vec<Located<RawPhase>>) -> Option<Vec<Phase>> {
        let mut phases = Vec::with_capacity(raw.len());
        let mut ok = true;
        let count = raw.len();
        let mut last_to = None;
        for (i, item) in raw.into_iter().enumerate() {
            let p = item.value;
            let label = format!("第{}阶段", zh::numeral(i as u64 + 1));
            let name = self.required(Some(p.name), "name", item.pos);
            let from = self.date(&p.from, &format!("{label}的 from"));
            let to = p.to.as_ref().and_then(|t| {
                let d = self.date(t, &format!("{label}的 to"));
                Some((d?, t.pos))
            });
            let (Some(name), Some(from)) = (name, from) else {
                ok = false;
                continue;
            };
            if p.to.is_some() && to.is_none() {
                ok = false;
                continue;
            }
            if let Some((to, to_pos)) = to
                && to < from
            {
                self.error(
                    to_pos,
                    format!("阶段“{name}”的结束日期 {to} 早于开始日期 {from}",),
                    "检查 from 和 to 是否写反了",
                );
            }
            if to.is_none() && i + 1 < count {
                self.error(
                    p.from.pos,
                    format!("阶段“{name}”没有结束日期，但后面还有阶段"),
                    "只有最后一个阶段可以不写 to（表示长期坚持）",
                );
            }
            if let Some(prev) = phases.last() {
                self.phase_order(prev, &name, from, p.from.pos);
            }
            last_to = to;
            phases.push(Phase {
                name,
                from,
                to: to.map(|(d, _)| d),
                tasks: p.tasks.map(texts).unwrap_or_default(),
            });
        }
        if let (Some(first), Some((end, pos))) = (phases.first(), last_to) {
            self.campaign_length(first, end, pos);
        }
        ok.then_some(phases)
    }

    /// A campaign over twenty years is most likely a mistyped year.
    fn campaign_length(&mut self, first: &Phase, end: NaiveDate, pos: Pos) {
        let years = end.year() - first.from.year();
        let over = first
            .from
            .checked_add_months(chrono::Months::new(12 * LONGEST_CAMPAIGN_YEARS as u32))
            .is_some_and(|limit| end >= limit);
        if over {
            self.warn(
                pos,
                format!(
                    "活动从 {} 到 {end}，前后约{}年，不像一次活动的长度",
                    first.from,
                    zh::count(years as u64)
                ),
                "检查年份是否写错；长期坚持的工作可以不写最后一个阶段的 to",
            );
        }
    }

    fn phase_order(&mut self, prev: &Phase, name: &str, from: NaiveDate, pos: Pos) {
        if from < prev.from {
            self.error(
                pos,
                format!(
                    "阶段“{name}”从 {from} 开始，早于前一阶段“{}”的开始日期 {}",
                    prev.name, prev.from
                ),
                "按时间先后排列各阶段",
            );
        } else if let Some(prev_to) = prev.to
            && from <= prev_to
        {
            self.warn(
                pos,
                format!(
                    "阶段“{name}”从 {from} 开始，与前一阶段“{}”（到 {prev_to}）重叠",
                    prev.name
                ),
                "一般下一阶段从上一阶段结束的次日开始",
            );
        }
    }

    /// The mobilisation meeting, and where its date stands in the file.
    fn meeting(&mut self, raw: Option<Located<RawMeeting>>, root: Pos) -> Option<(Meeting, Pos)> {
        let (raw, pos) = match raw {
            Some(l) => (l.value, l.pos),
            None => (RawMeeting::default(), self.section_pos("meeting", root)),
        };
        let date_at = raw.date.as_ref().map_or(pos, |d| d.pos);
        let date = self.required_date(raw.date, "meeting.date", pos);
        if let Some(kind) = raw.kind {
            self.meeting_kind(&kind);
        }
        let speaker = person(raw.speaker);
        let before_me = self.before_me(raw.before_me, &speaker, "meeting");
        let meeting = Meeting {
            date: date?,
            speaker,
            before_me,
            place: optional(raw.place),
            time: optional(raw.time),
            attendees: raw.attendees.map(texts).unwrap_or_default(),
        };
        Some((meeting, date_at))
    }

    /// `meeting` is the mobilisation meeting: `kind: mobilization` says so
    /// and may stay; a progress meeting has a section of its own.
    fn meeting_kind(&mut self, kind: &Text) {
        match kind.value.trim() {
            "mobilization" | "动员大会" => {}
            "progress" | "推进会" => self.error(
                kind.pos,
                "meeting 一节写的是动员大会，不能是推进会（kind: progress）".to_owned(),
                "删去这一行 kind；推进会另写一节 progress:，下一行缩进两个空格写 date: 推进会的日期（还可写 speaker、achievements、problems），meeting.date 写动员大会的日期",
            ),
            other => self.error(
                kind.pos,
                format!("不认识的会议类型“{other}”"),
                "meeting 一节只写动员大会，kind 可以不写（或写 mobilization）；推进会写在 progress: 一节",
            ),
        }
    }

    /// A mobilisation meeting launches the campaign: after its end it is an
    /// error (the draft would speak of the whole campaign as ahead, "时间是
    /// 2011年7月至去年6月"); after the first phase it is unusual.
    fn meeting_against_phases(&mut self, meeting: &Meeting, at: Pos, campaign: &Campaign) {
        let Some(first) = campaign.phases.first() else {
            return;
        };
        if let Some((_, Some(end))) = campaign.span()
            && meeting.date > end
        {
            self.error(
                at,
                format!(
                    "动员大会日期 {} 在活动结束（{}）之后",
                    meeting.date,
                    cn_date(end)
                ),
                "动员大会在活动开始时召开：检查 meeting.date 的年份和各阶段的日期；活动结束后的会议是总结大会，不是动员大会",
            );
        } else if let Some(to) = first.to
            && meeting.date > to
        {
            self.warn(
                at,
                format!(
                    "动员大会日期 {} 在第一阶段“{}”结束（{to}）之后",
                    meeting.date, first.name
                ),
                "动员大会一般在第一阶段内召开：检查 meeting.date 或各阶段日期",
            );
        }
    }

    /// The points of a speech (`key` is `points` or `progress.points`):
    /// `None` keeps the template's point at that place.
    /// The points of a speech (`key` is `points` or `progress.points`);
    /// the campaign type writes `own` points itself.
    fn points(
        &mut self,
        raw: Option<Located<Vec<Located<RawPoint>>>>,
        key: &str,
        own: impl FnOnce() -> usize,
    ) -> Vec<Option<Point>> {
        let Some(list) = raw else {
            return Vec::new();
        };
        // Asked only here: the type's points are decoded when first read.
        let own = own();
        list.value
            .into_iter()
            .enumerate()
            .map(|(i, p)| self.point(p, i, key, own))
            .collect()
    }

    /// One point; `{}` at the type's own places keeps the type's point.
    fn point(
        &mut self,
        raw: Located<RawPoint>,
        index: usize,
        key: &str,
        own: usize,
    ) -> Option<Point> {
        let nth = zh::numeral(index as u64 + 1);
        let title = optional(raw.value.title);
        if index >= own && title.is_none() {
            let written = zh::numeral(own as u64);
            self.error(
                raw.pos,
                format!("{key} 第{nth}点没有标题"),
                &format!(
                    "加上 title: …（这类活动的讲话只写了前{written}点，第{nth}点的标题要自己写），或删掉这一点"
                ),
            );
        }
        let items = raw.value.items.map(|l| {
            l.value
                .into_iter()
                .enumerate()
                .map(|(j, i)| {
                    let lead = i.value.lead.value.trim().to_owned();
                    if lead.is_empty() {
                        self.error(
                            i.value.lead.pos,
                            format!(
                                "{key} 第{nth}点的第{}条 lead 是空的",
                                zh::numeral(j as u64 + 1)
                            ),
                            "填上这一条的要点，如 lead: 提高思想认识；不要这一条就删掉它",
                        );
                    }
                    // `text: ""`: written by import where the source had no
                    // text under the lead; the draft would show the lead alone.
                    if let Some(t) = &i.value.text
                        && t.value.trim().is_empty()
                    {
                        self.warn(
                            t.pos,
                            format!(
                                "{key} 第{nth}点的第{}条只有要点，text 空着",
                                zh::numeral(j as u64 + 1)
                            ),
                            "在 text: 后面写上这一条的正文；只要要点就删去 text 这一行",
                        );
                    }
                    Item {
                        lead,
                        text: optional(i.value.text),
                    }
                })
                .collect::<Vec<_>>()
        });
        if title.is_none() && items.is_none() {
            None
        } else {
            Some(Point { title, items })
        }
    }

    fn plan(
        &mut self,
        raw: Option<Located<RawPlan>>,
        org: &Org,
        meeting: &Meeting,
    ) -> Option<Plan> {
        let raw = raw.map(|l| l.value).unwrap_or_default();
        let date = match raw.date {
            Some(t) => self.date(&t, "plan.date")?,
            None => meeting.date,
        };
        let basis = match raw.basis {
            Some(b) => {
                let pos = b.pos;
                let b = b.value;
                Some(DocumentRef {
                    title: self.required(b.title, "plan.basis.title", pos)?,
                    issuer: optional(b.issuer),
                    number: optional(b.number),
                })
            }
            None => None,
        };
        let leading_group = match raw.leading_group {
            Some(g) => Some(self.leading_group(g)?),
            None => None,
        };
        Some(Plan {
            issuer: optional(raw.issuer).unwrap_or_else(|| org.name.clone()),
            date,
            basis,
            leading_group,
        })
    }

    fn leading_group(&mut self, raw: Located<RawLeadingGroup>) -> Option<LeadingGroup> {
        let pos = raw.pos;
        let g = raw.value;
        let leader = match g.leader {
            Some(l) if l.value.name.is_some() || l.value.title.is_some() => person(Some(l)),
            _ => {
                self.error(
                    pos,
                    "领导小组没有组长（leader）".to_owned(),
                    "加上 leader: { name: 张三, title: 院党委书记 }，组长一般由主要负责同志担任",
                );
                return None;
            }
        };
        Some(LeadingGroup {
            leader,
            deputies: g
                .deputies
                .map(|l| l.value.into_iter().map(|p| person(Some(p))).collect())
                .unwrap_or_default(),
            members: g.members.map(texts).unwrap_or_default(),
            office: optional(g.office),
            office_head: g.office_head.map(|p| person(Some(p))),
        })
    }

    fn progress(
        &mut self,
        raw: Option<Located<RawProgress>>,
        meeting: &Meeting,
        campaign: &Campaign,
    ) -> Option<Option<Progress>> {
        let Some(raw) = raw else {
            return Some(None);
        };
        let pos = raw.pos;
        let raw = raw.value;
        let date_pos = raw.date.as_ref().map(|d| d.pos).unwrap_or(pos);
        let date = self.required_date(raw.date, "progress.date", pos)?;
        if let Some((start, end)) = campaign.span() {
            let after_end = end.is_some_and(|end| date > end);
            if date < start || after_end {
                let until = end.map(cn_date).unwrap_or_else(|| "长期".to_owned());
                self.error(
                    date_pos,
                    format!(
                        "推进会日期 {} 不在活动期内（{}至{until}）",
                        date,
                        cn_date(start)
                    ),
                    "推进会应在活动开始之后、结束之前召开：检查 progress.date 或各阶段日期",
                );
            }
        }
        if date < meeting.date {
            self.error(
                date_pos,
                format!("推进会日期 {date} 早于动员大会日期 {}", meeting.date),
                "推进会在动员大会之后召开：检查 progress.date",
            );
        }
        let speaker = match raw.speaker {
            Some(s) => person(Some(s)),
            None => meeting.speaker.clone(),
        };
        let problems = self.facts(raw.problems, "progress.problems");
        let next_steps = self.steps(raw.next_steps, problems.len());
        let before_me = self.before_me(raw.before_me, &speaker, "progress");
        Some(Some(Progress {
            date,
            speaker,
            before_me,
            achievements: self.facts(raw.achievements, "progress.achievements"),
            problems,
            lessons: self.facts(raw.lessons, "progress.lessons"),
            next_steps,
            points: self.points(raw.points, "progress.points", || {
                campaign.kind.progress.points.len()
            }),
            place: optional(raw.place),
            attendees: raw.attendees.map(texts).unwrap_or_default(),
        }))
    }

    /// What was said before the speech (刚才，……). The speaker does not
    /// say 刚才，何东同志通报了…… of themselves: a `before_me` naming the
    /// speaker is a slip the draft would read aloud, so it is flagged.
    pub(super) fn before_me(
        &mut self,
        raw: Option<Text>,
        speaker: &Person,
        section: &str,
    ) -> Option<String> {
        let pos = raw.as_ref()?.pos;
        let text = optional(raw)?;
        if let Some(name) = &speaker.name
            && name.chars().count() >= 2
            && text.contains(name.as_str())
        {
            self.warn(
                pos,
                format!("{section}.before_me 提到了讲话人{name}本人：讲话里会读成“刚才，{name}同志……”"),
                "before_me 写讲话之前别人讲了什么（如“刚才，张三同志通报了……”）；讲话人是别人时，改 speaker",
            );
        }
        Some(text)
    }
}

fn fonts(raw: Option<Located<RawFonts>>) -> Fonts {
    let d = Fonts::default();
    let Some(raw) = raw else {
        return d;
    };
    let f = raw.value;
    Fonts {
        title: optional(f.title).unwrap_or(d.title),
        body: optional(f.body).unwrap_or(d.body),
        heading: optional(f.heading).unwrap_or(d.heading),
        subheading: optional(f.subheading).unwrap_or(d.subheading),
        page_number: optional(f.page_number).unwrap_or(d.page_number),
    }
}

fn optional(value: Option<Text>) -> Option<String> {
    value
        .map(|t| t.value.trim().to_owned())
        .filter(|s| !s.is_empty())
}

fn texts(list: TextList) -> Vec<String> {
    list.value
        .into_iter()
        .map(|t| t.value.trim().to_owned())
        .filter(|s| !s.is_empty())
        .collect()
}

fn person(raw: Option<Located<RawPerson>>) -> Person {
    let Some(p) = raw else {
        return Person::default();
    };
    Person {
        name: optional(p.value.name),
        title: optional(p.value.title),
    }
}

/// How many characters at the start of `label` form a Chinese numeral.
fn numeral_prefix_len(label: &str) -> usize {
    label
        .char_indices()
        .take_while(|(_, c)| "一二两三四五六七八九十百".contains(*c))
        .map(|(i, c)| i + c.len_utf8())
        .last()
        .unwrap_or(0)
}

/// The count a label like 五个好, 五带头, 四句话 claims, if it claims one:
/// a numeral and a single head. A campaign name with a second numeral
/// (三严三实, 两学一做, 一岗双责) counts nothing its items must match.
pub(crate) fn leading_numeral(label: &str) -> Option<u64> {
    let len = numeral_prefix_len(label);
    if len == 0 || len == label.len() {
        return None;
    }
    if label[len..].contains(|c| "一二两三四五六七八九十百千万双零".contains(c)) {
        return None;
    }
    zh::parse_numeral(&label[..len])
}
/// The year of a date written 年-月-日 with a real month and day, whatever
/// the year (0999-01-01, 10000-1-1): to say it is out of range rather
/// than unreadable.
fn year_of(written: &str) -> Option<i64> {
    let mut parts = written.splitn(3, '-');
    let year: i64 = parts.next()?.parse().ok()?;
    let month: u32 = parts.next()?.parse().ok()?;
    let day: u32 = parts.next()?.parse().ok()?;
    // A leap year, so that 02-29 counts as a real day.
    NaiveDate::from_ymd_opt(2000, month, day).map(|_| year)
}

/// Where to write a missing `section.leaf` key, for a hint.
fn add_hint(key: &str, example: &str, section_missing: bool) -> String {
    match key.rsplit_once('.') {
        Some((section, leaf)) if section_missing => {
            format!("在文件里加上一节 {section}:，下一行缩进两个空格写 {leaf}: {example}")
        }
        Some((section, leaf)) => {
            format!("在 {section}: 下面加上一行 {leaf}: {example}（和同一层的键对齐）")
        }
        None => format!("加上一行 {key}: {example}"),
    }
}

/// How to fix a date that is not 年-月-日 or does not exist.
fn date_hint(raw: &str) -> String {
    use chrono::Datelike as _;
    let written = raw.trim();
    let dashed: String = written
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '日')
        .map(|c| match c {
            '.' | '/' | '年' | '月' | '．' | '／' | '－' => '-',
            c => c,
        })
        .collect();
    if let Some(d) = parse_date(&dashed) {
        return format!(
            "日期写成 年-月-日，用短横线分隔：改为 {}",
            d.format("%Y-%m-%d")
        );
    }
    let parts: Vec<u32> = dashed.split('-').filter_map(|p| p.parse().ok()).collect();
    if let [y, m, d] = parts[..] {
        if !(1..=12).contains(&m) {
            return format!("月份只能是 1 到 12，“{written}”的月份是 {m}：检查是否把月和日写反了");
        }
        let last = i32::try_from(y)
            .ok()
            .and_then(|y| NaiveDate::from_ymd_opt(y, m, 1))
            .map(|first| crate::calendar::month_end(first).day());
        if let Some(last) = last
            && (d == 0 || d > last)
        {
            return format!("{y}年{m}月只有{last}天：检查日期是否写对");
        }
    }
    "日期写成 年-月-日，如 2010-05-20，并确认这一天确实存在".to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_numeral_and_one_head_claims_a_count() {
        for (label, n) in [
            ("五个好", 5),
            ("五带头", 5),
            ("四句话", 4),
            ("三到位", 3),
            ("十个方面", 10),
            ("两个维护", 2),
        ] {
            assert_eq!(leading_numeral(label), Some(n), "{label}");
        }
    }

    #[test]
    fn campaign_names_with_a_second_numeral_claim_nothing() {
        for label in ["三严三实", "两学一做", "一岗双责", "五个一工程", "五", "好"]
        {
            assert_eq!(leading_numeral(label), None, "{label}");
        }
    }
}
