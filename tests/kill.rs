//! A batch killed at any moment (issue 14.1, 16.11): every draft is either
//! as it was or complete, each is still recognised as bigan's (a rerun
//! without `--force` is not refused), a user's edit is never lost, and the
//! rerun removes the temporary files left behind and completes the batch.
//!
//! Kills come two ways: `SIGKILL` after varying delays (landing while the
//! batch starts, renders and writes its temporary files), and, to land
//! between any two renames of the commit, the debug-build fault point
//! `BIGAN_TEST_ABORT_AFTER_RENAMES=N`, which aborts the process just before
//! rename N as `kill -9` would (no destructor runs). No timing is asserted.
#![cfg(unix)]
#![allow(clippy::unwrap_used, clippy::expect_used)]

#[path = "../benches/support/profiles.rs"]
mod profiles;

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::Duration;

const PROFILES: usize = 40;

/// The drafts in `out` (not `.bigan`, nor temporary files), by name.
fn drafts(out: &Path) -> BTreeMap<String, Vec<u8>> {
    fs::read_dir(out)
        .unwrap()
        .map(|e| e.unwrap())
        .filter(|e| {
            e.file_type().unwrap().is_file()
                && !e.file_name().to_string_lossy().starts_with(".bigan-")
        })
        .map(|e| {
            (
                e.file_name().to_string_lossy().into_owned(),
                fs::read(e.path()).unwrap(),
            )
        })
        .collect()
}

/// Every temporary file bigan left under `out`.
fn leftovers(out: &Path) -> Vec<PathBuf> {
    let mut found = Vec::new();
    let mut dirs = vec![out.to_owned()];
    while let Some(dir) = dirs.pop() {
        for e in fs::read_dir(&dir).unwrap() {
            let e = e.unwrap();
            if e.file_type().unwrap().is_dir() {
                dirs.push(e.path());
            } else if e.file_name().to_string_lossy().starts_with(".bigan-") {
                found.push(e.path());
            }
        }
    }
    found
}

fn copy_dir(from: &Path, to: &Path) {
    fs::create_dir_all(to).unwrap();
    for e in fs::read_dir(from).unwrap() {
        let e = e.unwrap();
        let target = to.join(e.file_name());
        if e.file_type().unwrap().is_dir() {
            copy_dir(&e.path(), &target);
        } else {
            fs::copy(e.path(), target).unwrap();
        }
    }
}

/// `bigan render PROFILES -o OUT --doc all` with the stand-in templates
/// (v2) or the built-in ones (v1).
fn render(root: &Path, out: &Path, v2: bool, force: bool) -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_bigan"));
    c.arg("render")
        .arg(root.join("profiles"))
        .arg("-o")
        .arg(out)
        .args(["--doc", "all"])
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::piped());
    if v2 {
        c.arg("--templates")
            .arg(Path::new(env!("CARGO_MANIFEST_DIR")).join("benches/templates"));
    }
    if force {
        c.arg("--force");
    }
    c
}

fn ok(o: &Output) {
    assert!(
        o.status.success(),
        "{:?}: {}",
        o.status,
        String::from_utf8_lossy(&o.stderr)
    );
}

/// One killed run on a copy of the v1 drafts (one of them edited by the
/// user, so the run is forced), checked and rerun.
struct Case<'a> {
    root: &'a Path,
    v1: &'a BTreeMap<String, Vec<u8>>,
    v2: &'a BTreeMap<String, Vec<u8>>,
    edited: &'a str,
}

const USERS_EDIT: &[u8] = "用户自己改过的稿子\n".as_bytes();

impl Case<'_> {
    fn run(&self, label: &str, kill: impl FnOnce(&mut Command)) {
        let out = self.root.join(format!("out-{label}"));
        copy_dir(&self.root.join("out-v1"), &out);
        fs::write(out.join(self.edited), USERS_EDIT).unwrap();

        kill(&mut render(self.root, &out, true, true));
        let now = drafts(&out);
        assert_eq!(
            now.keys().collect::<Vec<_>>(),
            self.v1.keys().collect::<Vec<_>>(),
            "{label}: no draft lost or added"
        );
        let mut replaced = 0;
        for (name, bytes) in &now {
            let old: &[u8] = if name == self.edited {
                USERS_EDIT
            } else {
                &self.v1[name]
            };
            if bytes.as_slice() == self.v2[name].as_slice() {
                replaced += 1;
            } else {
                assert_eq!(
                    bytes.as_slice(),
                    old,
                    "{label}: {name} is neither as it was nor complete"
                );
            }
        }
        // The user's edit survives: in place, or in a backup.
        let edit_in_place = now[self.edited].as_slice() == USERS_EDIT;
        if !edit_in_place {
            let backed_up = fs::read_dir(out.join(".bigan/backup"))
                .unwrap()
                .any(|e| fs::read(e.unwrap().path()).unwrap() == USERS_EDIT);
            assert!(
                backed_up,
                "{label}: the user's edit was replaced without a backup"
            );
        }

        // A rerun without --force: refused only for the user's edit if it
        // is still there; everything else is recognised as bigan's.
        let again = render(self.root, &out, true, false).output().unwrap();
        let stderr = String::from_utf8_lossy(&again.stderr);
        if edit_in_place {
            assert_eq!(again.status.code(), Some(1), "{label}: {stderr}");
            assert!(stderr.contains(self.edited), "{label}: {stderr}");
            assert_eq!(
                stderr.matches("没有覆盖").count(),
                1,
                "{label}: only the edit is refused: {stderr}"
            );
            ok(&render(self.root, &out, true, true).output().unwrap());
        } else {
            ok(&again);
        }
        assert_eq!(
            &drafts(&out),
            self.v2,
            "{label}: the rerun completes the batch"
        );
        assert!(
            leftovers(&out).is_empty(),
            "{label}: the rerun removes the temporary files: {:?}",
            leftovers(&out)
        );
        eprintln!(
            "{label}: {replaced} of {} drafts were new when killed",
            now.len()
        );
    }
}

#[test]
fn a_killed_batch_leaves_every_draft_old_or_complete_and_a_rerun_completes_it() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    profiles::write_profiles(&root.join("profiles"), PROFILES).unwrap();
    ok(&render(root, &root.join("out-v1"), false, false)
        .output()
        .unwrap());
    ok(&render(root, &root.join("out-v2"), true, false)
        .output()
        .unwrap());
    let v1 = drafts(&root.join("out-v1"));
    let v2 = drafts(&root.join("out-v2"));
    assert_eq!(v1.keys().collect::<Vec<_>>(), v2.keys().collect::<Vec<_>>());
    assert!(
        v1.iter().all(|(name, bytes)| v2[name] != *bytes),
        "v2 changes every draft"
    );
    let edited = v1.keys().nth(v1.len() / 2).unwrap().clone();
    let case = Case {
        root,
        v1: &v1,
        v2: &v2,
        edited: &edited,
    };

    // Between any two renames of the commit, at its start and near its end.
    let total = v1.len();
    for n in [0, 1, 2, 3, total / 3, total / 2, total - 2, total - 1] {
        case.run(&format!("abort-{n}"), |c| {
            let o = c
                .env("BIGAN_TEST_ABORT_AFTER_RENAMES", n.to_string())
                .output()
                .unwrap();
            assert!(!o.status.success(), "abort-{n} did not abort");
        });
    }
    // kill -9 after varying delays: starting, rendering, staging.
    for ms in [0, 5, 15, 40, 100, 250] {
        case.run(&format!("kill-{ms}ms"), |c| {
            let mut child = c.spawn().unwrap();
            std::thread::sleep(Duration::from_millis(ms));
            let _ = child.kill();
            child.wait_with_output().unwrap();
        });
    }
}
