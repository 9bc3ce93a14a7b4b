//! Each command's success and failure paths, through the binary, with the
//! exit statuses DESIGN.md promises: 0 ok, 1 the input has problems, 2 usage
//! or I/O.
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

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

#[test]
fn render_prints_the_speech_to_stdout() {
    let o = bigan(&["render", "profiles/hospital.yaml"], &root());
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(stdout(&o).contains("朝阳市第二医院") || stdout(&o).contains("我院"));
}

#[test]
fn render_writes_a_file_and_all_documents_into_a_folder() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("讲话.html");
    let profile = root().join("profiles/hospital.yaml");
    let o = bigan(
        &[
            "render",
            profile.to_str().unwrap(),
            "--format",
            "html",
            "-o",
            out.to_str().unwrap(),
        ],
        dir.path(),
    );
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(
        fs::read_to_string(&out)
            .unwrap()
            .starts_with("<!DOCTYPE html>")
    );

    let folder = dir.path().join("drafts");
    let o = bigan(
        &[
            "render",
            profile.to_str().unwrap(),
            "--doc",
            "all",
            "-o",
            folder.to_str().unwrap(),
        ],
        dir.path(),
    );
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    for doc in ["speech", "plan", "progress"] {
        assert!(folder.join(format!("hospital.{doc}.md")).is_file(), "{doc}");
    }
}

#[test]
fn render_refuses_docx_on_a_terminal_and_doc_all_without_a_folder() {
    let o = bigan(
        &["render", "profiles/hospital.yaml", "--format", "docx"],
        &root(),
    );
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("-o"), "{}", stderr(&o));
    let o = bigan(
        &["render", "profiles/hospital.yaml", "--doc", "all"],
        &root(),
    );
    assert_eq!(o.status.code(), Some(2));
}

#[test]
fn render_of_an_invalid_profile_writes_nothing_and_exits_1() {
    let dir = tempfile::tempdir().unwrap();
    let profile = dir.path().join("p.yaml");
    fs::write(
        &profile,
        "org: { name: 甲 }\ncampaign: { name: 乙 }\nmeeting: { date: 2010-13-45 }\n",
    )
    .unwrap();
    let out = dir.path().join("out.md");
    fs::write(&out, "之前的稿子").unwrap();
    let o = bigan(&["render", "p.yaml", "-o", "out.md"], dir.path());
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("p.yaml:3:"), "{}", stderr(&o));
    assert_eq!(fs::read_to_string(&out).unwrap(), "之前的稿子");
}

#[test]
fn a_missing_file_or_a_bad_flag_is_a_usage_error() {
    let o = bigan(&["render", "nope.yaml"], &root());
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("nope.yaml"), "{}", stderr(&o));
    let o = bigan(
        &["render", "profiles/hospital.yaml", "--format", "pdf"],
        &root(),
    );
    assert_eq!(o.status.code(), Some(2));
    let o = bigan(&["check", "nope.yaml"], &root());
    assert_eq!(
        o.status.code(),
        Some(2),
        "a profile that can't be read is an I/O error"
    );
}

#[test]
fn a_template_error_in_a_user_folder_is_located_and_exits_1() {
    let dir = tempfile::tempdir().unwrap();
    fs::create_dir_all(dir.path().join("t/speech")).unwrap();
    fs::write(
        dir.path().join("t/speech/base.md"),
        "# 标题\n\n{{ org.nmae }}\n",
    )
    .unwrap();
    let profile = root().join("profiles/hospital.yaml");
    let o = bigan(
        &["render", profile.to_str().unwrap(), "--templates", "t"],
        dir.path(),
    );
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert!(stderr(&o).contains("t/speech/base.md:3:"), "{}", stderr(&o));
}

/// The profile's problems come first: its templates are compiled only once
/// it is good, so a broken template does not hide them.
#[test]
fn a_profile_with_problems_is_reported_before_its_templates_are_read() {
    let dir = tempfile::tempdir().unwrap();
    fs::create_dir_all(dir.path().join("t/speech")).unwrap();
    fs::write(dir.path().join("t/speech/base.md"), "# 标题\n\n{% if %}\n").unwrap();
    fs::write(
        dir.path().join("p.yaml"),
        "org: { name: 甲 }\ncampaign: { name: 乙 }\nmeeting: { date: 2010-13-45 }\n",
    )
    .unwrap();
    let o = bigan(&["render", "p.yaml", "--templates", "t"], dir.path());
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("p.yaml:3:"), "{}", stderr(&o));
    assert!(!stderr(&o).contains("base.md"), "{}", stderr(&o));
    // With the profile mended, the template's error is the one reported.
    let o = bigan(
        &[
            "render",
            root().join("profiles/hospital.yaml").to_str().unwrap(),
            "--templates",
            "t",
        ],
        dir.path(),
    );
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("t/speech/base.md:3:"), "{}", stderr(&o));
}

#[test]
fn a_missing_template_folder_keeps_its_cause_and_exits_2_in_render_and_check() {
    let dir = tempfile::tempdir().unwrap();
    let profile = root().join("profiles/hospital.yaml");
    let profile = profile.to_str().unwrap();
    let out = dir.path().join("out");
    let out = out.to_str().unwrap();
    let single = ["render", profile, "--templates", "/nonexistent"];
    let batch = [
        "render",
        profile,
        profile,
        "-o",
        out,
        "--templates",
        "/nonexistent",
    ];
    let check = ["check", profile, "--templates", "/nonexistent"];
    for args in [&single[..], &batch[..], &check[..]] {
        let o = bigan(args, dir.path());
        // An unreadable folder is I/O (2), not a problem in the input (1).
        assert_eq!(o.status.code(), Some(2), "{args:?}: {}", stderr(&o));
        // The operating system's reason is said, not only bigan's summary.
        assert!(
            stderr(&o).contains("原因：") && stderr(&o).contains("找不到这个文件或文件夹"),
            "{args:?}: {}",
            stderr(&o)
        );
    }
}

#[test]
fn user_templates_override_builtins_by_name() {
    let dir = tempfile::tempdir().unwrap();
    fs::create_dir_all(dir.path().join("t/speech")).unwrap();
    // One template per document: the sector's differences are data.
    fs::write(
        dir.path().join("t/speech/base.md"),
        "# 自定义：{{ org.name }}讲{{ points | length | cn_num }}点\n",
    )
    .unwrap();
    let profile = root().join("profiles/hospital.yaml");
    let o = bigan(
        &["render", profile.to_str().unwrap(), "--templates", "t"],
        dir.path(),
    );
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(stdout(&o), "# 自定义：朝阳市第二医院讲三点\n");
}

#[test]
fn check_reports_the_three_classic_mistakes_with_line_and_column() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(
        dir.path().join("p.yaml"),
        "org:\n  name: 朝阳医院\n  partyorg: 院党委\ncampaign:\n  name: 创先争优\n  standards:\n    - label: 五个好\n      items: [领导班子好, 党员队伍好, 工作机制好, 工作业绩好]\n  phases:\n    - name: 全面争创\n      from: 2010-07-01\n      to: 2010-06-30\nmeeting:\n  date: 2010-05-20\n",
    )
    .unwrap();
    let o = bigan(&["check", "p.yaml"], dir.path());
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o);
    assert!(
        err.contains("p.yaml:3:3: 错误: 未知的键“partyorg”"),
        "{err}"
    );
    assert!(err.contains("是否想写“party_org”"), "{err}");
    assert!(err.contains("p.yaml:7:14:"), "{err}");
    assert!(err.contains("p.yaml:12:11:"), "{err}");
}

#[test]
fn check_summarises_a_good_profile() {
    let o = bigan(
        &["check", "profiles/hospital.yaml", "--pace", "250"],
        &root(),
    );
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let out = stdout(&o);
    for want in [
        "朝阳市第二医院",
        "三点",
        "第一阶段",
        "天）",
        "每分钟250字",
        "动员大会在此阶段",
    ] {
        assert!(out.contains(want), "missing {want}: {out}");
    }
}

#[test]
fn new_writes_a_profile_that_checks_and_renders() {
    let dir = tempfile::tempdir().unwrap();
    for kind in ["hospital", "county", "traffic", "generic"] {
        let name = format!("红星{kind}");
        let o = bigan(&["new", &name, "--kind", kind], dir.path());
        assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
        let file = format!("{name}.yaml");
        let o = bigan(&["check", &file], dir.path());
        assert_eq!(o.status.code(), Some(0), "{kind}: {}", stderr(&o));
        let o = bigan(&["render", &file, "--doc", "all", "-o", "out"], dir.path());
        assert_eq!(o.status.code(), Some(0), "{kind}: {}", stderr(&o));
    }
    let o = bigan(&["new", "红星hospital"], dir.path());
    assert_eq!(o.status.code(), Some(2), "never overwrites without --force");
}

#[test]
fn templates_list_and_export_round_trip() {
    let o = bigan(&["templates", "list"], &root());
    assert_eq!(o.status.code(), Some(0));
    assert!(stdout(&o).lines().any(|l| l == "speech/base.md"));

    let dir = tempfile::tempdir().unwrap();
    let o = bigan(&["templates", "export", "t"], dir.path());
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let exported = fs::read_to_string(dir.path().join("t/speech/base.md")).unwrap();
    assert!(!exported.is_empty());
    let o = bigan(&["templates", "export", "t"], dir.path());
    assert_eq!(o.status.code(), Some(2), "refuses to overwrite");

    // Exported templates render the same draft as the built-ins.
    let profile = root().join("profiles/hospital.yaml");
    let builtin = bigan(&["render", profile.to_str().unwrap()], dir.path());
    let exported = bigan(
        &["render", profile.to_str().unwrap(), "--templates", "t"],
        dir.path(),
    );
    assert_eq!(stdout(&builtin), stdout(&exported));
}

#[test]
fn help_explains_every_command() {
    let o = bigan(&["--help"], &root());
    let help = stdout(&o);
    for cmd in [
        "render",
        "check",
        "preview",
        "lint",
        "import",
        "new",
        "templates",
    ] {
        assert!(help.contains(cmd), "{cmd} missing from --help");
    }
    let o = bigan(&["render", "--help"], &root());
    assert!(stdout(&o).contains("--templates"));
}

#[test]
fn markdown_characters_in_profile_text_stay_text() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(
        dir.path().join("p.yaml"),
        "org: { name: 某市急救中心, kind: hospital }\ncampaign:\n  name: 服务提升\n  phases:\n    - name: 全面推进\n      from: 2024-03-01\n      to: 2024-06-30\n      tasks: [实行7*24小时值班, 开通5*8小时咨询热线, 设立_窗口_]\nmeeting: { date: 2024-03-01 }\n",
    )
    .unwrap();
    for doc in ["speech", "plan"] {
        let o = bigan(
            &["render", "p.yaml", "--doc", doc, "--format", "html"],
            dir.path(),
        );
        assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
        let html = stdout(&o);
        assert!(html.contains("实行7*24小时值班"), "{doc}: {html}");
        assert!(html.contains("开通5*8小时咨询热线"), "{doc}");
        assert!(html.contains("设立_窗口_"), "{doc}");
        let o = bigan(
            &["render", "p.yaml", "--doc", doc, "--format", "txt"],
            dir.path(),
        );
        assert!(stdout(&o).contains("实行7*24小时值班"), "{doc}");
    }
}

/// `import --clean-only` extracts no outline, so it prints no summary:
/// only the cleaned text, on stdout.
#[test]
fn import_clean_only_prints_only_the_cleaned_text() {
    let dir = root().join("tests/fixtures/import");
    for name in [
        "hospital-mobilization-speech.scraped.txt",
        "county-progress-meeting-speech.txt",
    ] {
        let o = bigan(&["import", "--clean-only", name], &dir);
        assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
        assert_eq!(stderr(&o), "", "{name}");
        assert!(!stdout(&o).is_empty(), "{name}");
        assert!(!stdout(&o).contains("points:"), "{name}");
    }
}

/// `-o FILE` in a missing folder makes the folder, as `-o DIR` does; a
/// file name where a folder is needed is refused, creating nothing.
#[test]
fn missing_output_folders_are_made_and_file_names_for_folders_refused() {
    let dir = tempfile::tempdir().unwrap();
    let profile = root().join("profiles/hospital.yaml");
    let profile = profile.to_str().unwrap();
    let o = bigan(&["render", profile, "-o", "missing/speech.md"], dir.path());
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(dir.path().join("missing/speech.md").is_file());

    for out in ["out/all.md", "all.DOCX"] {
        let o = bigan(&["render", profile, "--doc", "all", "-o", out], dir.path());
        assert_eq!(o.status.code(), Some(2), "{out}: {}", stderr(&o));
        assert!(stderr(&o).contains("文件夹"), "{}", stderr(&o));
        assert!(!dir.path().join(out).exists(), "{out}");
    }
    assert!(!dir.path().join("out").exists());
    let profiles = root().join("profiles");
    let o = bigan(
        &["render", profiles.to_str().unwrap(), "-o", "batch.md"],
        dir.path(),
    );
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert!(!dir.path().join("batch.md").exists());

    // An existing folder is a folder, whatever its name.
    fs::create_dir(dir.path().join("稿.md")).unwrap();
    let o = bigan(
        &["render", profile, "--doc", "all", "-o", "稿.md"],
        dir.path(),
    );
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
}

#[test]
fn doc_all_into_an_existing_file_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("稿"), "手写的\n").unwrap();
    let profile = root().join("profiles/hospital.yaml");
    let o = bigan(
        &[
            "render",
            profile.to_str().unwrap(),
            "--doc",
            "all",
            "-o",
            "稿",
        ],
        dir.path(),
    );
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert!(stderr(&o).contains("文件夹"), "{}", stderr(&o));
    assert_eq!(
        fs::read_to_string(dir.path().join("稿")).unwrap(),
        "手写的\n"
    );
}

/// `-o NAME.EXT` picks the format; a `--format` that says otherwise, or a
/// name that names no format, is refused before anything is written.
#[test]
fn the_output_files_name_picks_its_format() {
    let dir = tempfile::tempdir().unwrap();
    let profile = root().join("profiles/hospital.yaml");
    let profile = profile.to_str().unwrap();
    for (name, starts) in [
        ("讲话.docx", &b"PK\x03\x04"[..]),
        ("讲话.html", b"<!DOCTYPE html>"),
        ("讲话.md", "# 在".as_bytes()),
        ("讲话.txt", "在".as_bytes()),
    ] {
        let o = bigan(&["render", profile, "-o", name], dir.path());
        assert_eq!(o.status.code(), Some(0), "{name}: {}", stderr(&o));
        let bytes = fs::read(dir.path().join(name)).unwrap();
        assert!(bytes.starts_with(starts), "{name}");
    }
    let o = bigan(
        &["render", profile, "-o", "稿.docx", "--format", "md"],
        dir.path(),
    );
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("“Word 文档”") && stderr(&o).contains("稿.md"),
        "{}",
        stderr(&o)
    );
    for name in ["稿.pdf", "稿"] {
        let o = bigan(&["render", profile, "-o", name], dir.path());
        assert_eq!(o.status.code(), Some(2), "{name}");
        let err = stderr(&o);
        for ext in [".md", ".html", ".txt", ".docx", "--format"] {
            assert!(err.contains(ext), "{name}: {err}");
        }
        assert!(!dir.path().join(name).exists());
    }
    // An unknown name is fine when --format says what to write.
    let o = bigan(
        &["render", profile, "-o", "稿", "--format", "txt"],
        dir.path(),
    );
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
}

/// Usage errors in Chinese, exit 2: a bad value with the choices, an
/// unknown flag with the nearest one, an unknown command, a missing
/// argument. clap's English never shows.
#[test]
fn usage_errors_are_chinese() {
    let dir = tempfile::tempdir().unwrap();
    for (args, says) in [
        (
            &["render", "p.yaml", "--format", "pdf"][..],
            &[
                "--format 不能取“pdf”",
                "md、html、txt、docx",
                "用法：bigan render",
            ][..],
        ),
        (
            &["new", "甲", "--type", "county"],
            &["没有 --type 这个选项", "最接近的是 --kind"],
        ),
        (&["rendr", "p.yaml"], &["没有“rendr”这个命令", "“render”"]),
        (&["render"], &["缺少参数 <配置>"]),
        (
            &["check", "p.yaml", "--pace", "快"],
            &["--pace 的值“快”不对"],
        ),
        (&["lint", "--format", "xml"], &["text、json"]),
    ] {
        let o = bigan(args, dir.path());
        assert_eq!(o.status.code(), Some(2), "{args:?}");
        let err = stderr(&o);
        for s in says {
            assert!(err.contains(s), "{args:?}: {s} not in\n{err}");
        }
        for english in [
            "error:",
            "Usage",
            "tip:",
            "invalid",
            "unexpected",
            "For more",
        ] {
            assert!(!err.contains(english), "{args:?}: {english} in\n{err}");
        }
    }
}

/// `--help` of bigan and of every command is Chinese throughout: headings,
/// value names, defaults and choices, the help and version flags.
#[test]
fn help_is_chinese_everywhere() {
    let dir = tempfile::tempdir().unwrap();
    let commands = [
        "",
        "render",
        "check",
        "preview",
        "lint",
        "import",
        "new",
        "templates",
        "completions",
        "man",
        "help",
    ];
    for command in commands {
        for flag in ["-h", "--help"] {
            let mut args: Vec<&str> = command.split_whitespace().collect();
            args.push(flag);
            let o = bigan(&args, dir.path());
            assert_eq!(o.status.code(), Some(0), "{args:?}");
            let help = stdout(&o);
            assert!(help.contains("用法：bigan"), "{args:?}\n{help}");
            assert!(help.contains("显示帮助"), "{args:?}\n{help}");
            // Every English word left is a flag, a value or a name.
            for word in [
                "Usage",
                "Options",
                "Arguments",
                "Commands",
                "default",
                "possible",
                "Print",
                "help)",
                "PROFILE",
                "PATH",
                "DIR",
            ] {
                assert!(!help.contains(word), "{args:?}: {word} in\n{help}");
            }
        }
    }
    let o = bigan(&["help", "render"], dir.path());
    assert!(stdout(&o).contains("用法：bigan render"), "{}", stdout(&o));
    let o = bigan(&[], dir.path());
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("命令："), "{}", stderr(&o));
}

/// Completion scripts and the manual name every command.
#[test]
fn completions_and_man_page_name_the_commands() {
    let dir = tempfile::tempdir().unwrap();
    let commands = [
        "render",
        "check",
        "preview",
        "lint",
        "import",
        "new",
        "templates",
    ];
    for shell in ["bash", "zsh", "fish", "powershell"] {
        let o = bigan(&["completions", shell], dir.path());
        assert_eq!(o.status.code(), Some(0), "{shell}: {}", stderr(&o));
        let script = stdout(&o);
        assert!(script.len() > 500, "{shell}");
        for c in commands {
            assert!(script.contains(c), "{shell}: no {c}");
        }
    }
    let o = bigan(&["man"], dir.path());
    assert_eq!(o.status.code(), Some(0));
    let page = stdout(&o);
    assert!(
        page.starts_with(".ie") || page.contains(".TH BIGAN 1"),
        "{page}"
    );
    assert!(
        page.contains(".SH 用法") && page.contains(".SH 命令"),
        "{page}"
    );
    for c in commands {
        assert!(page.contains(&format!("bigan\\-{c}(1)")), "no {c}");
    }
    let o = bigan(&["man", "-o", "man"], dir.path());
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    for c in commands {
        let page = fs::read_to_string(dir.path().join(format!("man/bigan-{c}.1"))).unwrap();
        assert!(page.contains(".SH 选项"), "{c}");
    }
}

// `bigan render PROFILE` parses the campaign file the profile extends on
// a second thread, found by a quick look at the profile's lines, while it
// parses the profile (docs/performance.md). Whatever that look finds or
// misses, the draft and the problems reported must be those of a plain
// load, in the same order, at the same places.

/// The repository's hospital profile and the campaign file it extends,
/// copied into `dir` with its `extends` line written as `extends`.
fn hospital(dir: &Path, extends: &str) {
    let root = root().join("profiles");
    let campaign = "campaigns/chuangxian-zhengyou.yaml";
    let profile = fs::read_to_string(root.join("hospital.yaml")).unwrap();
    let line = format!("extends: {campaign}\n");
    assert!(
        profile.contains(&line),
        "hospital.yaml no longer extends {campaign}"
    );
    let profile = profile.replace(&line, &format!("{extends}\n"));
    fs::create_dir_all(dir.join("campaigns")).unwrap();
    fs::write(dir.join("hospital.yaml"), profile).unwrap();
    fs::copy(root.join(campaign), dir.join(campaign)).unwrap();
}

#[test]
fn the_draft_is_the_same_however_extends_is_written() {
    let expected = bigan(&["render", "profiles/hospital.yaml"], &root());
    assert!(expected.status.success(), "{}", stderr(&expected));
    assert!(!expected.stdout.is_empty());
    for extends in [
        // What the quick look reads, and what only the parser reads.
        "extends: campaigns/chuangxian-zhengyou.yaml   # 活动",
        "extends: \"campaigns/chuangxian-zhengyou.yaml\"",
        "extends: ./campaigns/../campaigns/chuangxian-zhengyou.yaml",
        "\"extends\": campaigns/chuangxian-zhengyou.yaml",
    ] {
        let dir = tempfile::tempdir().unwrap();
        hospital(dir.path(), extends);
        let o = bigan(&["render", "hospital.yaml"], dir.path());
        assert!(o.status.success(), "{extends}: {}", stderr(&o));
        assert!(o.stdout == expected.stdout, "{extends}: the draft differs");
    }
}

#[test]
fn problems_in_the_profile_come_before_those_of_the_file_it_extends() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    fs::write(
        d.join("p.yaml"),
        "extends: c.yaml\norg:\n  nmae: 甲\n  name: 甲\nmeeting:\n  date: 2010-05-20\n",
    )
    .unwrap();
    fs::write(d.join("c.yaml"), "campaign:\n  name: 乙\n  nmae: 丙\n").unwrap();
    let o = bigan(&["render", "p.yaml"], d);
    let err = stderr(&o);
    assert_eq!(o.status.code(), Some(1), "{err}");
    assert!(o.stdout.is_empty());
    let own = err.find("p.yaml:3:3:").unwrap_or_else(|| panic!("{err}"));
    let base = err.find("c.yaml:3:3:").unwrap_or_else(|| panic!("{err}"));
    assert!(own < base, "{err}");
}

#[test]
fn a_profile_that_extends_itself_or_a_missing_file_is_located() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    fs::write(
        d.join("self.yaml"),
        "extends: self.yaml\norg: { name: 甲 }\n",
    )
    .unwrap();
    fs::write(d.join("a.yaml"), "extends: b.yaml\norg: { name: 甲 }\n").unwrap();
    fs::write(d.join("b.yaml"), "extends: a.yaml\n").unwrap();
    fs::write(
        d.join("gone.yaml"),
        "extends: nope.yaml\norg: { name: 甲 }\n",
    )
    .unwrap();
    for (name, at, words) in [
        ("self.yaml", "self.yaml:1:10:", "循环"),
        ("a.yaml", "b.yaml:1:10:", "循环"),
        ("gone.yaml", "gone.yaml:1:10:", "读不了"),
    ] {
        let o = bigan(&["render", name], d);
        let err = stderr(&o);
        assert_eq!(o.status.code(), Some(1), "{name}: {err}");
        assert!(err.contains(at) && err.contains(words), "{name}: {err}");
    }
}
