//! A 报告 that asks for approval. "妥否，请批示" closes a 请示: a 报告 reports
//! and does not ask (《党政机关公文处理工作条例》第十五条：不得在报告等非请示性
//! 公文中夹带请示事项).

use super::{Draft, Finding, GENRE_REPORT};

/// What a 请示 says to ask for a decision.
const ASKS: [&str; 9] = [
    "妥否，请批示",
    "当否，请批示",
    "妥否，请批复",
    "以上请示",
    "特此请示",
    "请予审批",
    "请予批准",
    "请审批",
    "请批示",
];

/// The document's title: the first heading, or the first line with text.
fn title(draft: &Draft<'_>) -> Option<String> {
    let lines = &draft.source.lines;
    lines
        .iter()
        .find(|l| l.heading == Some(1))
        .or_else(|| lines.iter().find(|l| !l.is_blank()))
        .map(|l| l.text().trim().to_owned())
}

pub(crate) fn check(draft: &Draft<'_>, out: &mut Vec<Finding>) {
    let Some(title) = title(draft) else {
        return;
    };
    if !title.ends_with("报告") {
        return;
    }
    for (index, line) in draft.source.lines.iter().enumerate() {
        let text = line.text();
        // One finding a line, for the longest phrase.
        if let Some((at, ask)) = ASKS.iter().find_map(|ask| text.find(ask).map(|b| (b, ask))) {
            let at = text[..at].chars().count();
            out.push(draft.finding(
                &GENRE_REPORT,
                index,
                at,
                format!("报告里写了“{ask}”：请求批准是请示的事，报告不得夹带请示事项"),
                "报告结尾用“特此报告”；需要上级批准的事项另写请示",
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use crate::lint::{Selection, check, found_at, messages};

    fn found(text: &str) -> Vec<u32> {
        found_at(text, "genre")
            .into_iter()
            .map(|(line, _)| line)
            .collect()
    }

    #[test]
    fn only_a_report_may_not_ask() {
        assert_eq!(
            found("关于购置执法车辆的报告\n区政府：\n……\n妥否，请批示。\n"),
            [4]
        );
        assert!(found("关于购置执法车辆的请示\n区政府：\n……\n妥否，请批示。\n").is_empty());
        assert!(found("关于工作情况的报告\n……\n特此报告。\n").is_empty());
    }

    #[test]
    fn the_finding_names_the_whole_phrase_at_its_place() {
        let text = "\n关于工作情况的报告\n以上报告如无不妥，请审批。\n妥否，请批示。\n";
        assert_eq!(found_at(text, "genre.report"), [(3, 10), (4, 1)]);
        let said = messages(text, "genre.report");
        assert!(
            said[1].1.starts_with("报告里写了“妥否，请批示”"),
            "{said:?}"
        );
        assert!(said[0].1.starts_with("报告里写了“请审批”"), "{said:?}");
    }

    #[test]
    fn a_markdown_drafts_title_is_its_heading() {
        let only = Selection::new(&["genre".into()], &[]).unwrap_or_default();
        let found = |text: &str| check(Path::new("a.md"), text, &only).len();
        assert_eq!(
            found("收文第3号\n\n# 关于工作情况的报告\n\n妥否，请批示。\n"),
            1
        );
        assert_eq!(
            found("工作情况的报告\n\n# 关于购车的请示\n\n妥否，请批示。\n"),
            0
        );
    }
}
