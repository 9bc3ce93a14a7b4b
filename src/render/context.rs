//! What a template sees, built in one pass over the profile: its facts
//! escaped for Markdown and flattened into plain values, the phrases that
//! depend on the calendar worked out once, and every sentence of the draft
//! chosen from the genre data ([`super::wording`]). Templates hold the
//! structure only.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde::Serialize;

use super::Doc;
use super::documents::{self, BriefingView, ExchangeView, NoticeView, SummaryView};
use super::escape;
use super::wording::{self, Entry, PointView, Wording};
use crate::calendar;
use crate::genre::{Common, Era, Mode, rules};
use crate::profile::{self, Fact, Person, PhaseStatus, Profile};

#[derive(Serialize)]
pub struct View {
    pub doc: &'static str,
    /// Where the title says the meeting is held: 全院, 全县, or nothing
    /// (a label that starts with 全 takes none: 全国文明城市…).
    pub scope: String,
    pub org: OrgView,
    pub campaign: CampaignView,
    pub meeting: MeetingView,
    /// The points to render: the campaign type's, each replaced or
    /// extended by the profile's at the same position.
    pub points: Vec<PointView>,
    pub plan: PlanView,
    pub progress: Option<ProgressView>,
    /// The notice, the news items, the exchange and the closing speech
    /// (render/documents.rs): each only in its own document.
    pub notice: Option<NoticeView>,
    pub briefing: Option<BriefingView>,
    pub exchange: Option<ExchangeView>,
    pub summary: Option<SummaryView>,
    /// The document's own passages, chosen for this organisation.
    pub text: BTreeMap<&'static str, String>,
}

#[derive(Serialize)]
pub struct OrgView {
    pub name: String,
    pub short: String,
    pub kind: String,
    pub party_org: String,
    pub superior: String,
    pub units: String,
    pub staff: String,
    pub served: String,
    pub addressees: Vec<String>,
}

#[derive(Serialize)]
pub struct CampaignView {
    pub name: String,
    /// What running text calls the campaign: 平安交通创建活动, “两学一做”
    /// 学习教育, 百日攻坚行动.
    pub label: String,
    /// What the text calls it when referring back: 活动, 学习教育, 行动.
    pub noun: String,
    /// The campaign type's key and Chinese name.
    pub kind: String,
    pub kind_name: String,
    /// `among` or `against`.
    pub mode: &'static str,
    pub group: String,
    pub full_name: String,
    pub goals: Vec<String>,
    pub theme: Vec<String>,
    pub standards: Vec<StandardView>,
    pub milestones: Vec<String>,
    /// Milestones still ahead that the campaign greets (迎接建党90周年).
    pub occasions: Vec<String>,
    /// Milestones the work secures (为全年安全生产目标提供保障).
    pub targets: Vec<String>,
    pub tasks: Vec<FactView>,
    pub phases: Vec<PhaseView>,
    /// The whole campaign as a plan writes it: 2010年5月—2011年12月.
    pub span_written: Option<String>,
    pub start: Option<String>,
    pub end: Option<String>,
}

#[derive(Serialize)]
pub struct StandardView {
    pub label: String,
    pub of: Option<String>,
    pub items: Vec<String>,
}

/// A fact laid out on its own: `lead` is empty for a plain sentence.
#[derive(Serialize)]
pub struct FactView {
    pub lead: Option<String>,
    pub text: String,
}

#[derive(Serialize)]
pub struct PhaseView {
    pub name: String,
    /// The name without a final 阶段, for “宣传发动”阶段.
    pub short: String,
    pub from_iso: String,
    pub to_iso: Option<String>,
    pub from: String,
    pub to: Option<String>,
    pub tasks: Vec<String>,
    /// Relative to the document's meeting: 从现在起到6月底.
    pub spoken: String,
    /// When it ends, relative to the meeting: 今年11月底.
    pub spoken_end: Option<String>,
    /// As a plan prints it: 2011年3—4月.
    pub written: String,
    /// `done`, `current` or `ahead`, seen from the document's meeting.
    pub status: &'static str,
    /// Whether the document's meeting falls well into this phase (a
    /// fortnight or more after it began): it is under way, not starting.
    pub under_way: bool,
    pub days: Option<i64>,
}

#[derive(Serialize)]
pub struct MeetingView {
    pub date: String,
    pub date_iso: String,
    pub speaker: PersonView,
    pub before_me: Option<String>,
}

#[derive(Serialize)]
pub struct PersonView {
    pub name: Option<String>,
    pub title: Option<String>,
}

#[derive(Serialize)]
pub struct PlanView {
    pub issuer: String,
    pub date: String,
    pub basis: Option<DocumentView>,
    pub leading_group: Option<LeadingGroupView>,
    /// 工作要求, as items.
    pub requirements: Vec<Entry>,
}

#[derive(Serialize)]
pub struct DocumentView {
    pub issuer: Option<String>,
    pub title: String,
    pub number: Option<String>,
}

#[derive(Serialize)]
pub struct LeadingGroupView {
    pub leader: PersonView,
    pub deputies: Vec<PersonView>,
    pub members: Vec<String>,
    pub office: Option<String>,
    pub office_head: Option<PersonView>,
}

#[derive(Serialize)]
pub struct ProgressView {
    pub date: String,
    pub date_iso: String,
    pub speaker: PersonView,
    pub before_me: Option<String>,
    pub achievements: Vec<FactView>,
    pub problems: Vec<FactView>,
    pub lessons: Vec<FactView>,
    /// When the campaign was launched, as the progress speaker says it:
    /// 今年5月, 去年11月.
    pub since: String,
    /// How long ago that was: 五个多月, 一年多, 不到一个月.
    pub elapsed: String,
    /// The first phase that starts after the progress meeting, if any:
    /// without one the speech speaks of 下一步, not 下一阶段.
    pub next_phase: Option<String>,
}

/// A fortnight into a phase, a meeting no longer stands at its start.
const UNDER_WAY_DAYS: i64 = 14;

/// Builds what the template of `doc` sees, with the wording of `variant`.
pub fn build(
    profile: &Profile,
    doc: Doc,
    common: &Common,
    era: Option<&Era>,
    variant: u32,
) -> View {
    let p = profile;
    // Each document speaks from its own day: a progress speech says
    // "从现在起" about the phase its meeting falls in.
    let (today, before_me) = doc.setting(p);
    let mut w = Wording::new(p, common, era, today, before_me, variant);
    documents::prepare(&mut w, p, doc, today);
    let w = w;
    let label = w.get("label").unwrap_or_default().to_owned();
    let scope = if label.starts_with('全') {
        String::new()
    } else if p.org.short.starts_with('全') {
        esc(&p.org.short)
    } else {
        // The sector's, or the organisation's own (org.words).
        w.get("scope").unwrap_or_default().to_owned()
    };
    // A title names where its meeting is: with no 全院 to say (a 全国…
    // label, a short form such as 街道 or 本单位), the organisation's name.
    let scope = if scope.is_empty() {
        esc(crate::zh::place_name(&p.org.name))
    } else {
        scope
    };
    let points = match (doc, &p.progress) {
        (Doc::Speech | Doc::Briefing, _) => w.points(&w.kind.speech.points, &p.points),
        (Doc::Progress | Doc::ProgressBriefing, Some(pr)) => {
            w.points(&w.kind.progress.points, &pr.points)
        }
        _ => Vec::new(),
    };
    let text = match doc {
        Doc::Speech => speech_text(&w),
        Doc::Progress => progress_text(&w),
        Doc::Plan => plan_text(&w),
        _ => documents::text(&w, doc),
    };
    let briefing = matches!(doc, Doc::Briefing | Doc::ProgressBriefing)
        .then(|| documents::briefing(&w, p, doc, &points));
    let notice = (doc == Doc::Notice).then(|| documents::notice(&w, p));
    let exchange = (doc == Doc::Exchange)
        .then(|| documents::exchange(p))
        .flatten();
    let summary = (doc == Doc::Summary)
        .then(|| documents::summary(&w, p))
        .flatten();
    // A news item retells the speech's points; it has none of its own.
    let points = if briefing.is_some() {
        Vec::new()
    } else {
        points
    };
    let requirements = match doc {
        Doc::Plan => {
            let items = w
                .kind
                .plan
                .requirements
                .as_ref()
                .or(w.common.plan.requirements.as_ref());
            items.map(|i| w.entries(i)).unwrap_or_default()
        }
        _ => Vec::new(),
    };
    View {
        doc: doc.name(),
        scope,
        org: org(p),
        campaign: campaign(p, &w, label, today),
        meeting: MeetingView {
            date: calendar::cn_date(p.meeting.date),
            date_iso: p.meeting.date.to_string(),
            speaker: person(&p.meeting.speaker),
            before_me: p.meeting.before_me.as_deref().map(esc),
        },
        points,
        plan: plan(p, requirements),
        progress: p.progress.as_ref().map(|pr| progress(p, pr)),
        notice,
        briefing,
        exchange,
        summary,
        text,
    }
}

/// The organisation as templates see it, escaped.
fn org(p: &Profile) -> OrgView {
    OrgView {
        name: esc(&p.org.name),
        short: esc(&p.org.short),
        kind: p.org.kind.key.clone(),
        party_org: esc(&p.org.party_org),
        superior: esc(&p.org.superior),
        units: esc(&p.org.units),
        staff: esc(&p.org.staff),
        served: esc(&p.org.served),
        addressees: list(&p.org.addressees),
    }
}

/// The campaign as templates see it, from the day `today` of the document.
fn campaign(p: &Profile, w: &Wording, label: String, today: NaiveDate) -> CampaignView {
    let (occasions, targets) = wording::milestones(p, today);
    CampaignView {
        name: esc(&p.campaign.name),
        label,
        noun: w.get("noun").unwrap_or_default().to_owned(),
        kind: p.campaign.kind.key.clone(),
        kind_name: p.campaign.kind.title().to_owned(),
        mode: match p.campaign.kind.mode {
            Mode::Among => "among",
            Mode::Against => "against",
        },
        group: w.get("group").unwrap_or_default().to_owned(),
        full_name: esc(&p.campaign.full_name),
        goals: list(&p.campaign.goals),
        theme: list(&p.campaign.theme),
        standards: p
            .campaign
            .standards
            .iter()
            .map(|s| StandardView {
                label: esc(&s.label),
                of: s.of.as_deref().map(esc),
                items: list(&s.items),
            })
            .collect(),
        milestones: p.campaign.milestones.iter().map(|m| esc(&m.name)).collect(),
        occasions,
        targets,
        tasks: facts(&p.campaign.tasks),
        phases: p
            .campaign
            .phases
            .iter()
            .map(|ph| phase(ph, today))
            .collect(),
        span_written: p
            .campaign
            .span()
            .map(|(from, to)| calendar::written_span(from, to)),
        start: p.campaign.span().map(|(from, _)| calendar::cn_date(from)),
        end: p
            .campaign
            .span()
            .and_then(|(_, to)| to.map(calendar::cn_date)),
    }
}

/// The plan's facts; `requirements` are its 工作要求.
fn plan(p: &Profile, requirements: Vec<Entry>) -> PlanView {
    PlanView {
        issuer: esc(&p.plan.issuer),
        date: calendar::cn_date(p.plan.date),
        basis: p.plan.basis.as_ref().map(|b| DocumentView {
            issuer: b.issuer.as_deref().map(esc),
            title: esc(&b.title),
            number: b.number.as_deref().map(esc),
        }),
        leading_group: p.plan.leading_group.as_ref().map(|g| LeadingGroupView {
            leader: person(&g.leader),
            deputies: g.deputies.iter().map(person).collect(),
            members: list(&g.members),
            office: g.office.as_deref().map(esc),
            office_head: g.office_head.as_ref().map(person),
        }),
        requirements,
    }
}

/// The progress meeting as templates see it.
fn progress(p: &Profile, pr: &profile::Progress) -> ProgressView {
    ProgressView {
        date: calendar::cn_date(pr.date),
        date_iso: pr.date.to_string(),
        speaker: person(&pr.speaker),
        before_me: pr.before_me.as_deref().map(esc),
        achievements: achievements(pr, p),
        problems: facts(&pr.problems),
        lessons: facts(&pr.lessons),
        since: wording::since(p.meeting.date, pr.date),
        elapsed: wording::elapsed(p.meeting.date, pr.date),
        next_phase: p
            .campaign
            .phases
            .iter()
            .find(|ph| ph.status(pr.date) == PhaseStatus::Ahead)
            .map(|ph| esc(&ph.name)),
    }
}

/// Profile text made safe for Markdown (see [`escape`]).
fn esc(s: &str) -> String {
    escape::text(s).into_owned()
}

/// Each of `items` escaped.
fn list(items: &[String]) -> Vec<String> {
    items.iter().map(|s| esc(s)).collect()
}

/// The speech's passages.
fn speech_text(w: &Wording) -> BTreeMap<&'static str, String> {
    let own = &w.kind.speech;
    let shared = &w.common.speech;
    let mut t = slots(
        w,
        &[
            ("opening", &own.opening, &shared.opening),
            ("lead_in", &own.lead_in, &shared.lead_in),
            ("closing", &own.closing, &shared.closing),
        ],
    );
    t.insert("response", response(w));
    t
}

type Slot<'a> = (
    &'static str,
    &'a Option<crate::genre::Alts>,
    &'a Option<crate::genre::Alts>,
);

/// Each named passage: the campaign type's, or the shared one.
pub(super) fn slots(w: &Wording, pairs: &[Slot]) -> BTreeMap<&'static str, String> {
    pairs
        .iter()
        .map(|(name, own, shared)| (*name, w.slot(own.as_ref(), shared.as_ref())))
        .collect()
}

/// The progress speech's passages.
fn progress_text(w: &Wording) -> BTreeMap<&'static str, String> {
    let own = &w.kind.progress;
    let shared = &w.common.progress;
    let mut t = slots(
        w,
        &[
            ("opening", &own.opening, &shared.opening),
            ("review", &own.review, &shared.review),
            (
                "no_achievements",
                &own.no_achievements,
                &shared.no_achievements,
            ),
            ("assessment", &own.assessment, &shared.assessment),
            ("lessons_intro", &own.lessons_intro, &shared.lessons_intro),
            (
                "problems_intro",
                &own.problems_intro,
                &shared.problems_intro,
            ),
            (
                "problems_after",
                &own.problems_after,
                &shared.problems_after,
            ),
            ("no_problems", &own.no_problems, &shared.no_problems),
            ("stage_after", &own.stage_after, &shared.stage_after),
            ("lead_in", &own.lead_in, &shared.lead_in),
            ("after_points", &own.after_points, &shared.after_points),
            ("closing", &own.closing, &shared.closing),
        ],
    );
    t.insert("response", response(w));
    t
}

/// The plan's passages.
fn plan_text(w: &Wording) -> BTreeMap<&'static str, String> {
    let own = &w.kind.plan;
    let shared = &w.common.plan;
    slots(
        w,
        &[
            ("purpose", &own.purpose, &shared.purpose),
            ("decision", &own.decision, &shared.decision),
            ("guiding", &own.guiding, &shared.guiding),
            ("aim", &own.aim, &shared.aim),
            (
                "standards_heading",
                &own.standards_heading,
                &shared.standards_heading,
            ),
            ("theme_heading", &own.theme_heading, &shared.theme_heading),
            ("theme_note", &own.theme_note, &shared.theme_note),
            ("tasks_heading", &own.tasks_heading, &shared.tasks_heading),
            ("tasks_intro", &own.tasks_intro, &shared.tasks_intro),
            ("no_goals", &own.no_goals, &shared.no_goals),
            ("step_first", &own.step_first, &shared.step_first),
            ("step_middle", &own.step_middle, &shared.step_middle),
            ("step_last", &own.step_last, &shared.step_last),
            ("step_open", &own.step_open, &shared.step_open),
            ("step_single", &own.step_single, &shared.step_single),
            ("no_phases", &own.no_phases, &shared.no_phases),
            ("group_intro", &own.group_intro, &shared.group_intro),
            ("office_duty", &own.office_duty, &shared.office_duty),
            ("no_group", &own.no_group, &shared.no_group),
            ("units_duty", &own.units_duty, &shared.units_duty),
        ],
    )
}

/// What the speaker says after the one who spoke before: 我完全同意 after
/// a plan or a deployment, something else after a briefing or reports, and
/// nothing but the fact when what came before is not recognised.
fn response(w: &Wording) -> String {
    let p = &w.common.responses;
    let said = w.get("before_me").unwrap_or_default();
    if said.is_empty() {
        return String::new();
    }
    let fits = rules::response_for(said, p, |r| &r.words)
        .or_else(|| p.iter().find(|r| r.words.is_empty()));
    fits.and_then(|r| w.pick(Some(&r.say))).unwrap_or_default()
}

pub(super) fn facts(list: &[Fact]) -> Vec<FactView> {
    list.iter()
        .map(|f| FactView {
            lead: f
                .lead
                .as_deref()
                .map(|l| escape::text(crate::zh::bare(l)).into_owned()),
            text: escape::text(crate::zh::bare(&f.text)).into_owned(),
        })
        .collect()
}

fn phase(ph: &profile::Phase, today: NaiveDate) -> PhaseView {
    let status = ph.status(today);
    PhaseView {
        name: esc(&ph.name),
        short: esc(wording::short(&ph.name)),
        from_iso: ph.from.to_string(),
        to_iso: ph.to.map(|d| d.to_string()),
        from: calendar::cn_date(ph.from),
        to: ph.to.map(calendar::cn_date),
        tasks: list(&ph.tasks),
        spoken: calendar::spoken_span(ph.from, ph.to, today),
        spoken_end: ph.to.map(|to| calendar::spoken_deadline(to, today)),
        written: calendar::written_span(ph.from, ph.to),
        status: status.as_str(),
        under_way: status == PhaseStatus::Current && (today - ph.from).num_days() >= UNDER_WAY_DAYS,
        days: ph.to.map(|to| calendar::days_inclusive(ph.from, to)),
    }
}

/// Without listed achievements, a progress speech reports the tasks of the
/// phases already finished.
fn achievements(progress: &profile::Progress, p: &Profile) -> Vec<FactView> {
    if !progress.achievements.is_empty() {
        return facts(&progress.achievements);
    }
    p.campaign
        .phases
        .iter()
        .filter(|ph| ph.status(progress.date) == PhaseStatus::Done)
        .flat_map(|ph| ph.tasks.iter())
        .map(|t| FactView {
            lead: None,
            text: escape::text(crate::zh::bare(t)).into_owned(),
        })
        .collect()
}

pub(super) fn person(p: &Person) -> PersonView {
    PersonView {
        name: p.name.as_deref().map(|s| escape::text(s).into_owned()),
        title: p.title.as_deref().map(|s| escape::text(s).into_owned()),
    }
}
