//! The parts of a profile the genre data decides: the sector `org.kind`
//! names, the campaign type (given or inferred), who decided the campaign,
//! the milestones' dates, and whether the meeting's date is still inside
//! the era table.

use std::sync::Arc;

use super::super::model::*;
use super::super::raw::{RawMilestone, RawWords, Text};
use super::Resolver;
use crate::calendar::cn_date;
use crate::calendar::parse_date;
use crate::genre::era::Central;
use crate::genre::{self, CampaignType, Defaults, OwnKind, Sector, SectorKind, WORD_NAMES};
use crate::yaml::Located;
use crate::yaml::Pos;
use chrono::NaiveDate;

impl Resolver<'_> {
    /// The sector `org.kind` names (a key or a Chinese name), checked
    /// against the registry; the generic sector when it is left out.
    pub(super) fn sector(&mut self, kind: Option<Text>) -> Option<Arc<Sector>> {
        let key = match &kind {
            None => genre::DEFAULT_SECTOR.to_owned(),
            Some(k) => match self.genre.sector_key(&k.value) {
                Some(key) => key.to_owned(),
                None => {
                    let hint = self.kind_hint(&k.value);
                    self.error(
                        k.pos,
                        format!("不认识的单位类型“{}”", k.value.trim()),
                        &hint,
                    );
                    genre::DEFAULT_SECTOR.to_owned()
                }
            },
        };
        match self.genre.sector(&key) {
            Ok(sector) => Some(sector),
            Err(problems) => {
                self.diagnostics.extend(problems);
                None
            }
        }
    }

    /// `org.words`: each word given, blank ones reported. Which names exist
    /// the schema says (an unknown one is an error with the nearest name).
    pub(super) fn words(&mut self, raw: Option<Located<RawWords>>) -> Vec<(&'static str, String)> {
        let Some(raw) = raw else {
            return Vec::new();
        };
        let mut out = Vec::new();
        for (name, text) in raw.value.given() {
            let value = text.value.trim();
            if value.is_empty() {
                self.error(
                    text.pos,
                    format!("“org.words.{name}”不能为空"),
                    "写上本单位的说法，或删掉这一行，用行业的说法",
                );
            } else {
                out.push((name, value.to_owned()));
            }
        }
        out
    }

    fn kind_hint(&self, written: &str) -> String {
        let all: Vec<String> = self
            .genre
            .sector_names()
            .into_iter()
            .map(|(key, names)| match names.is_empty() {
                true => key.to_owned(),
                false => format!("{key}（{}）", names.join("、")),
            })
            .collect();
        match self.genre.closest_sector(written) {
            Some(near) => format!("是否想写“{near}”？可选：{}", all.join("；")),
            None => format!(
                "可选：{}。也可以在 --templates 文件夹的 genre/sectors/ 里自己加一个行业",
                all.join("；")
            ),
        }
    }

    /// The campaign type: `campaign.type` when given, else what the era
    /// table (`central`, the campaign as the table knows it) or a word in
    /// the name says, else the general type.
    pub(super) fn campaign_type(
        &mut self,
        given: Option<Text>,
        name: &str,
        central: Option<&Central>,
    ) -> Option<(Arc<CampaignType>, TypeSource)> {
        let (key, from) = match &given {
            Some(t) => match self.genre.type_key(&t.value) {
                Some(key) => (key.to_owned(), TypeSource::Given),
                None => {
                    let all: Vec<String> = self
                        .genre
                        .type_names()
                        .into_iter()
                        .map(|(_, names)| names.join("、"))
                        .collect();
                    let hint = match self.genre.closest_type(&t.value) {
                        Some(near) => format!("是否想写“{near}”？可选：{}", all.join("；")),
                        None => format!("可选：{}", all.join("；")),
                    };
                    self.error(
                        t.pos,
                        format!("不认识的活动类型“{}”", t.value.trim()),
                        &hint,
                    );
                    (genre::DEFAULT_TYPE.to_owned(), TypeSource::Default)
                }
            },
            None => self.inferred_type(name, central),
        };
        match self.genre.campaign_type(&key) {
            Ok(kind) => Some((kind, from)),
            Err(problems) => {
                self.diagnostics.extend(problems);
                None
            }
        }
    }

    fn inferred_type(&self, name: &str, central: Option<&Central>) -> (String, TypeSource) {
        if let Some(central) = central
            && self.genre.type_key(&central.kind).is_some()
        {
            let known = central.names.first().cloned().unwrap_or_default();
            return (central.kind.clone(), TypeSource::Central(known));
        }
        match self.genre.infer_type(name) {
            Some((key, word)) => (key.to_owned(), TypeSource::Word(word)),
            None => (genre::DEFAULT_TYPE.to_owned(), TypeSource::Default),
        }
    }

    /// Who decided the campaign: `campaign.decided_by`, or the era table
    /// for a central campaign. Nobody is guessed.
    pub(super) fn decided_by(
        &mut self,
        given: Option<Text>,
        central: Option<&Central>,
    ) -> (Option<String>, bool) {
        if let Some(t) = given {
            let v = t.value.trim().to_owned();
            if !v.is_empty() {
                return (Some(v), false);
            }
        }
        match central {
            Some(c) => (Some(c.decided_by.clone()), true),
            None => (None, false),
        }
    }

    /// The 总要求 or theme: the profile's items, except that a central
    /// campaign's official 总要求 keeps its own punctuation (守初心、担使命，
    /// 找差距、抓落实, one item) when the items are its phrases, and stands
    /// in when the profile gives none and the campaign keeps the table's type.
    pub(super) fn theme(
        &self,
        items: Vec<String>,
        kind: &CampaignType,
        central: Option<&Central>,
    ) -> Vec<String> {
        let Some(central) = central else {
            return items;
        };
        let official = match central.requirement.as_deref() {
            Some(r) if items.is_empty() && central.kind == kind.key => Some(r),
            _ => central.requirement_in(&items),
        };
        match official {
            Some(r) => vec![r.to_owned()],
            None => items,
        }
    }

    /// The milestones with their dates: given, or worked out from the era
    /// table (建党N周年, 新中国成立N周年, 党的十八大).
    pub(super) fn milestones(
        &mut self,
        raw: Option<Located<Vec<Located<RawMilestone>>>>,
    ) -> Vec<Milestone> {
        let Some(list) = raw else {
            return Vec::new();
        };
        let era = self.genre.era().ok();
        let mut out = Vec::new();
        for m in list.value {
            let pos = m.pos;
            let name = m.value.name.trim().to_owned();
            if name.is_empty() {
                continue;
            }
            let date = match m.value.date.as_deref() {
                Some(d) => match parse_date(d) {
                    Some(date) => Some(date),
                    None => {
                        self.error(
                            pos,
                            format!("节点“{name}”的日期“{}”无法识别或不存在", d.trim()),
                            "日期写成 年-月-日，如 2011-07-01",
                        );
                        None
                    }
                },
                None => era.as_ref().and_then(|e| e.milestone_date(&name)),
            };
            out.push(Milestone { name, date });
        }
        out
    }

    /// A meeting after the last day the era table is known to hold for:
    /// the last row is used, and `check` says so.
    pub(super) fn era_check(&mut self, meeting: &Meeting) {
        let Ok(era) = self.genre.era() else {
            return;
        };
        if era.is_past(meeting.date) {
            self.warn(
                self.root,
                format!(
                    "会议日期 {} 晚于 bigan 时代表所覆盖的时间（到 {}）",
                    meeting.date, era.until
                ),
                "指导思想等表述按时代表最后一行写出，请核对是否仍然适用；可在 --templates 文件夹的 genre/era.yaml 里补充新的一行",
            );
        }
    }
}

/// The day the 2023 reform of party and state institutions was published
/// (《党和国家机构改革方案》, 2023-03-16): from it, 中央文明委's functions
/// are 中央宣传思想文化工作领导小组's (docs/genre.md).
const CIVILISATION_REFORM: (i32, u32, u32) = (2023, 3, 16);

impl Resolver<'_> {
    /// A 全国文明城市 drive said to be decided by a 文明委 after the 2023
    /// reform names a body that no longer names the cities: `check` says
    /// what to write instead.
    pub(super) fn decider_check(&mut self, c: &Campaign, meeting: &Meeting, at: Pos) {
        let Some(decider) = c.decided_by.as_deref() else {
            return;
        };
        let (y, m, d) = CIVILISATION_REFORM;
        let reformed = NaiveDate::from_ymd_opt(y, m, d).is_some_and(|r| meeting.date >= r);
        let city = [&c.name, &c.full_name]
            .iter()
            .any(|n| n.contains("文明城市"));
        let committee = ["文明委", "文明办"].iter().any(|w| decider.contains(w));
        if reformed && city && committee {
            self.warn(
                at,
                format!(
                    "campaign.decided_by 写的是“{decider}”：2023年党和国家机构改革后，中央文明委的职能划入中央宣传思想文化工作领导小组，{}的会议不宜再说由“{decider}”决策",
                    cn_date(meeting.date)
                ),
                "写决定创建的本市党委、政府，如 decided_by: 某某市委、市政府（docs/genre.md 说明了全国文明城市由谁命名）",
            );
        }
    }
}

/// The sector's defaults, spoken of the organisation's own kind.
///
/// A sector's defaults name its place by one character after 全 (全镇,
/// 全县); a one-character place among the sector's names (乡 and 乡党委 in
/// township, 区委 in county) that `org.kind` or the end of `org.name` says
/// (中共石门乡委员会, 东城区委) takes its place: 全乡, 乡党委, 乡直各单位.
/// The sector's words that name the place follow, as the organisation's
/// own words: 全县 → 全区, 县域 → 区域.
///
/// Else the organisation's own kind, told by the end of its name or by
/// `org.kind` (common.yaml `kinds`: 公路管理段 is a 段), takes the place of
/// the kind the sector's defaults speak of (a traffic sector's 局): 我局,
/// 局党委, 局机关, 全局 and 全系统 become 我段, 段党委, 段机关, 全段. Last,
/// what the sector's file says of that kind of organisation (its
/// `kinds`: a 社区's superior, a 段's 道班) stands over both.
pub(super) fn place_defaults(
    sector: &Sector,
    own_kinds: &[OwnKind],
    kind: Option<&str>,
    name: Option<&str>,
) -> (Defaults, Vec<(&'static str, String)>) {
    let (mut d, mut words) = match own_place(sector, kind, name) {
        Some(own) => swapped_place(sector, own),
        None => own_kind_defaults(sector, own_kinds, kind, name),
    };
    if let Some(k) = sector_kind(sector, kind, name) {
        let set = |slot: &mut String, v: &Option<String>| {
            if let Some(v) = v {
                slot.clone_from(v);
            }
        };
        set(&mut d.short, &k.short);
        set(&mut d.party_org, &k.party_org);
        set(&mut d.superior, &k.superior);
        set(&mut d.units, &k.units);
        set(&mut d.staff, &k.staff);
        set(&mut d.served, &k.served);
        if let Some(a) = &k.addressees {
            d.addressees.clone_from(a);
        }
        for (n, v) in &k.words {
            let Some(n) = WORD_NAMES.iter().find(|w| **w == n.as_str()) else {
                continue;
            };
            words.retain(|(w, _)| w != n);
            words.push((n, v.clone()));
        }
    }
    (d, words)
}

/// An organisation whose party body is one 党支部 (a 中心 among hospitals,
/// whose sector is written for a 院党委 over many branches) has no
/// 各党支部 under it: the defaults that name its branches as its units or
/// addressees name its departments instead (the `subunits` word), and what
/// the sector tells its branches (`branches`) it tells that 党支部.
pub(super) fn one_branch(
    d: &mut Defaults,
    words: &mut Vec<(&'static str, String)>,
    sector: &Sector,
    party_org: &str,
) {
    let word = |name: &str| {
        words
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, v)| v.clone())
            .or_else(|| {
                let named = sector.words.named();
                named
                    .iter()
                    .find(|(n, _)| *n == name)
                    .map(|(_, v)| (*v).to_owned())
            })
            .unwrap_or_default()
    };
    let many = |s: &str| s.contains("各党支部");
    let subunits = word("subunits");
    if subunits.is_empty() || many(&subunits) {
        return;
    }
    if many(&d.units) {
        d.units.clone_from(&subunits);
    }
    if d.addressees.iter().any(|a| many(a)) {
        d.addressees.retain(|a| !many(a));
        if d.addressees.is_empty() {
            d.addressees.push(subunits);
        }
    }
    if many(&word("branches")) {
        words.retain(|(n, _)| *n != "branches");
        words.push(("branches", party_org.to_owned()));
    }
}

/// The sector as the organisation's own kind has it where its `kinds`
/// entry says otherwise than the sector: enforcing the law on others or
/// not (a 客运站's speech has no 执法 sentences of the traffic sector's),
/// and with its own passages (a 疾控中心's none of a hospital's 患者).
pub(super) fn own_sector(
    sector: Arc<Sector>,
    kind: Option<&str>,
    name: Option<&str>,
) -> Arc<Sector> {
    let Some(k) = sector_kind(&sector, kind, name) else {
        return sector;
    };
    let enforces = k.enforces.unwrap_or(sector.enforces);
    if enforces == sector.enforces && k.passages.is_empty() {
        return sector;
    }
    Arc::new(Sector {
        enforces,
        passages: k.passages.over(&sector.passages),
        ..(*sector).clone()
    })
}

/// The defaults with the sector's one-character place `own` in place of
/// the one they speak of.
fn swapped_place(sector: &Sector, own: char) -> (Defaults, Vec<(&'static str, String)>) {
    let d = &sector.defaults;
    let Some(place) = one_char(d.short.strip_prefix('全').unwrap_or("")) else {
        return (d.clone(), Vec::new());
    };
    let swap = |s: &str| swap_place(s, place, own);
    spoken(sector, swap(&d.short), swap)
}

/// The defaults spoken as the organisation's own kind says, when that is
/// another than the sector's (see [`place_defaults`]). A sector whose
/// defaults name no kind (本单位) takes only the organisation's 我….
fn own_kind_defaults(
    sector: &Sector,
    own_kinds: &[OwnKind],
    kind: Option<&str>,
    name: Option<&str>,
) -> (Defaults, Vec<(&'static str, String)>) {
    let d = &sector.defaults;
    let own = name
        .and_then(|n| kind_by_end(own_kinds, n, |k| &k.ends))
        .or_else(|| kind.and_then(|k| kind_by_end(own_kinds, k, |k| &k.ends)));
    let said = own_kinds
        .iter()
        .find(|k| k.we == d.short || k.all.contains(&d.short));
    let (own, said) = match (own, said) {
        (Some(own), Some(said)) if own.kind != said.kind => (own, said),
        (Some(own), None) => {
            let mut d = d.clone();
            d.short.clone_from(&own.we);
            return (d, Vec::new());
        }
        _ => return (d.clone(), Vec::new()),
    };
    let short = match &d.short {
        s if *s == said.we => own.we.clone(),
        _ => own.all.first().cloned().unwrap_or_else(|| own.we.clone()),
    };
    spoken(sector, short, |s| swap_kind(s, d, said, own))
}

/// The sector's defaults with `short`, and `swap` made of the others that
/// name the organisation (`superior` and `served` do not), with the
/// sector's words it changes.
fn spoken(
    sector: &Sector,
    short: String,
    swap: impl Fn(&str) -> String,
) -> (Defaults, Vec<(&'static str, String)>) {
    let d = &sector.defaults;
    let words = sector
        .words
        .named()
        .into_iter()
        .filter_map(|(n, v)| {
            let to = swap(v);
            (to != v).then_some((n, to))
        })
        .collect();
    let defaults = Defaults {
        short,
        party_org: swap(&d.party_org),
        units: swap(&d.units),
        staff: swap(&d.staff),
        addressees: d.addressees.iter().map(|a| swap(a)).collect(),
        superior: d.superior.clone(),
        served: d.served.clone(),
    };
    (defaults, words)
}

/// `s` of kind `said` spoken as kind `own`: the sector's party
/// organisation, the 机关 (left out where `own` has none: 局机关各科室 →
/// 各科室), the 全… and 我… forms, the kind before 各 (公司各部门 → 厂各部门)
/// and a bare kind heading the staff.
fn swap_kind(s: &str, d: &Defaults, said: &OwnKind, own: &OwnKind) -> String {
    let mut out = s.to_owned();
    if d.party_org.starts_with(said.kind.as_str()) {
        out = out.replace(&d.party_org, &own.party_org);
    }
    out = out.replace(&said.party_org, &own.party_org);
    if let Some(organ) = &said.organ {
        out = out.replace(organ, own.organ.as_deref().unwrap_or(""));
    }
    let mut all: Vec<&String> = said.all.iter().collect();
    all.sort_by_key(|a| std::cmp::Reverse(a.chars().count()));
    for a in all {
        if let Some(to) = own.all.first() {
            out = out.replace(a.as_str(), to);
        }
    }
    if said.we.starts_with('我') && own.we.starts_with('我') {
        out = out.replace(&said.we, &own.we);
    }
    out = out.replace(&format!("{}各", said.kind), &format!("{}各", own.kind));
    // A kind that says "we" by its bare name (公司) heads its staff so too:
    // 公司广大干部职工 → 全厂广大干部职工.
    match (
        said.we == said.kind,
        out.strip_prefix(said.kind.as_str()),
        own.all.first(),
    ) {
        (true, Some(rest), Some(all)) if !rest.starts_with('党') => format!("{all}{rest}"),
        _ => out,
    }
}

/// The entry whose longest end closes `name` (without the body after a
/// place: 中共临江社区委员会 → 临江社区).
fn kind_by_end<'k, K>(
    kinds: &'k [K],
    name: &str,
    ends: impl Fn(&K) -> &Vec<String>,
) -> Option<&'k K> {
    let name = without_body(name.trim());
    kinds
        .iter()
        .filter_map(|k| {
            let end = ends(k)
                .iter()
                .filter(|e| name.ends_with(e.as_str()))
                .map(|e| e.chars().count())
                .max()?;
            Some((end, k))
        })
        .max_by_key(|(end, _)| *end)
        .map(|(_, k)| k)
}

/// What the sector's file says of the organisation's kind of
/// organisation: by the end of its name, else by `org.kind`.
fn sector_kind<'s>(
    sector: &'s Sector,
    kind: Option<&str>,
    name: Option<&str>,
) -> Option<&'s SectorKind> {
    name.and_then(|n| kind_by_end(&sector.kinds, n, |k| &k.ends))
        .or_else(|| kind.and_then(|k| kind_by_end(&sector.kinds, k, |k| &k.ends)))
}

/// The place the organisation is, when it is another of its sector's
/// one-character places than the defaults speak of.
fn own_place(sector: &Sector, kind: Option<&str>, name: Option<&str>) -> Option<char> {
    let place = one_char(sector.defaults.short.strip_prefix('全')?)?;
    let places: Vec<char> = sector
        .names
        .iter()
        .filter_map(|n| one_char(without_body(n)))
        .filter(|c| *c != place)
        .collect();
    let said = |text: &str| one_char(without_body(text)).filter(|c| places.contains(c));
    if let Some(c) = kind.and_then(said) {
        return Some(c);
    }
    let name = without_body(name?.trim());
    name.chars().last().filter(|c| places.contains(c))
}

/// A place's name without the body that follows it: 石门乡委员会 → 石门乡,
/// 临江社区居民委员会 → 临江社区, 东城街道办事处 → 东城街道.
fn without_body(name: &str) -> &str {
    [
        "居民委员会",
        "委员会",
        "人民政府",
        "办事处",
        "党工委",
        "党总支",
        "党支部",
        "居委会",
        "党委",
        "政府",
        "委",
    ]
    .iter()
    .find_map(|tail| name.strip_suffix(tail))
    .unwrap_or(name)
}

fn one_char(s: &str) -> Option<char> {
    let mut chars = s.chars();
    let c = chars.next()?;
    chars.next().is_none().then_some(c)
}

/// `place` turned into `own` wherever it stands alone: 镇直 → 乡直, but
/// the 镇 of 乡镇 stays.
fn swap_place(s: &str, place: char, own: char) -> String {
    let chars: Vec<char> = s.chars().collect();
    chars
        .iter()
        .enumerate()
        .map(|(i, &c)| {
            let beside_own = (i > 0 && chars[i - 1] == own) || chars.get(i + 1) == Some(&own);
            if c == place && !beside_own { own } else { c }
        })
        .collect()
}
