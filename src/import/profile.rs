//! The profile skeleton written from an outline: the facts import could
//! find, the outline as `points`, and `# TODO` comments on what the user
//! must check or fill in.
//!
//! Design: a required value that was not found is written as a visible
//! request, “（请填写单位全称）”, never as a plausible guess. The profile
//! passes `bigan check` at once, so the user can render and preview, but the
//! request shows in every draft and `bigan lint` reports it as a
//! placeholder, so it cannot reach a finished document unnoticed. A
//! guessed name would. The meeting date must be a real date: it is today's,
//! with a TODO saying so.

use std::fmt::Write as _;

use chrono::NaiveDate;

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
    let mut s = title.trim().trim_start_matches('在').to_owned();
    for head in ["关于开展", "关于深入开展", "关于"] {
        if let Some(stripped) = s.strip_prefix(head) {
            s = stripped.to_owned();
            break;
        }
    }
    for tail in [
        "上的讲话",
        "的讲话",
        "讲话",
        "上的发言",
        "发言",
        "的实施方案",
        "实施方案",
        "的方案",
        "的通知",
    ] {
        if let Some(stripped) = s.strip_suffix(tail) {
            s = stripped.to_owned();
            break;
        }
    }
    for tail in [
        "动员大会",
        "推进会议",
        "推进会",
        "动员会议",
        "动员会",
        "工作会议",
        "总结大会",
        "大会",
        "会议",
    ] {
        if let Some(stripped) = s.strip_suffix(tail) {
            s = stripped.to_owned();
            break;
        }
    }
    if let Some(stripped) = s.strip_suffix("活动") {
        s = stripped.to_owned();
    }
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
/// header; `today` is the date written when the meeting's is unknown.
pub fn write(o: &Outline, facts: &Facts, source: &str, today: NaiveDate) -> String {
    let mut y = String::new();
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
        "# 标有 TODO 的地方要核对或填写；写着“（请填写……）”的值必须改掉，"
    );
    let _ = writeln!(
        y,
        "# 否则生成的文稿里会留着它，bigan lint 会报告。改好后运行：bigan check 本文件"
    );
    y.push('\n');

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
    y.push('\n');

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
    let _ = writeln!(
        y,
        "  # TODO 阶段：phases: [{{ name: …, from: 2010-05-20, to: 2010-06-30 }}, …]"
    );
    y.push('\n');

    // `meeting` is the mobilisation meeting; a progress speech's own date
    // and outline go into `progress`, and the mobilisation's date is asked for.
    let progress = o.title.as_deref().is_some_and(|t| t.contains("推进"));
    y.push_str("meeting:\n");
    let date = match o.date {
        Some(date) if progress => {
            let _ = writeln!(
                y,
                "  # TODO 动员大会日期：原文是推进会讲话，先填了推进会的日期，请改成动员大会那天"
            );
            let _ = writeln!(y, "  date: {date}");
            format!("{date}  # 取自原文")
        }
        Some(date) => {
            let _ = writeln!(y, "  date: {date}  # 取自原文");
            date.to_string()
        }
        None => {
            let hint = facts
                .published
                .map(|d| format!("；网页发布于 {d}，会议应在此之前"))
                .unwrap_or_default();
            let _ = writeln!(y, "  # TODO 会议日期：原文没有写明，先填了今天{hint}");
            let _ = writeln!(y, "  date: {today}");
            today.to_string()
        }
    };
    let _ = writeln!(y, "  # TODO 讲话人：speaker: {{ name: …, title: … }}");
    y.push('\n');
    let indent = if progress {
        y.push_str("# 原文是推进会讲话：用 bigan render --doc progress 生成\n");
        y.push_str("progress:\n");
        let _ = writeln!(y, "  date: {date}");
        "  "
    } else {
        ""
    };

    if o.points.is_empty() {
        y.push_str("# 没有找到“一、二、三、”这样的要点，points 留空，用模板自己的要点。\n");
        return y;
    }
    let _ = writeln!(
        y,
        "{indent}# 原文的提纲：每一点的小标题和分论点的首句。正文请用自己的话写在 text: 里。"
    );
    let _ = writeln!(y, "{indent}points:");
    for p in &o.points {
        let _ = writeln!(y, "{indent}  - title: {}", scalar(&p.title));
        if !p.items.is_empty() {
            let _ = writeln!(y, "{indent}    items:");
            for item in &p.items {
                let _ = writeln!(y, "{indent}      - lead: {}", scalar(&item.lead));
            }
        }
    }
    y
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
