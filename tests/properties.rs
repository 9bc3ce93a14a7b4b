//! Any profile, however wrong, either renders or gives located errors in
//! Chinese, and never panics. Profiles are generated around the schema:
//! mostly the right keys with values of the right shape, sometimes a
//! misspelt key, a value of the wrong kind, text full of YAML and
//! template syntax, impossible dates.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::fmt::Write as _;
use std::path::Path;

use bigan::output::Format;
use bigan::profile;
use bigan::render::{Doc, Renderer};
use proptest::prelude::*;

/// What the schema expects at a key.
#[derive(Debug)]
enum Shape {
    Text,
    Date,
    Texts,
    Label,
    Kind,
    MeetingKind,
    Map(&'static [(&'static str, Shape)]),
    List(&'static Shape),
}

use Shape::*;

const PERSON: Shape = Map(&[("name", Text), ("title", Text)]);
const ITEM: Shape = Map(&[("lead", Text), ("text", Text)]);
const POINT: Shape = Map(&[("title", Text), ("items", List(&ITEM))]);
const PHASE: Shape = Map(&[
    ("name", Text),
    ("from", Date),
    ("to", Date),
    ("tasks", Texts),
]);
const STANDARD: Shape = Map(&[("label", Label), ("of", Text), ("items", Texts)]);
const ROOT: Shape = Map(&[
    (
        "org",
        Map(&[
            ("name", Text),
            ("short", Text),
            ("kind", Kind),
            ("party_org", Text),
            ("superior", Text),
            ("units", Text),
            ("staff", Text),
            ("addressees", Texts),
        ]),
    ),
    (
        "campaign",
        Map(&[
            ("name", Text),
            ("full_name", Text),
            ("goals", Texts),
            ("theme", Texts),
            ("standards", List(&STANDARD)),
            ("milestones", Texts),
            ("phases", List(&PHASE)),
        ]),
    ),
    (
        "meeting",
        Map(&[
            ("kind", MeetingKind),
            ("date", Date),
            ("speaker", PERSON),
            ("before_me", Text),
        ]),
    ),
    ("points", List(&POINT)),
    (
        "plan",
        Map(&[
            ("issuer", Text),
            ("date", Date),
            (
                "basis",
                Map(&[("issuer", Text), ("title", Text), ("number", Text)]),
            ),
            (
                "leading_group",
                Map(&[
                    ("leader", PERSON),
                    ("deputies", List(&PERSON)),
                    ("members", Texts),
                    ("office", Text),
                    ("office_head", PERSON),
                ]),
            ),
        ]),
    ),
    (
        "progress",
        Map(&[
            ("date", Date),
            ("speaker", PERSON),
            ("before_me", Text),
            ("achievements", Texts),
            ("problems", Texts),
            ("points", List(&POINT)),
        ]),
    ),
    (
        "fonts",
        Map(&[("title", Text), ("body", Text), ("heading", Text)]),
    ),
]);

/// A YAML value as the generator builds it.
#[derive(Debug, Clone)]
enum Node {
    /// Written double-quoted.
    Quoted(String),
    /// Written as it is: may break the YAML on purpose.
    Plain(String),
    List(Vec<Node>),
    Map(Vec<(String, Node)>),
    Null,
}

fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        6 => "[\u{4e00}-\u{9fa5}]{1,12}",
        1 => Just(String::new()),
        1 => Just("   ".to_owned()),
        1 => "[\u{4e00}-\u{9fa5}a-z0-9 :#\\[\\]{}*&!|>'\"%@`,.\\-？！：；、（）《》\n\t]{0,24}",
        1 => prop_oneof![
            Just("{{ org.name }}{% if x %}".to_owned()),
            Just("<script>alert(1)</script>".to_owned()),
            Just("[x](javascript:alert(1))".to_owned()),
            Just("xx某某20xx***".to_owned()),
            Just("yes".to_owned()),
            Just("~".to_owned()),
            Just("123".to_owned()),
            Just("第三十三点".to_owned()),
        ],
    ]
}

fn date() -> impl Strategy<Value = String> {
    prop_oneof![
        6 => (2009i32..2013, 1u32..=12, 1u32..=28).prop_map(|(y, m, d)| format!("{y}-{m:02}-{d:02}")),
        1 => (0i32..10000, 0u32..40, 0u32..40).prop_map(|(y, m, d)| format!("{y}-{m}-{d}")),
        1 => (2009i32..2013, 1u32..=12, 1u32..=31).prop_map(|(y, m, d)| format!("{y}.{m}.{d}")),
        1 => text(),
    ]
}

fn leaf(s: &'static Shape) -> BoxedStrategy<Node> {
    match s {
        Text => text().prop_map(Node::Quoted).boxed(),
        Date => date().prop_map(Node::Plain).boxed(),
        Texts => prop::collection::vec(text().prop_map(Node::Quoted), 0..6)
            .prop_map(Node::List)
            .boxed(),
        Label => (0usize..12, "[好强优]")
            .prop_map(|(n, w)| Node::Quoted(format!("{}个{w}", numeral(n))))
            .boxed(),
        Kind => prop_oneof![
            Just("hospital"),
            Just("county"),
            Just("traffic"),
            Just("generic"),
            Just("school"),
        ]
        .prop_map(|k| Node::Plain(k.to_owned()))
        .boxed(),
        MeetingKind => prop_oneof![Just("mobilization"), Just("progress"), Just("party")]
            .prop_map(|k| Node::Plain(k.to_owned()))
            .boxed(),
        Map(fields) => {
            let entries: Vec<BoxedStrategy<Option<(String, Node)>>> = fields
                .iter()
                .map(|(key, shape)| {
                    let key = prop_oneof![
                        12 => Just((*key).to_owned()),
                        1 => "[a-z_]{1,10}|[\u{4e00}-\u{9fa5}]{1,4}",
                    ];
                    prop::option::weighted(0.75, (key, node(shape))).boxed()
                })
                .collect();
            entries
                .prop_map(|e| Node::Map(e.into_iter().flatten().collect()))
                .boxed()
        }
        List(item) => prop::collection::vec(node(item), 0..5)
            .prop_map(Node::List)
            .boxed(),
    }
}

/// The right shape mostly, a wrong one sometimes.
fn node(s: &'static Shape) -> BoxedStrategy<Node> {
    prop_oneof![
        14 => leaf(s),
        1 => Just(Node::Null),
        1 => text().prop_map(Node::Plain),
        1 => prop::collection::vec(text().prop_map(Node::Quoted), 0..3).prop_map(Node::List),
        1 => Just(Node::Map(vec![("name".to_owned(), Node::Quoted("甲".to_owned()))])),
    ]
    .boxed()
}

fn numeral(n: usize) -> &'static str {
    [
        "零", "一", "两", "三", "四", "五", "六", "七", "八", "九", "十", "十一",
    ][n]
}

/// Block-style YAML for `node` at `indent`, after `key:` or `- `.
fn emit(out: &mut String, node: &Node, indent: usize) {
    let pad = " ".repeat(indent);
    match node {
        Node::Quoted(s) => {
            out.push(' ');
            out.push('"');
            for c in s.chars() {
                match c {
                    '"' => out.push_str("\\\""),
                    '\\' => out.push_str("\\\\"),
                    '\n' => out.push_str("\\n"),
                    '\t' => out.push_str("\\t"),
                    c => out.push(c),
                }
            }
            out.push_str("\"\n");
        }
        Node::Plain(s) => {
            let _ = writeln!(out, " {s}");
        }
        Node::Null => out.push('\n'),
        Node::List(items) if items.is_empty() => out.push_str(" []\n"),
        Node::Map(entries) if entries.is_empty() => out.push_str(" {}\n"),
        Node::List(items) => {
            out.push('\n');
            for item in items {
                let _ = write!(out, "{pad}-");
                emit(out, item, indent + 2);
            }
        }
        Node::Map(entries) => {
            out.push('\n');
            for (key, value) in entries {
                let _ = write!(out, "{pad}{key}:");
                emit(out, value, indent + 2);
            }
        }
    }
}

fn yaml(root: &Node) -> String {
    let mut out = String::new();
    match root {
        Node::Map(entries) => {
            for (key, value) in entries {
                let _ = write!(out, "{key}:");
                emit(&mut out, value, 2);
            }
        }
        other => emit(&mut out, other, 0),
    }
    out
}

thread_local! {
    static RENDERER: Renderer = Renderer::new(None).unwrap();
}

/// Loads `text` as a profile and renders every document it supports, or
/// checks that what went wrong is said properly.
fn check(text: &str) -> Result<(), TestCaseError> {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("p.yaml");
    std::fs::write(&path, text).unwrap();
    let loaded = match profile::load(&path) {
        Ok(loaded) => loaded,
        Err(e) => {
            let shown = bigan::error::report(&e);
            prop_assert!(shown.chars().any(is_han), "{shown}");
            return Ok(());
        }
    };
    // YAML breaks lines at \r\n, \n and a bare \r alike.
    let lines = text.replace("\r\n", "\n").split(['\n', '\r']).count() as u32;
    for d in &loaded.diagnostics {
        let shown = d.to_string();
        prop_assert!(d.message.chars().any(is_han), "{shown}\n{text}");
        prop_assert!(d.line <= lines + 1, "{shown}\n{text}");
        prop_assert!(
            !shown.contains("Raw") && !shown.contains("serde"),
            "{shown}"
        );
    }
    match loaded.profile {
        Some(profile) => RENDERER.with(|r| {
            for doc in Doc::ALL.into_iter().filter(|d| d.supported_by(&profile)) {
                // DOCX joins this list once it is built.
                for format in [Format::Md, Format::Html, Format::Txt] {
                    let rendered = bigan::draft::bytes(r, &profile, doc, format);
                    prop_assert!(rendered.is_ok(), "{doc:?} {format:?}: {rendered:?}\n{text}");
                }
            }
            Ok(())
        }),
        None => {
            prop_assert!(
                bigan::diagnostic::has_errors(&loaded.diagnostics),
                "no profile and no error\n{text}"
            );
            Ok(())
        }
    }
}

fn is_han(c: char) -> bool {
    ('\u{4e00}'..='\u{9fff}').contains(&c)
}

fn profile_node() -> impl Strategy<Value = Node> {
    leaf(&ROOT)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 128, ..ProptestConfig::default() })]

    #[test]
    fn any_profile_renders_or_is_refused_with_located_chinese_errors(root in profile_node()) {
        check(&yaml(&root))?;
    }

    #[test]
    fn any_text_is_refused_without_a_panic(text in "(.|\n){0,300}") {
        check(&text)?;
    }

    #[test]
    fn any_bytes_are_refused_without_a_panic(bytes in prop::collection::vec(any::<u8>(), 0..300)) {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("p.yaml");
        std::fs::write(&path, &bytes).unwrap();
        let _ = profile::load(Path::new(&path));
    }
}

/// Text a user may well write, quoted so YAML takes it as it is.
fn fine_text() -> impl Strategy<Value = Node> {
    prop_oneof![
        6 => "[\u{4e00}-\u{9fa5}]{1,16}",
        1 => "[\u{4e00}-\u{9fa5}][\u{4e00}-\u{9fa5}a-z0-9 :#\\[\\]{}*&!|>'\"%@`,.\\-？！：；、（）《》]{0,24}",
        1 => prop_oneof![
            Just("{{ org.name }}{% if x %}".to_owned()),
            Just("<script>alert(1)</script>".to_owned()),
            Just("[x](javascript:alert(1))".to_owned()),
            Just("**粗** *斜* # 井号 1. 列表".to_owned()),
            Just("第三十三点".to_owned()),
        ],
    ]
    .prop_map(Node::Quoted)
}

fn fine_texts(max: usize) -> impl Strategy<Value = Node> {
    prop::collection::vec(fine_text(), 0..max).prop_map(Node::List)
}

fn map(entries: Vec<(&str, Node)>) -> Node {
    Node::Map(
        entries
            .into_iter()
            .map(|(k, v)| (k.to_owned(), v))
            .collect(),
    )
}

fn person() -> impl Strategy<Value = Node> {
    (fine_text(), fine_text()).prop_map(|(n, t)| map(vec![("name", n), ("title", t)]))
}

fn points() -> impl Strategy<Value = Node> {
    let item = (fine_text(), prop::option::of(fine_text())).prop_map(|(lead, text)| {
        let mut e = vec![("lead", lead)];
        e.extend(text.map(|t| ("text", t)));
        map(e)
    });
    let point = (
        prop::option::of(fine_text()),
        fine_text(),
        prop::option::of(prop::collection::vec(item, 0..4)),
    );
    // A point after the template's three must bring its own title.
    prop::collection::vec(point, 0..6).prop_map(|points| {
        Node::List(
            points
                .into_iter()
                .enumerate()
                .map(|(i, (title, fallback, items))| {
                    let title = if i >= 3 {
                        Some(title.unwrap_or(fallback))
                    } else {
                        title
                    };
                    let mut e = Vec::new();
                    e.extend(title.map(|t| ("title", t)));
                    e.extend(items.map(|i| ("items", Node::List(i))));
                    map(e)
                })
                .collect(),
        )
    })
}

/// Consecutive phases from 2010-05-20, each one to six months long; the
/// last may stay open.
fn phases() -> impl Strategy<Value = (Node, Option<chrono::NaiveDate>)> {
    use chrono::{Months, NaiveDate};
    (
        prop::collection::vec((fine_text(), 1u32..7, fine_texts(5)), 0..5),
        any::<bool>(),
    )
        .prop_map(|(specs, open_end)| {
            let mut from = NaiveDate::from_ymd_opt(2010, 5, 20).unwrap();
            let mut list = Vec::new();
            let mut first_end = None;
            let count = specs.len();
            for (i, (name, months, tasks)) in specs.into_iter().enumerate() {
                let to = from + Months::new(months);
                let mut e = vec![("name", name), ("from", Node::Plain(from.to_string()))];
                if !(open_end && i + 1 == count) {
                    e.push(("to", Node::Plain(to.to_string())));
                }
                e.push(("tasks", tasks));
                list.push(map(e));
                first_end.get_or_insert(to);
                from = to.succ_opt().unwrap();
            }
            (Node::List(list), first_end)
        })
}

prop_compose! {
    /// A profile with every fact right and every text arbitrary.
    fn valid_profile()(
        org in (fine_text(), prop::option::of(fine_text()), 0usize..5, fine_texts(4)),
        campaign in (fine_text(), prop::option::of(fine_text()), fine_texts(6), fine_texts(6), fine_texts(3)),
        standard in prop::option::of((fine_text(), prop::collection::vec(fine_text(), 1..8))),
        phases in phases(),
        meeting in (prop::option::of(person()), prop::option::of(fine_text())),
        points in prop::option::of(points()),
        plan in prop::option::of((fine_text(), person(), prop::collection::vec(person(), 0..3), fine_texts(4))),
        progress in prop::option::of((fine_texts(4), fine_texts(4), prop::option::of(points()))),
    ) -> Node {
        let kinds = ["hospital", "county", "traffic", "generic", "hospital"];
        let (name, short, kind, addressees) = org;
        let mut o = vec![("name", name), ("kind", Node::Plain(kinds[kind].to_owned())), ("addressees", addressees)];
        o.extend(short.map(|s| ("short", s)));
        let (cname, full, goals, theme, milestones) = campaign;
        let mut c = vec![("name", cname), ("goals", goals), ("theme", theme), ("milestones", milestones)];
        c.extend(full.map(|f| ("full_name", f)));
        if let Some((of, items)) = standard {
            let label = Node::Quoted(format!("{}个好", numeral(items.len())));
            c.push(("standards", Node::List(vec![map(vec![("label", label), ("of", of), ("items", Node::List(items))])])));
        }
        let (phases, first_end) = phases;
        c.push(("phases", phases));
        let (speaker, before_me) = meeting;
        let mut m = vec![("kind", Node::Plain("mobilization".to_owned())), ("date", Node::Plain("2010-05-20".to_owned()))];
        m.extend(speaker.map(|s| ("speaker", s)));
        m.extend(before_me.map(|b| ("before_me", b)));
        let mut root = vec![("org", map(o)), ("campaign", map(c)), ("meeting", map(m))];
        root.extend(points.map(|p| ("points", p)));
        if let Some((issuer, leader, deputies, members)) = plan {
            let group = map(vec![("leader", leader), ("deputies", Node::List(deputies)), ("members", members)]);
            root.push(("plan", map(vec![("issuer", issuer), ("date", Node::Plain("2010-05-18".to_owned())), ("leading_group", group)])));
        }
        if let Some((achievements, problems, points)) = progress {
            // Inside the first phase, after the meeting.
            let date = first_end.map_or("2010-06-10".to_owned(), |end| end.pred_opt().unwrap().to_string());
            let mut p = vec![("date", Node::Plain(date)), ("achievements", achievements), ("problems", problems)];
            p.extend(points.map(|x| ("points", x)));
            root.push(("progress", map(p)));
        }
        map(root)
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn every_valid_profile_loads_clean_and_renders(root in valid_profile()) {
        let text = yaml(&root);
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("p.yaml");
        std::fs::write(&path, &text).unwrap();
        let loaded = profile::load(&path).unwrap();
        let errors: Vec<String> = loaded
            .diagnostics
            .iter()
            .filter(|d| d.severity == bigan::diagnostic::Severity::Error)
            .map(ToString::to_string)
            .collect();
        prop_assert!(errors.is_empty(), "{}\n{text}", errors.join(""));
        prop_assert!(loaded.profile.is_some());
        check(&text)?;
    }
}
