//! `bigan import`: a 范文 copied from a website (text, DOCX or a saved
//! page, read by [`crate::input`]), cleaned ([`clean`]), read into an
//! outline ([`outline`]) and the facts its text states ([`facts`]), and
//! written as a profile skeleton ([`profile`]). A file holding several speeches (第一篇……第二篇……) gives
//! one profile each.

pub mod clean;
pub mod facts;
pub mod outline;
pub mod profile;

use crate::markers;
use outline::Outline;
use profile::Facts;

/// One speech read from the file.
#[derive(Debug, Clone)]
pub struct Speech {
    /// Its cleaned paragraphs.
    pub lines: Vec<String>,
    pub outline: Outline,
    pub facts: Facts,
    /// What the speech's own text states: dates, phases, superior.
    pub told: facts::Told,
}

/// The cleaned text of a whole file, one paragraph per line.
pub fn clean_text(text: &str) -> String {
    let mut out = clean::clean(text).lines.join("\n");
    out.push('\n');
    out
}

/// Cleans `text` and reads each speech in it.
pub fn import(text: &str) -> Vec<Speech> {
    let cleaned = clean::clean(text);
    let org_name = profile::org_name(&cleaned.dropped);
    split(&cleaned.lines)
        .into_iter()
        .map(|lines| {
            let joined = lines.join("\n");
            let (kind, short) = profile::kind_and_short(&joined);
            let outline = outline::outline(&lines);
            Speech {
                told: facts::read(&lines, &outline),
                outline,
                facts: Facts {
                    org_name: org_name.clone(),
                    kind,
                    short,
                    published: cleaned.published,
                },
                lines,
            }
        })
        .collect()
}

/// The speeches of a file: split at each 第N篇 header line. Text before the
/// first header goes with the first speech.
pub fn split(lines: &[String]) -> Vec<Vec<String>> {
    let mut out = Vec::new();
    let mut current: Vec<String> = Vec::new();
    let mut has_header = false;
    for line in lines {
        let chars: Vec<char> = line.chars().collect();
        let header = markers::pian(&chars).is_some();
        if header && has_header {
            out.push(std::mem::take(&mut current));
        }
        has_header |= header;
        current.push(line.clone());
    }
    if !current.is_empty() {
        out.push(current);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_at_each_pian() {
        let lines: Vec<String> = ["前言", "第一篇：甲", "正文", "第二篇：乙", "正文"]
            .iter()
            .map(|s| (*s).to_owned())
            .collect();
        let parts = split(&lines);
        assert_eq!(parts.len(), 2);
        assert_eq!(parts[0], ["前言", "第一篇：甲", "正文"]);
        assert_eq!(parts[1], ["第二篇：乙", "正文"]);
    }
}
