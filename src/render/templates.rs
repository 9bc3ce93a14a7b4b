//! The built-in templates, embedded in the binary. `bigan templates export`
//! writes them out; a file of the same name in `--templates DIR` wins.
//! Each document has one template of structure; the words come from the
//! genre data (src/genre/).

/// Name and text of every built-in template.
pub const BUILTIN: &[(&str, &str)] = &[
    ("parts.md", include_str!("../../templates/parts.md")),
    (
        "speech/base.md",
        include_str!("../../templates/speech/base.md"),
    ),
    ("plan/base.md", include_str!("../../templates/plan/base.md")),
    (
        "progress/base.md",
        include_str!("../../templates/progress/base.md"),
    ),
    (
        "notice/base.md",
        include_str!("../../templates/notice/base.md"),
    ),
    (
        "briefing/base.md",
        include_str!("../../templates/briefing/base.md"),
    ),
    (
        "progress-briefing/base.md",
        include_str!("../../templates/progress-briefing/base.md"),
    ),
    (
        "exchange/base.md",
        include_str!("../../templates/exchange/base.md"),
    ),
    (
        "summary/base.md",
        include_str!("../../templates/summary/base.md"),
    ),
];

/// `parts` (a file of components) cut to the components `using` calls,
/// directly or through one another: Tera compiles every component it is
/// given, and the progress speech's and the news items' components are
/// half of parts.md, so a run that drafts one speech would pay for them
/// (docs/performance.md). Every line stays where it was (what is left out
/// becomes empty lines outside any component), so an error in parts.md
/// still points at its own line. Text that is not a component, or a file
/// this cannot read as components, is given whole.
pub fn components_used(parts: &str, using: &[&str]) -> String {
    let Some(defined) = components(parts) else {
        return parts.to_owned();
    };
    let calls = |text: &str, name: &str| {
        text.match_indices('<').any(|(at, _)| {
            let rest = &text[at + 1..];
            rest.starts_with(name)
                && !rest[name.len()..].starts_with(|c: char| c.is_alphanumeric() || c == '_')
        })
    };
    let mut kept = vec![false; defined.len()];
    let mut todo: Vec<&str> = using.to_vec();
    while let Some(text) = todo.pop() {
        for (i, (name, range)) in defined.iter().enumerate() {
            if !kept[i] && calls(text, name) {
                kept[i] = true;
                todo.push(&parts[range.clone()]);
            }
        }
    }
    let mut out = String::with_capacity(parts.len());
    let mut at = 0;
    for ((_, range), keep) in defined.iter().zip(kept) {
        if keep {
            out.extend(parts[at..range.start].matches('\n'));
            out.push_str(&parts[range.clone()]);
            at = range.end;
        }
    }
    out.extend(parts[at..].matches('\n'));
    out
}

/// Each `{% component NAME(…) %}…{% endcomponent NAME %}` of `text`, by
/// name and byte range; `None` when a component has no end where
/// expected, or anything but components, comments and blank lines stands
/// between them.
fn components(text: &str) -> Option<Vec<(&str, std::ops::Range<usize>)>> {
    let mut found = Vec::new();
    let mut at = 0;
    while let Some(start) = text[at..].find("{%").map(|i| at + i) {
        let between = text[at..start].trim();
        let comment = between.starts_with("{#") && between.ends_with("#}");
        if !between.is_empty() && !comment {
            return None;
        }
        let open = text[start + 2..].trim_start_matches('-').trim_start();
        let name = open.strip_prefix("component ")?.split('(').next()?.trim();
        let end_tag = format!("endcomponent {name}");
        let end = text[start..]
            .match_indices(&end_tag)
            .map(|(i, _)| start + i + end_tag.len())
            .find(|&i| text[i..].starts_with([' ', '-', '%']))?;
        let end = end + text[end..].find("%}")? + 2;
        found.push((name, start..end));
        at = end;
    }
    let rest = text[at..].trim();
    (rest.is_empty() || rest.starts_with("{#") && rest.ends_with("#}")).then_some(found)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(name: &str) -> &'static str {
        BUILTIN
            .iter()
            .find(|(n, _)| *n == name)
            .map_or("", |(_, t)| t)
    }

    #[test]
    fn a_speech_compiles_the_components_it_calls_and_those_they_call() {
        let parts = text("parts.md");
        let cut = components_used(parts, &[text("speech/base.md")]);
        // entry calls phases; the speech calls byline and entry.
        for kept in ["byline", "entry", "phases"] {
            assert!(cut.contains(&format!("{{% component {kept}(")), "{kept}");
        }
        for left in ["facts", "stage", "gist"] {
            assert!(!cut.contains(&format!("component {left}(")), "{left}");
        }
        assert_eq!(cut.lines().count(), parts.lines().count());
        let line_of = |s: &str, what: &str| s[..s.find(what).unwrap_or(0)].matches('\n').count();
        let phases = "{% component phases(";
        assert_eq!(line_of(&cut, phases), line_of(parts, phases));
    }

    #[test]
    fn every_document_keeps_every_component_it_calls() {
        let parts = text("parts.md");
        let all: Vec<&str> = BUILTIN.iter().map(|(_, t)| *t).collect();
        assert_eq!(
            components_used(parts, &all).trim(),
            parts[parts.find("{% component").unwrap_or(0)..].trim()
        );
    }

    #[test]
    fn a_file_that_is_not_only_components_is_given_whole() {
        let odd = "{% component a() %}x{% endcomponent a %}\ntext outside\n";
        assert_eq!(components_used(odd, &[""]), odd);
        let open = "{% component a() %}x";
        assert_eq!(components_used(open, &[""]), open);
        let named =
            "{% component a() %}x{% endcomponent a %}\n{% component ab() %}y{% endcomponent ab %}";
        assert_eq!(
            components_used(named, &["<ab/>"]).trim(),
            "{% component ab() %}y{% endcomponent ab %}"
        );
    }
}
