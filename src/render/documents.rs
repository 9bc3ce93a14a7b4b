//! What the templates of the documents around the mobilisation see: the
//! meeting's notice, the news items of the mobilisation and the progress
//! meeting, a unit's exchange speech and the closing speech. The words
//! each document adds to the vocabulary (its meeting's place, day and
//! speaker; the exchange's title; the milestones passed by the closing
//! meeting), its passages, and its facts, escaped and flattened.
//!
//! A news item is in the third person: the organisation is 该院 where the
//! speech says 我院, and what the meeting said is told from the points its
//! speech actually made ([`gist`]).

use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde::Serialize;

use super::Doc;
use super::context::{FactView, PersonView, facts, person, slots};
use super::escape;
use super::wording::{self, Entry, PointView, Wording};
use crate::calendar;
use crate::genre::documents::{BriefingText, ExchangeText, NoticeText, SummaryText};
use crate::genre::{Alts, rules};
use crate::profile::{Fact, Person, Profile};

#[derive(Serialize)]
pub struct NoticeView {
    /// 发文字号, its year in 〔〕.
    pub number: Option<String>,
    pub issuer: String,
    /// The notice's own date: 2010年5月17日.
    pub date: String,
    /// The meeting's date and weekday: 2010年5月20日, 星期四.
    pub meeting_date: String,
    pub weekday: &'static str,
    pub time: Option<String>,
    pub place: String,
    pub attendees: Vec<String>,
    /// 有关要求: the profile's, else the genre's; a requirement without a
    /// lead is a one-sentence heading of its own.
    pub requirements: Vec<FactView>,
    pub contact: Option<ContactView>,
}

#[derive(Serialize)]
pub struct ContactView {
    pub name: String,
    pub phone: Option<String>,
}

/// A news item of a meeting.
#[derive(Serialize)]
pub struct BriefingView {
    /// The meeting's day as news gives it: 5月20日.
    pub day: String,
    pub place: Option<String>,
    pub attendees: Vec<String>,
    pub speaker: PersonView,
    /// What the meeting said, a paragraph per point of its speech.
    pub gist: Vec<Gist>,
    /// The progress meeting's review: each achievement as one clause.
    pub achievements: Vec<String>,
    /// The problems it named, as phrases.
    pub problems: Vec<String>,
}

/// One point of a speech as a news item retells it: 会议指出，开展…，是…，
/// 也是…; or 会议强调，要…。一是…；二是…
#[derive(Serialize)]
pub struct Gist {
    /// 会议指出, 会议强调, 会议要求 (genre data).
    pub intro: String,
    /// Who is required to act (the units), for the last point.
    pub who: Option<String>,
    /// The point's heading as a clause; empty when it could not be told.
    pub title: String,
    /// Leads of the form “开展…是…” sharing their subject: the subject,
    /// and what each says it is.
    pub subject: Option<String>,
    pub predicates: Vec<String>,
    /// Statements that share no subject, said one after another.
    pub statements: Vec<String>,
    /// The point's run-in leads: 一是…；二是…
    pub leads: Vec<String>,
}

#[derive(Serialize)]
pub struct ExchangeView {
    pub occasion: String,
    pub date: String,
    pub speaker: PersonView,
    pub title: String,
    pub practices: Vec<FactView>,
    pub results: Vec<FactView>,
    pub next_steps: Vec<FactView>,
}

#[derive(Serialize)]
pub struct SummaryView {
    pub date: String,
    pub speaker: PersonView,
    pub achievements: Vec<FactView>,
    pub lessons: Vec<FactView>,
    pub commended: Vec<FactView>,
    pub problems: Vec<FactView>,
    /// How the results become 长效机制: the profile's next steps, then the
    /// campaign type's measures, numbered as one list.
    pub mechanisms: Vec<Entry>,
    /// For each phase, how its review opens (这一阶段，各党支部……) and
    /// what is said of a phase without tasks: each phase its own wording.
    pub phase_leads: Vec<String>,
    pub phase_nones: Vec<String>,
}

/// The words `doc` adds to the vocabulary, and the facts it decides,
/// before any of its passages is chosen.
pub fn prepare(w: &mut Wording, p: &Profile, doc: Doc, today: NaiveDate) {
    let esc = |s: &str| escape::text(s).into_owned();
    let series = |items: &[String]| {
        let items: Vec<String> = items.iter().map(|s| esc(crate::zh::bare(s))).collect();
        (!items.is_empty()).then(|| crate::marks::series(&items, false))
    };
    match doc {
        Doc::Notice => {
            w.put("place", p.meeting.place.as_deref().map(esc));
            w.put("attendees", series(&p.meeting.attendees));
            w.put("speaker", spoken_of(&p.meeting.speaker, true));
        }
        Doc::Briefing | Doc::ProgressBriefing => {
            let (place, attendees, speaker) = match (doc, &p.progress) {
                (Doc::ProgressBriefing, Some(pr)) => (&pr.place, &pr.attendees, &pr.speaker),
                _ => (&p.meeting.place, &p.meeting.attendees, &p.meeting.speaker),
            };
            if let Some(they) = third_person(&p.org.short) {
                w.speak_of_self_as(&they);
            }
            let own = |s: &str| esc(&in_third_person(s, &p.org.short));
            w.put("place", place.as_deref().map(own));
            w.put(
                "attendees",
                series(attendees).map(|s| in_third_person(&s, &p.org.short)),
            );
            w.put("speaker", spoken_of(speaker, false));
            w.facts.set("speaker", w.get("speaker").is_some());
            let said = w.get("before_me").map(|b| in_third_person(b, &p.org.short));
            w.put("before_me", said);
            w.put("day", Some(news_day(today)));
        }
        Doc::Exchange => {
            if let Some(x) = &p.exchange {
                w.put("title", Some(esc(crate::zh::bare(&x.title))));
                w.put("occasion", Some(esc(crate::zh::bare(&x.occasion))));
            }
            w.put("since", Some(wording::since(p.meeting.date, today)));
            w.put("elapsed", Some(wording::elapsed(p.meeting.date, today)));
        }
        Doc::Summary => {
            let yardsticks: Vec<String> = p
                .campaign
                .standards
                .iter()
                .map(|s| {
                    let label = crate::marks::quoted(&esc(&s.label));
                    match &s.of {
                        Some(of) => format!("{}{label}", esc(of)),
                        None => label,
                    }
                })
                .collect();
            w.put(
                "yardstick",
                (!yardsticks.is_empty()).then(|| yardsticks.join("、")),
            );
            w.put("since", Some(wording::since(p.meeting.date, today)));
            w.put("elapsed", Some(wording::elapsed(p.meeting.date, today)));
            let passed = passed(p, today);
            w.put(
                "passed",
                (!passed.is_empty()).then(|| crate::marks::and_list(&passed, false)),
            );
            w.put(
                "held",
                p.progress.as_ref().map(|pr| wording::since(pr.date, today)),
            );
            if let Some(s) = &p.summary {
                let honours: Vec<String> = s.commended.iter().map(honour).collect();
                w.facts.set("commended", !honours.is_empty());
                w.put(
                    "commended",
                    (!honours.is_empty()).then(|| crate::marks::and_list(&honours, false)),
                );
                w.put("speaker", spoken_of(&s.speaker, false));
            }
        }
        _ => {}
    }
    let ended = p
        .campaign
        .span()
        .and_then(|(_, end)| end)
        .is_some_and(|end| end < today);
    w.facts.set("ended", ended);
}

/// The passages of `doc`, chosen for this organisation: every slot of its
/// section, the campaign type's where it has one.
pub fn text(w: &Wording, doc: Doc) -> BTreeMap<&'static str, String> {
    let (kind, common) = (w.kind, w.common);
    let pairs = match doc {
        Doc::Notice => NoticeText::pairs(&kind.notice, &common.notice),
        Doc::Briefing | Doc::ProgressBriefing => {
            BriefingText::pairs(&kind.briefing, &common.briefing)
        }
        Doc::Exchange => ExchangeText::pairs(&kind.exchange, &common.exchange),
        Doc::Summary => SummaryText::pairs(&kind.summary, &common.summary),
        _ => Vec::new(),
    };
    let mut t = slots(w, &pairs);
    if doc == Doc::Summary {
        t.insert("response", summary_response(w));
    }
    t
}

/// How the closing speaker answers who spoke before: the summary's own
/// answers (a commendation read out), then the shared ones.
fn summary_response(w: &Wording) -> String {
    let said = w.get("before_me").unwrap_or_default();
    if said.is_empty() {
        return String::new();
    }
    let own = &w.kind.summary.responses;
    let shared = &w.common.summary.responses;
    let common = &w.common.responses;
    let fits = rules::response_for(said, own, |r| &r.words)
        .or_else(|| rules::response_for(said, shared, |r| &r.words))
        .or_else(|| rules::response_for(said, common, |r| &r.words))
        .or_else(|| common.iter().find(|r| r.words.is_empty()));
    fits.and_then(|r| w.pick(Some(&r.say))).unwrap_or_default()
}

pub fn notice(w: &Wording, p: &Profile) -> NoticeView {
    let esc = |s: &str| escape::text(s).into_owned();
    let n = &p.notice;
    let requirements = if n.requirements.is_empty() {
        let items = w
            .kind
            .notice
            .requirements
            .as_ref()
            .or(w.common.notice.requirements.as_ref());
        items
            .map(|i| w.entries(i))
            .unwrap_or_default()
            .into_iter()
            .map(|e| match (e.lead, e.text) {
                (Some(lead), text) => FactView {
                    lead: Some(crate::zh::bare(&lead).to_owned()),
                    text: text
                        .map(|t| crate::zh::bare(&t).to_owned())
                        .unwrap_or_default(),
                },
                (None, text) => FactView {
                    lead: None,
                    text: crate::zh::bare(&text.unwrap_or_default()).to_owned(),
                },
            })
            .filter(|f| f.lead.is_some() || !f.text.is_empty())
            .collect()
    } else {
        facts(&n.requirements)
    };
    NoticeView {
        number: n.number.as_deref().map(esc),
        issuer: esc(&n.issuer),
        date: calendar::cn_date(n.date),
        meeting_date: calendar::cn_date(p.meeting.date),
        weekday: calendar::weekday(p.meeting.date),
        time: p.meeting.time.as_deref().map(esc),
        place: p.meeting.place.as_deref().map(esc).unwrap_or_default(),
        attendees: p
            .meeting
            .attendees
            .iter()
            .map(|a| esc(crate::zh::bare(a)))
            .collect(),
        requirements,
        contact: n.contact.as_ref().map(|c| ContactView {
            name: esc(&c.name),
            phone: c.phone.as_deref().map(esc),
        }),
    }
}

/// The news item of `doc`'s meeting, told from `points`, the points its
/// speech made.
pub fn briefing(w: &Wording, p: &Profile, doc: Doc, points: &[PointView]) -> BriefingView {
    let (own, shared) = (&*w.kind.briefing, &*w.common.briefing);
    let progress = p.progress.as_ref().filter(|_| doc == Doc::ProgressBriefing);
    let intros = Intros {
        w,
        pointed: own.pointed.as_ref().or(shared.pointed.as_ref()),
        stressed: own.stressed.as_ref().or(shared.stressed.as_ref()),
        required: own.required.as_ref().or(shared.required.as_ref()),
        // The progress item's 会议指出 is taken by its problems.
        point_first: progress.is_none(),
    };
    let units = w.get("units").map(str::to_owned);
    let (day, place, attendees, speaker) = match progress {
        Some(pr) => (pr.date, &pr.place, &pr.attendees, &pr.speaker),
        None => (
            p.meeting.date,
            &p.meeting.place,
            &p.meeting.attendees,
            &p.meeting.speaker,
        ),
    };
    let third = |s: &str| escape::text(&in_third_person(s, &p.org.short)).into_owned();
    BriefingView {
        day: news_day(day),
        place: place.as_deref().map(third),
        attendees: attendees
            .iter()
            .map(|a| third(crate::zh::bare(a)))
            .collect(),
        speaker: person(speaker),
        gist: gist(points, &intros, units),
        achievements: progress
            .map(|pr| {
                pr.achievements
                    .iter()
                    .map(|f| match &f.lead {
                        Some(lead) if !f.text.is_empty() => format!(
                            "{}，{}",
                            third(crate::zh::bare(lead)),
                            third(crate::zh::bare(&f.text))
                        ),
                        Some(lead) => third(crate::zh::bare(lead)),
                        None => third(crate::zh::bare(&f.text)),
                    })
                    .collect()
            })
            .unwrap_or_default(),
        problems: progress
            .map(|pr| {
                pr.problems
                    .iter()
                    .map(|f| in_third_person(&wording::problem_name(f), &p.org.short))
                    .collect()
            })
            .unwrap_or_default(),
    }
}

pub fn exchange(p: &Profile) -> Option<ExchangeView> {
    let x = p.exchange.as_ref()?;
    let esc = |s: &str| escape::text(s).into_owned();
    Some(ExchangeView {
        occasion: esc(crate::zh::bare(&x.occasion)),
        date: calendar::cn_date(x.date),
        speaker: person(&x.speaker),
        title: esc(crate::zh::bare(&x.title)),
        practices: facts(&x.practices),
        results: facts(&x.results),
        next_steps: facts(&x.next_steps),
    })
}

pub fn summary(w: &Wording, p: &Profile) -> Option<SummaryView> {
    let s = p.summary.as_ref()?;
    let items = w
        .kind
        .summary
        .mechanisms
        .as_ref()
        .or(w.common.summary.mechanisms.as_ref());
    let mut mechanisms = w.fact_items(&s.next_steps);
    mechanisms.extend(items.map(|i| w.entries(i)).unwrap_or_default());
    let count = mechanisms.iter().filter(|e| e.kind == "item").count();
    for (i, e) in mechanisms
        .iter_mut()
        .filter(|e| e.kind == "item")
        .enumerate()
    {
        e.n = if count > 1 { i + 1 } else { 0 };
    }
    let (own, shared) = (&*w.kind.summary, &*w.common.summary);
    let each = |own: &Option<Alts>, shared: &Option<Alts>| -> Vec<String> {
        (0..p.campaign.phases.len())
            .map(|i| {
                w.pick_nth(own.as_ref(), i, &[])
                    .or_else(|| w.pick_nth(shared.as_ref(), i, &[]))
                    .unwrap_or_default()
            })
            .collect()
    };
    Some(SummaryView {
        phase_leads: each(&own.phase_lead, &shared.phase_lead),
        phase_nones: each(&own.phase_none, &shared.phase_none),
        date: calendar::cn_date(s.date),
        speaker: person(&s.speaker),
        achievements: facts(&s.achievements),
        lessons: facts(&s.lessons),
        commended: facts(&s.commended),
        problems: facts(&s.problems),
        mechanisms,
    })
}

/// The words that open each paragraph of a news item's account.
struct Intros<'a> {
    w: &'a Wording<'a>,
    pointed: Option<&'a Alts>,
    stressed: Option<&'a Alts>,
    required: Option<&'a Alts>,
    /// Whether the first point is what the meeting 指出 (the mobilisation:
    /// its first point says why); otherwise every point but the last is
    /// what it 强调.
    point_first: bool,
}

impl Intros<'_> {
    /// The opening words of point `i` of `n`; the same passage used twice
    /// in one item takes its next wording.
    fn of(&self, i: usize, n: usize) -> String {
        let (alts, nth) = if n > 1 && i + 1 == n {
            (self.required, 0)
        } else if i == 0 && self.point_first && n > 1 {
            (self.pointed, 0)
        } else {
            let first_stressed = usize::from(self.point_first && n > 1);
            (self.stressed, i - first_stressed.min(i))
        };
        self.w.pick_nth(alts, nth, &[]).unwrap_or_default()
    }
}

/// What a meeting said, point by point, as a news item retells a speech:
/// the first point's reasons folded into one sentence (开展…，是…，也是…),
/// the others as their heading and their leads (一是…；二是…). A heading or
/// a lead in the first person is left out: a news item speaks of the
/// organisation, never as it.
fn gist(points: &[PointView], intros: &Intros<'_>, units: Option<String>) -> Vec<Gist> {
    let told: Vec<&PointView> = points.iter().filter(|pt| !pt.title.is_empty()).collect();
    let n = told.len();
    told.iter()
        .enumerate()
        .map(|(i, pt)| {
            let title = clause(&pt.title).unwrap_or_default();
            let mut leads: Vec<String> = Vec::new();
            for lead in pt
                .entries
                .iter()
                .filter(|e| e.kind == "item")
                .filter_map(|e| e.lead.as_deref())
                .filter_map(clause)
            {
                let lead = lead.strip_prefix('要').unwrap_or(&lead).to_owned();
                if !leads.contains(&lead) {
                    leads.push(lead);
                }
            }
            let (subject, predicates) = match pt.style {
                "di" => shared_subject(&leads),
                _ => (None, Vec::new()),
            };
            let statements = if pt.style == "di" && subject.is_none() {
                std::mem::take(&mut leads)
            } else {
                Vec::new()
            };
            if subject.is_some() {
                leads.clear();
            }
            Gist {
                intro: intros.of(i, n),
                who: (n > 1 && i + 1 == n).then(|| units.clone()).flatten(),
                title,
                subject,
                predicates,
                statements,
                leads,
            }
        })
        .filter(|g| !g.title.is_empty() || g.subject.is_some() || !g.statements.is_empty())
        .collect()
}

/// A heading or lead as a clause of running text: no final punctuation,
/// no Markdown emphasis; `None` when it speaks in the first person.
fn clause(s: &str) -> Option<String> {
    let s = crate::zh::bare(s.trim()).trim_matches('*');
    let first_person = s.contains('我') || s.contains("同志们") || s.contains("咱们");
    (!s.is_empty() && !first_person).then(|| s.to_owned())
}

/// Leads that all say “X是Y” of the same X: X and each Y.
fn shared_subject(leads: &[String]) -> (Option<String>, Vec<String>) {
    let split: Vec<(&str, &str)> = leads.iter().filter_map(|l| l.split_once('是')).collect();
    let same = split.len() == leads.len()
        && !split.is_empty()
        && split.iter().all(|(x, _)| *x == split[0].0 && !x.is_empty());
    if !same {
        return (None, Vec::new());
    }
    let subject = split[0].0.to_owned();
    (
        Some(subject),
        split.into_iter().map(|(_, y)| y.to_owned()).collect(),
    )
}

/// The day of a meeting as a news item gives it: 5月20日.
fn news_day(d: NaiveDate) -> String {
    use chrono::Datelike;
    format!("{}月{}日", d.month(), d.day())
}

/// A person as the documents name them, title first: 院党委书记张建华; in a
/// notice with 同志 after a name.
fn spoken_of(p: &Person, comrade: bool) -> Option<String> {
    let esc = |s: &str| escape::text(s).into_owned();
    let name = p.name.as_deref().map(esc);
    let title = p.title.as_deref().map(esc);
    let name = name.map(|n| if comrade { format!("{n}同志") } else { n });
    match (title, name) {
        (Some(t), Some(n)) => Some(format!("{t}{n}")),
        (t, n) => t.or(n),
    }
}

/// How a news item names the organisation where its speech says “we”:
/// 该院 for 我院, 该局 for 我局, 该单位 for 本单位; a `short` that is no
/// first person (全县) needs nothing.
fn third_person(short: &str) -> Option<String> {
    short
        .strip_prefix('我')
        .or_else(|| short.strip_prefix('本'))
        .filter(|rest| !rest.is_empty() && !rest.starts_with('们'))
        .map(|rest| format!("该{rest}"))
}

/// `s` with the organisation's “we” turned into the third person.
fn in_third_person(s: &str, short: &str) -> String {
    match third_person(short) {
        Some(they) if !short.is_empty() => s.replace(short, &they),
        _ => s.to_owned(),
    }
}

/// The honours conferred as the speech lists them: the lead (5个先进基层
/// 党组织), or the sentence itself.
fn honour(f: &Fact) -> String {
    let s = f.lead.as_deref().unwrap_or(&f.text);
    escape::text(crate::zh::bare(s)).into_owned()
}

/// The milestones the campaign greeted that lie between its launch and
/// `today`: a closing speech speaks of them as passed.
fn passed(p: &Profile, today: NaiveDate) -> Vec<String> {
    p.campaign
        .milestones
        .iter()
        .filter(|m| rules::is_occasion(&m.name))
        .filter(|m| m.date.is_some_and(|d| d > p.meeting.date && d <= today))
        .map(|m| escape::text(&m.name).into_owned())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_news_item_never_says_we() {
        assert_eq!(third_person("我院").as_deref(), Some("该院"));
        assert_eq!(third_person("我局").as_deref(), Some("该局"));
        assert_eq!(third_person("全县"), None);
        assert_eq!(third_person("我们"), None);
        assert_eq!(third_person("本单位").as_deref(), Some("该单位"));
        assert_eq!(
            in_third_person("院长宣读了我院的实施方案", "我院"),
            "院长宣读了该院的实施方案"
        );
    }

    #[test]
    fn reasons_with_one_subject_fold_into_one_sentence() {
        let leads = vec![
            "开展活动是甲的需要".to_owned(),
            "开展活动是乙的举措".to_owned(),
        ];
        let (subject, predicates) = shared_subject(&leads);
        assert_eq!(subject.as_deref(), Some("开展活动"));
        assert_eq!(predicates, ["甲的需要", "乙的举措"]);
        let mixed = vec!["开展活动是甲".to_owned(), "形势严峻".to_owned()];
        assert_eq!(shared_subject(&mixed).0, None);
    }

    #[test]
    fn first_person_headings_are_not_retold() {
        assert_eq!(clause("我们要抓好落实。"), None);
        assert_eq!(clause("*明确目标*").as_deref(), Some("明确目标"));
    }
}
