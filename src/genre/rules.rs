//! The genre's small rules of wording, kept apart from the view builder:
//! what running text calls a campaign, which milestones are greeted, when a
//! full name is only the name again, and what kind of speech came before.

/// Endings that already say what kind of undertaking a campaign is, with
/// the noun the text uses when it refers back to it: 百日攻坚行动 is 这次
/// 行动, never 百日攻坚行动活动.
const SELF_NAMED: &[(&str, &str)] = &[
    ("教育实践活动", "活动"),
    ("学习教育", "学习教育"),
    ("主题教育", "主题教育"),
    ("专题教育", "专题教育"),
    ("大检查", "检查"),
    ("攻坚战", "攻坚战"),
    // 扫黑除恶专项斗争: a 专项斗争 is no 行动, and is called back as such.
    ("专项斗争", "专项斗争"),
    // 常态化扫黑除恶斗争 (from 2021): a 斗争 too.
    ("斗争", "斗争"),
    ("专项整治", "整治"),
    ("集中整治", "整治"),
    ("活动", "活动"),
    ("行动", "行动"),
    ("工程", "工程"),
    ("运动", "运动"),
];

/// How running text names a campaign, and the noun it refers back to it
/// with. `noun` is the campaign type's (活动, 学习教育, 行动).
///
/// 平安交通创建 → 平安交通创建活动; 两学一做 → “两学一做”学习教育;
/// 食品安全百日攻坚行动 stays as it is; a study campaign written
/// “两学一做”学习教育活动 loses its 活动 (学习教育 is no 活动).
pub fn label(name: &str, noun: &str) -> (String, String) {
    let name = name.trim();
    for head in ["学习教育", "主题教育", "专题教育"] {
        if let Some(stem) = name.strip_suffix("活动").filter(|s| s.ends_with(head)) {
            return (stem.to_owned(), head.to_owned());
        }
    }
    if let Some((_, referred)) = SELF_NAMED.iter().find(|(end, _)| name.ends_with(end)) {
        return (name.to_owned(), (*referred).to_owned());
    }
    if name.ends_with(noun) {
        return (name.to_owned(), noun.to_owned());
    }
    let shown = if is_slogan(name) {
        format!("“{name}”")
    } else {
        name.to_owned()
    };
    (format!("{shown}{noun}"), noun.to_owned())
}

/// Whether a name is a slogan the genre quotes before the noun: numbered
/// ones (两学一做, 三严三实) and phrases in parts (不忘初心、牢记使命).
fn is_slogan(name: &str) -> bool {
    if name.contains(['“', '”']) {
        return false;
    }
    let numerals = name
        .chars()
        .filter(|c| "一二两三四五六七八九十".contains(*c))
        .count();
    numerals >= 2 || name.contains(['、', '，'])
}

/// Whether `full_name` only says `name` again (2023年夏季治安打击整治行动
/// for 夏季治安打击整治行动), so a sentence "以全称为主要内容的名称" would
/// be a tautology.
pub fn says_the_same(name: &str, full_name: &str) -> bool {
    let a = core(name);
    let b = core(full_name);
    a.is_empty() || b.is_empty() || a.contains(&b) || b.contains(&a)
}

/// A name without what does not change its meaning: quotation marks,
/// spaces, a year, and the word for the undertaking.
fn core(s: &str) -> String {
    let mut s: String = s
        .chars()
        .filter(|c| !matches!(c, '“' | '”' | '‘' | '’' | '"' | ' ' | '　'))
        .collect();
    if let Some(i) = s.find('年')
        && i > 0
        && s[..i].chars().all(|c| c.is_ascii_digit())
    {
        s = s[i + '年'.len_utf8()..].to_owned();
    }
    loop {
        let before = s.len();
        for (end, _) in SELF_NAMED {
            if let Some(stem) = s.strip_suffix(end) {
                s = stem.to_owned();
            }
        }
        if s.len() == before {
            break;
        }
    }
    s
}

/// Whether a milestone is an occasion to greet (建党90周年, 党的十八大,
/// 北京奥运会) rather than a target to secure (全年安全生产目标).
pub fn is_occasion(m: &str) -> bool {
    m.contains("周年") || m.starts_with("党的") || m.ends_with('会')
}

/// Whether a decision came from the party centre (党中央, 中共中央).
pub fn is_central(decided_by: &str) -> bool {
    decided_by.contains("党中央") || decided_by.contains("中共中央")
}

/// The first response whose words appear in what was said before: the
/// caller's list is ordered so 表态发言 is tried before 发言.
pub fn response_for<'a, R>(
    before_me: &str,
    responses: &'a [R],
    words: impl Fn(&R) -> &[String],
) -> Option<&'a R> {
    responses
        .iter()
        .find(|r| words(r).iter().any(|w| before_me.contains(w.as_str())))
}

/// The word a judgement ends on: the last two characters of what follows
/// its last 的, trailing punctuation, quotes and Latin letters left off
/// (开展…是推动发展的必然要求 → 要求). Two reasons of one point ending alike
/// (…的内在要求, …的必然要求) read as padding. None for a lead that is not
/// “…是…的…”.
pub fn judgement_end(lead: &str) -> Option<&str> {
    let (_, said) = lead.split_once('是')?;
    let (_, tail) = said.rsplit_once('的')?;
    let tail = tail.trim_end_matches(|c: char| !crate::zh::is_han(c));
    let (at, _) = tail.char_indices().rev().nth(1)?;
    Some(&tail[at..])
}

/// What a leading group is named after: the campaign's label, or, when
/// that runs past ten characters, its noun (主题教育领导小组 for
/// “不忘初心、牢记使命”主题教育, 学习教育领导小组 for 深入贯彻中央八项规定
/// 精神学习教育), as units name their groups in practice.
pub fn group_label<'a>(label: &'a str, noun: &'a str) -> &'a str {
    let long = label.chars().filter(|&c| crate::zh::is_han(c)).count() > 10;
    if long && !noun.is_empty() {
        noun
    } else {
        label
    }
}

/// Whether `sentence` only says its item's heading `lead` again:
/// “*（三）督查要带着问题去*。督查要带着问题去。” or “*推广先进经验*。先进的经验
/// 要及时推广。” A writer drops such an opening sentence; the heading has said
/// it. The words that only turn a phrase into a sentence (要, 把, 让, 的) are
/// not counted; the sentence may add a few characters (学习教育要坚持问题导向)
/// and must hold four fifths of the heading's: in the heading's order for a
/// short heading (用好示范点 is not 示范点的作用在于探路), in any order from
/// six characters on (先进的经验要及时推广).
pub fn restates(lead: &str, sentence: &str) -> bool {
    fn words(s: &str) -> impl Iterator<Item = char> + '_ {
        s.chars()
            .filter(|&c| crate::zh::is_han(c) && !matches!(c, '要' | '把' | '让' | '的' | '将'))
    }
    let lead: Vec<char> = words(lead).collect();
    if lead.len() < 3 {
        return false;
    }
    // Most first sentences are far longer than a heading: stop counting
    // once this one is too long to restate it.
    let most = lead.len() + 4;
    let mut said = Vec::with_capacity(most + 1);
    for c in words(sentence) {
        if said.len() == most {
            return false;
        }
        said.push(c);
    }
    let shared = if lead.len() >= 6 {
        let mut rest = said;
        lead.iter()
            .filter(|c| {
                rest.iter()
                    .position(|x| x == *c)
                    .map(|i| rest.swap_remove(i))
                    .is_some()
            })
            .count()
    } else {
        in_order(&lead, &said)
    };
    shared * 5 >= lead.len() * 4
}

/// The length of the longest run of `a`'s characters that `b` holds in
/// the same order, not necessarily side by side.
fn in_order(a: &[char], b: &[char]) -> usize {
    let mut row = vec![0usize; b.len() + 1];
    for &x in a {
        let mut diagonal = 0;
        for (j, &y) in b.iter().enumerate() {
            let above = row[j + 1];
            row[j + 1] = if x == y {
                diagonal + 1
            } else {
                above.max(row[j])
            };
            diagonal = above;
        }
    }
    row[b.len()]
}

/// `text` without an opening sentence that only restates `lead`
/// ([`restates`]); as it is when that sentence is all there is.
pub fn past_restated<'t>(lead: &str, text: &'t str) -> &'t str {
    let Some(end) = text.find(['。', '！', '？']) else {
        return text;
    };
    let (first, rest) = text.split_at(end);
    let rest = rest['。'.len_utf8()..].trim_start();
    if rest.is_empty() || !restates(lead, first) {
        return text;
    }
    rest
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_sentence_that_only_says_the_heading_again_restates_it() {
        for (lead, sentence) in [
            ("督查要带着问题去", "督查要带着问题去"),
            ("要让制度立得住、行得通", "制度要立得住、行得通"),
            ("注意劳逸结合", "要注意劳逸结合"),
            ("推广先进经验", "先进的经验要及时推广"),
            ("坚持问题导向", "学习教育要坚持问题导向"),
            ("整改要限时见效", "整改要定时限、见实效"),
            ("把警示教育做在前面", "警示教育要做在问题发生之前"),
        ] {
            assert!(restates(lead, sentence), "{lead} / {sentence}");
        }
    }

    #[test]
    fn a_sentence_that_goes_on_from_the_heading_does_not() {
        for (lead, sentence) in [
            ("用好示范点", "示范点的作用在于探路"),
            // Longer by five: it says more than the heading.
            ("督查要带着问题去", "督查要带着这次会上点到的问题去"),
            // Too short a heading to judge.
            ("督查", "督查"),
            ("严格纪律", "纪律面前一律平等"),
        ] {
            assert!(!restates(lead, sentence), "{lead} / {sentence}");
        }
    }

    #[test]
    fn a_long_label_names_its_group_by_the_noun() {
        assert_eq!(
            group_label("“不忘初心、牢记使命”主题教育", "主题教育"),
            "主题教育"
        );
        assert_eq!(
            group_label("深入贯彻中央八项规定精神学习教育", "学习教育"),
            "学习教育"
        );
        // Ten characters and fewer keep their name; quotation marks are not counted.
        assert_eq!(
            group_label("“两学一做”学习教育", "学习教育"),
            "“两学一做”学习教育"
        );
        assert_eq!(group_label("党史学习教育", "学习教育"), "党史学习教育");
        assert_eq!(group_label("全国文明城市创建工作活动", "活动"), "活动");
        assert_eq!(
            group_label("全国文明城市创建活动", "活动"),
            "全国文明城市创建活动"
        );
        assert_eq!(
            group_label("很长很长很长很长很长很长", ""),
            "很长很长很长很长很长很长"
        );
    }

    #[test]
    fn in_order_counts_a_common_subsequence() {
        let c = |s: &str| s.chars().collect::<Vec<_>>();
        assert_eq!(in_order(&c("用好示范点"), &c("示范点作用在于探路")), 3);
        assert_eq!(in_order(&c("督查结果用起来"), &c("督查结果用起来")), 7);
        assert_eq!(in_order(&c("甲乙丙"), &c("丙乙甲")), 1);
        assert_eq!(in_order(&c("甲乙丙"), &c("")), 0);
    }

    #[test]
    fn only_a_restating_opening_sentence_is_dropped() {
        assert_eq!(
            past_restated("注意劳逸结合", "要注意劳逸结合。连续作战的同志要轮休。"),
            "连续作战的同志要轮休。"
        );
        assert_eq!(
            past_restated("注意劳逸结合", "要注意劳逸结合！连续作战的同志要轮休。"),
            "连续作战的同志要轮休。"
        );
        // Nothing after it: the item keeps its text.
        assert_eq!(
            past_restated("注意劳逸结合", "要注意劳逸结合。"),
            "要注意劳逸结合。"
        );
        assert_eq!(
            past_restated("注意劳逸结合", "要注意劳逸结合"),
            "要注意劳逸结合"
        );
        let other = "连续作战的同志要轮休。要注意劳逸结合。";
        assert_eq!(past_restated("注意劳逸结合", other), other);
    }

    #[test]
    fn labels_say_the_noun_once() {
        let l = |name, noun| label(name, noun).0;
        assert_eq!(l("平安交通创建", "活动"), "平安交通创建活动");
        assert_eq!(l("食品安全百日攻坚行动", "行动"), "食品安全百日攻坚行动");
        assert_eq!(l("创先争优活动", "活动"), "创先争优活动");
        assert_eq!(l("民心工程", "活动"), "民心工程");
        assert_eq!(l("两学一做", "学习教育"), "“两学一做”学习教育");
        assert_eq!(
            l("“两学一做”学习教育活动", "学习教育"),
            "“两学一做”学习教育"
        );
        assert_eq!(l("党史学习教育", "学习教育"), "党史学习教育");
        assert_eq!(l("党史", "学习教育"), "党史学习教育");
        assert_eq!(
            l("不忘初心、牢记使命", "主题教育"),
            "“不忘初心、牢记使命”主题教育"
        );
        assert_eq!(l("夏季治安打击整治", "行动"), "夏季治安打击整治行动");
        assert_eq!(l("百日攻坚", "行动"), "百日攻坚行动");
    }

    #[test]
    fn the_noun_follows_the_name() {
        assert_eq!(label("安全生产大检查", "行动").1, "检查");
        assert_eq!(label("党的群众路线教育实践活动", "活动").1, "活动");
        assert_eq!(label("平安交通创建", "活动").1, "活动");
    }

    #[test]
    fn a_judgement_ends_on_the_word_after_its_last_的() {
        assert_eq!(judgement_end("开展活动是推动发展的必然要求"), Some("要求"));
        assert_eq!(
            judgement_end("学习教育是激发队伍活力的有效举措"),
            Some("举措")
        );
        assert_eq!(judgement_end("把目标落到实处"), None);
        assert_eq!(judgement_end("开展活动是一次大考"), None);
    }

    #[test]
    fn a_full_name_that_repeats_the_name_is_the_same() {
        assert!(says_the_same(
            "夏季治安打击整治行动",
            "2023年夏季治安打击整治行动"
        ));
        assert!(says_the_same(
            "创建全国文明城市集中攻坚行动",
            "创建全国文明城市集中攻坚"
        ));
        assert!(says_the_same("两学一做", "“两学一做”学习教育"));
        assert!(!says_the_same(
            "创先争优",
            "创建先进基层党组织、争当优秀共产党员"
        ));
    }

    #[test]
    fn milestones_split_into_occasions_and_targets() {
        assert!(is_occasion("建党90周年"));
        assert!(is_occasion("党的十八大"));
        assert!(is_occasion("北京奥运会"));
        assert!(!is_occasion("全年安全生产目标"));
    }
}
