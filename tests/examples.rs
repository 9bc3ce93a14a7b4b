//! examples/ holds the drafts the current templates render from the example
//! profiles: this test fails when they differ. To accept a change, run
//! `BIGAN_UPDATE_EXAMPLES=1 cargo test --test examples` and review the diff.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::fs;
use std::path::{Path, PathBuf};

use bigan::output::Format;
use bigan::profile;
use bigan::render::{Doc, Renderer};

fn example_profiles(root: &Path) -> Vec<PathBuf> {
    let mut found: Vec<PathBuf> = fs::read_dir(root.join("profiles"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "yaml"))
        .collect();
    found.sort();
    found
}

#[test]
fn examples_are_what_the_templates_render() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let update = std::env::var_os("BIGAN_UPDATE_EXAMPLES").is_some();
    let renderer = Renderer::new(None).unwrap();
    let mut stale = Vec::new();
    let mut expected_files = Vec::new();
    for path in example_profiles(root) {
        let loaded = profile::load(&path).unwrap();
        let profile = loaded.profile.expect("example profiles are valid");
        for doc in Doc::ALL.into_iter().filter(|d| d.supported_by(&profile)) {
            for format in [Format::Md, Format::Html] {
                let bytes = bigan::draft::bytes(&renderer, &profile, doc, format).unwrap();
                let target =
                    bigan::cmd::render::file_for(&root.join("examples"), &path, doc, format);
                expected_files.push(target.clone());
                if fs::read(&target).ok().as_deref() != Some(bytes.as_slice()) {
                    if update {
                        fs::create_dir_all(target.parent().unwrap()).unwrap();
                        fs::write(&target, &bytes).unwrap();
                    } else {
                        stale.push(target.display().to_string());
                    }
                }
            }
        }
    }
    assert!(
        stale.is_empty(),
        "examples/ is out of date: {stale:#?}\nrun BIGAN_UPDATE_EXAMPLES=1 cargo test --test examples and review the diff"
    );
    // Nothing left over from documents the profiles no longer give.
    let mut present: Vec<PathBuf> = fs::read_dir(root.join("examples"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| matches!(p.extension().and_then(|e| e.to_str()), Some("md" | "html")))
        .collect();
    present.sort();
    expected_files.sort();
    assert_eq!(
        present, expected_files,
        "examples/ holds files no profile renders"
    );
}
