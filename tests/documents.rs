#![allow(clippy::unwrap_used, clippy::expect_used)]
//! The documents around the mobilisation (issue 15): the meeting's notice,
//! the news items of the mobilisation and the progress meeting, a unit's
//! exchange speech and the closing speech. Each takes its facts from the
//! profile (change one, the document follows); the notice goes out before
//! its meeting; a news item never speaks in the first person; counts agree
//! with what is listed; a document whose facts are missing is a located
//! error naming the keys to add; and every document of every sector and
//! campaign type lints clean.

#[path = "common/drafts.rs"]
mod drafts;
mod support;

use std::path::Path;
use std::process::{Command, Output};

use bigan::genre::Genre;
use bigan::output::Format;
use bigan::profile::{Loader, Profile};
use bigan::render::{Doc, Renderer};
use drafts::{lint_findings, load, write};

const BIN: &str = env!("CARGO_BIN_EXE_bigan");

const NEW: [Doc; 5] = [
    Doc::Notice,
    Doc::Briefing,
    Doc::ProgressBriefing,
    Doc::Exchange,
    Doc::Summary,
];

fn draft(profile: &Profile, doc: Doc) -> String {
    drafts::draft(profile, doc, 1)
}

fn bigan(args: &[&str], dir: &Path) -> Output {
    Command::new(BIN)
        .args(args)
        .current_dir(dir)
        .output()
        .unwrap()
}

/// A profile with every section, for an organisation of sector `kind`
/// running a campaign of type `type_name`; `extra` replaces nothing and is
/// appended.
fn full(org: &str, kind: &str, type_name: &str, served: &str) -> String {
    format!(
        "org:
  name: {org}
  kind: {kind}
  served: {served}
campaign:
  name: 某项工作
  type: {type_name}
  goals: [目标甲, 目标乙, 目标丙]
  standards:
    - {{ label: 三个好, of: 先进集体, items: [班子好, 队伍好, 作风好] }}
  milestones: [全年目标任务]
  phases:
    - {{ name: 动员部署, from: 2024-03-01, to: 2024-03-31, tasks: [召开动员大会, 制定实施方案] }}
    - {{ name: 集中推进, from: 2024-04-01, to: 2024-09-30, tasks: [逐项推进各项任务] }}
    - {{ name: 总结提高, from: 2024-10-01, to: 2024-11-30 }}
meeting:
  date: 2024-03-05
  speaker: {{ name: 王明, title: 主要负责同志 }}
  before_me: 分管负责同志宣读了实施方案
  place: 三楼会议室
  attendees: [班子成员, 各部门负责人]
notice:
  number: 某发〔2024〕3号
  contact: {{ name: 李华, phone: 12345678 }}
progress:
  date: 2024-06-20
  before_me: 三个单位汇报了前一段的工作
  place: 二楼会议室
  achievements:
    - {{ lead: 部署到位, text: 各单位都制定了具体方案 }}
    - 集中整改问题四十余项
  problems:
    - {{ lead: 进展不平衡, text: 有的单位推进较慢 }}
    - 个别措施落实不够到位
  lessons: [领导带头是关键]
exchange:
  occasion: 全市经验交流会
  date: 2024-07-15
  title: 抓实三项措施，推动工作落地
  practices:
    - {{ lead: 建立工作台账, text: 每项任务都明确了责任人和完成时限 }}
    - {{ lead: 坚持每月调度, text: 每月召开一次调度会，逐项对账 }}
    - {{ lead: 开展互查互评, text: 各部门之间每季度互查一次 }}
  results: [按期完成任务二十三项, 整改问题四十余项]
  next_steps: [把台账管理固定为制度]
summary:
  date: 2024-12-10
  before_me: 分管负责同志宣读了表彰决定
  achievements:
    - {{ lead: 各项任务全面完成, text: 实施方案确定的二十六项任务全部完成 }}
    - {{ lead: 工作机制更加健全, text: 新建和修订制度十二项 }}
    - 一批长期没有解决的问题得到解决
  lessons:
    - {{ lead: 领导带头是关键, text: 班子成员分片包干，一级带着一级干 }}
  commended: [5个先进集体, 12名先进个人]
  problems: [个别部门的台账管理还不够规范]
  next_steps:
    - {{ lead: 坚持台账管理, text: 台账管理每年评估一次 }}
"
    )
}

const TYPES: [&str; 6] = [
    "学习教育",
    "主题教育",
    "创建",
    "专项整治",
    "作风建设",
    "一般工作",
];

#[test]
fn every_sector_and_campaign_type_gives_every_new_document_clean() {
    let dir = tempfile::tempdir().unwrap();
    let genre = Genre::builtin();
    for sector in genre.sector_keys() {
        for (i, kind) in TYPES.iter().enumerate() {
            let path = write(
                dir.path(),
                &format!("{sector}-{i}.yaml"),
                &full("青山某单位", sector, kind, "服务对象"),
            );
            let p = load(&path);
            for doc in NEW {
                assert!(doc.supported_by(&p), "{sector} {kind} {}", doc.name());
                let md = draft(&p, doc);
                let what = format!("{sector} × {kind} × {}", doc.name());
                let findings = lint_findings(&md);
                assert!(
                    findings.is_empty(),
                    "{what}:\n{}\n{md}",
                    findings.join("\n")
                );
                let bare = md
                    .replace("{.byline}", "")
                    .replace("{.signature}", "")
                    .replace("{.number}", "");
                assert!(
                    !bare.contains(['{', '}']),
                    "{what}: a placeholder left\n{md}"
                );
                for bad in [
                    "学习教育活动",
                    "主题教育活动",
                    "行动活动",
                    "。。",
                    "，。",
                    "承诺",
                ] {
                    assert!(!md.contains(bad), "{what}: “{bad}”\n{md}");
                }
                if sector != "hospital" {
                    for health in ["医务人员", "患者", "医德", "诊疗"] {
                        assert!(!md.contains(health), "{what}: “{health}”\n{md}");
                    }
                }
                // The profile's own milestone is a target, never greeted,
                // and the last phase ended before the closing meeting.
                if doc == Doc::Summary {
                    assert!(md.contains("圆满"), "{what}: an ended campaign\n{md}");
                }
            }
        }
    }
}

#[test]
fn a_news_item_never_speaks_in_the_first_person() {
    let dir = tempfile::tempdir().unwrap();
    let genre = Genre::builtin();
    for sector in genre.sector_keys() {
        for (i, kind) in TYPES.iter().enumerate() {
            // The speaker's “we” is 我院 here: the news item must not say it.
            let text = full("青山某单位", sector, kind, "服务对象").replace(
                "  served: 服务对象\n",
                "  served: 服务对象\n  short: 我院\n",
            );
            let p = load(&write(dir.path(), &format!("{sector}-{i}.yaml"), &text));
            for doc in [Doc::Briefing, Doc::ProgressBriefing] {
                for variant in 1..=3 {
                    let md = Renderer::new(None)
                        .unwrap()
                        .with_variant(variant)
                        .render(&p, doc)
                        .unwrap();
                    for first in ["我", "同志们", "咱们"] {
                        assert!(
                            !md.contains(first),
                            "{sector} × {kind} × {} × {variant}: “{first}”\n{md}",
                            doc.name()
                        );
                    }
                    let zi = bigan::zh::char_count(&md);
                    assert!((400..=1500).contains(&zi), "{sector} {kind}: {zi}字\n{md}");
                }
            }
        }
    }
}

#[test]
fn each_document_takes_its_facts_from_the_profile() {
    let dir = tempfile::tempdir().unwrap();
    let base = full("青山某单位", "generic", "一般工作", "服务对象");
    let p = load(&write(dir.path(), "a.yaml", &base));
    let changed = base
        .replace("三楼会议室", "县委党校礼堂")
        .replace("各部门负责人", "各乡镇党委书记")
        .replace("某发〔2024〕3号", "某发〔2024〕9号")
        .replace("name: 李华", "name: 赵敏")
        .replace("二楼会议室", "县政府五楼会议室")
        .replace("全市经验交流会", "全省现场推进会")
        .replace("抓实三项措施，推动工作落地", "台账管理抓落实")
        .replace("坚持每月调度", "坚持每周调度")
        .replace("5个先进集体", "8个先进集体")
        .replace("新建和修订制度十二项", "新建和修订制度十五项");
    let q = load(&write(dir.path(), "b.yaml", &changed));
    let pairs: [(Doc, &str, &str); 11] = [
        (Doc::Notice, "三楼会议室", "县委党校礼堂"),
        (Doc::Notice, "各部门负责人", "各乡镇党委书记"),
        (Doc::Notice, "某发〔2024〕3号", "某发〔2024〕9号"),
        (Doc::Notice, "李华", "赵敏"),
        (Doc::Briefing, "三楼会议室", "县委党校礼堂"),
        (Doc::ProgressBriefing, "二楼会议室", "县政府五楼会议室"),
        (Doc::Exchange, "全市经验交流会", "全省现场推进会"),
        (
            Doc::Exchange,
            "《抓实三项措施，推动工作落地》",
            "《台账管理抓落实》",
        ),
        (Doc::Exchange, "坚持每月调度", "坚持每周调度"),
        (Doc::Summary, "5个先进集体", "8个先进集体"),
        (Doc::Summary, "新建和修订制度十二项", "新建和修订制度十五项"),
    ];
    for (doc, before, after) in pairs {
        let (a, b) = (draft(&p, doc), draft(&q, doc));
        assert!(
            a.contains(before) && !a.contains(after),
            "{}: {before}\n{a}",
            doc.name()
        );
        assert!(
            b.contains(after) && !b.contains(before),
            "{}: {after}\n{b}",
            doc.name()
        );
    }
    // The news items retell what the meeting's own speech said.
    let speech = draft(&p, Doc::Speech);
    let briefing = draft(&p, Doc::Briefing);
    let said = briefing
        .lines()
        .find(|l| l.starts_with("会议指出") || l.starts_with("会议认为"))
        .unwrap();
    let (_, reasons) = said.split_once("，是").unwrap();
    let first = reasons.split(['，', '。']).next().unwrap();
    assert!(speech.contains(first), "{first}\n{speech}");
    // The meeting's weekday is the calendar's: 2024-03-05 was a Tuesday.
    assert!(draft(&p, Doc::Notice).contains("2024年3月5日（星期二）"));
}

#[test]
fn the_notice_goes_out_on_a_working_day_before_the_meeting() {
    let dir = tempfile::tempdir().unwrap();
    // 2024-03-05 is a Tuesday: three days before is a Saturday, so Friday.
    let p = load(&write(
        dir.path(),
        "a.yaml",
        &full("青山某单位", "generic", "一般工作", "服务对象"),
    ));
    assert_eq!(p.notice.date.to_string(), "2024-03-01");
    let md = draft(&p, Doc::Notice);
    assert!(md.ends_with("#### 2024年3月1日 {.signature}\n"), "{md}");
    // A date after the meeting is an error at the line that sets it.
    let late = full("青山某单位", "generic", "一般工作", "服务对象")
        .replace("notice:\n", "notice:\n  date: 2024-03-06\n");
    let path = write(dir.path(), "late.yaml", &late);
    let out = bigan(&["check", "late.yaml"], dir.path());
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    let line = late.lines().position(|l| l.contains("2024-03-06")).unwrap() + 1;
    assert!(err.contains(&format!("late.yaml:{line}:")), "{err}");
    assert!(err.contains("会议通知要在会前发出"), "{err}");
    assert!(Loader::new().load(&path).unwrap().profile.is_none());
    // On the day itself it is allowed, with a warning.
    let same = late.replace("2024-03-06", "2024-03-05");
    write(dir.path(), "same.yaml", &same);
    let out = bigan(&["check", "same.yaml"], dir.path());
    assert_eq!(out.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&out.stderr).contains("同一天"));
}

#[test]
fn a_document_without_its_facts_is_a_located_error_naming_the_keys() {
    let dir = tempfile::tempdir().unwrap();
    let minimal =
        "org:\n  name: 青山某单位\ncampaign:\n  name: 某项工作\nmeeting:\n  date: 2024-03-05\n";
    write(dir.path(), "m.yaml", minimal);
    let cases: [(&str, &[&str], &str); 5] = [
        (
            "notice",
            &["meeting.place", "meeting.attendees"],
            "m.yaml:5:",
        ),
        ("briefing", &["meeting.place"], "m.yaml:5:"),
        ("progress-briefing", &["progress"], "m.yaml"),
        (
            "exchange",
            &["exchange", "occasion", "title", "practices"],
            "m.yaml",
        ),
        ("summary", &["summary", "date", "achievements"], "m.yaml"),
    ];
    for (doc, keys, at) in cases {
        let out = bigan(&["render", "--doc", doc, "m.yaml"], dir.path());
        assert_eq!(out.status.code(), Some(1), "{doc}");
        assert!(out.stdout.is_empty(), "{doc}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains(at), "{doc}: {err}");
        assert!(err.contains("无法生成"), "{doc}: {err}");
        for key in keys {
            assert!(err.contains(key), "{doc}: {key}\n{err}");
        }
    }
    // A section begun and left unfinished: the error points at it, and
    // check warns while the other documents are still drafted.
    let begun = format!("{minimal}exchange:\n  occasion: 全市经验交流会\n  date: 2024-07-15\n");
    write(dir.path(), "b.yaml", &begun);
    let out = bigan(&["render", "--doc", "exchange", "b.yaml"], dir.path());
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("b.yaml:7:1"), "{err}");
    assert!(err.contains("title、practices"), "{err}");
    let out = bigan(&["render", "b.yaml"], dir.path());
    assert_eq!(out.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&out.stderr).contains("提醒"));
    let out = bigan(&["check", "m.yaml"], dir.path());
    let said = String::from_utf8_lossy(&out.stdout);
    assert!(said.contains("还不能生成"), "{said}");
    assert!(said.contains("推进会讲话：缺 progress.date"), "{said}");
    assert!(
        said.contains("会议通知：缺 meeting.place、meeting.attendees"),
        "{said}"
    );
}

#[test]
fn doc_all_writes_every_document_the_profile_supports() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "full.yaml",
        &full("青山某单位", "generic", "一般工作", "服务对象"),
    );
    let out = bigan(
        &["render", "--doc", "all", "full.yaml", "-o", "out"],
        dir.path(),
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let mut names: Vec<String> = std::fs::read_dir(dir.path().join("out"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".md"))
        .collect();
    names.sort();
    let mut want: Vec<String> = Doc::ALL
        .iter()
        .map(|d| format!("full.{}.md", d.name()))
        .collect();
    want.sort();
    assert_eq!(names, want);
    for name in &names {
        let md = std::fs::read_to_string(dir.path().join("out").join(name)).unwrap();
        assert_eq!(support::lint_errors(&md), Vec::<String>::new(), "{name}");
    }
    // Every format of every new document.
    let p = load(&dir.path().join("full.yaml"));
    let renderer = Renderer::new(None).unwrap();
    for doc in NEW {
        for format in Format::ALL.iter().copied() {
            let bytes = bigan::draft::bytes(&renderer, &p, doc, format).unwrap();
            assert!(!bytes.is_empty(), "{} {format:?}", doc.name());
        }
    }
    // A profile with none of the new facts gives the speech and the plan.
    write(
        dir.path(),
        "m.yaml",
        "org:\n  name: 青山某单位\ncampaign:\n  name: 某项工作\nmeeting:\n  date: 2024-03-05\n",
    );
    let out = bigan(&["render", "--doc", "all", "m.yaml", "-o", "m"], dir.path());
    assert!(out.status.success());
    let written = std::fs::read_dir(dir.path().join("m"))
        .unwrap()
        .filter(|e| {
            e.as_ref()
                .unwrap()
                .path()
                .extension()
                .is_some_and(|x| x == "md")
        })
        .count();
    assert_eq!(written, 2);
}

#[test]
fn counts_agree_with_what_is_listed() {
    let dir = tempfile::tempdir().unwrap();
    let p = load(&write(
        dir.path(),
        "a.yaml",
        &full("青山某单位", "generic", "一般工作", "服务对象"),
    ));
    let exchange = draft(&p, Doc::Exchange);
    assert!(exchange.contains("主要做了三个方面的工作"), "{exchange}");
    let headings: Vec<&str> = exchange.lines().filter(|l| l.starts_with("## ")).collect();
    assert_eq!(
        headings,
        [
            "## 一、建立工作台账",
            "## 二、坚持每月调度",
            "## 三、开展互查互评"
        ]
    );
    assert!(exchange.contains("我发言的题目是《抓实三项措施，推动工作落地》"));
    assert!(exchange.contains("各位领导、同志们："));
    // The closing speech: as many points as it says, numbered in order.
    let summary = draft(&p, Doc::Summary);
    let parts = summary.lines().filter(|l| l.starts_with("## ")).count();
    assert_eq!(parts, 5, "{summary}");
    assert!(summary.contains("我讲五点意见"), "{summary}");
    assert!(summary.contains("分三个阶段进行"), "{summary}");
    assert!(
        summary.contains("表彰了5个先进集体和12名先进个人"),
        "{summary}"
    );
    // Without lessons, commendations or problems, those points go, and the
    // meeting is a 总结大会.
    let short = full("青山某单位", "generic", "一般工作", "服务对象")
        .replace(
            "  lessons:\n    - { lead: 领导带头是关键, text: 班子成员分片包干，一级带着一级干 }\n",
            "",
        )
        .replace("  commended: [5个先进集体, 12名先进个人]\n", "")
        .replace("  problems: [个别部门的台账管理还不够规范]\n", "")
        .replace("宣读了表彰决定", "通报了工作情况");
    let q = load(&write(dir.path(), "b.yaml", &short));
    let summary = draft(&q, Doc::Summary);
    assert!(
        summary.starts_with("# 在青山某单位某项工作活动总结大会上的讲话"),
        "{summary}"
    );
    assert!(summary.contains("我讲两点意见"), "{summary}");
    assert!(summary.contains("## 二、"), "{summary}");
    assert!(!summary.contains("## 三、"), "{summary}");
    assert!(!summary.contains("表彰"), "{summary}");
    // A news item lists the phases it counts.
    let briefing = draft(&p, Doc::Briefing);
    assert!(
        briefing.contains("分三个阶段进行。第一阶段为“动员部署”"),
        "{briefing}"
    );
    assert!(briefing.contains("第三阶段为“总结提高”"), "{briefing}");
}

#[test]
fn a_closing_speech_speaks_of_a_passed_milestone_as_passed() {
    let dir = tempfile::tempdir().unwrap();
    let text = full("青山某单位", "generic", "学习教育", "服务对象").replace(
        "  milestones: [全年目标任务]\n",
        "  milestones: [{ name: 全市党代会, date: 2024-08-20 }, 新中国成立76周年]\n",
    );
    let p = load(&write(dir.path(), "a.yaml", &text));
    // The progress meeting (June) greets both; the closing (December 2024)
    // has passed the congress and looks ahead to 2025-10-01.
    let progress = draft(&p, Doc::Progress);
    assert!(progress.contains("全市党代会"), "{progress}");
    let summary = draft(&p, Doc::Summary);
    assert!(!summary.contains("迎接全市党代会"), "{summary}");
    assert!(
        summary.contains("全市党代会"),
        "a passed milestone is spoken of\n{summary}"
    );
    assert!(summary.contains("迎接新中国成立76周年"), "{summary}");
    assert_eq!(support::lint_errors(&summary), Vec::<String>::new());
    // The era of the closing date: 2024-12 is after the third plenum.
    assert!(summary.contains("学习教育"));
}

#[test]
fn the_example_drafts_have_the_lengths_of_their_genres() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    for name in ["hospital", "county"] {
        let p = load(&root.join(format!("profiles/{name}.yaml")));
        for doc in NEW {
            assert!(doc.supported_by(&p), "{name} {}", doc.name());
        }
        let zi = |doc| bigan::zh::char_count(&draft(&p, doc));
        let summary = zi(Doc::Summary);
        assert!(
            (2500..=5000).contains(&summary),
            "{name} summary: {summary}字"
        );
        for doc in [Doc::Briefing, Doc::ProgressBriefing] {
            let n = zi(doc);
            assert!((400..=1500).contains(&n), "{name} {}: {n}字", doc.name());
        }
    }
}
