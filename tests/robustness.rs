//! No input can kill, hang or swamp bigan (issue 16): each fault the probe
//! found, through the binary. Sizes and counts are asserted, never times.
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

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

/// A valid profile without points, ready for more keys.
const HEAD: &str = "org:\n  name: 朝阳市第二医院\n  kind: hospital\ncampaign:\n  name: 创先争优\nmeeting:\n  date: 2010-05-20\n";

fn write(dir: &Path, name: &str, text: &str) -> PathBuf {
    let path = dir.join(name);
    fs::write(&path, text).unwrap();
    path
}

/// `points` with `n` empty points, on one line or one a line.
fn empty_points(n: usize, one_line: bool) -> String {
    if one_line {
        format!("{HEAD}points: [{}]\n", vec!["{}"; n].join(", "))
    } else {
        format!("{HEAD}points:\n{}", "  - {}\n".repeat(n))
    }
}

/// The shown diagnostics are capped, each caret line is no wider than its
/// source line as shown, and the total is still counted.
fn assert_bounded(o: &Output, problems: usize) {
    let err = stderr(o);
    assert_eq!(o.status.code(), Some(1), "{}", &err[..err.len().min(2000)]);
    let shown = err.matches(": 错误: ").count();
    assert_eq!(shown, 50, "{}", &err[..err.len().min(2000)]);
    assert!(
        err.contains(&format!("另有 {} 处错误未列出", problems - 50)),
        "{}",
        &err[err.len().saturating_sub(500)..]
    );
    // Fifty diagnostics of a few lines each, whatever the file's size.
    assert!(err.len() < 50 * 600, "{} bytes", err.len());
    let lines: Vec<&str> = err.lines().collect();
    for pair in lines.windows(2) {
        if pair[1].trim_start().starts_with("| ") && pair[1].ends_with('^') {
            let source = pair[0].split_once(" | ").unwrap().1;
            let caret = pair[1].split_once("| ").unwrap().1;
            let source_width: usize = source
                .chars()
                .map(|c| if c.is_ascii() { 1 } else { 2 })
                .sum();
            assert!(caret.len() <= source_width + 1, "{source}\n{caret}");
        }
    }
}

#[test]
fn many_problems_on_one_line_are_capped_and_windowed() {
    let dir = tempfile::tempdir().unwrap();
    for n in [32_000, 100_000] {
        let path = write(dir.path(), "p.yaml", &empty_points(n, true));
        let o = bigan(&["check", path.to_str().unwrap()], dir.path());
        // The first three points keep the template's; the rest lack a title.
        assert_bounded(&o, n - 3);
        assert!(stderr(&o).contains(&format!("发现 {} 处错误", n - 3)));
    }
}

#[test]
fn many_problems_on_separate_lines_are_capped() {
    let dir = tempfile::tempdir().unwrap();
    for n in [32_000, 100_000] {
        let path = write(dir.path(), "p.yaml", &empty_points(n, false));
        let o = bigan(&["check", path.to_str().unwrap()], dir.path());
        assert_bounded(&o, n - 3);
        let o = bigan(&["render", path.to_str().unwrap()], dir.path());
        assert_bounded(&o, n - 3);
        assert!(o.stdout.is_empty());
    }
}

/// Runs bigan with `stdin` as its standard input, killing it (and failing)
/// if it has not finished within a minute: a hang is the fault tested.
fn bigan_bounded(args: &[&str], dir: &Path, stdin: std::process::Stdio) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_bigan"))
        .args(args)
        .current_dir(dir)
        .stdin(stdin)
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    for _ in 0..600 {
        if child.try_wait().unwrap().is_some() {
            return child.wait_with_output().unwrap();
        }
        std::thread::sleep(std::time::Duration::from_millis(100));
    }
    child.kill().unwrap();
    panic!("bigan {args:?} still running after a minute: it blocked");
}

#[cfg(unix)]
fn mkfifo(path: &Path) {
    let status = Command::new("mkfifo").arg(path).status().unwrap();
    assert!(status.success(), "mkfifo {}", path.display());
}

#[cfg(unix)]
#[test]
fn a_fifo_is_refused_not_read() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    mkfifo(&d.join("fifo.yaml"));
    mkfifo(&d.join("fifo.md"));
    let null = std::process::Stdio::null;
    for args in [
        &["check", "fifo.yaml"][..],
        &["render", "fifo.yaml"],
        &["lint", "fifo.md"],
        &["import", "fifo.md"],
    ] {
        let o = bigan_bounded(args, d, null());
        assert_eq!(o.status.code(), Some(2), "{args:?}: {}", stderr(&o));
        assert!(
            stderr(&o).contains("不是普通文件"),
            "{args:?}: {}",
            stderr(&o)
        );
    }

    // In `extends`: a located error at the extends line.
    write(d, "p.yaml", &format!("extends: fifo.yaml\n{HEAD}"));
    for command in ["check", "render"] {
        let o = bigan_bounded(&[command, "p.yaml"], d, null());
        assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
        assert!(
            stderr(&o).starts_with("p.yaml:1:10: 错误: extends 指向的 fifo.yaml 不是普通文件"),
            "{}",
            stderr(&o)
        );
    }

    // As a draft's target, and as a template.
    write(d, "ok.yaml", HEAD);
    for force in [&[][..], &["--force"]] {
        let args = [&["render", "ok.yaml", "-o", "fifo.md"][..], force].concat();
        let o = bigan_bounded(&args, d, null());
        assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
        assert!(
            stderr(&o).contains("fifo.md 不是普通文件"),
            "{}",
            stderr(&o)
        );
    }
    fs::create_dir(d.join("templates")).unwrap();
    mkfifo(&d.join("templates/speech.md"));
    let o = bigan_bounded(
        &["render", "ok.yaml", "--templates", "templates"],
        d,
        null(),
    );
    assert_ne!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(stderr(&o).contains("不是普通文件"), "{}", stderr(&o));
}

#[cfg(unix)]
#[test]
fn extends_dev_stdin_is_refused_however_stdin_is_connected() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    write(d, "p.yaml", &format!("extends: /dev/stdin\n{HEAD}"));
    write(
        d,
        "up.yaml",
        &format!("extends: {}dev/stdin\n{HEAD}", "../".repeat(40)),
    );
    let campaign = write(d, "campaign.yaml", "campaign:\n  name: 从标准输入读来的\n");
    for name in ["p.yaml", "up.yaml"] {
        for stdin in [
            std::process::Stdio::null(),
            std::process::Stdio::piped(),
            fs::File::open(&campaign).unwrap().into(),
        ] {
            let o = bigan_bounded(&["check", name], d, stdin);
            let err = stderr(&o);
            assert_eq!(o.status.code(), Some(1), "{err}");
            assert!(
                err.starts_with(&format!("{name}:1:10: 错误: extends 指向的 ")),
                "{err}"
            );
            assert!(err.contains("不是普通文件"), "{err}");
            assert!(!stdout(&o).contains("从标准输入读来的"));
        }
    }
}

/// Whether `text` shows an English system message or fs-err's wording.
fn has_english(text: &str) -> bool {
    [
        "failed to",
        "os error",
        "No such",
        "Permission denied",
        "Read-only",
        "No space",
        "Not a directory",
    ]
    .iter()
    .any(|w| text.contains(w))
}

#[test]
fn a_file_where_a_folder_should_be_is_said_in_chinese() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    write(d, "ok.yaml", HEAD);
    write(d, "taken", "");
    for args in [
        &["render", "ok.yaml", "-o", "taken/out/x.md"][..],
        &["render", "ok.yaml", "--doc", "all", "-o", "taken/out"],
        &["render", ".", "-o", "taken/out"],
        &["import", "ok.yaml", "-o", "taken/out/"],
        &["templates", "export", "taken/t"],
    ] {
        let o = bigan(args, d);
        let err = stderr(&o);
        assert_eq!(o.status.code(), Some(2), "{args:?}: {err}");
        assert!(!has_english(&err), "{args:?}: {err}");
        assert!(err.contains("taken/"), "{args:?} names the path: {err}");
        assert!(err.contains("不是文件夹"), "{args:?}: {err}");
    }
}

#[cfg(target_os = "linux")]
#[test]
fn a_folder_that_cannot_be_made_is_said_in_chinese() {
    // Not even root may make a folder in /sys.
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "ok.yaml", HEAD);
    let o = bigan(
        &["render", "ok.yaml", "-o", "/sys/bigan-test/x.md"],
        dir.path(),
    );
    let err = stderr(&o);
    assert_eq!(o.status.code(), Some(2), "{err}");
    assert!(!has_english(&err), "{err}");
    assert!(err.contains("无法创建文件夹 /sys/bigan-test"), "{err}");
}

/// Runs `script` with sh in a private mount namespace (so a tmpfs it
/// mounts vanishes with it), or `None` when this machine does not allow
/// that (it needs root).
#[cfg(target_os = "linux")]
fn in_private_mounts(script: &str, dir: &Path) -> Option<Output> {
    let probe = Command::new("unshare")
        .args([
            "-m",
            "sh",
            "-c",
            "mount -t tmpfs -o size=4k tmpfs \"$0\"",
            ".",
        ])
        .current_dir(dir)
        .output()
        .ok()?;
    if !probe.status.success() {
        return None;
    }
    Command::new("unshare")
        .args(["-m", "sh", "-c", script, env!("CARGO_BIN_EXE_bigan")])
        .current_dir(dir)
        .output()
        .ok()
}

#[cfg(target_os = "linux")]
#[test]
fn a_read_only_or_full_disk_is_said_in_chinese() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "ok.yaml", HEAD);
    // $0 is bigan. A read-only disk: the output folder cannot be made.
    let script = r#"mkdir ro && mount -t tmpfs -o ro,size=64k tmpfs ro && "$0" render ok.yaml -o ro/out/x.md"#;
    let Some(o) = in_private_mounts(script, dir.path()) else {
        eprintln!(
            "SKIPPED a_read_only_or_full_disk_is_said_in_chinese: needs root to mount a tmpfs (unshare -m)"
        );
        return;
    };
    let err = stderr(&o);
    assert_eq!(o.status.code(), Some(2), "{err}");
    assert!(!has_english(&err), "{err}");
    assert!(
        err.contains("无法创建文件夹 ro/out：所在的磁盘或分区是只读的"),
        "{err}"
    );

    // A full disk: the backup of an edited draft cannot be written.
    let script = r#"mkdir full && mount -t tmpfs -o size=256k tmpfs full \
        && "$0" render ok.yaml -o full/x.md && echo 改过 >> full/x.md \
        && (dd if=/dev/zero of=full/fill bs=1k count=1000 2>/dev/null; true) \
        && "$0" render ok.yaml -o full/x.md --force"#;
    let o = in_private_mounts(script, dir.path()).unwrap();
    let err = stderr(&o);
    assert_eq!(o.status.code(), Some(2), "{err}");
    assert!(!has_english(&err), "{err}");
    assert!(err.contains("备份 full/x.md 失败，没有覆盖它"), "{err}");
    assert!(err.contains("磁盘已满"), "{err}");
}

#[test]
fn control_characters_from_the_profile_are_shown_escaped() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    // An ESC sequence that would clear the screen and retitle the window,
    // in a value, a misspelt key and an unknown choice.
    let profile = "org:\n  name: \"医院\\e[2J\\e]0;pwned\\a\"\n  \"nmae\\e[31m\": 1\ncampaign:\n  name: 创先争优\n  phases:\n    - name: \"动员\\e[31m\"\n      from: 2010-05-01\n      to: 2010-06-30\nmeeting:\n  date: 2010-05-20\n  kind: \"\\e[2J\"\n";
    write(d, "bad.yaml", profile);
    let good = profile
        .replace("  \"nmae\\e[31m\": 1\n", "")
        .replace("  kind: \"\\e[2J\"\n", "");
    write(d, "good.yaml", &good);
    write(d, "draft.md", "# 标题\n\n讲几点意见\x1b[2J\x07。\n");
    for args in [
        &["check", "bad.yaml"][..],
        &["check", "good.yaml"],
        &["render", "bad.yaml"],
        &["lint", "draft.md"],
        &["render", "good.yaml", "--templates", "gone\x1b[2J"],
    ] {
        let o = bigan(args, d);
        let all = format!("{}{}", stdout(&o), stderr(&o));
        if args[0] != "render" || args[1] == "bad.yaml" {
            assert!(
                !all.contains('\x1b') && !all.contains('\x07'),
                "{args:?}: {all:?}"
            );
        } else {
            assert!(!stderr(&o).contains('\x1b'), "{args:?}: {all:?}");
        }
        assert!(all.contains("\\u{1b}"), "{args:?}: {all}");
    }
    let o = bigan(&["check", "good.yaml"], d);
    assert!(
        stdout(&o).contains("单位：医院\\u{1b}[2J\\u{1b}]0;pwned\\u{7}"),
        "{}",
        stdout(&o)
    );
    assert!(stdout(&o).contains("动员\\u{1b}[31m"), "{}", stdout(&o));
}

#[test]
fn a_century_long_phase_gives_a_timeline_of_bounded_size() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let long = "org:\n  name: 医院\ncampaign:\n  name: 创先争优\n  phases:\n    - name: 长期\n      from: 1949-10-01\n      to: 2100-12-31\nmeeting:\n  date: 1949-10-01\n";
    write(d, "p.yaml", long);
    let o = bigan(
        &[
            "render", "p.yaml", "--format", "html", "--doc", "all", "-o", "out",
        ],
        d,
    );
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    // A warning at the phase's end says the span is implausible.
    assert!(
        stderr(&o).starts_with("p.yaml:8:11: 提醒: 活动从 1949-10-01 到 2100-12-31"),
        "{}",
        stderr(&o)
    );
    for entry in fs::read_dir(d.join("out")).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_none_or(|e| e != "html") {
            continue;
        }
        let html = fs::read_to_string(path).unwrap();
        assert!(html.matches(r#"class="tick""#).count() <= 40);
        assert!(html.len() < 60_000, "{} bytes", html.len());
    }
}

#[test]
fn dates_outside_the_supported_years_name_the_range() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    for (date, year) in [
        ("0999-05-20", "999"),
        ("1900-05-20", "1900"),
        ("2101-01-01", "2101"),
        ("10000-01-01", "10000"),
    ] {
        write(d, "p.yaml", &HEAD.replace("2010-05-20", date));
        let o = bigan(&["check", "p.yaml"], d);
        let err = stderr(&o);
        assert_eq!(o.status.code(), Some(1), "{err}");
        assert!(
            err.starts_with(&format!("p.yaml:7:9: 错误: “meeting.date”的日期“{date}”超出范围：bigan 支持 1949 年到 2100 年的日期，这里写的是 {year} 年")),
            "{err}"
        );
    }
    // A date that does not exist is still said to be so.
    write(d, "p.yaml", &HEAD.replace("2010-05-20", "2010-02-30"));
    assert!(stderr(&bigan(&["check", "p.yaml"], d)).contains("无法识别或不存在"));
}

#[test]
fn a_pace_of_zero_is_a_usage_error() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "p.yaml", HEAD);
    for pace in ["0", "5", "100000", "abc"] {
        let o = bigan(&["check", "p.yaml", "--pace", pace], dir.path());
        assert_eq!(o.status.code(), Some(2), "{pace}");
        assert!(
            stderr(&o).contains("要写 60 到 600 之间的整数"),
            "{}",
            stderr(&o)
        );
    }
    let o = bigan(&["check", "p.yaml", "--pace", "150"], dir.path());
    assert!(stdout(&o).contains("按每分钟150字"), "{}", stdout(&o));
}

#[test]
fn findings_are_located_where_the_profile_has_a_line() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    // A misspelt key leaves its section empty: the missing key is reported
    // at the section, with a hint to add it there.
    write(
        d,
        "p.yaml",
        &HEAD.replace(
            "  name: 朝阳市第二医院\n  kind: hospital",
            "  nmae: 朝阳市第二医院",
        ),
    );
    let err = stderr(&bigan(&["check", "p.yaml"], d));
    assert!(
        err.starts_with("p.yaml:1:1: 错误: 缺少必填的“org.name”"),
        "{err}"
    );
    assert!(err.contains("在 org: 下面加上一行 name: …"), "{err}");
    assert!(!err.contains("在文件里加上一节 org:"), "{err}");
    // A section really missing still says to add it.
    write(
        d,
        "p.yaml",
        &HEAD.replace("org:\n  name: 朝阳市第二医院\n  kind: hospital\n", ""),
    );
    let err = stderr(&bigan(&["check", "p.yaml"], d));
    assert!(err.contains("在文件里加上一节 org:"), "{err}");

    // A mobilisation meeting after the first phase: at meeting.date.
    let late = HEAD.replace(
        "campaign:\n  name: 创先争优\n",
        "campaign:\n  name: 创先争优\n  phases:\n    - name: 动员\n      from: 2010-05-01\n      to: 2010-05-10\n    - name: 推进\n      from: 2010-05-11\n      to: 2010-12-31\n",
    );
    write(d, "p.yaml", &late);
    let o = bigan(&["check", "p.yaml"], d);
    assert!(
        stderr(&o).starts_with("p.yaml:14:9: 提醒: 动员大会日期 2010-05-20 在第一阶段“动员”结束"),
        "{}",
        stderr(&o)
    );
}

fn fixture(name: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name);
    fs::read_to_string(path).unwrap()
}

#[test]
fn import_reads_old_mac_and_windows_line_endings() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let speech = fixture("import/county-progress-meeting-speech.txt");
    write(d, "lf.txt", &speech);
    write(d, "cr.txt", &speech.replace('\n', "\r"));
    write(d, "crlf.txt", &speech.replace('\n', "\r\n"));
    let cleaned = |name: &str| stdout(&bigan(&["import", "--clean-only", name], d));
    let lf = cleaned("lf.txt");
    assert!(lf.lines().count() > 10, "{lf}");
    assert_eq!(cleaned("cr.txt"), lf);
    assert_eq!(cleaned("crlf.txt"), lf);
    for name in ["cr.txt", "crlf.txt"] {
        let o = bigan(&["import", name, "-o", &name.replace(".txt", ".yaml")], d);
        assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
        assert!(stderr(&o).contains("三点，分论点 3/4/4"), "{}", stderr(&o));
    }
}

#[test]
fn a_million_character_line_imports_to_a_profile_check_accepts() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let numbered: String = (1..=200)
        .map(|i| format!("（{i}）第{i}条要求。\n"))
        .collect();
    let text = format!(
        "在大会上的讲话\n同志们：\n讲两点意见。\n一、加强领导\n（一）{}\n（二）{}\n二、抓好落实\n{numbered}",
        "落实".repeat(500_000),
        "加强领导，".repeat(200_000),
    );
    write(d, "long.txt", &text);
    let o = bigan(&["import", "long.txt", "-o", "long.yaml"], d);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let profile = fs::read_to_string(d.join("long.yaml")).unwrap();
    // A speech-sized outline: leads cut to a sentence, at most 30 items.
    assert!(profile.len() < 20_000, "{} bytes", profile.len());
    assert_eq!(profile.matches("- lead:").count(), 2 + 30);
    // Only what import leaves for the user to fill in is an error.
    let o = bigan(&["check", "long.yaml"], d);
    let err = stderr(&o);
    let errors: Vec<&str> = err.lines().filter(|l| l.contains(": 错误: ")).collect();
    assert!(errors.iter().all(|l| l.contains("空着")), "{err}");
}

/// 100,000 "一、标题" lines: run with `cargo test -- --ignored` (import
/// was quadratic in headings: 117 s; now a fraction of a second in a
/// release build; see docs/performance.md).
#[test]
#[ignore = "large input; a benchmark more than a test"]
fn a_hundred_thousand_headings_import() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "h.txt", &"一、标题\n".repeat(100_000));
    let o = bigan(&["import", "h.txt", "-o", "h.yaml"], dir.path());
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let o = bigan(&["check", "h.yaml"], dir.path());
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
}

/// 50 MB of a real speech, repeated: run with `cargo test -- --ignored`
/// (lint was quadratic: 12 MB took 83 s). The report stays short.
#[test]
#[ignore = "large input; a benchmark more than a test"]
fn lint_and_import_fifty_megabytes() {
    let dir = tempfile::tempdir().unwrap();
    let speech = fixture("import/county-progress-meeting-speech.txt");
    let copies = 50_000_000 / speech.len() + 1;
    write(dir.path(), "big.txt", &speech.repeat(copies));
    let o = bigan(&["lint", "big.txt"], dir.path());
    assert_eq!(o.status.code(), Some(1));
    assert!(o.stdout.len() < 100_000, "{} bytes", o.stdout.len());
    let o = bigan(&["import", "big.txt", "-o", "out"], dir.path());
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
}

/// Patterns that made a lint rule quadratic, each 200 KB on one line and
/// as many lines: they now take a moment (a quadratic rule would take
/// minutes here), and the report stays short.
#[test]
fn lint_reads_pathological_lines_in_linear_time() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let patterns = [
        ("numerals.txt", "一二三四五六七八九十"),
        ("pinyin.txt", "醫(yī)院"),
        ("brackets.txt", "【（(["),
        ("templates.txt", "{{"),
        ("claims.txt", "“讲三点意见：第一，"),
        ("list.txt", "五个好即甲、"),
        ("emphasis.md", "*强调*文字"),
        ("phases.txt", "分三个阶段进行。\n第一阶段\n"),
    ];
    for (name, unit) in patterns {
        let text = unit.repeat(200_000 / unit.len());
        write(d, name, &text);
        let o = bigan(&["lint", name], d);
        assert!(
            o.status.code().is_some_and(|c| c <= 1),
            "{name}: {}",
            stderr(&o)
        );
        assert!(o.stdout.len() < 60_000, "{name}: {} bytes", o.stdout.len());
    }
    // Nested parentheses are read once however deep they go.
    let deep = format!("{}中{}", "(".repeat(50_000), ")".repeat(50_000));
    write(d, "deep.txt", &deep);
    assert!(
        bigan(&["lint", "deep.txt"], d)
            .status
            .code()
            .is_some_and(|c| c <= 1)
    );
    // 5 MB of line breaks: nothing to report, and no entry per blank line.
    write(d, "breaks.txt", &"\n".repeat(5_000_000));
    let o = bigan(&["lint", "breaks.txt"], d);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
}

/// A byline dated outside 1949–2100 (found by fuzzing import): the date is
/// not taken, so the profile has nothing check refuses but what to fill in.
#[test]
fn import_takes_no_date_check_would_refuse() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    write(
        d,
        "t.txt",
        "在全县创先争优活动推进会议上的讲话\n（5190年11月3日）\n同志们：\n讲两点意见。\n一、提高认识\n（一）统一思想。正文。\n二、抓好落实\n",
    );
    let o = bigan(&["import", "t.txt", "-o", "t.yaml"], d);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let err = stderr(&bigan(&["check", "t.yaml"], d));
    assert!(!err.contains("5190"), "{err}");
    let errors: Vec<&str> = err.lines().filter(|l| l.contains(": 错误: ")).collect();
    assert!(errors.iter().all(|l| l.contains("空着")), "{err}");
}

/// A byline that contradicts the phases' months (found by fuzzing import:
/// a meeting in November, a first phase "从现在起到6月底"): the
/// contradicted dates are left to fill in, never written for check to
/// refuse.
#[test]
fn import_leaves_contradicted_phase_dates_to_fill_in() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let text = "在创先争优活动动员大会上的讲话\n（2012年11月2日）\n同志们：\n今天开会，我讲两点意见。\n一、提高认识\n活动分两个阶段进行。第一阶段，广泛发动。时间是从现在起到6月底。第二阶段，全面推进。时间是从今年7月到明年7月。\n二、抓好落实\n（一）明确责任。正文。\n";
    write(d, "t.txt", text);
    let o = bigan(&["import", "t.txt", "-o", "t.yaml"], d);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let profile = fs::read_to_string(d.join("t.yaml")).unwrap();
    let err = stderr(&bigan(&["check", "t.yaml"], d));
    let errors: Vec<&str> = err.lines().filter(|l| l.contains(": 错误: ")).collect();
    assert!(
        errors.iter().all(|l| l.contains("空着")),
        "{err}\n{profile}"
    );
}
