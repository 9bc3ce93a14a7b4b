//! Phrases that say a thing twice or stack their joins. "开展以“2023年夏季
//! 治安打击整治行动”为主要内容的夏季治安打击整治行动" names one campaign as its
//! own content; "这次活动以……攻坚行动为主要内容" makes one undertaking the
//! content of another. "各院级党组织和全校各级党组织和广大党员" joins three
//! with 和 twice, where running text writes 甲、乙和丙 or 甲和乙以及丙.

use super::{Draft, Finding, PHRASE_HE, PHRASE_TAUTOLOGY};
use crate::marks::conjunction_he;

/// What ends a clause.
const CLAUSE_END: &str = "，。；：！？";

/// Words naming an undertaking rather than its content.
const UNDERTAKINGS: [&str; 4] = ["活动", "行动", "运动", "工程"];

/// The core of a campaign name: without quotation marks, a leading year
/// and a final word for the undertaking.
fn core(name: &str) -> String {
    let mut s: String = name
        .chars()
        .filter(|c| !"“”‘’\"《》".contains(*c))
        .collect();
    let year: usize = s.chars().take_while(char::is_ascii_digit).count();
    if year == 4 && s.chars().nth(4) == Some('年') {
        s = s.chars().skip(5).collect();
    }
    for end in UNDERTAKINGS.iter().chain(&["工作"]) {
        if let Some(stem) = s.strip_suffix(end) {
            return stem.to_owned();
        }
    }
    s
}

/// Each "以X为主要内容" in `chars` that names the same thing twice: where
/// 以 stands, and why.
pub(crate) fn tautologies(chars: &[char]) -> Vec<(usize, String)> {
    let marker: Vec<char> = "为主要内容".chars().collect();
    let mut out = Vec::new();
    for at in 0..chars.len() {
        if !chars[at..].starts_with(&marker) {
            continue;
        }
        let clause_start = chars[..at]
            .iter()
            .rposition(|c| CLAUSE_END.contains(*c))
            .map_or(0, |p| p + 1);
        let Some(yi) = chars[clause_start..at].iter().rposition(|&c| c == '以') else {
            continue;
        };
        let yi = clause_start + yi;
        let content: String = chars[yi + 1..at].iter().collect();
        let after = at + marker.len();
        if chars.get(after) == Some(&'的') {
            let end = chars[after + 1..]
                .iter()
                .position(|c| CLAUSE_END.contains(*c) || *c == '、')
                .map_or(chars.len(), |p| after + 1 + p);
            let named: String = chars[after + 1..end].iter().collect();
            let (a, b) = (core(&content), core(&named));
            let (short, long) = if a.chars().count() <= b.chars().count() {
                (&a, &b)
            } else {
                (&b, &a)
            };
            if short.chars().count() >= 4 && long.contains(short.as_str()) {
                out.push((yi, format!("“{}”以它自己为主要内容", named.trim())));
            }
            continue;
        }
        // 这次活动以……行动为主要内容: the subject is an undertaking too.
        let subject: String = chars[clause_start..yi].iter().collect();
        let content_core: String = content.chars().filter(|c| !"“”".contains(*c)).collect();
        if UNDERTAKINGS.iter().any(|u| subject.ends_with(u))
            && UNDERTAKINGS.iter().any(|u| content_core.ends_with(u))
        {
            out.push((
                yi,
                format!("“{}”以另一项活动“{content_core}”为主要内容", subject.trim()),
            ));
        }
    }
    out
}

/// The second 和 of each clause part (between punctuation) that joins with
/// 和 twice within a phrase's length.
pub(crate) fn double_he(chars: &[char]) -> Vec<usize> {
    /// How far apart two 和 may stand and still be in one noun phrase.
    const PHRASE: usize = 16;
    let ands = conjunction_he(chars);
    let mut out = Vec::new();
    for pair in ands.windows(2) {
        let (a, b) = (pair[0], pair[1]);
        let broken = chars[a..b]
            .iter()
            .any(|c| "，。；：！？、“”‘’《》（）—…".contains(*c) || c.is_whitespace());
        // 干部和党员的智慧和力量: 的 parts the modifier from the head, each
        // with its own 和.
        let broken = broken || chars[a..b].iter().any(|c| "的地得".contains(*c));
        if !broken && b - a <= PHRASE {
            out.push(b);
        }
    }
    out
}

pub(crate) fn check(draft: &Draft<'_>, out: &mut Vec<Finding>) {
    for (index, line) in draft.source.lines.iter().enumerate() {
        for (at, why) in tautologies(&line.chars) {
            out.push(draft.finding(
                &PHRASE_TAUTOLOGY,
                index,
                at,
                format!("同义反复：{why}"),
                "写出活动的具体内容，或直接说“开展……”；活动名称与全称相同时，不用“以……为主要内容”",
            ));
        }
        for at in double_he(&line.chars) {
            out.push(draft.finding(
                &PHRASE_HE,
                index,
                at,
                "一个短语里用了两次“和”".to_owned(),
                "三项并列写成“甲、乙和丙”；其中一项本身带“和”时，写成“甲和乙以及丙”",
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn taut(s: &str) -> usize {
        tautologies(&s.chars().collect::<Vec<_>>()).len()
    }

    fn he(s: &str) -> usize {
        double_he(&s.chars().collect::<Vec<_>>()).len()
    }

    #[test]
    fn a_campaign_as_its_own_content() {
        assert_eq!(
            taut("开展以“2023年夏季治安打击整治行动”为主要内容的夏季治安打击整治行动。"),
            1
        );
        assert_eq!(
            taut("这次活动以创建全国文明城市集中攻坚行动为主要内容，是一项重要部署。"),
            1
        );
        assert_eq!(
            taut("开展以“清洁家园、美化环境”为主要内容的爱国卫生活动。"),
            0
        );
        assert_eq!(taut("这次活动以学党章党规、学系列讲话为主要内容。"), 0);
        assert_eq!(taut("可以开展以“两学一做”为主要内容的学习教育。"), 0);
    }

    #[test]
    fn he_twice_in_one_phrase() {
        assert_eq!(he("让各院级党组织和全校各级党组织和广大党员都清楚"), 1);
        assert_eq!(he("让各党支部和全体党员都清楚"), 0);
        assert_eq!(he("党员和群众、干部和职工"), 0);
        assert_eq!(he("构建和谐社会和平安校园"), 0);
        assert_eq!(he("坚持和完善制度，推进改革和发展"), 0);
        assert_eq!(he("把各级干部和广大党员的智慧和力量凝聚起来"), 0);
    }

    fn said(text: &str) -> Vec<(u32, String)> {
        crate::lint::findings(text, "phrase")
            .into_iter()
            .map(|f| (f.diagnostic.column, f.diagnostic.message))
            .collect()
    }

    #[test]
    fn the_findings_say_which_name_and_where() {
        assert_eq!(
            said(
                "开展以“2023年夏季治安打击整治行动”为主要内容的夏季治安打击整治行动、冬季行动。\n"
            ),
            [(
                3,
                "同义反复：“夏季治安打击整治行动”以它自己为主要内容".to_owned()
            )]
        );
        assert_eq!(
            said("以学习为主，这次活动以“集中攻坚行动”为主要内容。\n"),
            [(
                11,
                "同义反复：“这次活动”以另一项活动“集中攻坚行动”为主要内容".to_owned()
            )]
        );
        assert_eq!(
            said("让各院级党组织和全校各级党组织和广大党员都清楚\n"),
            [(16, "一个短语里用了两次“和”".to_owned())]
        );
    }

    #[test]
    fn the_core_of_a_name() {
        assert_eq!(core("“2023年夏季治安打击整治行动”"), "夏季治安打击整治");
        assert_eq!(core("《23年安全生产工作》"), "23年安全生产");
        assert_eq!(core("2023安全生产月活动"), "2023安全生产月");
        assert_eq!(core("文明城市创建工程"), "文明城市创建");
        assert_eq!(core("爱国卫生运动"), "爱国卫生");
        assert_eq!(core("扫黑除恶"), "扫黑除恶");
    }

    #[test]
    fn a_name_as_its_own_content_at_any_length() {
        // Four characters in common are enough; three are not.
        assert_eq!(taut("以“安全生产”为主要内容的安全生产活动"), 1);
        assert_eq!(taut("以“大排查”为主要内容的大排查行动"), 0);
        // Either may be the longer.
        assert_eq!(taut("以“安全生产月”为主要内容的安全生产活动"), 1);
        assert_eq!(taut("以“安全生产”为主要内容的安全生产月活动"), 1);
        assert_eq!(taut("以“安全生产”为主要内容的消防检查"), 0);
        // The 以 must be in the same clause.
        assert_eq!(taut("以人为本，开展安全生产为主要内容的安全生产活动"), 0);
        assert_eq!(taut("为主要内容"), 0);
    }

    #[test]
    fn one_undertaking_as_the_content_of_another() {
        for (s, n) in [
            ("这次运动以文明城市创建工程为主要内容", 1),
            ("本次行动以“清网行动”为主要内容", 1),
            ("这项工程以爱国卫生运动为主要内容", 1),
            ("这次会议以集中攻坚行动为主要内容", 0),
            ("这次活动以集中攻坚为主要内容", 0),
        ] {
            assert_eq!(taut(s), n, "{s}");
        }
    }

    #[test]
    fn he_within_a_phrase_length() {
        // The second 和 sixteen characters after the first is one phrase;
        // seventeen is not.
        let at = |gap: usize| format!("各党组织和{}和广大党员", "党".repeat(gap - 1));
        assert_eq!(he(&at(16)), 1);
        assert_eq!(he(&at(17)), 0);
        for s in [
            "党员和群众—干部和职工",
            "党员和群众（干部和职工）",
            "党员和群众 干部和职工",
            "干部和群众地干部和职工",
        ] {
            assert_eq!(he(s), 0, "{s}");
        }
    }
}
