//! Any text as a draft: every lint rule runs over it. Findings are fine; a
//! panic is a bug, and so is a finding off the text's lines, a text report
//! that grows past its per-rule cap, or JSON that does not read back
//! (tests/fuzz_properties.rs checks the same on every `cargo test`).
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let selection = bigan::lint::Selection::default();
    for name in ["draft.md", "draft.txt"] {
        let findings = bigan::lint::check(std::path::Path::new(name), &text, &selection);
        let lines = text.split('\n').count() as u32;
        assert!(findings.iter().all(|f| f.diagnostic.line <= lines));
        let report = bigan::lint::report::text(&findings, 1);
        let cap = bigan::lint::report::SHOWN_PER_RULE * bigan::lint::RULES.len() * 12 + 40;
        assert!(report.lines().count() <= cap, "{report}");
        let json: serde_json::Value =
            serde_json::from_str(&bigan::lint::report::json(&findings, 1)).expect("JSON reads back");
        assert_eq!(json["findings"].as_array().map(Vec::len), Some(findings.len()));
    }
});
