//! The properties the fuzz targets in fuzz/ check (profile, lint, import),
//! as property tests that run in `cargo test` within seconds on stable, so
//! CI checks them on every change; the fuzzers search the same ground for
//! hours (fuzz/README.md). Inputs are genre text and real profiles cut up
//! and spliced with the syntax that breaks things, as a fuzzer's
//! dictionary would.
//!
//! A long run: `BIGAN_FUZZ_CASES=200000 cargo test --release --test
//! fuzz_properties` (scripts/fuzz.sh does this when cargo-fuzz cannot run).
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::Path;

use bigan::diagnostic::{self, Severity};
use bigan::output::Format;
use bigan::render::{Doc, Renderer};
use proptest::prelude::*;

/// Cases per property: a few hundred in `cargo test`, more on request.
fn config() -> ProptestConfig {
    let cases = std::env::var("BIGAN_FUZZ_CASES")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(192);
    ProptestConfig {
        cases,
        // A failure is shrunk for a short while, then reported as found.
        max_shrink_time: 30_000,
        ..ProptestConfig::default()
    }
}

const PROFILES: [&str; 3] = [
    include_str!("../profiles/hospital.yaml"),
    include_str!("../profiles/county.yaml"),
    include_str!("../profiles/traffic.yaml"),
];
const CAMPAIGN: &str = include_str!("../profiles/campaigns/chuangxian-zhengyou.yaml");
const SPEECH: &str = include_str!("fixtures/import/county-progress-meeting-speech.txt");
const SCRAPED: &str = include_str!("fixtures/import/hospital-mobilization-speech.scraped.txt");

/// What a fuzzer's dictionary would splice into a profile.
const YAML_TOKENS: &[&str] = &[
    "org:",
    "campaign:",
    "meeting:",
    "points:",
    "plan:",
    "progress:",
    "fonts:",
    "extends:",
    "name:",
    "date:",
    "phases:",
    "from:",
    "to:",
    "items:",
    "lead:",
    "title:",
    "kind:",
    "standards:",
    "label:",
    "leading_group:",
    "leader:",
    "\n",
    "\n  ",
    "\n    - ",
    "- ",
    ": ",
    "[",
    "]",
    "{",
    "}",
    "{}",
    "[{}, {}]",
    ",",
    "&a ",
    "*a",
    "<<: *a",
    "!!str ",
    "|",
    ">",
    "\"",
    "'",
    "#",
    "\t",
    "---\n",
    "...",
    "~",
    "null",
    "2010-05-20",
    "0999-01-01",
    "9999-12-31",
    "2010-02-30",
    "1e9",
    "-1",
    "五个好",
    "{{ org.name }}",
    "{% if %}",
    "\u{1b}[2J",
    "\0",
    "\r",
    "\u{feff}",
    "extends: /dev/null",
    "extends: p.yaml",
    "extends: campaigns/chuangxian-zhengyou.yaml",
];

/// What a fuzzer's dictionary would splice into a draft or a scraped text.
const TEXT_TOKENS: &[&str] = &[
    "一、",
    "二、",
    "三、",
    "十一、",
    "（一）",
    "（二）",
    "(三)",
    "1.",
    "2．",
    "3、",
    "（1）",
    "第一，",
    "第二，",
    "一是",
    "二是",
    "首先，",
    "最后，",
    "第一阶段",
    "第一篇：",
    "讲三点意见",
    "讲几点意见",
    "分三个阶段",
    "三项工作",
    "五个好，即",
    "、",
    "和",
    "。",
    "，",
    "：",
    "；",
    "“",
    "”",
    "\"",
    "'",
    "‚",
    "(",
    ")",
    "（",
    "）",
    "醫(yī)",
    "yōu)",
    "xx",
    "20xx",
    "某某",
    "***",
    "{{",
    "}}",
    "{%",
    "【",
    "】",
    "____",
    "请填写",
    "http://a.cn/x",
    "www.a.com",
    "当前位置：首页 > 新闻",
    "来源：本站",
    "2010年2月30日",
    "2010年5月20日",
    "同志们：",
    "在大会上的讲话",
    "\n",
    "\n\n",
    "\r",
    "\r\n",
    "# ",
    "## ",
    "### ",
    "*",
    "**",
    "\\*",
    "`",
    "<b>",
    "&amp;",
    "\t",
    " ",
    "\u{3000}",
    "\u{1b}[2J",
    "\0",
    "\u{202e}",
    "開會",
    "一二三四五六七八九十",
    "百",
    "两",
];

/// One edit a mutating fuzzer makes: at a fraction of the way through the
/// text, delete a stretch, or insert a token, or a stretch of the text
/// itself (duplication).
#[derive(Debug, Clone)]
enum Edit {
    Delete(f64, usize),
    Insert(f64, usize),
    Repeat(f64, usize, usize),
}

fn edits(tokens: usize) -> impl Strategy<Value = Vec<Edit>> {
    let edit = prop_oneof![
        (0.0..1.0, 1usize..40).prop_map(|(at, n)| Edit::Delete(at, n)),
        (0.0..1.0, 0..tokens).prop_map(|(at, t)| Edit::Insert(at, t)),
        (0.0..1.0, 1usize..200, 1usize..20).prop_map(|(at, n, k)| Edit::Repeat(at, n, k)),
    ];
    prop::collection::vec(edit, 0..12)
}

/// `seed` with `edits` applied, at character boundaries.
fn mutate(seed: &str, edits: &[Edit], tokens: &[&str]) -> String {
    let mut chars: Vec<char> = seed.chars().collect();
    for edit in edits {
        let at = |f: f64, len: usize| ((f * len as f64) as usize).min(len);
        match *edit {
            Edit::Delete(f, n) => {
                let from = at(f, chars.len());
                let to = (from + n).min(chars.len());
                chars.drain(from..to);
            }
            Edit::Insert(f, t) => {
                let from = at(f, chars.len());
                chars.splice(from..from, tokens[t].chars());
            }
            Edit::Repeat(f, n, k) => {
                let from = at(f, chars.len());
                let to = (from + n).min(chars.len());
                let piece: Vec<char> = chars[from..to].to_vec();
                for _ in 0..k {
                    chars.splice(to..to, piece.iter().copied());
                }
            }
        }
    }
    chars.into_iter().collect()
}

/// A seed profile, cut up and spliced.
fn profile_text() -> impl Strategy<Value = String> {
    (0..PROFILES.len(), edits(YAML_TOKENS.len()))
        .prop_map(|(seed, edits)| mutate(PROFILES[seed], &edits, YAML_TOKENS))
}

/// Genre text: the reference speeches cut up, or tokens strung together.
fn draft_text() -> impl Strategy<Value = String> {
    prop_oneof![
        (prop::bool::ANY, edits(TEXT_TOKENS.len())).prop_map(|(scraped, edits)| {
            let seed = if scraped { SCRAPED } else { SPEECH };
            // A stretch of the speech keeps each case quick.
            let seed: String = seed.chars().take(3000).collect();
            mutate(&seed, &edits, TEXT_TOKENS)
        }),
        prop::collection::vec(0..TEXT_TOKENS.len(), 0..300)
            .prop_map(|ts| ts.into_iter().map(|t| TEXT_TOKENS[t]).collect()),
    ]
}

thread_local! {
    static RENDERER: Renderer = Renderer::new(None).unwrap();
}

/// A folder laid out as the example profiles expect, holding `text` as
/// p.yaml.
fn with_profile<R>(text: &str, f: impl FnOnce(&Path) -> R) -> R {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("campaigns")).unwrap();
    std::fs::write(
        dir.path().join("campaigns/chuangxian-zhengyou.yaml"),
        CAMPAIGN,
    )
    .unwrap();
    let path = dir.path().join("p.yaml");
    std::fs::write(&path, text).unwrap();
    f(&path)
}

/// The profile target's property: loading never panics, what is shown of
/// its problems is bounded and located within the file, and a profile that
/// loads renders in every format without a panic.
fn profile_holds(text: &str) -> Result<(), TestCaseError> {
    with_profile(text, |path| {
        let Ok(loaded) = bigan::profile::load(path) else {
            return Ok(());
        };
        let shown = diagnostic::shown(&loaded.diagnostics);
        prop_assert!(
            shown.len() <= 60 * 1024,
            "{} bytes shown for {} problems",
            shown.len(),
            loaded.diagnostics.len()
        );
        prop_assert!(
            !shown.contains('\u{1b}') && !shown.contains('\0'),
            "{shown}"
        );
        let Some(profile) = loaded.profile else {
            prop_assert!(diagnostic::has_errors(&loaded.diagnostics));
            return Ok(());
        };
        RENDERER.with(|renderer| {
            for doc in Doc::ALL.into_iter().filter(|d| d.supported_by(&profile)) {
                for format in [Format::Md, Format::Html, Format::Txt, Format::Docx] {
                    let _ = bigan::draft::bytes(renderer, &profile, doc, format);
                }
            }
        });
        Ok(())
    })
}

/// The lint target's property: no panic, every finding on a line of the
/// text, a text report of bounded size, and JSON that reads back with the
/// same findings.
fn lint_holds(text: &str, name: &str) -> Result<(), TestCaseError> {
    let path = Path::new(name);
    let selection = bigan::lint::Selection::default();
    let findings = bigan::lint::check(path, text, &selection);
    let lines = text.split('\n').count() as u32;
    for f in &findings {
        prop_assert!(f.diagnostic.line <= lines, "{:?}", f.diagnostic);
    }
    let report = bigan::lint::report::text(&findings, 1);
    let per_rule = bigan::lint::report::SHOWN_PER_RULE * bigan::lint::RULES.len();
    prop_assert!(report.lines().count() <= per_rule * 12 + 40, "{report}");
    prop_assert!(!report.contains('\u{1b}'), "{report}");
    let json: serde_json::Value = serde_json::from_str(&bigan::lint::report::json(&findings, 1))
        .map_err(|e| TestCaseError::fail(format!("JSON does not read back: {e}")))?;
    prop_assert_eq!(
        json["findings"].as_array().map(Vec::len),
        Some(findings.len())
    );
    Ok(())
}

/// The import target's property: no panic, and every profile written is
/// within check's size and loads with no error but the values import
/// leaves for the user to fill in (a date the text does not state).
fn import_holds(text: &str) -> Result<(), TestCaseError> {
    let _ = bigan::import::clean_text(text);
    for speech in bigan::import::import(text) {
        let yaml =
            bigan::import::profile::write(&speech.outline, &speech.facts, &speech.told, "t.txt");
        prop_assert!(yaml.len() as u64 <= bigan::profile::MAX_PROFILE_BYTES);
        with_profile(&yaml, |path| {
            let loaded = bigan::profile::load(path).unwrap();
            let errors: Vec<String> = loaded
                .diagnostics
                .iter()
                .filter(|d| d.severity == Severity::Error && !d.message.contains("空着"))
                .map(ToString::to_string)
                .collect();
            prop_assert!(errors.is_empty(), "{yaml}\n{errors:?}");
            Ok(())
        })?;
    }
    Ok(())
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn a_mutated_profile_loads_or_is_refused_and_renders(text in profile_text()) {
        profile_holds(&text)?;
    }

    #[test]
    fn any_draft_is_linted_with_a_bounded_report(text in draft_text(), md in prop::bool::ANY) {
        lint_holds(&text, if md { "draft.md" } else { "draft.txt" })?;
    }

    #[test]
    fn any_text_imports_to_profiles_that_load(text in draft_text()) {
        import_holds(&text)?;
    }
}
