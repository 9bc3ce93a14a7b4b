//! `bigan render PROFILE` parses the campaign file the profile extends on
//! a second thread, found by a quick look at the profile's lines, while
//! it parses the profile (docs/performance.md). Whatever that look finds
//! or misses, the draft and the problems reported must be the same as a
//! plain load's, in the same order, at the same places.

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

fn write(dir: &Path, name: &str, text: &str) -> PathBuf {
    let path = dir.join(name);
    if let Some(parent) = path.parent() {
        fs::create_dir_all(parent).unwrap();
    }
    fs::write(&path, text).unwrap();
    path
}

/// The repository's hospital profile and the campaign file it extends,
/// copied into `dir` with its `extends` line written as `extends`.
fn hospital(dir: &Path, extends: &str) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("profiles");
    let campaign = "campaigns/chuangxian-zhengyou.yaml";
    let profile = fs::read_to_string(root.join("hospital.yaml")).unwrap();
    let line = format!("extends: {campaign}\n");
    assert!(
        profile.contains(&line),
        "hospital.yaml no longer extends {campaign}"
    );
    let profile = profile.replace(&line, &format!("{extends}\n"));
    write(dir, "hospital.yaml", &profile);
    write(
        dir,
        campaign,
        &fs::read_to_string(root.join(campaign)).unwrap(),
    );
}

#[test]
fn the_draft_is_the_same_however_extends_is_written() {
    let repo = Path::new(env!("CARGO_MANIFEST_DIR"));
    let expected = bigan(&["render", "profiles/hospital.yaml"], repo);
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
    write(
        d,
        "p.yaml",
        "extends: c.yaml\norg:\n  nmae: 甲\n  name: 甲\nmeeting:\n  date: 2010-05-20\n",
    );
    write(d, "c.yaml", "campaign:\n  name: 乙\n  nmae: 丙\n");
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
    write(d, "self.yaml", "extends: self.yaml\norg: { name: 甲 }\n");
    write(d, "a.yaml", "extends: b.yaml\norg: { name: 甲 }\n");
    write(d, "b.yaml", "extends: a.yaml\n");
    write(d, "gone.yaml", "extends: nope.yaml\norg: { name: 甲 }\n");
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
