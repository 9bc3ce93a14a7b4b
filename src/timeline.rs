//! The campaign's phases on a time axis: an inline SVG for HTML drafts.

use crate::profile::Profile;
use crate::render::Doc;

/// An SVG chart of the phases (a bar each, month ticks, the meeting date
/// marked), or an empty string when there are no phases.
pub fn svg(_profile: &Profile, _doc: Doc) -> String {
    String::new()
}
