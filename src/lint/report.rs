//! How findings reach the user: rustc-style text with the rule, its basis
//! and a hint, at most a few of each rule per file; or the stable JSON
//! documented in docs/lint.md.

use std::fmt::Write as _;

use serde::Serialize;

use super::{Finding, RULES};
use crate::diagnostic::Severity;

/// Findings of one rule shown per file in text; the rest are counted.
pub const SHOWN_PER_RULE: usize = 10;

/// The JSON format's version: bumped only on an incompatible change.
pub const JSON_VERSION: u32 = 1;

/// The findings of several drafts as text.
pub fn text(findings: &[Finding], files: usize) -> String {
    let mut out = String::new();
    let mut shown: Vec<(&std::path::Path, &str, usize)> = Vec::new();
    for f in findings {
        let key = (f.diagnostic.path.as_path(), f.rule.id);
        let n = match shown.iter_mut().find(|(p, r, _)| (*p, *r) == key) {
            Some(entry) => {
                entry.2 += 1;
                entry.2
            }
            None => {
                shown.push((key.0, key.1, 1));
                1
            }
        };
        if n > SHOWN_PER_RULE {
            continue;
        }
        let mut d = f.diagnostic.clone();
        d.message = format!("[{}] {}", f.rule.id, d.message);
        let _ = write!(out, "{d}");
        let basis = match f.rule.basis.source() {
            Some(s) => format!("国标 {s}"),
            None => "实务".to_owned(),
        };
        let _ = writeln!(out, "  = 依据：{basis}");
    }
    for (path, rule, n) in &shown {
        if *n > SHOWN_PER_RULE {
            let _ = writeln!(
                out,
                "{}: 另有 {} 处 [{rule}] 未列出（用 --format json 查看全部，或 --rule {rule} 只看这一类）",
                path.display(),
                n - SHOWN_PER_RULE
            );
        }
    }
    let (errors, warnings) = tally(findings);
    if findings.is_empty() {
        let _ = writeln!(out, "检查了 {files} 份文稿，没有发现问题");
    } else {
        let _ = writeln!(
            out,
            "检查了 {files} 份文稿：{errors} 处错误，{warnings} 处提醒"
        );
    }
    out
}

fn tally(findings: &[Finding]) -> (usize, usize) {
    let errors = findings
        .iter()
        .filter(|f| f.diagnostic.severity == Severity::Error)
        .count();
    (errors, findings.len() - errors)
}

#[derive(Serialize)]
struct Json<'a> {
    version: u32,
    findings: Vec<JsonFinding<'a>>,
    summary: Summary,
}

#[derive(Serialize)]
struct JsonFinding<'a> {
    rule: &'static str,
    severity: Severity,
    basis: &'static str,
    standard: Option<&'static str>,
    path: String,
    line: u32,
    column: u32,
    message: &'a str,
    hint: Option<&'a str>,
}

#[derive(Serialize)]
struct Summary {
    files: usize,
    errors: usize,
    warnings: usize,
}

/// The findings of several drafts as JSON (docs/lint.md).
pub fn json(findings: &[Finding], files: usize) -> String {
    let (errors, warnings) = tally(findings);
    let doc = Json {
        version: JSON_VERSION,
        findings: findings
            .iter()
            .map(|f| JsonFinding {
                rule: f.rule.id,
                severity: f.diagnostic.severity,
                basis: f.rule.basis.kind(),
                standard: f.rule.basis.source(),
                path: f.diagnostic.path.display().to_string(),
                line: f.diagnostic.line,
                column: f.diagnostic.column,
                message: &f.diagnostic.message,
                hint: f.diagnostic.hint.as_deref(),
            })
            .collect(),
        summary: Summary {
            files,
            errors,
            warnings,
        },
    };
    // Serialising plain strings and numbers cannot fail.
    let mut s = serde_json::to_string_pretty(&doc).unwrap_or_default();
    s.push('\n');
    s
}

/// The rules as a table, for `--list-rules`.
pub fn rules() -> String {
    let mut out = String::new();
    for r in RULES.iter() {
        let severity = match r.severity {
            Severity::Error => "错误",
            Severity::Warning => "提醒",
        };
        let basis = match r.basis.source() {
            Some(s) => format!("国标 {s}"),
            None => "实务".to_owned(),
        };
        let _ = writeln!(out, "{:<18} {severity}  {}（{basis}）", r.id, r.summary);
    }
    out
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use super::*;
    use crate::lint::{Selection, check};

    /// The findings of `lines` of plain text, each line a paragraph.
    fn found(lines: &[&str]) -> Vec<Finding> {
        let text = lines.join("\n\n");
        let rules = ["punct.halfwidth".into(), "placeholder".into()];
        let only = Selection::new(&rules, &[]).unwrap_or_default();
        check(Path::new("讲话.md"), &text, &only)
    }

    /// `n` paragraphs with one half-width comma each.
    fn commas(n: usize) -> Vec<&'static str> {
        vec!["今天,开会。"; n]
    }

    #[test]
    fn text_shows_ten_of_a_rule_and_counts_the_rest() {
        let mut lines = commas(12);
        lines.push("××同志：");
        let findings = found(&lines);
        let out = text(&findings, 1);
        assert_eq!(out.matches("[punct.halfwidth]").count(), 10 + 1, "{out}");
        assert!(
            out.contains("讲话.md: 另有 2 处 [punct.halfwidth] 未列出"),
            "{out}"
        );
        assert_eq!(out.matches("[placeholder]").count(), 1, "{out}");
        assert!(!out.contains("[placeholder] 未列出"), "{out}");
        assert!(out.contains("= 依据：国标 GB/T 15834-2011 第5章"), "{out}");
        assert!(out.contains("= 依据：实务"), "{out}");
        assert!(
            out.ends_with("检查了 1 份文稿：1 处错误，12 处提醒\n"),
            "{out}"
        );
    }

    #[test]
    fn ten_of_a_rule_are_all_shown() {
        let out = text(&found(&commas(10)), 2);
        assert_eq!(out.matches("[punct.halfwidth]").count(), 10, "{out}");
        assert!(!out.contains("未列出"), "{out}");
        assert!(
            out.ends_with("检查了 2 份文稿：0 处错误，10 处提醒\n"),
            "{out}"
        );
    }

    #[test]
    fn a_clean_run_says_so() {
        assert_eq!(text(&[], 3), "检查了 3 份文稿，没有发现问题\n");
    }

    #[test]
    fn json_has_every_finding_and_the_tally() {
        let mut lines = commas(11);
        lines.push("××同志：");
        let out = json(&found(&lines), 4);
        let doc: serde_json::Value = serde_json::from_str(&out).unwrap_or_default();
        assert_eq!(doc["version"], 1, "{out}");
        assert_eq!(doc["findings"].as_array().map(Vec::len), Some(12), "{out}");
        assert_eq!(doc["findings"][0]["rule"], "punct.halfwidth");
        assert_eq!(doc["findings"][0]["basis"], "国标");
        assert_eq!(doc["findings"][0]["line"], 1);
        assert_eq!(doc["findings"][11]["rule"], "placeholder");
        assert_eq!(doc["findings"][11]["line"], 23);
        assert_eq!(
            doc["summary"],
            serde_json::json!({ "files": 4, "errors": 1, "warnings": 11 })
        );
        assert!(out.ends_with("}\n"));
    }

    #[test]
    fn the_rule_table_gives_severity_and_basis() {
        let out = rules();
        assert_eq!(out.lines().count(), RULES.len());
        let line = |id: &str| {
            out.lines()
                .find(|l| l.starts_with(&format!("{id} ")))
                .unwrap_or_default()
                .to_owned()
        };
        let gap = line("numbering.gap");
        assert!(gap.contains(" 错误  "), "{gap}");
        assert!(gap.ends_with("（国标 GB/T 9704-2012 7.3.3）"), "{gap}");
        let half = line("punct.halfwidth");
        assert!(half.contains(" 提醒  "), "{half}");
        assert!(line("count.points").ends_with("（实务）"), "{out}");
    }
}
