//! `bigan lint` end to end: a clean draft passes every rule, each planted
//! fault gives exactly one finding at the right place, the raw reference
//! texts show their debris, and every draft bigan renders from the example
//! profiles is clean.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use serde_json::Value;

const BIN: &str = env!("CARGO_BIN_EXE_bigan");

fn fixture(path: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(path)
}

fn lint(args: &[&str]) -> Output {
    Command::new(BIN).arg("lint").args(args).output().unwrap()
}

/// The JSON findings of linting `path`.
fn findings(path: &Path, extra: &[&str]) -> (i32, Vec<Value>) {
    let mut args = vec!["--format", "json", path.to_str().unwrap()];
    args.extend_from_slice(extra);
    let out = lint(&args);
    let json: Value = serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("{e}: {}", String::from_utf8_lossy(&out.stdout)));
    (
        out.status.code().unwrap(),
        json["findings"].as_array().unwrap().clone(),
    )
}

fn rules_of(found: &[Value]) -> Vec<String> {
    found
        .iter()
        .map(|f| f["rule"].as_str().unwrap().to_owned())
        .collect()
}

#[test]
fn a_clean_draft_passes_every_rule() {
    for name in [
        "lint/clean.md",
        "lint/clean.txt",
        "lint/speech-2016.md",
        "lint/report.md",
    ] {
        let (code, found) = findings(&fixture(name), &[]);
        assert!(found.is_empty(), "{name}: {found:#?}");
        assert_eq!(code, 0, "{name}");
    }
    let out = lint(&[fixture("lint/clean.md").to_str().unwrap()]);
    assert!(String::from_utf8_lossy(&out.stdout).contains("没有发现问题"));
}

/// One fault planted in the clean draft: what to change, the rule that
/// must catch it, and the text its finding must point at.
struct Fault {
    rule: &'static str,
    find: &'static str,
    replace: &'static str,
    at: &'static str,
}

const FAULTS: &[Fault] = &[
    Fault {
        rule: "count.points",
        find: "我讲三点意见",
        replace: "我讲四点意见",
        at: "四点意见",
    },
    Fault {
        rule: "count.phases",
        find: "分三个阶段",
        replace: "分四个阶段",
        at: "四个阶段",
    },
    Fault {
        rule: "count.items",
        find: "抓好三项工作",
        replace: "抓好四项工作",
        at: "四项工作",
    },
    Fault {
        rule: "count.list",
        find: "“三个结合”",
        replace: "“四个结合”",
        at: "四个结合",
    },
    Fault {
        rule: "numbering.gap",
        find: "## 三、加强领导",
        replace: "## 四、加强领导",
        at: "四、加强",
    },
    Fault {
        rule: "numbering.skip",
        find: "*（一）压实责任*",
        replace: "1\\. 先行一步。\n\n*（一）压实责任*",
        at: "1\\. 先行",
    },
    Fault {
        rule: "numbering.mixed",
        find: "*（二）强化督查*",
        replace: "**第二，强化督查**",
        at: "第二，强化",
    },
    Fault {
        rule: "numbering.form",
        find: "2\\. 每月",
        replace: "2、每月",
        at: "2、每月",
    },
    Fault {
        rule: "placeholder",
        find: "李镇长",
        replace: "xx镇长",
        at: "xx镇长",
    },
    Fault {
        rule: "placeholder.count",
        find: "我讲三点意见",
        replace: "我讲几点意见",
        at: "几点意见",
    },
    Fault {
        rule: "markup.emphasis",
        find: "*（三）落实管护措施*。主要",
        replace: "*（三）落实管护措施。*主要",
        at: "*（三）落实",
    },
    Fault {
        rule: "punct.halfwidth",
        find: "同志们：",
        replace: "同志们:",
        at: ":",
    },
    Fault {
        rule: "punct.quotes",
        find: "“三个结合”",
        replace: "\"三个结合”",
        at: "\"三个",
    },
    Fault {
        rule: "punct.space",
        find: "我镇绿化面积",
        replace: "我镇绿化 面积",
        at: " 面积",
    },
    Fault {
        rule: "text.traditional",
        find: "我镇绿化面积",
        replace: "我镇綠化面积",
        at: "綠化",
    },
    Fault {
        rule: "debris.url",
        find: "我完全同意。",
        replace: "我完全同意，详见www.example.com。",
        at: "www.",
    },
    Fault {
        rule: "debris.site",
        find: "同志们：\n",
        replace: "同志们：\n\n当前位置：首页 > 讲话\n",
        at: "当前位置",
    },
    Fault {
        rule: "debris.pinyin",
        find: "植树与治水结合",
        replace: "植树与治(zhì)水结合",
        at: "(zhì)",
    },
    Fault {
        rule: "dup.paragraph",
        find: "作出新的贡献！\n",
        replace: "作出新的贡献！\n\n同志们，植树护绿功在当代、利在千秋。让我们行动起来，为建设美丽家园作出新的贡献！\n",
        at: "同志们，植树护绿功在当代、利在千秋。让我们行动起来，为建设美丽家园作出新的贡献！\n\\z",
    },
    Fault {
        rule: "date.invalid",
        find: "（2011年3月1日）",
        replace: "（2011年2月30日）",
        at: "2011年2月30日",
    },
];

/// 1-based line and column (in characters) of the last occurrence of
/// `needle` in `text` (the last, so a planted copy is found, not the
/// original). A trailing `\z` anchors it at the end.
fn position(text: &str, needle: &str) -> (u64, u64) {
    let (needle, at_end) = match needle.strip_suffix("\\z") {
        Some(n) => (n, true),
        None => (needle, false),
    };
    let byte = if at_end {
        assert!(text.ends_with(needle));
        text.len() - needle.len()
    } else {
        text.rfind(needle)
            .unwrap_or_else(|| panic!("{needle} not in text"))
    };
    let before = &text[..byte];
    let line = before.matches('\n').count() as u64 + 1;
    let start = before.rfind('\n').map_or(0, |i| i + 1);
    (line, before[start..].chars().count() as u64 + 1)
}

/// Faults planted in a hand-written 2016 progress speech of a university
/// (tests/fixtures/lint/speech-2016.md), for the wording, date and citing rules.
const SPEECH_FAULTS: &[Fault] = &[
    Fault {
        rule: "punct.nested",
        find: "“‘学’是为了考，‘做’是别人的事”",
        replace: "““学”是为了考，‘做’是别人的事”",
        at: "“学”是",
    },
    Fault {
        rule: "date.span",
        find: "在今年10月份至少",
        replace: "从今年10月到10月至少",
        at: "10月到10月",
    },
    Fault {
        rule: "phrase.tautology",
        find: "全校开展“两学一做”学习教育已经",
        replace: "全校开展以“两学一做”学习教育为主要内容的“两学一做”学习教育已经",
        at: "以“两学一做”学习教育为",
    },
    Fault {
        rule: "phrase.repeated",
        find: "全校上下形成了比学赶超的氛围。\n\n### （二）问题必须认真对待\n\n有的支部把学习当成任务，",
        replace: "全校上下形成了比学赶超的氛围，学习和工作没有搞成“两张皮”。\n\n### （二）问题必须认真对待\n\n有的支部把学习和工作搞成“两张皮”，把学习当成任务，",
        at: "两张皮”，把学习",
    },
    Fault {
        rule: "phrase.he",
        find: "各院系党组织和广大党员",
        replace: "各院系党组织和全校各级党组织和广大党员",
        at: "和广大党员",
    },
    Fault {
        rule: "list.single",
        find: "\n\n2.研讨结束后，支部书记要把查摆出的问题列成清单，一项一项推动整改。",
        replace: "",
        at: "1.每个支部",
    },
    Fault {
        rule: "date.greeted",
        find: "迎接党的十九大胜利召开",
        replace: "迎接建党95周年",
        at: "建党95周年",
    },
    Fault {
        rule: "dup.sentence",
        find: "及时报道典型经验。",
        replace: "及时报道典型经验。研讨结束后，支部书记要把查摆出的问题列成清单，一项一项推动整改。",
        at: "研讨结束后，支部书记要把查摆出的问题列成清单，一项一项推动整改。\n",
    },
    Fault {
        rule: "date.form",
        find: "（2016年9月22日）",
        replace: "（二〇一六年九月二十二日）",
        at: "二〇一六年",
    },
    Fault {
        rule: "date.year",
        find: "到2016年底",
        replace: "到16年底",
        at: "16年底",
    },
    Fault {
        rule: "cite.number",
        find: "校党发〔2016〕5号",
        replace: "校党发[2016]5号",
        at: "[2016]",
    },
    Fault {
        rule: "cite.order",
        find: "校党委《关于开展“两学一做”学习教育的实施方案》（校党发〔2016〕5号）",
        replace: "校党委校党发〔2016〕5号《关于开展“两学一做”学习教育的实施方案》",
        at: "〔2016〕5号《",
    },
    Fault {
        rule: "cite.superseded",
        find: "按照公文处理的有关规定办理",
        replace: "按照《国家行政机关公文处理办法》办理",
        at: "《国家行政机关公文处理办法》",
    },
];

/// Faults planted in a hand-written 报告 with attachments
/// (tests/fixtures/lint/report.md), for the rules of other genres.
const REPORT_FAULTS: &[Fault] = &[
    Fault {
        rule: "genre.report",
        find: "特此报告。",
        replace: "妥否，请批示。",
        at: "妥否",
    },
    Fault {
        rule: "attach.list",
        find: "2.重大隐患整改台账",
        replace: "2.重大隐患整改台账。",
        at: "。\n\n#### 示范区",
    },
];

/// Plants each fault in the fixture `name` and checks it gives exactly one
/// finding, of its rule, at its place; returns the rules covered.
fn plant(name: &str, faults: &[Fault]) -> Vec<&'static str> {
    let clean = std::fs::read_to_string(fixture(name)).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let mut covered = Vec::new();
    for fault in faults {
        assert!(
            clean.contains(fault.find),
            "{}: {} not in {name}",
            fault.rule,
            fault.find
        );
        let text = clean.replacen(fault.find, fault.replace, 1);
        let path = dir.path().join(format!("{}.md", fault.rule));
        std::fs::write(&path, &text).unwrap();
        let (code, found) = findings(&path, &[]);
        assert_eq!(rules_of(&found), [fault.rule], "{}: {found:#?}", fault.rule);
        assert_eq!(code, 1, "{}", fault.rule);
        let (line, column) = position(&text, fault.at);
        assert_eq!(
            (
                found[0]["line"].as_u64().unwrap(),
                found[0]["column"].as_u64().unwrap()
            ),
            (line, column),
            "{}: {}",
            fault.rule,
            found[0]["message"]
        );
        covered.push(fault.rule);
    }
    covered
}

#[test]
fn each_planted_fault_gives_one_finding_at_its_place() {
    let mut covered = plant("lint/clean.md", FAULTS);
    covered.extend(plant("lint/speech-2016.md", SPEECH_FAULTS));
    covered.extend(plant("lint/report.md", REPORT_FAULTS));
    // Every rule has its planted fault.
    let out = lint(&["--list-rules"]);
    let listed = String::from_utf8(out.stdout).unwrap();
    for line in listed.lines() {
        let id = line.split_whitespace().next().unwrap();
        // The page of a Word document: `layout_faults_are_each_found`.
        if id.starts_with("layout.") {
            continue;
        }
        assert!(covered.contains(&id), "no planted fault for {id}");
    }
}

#[test]
fn messages_are_chinese_with_a_hint_and_basis() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("d.md");
    let clean = std::fs::read_to_string(fixture("lint/clean.md")).unwrap();
    std::fs::write(&path, clean.replace("## 三、加强领导", "## 四、加强领导")).unwrap();
    let out = lint(&[path.to_str().unwrap()]);
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.contains(":27:4: 错误: [numbering.gap] 序号不连续"),
        "{text}"
    );
    assert!(text.contains("中间缺了“三、”"), "{text}");
    assert!(text.contains("修改建议：改成“三、”"), "{text}");
    assert!(text.contains("依据：国标 GB/T 9704-2012 7.3.3"), "{text}");
    let (_, found) = findings(&path, &[]);
    let f = &found[0];
    assert_eq!(f["severity"], "error");
    assert_eq!(f["basis"], "国标");
    assert_eq!(f["standard"], "GB/T 9704-2012 7.3.3");
    assert!(f["hint"].is_string());
}

#[test]
fn json_output_has_the_documented_shape() {
    let out = lint(&[
        "--format",
        "json",
        fixture("import/traffic-bureau-safety-speech.txt")
            .to_str()
            .unwrap(),
    ]);
    let json: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["version"], 1);
    let summary = &json["summary"];
    assert_eq!(summary["files"], 1);
    let total = summary["errors"].as_u64().unwrap() + summary["warnings"].as_u64().unwrap();
    assert_eq!(total as usize, json["findings"].as_array().unwrap().len());
    let keys: Vec<&str> = json["findings"][0]
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    let mut keys = keys;
    keys.sort_unstable();
    assert_eq!(
        keys,
        [
            "basis", "column", "hint", "line", "message", "path", "rule", "severity", "standard"
        ]
    );
}

#[test]
fn raw_scraped_texts_show_their_debris() {
    let (code, found) = findings(
        &fixture("import/hospital-mobilization-speech.scraped.txt"),
        &[],
    );
    assert_eq!(code, 1);
    let rules = rules_of(&found);
    for rule in [
        "debris.site",
        "debris.url",
        "debris.pinyin",
        "punct.halfwidth",
        "text.traditional",
    ] {
        assert!(rules.iter().any(|r| r == rule), "no {rule} in {rules:?}");
    }
    // The breadcrumb line, the web address, the first pinyin.
    let at = |rule: &str| {
        found
            .iter()
            .find(|f| f["rule"] == rule)
            .map(|f| (f["line"].as_u64().unwrap(), f["column"].as_u64().unwrap()))
            .unwrap()
    };
    assert_eq!(at("debris.site").0, 2);
    assert_eq!(at("debris.url"), (7, 13));
    assert_eq!(at("debris.pinyin"), (1, 7));

    let (_, found) = findings(&fixture("import/traffic-bureau-safety-speech.txt"), &[]);
    let rules = rules_of(&found);
    assert!(rules.contains(&"placeholder.count".to_owned()), "{rules:?}");
    assert!(rules.contains(&"punct.halfwidth".to_owned()));
    let unfilled = found
        .iter()
        .find(|f| f["rule"] == "placeholder.count")
        .unwrap();
    assert!(
        unfilled["hint"].as_str().unwrap().contains("讲三点意见"),
        "{unfilled}"
    );

    let (_, found) = findings(&fixture("import/county-progress-meeting-speech.txt"), &[]);
    let rules = rules_of(&found);
    assert!(
        rules.contains(&"placeholder".to_owned()),
        "XX县 not found: {rules:?}"
    );
    assert!(rules.contains(&"punct.quotes".to_owned()), "‚‛ not found");
}

#[test]
fn rules_can_be_picked_and_skipped() {
    let path = fixture("import/hospital-mobilization-speech.scraped.txt");
    let (_, found) = findings(&path, &["--rule", "debris"]);
    let rules = rules_of(&found);
    assert!(!rules.is_empty());
    assert!(rules.iter().all(|r| r.starts_with("debris.")), "{rules:?}");
    let (_, found) = findings(&path, &["--skip", "debris.pinyin", "--skip", "punct"]);
    let rules = rules_of(&found);
    assert!(
        rules
            .iter()
            .all(|r| r != "debris.pinyin" && !r.starts_with("punct."))
    );
    assert!(rules.iter().any(|r| r == "debris.site"));
}

#[test]
fn usage_and_io_errors_exit_2() {
    let out = lint(&[
        "--rule",
        "numbering.gaps",
        fixture("lint/clean.md").to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("没有叫“numbering.gaps”的规则"), "{err}");
    assert!(
        err.contains("numbering.gap") && err.contains("date.invalid"),
        "{err}"
    );

    let out = lint(&["/nonexistent/draft.md"]);
    assert_eq!(out.status.code(), Some(2));

    let dir = tempfile::tempdir().unwrap();
    let gbk = dir.path().join("gbk.txt");
    std::fs::write(&gbk, [0xc4u8, 0xe3, 0xba, 0xc3]).unwrap();
    let out = lint(&[gbk.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8(out.stderr).unwrap().contains("UTF-8"));
}

/// What is not text is refused with why, exit 2, and never called clean;
/// the BOMs Windows tools write are read.
#[test]
fn binary_and_foreign_encodings_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let utf32: Vec<u8> = "同志们：\n我讲三点意见。\n"
        .chars()
        .flat_map(|c| (c as u32).to_le_bytes())
        .collect();
    let utf16: Vec<u8> = "同志们：\n我讲三点意见。\n"
        .encode_utf16()
        .flat_map(u16::to_le_bytes)
        .collect();
    for (name, bytes, why) in [
        ("nul.txt", vec![0u8; 100_000], "空字节"),
        ("utf32.txt", utf32, "UTF-32"),
        ("utf16.txt", utf16, "UTF-16"),
        ("scan.pdf", b"%PDF-1.7\n%\xE2\xE3".to_vec(), "PDF"),
        (
            "old.doc",
            b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1".to_vec(),
            "旧版",
        ),
        (
            "broken.docx",
            b"PK\x03\x04 not really".to_vec(),
            "Word 文档",
        ),
    ] {
        let path = dir.path().join(name);
        std::fs::write(&path, bytes).unwrap();
        let out = lint(&[path.to_str().unwrap()]);
        let err = String::from_utf8(out.stderr).unwrap();
        let stdout = String::from_utf8(out.stdout).unwrap();
        assert_eq!(out.status.code(), Some(2), "{name}: {err}");
        assert!(err.contains(why), "{name}: {err}");
        assert!(!stdout.contains("没有发现问题"), "{name}: {stdout}");
    }
    // UTF-8 with a BOM, UTF-16 with a BOM: read, and located as usual.
    let text = "刚才，xx镇长讲话。\n";
    let mut utf8 = b"\xEF\xBB\xBF".to_vec();
    utf8.extend(text.as_bytes());
    let mut utf16 = vec![0xFF, 0xFE];
    utf16.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
    for (name, bytes) in [("bom8.txt", utf8), ("bom16.txt", utf16)] {
        let path = dir.path().join(name);
        std::fs::write(&path, bytes).unwrap();
        let (code, found) = findings(&path, &[]);
        assert_eq!(rules_of(&found), ["placeholder"], "{name}");
        assert_eq!(
            (&found[0]["line"], &found[0]["column"]),
            (&1.into(), &4.into())
        );
        assert_eq!(code, 1);
    }
}

#[test]
fn long_runs_of_one_rule_are_summarised_in_text() {
    let out = lint(&[fixture("import/hospital-mobilization-speech.scraped.txt")
        .to_str()
        .unwrap()]);
    let text = String::from_utf8(out.stdout).unwrap();
    assert_eq!(text.matches("[debris.pinyin]").count(), 10 + 1, "{text}");
    assert!(text.contains("另有") && text.contains("--rule debris.pinyin"));
}

/// Every draft bigan renders from the example profiles is clean.
#[test]
fn drafts_of_the_example_profiles_are_clean() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let dir = tempfile::tempdir().unwrap();
    let mut drafts = Vec::new();
    let mut profiles: Vec<PathBuf> = std::fs::read_dir(root.join("profiles"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "yaml"))
        .collect();
    profiles.sort();
    assert!(!profiles.is_empty());
    for profile in &profiles {
        for doc in ["speech", "plan", "progress"] {
            let stem = profile.file_stem().unwrap().to_str().unwrap();
            let out_path = dir.path().join(format!("{stem}.{doc}.md"));
            let out = Command::new(BIN)
                .args(["render", "--doc", doc, "--format", "md", "-o"])
                .arg(&out_path)
                .arg(profile)
                .output()
                .unwrap();
            if out.status.success() {
                drafts.push(out_path);
            } else {
                // Only a profile without a progress section may refuse.
                let err = String::from_utf8_lossy(&out.stderr);
                assert!(
                    doc == "progress" && err.contains("progress"),
                    "{}: {err}",
                    profile.display()
                );
            }
        }
    }
    if let Ok(entries) = std::fs::read_dir(root.join("examples")) {
        drafts.extend(
            entries
                .map(|e| e.unwrap().path())
                .filter(|p| p.extension().is_some_and(|e| e == "md" || e == "txt")),
        );
    }
    assert!(!drafts.is_empty());
    for draft in &drafts {
        let (code, found) = findings(draft, &[]);
        assert!(found.is_empty(), "{}: {found:#?}", draft.display());
        assert_eq!(code, 0);
    }
}

/// A count before a measure word is 两, never 二: “两个阶段”, not “二个阶段”.
#[test]
fn counts_of_two_say_liang() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("d.md");
    std::fs::write(
        &path,
        "下面，我讲三点意见。\n\n## 一、提高认识\n\n要提高认识。\n\n## 二、加强领导\n\n要加强领导。\n\n活动分三个阶段进行：第一阶段，动员部署；第二阶段，整改落实。\n\n再讲几点意见。\n\n## 一、甲\n\n## 二、乙\n",
    )
    .unwrap();
    let (_, found) = findings(&path, &[]);
    let text: Vec<String> = found
        .iter()
        .map(|f| format!("{} {}", f["message"], f["hint"]))
        .collect();
    let all = text.join("\n");
    assert!(all.contains("后面有两点"), "{all}");
    assert!(all.contains("改成“讲两点意见”"), "{all}");
    assert!(all.contains("后面有两个阶段"), "{all}");
    assert!(all.contains("改成“分两个阶段”"), "{all}");
    assert!(all.contains("写成“讲两点意见”"), "{all}");
    assert!(!all.contains("二点") && !all.contains("二个"), "{all}");
}

// ---- Word documents and web pages ----

/// Lints `path` and expects nothing found.
fn assert_clean(path: &Path) {
    let (code, found) = findings(path, &[]);
    assert!(found.is_empty(), "{}: {found:#?}", path.display());
    assert_eq!(code, 0, "{}", path.display());
}

/// The DOCX of `markdown` as bigan writes it.
fn docx_of(markdown: &str) -> Vec<u8> {
    bigan::output::docx::document(markdown, &bigan::profile::Fonts::default()).unwrap()
}

/// A copy of the DOCX `bytes` with `edits` (part, find, replace) made in
/// its XML, each of which must apply.
fn edited(bytes: &[u8], edits: &[(&str, &str, &str)]) -> Vec<u8> {
    use std::io::{Read as _, Write as _};
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut out = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    for i in 0..zip.len() {
        let mut file = zip.by_index(i).unwrap();
        let name = file.name().unwrap().into_owned();
        let mut xml = String::new();
        file.read_to_string(&mut xml).unwrap();
        for (part, find, replace) in edits {
            if *part == name {
                assert!(xml.contains(find), "{find} not in {part}");
                xml = xml.replacen(find, replace, 1);
            }
        }
        out.start_file(name, zip::write::SimpleFileOptions::default())
            .unwrap();
        out.write_all(xml.as_bytes()).unwrap();
    }
    out.finish().unwrap().into_inner()
}

#[test]
fn every_example_docx_and_html_is_clean() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let dir = tempfile::tempdir().unwrap();
    let mut drafts = Vec::new();
    for profile in ["hospital", "county", "traffic"] {
        let out = Command::new(BIN)
            .args(["render", "--doc", "all", "--format", "docx", "-o"])
            .arg(dir.path())
            .arg(root.join(format!("profiles/{profile}.yaml")))
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    for entry in std::fs::read_dir(dir.path()).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "docx") {
            drafts.push(path);
        }
    }
    for entry in std::fs::read_dir(root.join("examples")).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "html") {
            drafts.push(path);
        }
    }
    assert!(drafts.len() >= 14, "{drafts:?}");
    for draft in &drafts {
        let (code, found) = findings(draft, &[]);
        assert!(found.is_empty(), "{}: {found:#?}", draft.display());
        assert_eq!(code, 0, "{}", draft.display());
    }
}

/// The text of `at` as a reader sees it (no Markdown escapes).
fn visible(at: &str) -> &str {
    at.trim_end_matches("\\z").trim_end_matches('\n')
}

#[test]
fn planted_faults_in_a_docx_are_found_at_their_paragraph() {
    let clean = std::fs::read_to_string(fixture("lint/clean.md")).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let clean_docx = dir.path().join("clean.docx");
    std::fs::write(&clean_docx, docx_of(&clean)).unwrap();
    assert_clean(&clean_docx);
    for fault in FAULTS.iter().filter(|f| f.rule != "markup.emphasis") {
        let text = clean.replacen(fault.find, fault.replace, 1);
        let path = dir.path().join(format!("{}.docx", fault.rule));
        std::fs::write(&path, docx_of(&text)).unwrap();
        let (code, found) = findings(&path, &[]);
        assert_eq!(rules_of(&found), [fault.rule], "{}: {found:#?}", fault.rule);
        assert_eq!(code, 1);
        // The paragraph is the block the draft's reader gives; the column
        // counts characters in it.
        let needle = visible(fault.at).replace('\\', "");
        let blocks = bigan::output::blocks::parse(&text);
        let (index, text) = blocks
            .iter()
            .map(bigan::output::blocks::Block::text)
            .enumerate()
            .rfind(|(_, t)| t.contains(&needle))
            .unwrap_or_else(|| panic!("{needle} not in the DOCX's paragraphs"));
        let column = text[..text.rfind(&needle).unwrap()].chars().count() + 1;
        assert_eq!(
            (found[0]["line"].as_u64(), found[0]["column"].as_u64()),
            (Some(index as u64 + 1), Some(column as u64)),
            "{}: {}",
            fault.rule,
            found[0]["message"]
        );
    }
}

#[test]
fn planted_faults_in_a_web_page_are_found_at_their_place() {
    let clean = std::fs::read_to_string(fixture("lint/clean.md")).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let extras = bigan::output::Extras::default();
    let mut checked = 0;
    for fault in FAULTS.iter().filter(|f| f.rule != "markup.emphasis") {
        let text = clean.replacen(fault.find, fault.replace, 1);
        let html = bigan::output::html::page(&text, &extras);
        let path = dir.path().join(format!("{}.html", fault.rule));
        std::fs::write(&path, &html).unwrap();
        let (code, found) = findings(&path, &[]);
        assert_eq!(rules_of(&found), [fault.rule], "{}: {found:#?}", fault.rule);
        assert_eq!(code, 1);
        // Where the page's source has the text as it is shown (no entity
        // in it), the finding points there.
        let needle = visible(fault.at).replace('\\', "");
        if html.contains(&needle) && !needle.contains('\n') {
            let (line, column) = position(&html, &needle);
            assert_eq!(
                (found[0]["line"].as_u64(), found[0]["column"].as_u64()),
                (Some(line), Some(column)),
                "{}",
                fault.rule
            );
            checked += 1;
        }
    }
    assert!(checked >= 10, "only {checked} faults located");
}

#[test]
fn a_page_is_read_for_its_text_not_its_code() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("page.htm");
    std::fs::write(
        &path,
        "<html><head><style>p{font:16pt \"FangSong\"}</style>\n\
         <script>var a = \"xx\"; if (a < 3) {}</script></head>\n\
         <body><p>同志们：</p>\n<svg><text>XX</text></svg>\n<p>刚才，xx镇长讲了话。</p></body></html>",
    )
    .unwrap();
    let (_, found) = findings(&path, &[]);
    assert_eq!(rules_of(&found), ["placeholder"], "{found:#?}");
    assert_eq!(
        (&found[0]["line"], &found[0]["column"]),
        (&5.into(), &7.into())
    );
}

/// One deviation from GB/T 9704 made in bigan's own DOCX, and the rule
/// that must find it.
struct Deviation {
    what: &'static str,
    rule: &'static str,
    edits: &'static [(&'static str, &'static str, &'static str)],
}

const STYLES: &str = "word/styles.xml";
const DOCUMENT: &str = "word/document.xml";
const BODY_FONT: &str = r#"<w:rPr><w:rFonts w:ascii="仿宋_GB2312" w:hAnsi="仿宋_GB2312" w:eastAsia="仿宋_GB2312" w:cs="仿宋_GB2312"/><w:spacing"#;

const DEVIATIONS: &[Deviation] = &[
    Deviation {
        what: "a Letter page",
        rule: "layout.page",
        edits: &[(
            DOCUMENT,
            r#"w:w="11906" w:h="16838""#,
            r#"w:w="12240" w:h="15840""#,
        )],
    },
    Deviation {
        what: "天头 30 mm",
        rule: "layout.margins",
        edits: &[(DOCUMENT, r#"w:top="2098""#, r#"w:top="1701""#)],
    },
    Deviation {
        what: "a 宋体 body",
        rule: "layout.body",
        edits: &[(
            STYLES,
            BODY_FONT,
            r#"<w:rPr><w:rFonts w:ascii="宋体" w:hAnsi="宋体" w:eastAsia="宋体" w:cs="宋体"/><w:spacing"#,
        )],
    },
    Deviation {
        what: "a 12 pt body",
        rule: "layout.body",
        edits: &[(
            STYLES,
            r#"<w:spacing w:val="-5"/><w:sz w:val="32"/><w:szCs w:val="32"/>"#,
            r#"<w:spacing w:val="-5"/><w:sz w:val="24"/><w:szCs w:val="24"/>"#,
        )],
    },
    Deviation {
        what: "a 20-line page",
        rule: "layout.grid",
        edits: &[(
            STYLES,
            r#"w:line="579" w:lineRule="exact"/><w:ind"#,
            r#"w:line="640" w:lineRule="exact"/><w:ind"#,
        )],
    },
    Deviation {
        what: "a title in 黑体",
        rule: "layout.title",
        edits: &[(
            STYLES,
            r#"w:eastAsia="方正小标宋简体""#,
            r#"w:eastAsia="黑体""#,
        )],
    },
    Deviation {
        what: "a 16 pt title",
        rule: "layout.title",
        edits: &[(STYLES, r#"<w:sz w:val="44"/>"#, r#"<w:sz w:val="32"/>"#)],
    },
    Deviation {
        what: "一、 headings in 仿宋",
        rule: "layout.headings",
        edits: &[(
            STYLES,
            r#"<w:rFonts w:ascii="黑体" w:hAnsi="黑体" w:eastAsia="黑体" w:cs="黑体"/>"#,
            r#"<w:rFonts w:ascii="仿宋" w:hAnsi="仿宋" w:eastAsia="仿宋" w:cs="仿宋"/>"#,
        )],
    },
    Deviation {
        what: "（一） leads in 宋体",
        rule: "layout.headings",
        edits: &[(
            DOCUMENT,
            r#"<w:rPr><w:rFonts w:ascii="楷体_GB2312" w:hAnsi="楷体_GB2312" w:eastAsia="楷体_GB2312" w:cs="楷体_GB2312"/></w:rPr><w:t xml:space="preserve">（一）"#,
            r#"<w:rPr><w:rFonts w:ascii="宋体" w:hAnsi="宋体" w:eastAsia="宋体" w:cs="宋体"/></w:rPr><w:t xml:space="preserve">（一）"#,
        )],
    },
    Deviation {
        what: "page numbers centred",
        rule: "layout.page_number",
        edits: &[(
            "word/footer1.xml",
            r#"<w:jc w:val="right"/>"#,
            r#"<w:jc w:val="center"/>"#,
        )],
    },
    Deviation {
        what: "page numbers with hyphens",
        rule: "layout.page_number",
        edits: &[
            ("word/footer1.xml", "— </w:t>", "- </w:t>"),
            ("word/footer1.xml", " —</w:t>", " -</w:t>"),
        ],
    },
    Deviation {
        what: "no page numbers",
        rule: "layout.page_number",
        edits: &[
            ("word/footer1.xml", " PAGE ", " DATE "),
            ("word/footer2.xml", " PAGE ", " DATE "),
        ],
    },
];

#[test]
fn layout_faults_are_each_found() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let dir = tempfile::tempdir().unwrap();
    let good = dir.path().join("good.docx");
    let out = Command::new(BIN)
        .args(["render", "--format", "docx", "-o"])
        .arg(&good)
        .arg(root.join("profiles/hospital.yaml"))
        .output()
        .unwrap();
    assert!(out.status.success());
    let bytes = std::fs::read(&good).unwrap();
    let mut covered = Vec::new();
    for d in DEVIATIONS {
        let path = dir.path().join(format!("{}.docx", d.what));
        std::fs::write(&path, edited(&bytes, d.edits)).unwrap();
        let (code, found) = findings(&path, &[]);
        let rules = rules_of(&found);
        assert!(rules.iter().any(|r| r == d.rule), "{}: {found:#?}", d.what);
        // Nothing but the page is wrong with it.
        assert!(
            rules.iter().all(|r| r.starts_with("layout.")),
            "{}: {rules:?}",
            d.what
        );
        assert_eq!(code, 1);
        let f = found.iter().find(|f| f["rule"] == d.rule).unwrap();
        assert_eq!(f["basis"], "国标", "{}", d.what);
        assert!(
            f["standard"]
                .as_str()
                .unwrap()
                .starts_with("GB/T 9704-2012 "),
            "{}",
            d.what
        );
        covered.push(d.rule);
    }
    let listed = String::from_utf8(lint(&["--list-rules"]).stdout).unwrap();
    for id in listed
        .split_whitespace()
        .filter(|w| w.starts_with("layout."))
    {
        assert!(covered.contains(&id), "no deviation planted for {id}");
    }
}

/// WPS's way to the outer side: one footer whose number sits in a frame
/// aligned “outside”.
#[test]
fn a_page_number_framed_outside_is_on_the_outer_side() {
    let clean = std::fs::read_to_string(fixture("lint/clean.md")).unwrap();
    let bytes = edited(
        &docx_of(&clean),
        &[
            (
                "word/footer1.xml",
                r#"<w:jc w:val="right"/>"#,
                r#"<w:framePr w:wrap="around" w:hAnchor="margin" w:xAlign="outside"/><w:jc w:val="right"/>"#,
            ),
            ("word/settings.xml", "<w:evenAndOddHeaders/>", ""),
        ],
    );
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("wps.docx");
    std::fs::write(&path, bytes).unwrap();
    assert_clean(&path);
}

#[test]
fn a_word_documents_own_fonts_are_read_by_family() {
    // Word's own names for the 公文 faces, set by hand on the runs.
    let clean = std::fs::read_to_string(fixture("lint/clean.md")).unwrap();
    let bytes = edited(
        &docx_of(&clean),
        &[(
            STYLES,
            BODY_FONT,
            r#"<w:rPr><w:rFonts w:ascii="FangSong" w:hAnsi="FangSong" w:eastAsia="方正仿宋_GBK" w:cs="FangSong"/><w:spacing"#,
        )],
    );
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("fonts.docx");
    std::fs::write(&path, bytes).unwrap();
    assert_clean(&path);
}
