//! In-process benchmarks: one speech, one plan, and a 1,000-profile batch
//! (speech + plan), with the steps they are made of. `cargo bench --bench
//! render`; docs/performance.md has the figures and the targets.
//!
//! They use the built-in templates, or the folder in
//! `BIGAN_BENCH_TEMPLATES` (e.g. `benches/templates`, stand-ins the size of
//! real drafts) to compare template sets.
#![allow(clippy::unwrap_used, clippy::expect_used)]

#[path = "support/profiles.rs"]
mod profiles;

use std::path::{Path, PathBuf};

use bigan::cmd::render::{batch, render_docs};
use bigan::output::Format;
use bigan::profile::{Loader, Profile};
use bigan::render::{Doc, Renderer};
use divan::{Bencher, black_box};

fn main() {
    divan::main();
}

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn renderer() -> Renderer {
    let dir = std::env::var_os("BIGAN_BENCH_TEMPLATES").map(PathBuf::from);
    Renderer::new(dir.as_deref()).unwrap()
}

fn hospital() -> Profile {
    let path = root().join("profiles/hospital.yaml");
    Loader::new().load(&path).unwrap().profile.unwrap()
}

/// One mobilisation speech, profile already loaded, templates compiled.
#[divan::bench]
fn speech(b: Bencher) {
    let (r, p) = (renderer(), hospital());
    b.bench_local(|| r.render(black_box(&p), Doc::Speech).unwrap());
}

/// One implementation plan, likewise.
#[divan::bench]
fn plan(b: Bencher) {
    let (r, p) = (renderer(), hospital());
    b.bench_local(|| r.render(black_box(&p), Doc::Plan).unwrap());
}

/// The speech as the HTML page `--format html` writes.
#[divan::bench]
fn speech_html(b: Bencher) {
    let (r, p) = (renderer(), hospital());
    b.bench_local(|| render_docs(&r, black_box(&p), &[Doc::Speech], Format::Html).unwrap());
}

/// Reading, parsing, merging and validating hospital.yaml and the
/// campaign file it extends.
#[divan::bench]
fn load_profile(b: Bencher) {
    let path = root().join("profiles/hospital.yaml");
    b.bench_local(|| Loader::new().load(black_box(&path)).unwrap());
}

/// Decoding the genre data one hospital speech needs (its sector, its
/// campaign type's and the shared speech passages, the era table), as a
/// cold process does once: build.rs compiled them.
#[divan::bench]
fn load_genre_one_speech() {
    let g = bigan::genre::Genre::unshared();
    black_box(g.sector("hospital").unwrap());
    let kind = g.campaign_type("create").unwrap();
    black_box(&kind.speech.points);
    black_box(&g.common().unwrap().speech.points);
    black_box(g.era().unwrap());
}

/// The same files read from their YAML text and checked, as a user's own
/// genre files are (`--templates DIR`).
#[divan::bench]
fn load_genre_from_yaml() {
    let g = bigan::genre::Genre::unshared().without_compiled();
    black_box(g.sector("hospital").unwrap());
    black_box(g.campaign_type("create").unwrap());
    black_box(g.era().unwrap());
}

/// Finding a sector by its Chinese name without parsing the sector files.
#[divan::bench]
fn find_sector_by_chinese_name() {
    let g = bigan::genre::Genre::unshared();
    black_box(g.sector_key(black_box("交通运输局")));
}

/// Compiling every template, as a batch does once per process.
#[divan::bench]
fn compile_templates() -> Renderer {
    renderer()
}

/// Compiling the templates one hospital speech needs, as `bigan render
/// profiles/hospital.yaml` does.
#[divan::bench]
fn compile_templates_one_speech() -> Renderer {
    let dir = std::env::var_os("BIGAN_BENCH_TEMPLATES").map(PathBuf::from);
    Renderer::only(dir.as_deref(), &[Doc::Speech]).unwrap()
}

/// What `bigan render DIR -o OUT --doc all` does for 1,000 profiles, less
/// the writing: find the files, load them with one loader, render the
/// speech and the plan of each with one renderer, on every core.
#[divan::bench(sample_count = 5, sample_size = 1)]
fn batch_1000(b: Bencher) {
    batch(b, batch::threads());
}

/// The same on one thread, to see what the second core buys.
#[divan::bench(sample_count = 5, sample_size = 1)]
fn batch_1000_one_thread(b: Bencher) {
    batch(b, 1);
}

fn batch(b: Bencher, threads: usize) {
    let dir = tempfile::tempdir().unwrap();
    profiles::write_profiles(dir.path(), 1000).unwrap();
    let paths = vec![dir.path().to_owned()];
    b.bench_local(|| {
        let r = renderer();
        let entries = batch::gather(&mut Loader::new(), &paths, threads).unwrap();
        let jobs: Vec<&batch::Entry> = entries
            .iter()
            .filter(|e| matches!(e, batch::Entry::Profile { .. }))
            .collect();
        let mut bytes = 0;
        batch::render_all(
            &r,
            &jobs,
            &[Doc::Speech, Doc::Plan],
            Format::Md,
            threads,
            |_, done| {
                let batch::Rendered::Drafts(drafts) = done else {
                    panic!("a generated profile failed")
                };
                bytes += drafts.iter().map(|(_, b)| b.len()).sum::<usize>();
            },
        );
        assert!(jobs.len() == 1000 && bytes > 0);
        bytes
    });
}
