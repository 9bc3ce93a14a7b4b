//! What the tests of the genre data share: a profile that gives every fact
//! a profile can, the campaign types by name, and the checks every draft
//! bigan writes must pass (lint has nothing to say, no sentence twice),
//! and the fixture campaigns the sameness tests compare.
//! `#[path = "common/drafts.rs"] mod drafts;`

#![allow(dead_code)]

use std::path::{Path, PathBuf};

use bigan::profile::{Loader, Profile};
use bigan::render::{Doc, Renderer};

pub fn write(dir: &Path, name: &str, text: &str) -> PathBuf {
    let path = dir.join(name);
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).unwrap();
    }
    std::fs::write(&path, text).unwrap();
    path
}

pub fn load(path: &Path) -> Profile {
    let loaded = Loader::new().load(path).unwrap();
    let problems: Vec<String> = loaded.diagnostics.iter().map(|d| d.to_string()).collect();
    loaded
        .profile
        .unwrap_or_else(|| panic!("{} 无效：\n{}", path.display(), problems.join("\n")))
}

pub fn draft(profile: &Profile, doc: Doc, variant: u32) -> String {
    Renderer::new(None)
        .unwrap()
        .with_variant(variant)
        .render(profile, doc)
        .unwrap()
}

/// Everything lint finds, warnings too: a draft bigan writes gives lint
/// nothing to say.
pub fn lint_findings(md: &str) -> Vec<String> {
    bigan::lint::check(
        Path::new("draft.md"),
        md,
        &bigan::lint::Selection::default(),
    )
    .iter()
    .map(|f| f.diagnostic.to_string())
    .collect()
}

/// Sentences of `md` (12 字 or more) that appear twice.
pub fn repeated(md: &str) -> Vec<String> {
    let mut seen = std::collections::HashSet::new();
    let mut twice = Vec::new();
    for s in md.split(['。', '！', '？', '；', '\n']) {
        let s = s.trim_matches(|c: char| c == '*' || c.is_whitespace());
        if s.chars().count() >= 12 && !seen.insert(s.to_owned()) {
            twice.push(s.to_owned());
        }
    }
    twice
}

/// The fixture campaign `key` (`study-a`, …, in tests/fixtures/sameness)
/// for an organisation: its campaign, meeting, plan and progress date, with
/// the rest of the progress section of `progress` (another fixture's, or
/// its own). Two of them compare two organisations' drafts as the issue
/// measures sameness: each with a complete profile of its own.
pub fn fixture(org: &str, sector: &str, key: &str, progress: &str) -> String {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/sameness");
    let campaign = std::fs::read_to_string(root.join(format!("{key}.yaml"))).unwrap();
    let rest = std::fs::read_to_string(root.join(format!("{progress}.progress.yaml"))).unwrap();
    format!("org:\n  name: {org}\n  kind: {sector}\n{campaign}{rest}")
}

/// The campaign type keys of the fixtures, in the order of [`TYPES`].
pub const KINDS: [&str; 6] = [
    "study",
    "thematic",
    "create",
    "crackdown",
    "conduct",
    "general",
];

/// A bare profile, as a user who knows little yet writes it: the
/// organisation's names, the campaign's name and type and two phases, the
/// mobilisation in the first and the progress meeting well into the second
/// (the section needs nothing but its date).
pub fn bare_profile(
    (name, short, party_org): (&str, &str, &str),
    kind: &str,
    type_name: &str,
) -> String {
    format!(
        "org: {{ name: {name}, short: {short}, party_org: {party_org}, kind: {kind} }}
campaign:
  name: 某项工作
  type: {type_name}
  phases:
    - {{ name: 动员部署, from: 2023-03-01, to: 2023-03-31 }}
    - {{ name: 整改提高, from: 2023-04-01, to: 2023-10-31 }}
meeting: {{ date: 2023-03-05 }}
progress: {{ date: 2023-06-20 }}
"
    )
}

/// The campaign types, by the names a user writes.
pub const TYPES: [&str; 6] = [
    "学习教育",
    "主题教育",
    "创建",
    "专项整治",
    "作风建设",
    "一般工作",
];

/// A profile that gives every fact a profile can, for an organisation
/// named `org` of sector `kind` running a campaign of type `type_name`;
/// the org keys other than its name are the sector's defaults.
pub fn full(org: &str, kind: &str, type_name: &str) -> String {
    complete(org, kind, type_name, "某项工作", None)
}

/// [`full`] with the campaign called `name` and, when given, the
/// organisation's own `served` in place of the sector's.
pub fn complete(
    org: &str,
    kind: &str,
    type_name: &str,
    name: &str,
    served: Option<&str>,
) -> String {
    let served = served.map_or(String::new(), |s| format!("\n  served: {s}"));
    format!(
        "org:
  name: {org}
  kind: {kind}{served}
campaign:
  name: {name}
  type: {type_name}
  goals: [目标甲, 目标乙, 目标丙]
  theme: [主题甲, 主题乙]
  standards:
    - {{ label: 三个好, of: 先进集体, items: [班子好, 队伍好, 作风好] }}
  situation: [当前工作中还有一些突出问题]
  tasks: [抓好第一项任务, 抓好第二项任务]
  milestones: [全年目标任务]
  phases:
    - {{ name: 动员部署, from: 2024-03-01, to: 2024-03-31, tasks: [召开动员大会, 制定实施方案] }}
    - {{ name: 集中推进, from: 2024-04-01, to: 2024-09-30, tasks: [逐项推进各项任务] }}
    - {{ name: 总结提高, from: 2024-10-01, to: 2024-11-30 }}
meeting:
  date: 2024-03-05
  speaker: {{ name: 王明, title: 主要负责同志 }}
  before_me: 分管负责同志宣读了实施方案
plan:
  basis: {{ issuer: 上级机关, title: 关于开展有关工作的通知, number: 上发〔2024〕1号 }}
  leading_group:
    leader: {{ name: 王明, title: 主要负责同志 }}
    members: [各部门负责同志]
    office: 办公室
progress:
  date: 2024-06-20
  before_me: 三个单位汇报了前一段的工作
  achievements:
    - {{ lead: 部署到位, text: 各单位都制定了具体方案 }}
    - 集中整改问题四十余项
  problems:
    - {{ lead: 进展不平衡, text: 有的单位推进较慢 }}
    - 个别措施落实不够到位
  lessons: [领导带头是关键]
  next_steps:
    - {{ lead: 加快落后单位的进度, text: 对推进较慢的单位逐一督导, answers: 1 }}
"
    )
}
