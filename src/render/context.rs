//! What a template sees: the profile flattened into plain values, with the
//! phrases that depend on the calendar worked out once, here.

use chrono::{Datelike, NaiveDate};
use serde::Serialize;

use super::Doc;
use crate::calendar;
use crate::profile::{self, Person, Profile};
use crate::zh;

/// Endings that already say what kind of undertaking a campaign is, so its
/// label takes no 活动: 百日攻坚行动, not 百日攻坚行动活动.
const SELF_NAMED: [&str; 5] = ["活动", "行动", "工程", "攻坚战", "运动"];

/// How many points each genre's template writes before the profile adds any:
/// why, what, how for a mobilisation speech; and likewise for the others.
pub const DEFAULT_POINTS: usize = 3;

#[derive(Serialize)]
pub struct View<'a> {
    pub doc: &'static str,
    pub org: OrgView<'a>,
    pub campaign: CampaignView<'a>,
    pub meeting: MeetingView<'a>,
    /// The points to render: the template's, each replaced or extended by
    /// the profile's at the same position.
    pub points: Vec<PointView<'a>>,
    pub plan: PlanView<'a>,
    pub progress: Option<ProgressView<'a>>,
}

#[derive(Serialize)]
pub struct OrgView<'a> {
    pub name: &'a str,
    pub short: &'a str,
    pub kind: &'static str,
    pub party_org: &'a str,
    pub superior: &'a str,
    pub units: &'a str,
    pub staff: &'a str,
    pub addressees: &'a [String],
}

#[derive(Serialize)]
pub struct CampaignView<'a> {
    pub name: &'a str,
    /// What running text calls the campaign: 平安交通创建活动, but
    /// 百日攻坚行动 as it stands.
    pub label: String,
    pub full_name: &'a str,
    pub goals: &'a [String],
    pub theme: &'a [String],
    pub standards: Vec<StandardView<'a>>,
    pub milestones: &'a [String],
    /// Milestones the campaign greets (迎接建党90周年, 北京奥运会).
    pub occasions: Vec<&'a str>,
    /// Milestones the work secures (为全年安全生产目标提供保障).
    pub targets: Vec<&'a str>,
    pub phases: Vec<PhaseView<'a>>,
    /// The whole campaign as a plan writes it: 2010年5月—2011年12月.
    pub span_written: Option<String>,
    /// First and last day, for sentences like 从……开始到……结束.
    pub start: Option<String>,
    pub end: Option<String>,
}

#[derive(Serialize)]
pub struct StandardView<'a> {
    pub label: &'a str,
    pub of: Option<&'a str>,
    pub items: &'a [String],
}

#[derive(Serialize)]
pub struct PhaseView<'a> {
    pub name: &'a str,
    /// The name without a final 阶段, for “宣传发动”阶段.
    pub short: &'a str,
    pub from_iso: String,
    pub to_iso: Option<String>,
    pub from: String,
    pub to: Option<String>,
    pub tasks: &'a [String],
    /// Relative to the document's meeting: 从现在起到6月底.
    pub spoken: String,
    /// As a plan prints it: 2011年3—4月.
    pub written: String,
    /// `done`, `current` or `ahead`, seen from the document's meeting.
    pub status: &'static str,
    pub days: Option<i64>,
}

#[derive(Serialize)]
pub struct MeetingView<'a> {
    pub date: String,
    pub date_iso: String,
    pub speaker: PersonView<'a>,
    pub before_me: Option<&'a str>,
}

#[derive(Serialize)]
pub struct PersonView<'a> {
    pub name: Option<&'a str>,
    pub title: Option<&'a str>,
}

#[derive(Serialize)]
pub struct PointView<'a> {
    pub title: Option<&'a str>,
    pub items: Option<Vec<ItemView<'a>>>,
}

#[derive(Serialize)]
pub struct ItemView<'a> {
    pub lead: &'a str,
    pub text: Option<&'a str>,
}

#[derive(Serialize)]
pub struct PlanView<'a> {
    pub issuer: &'a str,
    pub date: String,
    pub basis: Option<DocumentView<'a>>,
    pub leading_group: Option<LeadingGroupView<'a>>,
}

#[derive(Serialize)]
pub struct DocumentView<'a> {
    pub issuer: Option<&'a str>,
    pub title: &'a str,
    pub number: Option<&'a str>,
}

#[derive(Serialize)]
pub struct LeadingGroupView<'a> {
    pub leader: PersonView<'a>,
    pub deputies: Vec<PersonView<'a>>,
    pub members: &'a [String],
    pub office: Option<&'a str>,
    pub office_head: Option<PersonView<'a>>,
}

#[derive(Serialize)]
pub struct ProgressView<'a> {
    pub date: String,
    pub date_iso: String,
    pub speaker: PersonView<'a>,
    pub before_me: Option<&'a str>,
    pub achievements: Vec<&'a str>,
    pub problems: &'a [String],
    /// When the campaign was launched, as the progress speaker says it:
    /// 今年5月, 去年11月.
    pub since: String,
    /// How long ago that was: 五个多月, 一年多, 不到一个月.
    pub elapsed: String,
    /// The first phase that starts after the progress meeting, if any:
    /// without one the speech speaks of 下一步, not 下一阶段.
    pub next_phase: Option<&'a str>,
}

/// Builds what the template of `doc` sees.
pub fn build<'a>(profile: &'a Profile, doc: Doc) -> View<'a> {
    let p = profile;
    // Each document speaks from its own day: a progress speech says
    // "从现在起" about the phase its meeting falls in.
    let today = match (doc, &p.progress) {
        (Doc::Progress, Some(progress)) => progress.date,
        _ => p.meeting.date,
    };
    let overrides = match (doc, &p.progress) {
        (Doc::Progress, Some(progress)) => &progress.points,
        _ => &p.points,
    };
    let phases: Vec<PhaseView> = p
        .campaign
        .phases
        .iter()
        .map(|ph| phase(ph, today))
        .collect();
    View {
        doc: doc.name(),
        org: OrgView {
            name: &p.org.name,
            short: &p.org.short,
            kind: p.org.kind.name(),
            party_org: &p.org.party_org,
            superior: &p.org.superior,
            units: &p.org.units,
            staff: &p.org.staff,
            addressees: &p.org.addressees,
        },
        campaign: CampaignView {
            name: &p.campaign.name,
            full_name: &p.campaign.full_name,
            goals: &p.campaign.goals,
            theme: &p.campaign.theme,
            standards: p
                .campaign
                .standards
                .iter()
                .map(|s| StandardView {
                    label: &s.label,
                    of: s.of.as_deref(),
                    items: &s.items,
                })
                .collect(),
            label: label(&p.campaign.name),
            milestones: &p.campaign.milestones,
            occasions: p
                .campaign
                .milestones
                .iter()
                .map(String::as_str)
                .filter(|m| is_occasion(m))
                .collect(),
            targets: p
                .campaign
                .milestones
                .iter()
                .map(String::as_str)
                .filter(|m| !is_occasion(m))
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
            phases,
        },
        meeting: MeetingView {
            date: calendar::cn_date(p.meeting.date),
            date_iso: p.meeting.date.to_string(),
            speaker: person(&p.meeting.speaker),
            before_me: p.meeting.before_me.as_deref(),
        },
        points: points(overrides),
        plan: PlanView {
            issuer: &p.plan.issuer,
            date: calendar::cn_date(p.plan.date),
            basis: p.plan.basis.as_ref().map(|b| DocumentView {
                issuer: b.issuer.as_deref(),
                title: &b.title,
                number: b.number.as_deref(),
            }),
            leading_group: p.plan.leading_group.as_ref().map(|g| LeadingGroupView {
                leader: person(&g.leader),
                deputies: g.deputies.iter().map(person).collect(),
                members: &g.members,
                office: g.office.as_deref(),
                office_head: g.office_head.as_ref().map(person),
            }),
        },
        progress: p.progress.as_ref().map(|pr| ProgressView {
            date: calendar::cn_date(pr.date),
            date_iso: pr.date.to_string(),
            speaker: person(&pr.speaker),
            before_me: pr.before_me.as_deref(),
            achievements: achievements(pr, p),
            problems: &pr.problems,
            since: since(p.meeting.date, pr.date),
            elapsed: elapsed(p.meeting.date, pr.date),
            next_phase: p
                .campaign
                .phases
                .iter()
                .find(|ph| ph.from > pr.date)
                .map(|ph| ph.name.as_str()),
        }),
    }
}

/// The campaign as running text names it: its name, with 活动 added unless
/// the name already ends in a word for the undertaking.
fn label(name: &str) -> String {
    if SELF_NAMED.iter().any(|end| name.ends_with(end)) {
        name.to_owned()
    } else {
        format!("{name}活动")
    }
}

/// Whether a milestone is an occasion to greet (建党90周年, 党的十八大,
/// 北京奥运会) rather than a target to secure (全年安全生产目标).
fn is_occasion(m: &str) -> bool {
    m.contains("周年") || m.starts_with("党的") || m.ends_with('会')
}

fn phase(ph: &profile::Phase, today: NaiveDate) -> PhaseView<'_> {
    let status = match ph.to {
        Some(to) if to < today => "done",
        _ if ph.from > today => "ahead",
        _ => "current",
    };
    PhaseView {
        name: &ph.name,
        short: ph
            .name
            .strip_suffix("阶段")
            .filter(|s| !s.is_empty())
            .unwrap_or(&ph.name),
        from_iso: ph.from.to_string(),
        to_iso: ph.to.map(|d| d.to_string()),
        from: calendar::cn_date(ph.from),
        to: ph.to.map(calendar::cn_date),
        tasks: &ph.tasks,
        spoken: calendar::spoken_span(ph.from, ph.to, today),
        written: calendar::written_span(ph.from, ph.to),
        status,
        days: ph.to.map(|to| calendar::days_inclusive(ph.from, to)),
    }
}

/// Without listed achievements, a progress speech reports the tasks of the
/// phases already finished.
fn achievements<'a>(progress: &'a profile::Progress, p: &'a Profile) -> Vec<&'a str> {
    if !progress.achievements.is_empty() {
        return progress.achievements.iter().map(String::as_str).collect();
    }
    p.campaign
        .phases
        .iter()
        .filter(|ph| ph.to.is_some_and(|to| to < progress.date))
        .flat_map(|ph| ph.tasks.iter().map(String::as_str))
        .collect()
}

/// The month of `day` as a speaker on `today` names it: 今年5月.
fn since(day: NaiveDate, today: NaiveDate) -> String {
    let year = calendar::spoken_year(day.year(), today.year());
    format!("{year}{}月", day.month())
}

/// The time from `day` to `today` in whole months as a speaker rounds it:
/// 五个多月, 八个月, 一年多, 不到一个月.
fn elapsed(day: NaiveDate, today: NaiveDate) -> String {
    let mut months = (today.year() - day.year()) * 12 + today.month() as i32 - day.month() as i32;
    if today.day() < day.day() {
        months -= 1;
    }
    let more = day
        .checked_add_months(chrono::Months::new(months.max(0) as u32))
        .is_some_and(|whole| whole < today);
    let more = if more { "多" } else { "" };
    // A count before a measure word says 两, not 二: 两个多月, 两年多.
    let count = |n: i32| zh::count(u64::try_from(n).unwrap_or(0));
    match months {
        ..=0 => "不到一个月".to_owned(),
        1..=11 => format!("{}个{more}月", count(months)),
        _ if months % 12 == 0 && more.is_empty() => format!("{}年", count(months / 12)),
        _ => format!("{}年多", count(months / 12)),
    }
}

fn person(p: &Person) -> PersonView<'_> {
    PersonView {
        name: p.name.as_deref(),
        title: p.title.as_deref(),
    }
}

fn points(overrides: &[Option<profile::Point>]) -> Vec<PointView<'_>> {
    let count = overrides.len().max(DEFAULT_POINTS);
    (0..count)
        .map(|i| match overrides.get(i).and_then(Option::as_ref) {
            Some(point) => PointView {
                title: point.title.as_deref(),
                items: point.items.as_ref().map(|items| {
                    items
                        .iter()
                        .map(|it| ItemView {
                            lead: &it.lead,
                            text: it.text.as_deref(),
                        })
                        .collect()
                }),
            },
            None => PointView {
                title: None,
                items: None,
            },
        })
        .collect()
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        crate::calendar::parse_date(s).unwrap()
    }

    #[test]
    fn a_label_says_活动_once() {
        assert_eq!(label("平安交通创建"), "平安交通创建活动");
        assert_eq!(label("食品安全百日攻坚行动"), "食品安全百日攻坚行动");
        assert_eq!(label("创先争优活动"), "创先争优活动");
        assert_eq!(label("民心工程"), "民心工程");
    }

    #[test]
    fn milestones_split_into_occasions_and_targets() {
        assert!(is_occasion("建党90周年"));
        assert!(is_occasion("党的十八大"));
        assert!(is_occasion("北京奥运会"));
        assert!(!is_occasion("全年安全生产目标"));
    }

    #[test]
    fn the_launch_as_the_progress_speaker_names_it() {
        assert_eq!(since(d("2010-05-20"), d("2010-11-10")), "今年5月");
        assert_eq!(since(d("2010-11-20"), d("2011-03-10")), "去年11月");
        assert_eq!(since(d("2009-11-20"), d("2011-03-10")), "2009年11月");
    }

    #[test]
    fn elapsed_time_rounded_as_spoken() {
        let cases = [
            ("2010-05-20", "2010-11-10", "五个多月"),
            ("2010-05-20", "2010-11-20", "六个月"),
            ("2010-05-20", "2010-11-21", "六个多月"),
            ("2010-05-20", "2010-06-10", "不到一个月"),
            ("2010-05-20", "2011-05-20", "一年"),
            ("2010-05-20", "2011-07-01", "一年多"),
            ("2010-01-31", "2010-02-28", "不到一个月"),
            ("2010-04-28", "2012-05-01", "两年多"),
            ("2010-04-28", "2010-07-01", "两个多月"),
            ("2010-05-20", "2012-05-20", "两年"),
            ("2010-05-20", "2013-05-20", "三年"),
            ("2010-05-20", "2013-05-21", "三年多"),
        ];
        for (from, to, want) in cases {
            assert_eq!(elapsed(d(from), d(to)), want, "{from}..{to}");
        }
    }
}
