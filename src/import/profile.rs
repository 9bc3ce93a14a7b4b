//! The profile skeleton written from an outline: the facts import could
//! find, the outline as `points`, and `# TODO` comments on what the user
//! must check or fill in.
//!
//! Design: a required value that was not found is never a plausible guess.
//! A name is written as a visible request, “（请填写单位全称）”: the profile
//! renders, but the request shows in every draft and `bigan lint` reports
//! it. A date the text does not state is left empty (`""`), with what the
//! text does say about it in a comment: `bigan check` then reports it at
//! its line, and nothing renders from a date nobody chose (today's would
//! look right and be wrong). A sub-point keeps the text the source had
//! under it; one with none gets an empty `text`, which `check` reports.

use std::fmt::Write as _;

use chrono::NaiveDate;

use super::facts::Told;
use super::outline::{Announced, Outline};
use crate::zh;

/// Written where the organisation's name was not found.
pub const ORG_REQUEST: &str = "（请填写单位全称）";
/// Written where the campaign's name was not found.
pub const CAMPAIGN_REQUEST: &str = "（请填写活动名称）";

/// Facts about the organisation found in the text and the page around it.
#[derive(Debug, Clone, Default)]
pub struct Facts {
    pub org_name: Option<String>,
    pub kind: Option<String>,
    pub short: Option<String>,
    /// The page's publication date, a hint for the meeting date.
    pub published: Option<NaiveDate>,
}

const ORG_ENDINGS: [&str; 14] = [
    "医院",
    "卫生院",
    "卫生局",
    "交通局",
    "委员会",
    "县委",
    "市委",
    "人民政府",
    "公司",
    "学校",
    "大学",
    "中学",
    "小学",
    "局",
];

/// The organisation's name, from a line of the page that is nothing but a
/// name (辽宁省朝阳市第二医院).
pub fn org_name(lines: &[String]) -> Option<String> {
    lines
        .iter()
        .map(|l| l.trim())
        .find(|l| {
            let n = l.chars().count();
            (4..=20).contains(&n)
                && l.chars().all(zh::is_han)
                && ORG_ENDINGS.iter().any(|e| l.ends_with(e))
        })
        .map(str::to_owned)
}

/// The kind of organisation the text speaks for, and how it says “we”:
/// the sector (of the registry, genre/sectors/) whose Chinese names, and
/// its own way of saying “we” when no other sector shares it, the text uses
/// most, three times or more.
pub fn kind_and_short(text: &str) -> (Option<String>, Option<String>) {
    let count = |w: &str| text.matches(w).count();
    let genre = crate::genre::Genre::builtin();
    let sectors: Vec<std::sync::Arc<crate::genre::Sector>> = genre
        .sector_keys()
        .into_iter()
        .filter(|k| *k != crate::genre::DEFAULT_SECTOR)
        .filter_map(|k| genre.sector(k).ok())
        .collect();
    let shared = |short: &str| sectors.iter().filter(|s| s.defaults.short == short).count() > 1;
    let kind = sectors
        .iter()
        .map(|s| {
            let mut n: usize = s.names.iter().map(|w| count(w)).sum();
            if !shared(&s.defaults.short) {
                n += count(&s.defaults.short);
            }
            (s.key.clone(), n)
        })
        .filter(|(_, n)| *n >= 3)
        .max_by_key(|(_, n)| *n)
        .map(|(k, _)| k);
    let short = [
        "我院", "我县", "我局", "我市", "我区", "我镇", "我校", "我委",
    ]
    .iter()
    .map(|w| (*w, count(w)))
    .filter(|(_, n)| *n >= 2)
    .max_by_key(|(_, n)| *n)
    .map(|(w, _)| w.to_owned());
    (kind, short)
}

/// The campaign's name from a title: 在创先争优活动动员大会上的讲话 →
/// 创先争优.
pub fn campaign_name(title: &str) -> Option<String> {
    let s = title.trim().trim_start_matches('在');
    let s = first_stripped(
        s,
        &["关于开展", "关于深入开展", "关于"],
        |s, a| s.strip_prefix(a),
    );
    let s = first_stripped(
        s,
        &[
            "上的讲话",
            "的讲话",
            "讲话",
            "上的发言",
            "发言",
            "的实施方案",
            "实施方案",
            "的方案",
            "的通知",
        ],
        |s, a| s.strip_suffix(a),
    );
    let s = first_stripped(
        s,
        &[
            "动员大会",
            "推进会议",
            "推进会",
            "动员会议",
            "动员会",
            "工作会议",
            "总结大会",
            "大会",
            "会议",
        ],
        |s, a| s.strip_suffix(a),
    );
    let mut s = s.strip_suffix("活动").unwrap_or(s).to_owned();
    // 全县、全市、全交通系统… is who, not what.
    if let Some(rest) = s.strip_prefix('全') {
        let cut = ["系统", "县", "市", "区", "院", "局", "镇", "省"]
            .iter()
            .filter_map(|w| rest.find(w).map(|b| b + w.len()))
            .filter(|&b| rest[..b].chars().count() <= 6)
            .min();
        if let Some(b) = cut {
            s = rest[b..].to_owned();
        }
    }
    let s = s.trim().to_owned();
    (s.chars().count() >= 2).then_some(s)
}

/// `s` without the first of `affixes` that `strip` takes off it, in the
/// order given, or `s` itself.
fn first_stripped<'a>(
    s: &'a str,
    affixes: &[&str],
    strip: impl Fn(&'a str, &str) -> Option<&'a str>,
) -> &'a str {
    affixes.iter().find_map(|a| strip(s, a)).unwrap_or(s)
}

/// A YAML scalar: plain when that is safe, double-quoted otherwise.
pub fn scalar(s: &str) -> String {
    let plain = !s.is_empty()
        && s.trim() == s
        && !s.starts_with(|c: char| "-?:,[]{}#&*!|>'\"%@`".contains(c))
        && !s.contains(": ")
        && !s.contains(" #")
        && !s.ends_with(':')
        && !s.chars().any(char::is_control)
        && !matches!(
            s.to_ascii_lowercase().as_str(),
            "true" | "false" | "yes" | "no" | "on" | "off" | "null" | "~"
        )
        && s.parse::<f64>().is_err();
    if plain {
        return s.to_owned();
    }
    let mut out = String::from('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            c if c.is_control() => {
                let _ = write!(out, "\\u{:04x}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// The profile for one speech. `source` names the imported file in the
/// header.
pub fn write(o: &Outline, facts: &Facts, told: &Told, source: &str) -> String {
    let mut y = String::new();
    header(&mut y, o, source);
    org(&mut y, facts, told);
    campaign(&mut y, o, told);
    // `meeting` is the mobilisation meeting; a progress speech's own date
    // and outline go into `progress`, and the mobilisation's date is asked for.
    if is_progress(o) {
        mobilisation_unknown(&mut y);
        y.push_str("# 原文是推进会讲话：用 bigan render --doc progress 生成\n");
        y.push_str("progress:\n");
        meeting_facts(&mut y, facts, told);
        points(&mut y, o, "  ");
    } else {
        y.push_str("meeting:\n");
        meeting_facts(&mut y, facts, told);
        points(&mut y, o, "");
    }
    y
}

/// Whether the source is a progress-meeting speech (在……推进会上的讲话).
fn is_progress(o: &Outline) -> bool {
    o.title.as_deref().is_some_and(|t| t.contains("推进"))
}

/// The `meeting` section of a progress speech's profile: the mobilisation
/// meeting, which the source does not date.
fn mobilisation_unknown(y: &mut String) {
    y.push_str("meeting:\n");
    let _ = writeln!(
        y,
        "  # TODO 动员大会日期：原文是推进会讲话，没有写动员大会那天，请按 年-月-日 填写"
    );
    let _ = writeln!(y, "  date: \"\"");
    y.push('\n');
}

fn header(y: &mut String, o: &Outline, source: &str) {
    let title = o.title.as_deref().unwrap_or("（未找到标题）");
    let _ = writeln!(y, "# bigan import 从 {source} 生成的配置草稿");
    let _ = writeln!(y, "# 原文标题：{title}");
    let counts: Vec<String> = o.points.iter().map(|p| p.items.len().to_string()).collect();
    let announced = match o.announced {
        Some(Announced::Count(n)) => format!("原文说“讲{}点意见”", zh::numeral(n)),
        Some(Announced::Unfilled) => "原文写的是“讲几点意见”，没有写明点数".to_owned(),
        _ => "原文没有说讲几点".to_owned(),
    };
    let _ = writeln!(
        y,
        "# 提纲：{}点（{announced}），各点分论点数 {}",
        zh::numeral(o.points.len() as u64),
        if counts.is_empty() {
            "无".to_owned()
        } else {
            counts.join("/")
        }
    );
    let _ = writeln!(
        y,
        "# 标有 TODO 的地方要核对或填写：写着“（请填写……）”的值必须改掉，空着的 \"\" 要填上，"
    );
    let _ = writeln!(
        y,
        "# bigan check 会逐条指出还缺什么。改好后运行：bigan check 本文件"
    );
    y.push('\n');
}

fn org(y: &mut String, facts: &Facts, told: &Told) {
    y.push_str("org:\n");
    match &facts.org_name {
        Some(name) => {
            let _ = writeln!(y, "  # TODO 核对单位全称（取自网页）");
            let _ = writeln!(y, "  name: {}", scalar(name));
        }
        None => {
            let _ = writeln!(y, "  # TODO 单位全称：原文中没有找到");
            let _ = writeln!(y, "  name: {ORG_REQUEST}");
        }
    }
    let kinds = crate::genre::Genre::builtin().sector_keys().join("、");
    match &facts.kind {
        Some(kind) => {
            let _ = writeln!(y, "  kind: {kind}  # 按原文用词推断；可选：{kinds}");
        }
        None => {
            let _ = writeln!(y, "  # TODO 单位类型（决定默认措辞）：{kinds}");
            let _ = writeln!(y, "  kind: generic");
        }
    }
    if let Some(short) = &facts.short {
        let _ = writeln!(y, "  short: {}  # 原文的自称", scalar(short));
    }
    if let Some(superior) = &told.superior {
        let _ = writeln!(
            y,
            "  superior: {}  # 原文：根据（按照）……的部署",
            scalar(superior)
        );
    }
    y.push('\n');
}

fn date_or_empty(d: Option<NaiveDate>) -> String {
    d.map_or_else(|| "\"\"".to_owned(), |d| d.to_string())
}

fn campaign(y: &mut String, o: &Outline, told: &Told) {
    y.push_str("campaign:\n");
    match o.title.as_deref().and_then(campaign_name) {
        Some(name) => {
            let _ = writeln!(y, "  # TODO 核对活动名称（取自标题）");
            let _ = writeln!(y, "  name: {}", scalar(&name));
        }
        None => {
            let _ = writeln!(y, "  # TODO 活动名称：没有从标题中找到");
            let _ = writeln!(y, "  name: {CAMPAIGN_REQUEST}");
        }
    }
    if told.phases.is_empty() {
        let _ = writeln!(
            y,
            "  # TODO 阶段：phases: [{{ name: …, from: 2010-05-20, to: 2010-06-30 }}, …]"
        );
        y.push('\n');
        return;
    }
    let _ = writeln!(y, "  # 阶段取自原文；日期按原文的说法推算，空着的请填写");
    y.push_str("  phases:\n");
    let last = told.phases.len() - 1;
    // Dates the text contradicts (an end before its start, a phase before
    // the one above it: a byline's year against "到6月底") are left for the
    // user rather than written for check to refuse.
    let mut earliest: Option<NaiveDate> = None;
    for (i, p) in told.phases.iter().enumerate() {
        let from = p.from.filter(|f| earliest.is_none_or(|e| *f >= e));
        let to = p.to.filter(|t| from.or(earliest).is_none_or(|f| *t >= f));
        earliest = from.or(earliest);
        let contradicted = (from.is_none() && p.from.is_some()) || (to.is_none() && p.to.is_some());
        let said = if p.said.is_empty() {
            "原文没有写时间".to_owned()
        } else {
            format!("原文：{}", p.said)
        };
        // A phase the text numbers without naming (a bare 第一阶段) asks
        // for its name, as a missing organisation does: check refuses "".
        let name = match p.name.trim() {
            "" => "（请填写阶段名称）".to_owned(),
            name => scalar(name),
        };
        let _ = writeln!(y, "    - name: {name}  # {said}");
        let from_note = if contradicted {
            "  # TODO 原文的时间前后矛盾，请核对后填写"
        } else if p.from_meeting && from.is_none() {
            "  # TODO 即会议日期"
        } else if from.is_none() {
            "  # TODO 开始日期"
        } else {
            ""
        };
        let _ = writeln!(y, "      from: {}{from_note}", date_or_empty(from));
        match to {
            Some(to) => {
                let _ = writeln!(y, "      to: {to}");
            }
            // The last phase may run on; an earlier one must end.
            None if i == last && !p.said.is_empty() && p.to.is_none() => {
                let _ = writeln!(y, "      # 原文没有写结束时间：长期坚持");
            }
            None => {
                let _ = writeln!(y, "      to: \"\"  # TODO 结束日期");
            }
        }
    }
    y.push('\n');
}

/// The date, speaker and who spoke before, of the meeting the source was
/// given at, under its section (`meeting:` or `progress:`).
fn meeting_facts(y: &mut String, facts: &Facts, told: &Told) {
    match told.date {
        Some(date) => {
            let _ = writeln!(y, "  date: {date}  # 取自原文");
        }
        None => {
            let mut known = Vec::new();
            if let Some(year) = told.year {
                known.push(format!("按原文的时间说法，会议在{year}年"));
            }
            if let Some(by) = told.by {
                known.push(format!(
                    "第一阶段“从现在起”到{}，会议不晚于这一天",
                    crate::calendar::cn_date(by)
                ));
            }
            if let Some(published) = facts.published {
                known.push(format!("网页发布于 {published}，会议在此之前"));
            }
            let known = if known.is_empty() {
                String::new()
            } else {
                format!("（{}）", known.join("；"))
            };
            let _ = writeln!(
                y,
                "  # TODO 会议日期：原文没有写明{known}，请按 年-月-日 填写"
            );
            let _ = writeln!(y, "  date: \"\"");
        }
    }
    match (&told.speaker_name, &told.speaker_title) {
        (None, None) => {
            let _ = writeln!(y, "  # TODO 讲话人：speaker: {{ name: …, title: … }}");
        }
        (name, title) => {
            let _ = writeln!(y, "  speaker:  # 取自原文的署名");
            if let Some(name) = name {
                let _ = writeln!(y, "    name: {}", scalar(name));
            }
            if let Some(title) = title {
                let _ = writeln!(y, "    title: {}", scalar(title));
            }
        }
    }
    if let Some(before) = &told.before_me {
        let _ = writeln!(y, "  before_me: {}  # 原文“刚才，……”", scalar(before));
    }
    y.push('\n');
}

/// The outline as `points`, indented by `indent` under its section.
fn points(y: &mut String, o: &Outline, indent: &str) {
    if o.points.is_empty() {
        y.push_str("# 没有找到“一、二、三、”这样的要点，points 留空，用模板自己的要点。\n");
        return;
    }
    let _ = writeln!(
        y,
        "{indent}# 原文的提纲：每一点的小标题、分论点的首句，和原文在它下面写的正文。\n\
         {indent}# TODO 正文取自原文，请改写成自己的话；原文没有正文的分论点 text 空着，请填写。"
    );
    let _ = writeln!(y, "{indent}points:");
    for p in &o.points {
        let _ = writeln!(y, "{indent}  - title: {}", scalar(&p.title));
        if !p.items.is_empty() {
            let _ = writeln!(y, "{indent}    items:");
            for item in &p.items {
                let _ = writeln!(y, "{indent}      - lead: {}", scalar(&item.lead));
                let _ = writeln!(y, "{indent}        text: {}", scalar_or_empty(&item.text));
            }
        }
    }
}

/// A scalar, or `""` for no text.
fn scalar_or_empty(s: &str) -> String {
    if s.trim().is_empty() {
        "\"\"".to_owned()
    } else {
        scalar(s)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn campaign_names_from_titles() {
        assert_eq!(
            campaign_name("关于开展节能降耗活动的实施方案").as_deref(),
            Some("节能降耗")
        );
        assert_eq!(
            campaign_name("在创先争优活动动员大会上的讲话").as_deref(),
            Some("创先争优")
        );
        assert_eq!(
            campaign_name("在全县植树活动推进会议上的讲话").as_deref(),
            Some("植树")
        );
        assert_eq!(
            campaign_name("在全环卫系统创建“洁净城市”推进会议上的讲话").as_deref(),
            Some("创建“洁净城市”")
        );
    }

    #[test]
    fn scalars_quote_only_when_needed() {
        assert_eq!(scalar("加强组织领导，确保落实"), "加强组织领导，确保落实");
        assert_eq!(scalar("- 列表"), "\"- 列表\"");
        assert_eq!(scalar("a: b"), "\"a: b\"");
        assert_eq!(scalar("yes"), "\"yes\"");
        assert_eq!(scalar("说\"好\""), "说\"好\"");
        assert_eq!(scalar("\"好\""), "\"\\\"好\\\"\"");
    }

    #[test]
    fn organisation_facts() {
        let lines = vec!["网站首页".to_owned(), "东山县人民医院".to_owned()];
        assert_eq!(org_name(&lines).as_deref(), Some("东山县人民医院"));
        let (kind, short) = kind_and_short("我院我院医院医务");
        assert_eq!(kind.as_deref(), Some("hospital"));
        assert_eq!(short.as_deref(), Some("我院"));
    }
}
