#![allow(clippy::unwrap_used, clippy::expect_used)]
//! Genre tests for the built-in mobilisation speeches: every example
//! profile, and profiles that leave out what they may leave out, must give a
//! speech whose counts, numbering, punctuation and length a reader would
//! accept without correcting anything.
//!
//! Counts, numbering, placeholders and half-width marks are checked by
//! `bigan lint`'s own rules, called as a library; the few checks lint does
//! not make (a point claim said once, leads that never start over, a
//! 范文's "……", sentences a missing value leaves broken) are small
//! functions here. `checks_catch_broken_drafts` shows each of them failing.

mod support;

use std::path::{Path, PathBuf};
use std::process::Command;

use bigan::lint::markers::{self, Family};
use bigan::lint::{self, Selection};
use bigan::profile;
use bigan::render::{Doc, Renderer};
use bigan::text::count;
use bigan::zh::{self, Marker};

const EXAMPLES: [&str; 3] = [
    "profiles/hospital.yaml",
    "profiles/county.yaml",
    "profiles/traffic.yaml",
];

/// The length an office expects of a mobilisation speech, in 字.
const LENGTH: std::ops::RangeInclusive<usize> = 3000..=6000;

// ---------------------------------------------------------------------------
// Rendering

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The Markdown speech of the profile at `path`.
fn speech(path: &Path) -> String {
    let loaded = profile::load(path).unwrap();
    let Some(profile) = loaded.profile else {
        let problems: Vec<String> = loaded.diagnostics.iter().map(|d| d.to_string()).collect();
        panic!("{} 无效：\n{}", path.display(), problems.join("\n"));
    };
    let text = Renderer::new(None)
        .unwrap()
        .render(&profile, Doc::Speech)
        .unwrap();
    // Whatever the profile, bigan lint finds no error in the speech.
    let errors = support::lint_errors(&text);
    assert!(errors.is_empty(), "{}: {errors:?}", path.display());
    text
}

/// The speech of a profile given as YAML text, written into `dir`.
fn speech_of(dir: &Path, name: &str, yaml: &str) -> String {
    let path = dir.join(name);
    std::fs::write(&path, yaml).unwrap();
    speech(&path)
}

/// Copies an example profile, with the campaign files it extends, into a
/// fresh temporary folder, so a test can edit the copy.
fn example_copy(name: &str) -> (tempfile::TempDir, PathBuf, String) {
    let dir = tempfile::tempdir().unwrap();
    let campaigns = dir.path().join("campaigns");
    std::fs::create_dir(&campaigns).unwrap();
    for entry in std::fs::read_dir(root().join("profiles/campaigns")).unwrap() {
        let entry = entry.unwrap();
        std::fs::copy(entry.path(), campaigns.join(entry.file_name())).unwrap();
    }
    let text = std::fs::read_to_string(root().join("profiles").join(name)).unwrap();
    let path = dir.path().join(name);
    (dir, path, text)
}

// ---------------------------------------------------------------------------
// Reading a draft

/// The draft's blocks: bigan writes one paragraph or heading per block.
fn blocks(md: &str) -> Vec<&str> {
    md.split("\n\n")
        .map(str::trim)
        .filter(|b| !b.is_empty())
        .collect()
}

/// The level 1 headings (`## 一、…`), in order.
fn level1_headings(md: &str) -> Vec<&str> {
    blocks(md)
        .into_iter()
        .filter_map(|b| b.strip_prefix("## "))
        .collect()
}

// ---------------------------------------------------------------------------
// The checks: each returns the problems it finds, in Chinese.

/// The `bigan lint` rules that check what a reader checks in a speech:
/// every count against what follows it (讲三点意见, 分三个阶段, 三项工作,
/// “五个好”，即……), numbering at every level, placeholders, half-width
/// marks. Warnings count too: a speech bigan writes has none.
const LINT_RULES: [&str; 4] = ["count", "numbering", "placeholder", "punct.halfwidth"];

/// What those rules find in the Markdown draft `md`.
fn lint_problems(md: &str) -> Vec<String> {
    let rules = LINT_RULES.map(String::from);
    let only = Selection::new(&rules, &[]).unwrap();
    lint::check(Path::new("speech.md"), md, &only)
        .into_iter()
        .map(|f| {
            let d = f.diagnostic;
            format!("[{}] 第{}行：{}", f.rule.id, d.line, d.message)
        })
        .collect()
}

/// "我讲N点意见" is said once (lint checks that N is right).
fn check_point_claim_said_once(md: &str) -> Vec<String> {
    let claims = md
        .lines()
        .flat_map(|line| count::claims(&line.chars().collect::<Vec<_>>()))
        .filter(|c| c.kind == count::Kind::Points)
        .count();
    if claims == 1 {
        vec![]
    } else {
        vec![format!("“我讲N点意见”应出现一次，实际出现{claims}次")]
    }
}

/// The paragraphs led by 第一， run 第一，第二，… under each level 1
/// heading, and the phases 第一阶段，第二阶段，… through the speech. Lint
/// checks the counts and the gaps, but lets a spoken list start over at
/// 第一 (a speech may hold several); in one point of a bigan speech that is
/// a reason said twice.
fn check_leads_in_order(md: &str) -> Vec<String> {
    let mut problems = Vec::new();
    let (mut di, mut phase) = (0, 0);
    for block in blocks(md) {
        if block.starts_with("## ") {
            di = 0;
            continue;
        }
        let found = markers::scan(&block.chars().collect::<Vec<_>>());
        let Some(lead) = found.into_iter().find(|m| m.line_start) else {
            continue;
        };
        let (seen, marker) = match lead.family {
            Family::Di => (&mut di, Marker::Di),
            Family::Phase => (&mut phase, Marker::Phase),
            _ => continue,
        };
        *seen += 1;
        let want = marker.render(*seen);
        if lead.text != want {
            problems.push(format!("应为“{want}”，写成了“{}”", lead.text));
            *seen = lead.number;
        }
    }
    problems
}

/// A 范文's "……" left for the writer (lint takes it for an ellipsis).
fn check_ellipsis(md: &str) -> Vec<String> {
    if md.contains("……") {
        vec!["留有“……”".to_owned()]
    } else {
        vec![]
    }
}

/// Sentences a missing value would leave broken: empty quotes, doubled or
/// stranded punctuation, counts of nothing.
const DANGLING: [&str; 16] = [
    "，。", "。。", "；。", "：。", "、。", "，，", "、、", "，；", "“”", "（）", "即。", "即；",
    "零个", "零项", "零点", "零条",
];

fn check_dangling(md: &str) -> Vec<String> {
    let mut problems: Vec<String> = DANGLING
        .iter()
        .filter(|p| md.contains(*p))
        .map(|p| format!("句子残缺：出现“{p}”"))
        .collect();
    for block in blocks(md) {
        let text = block.trim_end_matches(['*', ' ']);
        let ends_well = block.starts_with('#')
            || text.ends_with(['。', '！', '：', '？', '”'])
            || text.ends_with("{.byline}");
        if !ends_well {
            problems.push(format!("段落没有结束标点：{}", tail(block)));
        }
    }
    problems
}

/// Every genre check at once.
fn genre_problems(md: &str) -> Vec<String> {
    [
        lint_problems(md),
        check_point_claim_said_once(md),
        check_leads_in_order(md),
        check_ellipsis(md),
        check_dangling(md),
    ]
    .concat()
}

fn assert_genre(md: &str, what: &str) {
    let problems = genre_problems(md);
    assert!(
        problems.is_empty(),
        "{what} 的讲话有问题：\n{}\n\n{md}",
        problems.join("\n")
    );
}

fn tail(s: &str) -> String {
    let n = s.chars().count();
    s.chars().skip(n.saturating_sub(24)).collect()
}

// ---------------------------------------------------------------------------
// The examples

#[test]
fn example_speeches_follow_the_genre() {
    for example in EXAMPLES {
        let md = speech(&root().join(example));
        assert_genre(&md, example);
        assert!(
            md.starts_with("# 在") && md.contains("动员大会上的讲话\n"),
            "{example}: 标题"
        );
        assert!(md.contains("\n同志们：\n"), "{example}: 称呼");
        // The closing greets the milestones still ahead, in whichever words.
        let last = blocks(&md).last().copied().unwrap_or_default();
        assert!(last.contains("迎接"), "{example}: 结尾应呼应节点：{last}");
    }
}

#[test]
fn example_speeches_have_the_length_of_a_speech() {
    for example in EXAMPLES {
        let md = speech(&root().join(example));
        let zi = zh::char_count(&md);
        assert!(
            LENGTH.contains(&zi),
            "{example}: {zi} 字，应在 3000–6000 字之间"
        );
    }
}

#[test]
fn each_kind_speaks_of_its_own_work() {
    let words = [
        ("profiles/hospital.yaml", &["患者", "医务人员", "科室"][..]),
        ("profiles/county.yaml", &["基层", "发展", "群众"][..]),
        ("profiles/traffic.yaml", &["安全", "隐患", "平安交通"][..]),
    ];
    for (example, words) in words {
        let md = speech(&root().join(example));
        for word in words {
            assert!(md.contains(word), "{example}: 讲话里没有“{word}”");
        }
    }
}

#[test]
fn the_hospital_speech_weaves_in_its_facts() {
    let md = speech(&root().join("profiles/hospital.yaml"));
    for fact in [
        "#### 院党委书记　张建华 {.byline}",
        "#### （2010年5月20日） {.byline}",
        // 党中央 decided 创先争优; the 卫生局党委 deployed it here.
        "党中央",
        "市卫生局党委",
        "刚才，赵院长代表院党委对活动作了具体部署",
        "我讲三点意见",
        "“五个好”，即领导班子好、",
        "分三个阶段",
        "迎接建党90周年和党的十八大！",
    ] {
        assert!(md.contains(fact), "医院讲话里没有“{fact}”：\n{md}");
    }
    let first = support::phase_paragraph(&md, "第一阶段");
    for fact in ["广泛发动、安排部署", "从现在起到6月底", "三项", "：一是"] {
        assert!(first.contains(fact), "第一阶段没有“{fact}”：{first}");
    }
    let second = support::phase_paragraph(&md, "第二阶段");
    assert!(second.contains("从今年7月到明年7月"), "{second}");
}

// ---------------------------------------------------------------------------
// Edits a user makes

#[test]
fn moving_a_phase_changes_how_its_span_is_spoken() {
    let (dir, path, text) = example_copy("traffic.yaml");
    let before = speech(&root().join("profiles/traffic.yaml"));
    let first = support::phase_paragraph(&before, "第一阶段");
    assert!(first.contains("宣传发动") && first.contains("从现在起到5月中旬。"));
    assert!(support::phase_paragraph(&before, "第二阶段").contains("从今年5月中旬到9月底"));
    let edited = text
        .replace("to: 2008-05-15", "to: 2008-05-31")
        .replace("from: 2008-05-16", "from: 2008-06-01");
    assert_ne!(edited, text, "示例配置的日期变了，请更新本测试");
    std::fs::write(&path, edited).unwrap();
    let after = speech(&path);
    let first = support::phase_paragraph(&after, "第一阶段");
    assert!(
        first.contains("宣传发动") && first.contains("从现在起到5月底"),
        "{after}"
    );
    assert!(
        support::phase_paragraph(&after, "第二阶段").contains("从今年6月到9月"),
        "{after}"
    );
    assert_genre(&after, "改了日期的交通局配置");
    drop(dir);
}

#[test]
fn a_fourth_point_is_counted_and_numbered() {
    let (dir, path, text) = example_copy("hospital.yaml");
    let extra = "
points:
  - {}
  - {}
  - {}
  - title: 加强医院文化建设，凝聚干事创业的精神力量
    items:
      - lead: 培育医院精神
        text: 要总结提炼体现医院特色的院训和服务理念
      - lead: 关心职工生活
        text: 要为一线医务人员办好几件实事。
";
    std::fs::write(&path, format!("{text}{extra}")).unwrap();
    let md = speech(&path);
    assert_genre(&md, "加了第四点的医院配置");
    assert!(md.contains("我讲四点意见"), "{md}");
    assert!(
        md.contains("\n## 四、加强医院文化建设，凝聚干事创业的精神力量\n"),
        "{md}"
    );
    assert!(md.contains("*（一）培育医院精神*。要总结提炼"), "{md}");
    assert!(
        md.contains("*（二）关心职工生活*。要为一线医务人员办好几件实事。"),
        "{md}"
    );
    assert_eq!(level1_headings(&md).len(), 4);
    drop(dir);
}

#[test]
fn a_point_of_the_profile_replaces_the_templates() {
    let (dir, path, text) = example_copy("county.yaml");
    let own = "
points:
  - title: 站在全局高度认识这次活动。
    items:
      - lead: 这是巩固执政基础的需要
        text: 基层强则全县强
      - lead: 这是推动发展的需要
";
    std::fs::write(&path, format!("{text}{own}")).unwrap();
    let md = speech(&path);
    assert_genre(&md, "改写了第一点的县委配置");
    assert!(md.contains("\n## 一、站在全局高度认识这次活动\n"), "{md}");
    assert!(
        md.contains("**第一，这是巩固执政基础的需要**。基层强则全县强。"),
        "{md}"
    );
    assert!(md.contains("**第二，这是推动发展的需要**。"), "{md}");
    assert!(!md.contains("**第三，"), "模板自己的第一点不应再出现：{md}");
    assert!(md.contains("我讲三点意见"));
    drop(dir);
}

#[test]
fn a_bare_profile_leaves_nothing_dangling() {
    let dir = tempfile::tempdir().unwrap();
    for kind in ["hospital", "county", "traffic", "generic"] {
        let yaml = format!(
            "org: {{ name: 青山区第一人民医院, kind: {kind} }}\n\
             campaign: {{ name: 作风建设年 }}\n\
             meeting: {{ date: 2012-03-15 }}\n"
        );
        let md = speech_of(dir.path(), &format!("{kind}.yaml"), &yaml);
        assert_genre(&md, kind);
        for absent in [
            "个阶段进行",
            "项工作：",
            "”，即",
            "以优异成绩迎接",
            "刚才",
            "{.byline}\n\n#### （",
        ] {
            assert!(
                !md.contains(absent),
                "{kind}: 没有相应配置却出现“{absent}”：\n{md}"
            );
        }
        assert!(
            md.contains("#### （2012年3月15日） {.byline}"),
            "{kind}: 日期行"
        );
        assert!(md.contains("我讲三点意见"), "{kind}");
    }
}

#[test]
fn two_phases_and_two_tasks_are_said_with_liang() {
    let dir = tempfile::tempdir().unwrap();
    let yaml = "
org: { name: 青山县委, kind: county }
campaign:
  name: 基层组织建设年
  standards:
    - label: 三有
      items: [有阵地, 有人员, 有经费]
  phases:
    - name: 动员部署
      from: 2012-03-01
      to: 2012-03-31
      tasks: [召开动员大会, 制定实施方案]
    - name: 整顿提高
      from: 2012-04-01
meeting: { date: 2012-03-15, speaker: { title: 县委书记 } }
";
    let md = speech_of(dir.path(), "county.yaml", yaml);
    assert_genre(&md, "两个阶段的配置");
    assert!(md.contains("分两个阶段"), "{md}");
    let first = support::phase_paragraph(&md, "第一阶段");
    assert!(
        first.contains("两项") && first.contains("：一是召开动员大会；二是制定实施方案。"),
        "{md}"
    );
    assert!(md.contains("#### 县委书记 {.byline}"), "{md}");
    assert!(
        md.contains("各级党组织要做到“三有”，即有阵地、有人员、有经费。"),
        "{md}"
    );
    assert!(!md.contains("二个") && !md.contains("二项"), "{md}");
}

#[test]
fn a_single_phase_is_not_called_a_stage() {
    let dir = tempfile::tempdir().unwrap();
    let yaml = "
org: { name: 青山区第一人民医院, kind: hospital }
campaign:
  name: 医疗质量提升
  phases:
    - name: 全面实施
      from: 2013-01-01
      tasks: [完善制度, 开展检查, 总结提高]
meeting: { date: 2013-01-10 }
";
    let md = speech_of(dir.path(), "hospital.yaml", yaml);
    assert_genre(&md, "只有一个阶段的配置");
    assert!(!md.contains("第一阶段") && !md.contains("个阶段"), "{md}");
    assert!(
        md.contains("活动的时间是从今年1月起。活动主要抓好三项工作：一是完善制度；"),
        "{md}"
    );
}

#[test]
fn profile_values_are_escaped_in_html() {
    let (dir, path, text) = example_copy("hospital.yaml");
    let edited = text.replace(
        "before_me: 赵院长代表院党委对活动作了具体部署",
        "before_me: <script>alert(1)</script>",
    );
    assert_ne!(edited, text, "示例配置的 before_me 变了，请更新本测试");
    std::fs::write(&path, edited).unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_bigan"))
        .args(["render", "--format", "html"])
        .arg(&path)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let html = String::from_utf8(out.stdout).unwrap();
    assert!(
        html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"),
        "{html}"
    );
    assert!(!html.contains("<script>alert(1)"), "{html}");
    drop(dir);
}

// ---------------------------------------------------------------------------
// The checks themselves must be able to fail.

#[test]
fn checks_catch_broken_drafts() {
    // Each broken draft trips the lint rule named, among the rules chosen.
    let lint_finds = |rule: &str, md: &str| {
        let found = lint_problems(md);
        let tag = format!("[{rule}]");
        assert!(
            found.iter().any(|p| p.starts_with(&tag)),
            "{rule} 没查出问题：{md}\n{found:?}"
        );
    };
    let one = |check: fn(&str) -> Vec<String>, md: &str| {
        let found = check(md);
        assert!(!found.is_empty(), "没查出问题：{md}");
    };
    let clean = |check: fn(&str) -> Vec<String>, md: &str| {
        let found = check(md);
        assert!(found.is_empty(), "误报：{found:?}\n{md}");
    };
    let four = "下面，我讲三点意见。\n\n## 一、甲\n\n## 二、乙\n\n## 三、丙\n\n## 四、丁\n";
    lint_finds("count.points", four);
    clean(lint_problems, &four.replace("三点", "四点"));
    lint_finds("numbering.gap", "## 一、甲\n\n## 三、丙\n");
    lint_finds(
        "numbering.gap",
        "## 一、甲\n\n*（一）子*。文\n\n*（三）子*。文\n",
    );
    lint_finds(
        "numbering.gap",
        "## 一、甲\n\n**第一，子**。文\n\n**第三，子**。文\n",
    );
    let twice = "## 一、甲\n\n**第一，子**。文\n\n**第一，子**。文\n";
    one(check_leads_in_order, twice);
    clean(
        check_leads_in_order,
        "## 一、甲\n\n**第一，子**。文\n\n**第二，子**。文\n\n## 二、乙\n\n**第一，子**。文\n",
    );
    clean(
        lint_problems,
        "## 一、甲\n\n*（一）子*。文\n\n## 二、乙\n\n*（一）子*。文\n\n*（二）子*。文\n",
    );
    lint_finds(
        "count.phases",
        "分三个阶段进行。\n\n第一阶段，甲。\n\n第二阶段，乙。\n\n结束。\n",
    );
    let skipped = "分两个阶段进行。\n\n第一阶段，甲。\n\n第三阶段，乙。\n";
    one(check_leads_in_order, skipped);
    let phases = "分两个阶段进行。\n\n第一阶段，甲。\n\n第二阶段，乙。\n";
    clean(check_leads_in_order, phases);
    clean(lint_problems, phases);
    lint_finds("count.items", "主要抓好三项工作：一是甲；二是乙。");
    lint_finds("numbering.gap", "主要抓好两项工作：一是甲；三是乙。");
    clean(lint_problems, "主要抓好两项工作：一是甲，丙；二是乙。");
    lint_finds("count.list", "要做到“五个好”，即甲好、乙好、丙好、丁好。");
    clean(
        lint_problems,
        "要做到“四到位”，即甲、乙、丙、丁；要做到“主题”，即甲。",
    );
    lint_finds("placeholder", "在20xx年工作会议上");
    lint_finds("placeholder", "某某同志");
    lint_finds("punct.halfwidth", "同志们:大家好");
    lint_finds("punct.halfwidth", "一是(甲)");
    clean(lint_problems, "#### 时间 {.byline}\n\nabc, def (1)");
    one(
        check_point_claim_said_once,
        "我讲三点意见。\n\n我讲两点意见。",
    );
    one(check_point_claim_said_once, "同志们：");
    clean(check_point_claim_said_once, "下面，我讲三点意见。");
    one(check_ellipsis, "要求……");
    one(check_dangling, "主题是“”。");
    one(check_dangling, "分零个阶段进行。");
    one(check_dangling, "活动的时间是");
}

#[test]
fn a_users_base_template_wins_over_the_built_in_kinds() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(dir.path().join("speech")).unwrap();
    std::fs::write(
        dir.path().join("speech/base.md"),
        "# 在{{ campaign.name }}活动动员大会上的讲话\n\n同志们：\n\n我讲{{ points | length | cn_num }}点意见。\n",
    )
    .unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_bigan"))
        .args(["render", "--templates"])
        .arg(dir.path())
        .arg(root().join("profiles/hospital.yaml"))
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let md = String::from_utf8(out.stdout).unwrap();
    assert_eq!(
        md,
        "# 在创先争优活动动员大会上的讲话\n\n同志们：\n\n我讲三点意见。\n"
    );
}

#[test]
fn occasions_are_greeted_and_targets_secured() {
    let dir = tempfile::tempdir().unwrap();
    let yaml = "
org: { name: 青山区市场监管局, kind: generic }
campaign:
  name: 食品安全百日攻坚行动
  milestones: [建党90周年, 全年食品安全目标]
  phases:
    - { name: 动员部署, from: 2011-03-01, to: 2011-03-31, tasks: [召开动员大会, 制定实施方案] }
    - { name: 集中整治, from: 2011-04-01, to: 2011-05-31 }
    - { name: 总结验收, from: 2011-06-01, to: 2011-06-30 }
meeting: { date: 2011-03-10 }
";
    let md = speech_of(dir.path(), "generic.yaml", yaml);
    assert_genre(&md, "目标与纪念日并存的配置");
    assert!(!md.contains("行动活动"), "{md}");
    assert!(
        md.contains("# 在青山区市场监管局食品安全百日攻坚行动动员大会上的讲话"),
        "{md}"
    );
    // The occasion is greeted and the target secured, in the closing.
    let last = blocks(&md).last().copied().unwrap_or_default();
    assert!(last.contains("迎接建党90周年"), "{md}");
    assert!(
        last.contains("全年食品安全目标") && last.ends_with("！"),
        "{md}"
    );
    assert!(!md.contains("迎接全年"), "{md}");
    // Two phases without tasks ahead: one sentence for both, not two alike.
    assert_eq!(md.matches("另行部署").count(), 1, "{md}");
    assert!(md.contains("“集中整治”和“总结验收”这两个阶段"), "{md}");
}
