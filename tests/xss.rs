//! HTML drafts run nothing that came from a profile or a draft: no
//! `<script>`, no `on*` attribute, no `javascript:`/`data:` URL, whatever
//! the payload and whichever field it was put in.
//!
//! Pages are read back with a small tokenizer (tags, attributes, entities)
//! that is stricter than a browser needs: any attribute value that
//! mentions `javascript:` fails, wherever it stands.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::fs;
use std::path::Path;
use std::process::Command;

use bigan::output::html;

/// The usual payloads, and the Markdown ways of smuggling a link.
const PAYLOADS: &[&str] = &[
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "[点我](javascript:alert(1))",
    "\"><svg onload=alert(1)>",
    "<a href=\"jav&#x09;ascript:alert(1)\">x</a>",
    "[x](JaVaScRiPt:alert(1))",
    "[x](&#106;avascript:alert(1))",
    "[x](java%0ascript:alert(1))",
    "[x]( javascript:alert(1) )",
    "![图](javascript:alert(1))",
    "[图](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
    "[x](vbscript:msgbox(1))",
    "[x](javascript&colon;alert(1))",
    "[x](<javascript:alert(1)>)",
    "[x](\\javascript:alert(1))",
    "<javascript:alert(1)>",
    "<iframe src=javascript:alert(1)></iframe>",
    "<style>body{background:url(javascript:alert(1))}</style>",
    "<!-- x --><script>alert(1)</script>",
    "<math><mi xlink:href=\"javascript:alert(1)\">x</mi></math>",
    "<form action=javascript:alert(1)><button>x</button></form>",
    "<meta http-equiv=refresh content=\"0;url=javascript:alert(1)\">",
    "</title><script>alert(1)</script>",
    "</style><script>alert(1)</script>",
    "<details open ontoggle=alert(1)>",
    "标题 {#x .byline onclick=alert(1)}",
    "&lt;script&gt;alert(1)&lt;/script&gt;",
];

/// Markdown contexts a template puts profile text in.
fn contexts(payload: &str) -> Vec<String> {
    vec![
        format!("# {payload}"),
        format!("## 一、{payload}"),
        format!("### （一）{payload}"),
        format!("#### {payload} {{.byline}}"),
        format!("*（一）{payload}*。正文"),
        format!("**第一，{payload}**。正文"),
        format!("1\\. {payload}"),
        format!("{payload}："),
        format!("正文{payload}正文"),
        format!("[链接][r]{payload}\n\n[r]: javascript:alert(1)"),
        payload.to_owned(),
    ]
}

#[test]
fn no_markdown_context_lets_a_payload_run() {
    for payload in PAYLOADS {
        for markdown in contexts(payload) {
            let page = html::page(&markdown, &Default::default());
            if let Err(why) = inert(&page) {
                panic!("{why}\n--- markdown\n{markdown}\n--- html\n{page}");
            }
        }
    }
}

#[test]
fn payloads_in_every_profile_field_stay_text_in_every_document() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("p.yaml"), poisoned_profile()).unwrap();
    fields_template(&dir.path().join("t"));
    for doc in ["speech", "plan", "progress"] {
        for templates in [None, Some("t")] {
            let mut args = vec!["render", "p.yaml", "--format", "html", "--doc", doc];
            if let Some(t) = templates {
                args.extend(["--templates", t]);
            }
            let o = Command::new(env!("CARGO_BIN_EXE_bigan"))
                .args(&args)
                .current_dir(dir.path())
                .output()
                .unwrap();
            let stderr = String::from_utf8_lossy(&o.stderr);
            assert_eq!(o.status.code(), Some(0), "{args:?}: {stderr}");
            let page = String::from_utf8(o.stdout).unwrap();
            if let Err(why) = inert(&page) {
                panic!("{args:?}: {why}\n{page}");
            }
            if templates.is_some() {
                // Not vacuous: the payloads are on the page, as text.
                let text = visible_text(&page);
                for needle in [
                    "<script>alert(1)</script>",
                    "onerror=alert(1)",
                    "javascript:",
                ] {
                    assert!(text.contains(needle), "{args:?}: {needle} missing\n{page}");
                }
            }
        }
    }
}

/// A profile with a payload in every text field: `§` takes the next
/// payload, `@` all of them at once.
fn poisoned_profile() -> String {
    let shape = r#"org:
  name: @
  short: §
  kind: hospital
  party_org: §
  superior: §
  units: §
  staff: §
  addressees: [§, §]
campaign:
  name: §
  full_name: @
  goals: [§, §]
  theme: [§, §]
  standards:
    - label: 两个好
      of: §
      items: [§, §]
  milestones: [§]
  phases:
    - name: @
      from: 2010-05-20
      to: 2010-06-30
      tasks: [§, §]
    - name: §
      from: 2010-07-01
      to: 2011-07-31
      tasks: [§]
meeting:
  kind: mobilization
  date: 2010-05-20
  speaker: { name: §, title: § }
  before_me: §
points:
  - title: @
    items:
      - lead: §
        text: §
plan:
  issuer: §
  basis: { issuer: §, title: §, number: § }
  leading_group:
    leader: { name: §, title: § }
    members: [§]
    office: §
progress:
  date: 2010-11-10
  before_me: §
  achievements: [§, §]
  problems: [§]
"#;
    let all = yaml_string(&PAYLOADS.join(" "));
    let mut out = String::new();
    let mut n = 0;
    for c in shape.chars() {
        match c {
            '§' => {
                n += 1;
                let payload = PAYLOADS[n % PAYLOADS.len()];
                out.push_str(&yaml_string(&format!("字段{n}{payload}")));
            }
            '@' => out.push_str(&all),
            c => out.push(c),
        }
    }
    out
}

/// A YAML double-quoted string (JSON's escapes are YAML's).
fn yaml_string(s: &str) -> String {
    let mut out = String::from("\"");
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// A user template, used for all three documents, that puts every field
/// of the context (docs/templates.md) where the genre puts text.
fn fields_template(dir: &Path) {
    let body = r#"# 在{{ campaign.full_name }}动员大会上的讲话
#### （{{ meeting.speaker.title }} {{ meeting.speaker.name }}） {.byline}
{% for a in org.addressees %}{{ a }}、{% endfor %}{{ org.name }}：
{{ meeting.before_me }}{{ org.short }}{{ org.party_org }}{{ org.superior }}{{ org.units }}{{ org.staff }}
## 一、{{ campaign.name }}
{% for g in campaign.goals %}**第{{ loop.index | cn_num }}，{{ g }}**。{% endfor %}
{% for t in campaign.theme %}*（{{ loop.index | cn_num }}）{{ t }}*。{% endfor %}
{% for s in campaign.standards %}{{ s.label }}{{ s.of }}{% for i in s.items %}1\. {{ i }}{% endfor %}{% endfor %}
{% for m in campaign.milestones %}{{ m }}{% endfor %}
{% for ph in campaign.phases %}
### {{ loop.index | marker(level=2) }}{{ ph.name }}
{% for t in ph.tasks %}{{ t }}；{% endfor %}
{% endfor %}
{% for p in points %}
## {{ p.title }}
{% if p.items %}{% for i in p.items %}**{{ i.lead }}**。{{ i.text }}{% endfor %}{% endif %}
{% endfor %}
#### {{ org.name }} {.signature}
"#;
    for doc in ["speech", "plan", "progress"] {
        fs::create_dir_all(dir.join(doc)).unwrap();
        fs::write(dir.join(doc).join("base.md"), body).unwrap();
    }
}

/// `Ok` when nothing on `page` can run; otherwise what can.
fn inert(page: &str) -> Result<(), String> {
    let mut in_body = false;
    for token in tokens(page) {
        let Token::Tag { name, attrs } = token else {
            continue;
        };
        match name.as_str() {
            "body" => in_body = true,
            "script" | "iframe" | "object" | "embed" | "form" | "base" | "frame" | "applet" => {
                return Err(format!("a <{name}> element"));
            }
            // bigan's stylesheet sits in <head>; one in the body came
            // from a draft.
            "style" if in_body => return Err("a <style> element in the body".to_owned()),
            "meta" if attrs.iter().any(|(k, _)| k == "http-equiv") => {
                return Err("a <meta http-equiv>".to_owned());
            }
            _ => {}
        }
        for (key, value) in &attrs {
            if key.starts_with("on") {
                return Err(format!("an event handler {key}={value:?} on <{name}>"));
            }
            let squeezed: String = value
                .chars()
                .filter(|c| !c.is_whitespace() && !c.is_control())
                .collect::<String>()
                .to_ascii_lowercase();
            if squeezed.contains("javascript:") || squeezed.contains("vbscript:") {
                return Err(format!("a script URL in {key}={value:?} on <{name}>"));
            }
            let url = matches!(
                key.as_str(),
                "href" | "src" | "action" | "formaction" | "xlink:href" | "data" | "poster"
            );
            if url && squeezed.starts_with("data:") {
                return Err(format!("a data: URL in {key}={value:?} on <{name}>"));
            }
            if key == "style" && squeezed.contains("expression(") {
                return Err(format!("a CSS expression on <{name}>"));
            }
        }
    }
    Ok(())
}

enum Token {
    Tag {
        name: String,
        attrs: Vec<(String, String)>,
    },
    Text(String),
}

/// Start tags with their attributes (entities decoded), and text; end
/// tags, comments and doctypes are skipped; `<style>` content is skipped
/// as raw text, as a browser does.
fn tokens(html: &str) -> Vec<Token> {
    let mut out = Vec::new();
    let mut rest = html;
    while !rest.is_empty() {
        let Some(lt) = rest.find('<') else {
            out.push(Token::Text(decode(rest)));
            break;
        };
        out.push(Token::Text(decode(&rest[..lt])));
        rest = &rest[lt..];
        if let Some(after) = rest.strip_prefix("<!--") {
            rest = after.find("-->").map_or("", |i| &after[i + 3..]);
            continue;
        }
        if rest.starts_with("<!") || rest.starts_with("</") || rest.starts_with("<?") {
            rest = rest.find('>').map_or("", |i| &rest[i + 1..]);
            continue;
        }
        let starts_tag = rest[1..]
            .chars()
            .next()
            .is_some_and(|c| c.is_ascii_alphabetic());
        if !starts_tag {
            out.push(Token::Text("<".to_owned()));
            rest = &rest[1..];
            continue;
        }
        let (tag, after) = read_tag(&rest[1..]);
        rest = after;
        if let Token::Tag { name, .. } = &tag
            && (name == "style" || name == "script" || name == "textarea" || name == "title")
        {
            let close = format!("</{name}");
            let end = rest.to_ascii_lowercase().find(&close).unwrap_or(rest.len());
            if name == "title" || name == "textarea" {
                out.push(Token::Text(decode(&rest[..end])));
            }
            rest = &rest[end..];
        }
        out.push(tag);
    }
    out
}

/// Reads `name attr=value …>` after a `<`.
fn read_tag(s: &str) -> (Token, &str) {
    let name_end = s
        .find(|c: char| c.is_whitespace() || c == '>' || c == '/')
        .unwrap_or(s.len());
    let name = s[..name_end].to_ascii_lowercase();
    let mut rest = &s[name_end..];
    let mut attrs = Vec::new();
    loop {
        rest = rest.trim_start_matches(|c: char| c.is_whitespace() || c == '/');
        if rest.is_empty() {
            break;
        }
        if let Some(after) = rest.strip_prefix('>') {
            rest = after;
            break;
        }
        let key_end = rest
            .find(|c: char| c.is_whitespace() || c == '=' || c == '>' || c == '/')
            .unwrap_or(rest.len())
            .max(1);
        let key = rest[..key_end].to_ascii_lowercase();
        rest = rest[key_end..].trim_start();
        let mut value = String::new();
        if let Some(after) = rest.strip_prefix('=') {
            let after = after.trim_start();
            let (raw, next) = match after.chars().next() {
                Some(q @ ('"' | '\'')) => {
                    let inner = &after[1..];
                    let end = inner.find(q).unwrap_or(inner.len());
                    (&inner[..end], inner.get(end + 1..).unwrap_or(""))
                }
                _ => {
                    let end = after
                        .find(|c: char| c.is_whitespace() || c == '>')
                        .unwrap_or(after.len());
                    (&after[..end], &after[end..])
                }
            };
            value = decode(raw);
            rest = next;
        }
        attrs.push((key, value));
    }
    (Token::Tag { name, attrs }, rest)
}

/// Decodes the entities pulldown-cmark and bigan write, and numeric ones.
fn decode(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        rest = &rest[amp..];
        let Some(semi) = rest.find(';').filter(|&i| i < 12) else {
            out.push('&');
            rest = &rest[1..];
            continue;
        };
        let entity = &rest[1..semi];
        let c = match entity {
            "lt" => Some('<'),
            "gt" => Some('>'),
            "amp" => Some('&'),
            "quot" => Some('"'),
            "apos" => Some('\''),
            e if e.starts_with("#x") || e.starts_with("#X") => u32::from_str_radix(&e[2..], 16)
                .ok()
                .and_then(char::from_u32),
            e if e.starts_with('#') => e[1..].parse().ok().and_then(char::from_u32),
            _ => None,
        };
        match c {
            Some(c) => {
                out.push(c);
                rest = &rest[semi + 1..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// The page's text as a reader sees it.
fn visible_text(page: &str) -> String {
    tokens(page)
        .into_iter()
        .filter_map(|t| match t {
            Token::Text(t) => Some(t),
            Token::Tag { .. } => None,
        })
        .collect()
}

#[test]
fn the_checker_catches_what_it_must() {
    // The tokenizer is the test's own: show it can fail.
    for bad in [
        "<p>x</p><script>alert(1)</script>",
        "<img src=x onerror=alert(1)>",
        "<a href=\"jav&#x09;ascript:alert(1)\">x</a>",
        "<a href='data:text/html,x'>x</a>",
        "<svg><a xlink:href=\"javascript:alert(1)\">x</a></svg>",
        "<body><style>x</style>",
        "<meta http-equiv=refresh content=0>",
        "<div style=\"width: expression(alert(1))\">",
    ] {
        assert!(inert(bad).is_err(), "{bad}");
    }
    assert!(
        inert("<style>a{}</style><body><p title=\"javascript\">javascript:alert(1)</p>").is_ok()
    );
}
