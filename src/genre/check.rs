//! From a genre file as written to the checked model: every text parsed,
//! every condition, block and shared item known, every problem reported
//! at its file, line and column, all at once.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;

use super::cond::{CONDS, Cond};
use super::documents::{BriefingText, ExchangeText, NoticeText, SummaryText};
use super::era::{Anniversary, Central, Congress, Era, Period, Term};
use super::model::*;
use super::raw::{
    self, Points, RawCommon, RawEra, RawItem, RawSector, RawSpeech, RawType, TextList,
};
use super::text::Text;
use crate::diagnostic::{Diagnostic, SourceText, closest};
use crate::yaml::{Located, Pos};

/// Parses `text` (the file at `path`) as `T`, with an error for every
/// unknown key ("did you mean") and for what stops the parse.
pub(crate) fn parse<T: serde::de::DeserializeOwned>(
    path: &Path,
    text: &str,
) -> (Option<T>, Vec<Diagnostic>) {
    let source = SourceText::new(text.to_owned());
    crate::diagnostic::parse_yaml(path, &source, 0, |_, near, keys| match near {
        Some(s) => format!("是否想写“{s}”？这一层可用的键：{keys}（见 docs/genre.md）"),
        None => format!("这一层可用的键：{keys}（见 docs/genre.md）"),
    })
}

/// One genre file read as `R` and checked into a `T` by `check`: the value,
/// or every problem found. The same at build time (build.rs compiles the
/// built-in files with it) and for a user's files at run time.
pub(crate) fn load<R, T>(
    path: &Path,
    text: &str,
    key: &str,
    check: impl FnOnce(Checker<'_>, R) -> (Option<T>, Vec<Diagnostic>),
) -> Result<T, Vec<Diagnostic>>
where
    R: serde::de::DeserializeOwned,
{
    let (raw, mut diagnostics) = parse::<R>(path, text);
    let Some(raw) = raw else {
        return Err(diagnostics);
    };
    let (value, more) = check(Checker::new(path, text, key), raw);
    diagnostics.extend(more);
    value.ok_or(diagnostics)
}

/// Collects the problems of one file while its parts are checked.
pub(crate) struct Checker<'a> {
    pub path: &'a Path,
    /// Shared by every diagnostic of the file, built once when the first
    /// one is reported.
    source: Option<SourceText>,
    text: &'a str,
    /// The file's name without `.yaml`: the start of every slot name.
    key: &'a str,
    pub diagnostics: Vec<Diagnostic>,
}

impl<'a> Checker<'a> {
    pub fn new(path: &'a Path, text: &'a str, key: &'a str) -> Self {
        Checker {
            path,
            source: None,
            text,
            key,
            diagnostics: Vec::new(),
        }
    }

    fn error(&mut self, pos: Pos, message: String, hint: String) {
        let source = self
            .source
            .get_or_insert_with(|| SourceText::new(self.text.to_owned()));
        self.diagnostics.push(
            Diagnostic::error(self.path, pos.line, pos.column, message)
                .with_hint(hint)
                .with_source(source),
        );
    }

    fn text_value(&mut self, s: &str, pos: Pos, in_passage: bool) -> Option<Text> {
        match Text::parse(s, in_passage) {
            Ok(t) => Some(t),
            Err(e) => {
                // A one-line value: point at the placeholder itself.
                let on_line = self
                    .text
                    .lines()
                    .nth((pos.line as usize).saturating_sub(1))
                    .is_some_and(|l| l.contains(s));
                let column = if on_line {
                    pos.column + u32::try_from(e.offset).unwrap_or(0)
                } else {
                    pos.column
                };
                self.error(Pos { column, ..pos }, e.message, e.hint);
                None
            }
        }
    }

    fn conds(&mut self, names: &[String], pos: Pos) -> Vec<Cond> {
        names
            .iter()
            .filter_map(|n| match Cond::named(n.trim()) {
                Some(c) => Some(c),
                None => {
                    let all = CONDS.iter().map(|(n, _)| *n);
                    let hint = match closest(n.trim(), all) {
                        Some(near) => format!("是否想写“{near}”？可用的条件见 docs/genre.md"),
                        None => "可用的条件见 docs/genre.md".to_owned(),
                    };
                    self.error(pos, format!("不认识的条件“{n}”"), hint);
                    None
                }
            })
            .collect()
    }

    fn cond_list(&mut self, list: Option<TextList>) -> Vec<Cond> {
        let Some(list) = list else {
            return Vec::new();
        };
        let mut out = Vec::new();
        for t in list.value {
            out.extend(self.conds(std::slice::from_ref(&t.value), t.pos));
        }
        out
    }

    /// The alternatives of one passage, named `slot` (within this file).
    pub fn alts(&mut self, raw: Option<raw::Alts>, slot: &str, in_passage: bool) -> Option<Alts> {
        let raw = raw?;
        let outer = raw.pos;
        let mut alts = Vec::new();
        for alt in raw.value.0 {
            let pos = if alt.pos.line == 0 { outer } else { alt.pos };
            let a = alt.value;
            if a.text.trim().is_empty() {
                self.error(
                    pos,
                    format!("“{slot}”有一种说法是空的"),
                    "写上这句话，或删掉这一项".to_owned(),
                );
                continue;
            }
            let when = self.conds(&a.when, pos);
            let unless = self.conds(&a.unless, pos);
            if let Some(text) = self.text_value(a.text.trim(), pos, in_passage) {
                alts.push(Alt { text, when, unless });
            }
        }
        if alts.is_empty() {
            return None;
        }
        Some(Alts {
            slot: format!("{}.{slot}", self.key).into(),
            alts,
        })
    }

    /// A required passage.
    pub fn must(&mut self, raw: raw::Alts, slot: &str, in_passage: bool) -> Alts {
        let pos = raw.pos;
        self.alts(Some(raw), slot, in_passage).unwrap_or_else(|| {
            self.error(
                pos,
                format!("“{slot}”至少要有一种说法"),
                "写上一句话".to_owned(),
            );
            Alts::default()
        })
    }

    /// One item of a point or of a sector's reasons: a shared item by
    /// name (`use`), or its own lead and text, block or the sector's
    /// reasons.
    pub fn item(
        &mut self,
        raw: Located<RawItem>,
        slot: &str,
        shared: Option<&BTreeMap<String, Item>>,
        in_passage: bool,
    ) -> Option<Item> {
        let pos = raw.pos;
        let r = raw.value;
        let when = self.cond_list(r.when);
        let unless = self.cond_list(r.unless);
        if let Some(name) = r.uses {
            return self.shared_item(&name, shared, when, unless);
        }
        let block = match r.block {
            Some(b) => Some(self.block(&b)?),
            None => None,
        };
        let reasons = match r.sector {
            Some(s) => self.sector_reasons(&s)?,
            None => false,
        };
        // One seed for the whole item: a lead and a text with as many
        // alternatives are chosen in pairs (the second lead with the second
        // text), so a writer may give each wording its own heading.
        let seed = format!("{}.{slot}", self.key);
        let paired = |a: Option<Alts>| {
            a.map(|mut a| {
                a.slot = seed.clone().into();
                a
            })
        };
        let lead = paired(self.alts(r.lead, &format!("{slot}.lead"), in_passage));
        let text = paired(self.alts(r.text, &format!("{slot}.text"), in_passage));
        let after = self.alts(r.after, &format!("{slot}.after"), in_passage);
        if lead.is_none() && text.is_none() && block.is_none() && !reasons {
            self.error(
                pos,
                "这一条什么也没写".to_owned(),
                "写上 lead 和 text，或 block、sector、use 之一".to_owned(),
            );
            return None;
        }
        Some(Item {
            lead,
            text,
            after,
            block,
            reasons,
            when,
            unless,
        })
    }

    /// `use: NAME`: common.yaml's item of that name, with this place's
    /// conditions added to its own.
    fn shared_item(
        &mut self,
        name: &Text_,
        shared: Option<&BTreeMap<String, Item>>,
        when: Vec<Cond>,
        unless: Vec<Cond>,
    ) -> Option<Item> {
        let Some(shared) = shared else {
            self.error(
                name.pos,
                "这里不能用 use".to_owned(),
                "use 只在活动类型文件里引用 common.yaml 的 items".to_owned(),
            );
            return None;
        };
        match shared.get(name.value.trim()) {
            Some(item) => {
                let mut item = item.clone();
                item.when.extend(when);
                item.unless.extend(unless);
                Some(item)
            }
            None => {
                let hint = match closest(name.value.trim(), shared.keys().map(String::as_str)) {
                    Some(near) => format!("是否想写“{near}”？"),
                    None => format!(
                        "common.yaml 的 items 里有：{}",
                        shared.keys().cloned().collect::<Vec<_>>().join("、")
                    ),
                };
                self.error(
                    name.pos,
                    format!("common.yaml 里没有共用条目“{}”", name.value),
                    hint,
                );
                None
            }
        }
    }

    /// `block: NAME`: the block of facts, or None (reported) when the name
    /// is not one.
    fn block(&mut self, b: &Text_) -> Option<Block> {
        let block = Block::parse(b.value.trim());
        if block.is_none() {
            let hint = match closest(b.value.trim(), Block::NAMES) {
                Some(near) => format!("是否想写“{near}”？可选：{}", Block::NAMES.join("、")),
                None => format!("可选：{}", Block::NAMES.join("、")),
            };
            self.error(b.pos, format!("不认识的 block“{}”", b.value), hint);
        }
        block
    }

    /// `sector: reasons`, the only sector text an item may insert: true,
    /// or None (reported) for any other name.
    fn sector_reasons(&mut self, s: &Text_) -> Option<bool> {
        if s.value.trim() == "reasons" {
            return Some(true);
        }
        self.error(
            s.pos,
            format!("不认识的 sector“{}”", s.value),
            "这里只能写 sector: reasons（插入行业文件里的理由）；其他行业文字用占位符，如 {focus}"
                .to_owned(),
        );
        None
    }

    fn items(
        &mut self,
        raw: Option<Located<Vec<Located<RawItem>>>>,
        slot: &str,
        shared: Option<&BTreeMap<String, Item>>,
    ) -> Vec<Item> {
        let Some(list) = raw else {
            return Vec::new();
        };
        list.value
            .into_iter()
            .enumerate()
            .filter_map(|(i, it)| self.item(it, &format!("{slot}.{}", i + 1), shared, false))
            .collect()
    }

    fn points(
        &mut self,
        raw: Option<Points>,
        slot: &str,
        shared: Option<&BTreeMap<String, Item>>,
    ) -> Vec<Point> {
        let Some(list) = raw else {
            return Vec::new();
        };
        let mut out = Vec::new();
        for (i, p) in list.value.into_iter().enumerate() {
            let slot = format!("{slot}.{}", i + 1);
            let r = p.value;
            let style = match r.style {
                None => Style::Level2,
                Some(s) => match s.value.trim() {
                    "di" => Style::Di,
                    "level2" => Style::Level2,
                    other => {
                        self.error(
                            s.pos,
                            format!("不认识的 style“{other}”"),
                            "可选：di（第一，……）、level2（（一）……）".to_owned(),
                        );
                        Style::Level2
                    }
                },
            };
            out.push(Point {
                title: self.must(r.title, &format!("{slot}.title"), false),
                intro: self.alts(r.intro, &format!("{slot}.intro"), false),
                style,
                items: self.items(r.items, &format!("{slot}.items"), shared),
            });
        }
        out
    }

    pub fn speech(
        &mut self,
        raw: RawSpeech,
        shared: Option<&BTreeMap<String, Item>>,
    ) -> SpeechText {
        SpeechText {
            opening: self.alts(raw.opening, "speech.opening", false),
            lead_in: self.alts(raw.lead_in, "speech.lead_in", false),
            closing: self.alts(raw.closing, "speech.closing", false),
            points: self.points(raw.points, "speech.points", shared),
        }
    }

    pub fn progress(
        &mut self,
        raw: raw::RawProgress,
        shared: Option<&BTreeMap<String, Item>>,
    ) -> ProgressText {
        let mut a = |r: Option<raw::Alts>, s: &str| self.alts(r, &format!("progress.{s}"), false);
        ProgressText {
            opening: a(raw.opening, "opening"),
            review: a(raw.review, "review"),
            no_achievements: a(raw.no_achievements, "no_achievements"),
            assessment: a(raw.assessment, "assessment"),
            lessons_intro: a(raw.lessons_intro, "lessons_intro"),
            problems_intro: a(raw.problems_intro, "problems_intro"),
            problems_after: a(raw.problems_after, "problems_after"),
            no_problems: a(raw.no_problems, "no_problems"),
            stage_after: a(raw.stage_after, "stage_after"),
            lead_in: a(raw.lead_in, "lead_in"),
            remedy: a(raw.remedy, "remedy"),
            answer: a(raw.answer, "answer"),
            after_points: a(raw.after_points, "after_points"),
            closing: a(raw.closing, "closing"),
            points: self.points(raw.points, "progress.points", shared),
        }
    }

    pub fn plan(&mut self, raw: raw::RawPlan, shared: Option<&BTreeMap<String, Item>>) -> PlanText {
        let mut a = |r: Option<raw::Alts>, s: &str| self.alts(r, &format!("plan.{s}"), false);
        let mut plan = PlanText {
            purpose: a(raw.purpose, "purpose"),
            decision: a(raw.decision, "decision"),
            guiding: a(raw.guiding, "guiding"),
            aim: a(raw.aim, "aim"),
            standards_heading: a(raw.standards_heading, "standards_heading"),
            theme_heading: a(raw.theme_heading, "theme_heading"),
            theme_note: a(raw.theme_note, "theme_note"),
            tasks_heading: a(raw.tasks_heading, "tasks_heading"),
            tasks_intro: a(raw.tasks_intro, "tasks_intro"),
            no_goals: a(raw.no_goals, "no_goals"),
            step_first: a(raw.step_first, "step_first"),
            step_middle: a(raw.step_middle, "step_middle"),
            step_last: a(raw.step_last, "step_last"),
            step_open: a(raw.step_open, "step_open"),
            step_single: a(raw.step_single, "step_single"),
            no_phases: a(raw.no_phases, "no_phases"),
            group_intro: a(raw.group_intro, "group_intro"),
            office_duty: a(raw.office_duty, "office_duty"),
            no_group: a(raw.no_group, "no_group"),
            units_duty: a(raw.units_duty, "units_duty"),
            requirements: None,
        };
        if raw.requirements.is_some() {
            plan.requirements = Some(self.items(raw.requirements, "plan.requirements", shared));
        }
        plan
    }

    fn required_text(&mut self, t: Text_, what: &str) -> String {
        let v = t.value.trim().to_owned();
        if v.is_empty() {
            self.error(t.pos, format!("“{what}”不能为空"), "填上内容".to_owned());
        }
        v
    }

    fn texts(&mut self, list: TextList, what: &str) -> Vec<String> {
        let pos = list.pos;
        let out: Vec<String> = list
            .value
            .into_iter()
            .map(|t| t.value.trim().to_owned())
            .filter(|s| !s.is_empty())
            .collect();
        if out.is_empty() {
            self.error(pos, format!("“{what}”至少要写一项"), "填上内容".to_owned());
        }
        out
    }

    fn date(&mut self, t: &Text_, what: &str) -> Option<NaiveDate> {
        let d = crate::calendar::parse_date(&t.value);
        if d.is_none() {
            self.error(
                t.pos,
                format!("“{what}”的日期“{}”无法识别", t.value.trim()),
                "日期写成 年-月-日，如 2012-11-08".to_owned(),
            );
        }
        d
    }

    pub fn sector(mut self, raw: RawSector, key: &str) -> (Option<Sector>, Vec<Diagnostic>) {
        let d = raw.defaults.value;
        let defaults = Defaults {
            short: self.required_text(d.short, "defaults.short"),
            party_org: self.required_text(d.party_org, "defaults.party_org"),
            superior: self.required_text(d.superior, "defaults.superior"),
            units: self.required_text(d.units, "defaults.units"),
            staff: self.required_text(d.staff, "defaults.staff"),
            addressees: self.texts(d.addressees, "defaults.addressees"),
            served: self.required_text(d.served, "defaults.served"),
        };
        let w = raw.words.value;
        let words = Words {
            // Empty: titles name no scope.
            scope: w.scope.value.trim().to_owned(),
            workers: self.required_text(w.workers, "words.workers"),
            work: self.required_text(w.work, "words.work"),
            front: self.required_text(w.front, "words.front"),
            posts: self.required_text(w.posts, "words.posts"),
            subunits: self.required_text(w.subunits, "words.subunits"),
            middle: self.required_text(w.middle, "words.middle"),
            branches: self.required_text(w.branches, "words.branches"),
            field: self.required_text(w.field, "words.field"),
        };
        let p = raw.passages.value;
        let reasons: Vec<Item> = p
            .reasons
            .value
            .into_iter()
            .enumerate()
            .filter_map(|(i, it)| self.item(it, &format!("passages.reasons.{}", i + 1), None, true))
            .collect();
        let passages = Passages {
            mission: self.must(p.mission, "passages.mission", true),
            reasons,
            focus: self.must(p.focus, "passages.focus", true),
            guidance: self.must(p.guidance, "passages.guidance", true),
            closing: self.must(p.closing, "passages.closing", true),
            praise: self.must(p.praise, "passages.praise", true),
            push: self.must(p.push, "passages.push", true),
            purpose: self.must(p.purpose, "passages.purpose", true),
            aim: self.must(p.aim, "passages.aim", true),
        };
        let names = self.texts(raw.names, "names");
        let starter = match raw.starter {
            Some(st) => {
                let st = st.value;
                Starter {
                    campaign: self.required_text(st.campaign, "starter.campaign"),
                    goals: self.texts(st.goals, "starter.goals"),
                    theme: self.texts(st.theme, "starter.theme"),
                    speaker: self.required_text(st.speaker, "starter.speaker"),
                    deputy: self.required_text(st.deputy, "starter.deputy"),
                }
            }
            None => Starter::default(),
        };
        let sector = Sector {
            key: key.to_owned(),
            names,
            enforces: raw.enforces.is_some_and(|e| e.value),
            defaults,
            words,
            passages,
            starter,
            kinds: match raw.kinds {
                Some(list) => self.sector_kinds(list.value),
                None => Vec::new(),
            },
            path: self.path.to_owned(),
        };
        self.finish(sector)
    }

    /// A sector's `kinds`: each names the ends it is known by, and its
    /// words only by the names a sector's words have.
    fn sector_kinds(&mut self, list: Vec<Located<raw::RawSectorKind>>) -> Vec<SectorKind> {
        let names = WORD_NAMES;
        let mut out = Vec::new();
        for (i, k) in list.into_iter().enumerate() {
            let slot = format!("kinds.{}", i + 1);
            let k = k.value;
            let d = k.defaults.map(|d| d.value).unwrap_or_default();
            let mut text = |t: Option<Text_>, what: &str| {
                t.map(|t| self.required_text(t, &format!("{slot}.defaults.{what}")))
            };
            let mut kind = SectorKind {
                short: text(d.short, "short"),
                party_org: text(d.party_org, "party_org"),
                superior: text(d.superior, "superior"),
                units: text(d.units, "units"),
                staff: text(d.staff, "staff"),
                served: text(d.served, "served"),
                ..SectorKind::default()
            };
            kind.ends = self.texts(k.ends, &format!("{slot}.ends"));
            kind.enforces = k.enforces.map(|e| e.value);
            kind.addressees = d
                .addressees
                .map(|a| self.texts(a, &format!("{slot}.defaults.addressees")));
            for (name, value) in k.words.map(|w| w.value).unwrap_or_default() {
                if names.contains(&name.as_str()) {
                    let v = self.required_text(value, &format!("{slot}.words.{name}"));
                    kind.words.push((name, v));
                } else {
                    self.error(
                        value.pos,
                        format!("“{slot}.words”里没有“{name}”这个说法"),
                        format!("可写：{}", names.join("、")),
                    );
                }
            }
            if let Some(p) = k.passages {
                kind.passages = self.kind_passages(p.value, &slot);
            }
            out.push(kind);
        }
        out
    }

    /// A sector kind's own passages, checked as the sector's are.
    fn kind_passages(&mut self, p: raw::RawKindPassages, slot: &str) -> KindPassages {
        let mut alts = |a: Option<raw::Alts>, name: &str| {
            let at = format!("{slot}.passages.{name}");
            a.map(|a| self.must(a, &at, true))
        };
        let mut out = KindPassages {
            mission: alts(p.mission, "mission"),
            focus: alts(p.focus, "focus"),
            guidance: alts(p.guidance, "guidance"),
            closing: alts(p.closing, "closing"),
            praise: alts(p.praise, "praise"),
            push: alts(p.push, "push"),
            purpose: alts(p.purpose, "purpose"),
            aim: alts(p.aim, "aim"),
            ..KindPassages::default()
        };
        out.reasons = p.reasons.map(|list| {
            list.value
                .into_iter()
                .enumerate()
                .filter_map(|(i, it)| {
                    let at = format!("{slot}.passages.reasons.{}", i + 1);
                    self.item(it, &at, None, true)
                })
                .collect()
        });
        out
    }

    pub fn campaign_type(
        mut self,
        raw: RawType,
        key: &str,
        common: &Common,
    ) -> (Option<CampaignType>, Vec<Diagnostic>) {
        let mode = match raw.mode.value.trim() {
            "among" => Mode::Among,
            "against" => Mode::Against,
            other => {
                self.error(
                    raw.mode.pos,
                    format!("不认识的 mode“{other}”"),
                    "可选：among（在本单位人员中开展）、against（针对对象开展，如打击整治）"
                        .to_owned(),
                );
                Mode::Among
            }
        };
        let group = self
            .text_value(raw.group.value.trim(), raw.group.pos, false)
            .unwrap_or_default();
        let shared = Some(&*common.items);
        let speech = self.speech(raw.speech.value, shared);
        if speech.points.is_empty() {
            self.error(
                raw.speech.pos,
                "speech 没有 points".to_owned(),
                "动员讲话至少要有一点意见：写上 points".to_owned(),
            );
        }
        let progress = self.progress(raw.progress.value, shared);
        if progress.points.is_empty() {
            self.error(
                raw.progress.pos,
                "progress 没有 points".to_owned(),
                "推进会讲话至少要有一点意见：写上 points".to_owned(),
            );
        }
        let plan = match raw.plan {
            Some(p) => self.plan(p.value, shared),
            None => PlanText::default(),
        };
        let kind = CampaignType {
            key: key.to_owned(),
            names: self.texts(raw.names, "names"),
            infer: raw
                .infer
                .value
                .into_iter()
                .map(|t| t.value.trim().to_owned())
                .filter(|s| !s.is_empty())
                .collect(),
            noun: self.required_text(raw.noun, "noun"),
            mode,
            learning: raw.learning.is_some_and(|l| l.value),
            pledges: raw.pledges.value,
            group,
            speech: Part::new(speech),
            progress: Part::new(progress),
            plan: Part::new(plan),
            notice: Part::new(self.section(raw.notice, NoticeText::check)),
            briefing: Part::new(self.section(raw.briefing, BriefingText::check)),
            exchange: Part::new(self.section(raw.exchange, ExchangeText::check)),
            summary: Part::new(self.section(raw.summary, SummaryText::check)),
            path: self.path.to_owned(),
        };
        self.finish(kind)
    }

    /// How to answer who spoke before, named `slot` in the file.
    pub fn responses(&mut self, list: Vec<Located<raw::RawResponse>>, slot: &str) -> Vec<Response> {
        list.into_iter()
            .enumerate()
            .filter_map(|(i, r)| {
                let r = r.value;
                let words = match r.words {
                    Some(w) => self.texts(w, &format!("{slot}.words")),
                    None => Vec::new(),
                };
                let say = self.alts(Some(r.say), &format!("{slot}.{}", i + 1), false)?;
                Some(Response { words, say })
            })
            .collect()
    }

    pub fn common(mut self, raw: RawCommon) -> (Option<Common>, Vec<Diagnostic>) {
        let responses = self.responses(raw.responses.value, "responses");
        let salute = raw.salute.value;
        let greet = self.must(salute.greet, "salute.greet", false);
        let secure = self.must(salute.secure, "salute.secure", false);
        let mut items = BTreeMap::new();
        if let Some(list) = raw.items {
            for (name, it) in list.value {
                if let Some(item) = self.item(it, &format!("items.{name}"), None, false) {
                    items.insert(name, item);
                }
            }
        }
        let speech = self.speech(raw.speech.value, Some(&items));
        let progress = self.progress(raw.progress.value, Some(&items));
        let plan = self.plan(raw.plan.value, Some(&items));
        let common = Common {
            responses,
            greet,
            secure,
            items: Part::new(items),
            speech: Part::new(speech),
            progress: Part::new(progress),
            plan: Part::new(plan),
            notice: Part::new(self.section(raw.notice, NoticeText::check)),
            briefing: Part::new(self.section(raw.briefing, BriefingText::check)),
            exchange: Part::new(self.section(raw.exchange, ExchangeText::check)),
            summary: Part::new(self.section(raw.summary, SummaryText::check)),
            kinds: self.own_kinds(raw.kinds.map(|k| k.value).unwrap_or_default()),
        };
        self.finish(common)
    }

    /// common.yaml's `kinds`: how each kind of organisation speaks of
    /// itself. A kind with no 全… form could not name its own scope.
    fn own_kinds(&mut self, list: Vec<Located<raw::RawOwnKind>>) -> Vec<OwnKind> {
        list.into_iter()
            .enumerate()
            .map(|(i, k)| {
                let slot = format!("kinds.{}", i + 1);
                let k = k.value;
                OwnKind {
                    kind: self.required_text(k.kind, &format!("{slot}.kind")),
                    ends: self.texts(k.ends, &format!("{slot}.ends")),
                    we: self.required_text(k.we, &format!("{slot}.we")),
                    all: self.texts(k.all, &format!("{slot}.all")),
                    party_org: self.required_text(k.party_org, &format!("{slot}.party_org")),
                    organ: k
                        .organ
                        .map(|o| self.required_text(o, &format!("{slot}.organ"))),
                }
            })
            .collect()
    }

    pub fn era(mut self, raw: RawEra) -> (Option<Era>, Vec<Diagnostic>) {
        let until = self.date(&raw.until, "until");
        let congresses = self.dated(
            raw.congresses.value,
            "opened",
            |c| &c.opened,
            |c, opened| Congress {
                opened,
                name: c.name.value.trim().to_owned(),
            },
        );
        let periods = self.periods(raw.periods.value);
        let terms = self.dated(
            raw.terms.value,
            "from",
            |t| &t.from,
            |t, from| Term {
                from,
                text: t.text.value.trim().to_owned(),
            },
        );
        let campaigns = self.campaigns(raw.campaigns.value);
        let anniversaries = self.dated(
            raw.anniversaries.value,
            "date",
            |a| &a.date,
            |a, date| Anniversary {
                date,
                names: a
                    .name
                    .value
                    .split(['、', '/'])
                    .map(|s| s.trim().to_owned())
                    .filter(|s| !s.is_empty())
                    .collect(),
            },
        );
        if periods.is_empty() {
            self.error(
                raw.periods.pos,
                "periods 至少要有一行".to_owned(),
                "写上指导思想的表述和起始日期".to_owned(),
            );
        }
        let era = until.map(|until| Era {
            until,
            congresses,
            periods,
            terms,
            campaigns,
            anniversaries,
        });
        match era {
            Some(era) => self.finish(era),
            None => (None, self.diagnostics),
        }
    }

    /// The rows of one of the era's tables whose date (under `key`) reads,
    /// each made by `make`; a bad date is reported and its row left out,
    /// so the rest of the file is still checked.
    fn dated<R, T>(
        &mut self,
        raw: Vec<Located<R>>,
        key: &str,
        date: impl for<'r> Fn(&'r R) -> &'r Text_,
        make: impl Fn(R, NaiveDate) -> T,
    ) -> Vec<T> {
        raw.into_iter()
            .filter_map(|r| {
                let r = r.value;
                let day = self.date(date(&r), key)?;
                Some(make(r, day))
            })
            .collect()
    }

    /// The 指导思想 periods, which must come in date order (the era looks
    /// up the last one begun).
    fn periods(&mut self, raw: Vec<Located<raw::RawPeriod>>) -> Vec<Period> {
        let mut periods: Vec<Period> = Vec::new();
        for p in raw {
            let pos = p.pos;
            let p = p.value;
            let Some(from) = self.date(&p.from, "from") else {
                continue;
            };
            if periods.last().is_some_and(|last| last.from >= from) {
                self.error(
                    pos,
                    "periods 要按日期先后排列".to_owned(),
                    "把这一行移到正确的位置".to_owned(),
                );
            }
            periods.push(Period {
                from,
                guiding: p.guiding.value.trim().to_owned(),
                spirit: p.spirit.value.trim().to_owned(),
            });
        }
        periods
    }

    fn campaigns(&mut self, raw: Vec<Located<raw::RawCentral>>) -> Vec<Central> {
        raw.into_iter()
            .filter_map(|c| {
                let c = c.value;
                let to = match &c.to {
                    Some(t) => Some(self.date(t, "to")?),
                    None => None,
                };
                let names = self.texts(c.names, "names");
                Some(Central {
                    from: self.date(&c.from, "from")?,
                    to,
                    plain: names.iter().map(|n| super::era::plain_name(n)).collect(),
                    names,
                    decided_by: c.decided_by.value.trim().to_owned(),
                    kind: c.kind.value.trim().to_owned(),
                    requirement: c.requirement.map(|r| r.value.trim().to_owned()),
                })
            })
            .collect()
    }

    /// A section of a new document's passages (genre/documents.rs), empty
    /// when the file leaves it out.
    fn section<R, T: Default>(
        &mut self,
        raw: Option<Located<R>>,
        check: impl FnOnce(&mut Self, R) -> T,
    ) -> T {
        raw.map(|r| check(self, r.value)).unwrap_or_default()
    }

    fn finish<T>(self, value: T) -> (Option<T>, Vec<Diagnostic>) {
        if crate::diagnostic::has_errors(&self.diagnostics) {
            (None, self.diagnostics)
        } else {
            (Some(value), self.diagnostics)
        }
    }
}

type Text_ = raw::Text;

/// Where a genre file is shown as coming from in messages.
pub(crate) fn shown(rel: &str, dir: Option<&Path>) -> PathBuf {
    match dir {
        Some(d) => d.join("genre").join(rel),
        None => PathBuf::from("genre").join(rel),
    }
}
