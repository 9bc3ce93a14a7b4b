//! Any text as a draft: every lint rule runs over it. Findings are fine; a
//! panic is a bug.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let selection = bigan::lint::Selection::new(&[], &[]).expect("no rule named");
    for finding in bigan::lint::check(std::path::Path::new("draft.md"), &text, &selection) {
        let _ = format!("{finding:?}");
    }
});
