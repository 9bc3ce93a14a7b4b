//! Plain text for pasting into Word or WPS: no Markdown marks, body
//! paragraphs indented with two full-width spaces as typed 公文 are.

use super::blocks::{self, Block};

const INDENT: &str = "\u{3000}\u{3000}";

pub fn plain(markdown: &str) -> String {
    let mut out = String::new();
    for block in blocks::parse(markdown) {
        let text = block.text();
        match block {
            Block::Title(_) => {
                out.push_str(&text);
                out.push('\n');
            }
            Block::Byline(_) | Block::Signature(_) | Block::Number(_) => {
                out.push_str(&text);
                out.push('\n');
            }
            _ if block.is_salutation() => {
                out.push('\n');
                out.push_str(&text);
                out.push('\n');
            }
            _ => {
                out.push_str(INDENT);
                out.push_str(&text);
                out.push('\n');
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strips_marks_and_indents() {
        let t = plain("# 题\n\n同志们：\n\n## 一、要点\n\n**第一，理由**。正文\n");
        assert_eq!(
            t,
            "题\n\n同志们：\n\u{3000}\u{3000}一、要点\n\u{3000}\u{3000}第一，理由。正文\n"
        );
    }
}
