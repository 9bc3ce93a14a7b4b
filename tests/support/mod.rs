//! What several test crates share: the rule that every draft bigan
//! renders lints without an error, and how to find a phase in a speech.

use std::path::Path;

use bigan::diagnostic::Severity;
use bigan::lint::{Selection, check};

/// The errors `bigan lint` finds in the Markdown draft `text`, each as
/// "rule: message".
pub fn lint_errors(text: &str) -> Vec<String> {
    check(Path::new("draft.md"), text, &Selection::default())
        .into_iter()
        .filter(|f| f.diagnostic.severity == Severity::Error)
        .map(|f| format!("{}: {}", f.rule.id, f.diagnostic.message))
        .collect()
}

/// The paragraph that opens with `ordinal` (第一阶段，……), in whichever of
/// the genre's wordings of a phase the organisation takes
/// (templates/parts.md): each names the phase and its span.
#[allow(dead_code)] // used by the crates that read phases, not by all
pub fn phase_paragraph<'a>(md: &'a str, ordinal: &str) -> &'a str {
    let head = format!("{ordinal}，");
    md.split("\n\n")
        .map(str::trim)
        .find(|b| b.starts_with(&head))
        .unwrap_or_else(|| panic!("no paragraph opening with {head} in\n{md}"))
}
