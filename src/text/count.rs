//! The counts a text announces: “讲三点意见”, “分三个阶段”, “三项工作”,
//! “五个好”, each with what it counts and its number (none for 几). Lint's
//! `count.*` rules check them against what follows; `bigan import` finds
//! the points a 范文 announces.

use crate::zh;

/// What a count counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// 讲三点意见
    Points,
    /// 分三个阶段
    Phases,
    /// 三项工作, 三个方面, 三条措施
    Items,
    /// 五个好, 五带头, 四句话 (only with 即/： and a list)
    List,
}

/// A count found in a line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Claim {
    pub kind: Kind,
    /// `None` for 几 (a count never filled in).
    pub number: Option<u64>,
    /// Where the numeral starts and the counted phrase ends.
    pub start: usize,
    pub numeral_end: usize,
    pub end: usize,
    /// The phrase as written: 讲三点意见, 五个好.
    pub text: String,
}

impl Claim {
    /// The numeral as written in the phrase: 三 in 讲三点意见.
    pub fn numeral(&self) -> String {
        self.text
            .chars()
            .skip_while(|c| !is_numeral(*c))
            .take_while(|c| is_numeral(*c))
            .collect()
    }
}

const POINT_NOUNS: [&str; 8] = [
    "意见", "要求", "看法", "体会", "建议", "希望", "想法", "意思",
];
const RULE_NOUNS: [&str; 8] = [
    "意见", "措施", "要求", "原则", "建议", "举措", "做法", "经验",
];
const SPEAK: [char; 5] = ['讲', '谈', '提', '说', '强'];

fn is_numeral(c: char) -> bool {
    "一二两三四五六七八九十百".contains(c) || c.is_ascii_digit() || c == '几'
}

fn starts(chars: &[char], at: usize, word: &str) -> bool {
    (at..)
        .zip(word.chars())
        .all(|(i, w)| chars.get(i) == Some(&w))
}

/// How far the counted noun runs after `at`: Han characters and a closing
/// quote, at most `max`.
fn noun_end(chars: &[char], at: usize, max: usize) -> usize {
    let mut i = at;
    while i < chars.len()
        && i - at < max
        && (zh::is_han(chars[i]) || matches!(chars[i], '”' | '’' | '‛' | '"'))
    {
        if matches!(chars[i], '”' | '’' | '‛' | '"') {
            return i + 1;
        }
        i += 1;
    }
    i
}

/// Names that hold a numeral but promise no list after them: 中央八项规定
/// is the name of a set of rules, and a speech about its 学习教育 goes on
/// to five points or three without miscounting anything.
const NAMES: &[&str] = &["八项规定"];

/// Every count in a line.
pub fn claims(chars: &[char]) -> Vec<Claim> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let prev = i.checked_sub(1).map(|p| chars[p]);
        if !is_numeral(c)
            || prev.is_some_and(|p| is_numeral(p) || p == '第' || p == '.')
            || NAMES.iter().any(|name| starts(chars, i, name))
        {
            i += 1;
            continue;
        }
        let run_end = i + chars[i..].iter().take_while(|c| is_numeral(**c)).count();
        let run: String = chars[i..run_end].iter().collect();
        let number = if run == "几" {
            None
        } else if run.chars().all(|c| c.is_ascii_digit()) {
            run.parse().ok()
        } else if run.contains('几') || run.chars().any(|c| c.is_ascii_digit()) {
            i = run_end;
            continue;
        } else {
            zh::parse_numeral(&run)
        };
        if number.is_some_and(|n| n < 2) {
            i = run_end;
            continue;
        }
        let before: String = chars[i.saturating_sub(3)..i].iter().collect();
        let spoken = before.chars().any(|c| SPEAK.contains(&c));
        let split_len = ["划分为", "分为", "分"]
            .iter()
            .find(|w| before.ends_with(*w))
            .map_or(0, |w| w.chars().count());
        let split = split_len > 0;
        let j = run_end;
        let found = counted(chars, j, number, spoken, split, &before);
        if let Some((kind, end)) = found {
            let from = if spoken && kind == Kind::Points {
                i - before
                    .chars()
                    .rev()
                    .take_while(|c| !SPEAK.contains(c))
                    .count()
                    - 1
            } else {
                i
            };
            let from = if kind == Kind::Phases && split {
                i - split_len
            } else {
                from
            };
            out.push(Claim {
                kind,
                number,
                start: i,
                numeral_end: run_end,
                end,
                text: chars[from..end]
                    .iter()
                    .collect::<String>()
                    .trim_end_matches(['”', '’', '‛', '"'])
                    .to_owned(),
            });
            i = end;
        } else {
            i = run_end;
        }
    }
    out
}

/// What a numeral ending at `j` counts, and where the count ends: 三点意见,
/// 分两个阶段, 三个方面, 五项, 三条措施, 四个好… `spoken` when a verb of
/// speaking stands before (讲三点), `split` when 分 does (分三步);
/// `number` is the numeral's value (`None` for 几), `before` the text
/// just before it.
fn counted(
    chars: &[char],
    j: usize,
    number: Option<u64>,
    spoken: bool,
    split: bool,
    before: &str,
) -> Option<(Kind, usize)> {
    if starts(chars, j, "点") && !chars.get(j + 1).is_some_and(|c| "钟半多".contains(*c)) {
        let noun = POINT_NOUNS.iter().find(|w| starts(chars, j + 1, w));
        match noun {
            Some(w) => Some((Kind::Points, j + 1 + w.chars().count())),
            None if spoken => Some((Kind::Points, j + 1)),
            None => None,
        }
    } else if starts(chars, j, "个阶段") {
        Some((Kind::Phases, j + 3))
    } else if (starts(chars, j, "阶段") || starts(chars, j, "步")) && split {
        Some((Kind::Phases, j + if starts(chars, j, "步") { 1 } else { 2 }))
    } else if starts(chars, j, "个方面") {
        Some((Kind::Items, j + 3))
    } else if starts(chars, j, "方面") {
        // 三方面工作: the count is 三方面, not 三方面工.
        Some((Kind::Items, j + 2))
    } else if starts(chars, j, "项") {
        Some((Kind::Items, noun_end(chars, j + 1, 4)))
    } else if starts(chars, j, "条") && RULE_NOUNS.iter().any(|w| starts(chars, j + 1, w)) {
        Some((Kind::Items, j + 3))
    } else if [
        "个", "大", "带头", "到位", "句话", "好", "要", "不", "无", "种", "类",
    ]
    .iter()
    .any(|w| starts(chars, j, w))
        && number.is_some()
        && !party_congress(before, chars, j)
    {
        Some((Kind::List, noun_end(chars, j, 6)))
    } else {
        None
    }
}

/// "党的十八大", "第十七次代表大会": a congress's ordinal, not a count.
fn party_congress(before: &str, chars: &[char], j: usize) -> bool {
    starts(chars, j, "大") && (before.ends_with("党的") || before.ends_with('第'))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chars(s: &str) -> Vec<char> {
        s.chars().collect()
    }

    #[test]
    fn the_eight_rules_are_a_name_not_a_count() {
        let line: Vec<char> = "开展深入贯彻中央八项规定精神学习教育，下面我讲五点意见。"
            .chars()
            .collect();
        let found = claims(&line);
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].number, Some(5));
        assert!(claims(&"落实八项措施".chars().collect::<Vec<_>>()).len() == 1);
    }

    #[test]
    fn finds_counts_and_their_kinds() {
        let c = claims(&chars("下面，我讲三点意见。"));
        assert_eq!(c.len(), 1);
        assert_eq!((c[0].kind, c[0].number), (Kind::Points, Some(3)));
        assert_eq!(c[0].text, "讲三点意见");
        let c = claims(&chars("活动分四个阶段进行"));
        assert_eq!((c[0].kind, c[0].number), (Kind::Phases, Some(4)));
        assert_eq!(c[0].text, "分四个阶段");
        let c = claims(&chars("主要抓好两项工作："));
        assert_eq!((c[0].kind, c[0].number), (Kind::Items, Some(2)));
        let c = claims(&chars("做到“五个好”，即"));
        assert_eq!((c[0].kind, c[0].number), (Kind::List, Some(5)));
        // The claim ends after the quote that closes its noun.
        assert_eq!((c[0].start, c[0].numeral_end, c[0].end), (3, 4, 7));
        assert_eq!(c[0].text, "五个好");
        let c = claims(&chars("我讲几点意见"));
        assert_eq!(c[0].number, None);
    }

    #[test]
    fn the_noun_after_xiang_is_read_to_four_characters_or_the_line_end() {
        let text = |s: &str| {
            claims(&chars(s))
                .into_iter()
                .map(|c| c.text)
                .collect::<Vec<_>>()
        };
        assert_eq!(text("完成三项工作任务要求"), ["三项工作任务"]);
        assert_eq!(text("抓好三项工作"), ["三项工作"]);
    }

    /// Each claim in `s`: its kind, number and phrase.
    fn found(s: &str) -> Vec<(Kind, Option<u64>, String)> {
        claims(&chars(s))
            .into_iter()
            .map(|c| (c.kind, c.number, c.text))
            .collect()
    }

    fn one(kind: Kind, n: u64, text: &str) -> Vec<(Kind, Option<u64>, String)> {
        vec![(kind, Some(n), text.to_owned())]
    }

    #[test]
    fn each_phrase_is_read_to_its_end() {
        use Kind::*;
        // Points: the verb of speaking and what stands between is kept.
        assert_eq!(found("我讲三点。"), one(Points, 3, "讲三点"));
        assert_eq!(found("我讲了三点意见"), one(Points, 3, "讲了三点意见"));
        assert_eq!(found("形成三点意见"), one(Points, 3, "三点意见"));
        assert_eq!(found("共三点。"), []);
        assert_eq!(found("他说三点半到"), []);
        // Phases: 分 is kept; without it 三阶段 counts nothing.
        assert_eq!(found("活动分三步进行"), one(Phases, 3, "分三步"));
        assert_eq!(found("活动分两阶段进行"), one(Phases, 2, "分两阶段"));
        assert_eq!(found("完成三阶段任务"), []);
        // Items: 分为 belongs to phases only.
        assert_eq!(found("任务分为三项工作"), one(Items, 3, "三项工作"));
        assert_eq!(found("要讲好三项工作"), one(Items, 3, "三项工作"));
        assert_eq!(found("抓好三个方面工作"), one(Items, 3, "三个方面"));
        assert_eq!(found("抓好三方面工作"), one(Items, 3, "三方面"));
        assert_eq!(found("落实三条措施要求"), one(Items, 3, "三条措施"));
        assert_eq!(found("流经三条河"), []);
        // A numeral with 几 or digits mixed in is no count.
        assert_eq!(found("完成十几项工作"), []);
        // A congress's ordinal is no list; a count after 党的 still is.
        assert_eq!(found("迎接党的十八大"), []);
        assert_eq!(found("党的三个代表"), one(List, 3, "三个代表"));
    }

    #[test]
    fn the_numeral_as_written() {
        let numeral = |s: &str| claims(&chars(s))[0].numeral();
        assert_eq!(numeral("我讲三点意见"), "三");
        assert_eq!(numeral("完成二十三项工作"), "二十三");
        assert_eq!(numeral("分12个阶段"), "12");
        assert_eq!(numeral("讲几点意见"), "几");
    }

    #[test]
    fn times_ordinals_and_ones_are_not_counts() {
        assert!(claims(&chars("下午三点钟开会")).is_empty());
        assert!(claims(&chars("第三点意见")).is_empty());
        assert!(claims(&chars("一个好的开端")).is_empty());
    }
}
