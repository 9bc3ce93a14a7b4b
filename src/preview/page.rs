//! The preview page: links between the documents, the draft on its 公文
//! page, and a side panel (screen only) with the length, the speaking
//! time, the phase timeline and the findings of `check`. Everything taken
//! from a profile or a draft is escaped; the draft body is the sanitised
//! HTML of [`crate::output::html::body`].

use std::fmt::Write as _;

use crate::output::blocks::{self, Block};
use crate::output::html::{self, CSS, escape};
use crate::render::Doc;
use crate::zh;

use super::build::{Build, DocView, Draft, Problem};

/// The live script, served at `/live.js` (a file, not inline, so the
/// page's Content-Security-Policy can forbid every inline script). The
/// server pushes the version on `/events` (Server-Sent Events) as soon as a
/// rebuild is published; when it differs from the page's own, the script
/// fetches the page again and swaps in its body and title. Swapping rather
/// than reloading keeps the reader's scroll position and saves the
/// browser a navigation (a large part of save-to-screen time); scripts in
/// the fetched body are inert (DOMParser), so the stream stays the one
/// open here. If the fetch fails the page reloads. The browser reconnects
/// by itself after the preview restarts; meanwhile the bar says the page
/// no longer follows saves.
pub const LIVE_JS: &str = r#"// bigan preview: show each rebuild of the drafts as soon as it is published.
(function () {
  var seen = document.currentScript.dataset.version;
  var root = document.documentElement;
  var fetching = false, next = null;
  function show(version) {
    if (fetching) { next = version; return; }
    fetching = true;
    fetch(location.href, { cache: "no-store" })
      .then(function (r) { return r.text(); })
      .then(function (text) {
        var page = new DOMParser().parseFromString(text, "text/html");
        var mark = page.querySelector("script[data-version]");
        seen = mark ? mark.dataset.version : version;
        document.title = page.title;
        document.body.replaceWith(document.adoptNode(page.body));
        fetching = false;
        if (next !== null && next !== seen) { var v = next; next = null; show(v); }
      })
      .catch(function () { location.reload(); });
  }
  var events = new EventSource("/events");
  events.onopen = function () { root.dataset.live = "on"; };
  events.onmessage = function (e) {
    root.dataset.live = "on";
    if (e.data !== seen) { show(e.data); }
  };
  // Said only once a reconnection has had time to succeed: a preview that
  // restarts does not flash the notice.
  events.onerror = function () {
    setTimeout(function () {
      if (events.readyState !== EventSource.OPEN) { root.dataset.live = "off"; }
    }, 1500);
  };
})();
"#;

/// The preview's own styles, after the 公文 stylesheet.
const PREVIEW_CSS: &str = r#"
@media screen {
  body.preview { display: flex; flex-wrap: wrap; justify-content: center; align-items: flex-start; column-gap: 24px; padding: 0 24px; }
  nav.preview-bar { flex-basis: calc(100% + 48px); margin: 0 -24px; box-sizing: border-box; position: sticky; top: 0; z-index: 1; display: flex; flex-wrap: wrap; align-items: center; gap: 4px 8px; padding: 6px 16px; background: #2f3437; color: #fff; font: 11pt/1.6 var(--hei); }
  nav.preview-bar .brand { font-weight: bold; margin-right: 12px; }
  nav.preview-bar a { color: #fff; text-decoration: none; padding: 1px 10px; border-radius: 3px; }
  nav.preview-bar a:hover { background: #4a5155; }
  nav.preview-bar a[aria-current] { background: #fff; color: #000; }
  nav.preview-bar a.off { opacity: .55; }
  nav.preview-bar .file { margin-left: auto; opacity: .75; font-family: monospace; font-size: 10pt; }
  html[data-live="off"] nav.preview-bar::after { content: "预览服务已停止，页面不再自动刷新"; flex-basis: 100%; color: #ffd6a0; }
  body.preview main.draft { margin: 24px 0; }
  aside.preview-panel { box-sizing: border-box; flex: 1 1 300px; min-width: 0; max-width: 480px; margin: 24px 0; position: sticky; top: 56px; max-height: calc(100vh - 80px); overflow: auto; padding: 8px 16px 16px; background: #fff; box-shadow: 0 1px 6px rgba(0,0,0,.25); font: 11pt/1.6 var(--hei); }
  aside.preview-panel h2 { margin: 12px 0 4px; font-size: 11pt; font-weight: bold; color: #555; }
  aside.preview-panel p { margin: 0; }
  aside.preview-panel .figure { font-size: 14pt; }
  aside.preview-panel svg { display: block; max-width: 100%; height: auto; }
  aside.preview-panel .ok { color: #2e7d32; }
  aside.preview-panel .status { margin-top: 16px; color: #777; font-size: 9.5pt; }
  pre.report { margin: 0; white-space: pre-wrap; overflow-wrap: anywhere; font: 10pt/1.5 "Noto Sans Mono CJK SC", "Sarasa Mono SC", monospace; }
  aside.preview-panel pre.report { font-size: 9pt; color: #8a5a00; }
  main.draft .problem h1 { font-family: var(--hei); font-size: 16pt; text-align: left; color: #b00020; margin: 0 0 12pt; }
  main.draft .problem p { text-indent: 0; margin: 0 0 12pt; font-family: var(--hei); }
  main.draft .problem pre.report { padding: 10pt; background: #fbf3f3; border-left: 4px solid #b00020; }
}
@media print {
  nav.preview-bar, aside.preview-panel { display: none; }
}
"#;

/// What surrounds one build: its version, when it was made, and which
/// profile it comes from.
pub struct Frame<'a> {
    pub version: &'a str,
    /// Local time of the build, `HH:MM:SS`.
    pub updated: &'a str,
    /// The profile as the user named it.
    pub profile: &'a str,
}

/// The page of `doc` in `build`.
pub fn page(build: &Build, doc: Doc, frame: &Frame) -> String {
    let view = build.view(doc);
    let content = view.map(|v| &v.content);
    let title = match content {
        Some(Ok(draft)) => draft_title(&draft.markdown).unwrap_or_else(|| doc.title().to_owned()),
        _ => format!("有错误：{}", doc.title()),
    };
    let mut out = String::with_capacity(64 * 1024);
    out.push_str("<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n");
    out.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    let _ = writeln!(out, "<title>{} · bigan 预览</title>", escape(&title));
    out.push_str("<style>\n");
    out.push_str(CSS);
    out.push_str(PREVIEW_CSS);
    out.push_str("</style>\n</head>\n<body class=\"preview\">\n");
    nav(&mut out, build, doc, frame);
    match content {
        Some(Ok(draft)) => {
            out.push_str("<main class=\"draft\">\n");
            out.push_str(&html::body(&draft.markdown));
            out.push_str("</main>\n");
        }
        Some(Err(problem)) => problem_view(&mut out, problem),
        None => problem_view(
            &mut out,
            &Problem {
                heading: format!("没有{}", doc.title()),
                detail: String::new(),
            },
        ),
    }
    panel(&mut out, build, view, frame);
    let _ = writeln!(
        out,
        "<script src=\"/live.js\" data-version=\"{}\"></script>",
        escape(frame.version)
    );
    out.push_str("</body>\n</html>\n");
    out
}

/// The page for a path that is not one of the preview's.
pub fn not_found() -> String {
    let mut out = String::from(
        "<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n\
         <title>没有这个页面 · bigan 预览</title>\n</head>\n<body>\n",
    );
    out.push_str("<p>没有这个页面。预览只有这几页：");
    for doc in Doc::ALL {
        let _ = write!(out, "<a href=\"/{}\">{}</a> ", doc.name(), doc.title());
    }
    out.push_str("</p>\n</body>\n</html>\n");
    out
}

fn nav(out: &mut String, build: &Build, current: Doc, frame: &Frame) {
    out.push_str("<nav class=\"preview-bar\">\n<span class=\"brand\">bigan 预览</span>\n");
    for view in &build.docs {
        let mut attrs = String::new();
        if view.doc == current {
            attrs.push_str(" aria-current=\"page\"");
        }
        if !view.supported {
            attrs.push_str(" class=\"off\" title=\"配置里还缺少这份文稿需要的内容\"");
        }
        let _ = writeln!(
            out,
            "<a href=\"/{}\"{attrs}>{}</a>",
            view.doc.name(),
            view.doc.title()
        );
    }
    let _ = writeln!(out, "<span class=\"file\">{}</span>", escape(frame.profile));
    out.push_str("</nav>\n");
}

fn problem_view(out: &mut String, problem: &Problem) {
    out.push_str("<main class=\"draft\">\n<div class=\"problem\" role=\"alert\">\n");
    let _ = writeln!(out, "<h1>{}</h1>", escape(&problem.heading));
    out.push_str("<p>按下面指出的位置修改并保存，预览会自动更新。</p>\n");
    if !problem.detail.is_empty() {
        let _ = writeln!(
            out,
            "<pre class=\"report\">{}</pre>",
            escape(&problem.detail)
        );
    }
    out.push_str("</div>\n</main>\n");
}

fn panel(out: &mut String, build: &Build, view: Option<&DocView>, frame: &Frame) {
    out.push_str("<aside class=\"preview-panel\">\n");
    if let Some(DocView {
        doc,
        content: Ok(draft),
        ..
    }) = view
    {
        length(out, *doc, draft);
        if !draft.timeline.is_empty() {
            out.push_str("<section class=\"timeline\">\n<h2>阶段安排</h2>\n");
            // Trusted: bigan's own SVG, built from escaped text.
            out.push_str(&draft.timeline);
            out.push_str("\n</section>\n");
        }
    }
    out.push_str("<section class=\"findings\">\n<h2>检查结果</h2>\n");
    match view.map(|v| &v.content) {
        Some(Err(_)) => out.push_str("<p>见左侧的错误说明。</p>\n"),
        _ if build.warnings.is_empty() => out.push_str("<p class=\"ok\">没有发现问题。</p>\n"),
        _ => {
            let _ = writeln!(
                out,
                "<p>{}条提醒：</p>\n<pre class=\"report\">{}{}</pre>",
                build.warnings.len() + build.hidden_warnings,
                escape(&build.warnings.concat()),
                match build.hidden_warnings {
                    0 => String::new(),
                    n => format!("……另有 {n} 处提醒未列出"),
                }
            );
        }
    }
    out.push_str("</section>\n");
    let _ = writeln!(
        out,
        "<p class=\"status\">{} 更新。保存配置或模板后自动刷新。</p>",
        escape(frame.updated)
    );
    out.push_str("</aside>\n");
}

/// Length in 字, and for a speech the speaking time.
fn length(out: &mut String, doc: Doc, draft: &Draft) {
    let chars = zh::char_count(&draft.markdown);
    out.push_str("<section class=\"length\">\n<h2>篇幅</h2>\n");
    let _ = writeln!(out, "<p class=\"figure\">约{chars}字</p>");
    if doc.is_spoken() {
        let pace = zh::SPEAKING_PACE;
        let minutes = zh::speaking_minutes(chars, pace);
        let _ = writeln!(out, "<p>按每分钟{pace}字，约讲{minutes}分钟</p>");
    }
    out.push_str("</section>\n");
}

fn draft_title(markdown: &str) -> Option<String> {
    blocks::parse(markdown).into_iter().find_map(|b| match b {
        Block::Title(t) => Some(t),
        _ => None,
    })
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use std::path::PathBuf;

    use super::*;

    const FRAME: Frame = Frame {
        version: "v1",
        updated: "10:00:00",
        profile: "p<x>.yaml",
    };

    fn build_of(speech: Result<Draft, Problem>, warnings: Vec<String>) -> Build {
        Build {
            files: vec![PathBuf::from("p.yaml")],
            warnings,
            hidden_warnings: 0,
            docs: vec![
                DocView {
                    doc: Doc::Speech,
                    supported: true,
                    content: speech,
                },
                DocView {
                    doc: Doc::Progress,
                    supported: false,
                    content: Err(Problem {
                        heading: "没有 progress".to_owned(),
                        detail: String::new(),
                    }),
                },
            ],
        }
    }

    fn draft(markdown: &str) -> Result<Draft, Problem> {
        Ok(Draft {
            markdown: markdown.to_owned(),
            timeline: "<svg></svg>".to_owned(),
        })
    }

    #[test]
    fn shows_the_draft_its_length_and_the_timeline() {
        let b = build_of(
            draft("# 在大会上的讲话\n\n同志们：\n\n一二三四五。\n"),
            Vec::new(),
        );
        let html = page(&b, Doc::Speech, &FRAME);
        assert!(html.contains("<h1>在大会上的讲话</h1>"), "{html}");
        assert!(
            html.contains("<title>在大会上的讲话 · bigan 预览</title>"),
            "{html}"
        );
        assert!(html.contains("约17字"), "{html}");
        assert!(html.contains("约讲1分钟"), "{html}");
        assert!(html.contains("<svg></svg>"), "{html}");
        assert!(html.contains("没有发现问题"), "{html}");
        assert!(
            html.contains("<a href=\"/speech\" aria-current=\"page\">"),
            "{html}"
        );
        assert!(
            html.contains("<a href=\"/progress\" class=\"off\""),
            "{html}"
        );
        assert!(html.contains("data-version=\"v1\""), "{html}");
    }

    #[test]
    fn escapes_what_comes_from_the_user() {
        let b = build_of(
            Err(Problem {
                heading: "坏了<b>".to_owned(),
                detail: "p.yaml:3:1: 错误: <script>alert(1)</script>".to_owned(),
            }),
            vec!["<img src=x onerror=alert(1)>".to_owned()],
        );
        let html = page(&b, Doc::Speech, &FRAME);
        assert!(!html.contains("<script>alert"), "{html}");
        assert!(!html.contains("<img"), "{html}");
        assert!(!html.contains("<b>"), "{html}");
        assert!(html.contains("p.yaml:3:1: 错误: &lt;script&gt;"), "{html}");
        assert!(html.contains("p&lt;x&gt;.yaml"), "{html}");
        let ok = page(
            &build_of(draft("# 题\n"), vec!["<img src=x>".to_owned()]),
            Doc::Speech,
            &FRAME,
        );
        assert!(ok.contains("&lt;img src=x&gt;"), "{ok}");
        assert!(!ok.contains("<img"), "{ok}");
    }

    #[test]
    fn the_panel_and_bar_are_left_out_of_print() {
        let print = PREVIEW_CSS.split("@media print").nth(1).unwrap();
        assert!(print.contains("nav.preview-bar, aside.preview-panel { display: none; }"));
    }

    #[test]
    fn a_plan_has_no_speaking_time() {
        let mut b = build_of(draft("# 方案\n"), Vec::new());
        b.docs[0].doc = Doc::Plan;
        let html = page(&b, Doc::Plan, &FRAME);
        assert!(!html.contains("约讲"), "{html}");
    }
}
