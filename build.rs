//! Marks the tests that drive real programs as ignored, with the reason,
//! on a machine that lacks them: LibreOffice and poppler for tests/docx.rs,
//! Chromium for the browser tests of tests/preview.rs. `cargo test` then
//! lists each as "ignored, … 没有安装" and counts it in the summary, instead
//! of passing it in 0.00 s unseen. Under CI (`CI` set) nothing is marked:
//! the tests run, and a missing program fails them.
//!
//! Only the cfg flags below are set; the library and binary do not use
//! them. Cargo reruns this when `CI` or `PATH` changes; after installing a
//! program into a folder already on PATH, `touch build.rs`.

use std::env;
use std::path::Path;

/// What tests/docx.rs runs.
const OFFICE: [&str; 5] = ["soffice", "pdfinfo", "pdftotext", "pdftoppm", "pdffonts"];
/// Any one of these is a Chromium tests/preview.rs can drive.
const CHROMIUM: [&str; 3] = ["chromium", "chromium-browser", "google-chrome"];

fn on_path(program: &str) -> bool {
    env::var_os("PATH").is_some_and(|path| {
        env::split_paths(&path).any(|dir| Path::new(&dir).join(program).is_file())
    })
}

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    println!("cargo:rerun-if-env-changed=CI");
    println!("cargo:rerun-if-env-changed=PATH");
    println!("cargo:rustc-check-cfg=cfg(bigan_no_office)");
    println!("cargo:rustc-check-cfg=cfg(bigan_no_chromium)");
    let ci = env::var("CI").is_ok_and(|v| !v.is_empty() && v != "0" && v != "false");
    if ci {
        return;
    }
    if !OFFICE.iter().all(|p| on_path(p)) {
        println!("cargo:rustc-cfg=bigan_no_office");
    }
    if !CHROMIUM.iter().any(|p| on_path(p)) {
        println!("cargo:rustc-cfg=bigan_no_chromium");
    }
}
