//! A web page read as a reader sees it: the text of its body in blocks
//! (paragraphs, headings, list items, table cells), without styles,
//! scripts, SVG or anything else a browser does not show as text. Each
//! character keeps its line and column in the file, so a finding points at
//! the source.

use html5gum::{DefaultEmitter, Token, Tokenizer};

use super::Block;

/// Elements whose content is not shown as text.
const HIDDEN: [&[u8]; 8] = [
    b"script",
    b"style",
    b"svg",
    b"math",
    b"template",
    b"noscript",
    b"title",
    b"textarea",
];

/// Elements that start and end a block of text.
const BLOCKS: [&[u8]; 40] = [
    b"address",
    b"article",
    b"aside",
    b"blockquote",
    b"body",
    b"br",
    b"caption",
    b"dd",
    b"details",
    b"dialog",
    b"div",
    b"dl",
    b"dt",
    b"fieldset",
    b"figcaption",
    b"figure",
    b"footer",
    b"form",
    b"h1",
    b"h2",
    b"h3",
    b"h4",
    b"h5",
    b"h6",
    b"header",
    b"hgroup",
    b"hr",
    b"html",
    b"li",
    b"main",
    b"nav",
    b"ol",
    b"p",
    b"pre",
    b"section",
    b"summary",
    b"table",
    b"td",
    b"th",
    b"tr",
];

/// Where each line of the source starts, to turn byte offsets into
/// (line, column in characters).
struct Lines<'a> {
    text: &'a str,
    starts: Vec<usize>,
}

impl<'a> Lines<'a> {
    fn new(text: &'a str) -> Self {
        let starts = std::iter::once(0)
            .chain(text.match_indices('\n').map(|(i, _)| i + 1))
            .collect();
        Lines { text, starts }
    }

    fn locate(&self, byte: usize) -> (u32, u32) {
        let line = self
            .starts
            .partition_point(|&s| s <= byte)
            .saturating_sub(1);
        let start = self.starts[line];
        let byte = byte.min(self.text.len());
        let col = self.text.get(start..byte).map_or(0, |s| s.chars().count());
        (to_u32(line + 1), to_u32(col + 1))
    }
}

fn to_u32(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

/// One block being gathered: characters with (line, column).
#[derive(Default)]
struct Open {
    chars: Vec<(char, u32, u32)>,
    heading: Option<u8>,
}

/// The blocks of text in the body of `html`.
pub fn blocks(html: &str) -> Vec<Block> {
    let lines = Lines::new(html);
    let mut emitter = DefaultEmitter::<usize>::new_with_span();
    emitter.naively_switch_states(true);
    let mut out = Vec::new();
    let mut open = Open::default();
    let mut hidden: Vec<Vec<u8>> = Vec::new();
    let mut pre = 0u32;
    for token in Tokenizer::new_with_emitter(html, emitter).flatten() {
        match token {
            Token::StartTag(tag) => {
                let name = tag.name.to_ascii_lowercase();
                if HIDDEN.contains(&name.as_slice()) {
                    if !tag.self_closing {
                        hidden.push(name);
                    }
                    continue;
                }
                if BLOCKS.contains(&name.as_slice()) {
                    close(&mut out, &mut open);
                    if let [b'h', d @ b'1'..=b'6'] = name.as_slice() {
                        open.heading = Some(d - b'0');
                    }
                }
                if name == b"pre" {
                    pre += 1;
                }
            }
            Token::EndTag(tag) => {
                let name = tag.name.to_ascii_lowercase();
                if hidden.last() == Some(&name) {
                    hidden.pop();
                    continue;
                }
                if BLOCKS.contains(&name.as_slice()) {
                    close(&mut out, &mut open);
                }
                if name == b"pre" {
                    pre = pre.saturating_sub(1);
                }
            }
            Token::String(s) if hidden.is_empty() => {
                let value = String::from_utf8_lossy(&s.value);
                let source = html.get(s.span.start..s.span.end).unwrap_or_default();
                // Entities make the shown text differ from the source:
                // then every character is placed at the token's start.
                let exact = source == value;
                let mut byte = s.span.start;
                for c in value.chars() {
                    if pre > 0 && c == '\n' {
                        close(&mut out, &mut open);
                    } else {
                        let (line, col) = lines.locate(byte);
                        open.chars.push((c, line, col));
                    }
                    if exact {
                        byte += c.len_utf8();
                    }
                }
            }
            _ => {}
        }
    }
    close(&mut out, &mut open);
    out
}

/// Ends the open block: white space collapsed as a browser shows it, a
/// line break between two Chinese characters dropped (a browser shows a
/// space there that no author of Chinese text meant).
fn close(out: &mut Vec<Block>, open: &mut Open) {
    let Open { chars, heading } = std::mem::take(open);
    let mut kept: Vec<(char, u32, u32)> = Vec::with_capacity(chars.len());
    let mut i = 0;
    while i < chars.len() {
        let (c, line, col) = chars[i];
        if !c.is_ascii_whitespace() {
            kept.push((c, line, col));
            i += 1;
            continue;
        }
        let start = i;
        while i < chars.len() && chars[i].0.is_ascii_whitespace() {
            i += 1;
        }
        let newline = chars[start..i].iter().any(|&(c, _, _)| c == '\n');
        let before = kept.last().map(|&(c, _, _)| c);
        let after = chars.get(i).map(|&(c, _, _)| c);
        let wide = |c: Option<char>| c.is_some_and(|c| !c.is_ascii());
        if before.is_none() || after.is_none() || (newline && wide(before) && wide(after)) {
            continue;
        }
        kept.push((' ', line, col));
    }
    let Some(&(_, line, _)) = kept.first() else {
        return;
    };
    out.push(Block {
        line,
        chars: kept.iter().map(|&(c, _, _)| c).collect(),
        // A block that runs on over several source lines keeps the columns
        // of its characters; its line is where it starts.
        columns: kept.iter().map(|&(_, _, col)| col).collect(),
        heading,
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(html: &str) -> Vec<String> {
        blocks(html)
            .iter()
            .map(|b| b.chars.iter().collect())
            .collect()
    }

    #[test]
    fn only_the_text_a_reader_sees() {
        let html = "<!DOCTYPE html><html><head><title>标题</title><style>p { color: red; }</style>\
                    <script>if (a < b) { x = \"</p>\"; }</script></head>\n<body>\n<h1>在大会上的讲话</h1>\n\
                    <p>同志们：</p><p>第一，&ldquo;要&rdquo;重视。</p>\n\
                    <svg><text>5月</text></svg><ul><li>一是甲</li><li>二是乙</li></ul></body></html>";
        assert_eq!(
            texts(html),
            [
                "在大会上的讲话",
                "同志们：",
                "第一，“要”重视。",
                "一是甲",
                "二是乙"
            ]
        );
        let b = blocks(html);
        assert_eq!(b[0].heading, Some(1));
        assert_eq!(b[0].line, 3);
        assert_eq!(b[0].columns[0], 5);
    }

    #[test]
    fn white_space_as_a_browser_shows_it() {
        assert_eq!(
            texts("<p>  第一行\n  第二行 and   more\n</p>"),
            ["第一行第二行 and more"]
        );
        assert_eq!(texts("<pre>一\n二</pre>"), ["一", "二"]);
    }
}
