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
