//! `bigan import` end to end on the reference texts: the outline found,
//! the profile `bigan check` accepts, the speech rendered from it with the
//! same outline, splitting, cleaning, and never overwriting by accident.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

const BIN: &str = env!("CARGO_BIN_EXE_bigan");

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/import")
        .join(name)
}

fn bigan(args: &[&str]) -> Output {
    Command::new(BIN).args(args).output().unwrap()
}

fn s(p: &Path) -> &str {
    p.to_str().unwrap()
}

/// Imports `name` into a profile in `dir` and returns its path.
fn import_to(name: &str, dir: &Path) -> PathBuf {
    let out = dir.join(name.replace(".txt", ".yaml"));
    let run = bigan(&["import", s(&fixture(name)), "-o", s(&out)]);
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    out
}

/// The points of an imported profile, (title, leads), as import writes
/// them (one plain scalar a line, under `points:` or `progress:`);
/// `check_passes` proves the YAML valid.
fn points(profile: &Path) -> Vec<(String, Vec<String>)> {
    let text = std::fs::read_to_string(profile).unwrap();
    let mut out: Vec<(String, Vec<String>)> = Vec::new();
    for line in text.lines() {
        let line = line
            .strip_prefix("  ")
            .filter(|_| is_progress(profile))
            .unwrap_or(line);
        if let Some(title) = line.strip_prefix("  - title: ") {
            out.push((title.to_owned(), Vec::new()));
        } else if let Some(lead) = line.strip_prefix("      - lead: ") {
            out.last_mut().unwrap().1.push(lead.to_owned());
        }
    }
    out
}

/// Whether import took the speech for a progress speech: its outline is
/// then the progress meeting's.
fn is_progress(profile: &Path) -> bool {
    std::fs::read_to_string(profile)
        .unwrap()
        .lines()
        .any(|l| l == "progress:")
}

fn check_passes(profile: &Path) {
    let out = bigan(&["check", s(profile)]);
    assert!(
        out.status.success(),
        "{}: {}{}",
        profile.display(),
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn hospital_speech_imports_with_its_three_points() {
    let dir = tempfile::tempdir().unwrap();
    let profile = import_to("hospital-mobilization-speech.scraped.txt", dir.path());
    let points = points(&profile);
    let titles: Vec<&str> = points.iter().map(|p| p.0.as_str()).collect();
    assert_eq!(
        titles,
        [
            "充分认识开展创先争优活动的重要意义，切实增强工作的责任感和紧迫感",
            "准确把握活动主题和精神，保证创先争优活动的正确方向",
            "加强组织领导，确保创先争优活动任务落到实处",
        ]
    );
    let counts: Vec<usize> = points.iter().map(|p| p.1.len()).collect();
    assert_eq!(counts, [4, 4, 5]);
    assert_eq!(
        points[0].1[0],
        "开展创先争优活动是巩固扩大学习实践活动成果的需要"
    );
    assert_eq!(points[2].1[0], "明确领导责任");
    let text = std::fs::read_to_string(&profile).unwrap();
    assert!(text.contains("name: 辽宁省朝阳市第二医院"), "{text}");
    assert!(text.contains("kind: hospital"));
    assert!(text.contains("name: 创先争优"));
    assert!(text.contains("# TODO 会议日期"), "{text}");
    assert!(text.contains("2012-11-02"), "publication date as a hint");
    check_passes(&profile);
}

#[test]
fn county_and_traffic_speeches_import_with_their_points() {
    let dir = tempfile::tempdir().unwrap();
    let county = import_to("county-progress-meeting-speech.txt", dir.path());
    let points_c = points(&county);
    assert_eq!(points_c.len(), 3);
    assert_eq!(
        points_c[0].0,
        "深入开展创先争优活动要在党群联动、齐争共创上下功夫"
    );
    assert!(points_c.iter().all(|p| p.1.len() >= 3), "{points_c:?}");
    let text = std::fs::read_to_string(&county).unwrap();
    assert!(text.contains("date: 2010-11-03"), "{text}");
    // A progress speech's outline and date are the progress meeting's; the
    // mobilisation's date is asked for.
    assert!(is_progress(&county), "{text}");
    assert!(text.contains("# TODO 动员大会日期"), "{text}");
    assert!(!text.contains("kind: progress"), "{text}");
    assert!(text.contains("name: （请填写单位全称）"));
    check_passes(&county);

    let traffic = import_to("traffic-bureau-safety-speech.txt", dir.path());
    let points_t = points(&traffic);
    let titles: Vec<&str> = points_t.iter().map(|p| p.0.as_str()).collect();
    assert_eq!(
        titles,
        [
            "统一思想，提高认识，进一步把握创建平安单位的形势和意义",
            "理清思路，规范操作，进一步明确创建平安单位的目标和任务",
            "加大力度，加快节奏，进一步落实创建平安单位的机制和措施",
        ]
    );
    assert_eq!(points_t[1].1.len(), 10);
    let text = std::fs::read_to_string(&traffic).unwrap();
    assert!(
        text.contains("讲几点意见"),
        "the unfilled count is noted: {text}"
    );
    check_passes(&traffic);
}

#[test]
fn several_speeches_in_one_file_give_one_profile_each() {
    let dir = tempfile::tempdir().unwrap();
    let both = dir.path().join("合集.txt");
    let mut text = std::fs::read_to_string(fixture("county-progress-meeting-speech.txt")).unwrap();
    text.push('\n');
    text.push_str(&std::fs::read_to_string(fixture("traffic-bureau-safety-speech.txt")).unwrap());
    std::fs::write(&both, text).unwrap();

    let out = bigan(&["import", s(&both)]);
    assert_eq!(out.status.code(), Some(2), "several speeches need -o");
    assert!(String::from_utf8_lossy(&out.stderr).contains("-o"));

    let folder = dir.path().join("profiles");
    let out = bigan(&["import", s(&both), "-o", s(&folder)]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let first = folder.join("合集-1.yaml");
    let second = folder.join("合集-2.yaml");
    assert!(points(&first)[0].0.contains("党群联动"));
    assert!(points(&second)[0].0.contains("统一思想"));
    check_passes(&first);
    check_passes(&second);

    let named = dir.path().join("讲话.yaml");
    let out = bigan(&["import", s(&both), "-o", s(&named)]);
    assert!(out.status.success());
    assert!(dir.path().join("讲话-1.yaml").exists() && dir.path().join("讲话-2.yaml").exists());
}

/// Renders `profile` with the outline-only templates in the fixtures and
/// checks every title and lead appears, in order.
fn assert_outline_rendered(profile: &Path, templates: Option<&Path>) {
    let doc = if is_progress(profile) {
        "progress"
    } else {
        "speech"
    };
    let mut args = vec!["render", "--doc", doc, s(profile)];
    if let Some(t) = templates {
        args.extend(["--templates", s(t)]);
    }
    let out = bigan(&args);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let draft = String::from_utf8(out.stdout).unwrap();
    let mut from = 0;
    for (title, leads) in points(profile) {
        for needle in std::iter::once(&title).chain(&leads) {
            let at = draft[from..]
                .find(needle.as_str())
                .unwrap_or_else(|| panic!("“{needle}” missing or out of order in:\n{draft}"));
            from += at + needle.len();
        }
    }
}

#[test]
fn the_profile_renders_the_source_outline() {
    let dir = tempfile::tempdir().unwrap();
    let templates = fixture("templates");
    for name in [
        "hospital-mobilization-speech.scraped.txt",
        "county-progress-meeting-speech.txt",
        "traffic-bureau-safety-speech.txt",
    ] {
        let profile = import_to(name, dir.path());
        assert_outline_rendered(&profile, Some(&templates));
    }
}

/// The same with the built-in speech template: the profile's points stand
/// in place of the campaign type's.
#[test]
fn the_profile_renders_the_source_outline_with_builtin_templates() {
    let dir = tempfile::tempdir().unwrap();
    let profile = import_to("hospital-mobilization-speech.scraped.txt", dir.path());
    assert_outline_rendered(&profile, None);
}

#[test]
fn clean_only_removes_what_lint_finds() {
    let dir = tempfile::tempdir().unwrap();
    let cleaned = dir.path().join("cleaned.txt");
    let out = bigan(&[
        "import",
        "--clean-only",
        s(&fixture("hospital-mobilization-speech.scraped.txt")),
        "-o",
        s(&cleaned),
    ]);
    assert!(out.status.success());
    let text = std::fs::read_to_string(&cleaned).unwrap();
    assert!(
        text.starts_with("在创先争优活动动员大会上的讲话\n同志们：\n"),
        "{text}"
    );
    assert!(
        text.contains("一、充分认识开展创先争优活动的重要意义，切实增强工作的责任感和紧迫感\n")
    );
    assert!(!text.contains("当前位置") && !text.contains("www.") && !text.contains("更多"));
    let lint = bigan(&[
        "lint",
        "--rule",
        "debris",
        "--rule",
        "punct",
        "--rule",
        "text",
        s(&cleaned),
    ]);
    assert_eq!(
        lint.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&lint.stdout)
    );
}

#[test]
fn never_overwrites_without_force() {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("p.yaml");
    std::fs::write(&target, "手写的配置\n").unwrap();
    let input = fixture("traffic-bureau-safety-speech.txt");
    let out = bigan(&["import", s(&input), "-o", s(&target)]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("--force"));
    assert_eq!(std::fs::read_to_string(&target).unwrap(), "手写的配置\n");
    let out = bigan(&["import", s(&input), "-o", s(&target), "--force"]);
    assert!(out.status.success());
    assert!(
        std::fs::read_to_string(&target)
            .unwrap()
            .contains("points:")
    );
    // The hand-written file is backed up; no temporary files are left behind.
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 2);
    let backups: Vec<_> = std::fs::read_dir(dir.path().join(".bigan/backup"))
        .unwrap()
        .map(|e| std::fs::read_to_string(e.unwrap().path()).unwrap())
        .collect();
    assert_eq!(backups, ["手写的配置\n"]);
}

#[test]
fn without_o_the_profile_goes_to_stdout() {
    let out = bigan(&["import", s(&fixture("county-progress-meeting-speech.txt"))]);
    assert!(out.status.success());
    let yaml = String::from_utf8(out.stdout).unwrap();
    assert!(yaml.starts_with("# bigan import"));
    assert!(yaml.contains("points:"));
    assert!(String::from_utf8_lossy(&out.stderr).contains("三点"));
}

#[test]
fn an_empty_or_all_debris_file_is_an_input_error() {
    let dir = tempfile::tempdir().unwrap();
    let page = dir.path().join("page.txt");
    std::fs::write(&page, "当前位置：首页 > 新闻\n更多>\n").unwrap();
    let out = bigan(&["import", s(&page)]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("没有剩下文字"));
}
