//! The draft's Markdown read back as the blocks of a 公文: title, byline,
//! headings, paragraphs with their runs. Text, DOCX and lint read drafts
//! through this, so they agree on what a draft is.

use pulldown_cmark::{Event, HeadingLevel, Options, Parser, Tag, TagEnd};

/// One block of a draft.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Block {
    /// `# …`: the document title.
    Title(String),
    /// `#### … {.byline}`: the speaker or date line under the title.
    Byline(String),
    /// `#### … {.signature}`: the issuer or date at the foot of a plan.
    Signature(String),
    /// `#### … {.number}`: a notice's 发文字号 above its title (GB/T
    /// 9704-2012 7.2.4), centred.
    Number(String),
    /// `## 一、…` (level 1) and `### （一）…` (level 2).
    Heading(u8, String),
    /// A paragraph: a run of text pieces, some emphasised.
    Paragraph(Vec<Run>),
}

/// A piece of a paragraph and how it is set.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Run {
    pub text: String,
    pub style: RunStyle,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RunStyle {
    Plain,
    /// `*…*`: a run-in （一） lead, set in 楷体.
    Kai,
    /// `**…**`: a run-in 第一， lead, set in bold.
    Bold,
}

impl Block {
    /// The block's text without marks.
    pub fn text(&self) -> String {
        match self {
            Block::Title(t)
            | Block::Byline(t)
            | Block::Signature(t)
            | Block::Number(t)
            | Block::Heading(_, t) => t.clone(),
            Block::Paragraph(runs) => runs.iter().map(|r| r.text.as_str()).collect(),
        }
    }

    /// Whether this is a salutation or an addressee line (同志们：, 各科室：),
    /// which stands flush left.
    pub fn is_salutation(&self) -> bool {
        match self {
            Block::Paragraph(_) => {
                let t = self.text();
                t.ends_with('：') && t.chars().count() <= 30
            }
            _ => false,
        }
    }
}

/// The Markdown options every reader of drafts uses.
pub fn options() -> Options {
    Options::ENABLE_HEADING_ATTRIBUTES
}

/// Reads a Markdown draft into blocks. Raw HTML is kept as literal text.
pub fn parse(markdown: &str) -> Vec<Block> {
    let mut blocks = Vec::new();
    let mut heading: Option<(HeadingLevel, Option<&'static str>)> = None;
    let mut runs: Vec<Run> = Vec::new();
    let mut style = RunStyle::Plain;
    let push = |runs: &mut Vec<Run>, text: &str, style: RunStyle| match runs.last_mut() {
        Some(last) if last.style == style => last.text.push_str(text),
        _ => runs.push(Run {
            text: text.to_owned(),
            style,
        }),
    };
    for event in Parser::new_ext(markdown, options()) {
        match event {
            Event::Start(Tag::Heading { level, classes, .. }) => {
                let class = classes.iter().find_map(|c| match c.as_ref() {
                    "byline" => Some("byline"),
                    "signature" => Some("signature"),
                    "number" => Some("number"),
                    _ => None,
                });
                heading = Some((level, class));
                runs.clear();
            }
            Event::End(TagEnd::Heading(_)) => {
                let text: String = runs.drain(..).map(|r| r.text).collect();
                let block = match heading.take() {
                    Some((_, Some("byline"))) => Block::Byline(text),
                    Some((_, Some("signature"))) => Block::Signature(text),
                    Some((_, Some("number"))) => Block::Number(text),
                    Some((HeadingLevel::H1, _)) => Block::Title(text),
                    Some((HeadingLevel::H2, _)) => Block::Heading(1, text),
                    _ => Block::Heading(2, text),
                };
                blocks.push(block);
            }
            // A tight list item holds its text without a paragraph: each
            // item is a block of its own, or its text would be lost.
            Event::Start(Tag::Paragraph | Tag::HtmlBlock | Tag::Item) => runs.clear(),
            Event::End(TagEnd::Paragraph | TagEnd::HtmlBlock | TagEnd::Item)
                if !runs.is_empty() =>
            {
                blocks.push(Block::Paragraph(std::mem::take(&mut runs)));
            }
            Event::Start(Tag::Emphasis) => style = RunStyle::Kai,
            Event::Start(Tag::Strong) => style = RunStyle::Bold,
            Event::End(TagEnd::Emphasis | TagEnd::Strong) => style = RunStyle::Plain,
            Event::Text(t) | Event::Code(t) | Event::Html(t) | Event::InlineHtml(t) => {
                push(&mut runs, &t, style)
            }
            Event::SoftBreak | Event::HardBreak => push(&mut runs, "", style),
            _ => {}
        }
    }
    blocks
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_genre_blocks() {
        let md = "# 标题\n\n#### （2010年5月20日） {.byline}\n\n同志们：\n\n## 一、要点\n\n*（一）引领*。正文\n\n1\\. 第三层\n\n#### 某单位 {.signature}\n";
        let blocks = parse(md);
        assert_eq!(blocks[0], Block::Title("标题".into()));
        assert_eq!(blocks[1], Block::Byline("（2010年5月20日）".into()));
        assert!(blocks[2].is_salutation());
        assert_eq!(blocks[3], Block::Heading(1, "一、要点".into()));
        let Block::Paragraph(runs) = &blocks[4] else {
            panic!()
        };
        assert_eq!(runs[0].style, RunStyle::Kai);
        assert_eq!(runs[1].text, "。正文");
        assert_eq!(blocks[5].text(), "1. 第三层");
        assert_eq!(blocks[6], Block::Signature("某单位".into()));
    }

    #[test]
    fn list_items_are_kept() {
        let blocks = parse("正文：\n\n- 甲\n- 乙\n\n1. 丙\n");
        let texts: Vec<String> = blocks.iter().map(Block::text).collect();
        assert_eq!(texts, ["正文：", "甲", "乙", "丙"]);
    }

    #[test]
    fn raw_html_stays_text() {
        let blocks = parse("<script>alert(1)</script>\n");
        assert_eq!(blocks[0].text().trim_end(), "<script>alert(1)</script>");
    }
}
