//! How running Chinese text quotes, titles and enumerates, after
//! GB/T 15834-2011: quotation marks and book-title marks nested by level
//! (“‘“”’”, 《〈《》〉》), and lists joined so that no item is read as two
//! and no phrase reads 和…和.
//!
//! Templates reach these through the `quoted`, `titled`, `series` and
//! `and_list` filters; lint uses the same scanners to find what they would
//! have fixed, so a draft bigan writes and a draft lint passes agree.

/// A pair of marks that nest by alternating two forms: the outer form at
/// odd depths (1, 3, …), the inner form at even depths.
#[derive(Debug, Clone, Copy)]
pub struct Nesting {
    pub outer: (char, char),
    pub inner: (char, char),
}

/// GB/T 15834-2011 4.8.3.4: inside “…” use ‘…’ (and “…” again inside that).
pub const QUOTES: Nesting = Nesting {
    outer: ('“', '”'),
    inner: ('‘', '’'),
};

/// GB/T 15834-2011 4.15.3.5: inside 《…》 use 〈…〉.
pub const TITLES: Nesting = Nesting {
    outer: ('《', '》'),
    inner: ('〈', '〉'),
};

impl Nesting {
    fn opens(self, c: char) -> bool {
        c == self.outer.0 || c == self.inner.0
    }

    fn closes(self, c: char) -> bool {
        c == self.outer.1 || c == self.inner.1
    }

    /// The marks for `depth` (1 is the outermost).
    fn at(self, depth: usize) -> (char, char) {
        if !depth.is_multiple_of(2) {
            self.outer
        } else {
            self.inner
        }
    }

    /// Wraps `text` in this pair and renests every mark inside it one
    /// level down. Text already wrapped as a whole is not wrapped twice.
    pub fn wrap(self, text: &str) -> String {
        let text = text.trim();
        let inner = self.unwrap(text).unwrap_or(text);
        let (open, close) = self.at(1);
        let mut out = String::with_capacity(inner.len() + 8);
        out.push(open);
        out.push_str(&self.renest(inner, 1));
        out.push(close);
        out
    }

    /// The text inside an outer pair that encloses all of `text`.
    fn unwrap(self, text: &str) -> Option<&str> {
        let mut chars = text.char_indices();
        let (_, first) = chars.next()?;
        if !self.opens(first) {
            return None;
        }
        let mut depth = 0usize;
        for (i, c) in text.char_indices() {
            if self.opens(c) {
                depth += 1;
            } else if self.closes(c) {
                depth = depth.saturating_sub(1);
                if depth == 0 {
                    let end = i + c.len_utf8();
                    return (end == text.len()).then(|| &text[first.len_utf8()..i]);
                }
            }
        }
        None
    }

    /// `text` as it stands at `depth`, its own marks one level deeper. A
    /// close with no open before it is left as it is.
    fn renest(self, text: &str, depth: usize) -> String {
        let mut level = depth;
        let mut out = String::with_capacity(text.len());
        for c in text.chars() {
            if self.opens(c) {
                level += 1;
                out.push(self.at(level).0);
            } else if self.closes(c) && level > depth {
                out.push(self.at(level).1);
                level -= 1;
            } else {
                out.push(c);
            }
        }
        out
    }

    /// Where `text` uses the outer form inside the outer form, or the inner
    /// form at the top (“甲“乙”丙”, 《关于印发《方案》的通知》): the char
    /// index of each mark standing at the wrong level.
    pub fn misnested(self, chars: &[char]) -> Vec<usize> {
        let mut out = Vec::new();
        let mut depth = 0usize;
        for (i, &c) in chars.iter().enumerate() {
            if self.opens(c) {
                depth += 1;
                if c != self.at(depth).0 {
                    out.push(i);
                }
            } else if self.closes(c) && depth > 0 {
                depth -= 1;
            }
        }
        out
    }
}

/// `“text”`, with the quotation marks inside turned to ‘…’ (GB/T 15834-2011
/// 4.8.3.4). Straight quotes `"…"` inside count as quotation marks.
pub fn quoted(text: &str) -> String {
    QUOTES.wrap(&curl_straight_quotes(text))
}

/// `《text》`, with the book-title marks inside turned to 〈…〉
/// (GB/T 15834-2011 4.15.3.5).
pub fn titled(text: &str) -> String {
    TITLES.wrap(text)
}

/// Straight double quotes as curly ones, open and close by turns, when
/// they pair up.
fn curl_straight_quotes(text: &str) -> String {
    if !text.contains('"') || !text.matches('"').count().is_multiple_of(2) {
        return text.to_owned();
    }
    let mut open = true;
    text.chars()
        .map(|c| {
            if c != '"' {
                return c;
            }
            let curly = if open { '“' } else { '”' };
            open = !open;
            curly
        })
        .collect()
}

/// Words in which 和 is not the conjunction "and": 和谐, 和平, 总和, 温和…
const HE_WORDS: &[&str] = &[
    "和谐",
    "和平",
    "和睦",
    "和蔼",
    "和煦",
    "和衷共济",
    "和而不同",
    "和风细雨",
    "和悦",
    "和缓",
    "和盘托出",
    "和弦",
    "祥和",
    "温和",
    "柔和",
    "缓和",
    "附和",
    "总和",
    "饱和",
    "暖和",
    "随和",
    "谦和",
    "共和国",
    "政通人和",
    "心平气和",
    "一团和气",
    "掺和",
    "搅和",
    "唱和",
    "亲和力",
];

/// The char indices of each 和 in `chars` that is the conjunction "and",
/// not part of a word such as 和谐 or 总和.
pub fn conjunction_he(chars: &[char]) -> Vec<usize> {
    let mut out = Vec::new();
    for (i, &c) in chars.iter().enumerate() {
        if c != '和' {
            continue;
        }
        let in_word = HE_WORDS.iter().any(|w| {
            let word: Vec<char> = w.chars().collect();
            word.iter()
                .enumerate()
                .filter(|&(_, &wc)| wc == '和')
                .any(|(k, _)| i >= k && chars.get(i - k..i - k + word.len()) == Some(&word[..]))
        });
        // 和平 is a word, but 社会和平安 is 社会 和 平安.
        let before_ping_word = chars.get(i + 1) == Some(&'平')
            && chars
                .get(i + 2)
                .is_some_and(|c| "安等衡台稳时均价".contains(*c));
        if !in_word || before_ping_word {
            out.push(i);
        }
    }
    out
}

/// Whether `text` holds the conjunction 和.
pub fn holds_he(text: &str) -> bool {
    let chars: Vec<char> = text.chars().collect();
    !conjunction_he(&chars).is_empty()
}

/// Items as an enumeration names them: 甲、乙、丙. When an item holds a 顿号
/// itself, the items are joined with 分号 (讲政治、有信念；讲规矩、有纪律),
/// so that no item reads as two (GB/T 15834-2011 4.6.3.3). Quoted items
/// stand side by side without 顿号 (“甲”“乙”, GB/T 15834-2011 4.5.3.5).
/// Each item's final punctuation is dropped.
pub fn series<S: AsRef<str>>(items: &[S], quote: bool) -> String {
    let items: Vec<&str> = items.iter().map(|s| crate::zh::bare(s.as_ref())).collect();
    if quote {
        return items.iter().map(|i| quoted(i)).collect();
    }
    if items.iter().any(|i| i.contains('、')) {
        items.join("；")
    } else {
        crate::zh::join_list(&items)
    }
}

/// Noun phrases joined as running text joins them: 甲和乙, 甲、乙和丙.
/// When an item already holds 和, the last join is 以及, so no phrase reads
/// 和…和 (各院级党组织和全校各级党组织以及广大党员); when an item holds a
/// 顿号, the items are set apart with 逗号 (县直各单位、各乡镇，驻县单位，以及…).
/// `quote` wraps each item in “…”, with no 顿号 between them.
pub fn and_list<S: AsRef<str>>(items: &[S], quote: bool) -> String {
    let items: Vec<String> = items
        .iter()
        .map(|s| crate::zh::bare(s.as_ref()))
        .map(|s| if quote { quoted(s) } else { s.to_owned() })
        .collect();
    let Some((last, rest)) = items.split_last() else {
        return String::new();
    };
    if rest.is_empty() {
        return last.clone();
    }
    let holds_dun = !quote && items.iter().any(|i| i.contains('、'));
    if holds_dun && rest.len() > 1 {
        return format!("{}，以及{last}", rest.join("，"));
    }
    let and = if items.iter().any(|i| holds_he(i)) {
        "以及"
    } else {
        "和"
    };
    let sep = if quote { "" } else { "、" };
    format!("{}{and}{last}", rest.join(sep))
}

/// A 发文字号 with its year in 六角括号 〔〕 as GB/T 9704-2012 7.2.5 writes
/// it, whatever brackets were typed around the four-digit year:
/// 院党委发[2010]15号 → 院党委发〔2010〕15号.
pub fn doc_number(number: &str) -> String {
    const OPEN: [char; 6] = ['[', '［', '(', '（', '【', '﹝'];
    const CLOSE: [char; 6] = [']', '］', ')', '）', '】', '﹞'];
    let chars: Vec<char> = number.chars().collect();
    let mut out = chars.clone();
    for (i, c) in chars.iter().enumerate() {
        let Some(k) = OPEN.iter().position(|o| o == c) else {
            continue;
        };
        let year = chars.get(i + 1..i + 5);
        if year.is_some_and(|y| y.iter().all(char::is_ascii_digit))
            && chars.get(i + 5) == Some(&CLOSE[k])
        {
            out[i] = '〔';
            out[i + 5] = '〕';
            break;
        }
    }
    out.into_iter().collect()
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_document_numbers_year_takes_hexagonal_brackets() {
        assert_eq!(
            super::doc_number("院党委发[2010]15号"),
            "院党委发〔2010〕15号"
        );
        assert_eq!(
            super::doc_number("院党委发（2010）15号"),
            "院党委发〔2010〕15号"
        );
        assert_eq!(
            super::doc_number("院党委发〔2010〕15号"),
            "院党委发〔2010〕15号"
        );
        assert_eq!(super::doc_number("第(3)号"), "第(3)号");
        // Four digits not closed right after are not the year of a 发文字号.
        assert_eq!(super::doc_number("(2010年)"), "(2010年)");
    }

    use super::*;
    use proptest::prelude::*;

    #[test]
    fn quotes_inside_quotes_turn_single() {
        assert_eq!(quoted("两学一做"), "“两学一做”");
        assert_eq!(
            quoted("坚定理想信念、增强“四个意识”"),
            "“坚定理想信念、增强‘四个意识’”"
        );
        // Already single inside, or already wrapped: left right.
        assert_eq!(quoted("增强‘四个意识’"), "“增强‘四个意识’”");
        assert_eq!(quoted("“两学一做”"), "“两学一做”");
        assert_eq!(quoted("“增强“四个意识””"), "“增强‘四个意识’”");
        // Three levels alternate back to double.
        assert_eq!(quoted("甲“乙‘丙’乙”甲"), "“甲‘乙“丙”乙’甲”");
        // Straight quotes typed in a profile.
        assert_eq!(quoted("增强\"四个意识\""), "“增强‘四个意识’”");
        // Two quoted parts side by side are not one wrapped whole.
        assert_eq!(quoted("“甲”和“乙”"), "“‘甲’和‘乙’”");
    }

    #[test]
    fn titles_inside_titles_turn_single() {
        assert_eq!(
            titled("关于印发《临江区实施方案》的通知"),
            "《关于印发〈临江区实施方案〉的通知》"
        );
        assert_eq!(
            titled("《党政机关公文处理工作条例》"),
            "《党政机关公文处理工作条例》"
        );
        assert_eq!(
            titled("转发〈关于转发国务院《关于…的决定》的通知〉的通知"),
            "《转发〈关于转发国务院《关于…的决定》的通知〉的通知》"
        );
    }

    #[test]
    fn misnested_marks_are_found() {
        let chars: Vec<char> = "“坚定理想信念、增强“四个意识”…”".chars().collect();
        assert_eq!(QUOTES.misnested(&chars), [10]);
        let chars: Vec<char> = "《关于印发《临江区实施方案》的通知》".chars().collect();
        assert_eq!(TITLES.misnested(&chars), [5]);
        let fine: Vec<char> = "“甲‘乙’丙”和“丁”，《关于〈方案〉的通知》".chars().collect();
        assert!(QUOTES.misnested(&fine).is_empty());
        assert!(TITLES.misnested(&fine).is_empty());
    }

    #[test]
    fn he_as_a_conjunction() {
        let chars: Vec<char> = "构建和谐社会和平安校园".chars().collect();
        assert_eq!(conjunction_he(&chars), [6]);
        let chars: Vec<char> = "维护世界和平和地区稳定".chars().collect();
        assert_eq!(conjunction_he(&chars), [6]);
        assert!(holds_he("全校各级党组织和广大党员"));
        assert!(!holds_he("促进社会和谐"));
        assert!(!holds_he("维护世界和平"));
    }

    #[test]
    fn series_keeps_items_whole() {
        assert_eq!(series(&["讲政治", "有信念"], false), "讲政治、有信念");
        assert_eq!(
            series(
                &["讲政治、有信念", "讲规矩、有纪律", "讲道德、有品行。"],
                false
            ),
            "讲政治、有信念；讲规矩、有纪律；讲道德、有品行"
        );
        assert_eq!(
            series(&["宣传发动", "组织实施"], true),
            "“宣传发动”“组织实施”"
        );
        assert_eq!(series::<&str>(&[], false), "");
    }

    #[test]
    fn and_list_never_reads_he_twice() {
        assert_eq!(and_list(&["甲"], false), "甲");
        assert_eq!(
            and_list(&["各党支部", "全体党员"], false),
            "各党支部和全体党员"
        );
        assert_eq!(and_list(&["甲", "乙", "丙"], false), "甲、乙和丙");
        assert_eq!(
            and_list(&["各院级党组织", "全校各级党组织和广大党员"], false),
            "各院级党组织以及全校各级党组织和广大党员"
        );
        assert_eq!(
            and_list(&["建党90周年", "党的十八大"], true),
            "“建党90周年”和“党的十八大”"
        );
        assert_eq!(
            and_list(&["县直各单位、各乡镇", "驻县单位", "全体干部"], false),
            "县直各单位、各乡镇，驻县单位，以及全体干部"
        );
        assert_eq!(
            and_list(&["构建和谐社会", "平安建设"], false),
            "构建和谐社会和平安建设"
        );
    }

    #[test]
    fn marks_that_do_not_pair_are_left_as_they_are() {
        // A close with no open, an odd straight quote: nothing to renest,
        // and lint points them out.
        assert_eq!(quoted("甲”乙"), "“甲”乙”");
        assert_eq!(quoted("增强\"四个意识"), "“增强\"四个意识”");
        assert_eq!(titled("甲》乙"), "《甲》乙》");
        // A stray close of the inner form, alone or after a pair that
        // closed, keeps its form too.
        assert_eq!(quoted("甲’乙"), "“甲’乙”");
        assert_eq!(quoted("“甲”乙’"), "“‘甲’乙’”");
        // A whole wrapped in the inner form is the quotation itself.
        assert_eq!(quoted("‘两学一做’"), "“两学一做”");
        assert_eq!(titled("《甲》《乙》"), "《〈甲〉〈乙〉》");
    }

    #[test]
    fn misnesting_is_found_at_each_depth() {
        let at = |nesting: Nesting, s: &str| nesting.misnested(&s.chars().collect::<Vec<_>>());
        assert_eq!(at(QUOTES, "‘甲’"), [0]);
        assert_eq!(at(QUOTES, "“甲‘乙‘丙’乙’甲”"), [4]);
        assert!(at(QUOTES, "“甲‘乙“丙”乙’甲”").is_empty());
        assert!(at(QUOTES, "”甲“乙”").is_empty());
        // A stray close after a pair shifts no level after it.
        assert!(at(QUOTES, "“甲””乙“丙”").is_empty());
        assert!(at(QUOTES, "“甲”“乙”").is_empty());
        assert_eq!(at(TITLES, "〈甲〉《乙》"), [0]);
    }

    #[test]
    fn he_at_the_edges_of_a_phrase() {
        let he = |s: &str| conjunction_he(&s.chars().collect::<Vec<_>>());
        assert_eq!(he("和"), [0]);
        assert_eq!(he("甲和乙"), [1]);
        assert_eq!(he("和平安"), [0]);
        assert!(he("政通人和和谐").is_empty());
        assert!(he("总和").is_empty());
    }

    #[test]
    fn two_items_holding_dunhao_join_with_he() {
        assert_eq!(
            and_list(&["县直各单位、各乡镇", "驻县单位"], false),
            "县直各单位、各乡镇和驻县单位"
        );
        // Quoted, a 顿号 inside an item cannot be misread.
        assert_eq!(
            and_list(&["甲、乙", "丙", "丁"], true),
            "“甲、乙”“丙”和“丁”"
        );
        assert_eq!(and_list::<&str>(&[], false), "");
    }

    fn phrase() -> impl Strategy<Value = String> {
        proptest::collection::vec(
            prop_oneof![
                Just("甲"),
                Just("乙"),
                Just("和"),
                Just("和谐"),
                Just("、"),
                Just("团结"),
            ],
            1..5,
        )
        .prop_map(|parts| parts.concat())
    }

    /// Text whose quotation and book-title marks pair up, each pair in
    /// either form, nested at random.
    fn balanced() -> impl Strategy<Value = String> {
        let leaf = prop_oneof![
            Just(String::new()),
            Just("甲".to_owned()),
            Just("乙".to_owned())
        ];
        leaf.prop_recursive(4, 24, 3, |inner| {
            prop_oneof![
                proptest::collection::vec(inner.clone(), 1..3).prop_map(|v| v.concat()),
                (inner, 0..4usize).prop_map(|(s, k)| {
                    let (open, close) = [('“', '”'), ('‘', '’'), ('《', '》'), ('〈', '〉')][k];
                    format!("{open}{s}{close}")
                }),
            ]
        })
    }

    proptest! {
        /// However the items are written, the joined phrase never holds the
        /// conjunction 和 more often than its items do plus one, and never
        /// twice when some item already holds it.
        #[test]
        fn and_list_adds_at_most_one_he(items in proptest::collection::vec(phrase(), 1..5)) {
            let inside: usize = items.iter().map(|i| {
                conjunction_he(&crate::zh::bare(i).chars().collect::<Vec<_>>()).len()
            }).sum();
            let joined: Vec<char> = and_list(&items, false).chars().collect();
            let added = conjunction_he(&joined).len() - inside;
            prop_assert!(added <= 1);
            if inside > 0 {
                prop_assert_eq!(added, 0);
            }
        }

        /// Wrapping twice changes nothing, and what comes out is nested right,
        /// however the marks inside were nested.
        #[test]
        fn wrapping_is_idempotent_and_well_nested(s in balanced()) {
            for nesting in [QUOTES, TITLES] {
                let once = nesting.wrap(&s);
                prop_assert_eq!(nesting.wrap(&once), once.clone());
                let chars: Vec<char> = once.chars().collect();
                prop_assert!(nesting.misnested(&chars).is_empty(), "{}", once);
            }
        }
    }
}
