//! The facts a speech lays out one by one: tasks, achievements, problems,
//! lessons and next steps, each a sentence or `{lead, text}`.

use super::super::model::{Fact, Step};
use super::super::raw::{Facts, RawStep};
use super::Resolver;
use crate::yaml::Located;
use crate::zh;

impl Resolver<'_> {
    /// A list of facts at `key`; an entry with neither lead nor text is an
    /// error.
    pub(super) fn facts(&mut self, raw: Option<Facts>, key: &str) -> Vec<Fact> {
        let Some(list) = raw else {
            return Vec::new();
        };
        let mut out = Vec::new();
        for (i, f) in list.value.into_iter().enumerate() {
            let lead = f
                .value
                .lead
                .map(|s| s.trim().to_owned())
                .filter(|s| !s.is_empty());
            let text = f
                .value
                .text
                .map(|s| s.trim().to_owned())
                .unwrap_or_default();
            match (lead, text.is_empty()) {
                (None, true) => self.error(
                    f.pos,
                    format!("{key} 的第{}项是空的", zh::numeral(i as u64 + 1)),
                    "写上内容，或删掉这一项",
                ),
                (lead, _) => out.push(Fact { lead, text }),
            }
        }
        out
    }

    /// The next steps; `answers` must name a listed problem.
    pub(super) fn steps(
        &mut self,
        raw: Option<Located<Vec<Located<RawStep>>>>,
        problems: usize,
    ) -> Vec<Step> {
        let Some(list) = raw else {
            return Vec::new();
        };
        let mut out = Vec::new();
        for (i, s) in list.value.into_iter().enumerate() {
            let nth = zh::numeral(i as u64 + 1);
            let lead = s
                .value
                .lead
                .map(|s| s.trim().to_owned())
                .filter(|s| !s.is_empty());
            let text = s
                .value
                .text
                .map(|s| s.trim().to_owned())
                .unwrap_or_default();
            if lead.is_none() && text.is_empty() {
                self.error(
                    s.pos,
                    format!("progress.next_steps 的第{nth}项是空的"),
                    "写上内容，或删掉这一项",
                );
                continue;
            }
            let answers = match s.value.answers {
                None => None,
                Some(n) if n >= 1 && (n as usize) <= problems => Some(n as usize - 1),
                Some(n) => {
                    let hint = if problems == 0 {
                        "progress.problems 里没有列问题：去掉 answers，或先列出问题".to_owned()
                    } else {
                        format!("answers 写问题的序号，1 到 {problems}")
                    };
                    self.error(
                        s.pos,
                        format!("progress.next_steps 的第{nth}项回应第{n}个问题，但没有这个问题"),
                        &hint,
                    );
                    None
                }
            };
            out.push(Step {
                lead,
                text,
                answers,
            });
        }
        out
    }
}
