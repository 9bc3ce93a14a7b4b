//! One document of one profile, from the compiled templates to the bytes of
//! a format: the pipe every command that writes a draft goes through.

use crate::output::{self, Extras, Format};
use crate::profile::Profile;
use crate::render::{Doc, Renderer};
use crate::timeline;

/// The Markdown draft of `doc`.
pub fn markdown(renderer: &Renderer, profile: &Profile, doc: Doc) -> anyhow::Result<String> {
    renderer.render(profile, doc)
}

/// `doc` of `profile` in `format`.
pub fn bytes(
    renderer: &Renderer,
    profile: &Profile,
    doc: Doc,
    format: Format,
) -> anyhow::Result<Vec<u8>> {
    let markdown = markdown(renderer, profile, doc)?;
    output::convert(&markdown, format, &extras(profile, doc, format))
}

/// What the converters need besides the Markdown: the profile's fonts, and
/// for HTML the phase timeline shown on screen.
pub fn extras(profile: &Profile, doc: Doc, format: Format) -> Extras {
    Extras {
        fonts: profile.fonts.clone(),
        screen_html: (format == Format::Html).then(|| timeline::svg(profile, doc)),
    }
}
