#![allow(clippy::unwrap_used, clippy::expect_used)]
//! What every draft gets right whatever the profile holds: a phase inside
//! one month said as its month or its days, profile text that holds
//! quotation or book-title marks nested after GB/T 15834, items that hold
//! a 顿号 kept whole, and the checks on the mobilisation meeting's date and
//! kind (located, with the exit status a script can rely on).

mod support;

use std::path::{Path, PathBuf};
use std::process::Command;

use bigan::diagnostic::Severity;
use bigan::profile;
use bigan::render::{Doc, Renderer};

const BIN: &str = env!("CARGO_BIN_EXE_bigan");

/// A township's 2023 campaign; `{phases}` and `{extra}` are filled in.
const PROFILE: &str = "\
org:
  name: 临江区江滨街道
  kind: generic
  short: 全街道
campaign:
  name: 文明城市创建
  theme: [坚定理想信念、增强“四个意识”]
  standards:
    - label: 四讲四有
      items: [讲政治、有信念, 讲规矩、有纪律, 讲道德、有品行, 讲奉献、有作为]
  phases:
{phases}
meeting:
  date: 2023-06-05
plan:
  basis:
    issuer: 临江区委
    title: 关于印发《临江区深入开展全国文明城市创建活动实施方案》的通知
    number: 临发〔2023〕4号
{extra}";

const THREE_PHASES: &str = concat!(
    "    - { name: 宣传发动, from: 2023-06-01, to: 2023-06-30 }\n",
    "    - { name: 集中整治, from: 2023-07-01, to: 2023-08-31 }\n",
    "    - { name: 巩固提升, from: 2023-09-01, to: 2023-09-30 }",
);

const PROGRESS: &str = "progress:\n  date: 2023-08-10\n";

fn profile_text(phases: &str, extra: &str) -> String {
    PROFILE
        .replace("{phases}", phases)
        .replace("{extra}", extra)
}

fn write(dir: &Path, text: &str) -> PathBuf {
    let path = dir.join("街道.yaml");
    std::fs::write(&path, text).unwrap();
    path
}

/// Every document of the profile `text`, as Markdown.
fn drafts(text: &str) -> Vec<(Doc, String)> {
    let dir = tempfile::tempdir().unwrap();
    let loaded = profile::load(&write(dir.path(), text)).unwrap();
    let Some(profile) = loaded.profile else {
        panic!("invalid profile: {:?}", loaded.diagnostics);
    };
    let renderer = Renderer::new(None).unwrap();
    Doc::ALL
        .into_iter()
        .filter(|&doc| doc.supported_by(&profile))
        .map(|doc| {
            let text = renderer.render(&profile, doc).unwrap();
            assert_eq!(
                support::lint_errors(&text),
                Vec::<String>::new(),
                "{doc:?}:\n{text}"
            );
            (doc, text)
        })
        .collect()
}

fn draft(all: &[(Doc, String)], doc: Doc) -> &str {
    &all.iter().find(|(d, _)| *d == doc).unwrap().1
}

/// "9月到9月", "9月至9月", "9—9月": one month named as a range.
fn month_named_twice(text: &str) -> Option<String> {
    (1..=12).find_map(|m| {
        [
            format!("{m}月到{m}月"),
            format!("{m}月至{m}月"),
            format!("年{m}—{m}月"),
        ]
        .into_iter()
        .find(|bad| text.contains(bad.as_str()))
    })
}

#[test]
fn a_phase_of_one_whole_month_is_its_month() {
    let all = drafts(&profile_text(THREE_PHASES, PROGRESS));
    for (doc, text) in &all {
        assert_eq!(month_named_twice(text), None, "{doc:?}:\n{text}");
    }
    let speech = draft(&all, Doc::Speech);
    let third = support::phase_paragraph(speech, "第三阶段");
    assert!(
        third.contains("巩固提升") && third.contains("今年9月份"),
        "{speech}"
    );
    let plan = draft(&all, Doc::Plan);
    assert!(plan.contains("巩固提升阶段（2023年9月）"), "{plan}");
    let progress = draft(&all, Doc::Progress);
    assert!(progress.contains("今年9月份是第三阶段"), "{progress}");
}

#[test]
fn a_phase_of_part_of_a_month_is_its_days() {
    let phases = THREE_PHASES.replace("to: 2023-09-30", "to: 2023-09-15");
    let all = drafts(&profile_text(&phases, PROGRESS));
    for (doc, text) in &all {
        assert_eq!(month_named_twice(text), None, "{doc:?}:\n{text}");
    }
    assert!(
        support::phase_paragraph(draft(&all, Doc::Speech), "第三阶段").contains("今年9月1日至15日")
    );
    assert!(draft(&all, Doc::Plan).contains("巩固提升阶段（2023年9月1—15日）"));
    assert!(draft(&all, Doc::Progress).contains("今年9月1日至15日是第三阶段"));

    // Seen from inside the phase, it runs to a day.
    let inside = profile_text(&phases, "progress:\n  date: 2023-09-05\n");
    let progress = drafts(&inside);
    let progress = draft(&progress, Doc::Progress);
    assert!(progress.contains("从现在起到9月15日"), "{progress}");
}

#[test]
fn profile_text_is_quoted_and_titled_after_gbt_15834() {
    let all = drafts(&profile_text(THREE_PHASES, ""));
    let plan = draft(&all, Doc::Plan);
    assert!(
        plan.contains("临江区委《关于印发〈临江区深入开展全国文明城市创建活动实施方案〉的通知》（临发〔2023〕4号）"),
        "{plan}"
    );
    assert!(plan.contains("“坚定理想信念、增强‘四个意识’”"), "{plan}");
    let speech = draft(&all, Doc::Speech);
    assert!(
        speech.contains("“坚定理想信念、增强‘四个意识’”"),
        "{speech}"
    );
    // Items that hold a 顿号 are joined with 分号, so four stay four.
    assert!(
        speech.contains("即讲政治、有信念；讲规矩、有纪律；讲道德、有品行；讲奉献、有作为"),
        "{speech}"
    );
    for (doc, text) in &all {
        assert!(!text.contains("《关于印发《"), "{doc:?}");
        // The era's own formula says 增强“四个意识”; the theme nests it.
        assert!(!text.contains("坚定理想信念、增强“四个意识”"), "{doc:?}");
    }
}

/// `bigan check` on `text`: exit status and what it printed.
fn check(text: &str) -> (i32, String) {
    let dir = tempfile::tempdir().unwrap();
    let path = write(dir.path(), text);
    let out = Command::new(BIN).arg("check").arg(&path).output().unwrap();
    let said =
        String::from_utf8_lossy(&out.stdout).into_owned() + &String::from_utf8_lossy(&out.stderr);
    (out.status.code().unwrap(), said)
}

/// The line of `needle` in the profile `text`, 1-based.
fn line_of(text: &str, needle: &str) -> usize {
    text.lines().position(|l| l.contains(needle)).unwrap() + 1
}

#[test]
fn a_mobilisation_after_the_campaign_is_a_located_error() {
    let text = profile_text(THREE_PHASES, "").replace("date: 2023-06-05", "date: 2023-10-08");
    let (code, said) = check(&text);
    assert_eq!(code, 1, "{said}");
    let at = format!("街道.yaml:{}:", line_of(&text, "date: 2023-10-08"));
    assert!(said.contains(&at), "{said}");
    assert!(said.contains("在活动结束（2023年9月30日）之后"), "{said}");

    let dir = tempfile::tempdir().unwrap();
    let loaded = profile::load(&write(dir.path(), &text)).unwrap();
    assert!(loaded.profile.is_none(), "render refuses it too");
}

#[test]
fn a_mobilisation_after_the_first_phase_is_a_located_warning() {
    let text = profile_text(THREE_PHASES, "").replace("date: 2023-06-05", "date: 2023-07-10");
    let dir = tempfile::tempdir().unwrap();
    let loaded = profile::load(&write(dir.path(), &text)).unwrap();
    assert!(loaded.profile.is_some());
    let [warning] = loaded.diagnostics.as_slice() else {
        panic!("{:?}", loaded.diagnostics);
    };
    assert_eq!(warning.severity, Severity::Warning);
    assert_eq!(
        warning.line as usize,
        line_of(&text, "date: 2023-07-10"),
        "{warning}"
    );
    assert!(warning.message.contains("第一阶段"), "{warning}");
}

#[test]
fn meeting_kind_progress_says_to_write_a_progress_section() {
    let text = profile_text(THREE_PHASES, "").replace("meeting:\n", "meeting:\n  kind: progress\n");
    let (code, said) = check(&text);
    assert_eq!(code, 1, "{said}");
    let at = format!("街道.yaml:{}:", line_of(&text, "kind: progress"));
    assert!(said.contains(&at), "{said}");
    assert!(
        said.contains("progress:"),
        "the hint names the section: {said}"
    );

    // Saying what the section already is stays valid.
    let text =
        profile_text(THREE_PHASES, "").replace("meeting:\n", "meeting:\n  kind: mobilization\n");
    let (code, said) = check(&text);
    assert_eq!(code, 0, "{said}");
}

#[test]
fn markdown_drafts_show_no_backslash_that_changes_nothing() {
    let renderer = Renderer::new(None).unwrap();
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    for name in ["hospital", "county", "traffic"] {
        let loaded = profile::load(&root.join(format!("profiles/{name}.yaml"))).unwrap();
        let profile = loaded.profile.unwrap();
        for doc in Doc::ALL.into_iter().filter(|d| d.supported_by(&profile)) {
            let md = renderer.render(&profile, doc).unwrap();
            assert!(!md.contains('\\'), "{name} {doc:?}:\n{md}");
            assert!(md.contains("1.") || doc != Doc::Plan, "{name} {doc:?}");
        }
    }
}

#[test]
fn a_template_that_leaves_a_space_after_a_marker_still_numbers() {
    let dir = tempfile::tempdir().unwrap();
    let templates = dir.path().join("templates/speech");
    std::fs::create_dir_all(&templates).unwrap();
    std::fs::write(
        templates.join("base.md"),
        "# 标题\n\n{{ 1 | marker(level=3) }} 第一项。\n\n{{ 2 | marker(level=3) }}第二项。\n",
    )
    .unwrap();
    let profile_path = write(dir.path(), &profile_text(THREE_PHASES, ""));
    let profile = profile::load(&profile_path).unwrap().profile.unwrap();
    let md = Renderer::new(Some(&dir.path().join("templates")))
        .unwrap()
        .render(&profile, Doc::Speech)
        .unwrap();
    assert!(md.contains("1\\. 第一项。"), "{md}");
    assert!(md.contains("\n2.第二项。"), "{md}");
    let seen: Vec<String> = bigan::output::blocks::parse(&md)
        .iter()
        .map(bigan::output::blocks::Block::text)
        .collect();
    assert_eq!(seen, ["标题", "1. 第一项。", "2.第二项。"]);
}
