//! Loading profiles: `extends` merging, its failures, and validation that
//! collects every problem with its place.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::fs;
use std::path::{Path, PathBuf};

use bigan::diagnostic::Severity;
use bigan::profile;

fn write(dir: &Path, name: &str, text: &str) -> PathBuf {
    let path = dir.join(name);
    if let Some(parent) = path.parent() {
        fs::create_dir_all(parent).unwrap();
    }
    fs::write(&path, text).unwrap();
    path
}

const BASE: &str = "campaign:\n  name: 创先争优\n  goals: [甲, 乙]\n  theme: [丙]\nmeeting:\n  date: 2010-05-20\n  speaker: { name: 张三, title: 书记 }\n";

#[test]
fn extends_merges_maps_and_replaces_lists() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "campaigns/base.yaml", BASE);
    let path = write(
        dir.path(),
        "org.yaml",
        "extends: campaigns/base.yaml\norg:\n  name: 某医院\n  kind: hospital\ncampaign:\n  goals: [丁]\nmeeting:\n  speaker: { title: 院长 }\n",
    );
    let loaded = profile::load(&path).unwrap();
    assert!(loaded.diagnostics.is_empty(), "{:?}", loaded.diagnostics);
    let p = loaded.profile.unwrap();
    assert_eq!(p.campaign.name, "创先争优", "inherited scalar");
    assert_eq!(p.campaign.goals, ["丁"], "own list replaces");
    assert_eq!(p.campaign.theme, ["丙"], "inherited list");
    assert_eq!(
        p.meeting.speaker.name.as_deref(),
        Some("张三"),
        "maps merge"
    );
    assert_eq!(
        p.meeting.speaker.title.as_deref(),
        Some("院长"),
        "own key wins"
    );
    assert_eq!(p.org.kind.key, "hospital");
    assert_eq!(p.org.short, "我院", "kind default");
    assert_eq!(loaded.files.len(), 2);
}

#[test]
fn an_extends_cycle_is_a_located_error() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "a.yaml", "extends: b.yaml\norg: { name: 甲 }\n");
    write(dir.path(), "b.yaml", "extends: a.yaml\n");
    let loaded = profile::load(&dir.path().join("a.yaml")).unwrap();
    assert!(loaded.profile.is_none());
    let d = &loaded.diagnostics[0];
    assert!(d.message.contains("循环"), "{d}");
    assert!(d.path.ends_with("b.yaml"), "{d}");
    assert_eq!((d.line, d.column), (1, 10), "{d}");
}

#[test]
fn extends_to_a_missing_file_or_a_folder_is_located() {
    let dir = tempfile::tempdir().unwrap();
    fs::create_dir(dir.path().join("folder")).unwrap();
    for (target, words) in [("nope.yaml", "读不了"), ("folder", "文件夹")] {
        let path = write(dir.path(), "p.yaml", &format!("extends: {target}\n"));
        let loaded = profile::load(&path).unwrap();
        let d = &loaded.diagnostics[0];
        assert!(d.message.contains(words), "{d}");
        assert_eq!((d.line, d.column), (1, 10), "{d}");
    }
}

#[test]
fn every_problem_is_reported_at_once() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(
        dir.path(),
        "p.yaml",
        "org:\n  nmae: 甲\n  name: 甲\ncampaign:\n  name: 乙\n  standards:\n    - label: 五个好\n      items: [一, 二, 三, 四]\n  phases:\n    - name: 丙\n      from: 2010-07-01\n      to: 2010-06-30\nmeeting:\n  date: 2010-05-20\n",
    );
    let loaded = profile::load(&path).unwrap();
    let found: Vec<(u32, u32)> = loaded
        .diagnostics
        .iter()
        .map(|d| (d.line, d.column))
        .collect();
    assert_eq!(
        found,
        [(2, 3), (7, 14), (12, 11)],
        "{:#?}",
        loaded.diagnostics
    );
    assert!(
        loaded.diagnostics[0]
            .hint
            .as_deref()
            .unwrap()
            .contains("name")
    );
    assert!(loaded.profile.is_none());
}

#[test]
fn required_fields_and_bad_dates_are_named() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(
        dir.path(),
        "p.yaml",
        "org: {}\nmeeting:\n  date: 2010-02-30\n",
    );
    let loaded = profile::load(&path).unwrap();
    let messages: Vec<&str> = loaded
        .diagnostics
        .iter()
        .map(|d| d.message.as_str())
        .collect();
    assert!(
        messages.iter().any(|m| m.contains("org.name")),
        "{messages:?}"
    );
    assert!(
        messages.iter().any(|m| m.contains("campaign.name")),
        "{messages:?}"
    );
    assert!(
        messages.iter().any(|m| m.contains("2010-02-30")),
        "{messages:?}"
    );
}

#[test]
fn overlapping_phases_warn_and_out_of_order_phases_fail() {
    let dir = tempfile::tempdir().unwrap();
    let phases = |second_from: &str| {
        format!(
            "org: {{ name: 甲 }}\ncampaign:\n  name: 乙\n  phases:\n    - {{ name: 一, from: 2010-05-01, to: 2010-06-30 }}\n    - {{ name: 二, from: {second_from}, to: 2010-12-31 }}\nmeeting: {{ date: 2010-05-01 }}\n"
        )
    };
    let path = write(dir.path(), "p.yaml", &phases("2010-06-15"));
    let loaded = profile::load(&path).unwrap();
    assert_eq!(loaded.diagnostics[0].severity, Severity::Warning);
    assert!(
        loaded.profile.is_some(),
        "a warning keeps the profile usable"
    );
    let path = write(dir.path(), "p.yaml", &phases("2010-04-01"));
    let loaded = profile::load(&path).unwrap();
    assert_eq!(loaded.diagnostics[0].severity, Severity::Error);
    assert_eq!(loaded.diagnostics[0].line, 6);
}

#[test]
fn every_example_profile_loads_clean() {
    for name in ["hospital", "county", "traffic"] {
        let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(format!("profiles/{name}.yaml"));
        let loaded = profile::load(&path).unwrap();
        assert!(
            loaded.diagnostics.is_empty(),
            "{name}: {:#?}",
            loaded.diagnostics
        );
        assert!(loaded.profile.is_some());
    }
}

/// The items of a standard labelled `label`, with `n` items, as diagnostics.
fn standard_diagnostics(label: &str, n: usize) -> Vec<bigan::diagnostic::Diagnostic> {
    let dir = tempfile::tempdir().unwrap();
    let items: Vec<String> = (1..=n).map(|i| format!("第{i}条")).collect();
    let path = write(
        dir.path(),
        "p.yaml",
        &format!(
            "org: {{ name: 甲 }}\ncampaign:\n  name: 乙\n  standards:\n    - label: {label}\n      items: [{}]\nmeeting: {{ date: 2010-05-20 }}\n",
            items.join(", ")
        ),
    );
    profile::load(&path).unwrap().diagnostics
}

#[test]
fn campaign_names_with_two_numerals_are_not_counted() {
    for label in ["三严三实", "两学一做", "一岗双责"] {
        let found = standard_diagnostics(label, 6);
        assert!(found.is_empty(), "{label}: {found:#?}");
    }
}

#[test]
fn a_miscounted_label_says_two_as_liang() {
    let found = standard_diagnostics("三到位", 2);
    assert_eq!(found.len(), 1, "{found:#?}");
    let d = &found[0];
    assert_eq!(d.message, "“三到位”说有三项，但下面列了两项", "{d}");
    assert!(d.hint.as_deref().unwrap().contains("“两到位”"), "{d}");
    assert_eq!((d.line, d.column), (5, 14), "{d}");
    let found = standard_diagnostics("两个维护", 3);
    assert!(found[0].message.contains("说有两项"), "{:#?}", found);
}

/// Diagnostics of a profile whose `points` (and `progress.points`) are
/// the YAML list `points`.
fn points_diagnostics(points: &str) -> Vec<bigan::diagnostic::Diagnostic> {
    let dir = tempfile::tempdir().unwrap();
    let path = write(
        dir.path(),
        "p.yaml",
        &format!(
            "org: {{ name: 甲 }}\ncampaign:\n  name: 乙\n  phases:\n    - {{ name: 丙, from: 2010-05-20, to: 2010-06-30 }}\nmeeting: {{ date: 2010-05-20 }}\npoints: {points}\nprogress:\n  date: 2010-06-10\n  points: {points}\n"
        ),
    );
    profile::load(&path).unwrap().diagnostics
}

#[test]
fn an_empty_lead_is_a_located_error() {
    let found = points_diagnostics("[{}, { items: [{ lead: 甲 }, { lead: \"  \" }] }]");
    assert_eq!(found.len(), 2, "{found:#?}");
    assert!(
        found[0].message.starts_with("points 第二点的第二条 lead"),
        "{}",
        found[0]
    );
    assert!(
        found[1].message.starts_with("progress.points 第二点"),
        "{}",
        found[1]
    );
    assert_eq!((found[0].line, found[0].column), (7, 45), "{}", found[0]);
    assert_eq!(found[1].line, 10, "{}", found[1]);
}

#[test]
fn a_point_past_the_types_own_needs_a_title_but_the_types_may_be_empty() {
    // The general type's mobilisation speech has three points, its progress
    // speech four.
    assert!(points_diagnostics("[{}, {}, {}]").is_empty());
    assert!(points_diagnostics("[{}, {}, {}, { title: 丁 }]").is_empty());
    for fourth in ["{}", "{ items: [{ lead: 甲 }] }", "{ title: \"\" }"] {
        let found = points_diagnostics(&format!("[{{}}, {{}}, {{}}, {fourth}]"));
        assert_eq!(found.len(), 1, "{fourth}: {found:#?}");
        assert_eq!(found[0].message, "points 第四点没有标题", "{}", found[0]);
        assert!(
            found[0].hint.as_deref().unwrap().contains("title:"),
            "{}",
            found[0]
        );
        assert_eq!((found[0].line, found[0].column), (7, 22), "{}", found[0]);
        let found = points_diagnostics(&format!("[{{}}, {{}}, {{}}, {{}}, {fourth}]"));
        let messages: Vec<&str> = found.iter().map(|d| d.message.as_str()).collect();
        assert_eq!(
            messages,
            [
                "points 第四点没有标题",
                "points 第五点没有标题",
                "progress.points 第五点没有标题"
            ],
            "{fourth}"
        );
    }
}

#[test]
fn diagnostics_come_in_line_order() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(
        dir.path(),
        "p.yaml",
        "meeting:\n  date: 2010-02-30\norg: { name: 甲 }\ncampaign:\n  name: 乙\n  phases:\n    - { name: 丙, from: 2010-07-01, to: 2010-06-30 }\n",
    );
    let loaded = profile::load(&path).unwrap();
    let lines: Vec<u32> = loaded.diagnostics.iter().map(|d| d.line).collect();
    assert_eq!(lines, [2, 7], "{:#?}", loaded.diagnostics);
}

fn load_text(text: &str) -> profile::Loaded {
    let dir = tempfile::tempdir().unwrap();
    let path = write(dir.path(), "单位.yaml", text);
    profile::load(&path).unwrap()
}

const MEETING: &str = "campaign:\n  name: 党史学习教育\nmeeting:\n  date: 2021-03-12\n";

#[test]
fn org_words_override_the_sectors_words_by_their_names() {
    let loaded = load_text(&format!(
        "org:\n  name: 临江社区党委\n  kind: subdistrict\n  words:\n    posts: 网格和楼栋\n    subunits: 各网格\n{MEETING}"
    ));
    assert!(loaded.diagnostics.is_empty(), "{:?}", loaded.diagnostics);
    let p = loaded.profile.unwrap();
    assert_eq!(
        p.org.words,
        [
            ("posts", "网格和楼栋".to_owned()),
            ("subunits", "各网格".to_owned()),
            // A 社区's own words (subdistrict.yaml `kinds`) where the
            // profile gives none.
            ("branches", "各网格党支部".to_owned()),
            ("middle", "网格长、楼栋长和居民小组长".to_owned()),
        ]
    );
}

#[test]
fn an_unknown_or_blank_org_word_is_a_located_error_with_the_nearest_name() {
    let loaded = load_text(&format!(
        "org:\n  name: 石门乡\n  kind: township\n  words:\n    worker: 乡干部\n{MEETING}"
    ));
    assert!(loaded.profile.is_none());
    let d = &loaded.diagnostics[0];
    assert_eq!(d.line, 5, "{d}");
    assert!(d.message.contains("worker"), "{d}");
    assert!(d.hint.as_deref().unwrap_or("").contains("workers"), "{d}");

    let loaded = load_text(&format!(
        "org:\n  name: 石门乡\n  kind: township\n  words:\n    workers: ''\n{MEETING}"
    ));
    assert!(loaded.profile.is_none());
    let d = &loaded.diagnostics[0];
    assert_eq!(d.line, 5, "{d}");
    assert!(d.message.contains("org.words.workers"), "{d}");
}

#[test]
fn a_township_or_a_district_named_as_such_speaks_of_itself() {
    for (name, kind, short, party_org, units) in [
        (
            "中共石门乡委员会",
            "township",
            "全乡",
            "乡党委",
            "各村（社区）、乡直各单位",
        ),
        (
            "石门乡人民政府",
            "乡镇",
            "全乡",
            "乡党委",
            "各村（社区）、乡直各单位",
        ),
        (
            "中共石桥镇委员会",
            "township",
            "全镇",
            "镇党委",
            "各村（社区）、镇直各单位",
        ),
        (
            "某某党委",
            "乡",
            "全乡",
            "乡党委",
            "各村（社区）、乡直各单位",
        ),
        ("中共东城区委员会", "county", "全区", "区委", "各级党组织"),
        ("中共清河县委员会", "county", "全县", "县委", "各级党组织"),
    ] {
        let loaded = load_text(&format!("org:\n  name: {name}\n  kind: {kind}\n{MEETING}"));
        assert!(loaded.diagnostics.is_empty(), "{:?}", loaded.diagnostics);
        let o = loaded.profile.unwrap().org;
        assert_eq!(
            (o.short.as_str(), o.party_org.as_str()),
            (short, party_org),
            "{name}"
        );
        assert_eq!(o.units, units, "{name}");
        assert!(
            !o.staff.contains(if short == "全乡" { '镇' } else { '_' }),
            "{name}"
        );
    }
    // `org.words.we` is another way to write org.short.
    let loaded = load_text(&format!(
        "org:\n  name: 石门乡\n  kind: township\n  words: {{ we: 我乡, workers: 乡干部 }}\n{MEETING}"
    ));
    let o = loaded.profile.unwrap().org;
    assert_eq!(o.short, "我乡");
    assert_eq!(o.words, [("workers", "乡干部".to_owned())]);
    // What the profile says wins.
    let loaded = load_text(&format!(
        "org:\n  name: 中共石门乡委员会\n  kind: township\n  short: 我乡\n{MEETING}"
    ));
    let o = loaded.profile.unwrap().org;
    assert_eq!((o.short.as_str(), o.party_org.as_str()), ("我乡", "乡党委"));
}

/// 刚才，何东同志通报了…… in 何东's own speech: a `before_me` that names
/// the speaker is flagged where it stands; one that names someone else,
/// or a speaker without a name, is not.
#[test]
fn a_before_me_naming_the_speaker_is_flagged() {
    let dir = tempfile::tempdir().unwrap();
    let profile = |speaker: &str, before: &str| {
        format!(
            "org: {{ name: 清河县公安局, kind: police }}\ncampaign:\n  name: 夏季治安打击整治行动\n  phases:\n    \
             - {{ name: 集中攻坚, from: 2023-06-10, to: 2023-09-30 }}\nmeeting:\n  date: 2023-06-10\n  \
             speaker: {{ {speaker}title: 局长 }}\n  before_me: {before}\n"
        )
    };
    for (speaker, before, flagged) in [
        ("name: 何东, ", "何东同志通报了治安形势", true),
        ("name: 何东, ", "李明同志通报了治安形势", false),
        ("", "何东同志通报了治安形势", false),
    ] {
        let path = write(dir.path(), "p.yaml", &profile(speaker, before));
        let loaded = profile::load(&path).unwrap();
        let found: Vec<_> = loaded
            .diagnostics
            .iter()
            .filter(|d| d.message.contains("before_me 提到了讲话人"))
            .collect();
        assert_eq!(
            found.len(),
            usize::from(flagged),
            "{speaker}{before}: {:?}",
            loaded.diagnostics
        );
        if let Some(d) = found.first() {
            assert_eq!((d.severity, d.line), (Severity::Warning, 9), "{d:?}");
        }
        assert!(loaded.profile.is_some(), "a warning, not an error");
    }
}

/// A batch resolves its profiles on every core from what `preload` read:
/// the chain of `extends` is followed to its end, and what it gives is what
/// a load that reads each file itself gives.
#[test]
fn a_preloaded_chain_loads_on_another_thread_as_a_read_one_does() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "campaigns/base.yaml", BASE);
    write(
        dir.path(),
        "mid.yaml",
        "extends: campaigns/base.yaml\ncampaign:\n  goals: [丁]\n",
    );
    let top = write(
        dir.path(),
        "top.yaml",
        "extends: mid.yaml\norg:\n  name: 某医院\n  kind: hospital\nmeeting:\n  date: 2010-13-01\n",
    );
    let broken = write(
        dir.path(),
        "broken.yaml",
        "extends: campaigns/missing.yaml\norg:\n  name: 某局\n",
    );
    let mut loader = profile::Loader::new();
    assert!(loader.load_preloaded(&top).is_none(), "nothing is read yet");
    loader.preload(&[top.clone(), broken.clone()], 2);
    assert!(
        loader.load_preloaded(&broken).is_none(),
        "a file of its chain could not be read: left to load, which reports it"
    );
    let shared = &loader;
    let preloaded = std::thread::scope(|s| s.spawn(|| shared.load_preloaded(&top)).join())
        .unwrap()
        .expect("every file of the chain is cached")
        .unwrap();
    let read = profile::Loader::new().load(&top).unwrap();
    assert_eq!(preloaded.files.len(), 3, "{:?}", preloaded.files);
    assert_eq!(preloaded.files, read.files);
    let shown = |l: &profile::Loaded| -> Vec<String> {
        l.diagnostics.iter().map(ToString::to_string).collect()
    };
    assert_eq!(shown(&preloaded), shown(&read));
    assert!(
        shown(&read).iter().any(|d| d.contains("top.yaml:6:9")),
        "{:?}",
        shown(&read)
    );
    let missing = loader.load(&broken).unwrap();
    assert!(
        shown(&missing)
            .iter()
            .any(|d| d.contains("extends 的文件读不了")),
        "{:?}",
        shown(&missing)
    );
}
