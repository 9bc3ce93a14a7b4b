//! The sentences of one draft, chosen from the genre data: one vocabulary
//! built from the profile, its sector, its campaign type and the era; the
//! facts that decide which sentences are true; and for every passage one
//! alternative, picked by a hash of the organisation's name, the passage
//! and `--variant`, so the same profile always gives the same bytes and two
//! organisations rarely the same sentence.
//!
//! Every value that comes from the profile is escaped for Markdown here,
//! once, as the vocabulary is built.

use chrono::NaiveDate;
use serde::Serialize;

use super::escape;
use crate::genre::cond::{self, Facts};
use crate::genre::era::Era;
use crate::genre::text::{VARS, Var};
use crate::genre::{Alt, Alts, Block, CampaignType, Common, Item, Point, Sector, Style, rules};
use crate::profile::{self, Fact, Profile};
use crate::zh::Marker;

/// A point as the template lays it out.
#[derive(Debug, Serialize)]
pub struct PointView {
    pub title: String,
    pub intro: Option<String>,
    /// `di` (第一，……) or `level2` (（一）……).
    pub style: &'static str,
    pub entries: Vec<Entry>,
}

/// One paragraph of a point: a numbered item (`n` from 1), a plain
/// paragraph, or an item around a block of facts the template lays out.
#[derive(Debug, Serialize)]
pub struct Entry {
    /// `item` or `para`.
    pub kind: &'static str,
    /// The item's number within its point, from 1; 0 for the only item.
    pub n: usize,
    pub lead: Option<String>,
    pub text: Option<String>,
    pub after: Option<String>,
    /// `standards`, `phases` or `tasks`: what the template lays out
    /// between `text` and `after`.
    pub block: Option<&'static str>,
}

impl Entry {
    /// A numbered item: its run-in lead and its paragraph.
    fn item(lead: String, text: Option<String>) -> Entry {
        Entry {
            kind: "item",
            n: 0,
            lead: Some(lead),
            text,
            after: None,
            block: None,
        }
    }

    /// A paragraph of its own, unnumbered.
    fn para(text: String) -> Entry {
        Entry {
            kind: "para",
            n: 0,
            lead: None,
            text: Some(text),
            after: None,
            block: None,
        }
    }
}

/// Profile text as a phrase inside a sentence: escaped, without its final
/// punctuation.
fn phrase(s: &str) -> String {
    escape::text(crate::zh::bare(s)).into_owned()
}

/// Profile text as a sentence of its own: escaped, ending in 。.
fn sentence(s: &str) -> String {
    format!("{}。", phrase(s))
}

/// FNV-1a, 64 bits: small, fixed, and the same on every machine and
/// release, which is what "the same profile gives the same bytes" needs.
fn fnv1a(parts: &[&str]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for part in parts {
        for b in part.bytes().chain(std::iter::once(0)) {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
    }
    h
}

/// FNV-1a's low bits hardly depend on the start of the input (the low bit
/// is a parity of all bytes), so names that end alike would choose alike;
/// SplitMix64's finaliser spreads every input bit over the whole word
/// before the result is taken modulo a handful of alternatives.
fn mix(mut z: u64) -> u64 {
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

pub struct Wording<'a> {
    seed: &'a str,
    variant: u32,
    vocab: Vec<Option<String>>,
    pub facts: Facts,
    pub sector: &'a Sector,
    pub kind: &'a CampaignType,
    pub common: &'a Common,
    profile: &'a Profile,
}

/// The milestones still ahead of `today`, split into occasions to greet
/// and targets to secure; a milestone already past is neither.
pub fn milestones(p: &Profile, today: NaiveDate) -> (Vec<String>, Vec<String>) {
    let ahead = p
        .campaign
        .milestones
        .iter()
        .filter(|m| m.date.is_none_or(|d| d > today));
    let (occasions, targets): (Vec<_>, Vec<_>) = ahead.partition(|m| rules::is_occasion(&m.name));
    let esc = |m: &profile::Milestone| escape::text(&m.name).into_owned();
    (
        occasions.into_iter().map(esc).collect(),
        targets.into_iter().map(esc).collect(),
    )
}

/// Whether a campaign of `phases` is close enough to its end on `today`
/// to be spoken of as 收尾/收官: under a month to go, or three quarters of
/// its span behind it. A meeting in June of a last phase that runs to
/// October is in the last phase, not at the end.
fn near_end(phases: &[profile::Phase], today: NaiveDate) -> bool {
    let (Some(first), Some(Some(end))) = (phases.first(), phases.last().map(|p| p.to)) else {
        return false;
    };
    let left = (end - today).num_days();
    let span = (end - first.from).num_days();
    (0..=31).contains(&left) || (left >= 0 && left * 4 <= span)
}

/// Whether half of a campaign of `phases` lies behind `today` (and its
/// end does not): only then is 时间过半 true of it.
fn half_gone(phases: &[profile::Phase], today: NaiveDate) -> bool {
    let (Some(first), Some(Some(end))) = (phases.first(), phases.last().map(|p| p.to)) else {
        return false;
    };
    let left = (end - today).num_days();
    let span = (end - first.from).num_days();
    left >= 0 && left * 2 <= span
}

/// A listed item's heading and text: its own lead, or else its first
/// clause heads the rest (so an item given as one sentence reads like
/// those given with a heading).
fn headed<'t>(lead: Option<&'t str>, text: &'t str) -> (&'t str, &'t str) {
    match lead {
        Some(lead) => (lead, text),
        None => {
            let (head, _, rest) = crate::zh::run_in(text);
            (head, rest)
        }
    }
}

/// A problem named inside a sentence: its lead, or its text with the
/// commas inside turned into 、 (针对支部活动形式单一、结合业务不够紧密的问题).
pub fn problem_name(f: &Fact) -> String {
    let s = match &f.lead {
        Some(lead) => crate::zh::bare(lead).to_owned(),
        None => crate::zh::bare(&f.text).replace('，', "、"),
    };
    escape::text(&s).into_owned()
}

impl<'a> Wording<'a> {
    /// The wording of a draft of `p` spoken or dated on `today`.
    pub fn new(
        p: &'a Profile,
        common: &'a Common,
        era: Option<&Era>,
        today: NaiveDate,
        before_me: Option<&str>,
        variant: u32,
    ) -> Wording<'a> {
        let mut w = Wording {
            seed: &p.org.name,
            variant: variant.max(1),
            vocab: vec![None; VARS.len()],
            facts: Facts::default(),
            sector: &p.org.kind,
            kind: &p.campaign.kind,
            common,
            profile: p,
        };
        w.fill(p, era, today);
        if let Some(b) = before_me {
            w.set_text("before_me", crate::zh::bare(b));
        }
        w.set_facts(p, today);
        w.fill_chosen();
        w
    }

    fn set(&mut self, name: &str, value: Option<String>) {
        if let Some(v) = Var::named(name) {
            self.vocab[v.0 as usize] = value.filter(|s| !s.is_empty());
        }
    }

    fn set_text(&mut self, name: &str, value: &str) {
        self.set(name, Some(escape::text(value).into_owned()));
    }

    /// Sets a word a document gives itself (its meeting's place, the
    /// title of an exchange speech): `value` is already escaped.
    pub fn put(&mut self, name: &str, value: Option<String>) {
        self.set(name, value);
    }

    /// Speaks of the organisation as `we` (a news item's 该院 for 我院),
    /// the sector's passages chosen again with it.
    pub fn speak_of_self_as(&mut self, we: &str) {
        self.set_text("we", we);
        self.fill_chosen();
    }

    pub fn get(&self, name: &str) -> Option<&str> {
        Var::named(name).and_then(|v| self.value(v))
    }

    /// What placeholder `v` stands for here.
    fn value(&self, v: Var) -> Option<&str> {
        self.vocab[v.0 as usize].as_deref()
    }

    /// The vocabulary drawn from the profile, its sector and the era,
    /// before any passage is chosen.
    fn fill(&mut self, p: &Profile, era: Option<&Era>, today: NaiveDate) {
        self.fill_org(p);
        self.fill_campaign(p, today);
        self.fill_plan(p);
        self.fill_time(p, era, today);
    }

    /// The organisation's names and its sector's words.
    fn fill_org(&mut self, p: &Profile) {
        let o = &p.org;
        self.set_text("org", &o.name);
        self.set_text("we", &o.short);
        self.set_text("party_org", &o.party_org);
        self.set_text("superior", &o.superior);
        self.set_text("units", &o.units);
        self.set_text("staff", &o.staff);
        self.set_text("served", &o.served);
        for (name, value) in o.kind.words.named() {
            self.set(name, Some(value.to_owned()));
        }
        // The organisation's own words (org.words) over its sector's.
        for (name, value) in &o.words {
            self.set_text(name, value);
        }
    }

    /// The campaign's names, lists and dates.
    fn fill_campaign(&mut self, p: &Profile, today: NaiveDate) {
        let c = &p.campaign;
        let (label, noun) = rules::label(&c.name, &c.kind.noun);
        self.set_text("name", &c.name);
        self.set("label", Some(escape::text(&label).into_owned()));
        self.set("noun", Some(noun));
        if !rules::says_the_same(&c.name, &c.full_name) {
            self.set_text("full_name", &c.full_name);
        }
        if let Some(d) = &c.decided_by {
            self.set_text("decider", d);
        }
        let esc = |items: &[String]| -> Vec<String> {
            items
                .iter()
                .map(|s| escape::text(crate::zh::bare(s)).into_owned())
                .collect()
        };
        // An item that holds a 顿号 itself makes the series take ；.
        self.set("goals", Some(crate::marks::series(&esc(&c.goals), false)));
        let theme = esc(&c.theme);
        let long = theme.iter().any(|t| t.chars().count() > 4);
        let theme = if long {
            theme.join("，")
        } else {
            crate::marks::series(&theme, false)
        };
        self.set("theme", Some(theme));
        let (occasions, targets) = milestones(p, today);
        self.set("occasions", Some(crate::marks::and_list(&occasions, false)));
        self.set("targets", Some(crate::marks::and_list(&targets, false)));
        let situation: Vec<String> = c
            .situation
            .iter()
            .map(|s| {
                let s = escape::text(crate::zh::bare(s)).into_owned();
                format!("{s}。")
            })
            .collect();
        self.set("situation", Some(situation.concat()));
        if let Some((from, to)) = c.span() {
            self.set("span", Some(crate::calendar::written_span(from, to)));
            self.set("start", Some(crate::calendar::cn_date(from)));
            self.set("end", to.map(crate::calendar::cn_date));
        }
        // A deadline a plan can set: the end of the first of several
        // phases, while it still lies ahead.
        if let [first, _, ..] = c.phases.as_slice()
            && let Some(to) = first.to.filter(|to| *to >= today)
        {
            self.set("first_end", Some(crate::calendar::cn_date(to)));
        }
    }

    /// The plan's office, issuer and basis.
    fn fill_plan(&mut self, p: &Profile) {
        if let Some(g) = &p.plan.leading_group
            && let Some(office) = &g.office
        {
            // A bare 办公室 is the organisation's own: 设在我院办公室.
            let office = if office == "办公室" {
                let own = if p.org.short.starts_with(['我', '全']) {
                    p.org.short.as_str()
                } else {
                    "本单位"
                };
                format!("{own}办公室")
            } else {
                office.clone()
            };
            self.set_text("office", &office);
        }
        self.set_text("issuer", &p.plan.issuer);
        if let Some(b) = &p.plan.basis {
            let mut s = String::new();
            if let Some(issuer) = &b.issuer {
                s.push_str(&escape::text(issuer));
            }
            s.push_str(&crate::marks::titled(&escape::text(&b.title)));
            if let Some(n) = &b.number {
                s.push_str(&format!("（{}）", escape::text(n)));
            }
            self.set("basis", Some(s));
        }
    }

    /// Where the campaign stands on `today`: time since the launch, the
    /// current and next phase, and the era's formulas.
    fn fill_time(&mut self, p: &Profile, era: Option<&Era>, today: NaiveDate) {
        if let Some(pr) = &p.progress {
            self.set("since", Some(since(p.meeting.date, pr.date)));
            self.set("elapsed", Some(elapsed(p.meeting.date, pr.date)));
        }
        let next = p.campaign.phases.iter().find(|ph| ph.from > today);
        self.set(
            "next_step",
            Some(
                if next.is_some() {
                    "下一阶段"
                } else {
                    "下一步"
                }
                .to_owned(),
            ),
        );
        if let Some(now) = current_phase(p, today) {
            self.set_text("phase", short(&now.name));
        }
        if let Some(next) = next {
            self.set_text("next_phase", short(&next.name));
        }
        if let Some(era) = era
            && let Some(period) = era.period(today)
        {
            self.set("guiding", Some(period.guiding.clone()));
            self.set("spirit", Some(period.spirit.clone()));
            self.set("political", Some(era.political(today)));
        }
    }

    /// The words that are themselves chosen: the salute, the leading
    /// group's name, and the sector's passages.
    fn fill_chosen(&mut self) {
        let mut salute = String::new();
        if let Some(greet) = self.pick(Some(&self.common.greet)) {
            salute.push('，');
            salute.push_str(&greet);
        }
        if let Some(secure) = self.pick(Some(&self.common.secure)) {
            salute.push('，');
            salute.push_str(&secure);
        }
        self.set("salute", Some(salute));
        // A long name makes a group no speaker names six times over:
        // “不忘初心、牢记使命”主题教育领导小组 is said 主题教育领导小组.
        let label = Var::named("label");
        let short = match (self.get("label"), self.get("noun")) {
            (Some(l), Some(n)) => Some(rules::group_label(l, n).to_owned()),
            _ => None,
        };
        // No group formed (plan.leading_group): its work is the party
        // organisation's, as the plan's no_group says.
        let group = if self.profile.plan.leading_group.is_some() {
            self.kind.group.render(|v| {
                if Some(v) == label {
                    short.as_deref()
                } else {
                    self.value(v)
                }
            })
        } else {
            self.get("party_org").map(str::to_owned)
        };
        self.set("group", group);
        let s = self.sector;
        for (name, alts) in [
            ("mission", &s.passages.mission),
            ("focus", &s.passages.focus),
            ("guidance", &s.passages.guidance),
            ("image", &s.passages.closing),
            ("praise", &s.passages.praise),
            ("push", &s.passages.push),
            ("purpose", &s.passages.purpose),
            ("aim", &s.passages.aim),
        ] {
            let chosen = self.pick(Some(alts));
            self.set(name, chosen);
        }
    }

    fn set_facts(&mut self, p: &Profile, today: NaiveDate) {
        let c = &p.campaign;
        let mut f = Facts::default();
        f.set("goals", !c.goals.is_empty());
        f.set("standards", !c.standards.is_empty());
        f.set("theme", !c.theme.is_empty());
        f.set("situation", !c.situation.is_empty());
        f.set("tasks", !c.tasks.is_empty());
        f.set("task_items", c.tasks.iter().any(|t| t.lead.is_some()));
        f.set("phases", !c.phases.is_empty());
        f.set("many_phases", c.phases.len() > 1);
        f.set(
            "open_end",
            c.phases.last().is_some_and(|ph| ph.to.is_none()),
        );
        f.set("occasions", self.get("occasions").is_some());
        f.set("targets", self.get("targets").is_some());
        f.set("before_me", self.get("before_me").is_some());
        f.set("group", p.plan.leading_group.is_some());
        f.set("office", self.get("office").is_some());
        f.set("basis", p.plan.basis.is_some());
        f.set("expands", self.get("full_name").is_some());
        let decided = c.decided_by.as_deref();
        f.set("decided", decided.is_some());
        f.set("central", decided.is_some_and(rules::is_central));
        f.set(
            "own",
            decided.is_some_and(|d| d == p.org.party_org || d == p.org.name),
        );
        let says_pledge = |s: &str| s.contains("承诺");
        let pledged = c
            .phases
            .iter()
            .flat_map(|ph| &ph.tasks)
            .any(|t| says_pledge(t))
            || c.tasks
                .iter()
                .any(|t| says_pledge(&t.text) || t.lead.as_deref().is_some_and(says_pledge))
            || p.progress.as_ref().is_some_and(|pr| {
                pr.achievements
                    .iter()
                    .chain(&pr.problems)
                    .any(|t| says_pledge(&t.text) || t.lead.as_deref().is_some_and(says_pledge))
            });
        f.set("pledges", self.kind.pledges || pledged);
        f.set("among", self.kind.mode == crate::genre::Mode::Among);
        f.set("against", self.kind.mode == crate::genre::Mode::Against);
        f.set("learning", self.kind.learning);
        f.set("enforces", self.sector.enforces);
        let names = [c.name.as_str(), c.full_name.as_str()];
        // A safety campaign's reasons speak of the unit's own people and
        // places (隐患 on its premises, its staff's drills). A 食品安全
        // drive of a unit that enforces is about the food it supervises:
        // its own sector's reasons fit that.
        let supervised = self.sector.enforces && cond::about(&names, cond::SUPERVISED_SAFETY);
        f.set(
            "safety",
            !supervised && cond::about(&names, cond::SAFETY_WORDS),
        );
        f.set("discipline", cond::about(&names, cond::DISCIPLINE_WORDS));
        f.set("political", self.get("political").is_some());
        if let Some(pr) = &p.progress {
            f.set("achievements", !pr.achievements.is_empty());
            f.set("problems", !pr.problems.is_empty());
            f.set("lessons", !pr.lessons.is_empty());
            f.set("next_steps", !pr.next_steps.is_empty());
        }
        let phases = &c.phases;
        let at = phases
            .iter()
            .position(|ph| ph.from <= today && ph.to.is_none_or(|to| today <= to));
        // A campaign of one phase has no first phase to be early in.
        f.set("first_phase", at == Some(0) && phases.len() > 1);
        f.set(
            "middle_phase",
            at.is_some_and(|i| i > 0 && i + 1 < phases.len()),
        );
        f.set(
            "last_phase",
            at.is_some_and(|i| i + 1 == phases.len() && i > 0),
        );
        f.set("has_next", phases.iter().any(|ph| ph.from > today));
        f.set("near_end", near_end(phases, today));
        f.set("half_gone", half_gone(phases, today));
        self.facts = f;
    }

    /// The alternative of `alts` this organisation takes, filled in; `None`
    /// when no alternative is true of this profile.
    pub fn pick(&self, alts: Option<&Alts>) -> Option<String> {
        self.pick_nth(alts, 0, &[])
    }

    /// Like [`Wording::pick`], for the `nth` use of the same passage in one
    /// draft (so two problems are not answered alike), with `extra` words
    /// (`problem`) for this use only.
    pub fn pick_nth(
        &self,
        alts: Option<&Alts>,
        nth: usize,
        extra: &[(&str, &str)],
    ) -> Option<String> {
        let alts = alts?;
        let value = |v: Var| -> Option<&str> {
            extra
                .iter()
                .find(|(n, _)| *n == v.name())
                .map(|(_, s)| *s)
                .or_else(|| self.value(v))
        };
        // Which alternatives fit is decided without building any text; only
        // the one chosen among them is filled.
        let at = self.choose(&alts.slot, alts.alts.len(), nth, |i| {
            self.fits(&alts.alts[i], value)
        })?;
        alts.alts[at].text.render(value)
    }

    fn fits<'v>(&self, a: &Alt, value: impl Fn(Var) -> Option<&'v str>) -> bool {
        self.facts.allow(&a.when, &a.unless) && a.text.fits(value)
    }

    /// The index of the alternative chosen among the `len` of a passage
    /// that `fit`, by the organisation's seed for the passage (`slot`), the
    /// variant and the use (`nth`).
    fn choose(
        &self,
        slot: &str,
        len: usize,
        nth: usize,
        fit: impl Fn(usize) -> bool,
    ) -> Option<usize> {
        let count = (0..len).filter(|&i| fit(i)).count();
        if count == 0 {
            return None;
        }
        let seed = mix(fnv1a(&[self.seed, slot]));
        let shift = u64::from(self.variant - 1) + nth as u64;
        let at = (seed.wrapping_add(shift) % count as u64) as usize;
        (0..len).filter(|&i| fit(i)).nth(at)
    }

    /// An item's lead and text. Written as pairs (as many leads as texts,
    /// the second lead heading the second text), they are chosen together
    /// among the pairs whose lead and text both fit: a condition on one
    /// side alone would otherwise shift the other side's choice, and a
    /// heading would stand over another heading's passage.
    ///
    /// A lead is not chosen to end as an earlier sibling's judgement did
    /// (`taken`: 要求 after …的必然要求) while another fits.
    fn lead_and_text(&self, item: &Item, taken: &[&str]) -> (Option<String>, Option<String>) {
        match (&item.lead, &item.text) {
            (Some(lead), Some(text)) if lead.alts.len() == text.alts.len() => {
                let value = |v: Var| self.value(v);
                let both =
                    |i: usize| self.fits(&lead.alts[i], value) && self.fits(&text.alts[i], value);
                let chosen = self.choose_anew(&lead.slot, &lead.alts, taken, both);
                match chosen {
                    Some(i) => (
                        lead.alts[i].text.render(value),
                        text.alts[i].text.render(value),
                    ),
                    None => (None, None),
                }
            }
            (lead, text) => (
                self.pick_lead(lead.as_ref(), taken),
                self.pick(text.as_ref()),
            ),
        }
    }

    /// The lead among `alts` that fit chosen to end otherwise than every
    /// judgement `taken`, or failing that than the last of them, or
    /// failing that as it may.
    fn choose_anew(
        &self,
        slot: &str,
        alts: &[Alt],
        taken: &[&str],
        fit: impl Fn(usize) -> bool,
    ) -> Option<usize> {
        let n = alts.len();
        let last = &taken[taken.len().saturating_sub(1)..];
        self.choose(slot, n, 0, |i| fit(i) && self.ends_anew(&alts[i], taken))
            .or_else(|| self.choose(slot, n, 0, |i| fit(i) && self.ends_anew(&alts[i], last)))
            .or_else(|| self.choose(slot, n, 0, fit))
    }

    /// Whether lead `a` ends otherwise than the judgements `taken` did.
    fn ends_anew(&self, a: &Alt, taken: &[&str]) -> bool {
        taken.is_empty()
            || a.text
                .render(|v: Var| self.value(v))
                .is_none_or(|l| rules::judgement_end(&l).is_none_or(|e| !taken.contains(&e)))
    }

    /// A lead chosen on its own, ending anew while one that does fits.
    fn pick_lead(&self, alts: Option<&Alts>, taken: &[&str]) -> Option<String> {
        let alts = alts?;
        let value = |v: Var| self.value(v);
        let fits = |i: usize| self.fits(&alts.alts[i], value);
        let at = self.choose_anew(&alts.slot, &alts.alts, taken, fits)?;
        alts.alts[at].text.render(value)
    }

    /// The campaign type's passage, or the shared one when the type has
    /// none; empty when neither fits.
    pub fn slot(&self, own: Option<&Alts>, shared: Option<&Alts>) -> String {
        self.pick(own)
            .or_else(|| self.pick(shared))
            .unwrap_or_default()
    }

    /// The points of a speech: the type's own (or the shared ones), each
    /// replaced or extended by the profile's at the same place.
    pub fn points(&self, own: &[Point], overrides: &[Option<profile::Point>]) -> Vec<PointView> {
        let count = overrides.len().max(own.len());
        (0..count)
            .map(|i| {
                let mine = own.get(i);
                let theirs = overrides.get(i).and_then(Option::as_ref);
                self.point(mine, theirs)
            })
            .collect()
    }

    fn point(&self, own: Option<&Point>, theirs: Option<&profile::Point>) -> PointView {
        let style = own.map(|p| p.style).unwrap_or_default();
        let title = theirs
            .and_then(|t| t.title.as_deref())
            .map(|t| escape::text(crate::zh::bare(t)).into_owned())
            .or_else(|| own.and_then(|p| self.pick(Some(&p.title))))
            .unwrap_or_default();
        let intro = own.and_then(|p| self.pick(p.intro.as_ref()));
        let entries = match theirs.and_then(|t| t.items.as_ref()) {
            Some(items) => items
                .iter()
                .enumerate()
                .map(|(i, it)| Entry {
                    n: if items.len() > 1 { i + 1 } else { 0 },
                    ..Entry::item(phrase(&it.lead), it.text.as_deref().map(sentence))
                })
                .collect(),
            None => own.map(|p| self.entries(&p.items)).unwrap_or_default(),
        };
        PointView {
            title,
            intro,
            style: match style {
                Style::Di => "di",
                Style::Level2 => "level2",
            },
            entries,
        }
    }

    /// A point's items as entries: conditions applied, blocks and the
    /// sector's reasons expanded, items numbered.
    pub fn entries(&self, items: &[Item]) -> Vec<Entry> {
        let mut out: Vec<Entry> = Vec::new();
        // What the judgements among the items so far end on.
        let mut ends: Vec<String> = Vec::new();
        let mut item_of = |out: &mut Vec<Entry>, it: &Item| {
            let taken: Vec<&str> = ends.iter().map(String::as_str).collect();
            let entry = self.item(it, &taken);
            if let Some(end) = entry
                .as_ref()
                .and_then(|e| e.lead.as_deref())
                .and_then(rules::judgement_end)
            {
                ends.push(end.to_owned());
            }
            out.extend(entry);
        };
        for item in items
            .iter()
            .filter(|it| self.facts.allow(&it.when, &it.unless))
        {
            if item.reasons {
                let reasons = &self.sector.passages.reasons;
                for r in reasons
                    .iter()
                    .filter(|r| self.facts.allow(&r.when, &r.unless))
                {
                    item_of(&mut out, r);
                }
                continue;
            }
            match item.block {
                Some(Block::Tasks)
                    if self.profile.campaign.tasks.iter().any(|t| t.lead.is_some()) =>
                {
                    out.extend(self.fact_items(&self.profile.campaign.tasks));
                }
                Some(Block::Tasks) if self.profile.campaign.tasks.is_empty() => {}
                Some(Block::Standards) if self.profile.campaign.standards.is_empty() => {}
                Some(Block::Phases) if self.profile.campaign.phases.is_empty() => {}
                Some(Block::NextSteps) => out.extend(self.steps(item)),
                Some(Block::Remedies) => out.extend(self.remedies()),
                _ => item_of(&mut out, item),
            }
        }
        let items = out.iter().filter(|e| e.kind == "item").count();
        for (i, e) in out.iter_mut().filter(|e| e.kind == "item").enumerate() {
            // A numbered list of one is written without its number.
            e.n = if items > 1 { i + 1 } else { 0 };
        }
        out
    }

    fn item(&self, item: &Item, taken: &[&str]) -> Option<Entry> {
        let (lead, text) = self.lead_and_text(item, taken);
        let text = text.map(|mut t| {
            if let Some(l) = &lead {
                // What is kept is the tail of `t`: cut the head in place.
                let cut = t.len() - rules::past_restated(l, &t).len();
                t.drain(..cut);
            }
            t
        });
        // An item promised text and none of it fits: leave the item out.
        if item.text.is_some() && text.is_none() && item.block.is_none() {
            return None;
        }
        if item.lead.is_some() && lead.is_none() {
            return None;
        }
        Some(Entry {
            kind: if lead.is_some() { "item" } else { "para" },
            n: 0,
            lead,
            text,
            after: self.pick(item.after.as_ref()),
            block: item.block.map(Block::name),
        })
    }

    /// Facts with leads as items of their own; a fact without one is
    /// headed by its first clause, so every item reads alike.
    pub fn fact_items(&self, facts: &[Fact]) -> Vec<Entry> {
        facts
            .iter()
            .map(|f| {
                let (lead, text) = headed(f.lead.as_deref(), &f.text);
                let text = Some(text).filter(|t| !t.is_empty());
                Entry::item(phrase(lead), text.map(sentence))
            })
            .collect()
    }

    /// The progress meeting's next steps, each an item; one that answers a
    /// listed problem says which. `item`'s text leads into steps given as
    /// bare phrases.
    fn steps(&self, item: &Item) -> Vec<Entry> {
        let Some(pr) = &self.profile.progress else {
            return Vec::new();
        };
        let progress = &self.kind.progress;
        let shared = &self.common.progress;
        // Steps that are all bare phrases, answering nothing, have no
        // paragraph to head: they are said together as one sentence after
        // a lead-in (重点抓好以下工作：一是……；二是……。), never as headings
        // alone.
        let bare = |s: &profile::Step| s.lead.is_none() && s.answers.is_none();
        if pr.next_steps.iter().all(bare) {
            let run_on = match pr.next_steps.as_slice() {
                [] => return Vec::new(),
                [one] => format!("{}。", phrase(&one.text)),
                many => {
                    many.iter()
                        .enumerate()
                        .map(|(i, s)| {
                            format!("{}{}", Marker::Yishi.render(i as u64 + 1), phrase(&s.text))
                        })
                        .collect::<Vec<_>>()
                        .join("；")
                        + "。"
                }
            };
            let intro = self.pick(item.text.as_ref()).unwrap_or_default();
            return vec![Entry::para(format!("{intro}{run_on}"))];
        }
        // Among steps with headings, a bare one is headed by its first
        // clause, so every step reads alike.
        pr.next_steps
            .iter()
            .enumerate()
            .map(|(i, s)| {
                let (lead, text) = headed(s.lead.as_deref(), &s.text);
                let answer = s.answers.and_then(|k| pr.problems.get(k)).and_then(|p| {
                    let name = problem_name(p);
                    self.pick_nth(progress.answer.as_ref(), i, &[("problem", &name)])
                        .or_else(|| self.pick_nth(shared.answer.as_ref(), i, &[("problem", &name)]))
                });
                let body = (!text.is_empty()).then(|| sentence(text));
                let text = match (answer, body) {
                    (Some(a), Some(b)) => Some(format!("{a}{b}")),
                    (Some(a), None) => Some(a),
                    (None, b) => b,
                };
                Entry::item(phrase(lead), text)
            })
            .collect()
    }

    /// A paragraph for each listed problem no next step answers.
    fn remedies(&self) -> Vec<Entry> {
        let Some(pr) = &self.profile.progress else {
            return Vec::new();
        };
        let answered: Vec<usize> = pr.next_steps.iter().filter_map(|s| s.answers).collect();
        let remedy = self
            .kind
            .progress
            .remedy
            .as_ref()
            .or(self.common.progress.remedy.as_ref());
        pr.problems
            .iter()
            .enumerate()
            .filter(|(i, _)| !answered.contains(i))
            .enumerate()
            .filter_map(|(nth, (_, p))| {
                let name = problem_name(p);
                self.pick_nth(remedy, nth, &[("problem", &name)])
                    .map(Entry::para)
            })
            .collect()
    }
}

/// The phase `today` falls in.
fn current_phase(p: &Profile, today: NaiveDate) -> Option<&profile::Phase> {
    p.campaign
        .phases
        .iter()
        .find(|ph| ph.from <= today && ph.to.is_none_or(|to| today <= to))
}

/// A phase's name without a final 阶段: “宣传发动”阶段.
pub fn short(name: &str) -> &str {
    name.strip_suffix("阶段")
        .filter(|s| !s.is_empty())
        .unwrap_or(name)
}

/// The month of `day` as a speaker on `today` names it: 今年5月.
pub fn since(day: NaiveDate, today: NaiveDate) -> String {
    use chrono::Datelike;
    let year = crate::calendar::spoken_year(day.year(), today.year());
    format!("{year}{}月", day.month())
}

/// The time from `day` to `today` in whole months as a speaker rounds it:
/// 五个多月, 八个月, 一年多, 不到一个月.
pub fn elapsed(day: NaiveDate, today: NaiveDate) -> String {
    use chrono::Datelike;
    let mut months = (today.year() - day.year()) * 12 + today.month() as i32 - day.month() as i32;
    if today.day() < day.day() {
        months -= 1;
    }
    let more = day
        .checked_add_months(chrono::Months::new(months.max(0) as u32))
        .is_some_and(|whole| whole < today);
    let more = if more { "多" } else { "" };
    // A count before a measure word says 两, not 二: 两个多月, 两年多.
    let count = |n: i32| crate::zh::count(u64::try_from(n).unwrap_or(0));
    match months {
        ..=0 => "不到一个月".to_owned(),
        1..=11 => format!("{}个{more}月", count(months)),
        _ if months % 12 == 0 && more.is_empty() => format!("{}年", count(months / 12)),
        _ => format!("{}年多", count(months / 12)),
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        crate::calendar::parse_date(s).unwrap()
    }

    #[test]
    fn the_hash_is_fixed() {
        // Changing the hash would change every draft a user has.
        assert_eq!(fnv1a(&[]), 0xcbf2_9ce4_8422_2325);
        assert_eq!(fnv1a(&["a"]), fnv1a(&["a"]));
        assert_ne!(fnv1a(&["a", "b"]), fnv1a(&["ab"]));
    }

    #[test]
    fn similar_names_choose_independently() {
        // Two counties whose names differ in two characters must not make
        // the same choice on every passage: count agreements modulo 2 and 3
        // over many passages.
        let slots: Vec<String> = (0..200).map(|i| format!("slot.{i}")).collect();
        for n in [2_u64, 3] {
            let same = slots
                .iter()
                .filter(|s| {
                    mix(fnv1a(&["中共青山县委", s])) % n == mix(fnv1a(&["中共白水县委", s])) % n
                })
                .count();
            let expected = 200 / n as usize;
            assert!(
                same < expected + 40 && same + 40 > expected,
                "mod {n}: {same} of 200 alike"
            );
        }
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

    /// A pair whose text alone carries a condition (here: a leading group,
    /// which this profile does not form) keeps its lead over its own text
    /// whichever pair the organisation draws.
    #[test]
    fn a_condition_on_one_side_of_a_pair_does_not_part_lead_from_text() {
        use crate::genre::cond::Cond;
        use crate::genre::text::Text;
        use crate::genre::{Alt, Alts, Genre, Item};
        let dir = tempfile::tempdir().unwrap();
        let genre = Genre::builtin();
        let common = genre.common().unwrap();
        let alts = |texts: &[&str], when_first: &str| Alts {
            slot: "test.item".into(),
            alts: texts
                .iter()
                .enumerate()
                .map(|(i, t)| Alt {
                    text: Text::parse(t, true).unwrap(),
                    when: Cond::named(when_first)
                        .filter(|_| i == 0)
                        .into_iter()
                        .collect(),
                    unless: Vec::new(),
                })
                .collect(),
        };
        let item = |when_lead: &str, when_text: &str| Item {
            lead: Some(alts(&["甲项", "乙项", "丙项", "丁项"], when_lead)),
            text: Some(alts(&["甲文。", "乙文。", "丙文。", "丁文。"], when_text)),
            after: None,
            block: None,
            reasons: false,
            when: Vec::new(),
            unless: Vec::new(),
        };
        let mut drawn = std::collections::BTreeSet::new();
        for n in 0..12 {
            let path = dir.path().join("p.yaml");
            let yaml = format!(
                "org: {{ name: 第{n}中学, kind: school }}\n\
                 campaign:\n  name: 某项工作\n  phases:\n\
                 \x20   - {{ name: 部署, from: 2023-03-01, to: 2023-03-31 }}\n\
                 \x20   - {{ name: 落实, from: 2023-04-01, to: 2023-10-31 }}\n\
                 meeting: {{ date: 2023-03-05 }}\n"
            );
            std::fs::write(&path, yaml).unwrap();
            let p = crate::profile::load(&path).unwrap().profile.unwrap();
            for variant in 1..=4 {
                let w = Wording::new(&p, &common, None, d("2023-03-05"), None, variant);
                for (when_lead, when_text) in [("", "group"), ("group", ""), ("", "")] {
                    let e = w.item(&item(when_lead, when_text), &[]).unwrap();
                    let (lead, text) = (e.lead.unwrap(), e.text.unwrap());
                    assert_eq!(lead.chars().next(), text.chars().next(), "{lead} / {text}");
                    if !(when_lead.is_empty() && when_text.is_empty()) {
                        assert_ne!(lead, "甲项", "a pair whose condition fails is drawn");
                    }
                    drawn.insert(lead);
                }
            }
        }
        assert_eq!(drawn.len(), 4, "every pair is drawn by some organisation");
    }

    /// A judgement that would end as one before it did is chosen again
    /// among those that end otherwise, its own text with it; when every
    /// one would, the item is kept all the same.
    #[test]
    fn a_judgement_ends_otherwise_than_those_before_it_or_is_kept() {
        use crate::genre::text::Text;
        use crate::genre::{Alt, Alts, Genre, Item};
        let dir = tempfile::tempdir().unwrap();
        let genre = Genre::builtin();
        let common = genre.common().unwrap();
        let alts = |texts: &[&str]| Alts {
            slot: "test.reason".into(),
            alts: texts
                .iter()
                .map(|t| Alt {
                    text: Text::parse(t, true).unwrap(),
                    when: Vec::new(),
                    unless: Vec::new(),
                })
                .collect(),
        };
        let item = |leads: &[&str]| Item {
            lead: Some(alts(leads)),
            text: Some(alts(&["甲文。", "乙文。", "丙文。"])),
            after: None,
            block: None,
            reasons: false,
            when: Vec::new(),
            unless: Vec::new(),
        };
        let varied = item(&[
            "甲是发展的必然要求",
            "乙是发展的内在要求",
            "丙是发展的重要途径",
        ]);
        let alike = item(&[
            "甲是发展的必然要求",
            "乙是发展的内在要求",
            "丙是发展的客观要求",
        ]);
        for n in 0..8 {
            let path = dir.path().join("p.yaml");
            let yaml = format!(
                "org: {{ name: 第{n}中学, kind: school }}\n\
                 campaign: {{ name: 某项工作 }}\nmeeting: {{ date: 2023-03-05 }}\n"
            );
            std::fs::write(&path, yaml).unwrap();
            let p = crate::profile::load(&path).unwrap().profile.unwrap();
            for variant in 1..=3 {
                let w = Wording::new(&p, &common, None, d("2023-03-05"), None, variant);
                let e = w.item(&varied, &["要求"]).unwrap();
                assert_eq!(e.lead.as_deref(), Some("丙是发展的重要途径"));
                assert_eq!(e.text.as_deref(), Some("丙文。"), "its own text");
                let e = w.item(&alike, &["要求"]).unwrap();
                assert!(e.lead.is_some_and(|l| l.ends_with("要求")), "kept");
            }
        }
    }

    #[test]
    fn the_end_is_near_in_the_last_month_or_quarter_and_half_gone_past_the_middle() {
        let phase = |from: &str, to: &str| profile::Phase {
            from: d(from),
            to: Some(d(to)),
            name: String::new(),
            tasks: Vec::new(),
        };
        let two = [
            phase("2023-03-01", "2023-03-31"),
            phase("2023-04-01", "2023-10-31"),
        ];
        // 244 days in all: the last quarter (61 days) starts on 31 August.
        for (today, near) in [
            ("2023-06-20", false),
            ("2023-08-30", false),
            ("2023-08-31", true),
            ("2023-10-15", true),
            ("2023-10-31", true),
            ("2023-11-01", false),
        ] {
            assert_eq!(near_end(&two, d(today)), near, "{today}");
        }
        // A short campaign: a month to go is the end, whatever the share.
        let short = [phase("2023-06-01", "2023-06-30")];
        assert!(near_end(&short, d("2023-06-01")));
        let open = [profile::Phase {
            from: d("2023-06-01"),
            to: None,
            name: String::new(),
            tasks: Vec::new(),
        }];
        assert!(!near_end(&open, d("2030-01-01")));
        assert!(!near_end(&[], d("2023-06-01")));
        // Half of the 244 days are behind on 1 July: 时间过半 from then on.
        for (today, half) in [
            ("2023-06-30", false),
            ("2023-07-01", true),
            ("2023-10-31", true),
            ("2023-11-01", false),
        ] {
            assert_eq!(half_gone(&two, d(today)), half, "{today}");
        }
        assert!(!half_gone(&open, d("2030-01-01")));
    }

    #[test]
    fn problems_are_named_inside_a_sentence() {
        let f = Fact {
            lead: None,
            text: "个别支部活动形式单一，结合业务工作不够紧密。".into(),
        };
        assert_eq!(
            problem_name(&f),
            "个别支部活动形式单一、结合业务工作不够紧密"
        );
        let f = Fact {
            lead: Some("思想认识不够".into()),
            text: "一些单位……".into(),
        };
        assert_eq!(problem_name(&f), "思想认识不够");
    }
}
