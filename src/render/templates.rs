//! The built-in templates, embedded in the binary. `bigan templates export`
//! writes them out; a file of the same name in `--templates DIR` wins.

/// Name and text of every built-in template.
pub const BUILTIN: &[(&str, &str)] = &[
    (
        "speech/base.md",
        include_str!("../../templates/speech/base.md"),
    ),
    (
        "speech/generic.md",
        include_str!("../../templates/speech/generic.md"),
    ),
    (
        "speech/hospital.md",
        include_str!("../../templates/speech/hospital.md"),
    ),
    (
        "speech/county.md",
        include_str!("../../templates/speech/county.md"),
    ),
    (
        "speech/traffic.md",
        include_str!("../../templates/speech/traffic.md"),
    ),
    ("plan/base.md", include_str!("../../templates/plan/base.md")),
    (
        "plan/hospital.md",
        include_str!("../../templates/plan/hospital.md"),
    ),
    (
        "plan/county.md",
        include_str!("../../templates/plan/county.md"),
    ),
    (
        "plan/traffic.md",
        include_str!("../../templates/plan/traffic.md"),
    ),
    (
        "progress/base.md",
        include_str!("../../templates/progress/base.md"),
    ),
    (
        "progress/hospital.md",
        include_str!("../../templates/progress/hospital.md"),
    ),
    (
        "progress/county.md",
        include_str!("../../templates/progress/county.md"),
    ),
    (
        "progress/traffic.md",
        include_str!("../../templates/progress/traffic.md"),
    ),
];
