//! Output never loses work: a draft edited since bigan wrote it, or a file
//! bigan did not write, is only overwritten with `--force` (and then
//! backed up); a failed render leaves everything as it was.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use bigan::error::InputError;
use bigan::output::write;

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

const PROFILE: &str = r#"org:
  name: 朝阳市第二医院
  kind: hospital
campaign:
  name: 创先争优
  phases:
    - name: 动员部署
      from: 2010-05-20
      to: 2010-06-30
meeting:
  date: 2010-05-20
  speaker: { name: 张建华, title: 院党委书记 }
progress:
  date: 2010-06-10
  achievements: [召开了动员大会]
  problems: [进展还不平衡]
"#;

/// A folder with `p.yaml`.
fn setup() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("p.yaml"), PROFILE).unwrap();
    dir
}

/// Changes the profile so every draft comes out different.
fn change_profile(dir: &Path) {
    let text = fs::read_to_string(dir.join("p.yaml")).unwrap();
    fs::write(dir.join("p.yaml"), text.replace("张建华", "李明远")).unwrap();
}

fn render_to(dir: &Path, out: &str, force: bool) -> Output {
    let mut args = vec!["render", "p.yaml", "-o", out];
    if force {
        args.push("--force");
    }
    bigan(&args, dir)
}

/// The contents of the backups of `name` in `dir/.bigan/backup`, oldest
/// name first.
fn backups(dir: &Path, name: &str) -> Vec<String> {
    let Ok(entries) = fs::read_dir(dir.join(".bigan/backup")) else {
        return Vec::new();
    };
    let mut paths: Vec<PathBuf> = entries
        .map(|e| e.unwrap().path())
        .filter(|p| {
            let file = p.file_name().unwrap().to_string_lossy().into_owned();
            file.starts_with(&format!("{name}."))
        })
        .collect();
    // Same second: `NAME.T` sorts before `NAME.T-2`.
    paths.sort();
    paths
        .iter()
        .map(|p| fs::read_to_string(p).unwrap())
        .collect()
}

#[test]
fn a_second_force_keeps_the_first_backup() {
    let dir = setup();
    let draft = dir.path().join("讲话.md");
    fs::write(&draft, "第一稿，手写。\n").unwrap();
    let o = render_to(dir.path(), "讲话.md", true);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    fs::write(&draft, "第二稿，又改过。\n").unwrap();
    let o = render_to(dir.path(), "讲话.md", true);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let mut kept = backups(dir.path(), "讲话.md");
    kept.sort();
    assert_eq!(kept, vec!["第一稿，手写。\n", "第二稿，又改过。\n"]);
}

#[test]
fn a_huge_file_is_backed_up_before_a_forced_overwrite() {
    let dir = setup();
    let draft = dir.path().join("讲话.md");
    let huge = "大".repeat(6 * 1024 * 1024); // 18 MiB, past the comparison limit
    fs::write(&draft, &huge).unwrap();
    let o = render_to(dir.path(), "讲话.md", false);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    let o = render_to(dir.path(), "讲话.md", true);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(stderr(&o).contains("备份"), "{}", stderr(&o));
    assert!(fs::read_to_string(&draft).unwrap().contains("张建华"));
    assert!(
        backups(dir.path(), "讲话.md") == vec![huge],
        "the huge file is kept"
    );
}

#[test]
fn rerendering_an_unedited_draft_replaces_it() {
    let dir = setup();
    let o = render_to(dir.path(), "讲话.md", false);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let first = fs::read(dir.path().join("讲话.md")).unwrap();
    assert!(dir.path().join(".bigan/written").is_file());

    // Same output again: nothing to refuse.
    let o = render_to(dir.path(), "讲话.md", false);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));

    change_profile(dir.path());
    let o = render_to(dir.path(), "讲话.md", false);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let second = fs::read(dir.path().join("讲话.md")).unwrap();
    assert_ne!(first, second);
    assert!(String::from_utf8(second).unwrap().contains("李明远"));
}

#[test]
fn an_edited_draft_is_refused_then_backed_up_when_forced() {
    let dir = setup();
    let draft = dir.path().join("讲话.md");
    assert_eq!(
        render_to(dir.path(), "讲话.md", false).status.code(),
        Some(0)
    );
    let mut edited = fs::read_to_string(&draft).unwrap();
    edited.push_str("\n领导亲笔加的一段话。\n");
    fs::write(&draft, &edited).unwrap();
    change_profile(dir.path());

    let o = render_to(dir.path(), "讲话.md", false);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    let message = stderr(&o);
    assert!(message.contains("讲话.md"), "{message}");
    assert!(message.contains("修改过"), "{message}");
    assert!(message.contains("另存为"), "{message}");
    assert!(message.contains("-o"), "{message}");
    assert!(message.contains("--force"), "{message}");
    assert_eq!(fs::read_to_string(&draft).unwrap(), edited, "untouched");

    let o = render_to(dir.path(), "讲话.md", true);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(fs::read_to_string(&draft).unwrap().contains("李明远"));
    assert_eq!(
        backups(dir.path(), "讲话.md"),
        vec![edited],
        "the edit is kept"
    );
    assert!(stderr(&o).contains("备份"), "{}", stderr(&o));

    // Forced once, the new draft is bigan's again.
    change_profile(dir.path());
    assert_eq!(
        render_to(dir.path(), "讲话.md", false).status.code(),
        Some(0)
    );
}

#[test]
fn a_file_bigan_did_not_write_is_refused_unless_identical() {
    let dir = setup();
    let hand = dir.path().join("手写.md");
    fs::write(&hand, "我自己写的讲话稿。\n").unwrap();
    let o = render_to(dir.path(), "手写.md", false);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert!(stderr(&o).contains("不是 bigan 生成的"), "{}", stderr(&o));
    assert_eq!(fs::read_to_string(&hand).unwrap(), "我自己写的讲话稿。\n");
    assert!(
        !dir.path().join(".bigan").exists(),
        "a refusal records nothing"
    );

    // The very bytes bigan would write: nothing is lost by writing them.
    let o = bigan(&["render", "p.yaml"], dir.path());
    let same = dir.path().join("同样.md");
    fs::write(&same, &o.stdout).unwrap();
    let o = render_to(dir.path(), "同样.md", false);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    // …and from now on it is known as bigan's.
    change_profile(dir.path());
    assert_eq!(
        render_to(dir.path(), "同样.md", false).status.code(),
        Some(0)
    );
}

#[test]
fn a_failed_render_leaves_the_draft_and_writes_no_record() {
    let dir = setup();
    assert_eq!(
        render_to(dir.path(), "讲话.md", false).status.code(),
        Some(0)
    );
    let before = fs::read(dir.path().join("讲话.md")).unwrap();
    let record = fs::read(dir.path().join(".bigan/written")).unwrap();
    let text = fs::read_to_string(dir.path().join("p.yaml")).unwrap();
    fs::write(
        dir.path().join("p.yaml"),
        text.replace("2010-05-20\n  speaker", "2010-13-45\n  speaker"),
    )
    .unwrap();
    let o = render_to(dir.path(), "讲话.md", false);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert_eq!(fs::read(dir.path().join("讲话.md")).unwrap(), before);
    assert_eq!(fs::read(dir.path().join(".bigan/written")).unwrap(), record);
    let names: Vec<PathBuf> = fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    assert!(
        names.iter().all(|p| !p.to_string_lossy().ends_with(".tmp")),
        "{names:?}"
    );
}

#[test]
fn every_draft_of_a_folder_is_guarded() {
    let dir = setup();
    let o = bigan(
        &["render", "p.yaml", "--doc", "all", "-o", "稿"],
        dir.path(),
    );
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let speech = dir.path().join("稿/p.speech.md");
    fs::write(&speech, "改过的讲话。\n").unwrap();
    change_profile(dir.path());
    let o = bigan(
        &["render", "p.yaml", "--doc", "all", "-o", "稿"],
        dir.path(),
    );
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert_eq!(fs::read_to_string(&speech).unwrap(), "改过的讲话。\n");
}

#[test]
fn a_refused_draft_in_a_folder_writes_none_of_the_others() {
    let dir = setup();
    assert_eq!(
        bigan(
            &["render", "p.yaml", "--doc", "all", "-o", "稿"],
            dir.path()
        )
        .status
        .code(),
        Some(0)
    );
    let speech = fs::read(dir.path().join("稿/p.speech.md")).unwrap();
    // The last one written is the one edited.
    fs::write(dir.path().join("稿/p.progress.md"), "改过的推进会讲话。\n").unwrap();
    change_profile(dir.path());
    let o = bigan(
        &["render", "p.yaml", "--doc", "all", "-o", "稿"],
        dir.path(),
    );
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert_eq!(fs::read(dir.path().join("稿/p.speech.md")).unwrap(), speech);
}

#[test]
fn the_refusal_is_an_input_error_and_check_agrees_with_guarded() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("a.md");
    fs::write(&path, "hand").unwrap();
    let refused = write::check(&path, b"draft", false).unwrap_err();
    assert!(refused.is::<InputError>(), "{refused:#}");
    let refused = write::guarded(&path, b"draft", false).unwrap_err();
    assert!(refused.is::<InputError>(), "{refused:#}");
    assert_eq!(fs::read(&path).unwrap(), b"hand");
    write::check(&path, b"hand", false).unwrap();
    write::check(&path, b"draft", true).unwrap();
    write::guarded(&path, b"draft", true).unwrap();
    assert_eq!(fs::read(&path).unwrap(), b"draft");
    write::check(&path, b"draft 2", false).unwrap();
}

#[test]
fn drafts_written_from_many_threads_are_all_recorded() {
    let dir = tempfile::tempdir().unwrap();
    std::thread::scope(|s| {
        for i in 0..16 {
            let path = dir.path().join(format!("{i}.md"));
            s.spawn(move || write::guarded(&path, format!("稿{i}").as_bytes(), false).unwrap());
        }
    });
    for i in 0..16 {
        let path = dir.path().join(format!("{i}.md"));
        // Recorded as bigan's: a new version may replace it.
        write::guarded(&path, b"new", false).unwrap();
    }
}

#[cfg(unix)]
#[test]
fn a_symbolic_link_is_written_through() {
    let dir = tempfile::tempdir().unwrap();
    let real = dir.path().join("real.md");
    let link = dir.path().join("link.md");
    write::guarded(&real, b"one", false).unwrap();
    std::os::unix::fs::symlink(&real, &link).unwrap();
    write::guarded(&link, b"two", false).unwrap();
    assert!(
        fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink()
    );
    assert_eq!(fs::read(&real).unwrap(), b"two");
}

#[test]
fn a_folder_is_not_a_draft() {
    let dir = tempfile::tempdir().unwrap();
    let err = write::guarded(dir.path(), b"x", true).unwrap_err();
    assert!(format!("{err:#}").contains("文件夹"), "{err:#}");
}

/// `new`, `templates export` and `import` with `--force` over a file the
/// user edited: the edit is backed up, the file replaced.
#[test]
fn forced_new_export_and_import_back_up_the_users_file() {
    let dir = setup();
    let mine = "# 我改过的配置\norg: { name: 我的单位 }\n";

    fs::write(dir.path().join("朝阳医院.yaml"), mine).unwrap();
    let o = bigan(&["new", "朝阳医院", "--force"], dir.path());
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(stderr(&o).contains("备份"), "{}", stderr(&o));
    assert_ne!(
        fs::read_to_string(dir.path().join("朝阳医院.yaml")).unwrap(),
        mine
    );
    assert_eq!(backups(dir.path(), "朝阳医院.yaml"), vec![mine]);

    let tpl = dir.path().join("tpl");
    let o = bigan(&["templates", "export", "tpl"], dir.path());
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let edited = "{# 我改过的模板 #}\n";
    fs::write(tpl.join("speech/base.md"), edited).unwrap();
    let o = bigan(&["templates", "export", "tpl", "--force"], dir.path());
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(backups(&tpl.join("speech"), "base.md"), vec![edited]);
    // Untouched templates are identical, so nothing else is backed up.
    assert!(backups(&tpl.join("plan"), "base.md").is_empty());

    let source = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/import/hospital-mobilization-speech.scraped.txt");
    fs::write(dir.path().join("导入.yaml"), mine).unwrap();
    let o = bigan(
        &[
            "import",
            source.to_str().unwrap(),
            "-o",
            "导入.yaml",
            "--force",
        ],
        dir.path(),
    );
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(backups(dir.path(), "导入.yaml"), vec![mine]);
}
