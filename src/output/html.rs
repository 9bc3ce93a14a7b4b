//! A complete HTML page from a Markdown draft, with print CSS after
//! GB/T 9704. Nothing from a profile or a draft can run in it: raw HTML is
//! shown as text, unsafe links are dropped, heading attributes other than
//! the draft's own classes are removed.

use pulldown_cmark::{CowStr, Event, HeadingLevel, Tag, TagEnd, html::push_html};

use super::Extras;
use super::blocks;
use super::docx::TITLE_CHARS;
use super::title;
use crate::profile::Fonts;

/// The stylesheet, embedded so a page is one self-contained file.
pub const CSS: &str = include_str!("../../assets/gongwen.css");

/// The classes a draft may put on a heading.
const ALLOWED_CLASSES: [&str; 3] = ["byline", "signature", "number"];

/// The draft as a full page: `<main class="draft">` for print, then
/// whatever screen-only HTML `extras` carries (the timeline).
pub fn page(markdown: &str, extras: &Extras) -> String {
    let title = blocks::parse(markdown)
        .into_iter()
        .find_map(|b| match b {
            blocks::Block::Title(t) => Some(t),
            _ => None,
        })
        .unwrap_or_else(|| "bigan 草稿".to_owned());
    let mut out = String::with_capacity(markdown.len() * 2 + CSS.len());
    out.push_str("<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n");
    out.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    out.push_str("<title>");
    out.push_str(&escape(&title));
    out.push_str("</title>\n<style>\n");
    out.push_str(CSS);
    out.push_str(&font_css(&extras.fonts));
    out.push_str("</style>\n</head>\n<body>\n<main class=\"draft\">\n");
    out.push_str(&body(markdown));
    out.push_str("</main>\n");
    if let Some(screen) = &extras.screen_html {
        out.push_str("<aside class=\"screen\">\n");
        out.push_str(screen);
        out.push_str("</aside>\n");
    }
    out.push_str("</body>\n</html>\n");
    out
}

/// The profile's `fonts` for the stylesheet: each one the profile changed
/// is put first in its stack (see assets/gongwen.css), written as a CSS
/// string so no font name can end the rule or the `<style>` element.
/// Empty when the profile keeps the defaults.
pub fn font_css(fonts: &Fonts) -> String {
    let defaults = Fonts::default();
    let chosen = [
        ("--title-font", &fonts.title, &defaults.title),
        ("--body-font", &fonts.body, &defaults.body),
        ("--heading-font", &fonts.heading, &defaults.heading),
        ("--subheading-font", &fonts.subheading, &defaults.subheading),
    ];
    let set: Vec<String> = chosen
        .iter()
        .filter(|(_, font, default)| font != default && !font.trim().is_empty())
        .map(|(var, font, _)| format!("{var}: {};", css_string(font.trim())))
        .collect();
    if set.is_empty() {
        return String::new();
    }
    format!(":root {{ {} }}\n", set.join(" "))
}

/// `text` as a double-quoted CSS string: quotes, backslashes, markup
/// characters and anything invisible written as CSS hex escapes.
fn css_string(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        if c.is_alphanumeric() || matches!(c, ' ' | '_' | '-' | '.' | '（' | '）') {
            out.push(c);
        } else {
            // The space ends the escape, so a hex digit after it is text.
            out.push_str(&format!("\\{:x} ", u32::from(c)));
        }
    }
    out.push('"');
    out
}

/// The draft's HTML body, sanitised.
pub fn body(markdown: &str) -> String {
    let parser = pulldown_cmark::Parser::new_ext(markdown, blocks::options());
    let mut events: Vec<Event> = Vec::new();
    // Paragraph starts are patched afterwards to mark salutations.
    let mut paragraph_start: Option<usize> = None;
    let mut paragraph_text = String::new();
    let mut dropped_links = 0usize;
    // Where the title's events start, to break its text into lines once
    // they have been made safe like every other event.
    let mut title: Option<usize> = None;
    for event in parser {
        if let (Some(start), Event::End(TagEnd::Heading(HeadingLevel::H1))) = (title, &event) {
            let held = events.split_off(start);
            events.extend(title_lines(held));
            title = None;
        }
        match event {
            Event::Html(t) | Event::InlineHtml(t) => events.push(Event::Text(t)),
            Event::Start(Tag::Heading {
                level,
                id: _,
                classes,
                attrs: _,
            }) => {
                let classes = classes
                    .into_iter()
                    .filter(|c| ALLOWED_CLASSES.contains(&c.as_ref()))
                    .collect();
                events.push(Event::Start(Tag::Heading {
                    level,
                    id: None,
                    classes,
                    attrs: Vec::new(),
                }));
                if level == HeadingLevel::H1 {
                    title = Some(events.len());
                }
            }
            Event::Start(Tag::Link { dest_url, .. }) if !safe_url(&dest_url) => {
                dropped_links += 1;
            }
            Event::End(TagEnd::Link) if dropped_links > 0 => dropped_links -= 1,
            Event::Start(Tag::Image { dest_url, .. }) if !safe_url(&dest_url) => {
                dropped_links += 1;
            }
            Event::End(TagEnd::Image) if dropped_links > 0 => dropped_links -= 1,
            Event::Start(Tag::Paragraph) => {
                paragraph_start = Some(events.len());
                paragraph_text.clear();
                events.push(Event::Start(Tag::Paragraph));
            }
            Event::Text(ref t) => {
                paragraph_text.push_str(t);
                events.push(event);
            }
            Event::End(TagEnd::Paragraph) => {
                let text = paragraph_text.trim();
                if let Some(start) = paragraph_start.take()
                    && text.ends_with('：')
                    && text.chars().count() <= 30
                {
                    events[start] = Event::Html(CowStr::Borrowed("<p class=\"salutation\">"));
                }
                events.push(Event::End(TagEnd::Paragraph));
            }
            other => events.push(other),
        }
    }
    let mut html = String::with_capacity(markdown.len() * 2);
    push_html(&mut html, events.into_iter());
    html
}

/// A title's text events, with `<br>` where [`title::lines`] breaks it
/// (the page's 28em of 16 pt hold 20 characters of the title's 22 pt).
/// A title with markup in it is left to the browser.
fn title_lines(held: Vec<Event<'_>>) -> Vec<Event<'_>> {
    let mut text = String::new();
    for event in &held {
        match event {
            Event::Text(t) => text.push_str(t),
            _ => return held,
        }
    }
    let mut out = Vec::new();
    for (i, line) in title::lines(&text, TITLE_CHARS).into_iter().enumerate() {
        if i > 0 {
            out.push(Event::Html(CowStr::Borrowed("<br>")));
        }
        out.push(Event::Text(CowStr::from(line)));
    }
    out
}

/// Links a draft may keep: the web and mail, and relative ones.
fn safe_url(url: &str) -> bool {
    let lower: String = url
        .chars()
        .filter(|c| !c.is_whitespace() && !c.is_control())
        .collect::<String>()
        .to_ascii_lowercase();
    match lower.split_once(':') {
        Some((scheme, _)) if !scheme.contains('/') => {
            matches!(scheme, "http" | "https" | "mailto")
        }
        _ => true,
    }
}

/// Escapes text for an HTML text node or attribute.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn raw_html_is_shown_as_text() {
        let html = body("同志们<script>alert(1)</script>\n\n<img src=x onerror=alert(1)>\n");
        assert!(!html.contains("<script"), "{html}");
        assert!(!html.contains("<img"), "{html}");
        assert!(html.contains("&lt;script&gt;"), "{html}");
    }

    #[test]
    fn unsafe_links_lose_their_target() {
        let html = body("[点我](javascript:alert(1)) [图](data:text/html,x) [站](https://a.cn)\n");
        assert!(!html.to_lowercase().contains("javascript:"), "{html}");
        assert!(!html.contains("data:"), "{html}");
        assert!(html.contains("href=\"https://a.cn\""), "{html}");
        assert!(html.contains("点我"), "{html}");
    }

    #[test]
    fn heading_attributes_are_limited_to_the_genre_classes() {
        let html = body("## 一、要点 {.byline onclick=alert(1) #x}\n");
        assert!(!html.contains("onclick"), "{html}");
        assert!(html.contains("class=\"byline\""), "{html}");
    }

    #[test]
    fn the_profiles_fonts_lead_their_stacks() {
        assert_eq!(font_css(&Fonts::default()), "");
        let fonts = Fonts {
            body: "方正仿宋_GBK".to_owned(),
            title: "华文中宋".to_owned(),
            ..Fonts::default()
        };
        let css = font_css(&fonts);
        assert_eq!(
            css,
            ":root { --title-font: \"华文中宋\"; --body-font: \"方正仿宋_GBK\"; }\n"
        );
        let page = page(
            "# 标题\n\n正文\n",
            &Extras {
                fonts,
                screen_html: None,
            },
        );
        assert!(page.contains(&css), "{page}");
        assert!(CSS.contains("var(--body-font, \"仿宋_GB2312\")"));
    }

    #[test]
    fn a_font_name_cannot_break_out_of_the_stylesheet() {
        let fonts = Fonts {
            body: "x\"; } body { background: url(//evil) } </style><script>alert(1)</script>\\"
                .to_owned(),
            ..Fonts::default()
        };
        let css = font_css(&fonts);
        assert!(!css.contains('<') && !css.contains('>'), "{css}");
        assert!(!css.contains("\";") || css.ends_with("\"; }\n"), "{css}");
        assert_eq!(css.matches('"').count(), 2, "{css}");
        assert_eq!(css.matches('{').count(), 1, "{css}");
        assert_eq!(css.matches('}').count(), 1, "{css}");
    }

    #[test]
    fn a_long_title_breaks_between_words() {
        let html = body("# 关于深入开展全国文明城市创建活动的实施方案\n\n正文。\n");
        assert!(
            html.starts_with("<h1>关于深入开展全国文明城市<br>创建活动的实施方案</h1>"),
            "{html}"
        );
        let short = body("# 关于开展示范创建活动的实施方案\n");
        assert!(!short.contains("<br>"), "{short}");
        // Raw HTML in a title is still only text.
        let html = body("# 关于<b>深入开展</b>全国文明城市创建活动的实施方案\n");
        assert!(!html.contains("<b>"), "{html}");
    }

    #[test]
    fn the_page_holds_as_many_title_characters_as_the_docx() {
        // main.draft is 28em of 16 pt; the title is 22 pt.
        assert!(CSS.contains("width: 28em") && CSS.contains("font-size: 22pt"));
        assert_eq!((28 * 16) / 22, TITLE_CHARS);
    }

    #[test]
    fn salutations_stand_flush_left() {
        let html = body("同志们：\n\n正文。\n");
        assert!(
            html.starts_with("<p class=\"salutation\">同志们："),
            "{html}"
        );
    }
}
