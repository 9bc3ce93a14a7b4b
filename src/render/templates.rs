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
];
