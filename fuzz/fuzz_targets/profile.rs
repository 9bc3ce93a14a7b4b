//! Any bytes as a profile: load (parse, extends, validate), print every
//! diagnostic, and render every document the profile supports in every
//! format. Errors are fine; a panic is a bug.
#![no_main]

use bigan::output::Format;
use bigan::render::Doc;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if bigan_fuzz::reaches_outside(data) {
        return;
    }
    bigan_fuzz::with_file("profile.yaml", data, |path| {
        let Ok(loaded) = bigan::profile::load(path) else {
            return;
        };
        for d in &loaded.diagnostics {
            let _ = d.to_string();
        }
        let Some(profile) = loaded.profile else {
            return;
        };
        bigan_fuzz::with_renderer(|renderer| {
            for doc in Doc::ALL.into_iter().filter(|d| d.supported_by(&profile)) {
                for format in [Format::Md, Format::Html, Format::Txt, Format::Docx] {
                    let _ = bigan::draft::bytes(renderer, &profile, doc, format);
                }
            }
        });
    });
});
