//! The last word of a test run (issue 13): when the tests that need
//! LibreOffice or Chromium were skipped because the program is missing,
//! the run ends with a line naming them and why. Cargo runs integration
//! tests in the order of their names after the library's and the binary's
//! own, and the library has no doctests (`doctest = false`), so this file,
//! named to sort last, prints last. Under CI nothing is skipped (build.rs):
//! those tests fail instead, and this one passes.
//!
//! The test itself keeps the list true: it reads the test files and fails
//! when a test that needs one of the programs is not named here.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::Path;

/// The tests marked `bigan_no_office` (LibreOffice and poppler).
const OFFICE: &[&str] = &[
    "docx::every_example_document_lands_on_a_gbt_9704_page",
    "docx::a_long_draft_fills_its_pages_with_22_lines_of_28_characters",
    "docx::a_long_title_breaks_between_words_on_the_page",
];

/// The tests marked `bigan_no_chromium`.
const CHROMIUM: &[&str] = &[
    "preview::a_real_browser_shows_the_draft_and_the_timeline",
    "preview::a_real_browser_follows_each_save",
];

#[test]
#[cfg_attr(
    all(bigan_no_office, not(bigan_no_chromium)),
    ignore = "以下测试没有运行，因为 LibreOffice 或 poppler 没有安装（bash .ci/install-test-deps 安装）：docx::every_example_document_lands_on_a_gbt_9704_page、docx::a_long_draft_fills_its_pages_with_22_lines_of_28_characters、docx::a_long_title_breaks_between_words_on_the_page"
)]
#[cfg_attr(
    all(bigan_no_chromium, not(bigan_no_office)),
    ignore = "以下测试没有运行，因为 Chromium 没有安装（bash .ci/install-test-deps 安装）：preview::a_real_browser_shows_the_draft_and_the_timeline、preview::a_real_browser_follows_each_save"
)]
#[cfg_attr(
    all(bigan_no_office, bigan_no_chromium),
    ignore = "以下测试没有运行，因为 LibreOffice、poppler 和 Chromium 没有安装（bash .ci/install-test-deps 安装）：docx::every_example_document_lands_on_a_gbt_9704_page、docx::a_long_draft_fills_its_pages_with_22_lines_of_28_characters、docx::a_long_title_breaks_between_words_on_the_page、preview::a_real_browser_shows_the_draft_and_the_timeline、preview::a_real_browser_follows_each_save"
)]
fn tests_skipped_for_a_missing_program() {
    assert_eq!(marked("bigan_no_office"), OFFICE);
    assert_eq!(marked("bigan_no_chromium"), CHROMIUM);
    // The reasons above name the same tests as the lists.
    let this = include_str!("zz_skipped.rs");
    for name in OFFICE.iter().chain(CHROMIUM) {
        assert_eq!(
            this.matches(&format!("、{name}")).count() + this.matches(&format!("：{name}")).count(),
            2,
            "{name} is not named in exactly two of the reasons"
        );
    }
}

/// `file::test` for each test in tests/*.rs whose attributes mention `cfg`,
/// in file order.
fn marked(cfg: &str) -> Vec<String> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "rs") && !p.ends_with("zz_skipped.rs"))
        .collect();
    files.sort();
    let mut out = Vec::new();
    for path in files {
        let stem = path.file_stem().unwrap().to_string_lossy().into_owned();
        let text = std::fs::read_to_string(&path).unwrap();
        let mut pending = false;
        for line in text.lines() {
            let line = line.trim();
            if line.contains(cfg) {
                pending = true;
            } else if pending && line.starts_with("fn ") {
                let name = line[3..].split('(').next().unwrap_or("");
                out.push(format!("{stem}::{name}"));
                pending = false;
            }
        }
    }
    out
}
