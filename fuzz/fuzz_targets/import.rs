//! Any text as a scraped 范文: import cleans it and writes a profile for
//! each speech. A panic is a bug, and so is a written profile that bigan
//! itself cannot load, or whose errors are other than the values import
//! leaves for the user to fill in (a date the text does not state).
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let _ = bigan::import::clean_text(&text);
    for speech in bigan::import::import(&text) {
        let yaml = bigan::import::profile::write(
            &speech.outline,
            &speech.facts,
            &speech.told,
            "fuzz.txt",
        );
        assert!(yaml.len() as u64 <= bigan::profile::MAX_PROFILE_BYTES);
        bigan_fuzz::with_file("imported.yaml", yaml.as_bytes(), |path| {
            let loaded = bigan::profile::load(path).expect("the file was just written");
            let errors: Vec<String> = loaded
                .diagnostics
                .iter()
                .filter(|d| d.severity == bigan::diagnostic::Severity::Error)
                .filter(|d| !d.message.contains("空着"))
                .map(ToString::to_string)
                .collect();
            assert!(errors.is_empty(), "imported profile does not load:\n{yaml}\n{errors:?}");
        });
    }
});
