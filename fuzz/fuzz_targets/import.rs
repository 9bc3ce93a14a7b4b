//! Any text as a scraped 范文: import cleans it and writes a profile for
//! each speech. A panic is a bug, and so is a written profile that bigan
//! itself cannot load: import promises a profile `check` accepts.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let _ = bigan::import::clean_text(&text);
    let today = chrono::NaiveDate::from_ymd_opt(2026, 1, 1).expect("a real date");
    for speech in bigan::import::import(&text) {
        let yaml = bigan::import::profile::write(&speech.outline, &speech.facts, "fuzz.txt", today);
        bigan_fuzz::with_file("imported.yaml", yaml.as_bytes(), |path| {
            let loaded = bigan::profile::load(path).expect("the file was just written");
            let errors: Vec<String> = loaded
                .diagnostics
                .iter()
                .filter(|d| d.severity == bigan::diagnostic::Severity::Error)
                .map(ToString::to_string)
                .collect();
            assert!(errors.is_empty(), "imported profile does not load:\n{yaml}\n{errors:?}");
        });
    }
});
