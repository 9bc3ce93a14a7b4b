//! How a speech names the campaign's leading group: after a short name
//! (党史学习教育领导小组), but a long one (“不忘初心、牢记使命”) is said by
//! its noun, as units name their groups, not six times in full.
#![allow(clippy::unwrap_used, clippy::expect_used)]

#[path = "common/drafts.rs"]
mod drafts;

use bigan::render::Doc;
use drafts::{draft, load, write};

fn profile(name: &str) -> String {
    format!(
        "org: {{ name: 国家税务总局青山县税务局, kind: tax }}\ncampaign:\n  name: {name}\n  phases:\n    - {{ name: 学习教育、调查研究, from: 2019-09-10, to: 2019-10-20 }}\n    - {{ name: 检视问题、整改落实, from: 2019-10-21, to: 2019-11-30 }}\nmeeting: {{ date: 2019-09-12 }}\nprogress: {{ date: 2019-10-30 }}\nplan:\n  leading_group:\n    leader: {{ name: 赵强, title: 局党委书记 }}\n    members: [各股室负责同志]\n"
    )
}

#[test]
fn a_long_campaign_name_gives_its_group_the_short_name() {
    let dir = tempfile::tempdir().unwrap();
    let p = load(&write(
        dir.path(),
        "long.yaml",
        &profile("“不忘初心、牢记使命”主题教育"),
    ));
    let mut named = 0;
    for doc in [Doc::Speech, Doc::Progress, Doc::Plan] {
        for variant in 1..=3 {
            let md = draft(&p, doc, variant);
            assert!(
                !md.contains("牢记使命”主题教育领导小组"),
                "{}:\n{md}",
                doc.name()
            );
            named += md.matches("主题教育领导小组").count();
        }
    }
    assert!(named > 0);
}

#[test]
fn a_short_campaign_name_stays_in_its_group() {
    let dir = tempfile::tempdir().unwrap();
    let p = load(&write(dir.path(), "short.yaml", &profile("党史学习教育")));
    let plan = draft(&p, Doc::Plan, 1);
    assert!(plan.contains("党史学习教育领导小组"), "{plan}");
}
