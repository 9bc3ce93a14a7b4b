//! What the build must settle beforehand; two jobs.
//!
//! ## Genre data
//!
//! Checks the built-in genre data (genre/) and compiles it into the binary.
//!
//! Parsing YAML costs far more than the rest of a cold render (issue 14's
//! budget for genre data is 1 M instructions; reading common.yaml and a
//! campaign type as YAML takes over ten times that). So each built-in file
//! is read and checked here, with the same code that reads a user's files
//! (src/genre/check.rs), and stored in the checked shape the renderer
//! uses; at run time a file is only decoded, and only when a profile needs
//! it. A mistake in a built-in file stops the build with its file, line
//! and column. A user's files under `--templates DIR/genre/` are still
//! read as YAML at run time.
//!
//! Every file under genre/sectors/ and genre/types/ is picked up: a new
//! sector is a new file, nothing else.
//!
//! ## Tests that need real programs
//!
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

#![allow(dead_code, unused_imports, clippy::all)]

use std::env;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

#[path = "src/calendar.rs"]
mod calendar;
#[path = "src/diagnostic.rs"]
mod diagnostic;
#[path = "src/explain.rs"]
mod explain;
#[path = "src/marks.rs"]
mod marks;
#[path = "src/printable.rs"]
mod printable;
#[path = "src/yaml.rs"]
mod yaml;
#[path = "src/zh.rs"]
mod zh;

/// The part of src/genre/ that reads and checks a file.
mod genre {
    #[path = "../src/genre/check.rs"]
    pub mod check;
    #[path = "../src/genre/cond.rs"]
    pub mod cond;
    #[path = "../src/genre/documents.rs"]
    pub mod documents;
    #[path = "../src/genre/era.rs"]
    pub mod era;
    #[path = "../src/genre/model.rs"]
    pub mod model;
    #[path = "../src/genre/raw.rs"]
    pub mod raw;
    #[path = "../src/genre/text.rs"]
    pub mod text;
}

use genre::check;
use genre::model::Common;

fn main() {
    println!("cargo::rerun-if-changed=build.rs");
    test_programs();
    genre();
}

fn genre() {
    println!("cargo::rerun-if-changed=genre");
    let root = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").unwrap_or_default());
    let out = PathBuf::from(std::env::var("OUT_DIR").unwrap_or_default());
    let data = root.join("genre");
    let compiled = out.join("genre");
    std::fs::create_dir_all(compiled.join("sectors")).unwrap_or_else(|e| fail(&e.to_string()));
    std::fs::create_dir_all(compiled.join("types")).unwrap_or_else(|e| fail(&e.to_string()));

    let mut files = vec!["common.yaml".to_owned(), "era.yaml".to_owned()];
    for folder in ["sectors", "types"] {
        let mut names: Vec<String> = std::fs::read_dir(data.join(folder))
            .unwrap_or_else(|e| fail(&format!("genre/{folder}: {e}")))
            .filter_map(|e| e.ok())
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .filter(|n| n.ends_with(".yaml"))
            .collect();
        names.sort();
        files.extend(names.into_iter().map(|n| format!("{folder}/{n}")));
    }

    let mut common: Option<Common> = None;
    let mut table = String::new();
    let mut blobs = String::new();
    let mut lists = String::new();
    for rel in &files {
        let text = std::fs::read_to_string(data.join(rel))
            .unwrap_or_else(|e| fail(&format!("genre/{rel}: {e}")));
        let path = check::shown(rel, None);
        let file = rel.rsplit('/').next().unwrap_or(rel);
        let key = file.strip_suffix(".yaml").unwrap_or(file);
        // The file's value, and the names and inferring words the registry
        // looks sectors and types up by without decoding them.
        let (bytes, names, infer) = match rel.split_once('/').map_or(rel.as_str(), |(f, _)| f) {
            "common.yaml" => {
                let c = checked(check::load(&path, &text, "common", |c, raw| c.common(raw)));
                let bytes = encode(&c);
                common = Some(c);
                (bytes, Vec::new(), Vec::new())
            }
            "era.yaml" => {
                let era = checked(check::load(&path, &text, "era", |c, raw| c.era(raw)));
                (encode(&era), Vec::new(), Vec::new())
            }
            "sectors" => {
                let s = checked(check::load(&path, &text, key, |c, raw| c.sector(raw, key)));
                (encode(&s), s.names, Vec::new())
            }
            _ => {
                let Some(shared) = common.as_ref() else {
                    fail("genre/common.yaml 应先于活动类型读取");
                };
                let t = checked(check::load(&path, &text, key, |c, raw| {
                    c.campaign_type(raw, key, shared)
                }));
                (encode(&t), t.names.clone(), t.infer.clone())
            }
        };
        let _ = writeln!(lists, "    (&{names:?}, &{infer:?}),");
        let target = compiled.join(rel).with_extension("bin");
        std::fs::write(&target, bytes).unwrap_or_else(|e| fail(&e.to_string()));
        let _ = writeln!(
            table,
            "    ({rel:?}, include_str!({:?})),",
            data.join(rel).display().to_string()
        );
        let _ = writeln!(
            blobs,
            "    include_bytes!({:?}),",
            target.display().to_string()
        );
    }
    let source = format!(
        "/// Every built-in genre file, by its path under `genre/`.\n\
         pub const BUILTIN: &[(&str, &str)] = &[\n{table}];\n\n\
         /// The same files as build.rs checked them, in the same order.\n\
         const COMPILED: &[&[u8]] = &[\n{blobs}];\n\n\
         /// Each file's `names` and `infer`, in the same order.\n\
         const LISTS: &[(&[&str], &[&str])] = &[\n{lists}];\n"
    );
    std::fs::write(out.join("genre.rs"), source).unwrap_or_else(|e| fail(&e.to_string()));
}

/// The checked value, or the build stops with every problem, located.
fn checked<T>(loaded: Result<T, Vec<diagnostic::Diagnostic>>) -> T {
    match loaded {
        Ok(v) => v,
        Err(problems) => {
            let all: Vec<String> = problems.iter().map(ToString::to_string).collect();
            fail(&all.join("\n"))
        }
    }
}

fn encode<T: serde::Serialize>(value: &T) -> Vec<u8> {
    postcard::to_allocvec(value).unwrap_or_else(|e| fail(&e.to_string()))
}

fn fail(message: &str) -> ! {
    eprintln!("{message}");
    std::process::exit(1)
}

/// What tests/docx.rs runs.
const OFFICE: [&str; 5] = ["soffice", "pdfinfo", "pdftotext", "pdftoppm", "pdffonts"];
/// Any one of these is a Chromium tests/preview.rs can drive.
const CHROMIUM: [&str; 3] = ["chromium", "chromium-browser", "google-chrome"];

fn on_path(program: &str) -> bool {
    env::var_os("PATH").is_some_and(|path| {
        env::split_paths(&path).any(|dir| Path::new(&dir).join(program).is_file())
    })
}

fn test_programs() {
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
