//! The catalogue of bad inputs: each folder under `tests/catalogue/` is one
//! case, run through both `bigan check` and `bigan render -o` (onto a file
//! that must come out byte-identical). What bigan printed to stderr and
//! the exit status are compared with the case's `expected.txt`.
//!
//! A case folder holds its input files (`profile.yaml` unless the case is
//! about a missing one), optionally `args` (extra arguments for both
//! commands), and `expected.txt`. Inputs too large or too odd to commit
//! are made by a generator named after the case (see [`generate`]).
//!
//! `UPDATE_SNAPSHOTS=1 cargo test --test catalogue` rewrites every
//! `expected.txt` from what bigan prints now; review the diff.
//!
//! Beyond the snapshots, every message is checked for what must never
//! reach a user: a panic, a Rust type name, an English-only sentence.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

/// What `-o` points at: a draft the user cares about.
const PRECIOUS: &[u8] = "手写的稿子：一个字也不能丢。\n".as_bytes();

/// Words that betray internals: type names, crate paths, a panic.
const INTERNALS: &[&str] = &[
    "panicked",
    "RUST_BACKTRACE",
    "Option<",
    "Vec<",
    "String",
    "alloc::",
    "std::",
    "core::",
    "serde",
    "saphyr",
    "Located",
    "Spanned",
    "RawOrg",
    "RawProfile",
    "Raw",
    "struct ",
    "i64",
    "u32",
    "usize",
];

#[test]
fn every_bad_input_gets_a_located_actionable_message() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/catalogue");
    let update = std::env::var_os("UPDATE_SNAPSHOTS").is_some_and(|v| v == "1");
    let mut cases: Vec<PathBuf> = fs::read_dir(&root)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_dir())
        .collect();
    cases.sort();
    assert!(cases.len() >= 25, "the catalogue lost cases: {cases:?}");
    let mut failures = Vec::new();
    for case in &cases {
        let name = case.file_name().unwrap().to_string_lossy().into_owned();
        let shown = run_case(case, &name, &mut failures);
        let expected_path = case.join("expected.txt");
        if update {
            fs::write(&expected_path, &shown).unwrap();
            continue;
        }
        let expected = fs::read_to_string(&expected_path).unwrap_or_default();
        if expected != shown {
            failures.push(format!(
                "{name}: output differs from expected.txt \
                 (UPDATE_SNAPSHOTS=1 to accept)\n--- expected\n{expected}--- got\n{shown}"
            ));
        }
    }
    assert!(failures.is_empty(), "\n{}", failures.join("\n\n"));
}

/// Runs one case in a fresh folder; returns the snapshot text and records
/// every rule it breaks in `failures`.
fn run_case(case: &Path, name: &str, failures: &mut Vec<String>) -> String {
    let dir = tempfile::tempdir().unwrap();
    copy_inputs(case, dir.path());
    generate(name, dir.path());
    let extra: Vec<String> = fs::read_to_string(case.join("args"))
        .unwrap_or_default()
        .split_whitespace()
        .map(str::to_owned)
        .collect();
    let out = dir.path().join("out.md");
    fs::write(&out, PRECIOUS).unwrap();

    let mut shown = String::new();
    let commands: [Vec<String>; 2] = [
        ["check", "profile.yaml"].map(String::from).to_vec(),
        ["render", "profile.yaml", "-o", "out.md"]
            .map(String::from)
            .to_vec(),
    ];
    for mut args in commands {
        args.extend(extra.iter().cloned());
        let o = Command::new(env!("CARGO_BIN_EXE_bigan"))
            .args(&args)
            .current_dir(dir.path())
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&o.stderr).into_owned();
        let code = o.status.code();
        shown.push_str(&format!(
            "$ bigan {}\nexit {}\n{stderr}",
            args.join(" "),
            code.map_or("signal".to_owned(), |c| c.to_string())
        ));
        if !stderr.ends_with('\n') {
            shown.push('\n');
        }
        let what = format!("{name}: bigan {}", args.join(" "));
        if !matches!(code, Some(1 | 2)) {
            failures.push(format!("{what}: exit {code:?}, expected 1 or 2\n{stderr}"));
        }
        if let Some(rule) = broken_rule(&stderr) {
            failures.push(format!("{what}: {rule}\n{stderr}"));
        }
        if fs::read(&out).unwrap() != PRECIOUS {
            failures.push(format!("{what}: the existing out.md was changed"));
        }
    }
    let leftovers: Vec<String> = fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with(".bigan"))
        .collect();
    if !leftovers.is_empty() {
        failures.push(format!("{name}: a failed run left {leftovers:?}"));
    }
    shown
}

/// The first rule a message breaks, if any.
fn broken_rule(stderr: &str) -> Option<String> {
    if stderr.trim().is_empty() {
        return Some("nothing was printed".to_owned());
    }
    if !["修改建议", "请", "检查", "运行"]
        .iter()
        .any(|w| stderr.contains(w))
    {
        return Some("no fix is suggested".to_owned());
    }
    for word in INTERNALS {
        // Snippet lines quote the user's own file, which may say anything.
        let prose = stderr.lines().filter(|l| !is_snippet(l));
        if prose.clone().any(|l| l.contains(word)) {
            return Some(format!("shows internals: {word:?}"));
        }
    }
    for line in stderr.lines().filter(|l| !is_snippet(l)) {
        if let Some(run) = english_sentence(line) {
            return Some(format!("an English sentence outside （…）: {run:?}"));
        }
        let headline = line.starts_with("错误") || line.contains(": 错误:");
        if headline && !line.chars().any(is_han) {
            return Some(format!("a message without Chinese: {line:?}"));
        }
    }
    None
}

/// A source line shown under a message (`  |`, `3 | …`, ` --> …`).
fn is_snippet(line: &str) -> bool {
    let t = line.trim_start();
    t.starts_with('|')
        || t.starts_with("-->")
        || t.split_once(" |")
            .is_some_and(|(n, _)| !n.is_empty() && n.chars().all(|c| c.is_ascii_digit()))
}

/// Four or more English words in a row, outside （…） and `…`.
fn english_sentence(line: &str) -> Option<String> {
    let mut depth = 0usize;
    let mut outside = String::new();
    for c in line.chars() {
        match c {
            '（' => depth += 1,
            '）' => depth = depth.saturating_sub(1),
            _ if depth == 0 => outside.push(c),
            _ => {}
        }
    }
    // Only words joined by spaces make a sentence: a list of keys joined
    // by 、 does not.
    for segment in outside.split(|c: char| !c.is_ascii()) {
        let mut run: Vec<&str> = Vec::new();
        for word in segment.split(' ') {
            if !word.is_empty() && word.chars().all(|c| c.is_ascii_alphabetic()) {
                run.push(word);
                if run.len() >= 4 {
                    return Some(run.join(" "));
                }
            } else {
                run.clear();
            }
        }
    }
    None
}

fn is_han(c: char) -> bool {
    ('\u{4e00}'..='\u{9fff}').contains(&c)
}

fn copy_inputs(from: &Path, to: &Path) {
    for entry in fs::read_dir(from).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap();
        let skip = ["expected.txt", "args", ".gitattributes"];
        if skip.iter().any(|s| name == *s) {
            continue;
        }
        let target = to.join(name);
        if path.is_dir() {
            fs::create_dir_all(&target).unwrap();
            copy_inputs(&path, &target);
        } else {
            fs::copy(&path, &target).unwrap();
        }
    }
}

/// Inputs made at test time: too large to commit, or not committable.
fn generate(case: &str, dir: &Path) {
    let profile = dir.join("profile.yaml");
    let valid =
        "org:\n  name: 朝阳市第二医院\ncampaign:\n  name: 创先争优\nmeeting:\n  date: 2010-05-20\n";
    match case {
        "too_large" => {
            let mut text = valid.to_owned();
            let line = format!("# {}\n", "备注".repeat(40));
            while text.len() <= 1024 * 1024 {
                text.push_str(&line);
            }
            fs::write(profile, text).unwrap();
        }
        "alias_bomb" => fs::write(profile, alias_bomb()).unwrap(),
        "deep_nesting" => {
            let deep = format!("{}{}", "[".repeat(10_000), "]".repeat(10_000));
            fs::write(profile, format!("{valid}points: {deep}\n")).unwrap();
        }
        "deep_block_nesting" => {
            let deep = "- ".repeat(10_000);
            fs::write(profile, format!("{valid}points:\n  {deep}甲\n")).unwrap();
        }
        "profile_is_folder" => fs::create_dir(profile).unwrap(),
        _ => {}
    }
}

/// A "billion laughs" shaped like a profile, so the schema accepts every
/// level: one long text repeated through phases, tasks, points and items.
pub fn alias_bomb() -> String {
    let long = "长".repeat(20_000);
    let texts = ["*t"; 10].join(", ");
    let items = ["*i"; 10].join(", ");
    let points = ["*p"; 10].join(", ");
    format!(
        "org:\n  name: 朝阳市第二医院\n  short: &t {long}\n\
         campaign:\n  name: 创先争优\n  goals: &g [{texts}]\n  theme: *g\n\
         meeting:\n  date: 2010-05-20\n\
         points: [&p {{ title: *t, items: [&i {{ lead: *t, text: *t }}, {items}] }}, {points}]\n"
    )
}

/// DESIGN.md: 0 success, 1 the input has problems, 2 usage or I/O error;
/// for every command that exists.
#[test]
fn exit_codes_follow_the_design() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let valid =
        "org:\n  name: 朝阳市第二医院\ncampaign:\n  name: 创先争优\nmeeting:\n  date: 2010-05-20\n";
    fs::write(d.join("ok.yaml"), valid).unwrap();
    fs::write(
        d.join("bad.yaml"),
        valid.replace("2010-05-20", "2010-13-45"),
    )
    .unwrap();
    fs::create_dir_all(d.join("t/speech")).unwrap();
    fs::write(d.join("t/speech/base.md"), "# {{ org.nmae }}\n").unwrap();
    fs::write(d.join("hand.md"), "手写的稿子\n").unwrap();
    let cases: &[(&[&str], i32)] = &[
        (&[], 2),
        (&["--help"], 0),
        (&["--version"], 0),
        (&["nonsense"], 2),
        // render
        (&["render", "ok.yaml"], 0),
        (&["render", "ok.yaml", "-o", "ok.md"], 0),
        (&["render", "ok.yaml", "-o", "ok.md"], 0),
        (&["render", "missing.yaml"], 2),
        (&["render", "bad.yaml"], 1),
        (&["render", "ok.yaml", "--templates", "t"], 1),
        // A folder that cannot be read is I/O, as in check (issue 17).
        (&["render", "ok.yaml", "--templates", "no-such-folder"], 2),
        (&["render", "ok.yaml", "--format", "pdf"], 2),
        (&["render", "ok.yaml", "--bogus"], 2),
        (&["render"], 2),
        (&["render", "ok.yaml", "-o", "hand.md"], 1),
        // A missing folder of -o FILE is made, as -o DIR is.
        (&["render", "ok.yaml", "-o", "no/such/folder/x.md"], 0),
        // check
        (&["check", "ok.yaml"], 0),
        (&["check", "bad.yaml"], 1),
        (&["check", "ok.yaml", "bad.yaml"], 1),
        (&["check", "missing.yaml"], 2),
        (&["check", "ok.yaml", "--templates", "t"], 1),
        (&["check"], 2),
        // new
        (&["new", "新单位"], 0),
        (&["check", "新单位.yaml"], 0),
        (&["new"], 2),
        (&["new", "x", "--kind", "kindergarten"], 2),
        // templates
        (&["templates", "list"], 0),
        (&["templates", "export", "out"], 0),
        (&["templates"], 2),
    ];
    let mut wrong = Vec::new();
    for (args, code) in cases {
        let o = Command::new(env!("CARGO_BIN_EXE_bigan"))
            .args(*args)
            .current_dir(d)
            .output()
            .unwrap();
        if o.status.code() != Some(*code) {
            wrong.push(format!(
                "bigan {}: exit {:?}, expected {code}\n{}",
                args.join(" "),
                o.status.code(),
                String::from_utf8_lossy(&o.stderr)
            ));
        }
    }
    assert_eq!(
        fs::read_to_string(d.join("hand.md")).unwrap(),
        "手写的稿子\n"
    );
    // Refusing to overwrite: nothing changes, whatever the status.
    let before = fs::read(d.join("新单位.yaml")).unwrap();
    let o = Command::new(env!("CARGO_BIN_EXE_bigan"))
        .args(["new", "新单位"])
        .current_dir(d)
        .output()
        .unwrap();
    assert!(!o.status.success());
    assert_eq!(fs::read(d.join("新单位.yaml")).unwrap(), before);
    assert!(wrong.is_empty(), "\n{}", wrong.join("\n"));
}
