//! What several test crates share: the rule that every draft bigan
//! renders lints without an error.

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
