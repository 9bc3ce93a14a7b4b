//! An item's passage goes on from its heading: it never opens by saying
//! the heading again (“*督查要带着问题去*。督查要带着问题去。”), for any
//! sector, campaign type or wording, with or without the profile's facts.
#![allow(clippy::unwrap_used, clippy::expect_used)]

#[path = "common/drafts.rs"]
mod drafts;

use bigan::genre::Genre;
use bigan::genre::rules::restates;
use bigan::render::Doc;
use drafts::{TYPES, draft, load, write};

/// A campaign name and three phases, nothing else.
fn bare(org: &str, sector: &str, type_name: &str) -> String {
    format!(
        "org:\n  name: {org}\n  kind: {sector}\ncampaign:\n  name: 某项工作\n  type: {type_name}\n  phases:\n    - {{ name: 动员部署, from: 2024-03-01, to: 2024-03-31 }}\n    - {{ name: 集中推进, from: 2024-04-01, to: 2024-09-30 }}\n    - {{ name: 总结提高, from: 2024-10-01, to: 2024-11-30 }}\nmeeting:\n  date: 2024-03-05\nprogress:\n  date: 2024-06-05\n"
    )
}

/// Each run-in heading of `md` with the first sentence of its passage.
fn headed(md: &str) -> Vec<(String, String)> {
    md.lines()
        .filter_map(|line| {
            let line = line.strip_prefix('*')?;
            let (lead, text) = line.split_once("*。")?;
            let lead = lead
                .trim_start_matches(|c| c != '）')
                .trim_start_matches('）');
            let first = text.split(['。', '！', '？']).next()?;
            Some((lead.to_owned(), first.to_owned()))
        })
        .collect()
}

#[test]
fn the_reader_sees_the_check_work_on_a_draft() {
    let md = "*（三）督查要带着问题去*。督查要带着问题去。下一轮督查按清单对账。\n";
    let found = headed(md);
    assert_eq!(
        found,
        [("督查要带着问题去".to_owned(), "督查要带着问题去".to_owned())]
    );
    assert!(restates(&found[0].0, &found[0].1));
}

#[test]
fn no_passage_opens_by_saying_its_heading_again() {
    let dir = tempfile::tempdir().unwrap();
    let mut seen = 0;
    for sector in Genre::builtin().sector_keys() {
        for (i, type_name) in TYPES.iter().enumerate() {
            for (j, yaml) in [
                bare("青山某单位", sector, type_name),
                drafts::full("青山某单位", sector, type_name),
            ]
            .iter()
            .enumerate()
            {
                let path = write(dir.path(), &format!("{sector}-{i}-{j}.yaml"), yaml);
                let p = load(&path);
                for variant in 1..=3 {
                    for doc in [Doc::Speech, Doc::Progress] {
                        let md = draft(&p, doc, variant);
                        for (lead, first) in headed(&md) {
                            seen += 1;
                            assert!(
                                !restates(&lead, &first),
                                "{sector} × {type_name} × {} × {variant}: “{lead}” / “{first}”",
                                doc.name()
                            );
                        }
                    }
                }
            }
        }
    }
    // The walk reached the items: thousands of headings.
    assert!(seen > 1000, "{seen}");
}
