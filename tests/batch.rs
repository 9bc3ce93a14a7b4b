//! `bigan render` over several profiles or a folder: which files are
//! rendered, one file per profile and document, a bad profile reported at
//! its line and column while the others are written, the exit status, and
//! progress shown as plain lines on a pipe and as a bar on a terminal.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn bigan(args: &[&str], dir: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_bigan"))
        .args(args)
        .current_dir(dir)
        .output()
        .unwrap()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

const CAMPAIGN: &str = "\
campaign:
  name: 作风建设年
  goals: [转变作风, 提高效率]
  phases:
    - name: 动员部署
      from: 2024-03-01
      to: 2024-04-30
      tasks: [召开动员会议, 制定工作方案]
    - name: 整改落实
      from: 2024-05-01
      to: 2024-10-31
";

fn good(name: &str, kind: &str, progress: bool) -> String {
    let mut text = format!(
        "extends: campaigns/shared.yaml\norg:\n  name: {name}\n  kind: {kind}\nmeeting:\n  date: 2024-03-05\n"
    );
    if progress {
        text.push_str("progress:\n  date: 2024-06-10\n  achievements: [动员到位]\n");
    }
    text
}

/// A folder of profiles: two good ones sharing a campaign file through
/// `extends`, one broken (an impossible date on line 3), and a YAML file
/// that is no profile.
fn folder() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("profiles");
    fs::create_dir_all(p.join("campaigns")).unwrap();
    fs::write(p.join("campaigns/shared.yaml"), CAMPAIGN).unwrap();
    fs::write(p.join("a-hospital.yaml"), good("甲医院", "hospital", true)).unwrap();
    fs::write(p.join("c-county.yaml"), good("中共乙县委", "county", false)).unwrap();
    fs::write(
        p.join("b-broken.yaml"),
        "extends: campaigns/shared.yaml\norg: { name: 丙局 }\nmeeting: { date: 2024-13-45 }\n",
    )
    .unwrap();
    fs::write(p.join("notes.yml"), "campaign:\n  name: 备用\n").unwrap();
    dir
}

fn drafts(out: &Path) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(out)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| !n.starts_with('.'))
        .collect();
    names.sort();
    names
}

#[test]
fn a_folder_renders_the_good_profiles_and_reports_the_broken_one() {
    let dir = folder();
    let o = bigan(
        &["render", "profiles", "-o", "out", "--doc", "all"],
        dir.path(),
    );
    let err = stderr(&o);
    assert_eq!(o.status.code(), Some(1), "{err}");
    assert_eq!(
        drafts(&dir.path().join("out")),
        [
            "a-hospital.plan.md",
            "a-hospital.progress.md",
            "a-hospital.speech.md",
            "c-county.plan.md",
            "c-county.speech.md",
        ],
        "every good draft, nothing for the broken profile, the campaign file or the notes"
    );
    let speech = fs::read_to_string(dir.path().join("out/a-hospital.speech.md")).unwrap();
    // The campaign came through `extends`, the date from the profile.
    assert!(
        speech.contains("作风建设年") && speech.contains("2024年3月5日"),
        "{speech}"
    );
    // The broken profile, located rustc-style.
    assert!(err.contains("profiles/b-broken.yaml:3:18: 错误"), "{err}");
    assert!(err.contains("2024-13-45"), "{err}");
    // The shared campaign file and the file without org/meeting: skipped, with why.
    assert!(
        err.contains("跳过 profiles/campaigns/shared.yaml：共用文件（profiles/a-hospital.yaml 等 3 份配置用 extends 引用了它），不单独生成"),
        "{err}"
    );
    assert!(
        err.contains("跳过 profiles/notes.yml：没有 org（单位）和 meeting（会议）两节"),
        "{err}"
    );
    // The summary.
    assert!(
        err.contains("完成：2 份配置生成了 5 篇文稿，写在 out"),
        "{err}"
    );
    assert!(err.contains("失败 1 份"), "{err}");
    assert!(err.contains("profiles/b-broken.yaml"), "{err}");
}

#[test]
fn on_a_pipe_progress_is_plain_lines_in_order() {
    let dir = folder();
    let o = bigan(&["render", "profiles", "-o", "out"], dir.path());
    let err = stderr(&o);
    assert!(
        !err.contains('\r') && !err.contains('█') && !err.contains("\x1b["),
        "{err:?}"
    );
    let lines: Vec<&str> = err.lines().filter(|l| l.starts_with('[')).collect();
    assert_eq!(
        lines,
        [
            "[1/3] profiles/a-hospital.yaml → out/a-hospital.speech.md",
            "[2/3] profiles/b-broken.yaml：未生成（错误见上）",
            "[3/3] profiles/c-county.yaml → out/c-county.speech.md",
        ],
        "{err}"
    );
    // The same run again gives the same report: threads do not reorder it.
    let again = bigan(&["render", "profiles", "-o", "out"], dir.path());
    assert_eq!(stderr(&again), err);
}

#[test]
fn on_a_terminal_progress_is_a_bar() {
    // `script` (util-linux) runs the command on a pseudo-terminal.
    if Command::new("script").arg("--version").output().is_err() {
        eprintln!("script 不可用，跳过终端进度条的检查");
        return;
    }
    let dir = folder();
    let command = format!("{} render profiles -o out", env!("CARGO_BIN_EXE_bigan"));
    let o = Command::new("script")
        .args(["-qec", &command, "/dev/null"])
        .current_dir(dir.path())
        .env("TERM", "xterm")
        .output()
        .unwrap();
    let screen = String::from_utf8_lossy(&o.stdout);
    assert!(screen.contains("\r\x1b[2K生成中 ["), "{screen:?}");
    assert!(screen.contains("3/3"), "{screen:?}");
    assert!(
        !screen.contains("[1/3]"),
        "no plain lines on a terminal: {screen:?}"
    );
    assert!(screen.contains("profiles/b-broken.yaml:3:18"), "{screen:?}");
    assert!(screen.contains("完成：2 份配置"), "{screen:?}");
}

#[test]
fn several_profiles_need_an_output_folder() {
    let dir = folder();
    let o = bigan(
        &[
            "render",
            "profiles/a-hospital.yaml",
            "profiles/c-county.yaml",
        ],
        dir.path(),
    );
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("-o"), "{}", stderr(&o));
    let o = bigan(&["render", "profiles"], dir.path());
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("-o"), "{}", stderr(&o));
}

#[test]
fn profiles_named_alike_in_two_folders_are_refused_before_writing() {
    let dir = folder();
    let other = dir.path().join("other");
    fs::create_dir_all(other.join("campaigns")).unwrap();
    fs::write(other.join("campaigns/shared.yaml"), CAMPAIGN).unwrap();
    fs::write(
        other.join("A-Hospital.yaml"),
        good("丁医院", "hospital", false),
    )
    .unwrap();
    let o = bigan(&["render", "profiles", "other", "-o", "out"], dir.path());
    let err = stderr(&o);
    assert_eq!(o.status.code(), Some(2), "{err}");
    assert!(
        err.contains("profiles/a-hospital.yaml 与 other/A-Hospital.yaml"),
        "{err}"
    );
    assert!(!dir.path().join("out").exists());
}

#[test]
fn a_file_named_on_the_command_line_is_rendered_even_without_org() {
    let dir = folder();
    let o = bigan(
        &[
            "render",
            "profiles/notes.yml",
            "profiles/c-county.yaml",
            "-o",
            "out",
        ],
        dir.path(),
    );
    let err = stderr(&o);
    assert_eq!(o.status.code(), Some(1), "{err}");
    assert!(err.contains("profiles/notes.yml"), "{err}");
    assert!(err.contains("org.name"), "its problems are shown: {err}");
    assert_eq!(drafts(&dir.path().join("out")), ["c-county.speech.md"]);
}

#[test]
fn progress_for_a_profile_without_a_progress_section_is_an_error_for_it_alone() {
    let dir = folder();
    let o = bigan(
        &[
            "render",
            "profiles/a-hospital.yaml",
            "profiles/c-county.yaml",
            "--doc",
            "progress",
            "-o",
            "out",
        ],
        dir.path(),
    );
    let err = stderr(&o);
    assert_eq!(o.status.code(), Some(1), "{err}");
    assert!(
        err.contains("profiles/c-county.yaml: 错误: 没有 progress 一节"),
        "{err}"
    );
    assert_eq!(drafts(&dir.path().join("out")), ["a-hospital.progress.md"]);
}

#[test]
fn a_template_error_met_by_every_profile_is_shown_once() {
    let dir = folder();
    let t = dir.path().join("t/speech");
    fs::create_dir_all(&t).unwrap();
    fs::write(t.join("base.md"), "# {{ org.name | marker(level=9) }}\n").unwrap();
    let o = bigan(
        &["render", "profiles", "-o", "out", "--templates", "t"],
        dir.path(),
    );
    let err = stderr(&o);
    assert_eq!(o.status.code(), Some(1), "{err}");
    assert_eq!(err.matches("模板出错").count(), 1, "{err}");
    assert!(
        err.contains("profiles/c-county.yaml：生成失败，模板错误同上"),
        "{err}"
    );
}

#[test]
fn a_batch_in_html_gives_one_page_per_profile() {
    let dir = folder();
    fs::remove_file(dir.path().join("profiles/b-broken.yaml")).unwrap();
    let o = bigan(
        &["render", "profiles", "-o", "html", "--format", "html"],
        dir.path(),
    );
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(
        drafts(&dir.path().join("html")),
        ["a-hospital.speech.html", "c-county.speech.html"]
    );
    let page = fs::read_to_string(dir.path().join("html/c-county.speech.html")).unwrap();
    assert!(page.starts_with("<!DOCTYPE html>"), "{page}");
}

#[test]
fn nothing_to_render_is_said_plainly() {
    let dir = tempfile::tempdir().unwrap();
    let empty: PathBuf = dir.path().join("empty");
    fs::create_dir_all(&empty).unwrap();
    let o = bigan(&["render", "empty", "-o", "out"], dir.path());
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("没有找到要生成的配置文件"),
        "{}",
        stderr(&o)
    );
}

/// Profiles resolved on every core from what was read ahead: one that
/// extends a file that extends another is written as a render of it alone
/// writes it, and one whose campaign file is missing is reported at its
/// `extends` line while the others are written.
#[test]
fn chains_of_extends_and_a_missing_campaign_file_in_a_batch() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("profiles");
    fs::create_dir_all(p.join("campaigns")).unwrap();
    fs::write(p.join("campaigns/shared.yaml"), CAMPAIGN).unwrap();
    fs::write(
        p.join("campaigns/county.yaml"),
        "extends: shared.yaml\norg:\n  kind: county\n",
    )
    .unwrap();
    for (name, org) in [("a", "中共甲县委"), ("b", "中共乙县委")] {
        fs::write(
            p.join(format!("{name}.yaml")),
            format!("extends: campaigns/county.yaml\norg:\n  name: {org}\nmeeting:\n  date: 2024-03-05\n"),
        )
        .unwrap();
    }
    fs::write(
        p.join("c.yaml"),
        "org:\n  name: 丙局\nextends: campaigns/gone.yaml\nmeeting:\n  date: 2024-03-05\n",
    )
    .unwrap();
    let o = bigan(&["render", "profiles", "-o", "out"], dir.path());
    let err = stderr(&o);
    assert_eq!(o.status.code(), Some(1), "{err}");
    assert!(
        err.contains("c.yaml:3") && err.contains("extends 的文件读不了"),
        "{err}"
    );
    assert_eq!(
        drafts(&dir.path().join("out")),
        ["a.speech.md", "b.speech.md"]
    );
    let alone = bigan(&["render", "profiles/b.yaml"], dir.path());
    assert!(alone.status.success(), "{}", stderr(&alone));
    assert_eq!(
        fs::read(dir.path().join("out/b.speech.md")).unwrap(),
        alone.stdout
    );
}

/// A profile saved as GBK is read on a worker like the rest, refused with
/// how to convert it, and the others are written.
#[test]
fn a_profile_in_gbk_is_reported_and_the_others_written() {
    let dir = folder();
    let p = dir.path().join("profiles");
    fs::remove_file(p.join("b-broken.yaml")).unwrap();
    // "org:\n  name: 丁局\n" with 丁局 in GBK.
    fs::write(
        p.join("d-gbk.yaml"),
        b"extends: campaigns/shared.yaml\norg:\n  name: \xb6\xa1\xbe\xd6\nmeeting:\n  date: 2024-03-05\n",
    )
    .unwrap();
    let o = bigan(&["render", "profiles", "-o", "out"], dir.path());
    let err = stderr(&o);
    assert_eq!(o.status.code(), Some(1), "{err}");
    assert!(err.contains("d-gbk.yaml") && err.contains("GBK"), "{err}");
    assert_eq!(
        drafts(&dir.path().join("out")),
        ["a-hospital.speech.md", "c-county.speech.md"]
    );
}
