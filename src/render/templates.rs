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
