//! Chinese numerals, the numbering markers of the genre, and punctuation.
//!
//! Everything a template counts goes through here, so "我讲三点意见" and the
//! headings that follow it come from the same arithmetic.

use std::fmt::Write as _;

const DIGITS: [char; 10] = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
const UNITS: [char; 4] = ['\0', '十', '百', '千'];

/// The largest number [`numeral`] writes; past it the Arabic form is returned.
pub const NUMERAL_MAX: u64 = 99_999_999;

/// Writes `n` in Chinese numerals as a speaker says it: 1 → 一, 10 → 十,
/// 11 → 十一, 20 → 二十, 101 → 一百零一, 10010 → 一万零一十.
///
/// A leading 一十 is shortened to 十 only for 10–19, as in speech; inside a
/// larger number the 一 stays (一百一十).
pub fn numeral(n: u64) -> String {
    if n == 0 {
        return "零".to_owned();
    }
    if n > NUMERAL_MAX {
        return n.to_string();
    }
    let high = n / 10_000;
    let low = n % 10_000;
    let mut out = String::new();
    if high > 0 {
        out.push_str(&below_ten_thousand(high, true));
        out.push('万');
        if low > 0 {
            // 一万零五百, 一万零一十: a gap below the thousands place is spoken.
            if low < 1000 {
                out.push('零');
            }
            out.push_str(&below_ten_thousand(low, false));
        }
    } else {
        out.push_str(&below_ten_thousand(low, true));
    }
    out
}

/// 1..=9999 without the 万 group. `leading` says whether this group starts
/// the number, which is when 一十 shortens to 十.
fn below_ten_thousand(n: u64, leading: bool) -> String {
    debug_assert!(n > 0 && n < 10_000);
    let digits = [n / 1000, n / 100 % 10, n / 10 % 10, n % 10];
    let mut out = String::new();
    let mut pending_zero = false;
    let mut started = false;
    for (i, &d) in digits.iter().enumerate() {
        let place = 3 - i;
        if d == 0 {
            pending_zero = started;
            continue;
        }
        if pending_zero {
            out.push('零');
            pending_zero = false;
        }
        let short_ten = place == 1 && d == 1 && !started && leading;
        if !short_ten {
            out.push(DIGITS[d as usize]);
        }
        if place > 0 {
            out.push(UNITS[place]);
        }
        started = true;
    }
    out
}

/// A count before a measure word, where two is 两: 分两个阶段, 讲两点意见,
/// but 十二个, 二十个.
pub fn count(n: u64) -> String {
    if n == 2 { "两".to_owned() } else { numeral(n) }
}

/// The marker styles a template can ask for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Marker {
    /// GB/T 9704-2012 7.3.3 first level: 一、
    Level1,
    /// Second level: （一）
    Level2,
    /// Third level: 1.
    Level3,
    /// Fourth level: （1）
    Level4,
    /// Spoken enumeration of reasons: 第一，
    Di,
    /// Spoken enumeration inside a paragraph: 一是
    Yishi,
    /// Phase ordinal: 第一阶段
    Phase,
}

impl Marker {
    /// Parses the names used in templates: `1`…`4`, `di`, `yishi`, `phase`.
    pub fn parse(name: &str) -> Option<Marker> {
        Some(match name {
            "1" => Marker::Level1,
            "2" => Marker::Level2,
            "3" => Marker::Level3,
            "4" => Marker::Level4,
            "di" => Marker::Di,
            "yishi" => Marker::Yishi,
            "phase" => Marker::Phase,
            _ => return None,
        })
    }

    /// The marker for the `index`-th item (1-based) at this level.
    pub fn render(self, index: u64) -> String {
        let n = numeral(index);
        let mut out = String::new();
        // write! to a String cannot fail.
        let _ = match self {
            Marker::Level1 => write!(out, "{n}、"),
            Marker::Level2 => write!(out, "（{n}）"),
            Marker::Level3 => write!(out, "{index}."),
            Marker::Level4 => write!(out, "（{index}）"),
            Marker::Di => write!(out, "第{n}，"),
            Marker::Yishi => write!(out, "{n}是"),
            Marker::Phase => write!(out, "第{n}阶段"),
        };
        out
    }
}

/// Reads a Chinese numeral back (一 → 1, 十二 → 12, 二十 → 20, 一百零一 → 101),
/// as lint and import need for "讲三点意见" or "五个好". Also takes 两 and 〇.
pub fn parse_numeral(s: &str) -> Option<u64> {
    if s.is_empty() {
        return None;
    }
    let mut total: u64 = 0;
    let mut section: u64 = 0;
    let mut digit: Option<u64> = None;
    for c in s.chars() {
        let d = match c {
            '零' | '〇' => Some(0),
            '一' => Some(1),
            '二' | '两' => Some(2),
            '三' => Some(3),
            '四' => Some(4),
            '五' => Some(5),
            '六' => Some(6),
            '七' => Some(7),
            '八' => Some(8),
            '九' => Some(9),
            _ => None,
        };
        if let Some(d) = d {
            digit = Some(d);
            continue;
        }
        let unit = match c {
            '十' => 10,
            '百' => 100,
            '千' => 1000,
            '万' => {
                section += digit.take().unwrap_or(0);
                total += section.max(1) * 10_000;
                section = 0;
                continue;
            }
            _ => return None,
        };
        section += digit.take().unwrap_or(1) * unit;
    }
    Some(total + section + digit.unwrap_or(0))
}

/// The value of a digit of a year written out (二〇一〇年): 〇 or 零 for
/// zero, 一 to 九.
pub fn year_digit(c: char) -> Option<u32> {
    match c {
        '〇' => Some(0),
        _ => DIGITS.iter().position(|&d| d == c).map(|v| v as u32),
    }
}

/// Whether `c` may stand in a month or a day written in numerals (一 to
/// 三十一): 一 to 九 and 十.
pub fn is_date_numeral(c: char) -> bool {
    c == '十' || DIGITS[1..].contains(&c)
}

/// Whether `c` may stand in a numeral as running text writes one (第十二,
/// 两百): the digits with 〇 and 两, 十 and 百.
pub fn is_numeral_char(c: char) -> bool {
    matches!(c, '〇' | '两' | '十' | '百') || DIGITS.contains(&c)
}

/// The number of at most `max` ASCII digits at `chars[at]`, and where it
/// ends: the 2010 of 2010年 (none when more than `max` digits stand there).
pub fn ascii_number(chars: &[char], at: usize, max: usize) -> Option<(u32, usize)> {
    let n = chars
        .get(at..)?
        .iter()
        .take_while(|c| c.is_ascii_digit())
        .count();
    if n == 0 || n > max {
        return None;
    }
    let s: String = chars[at..at + n].iter().collect();
    s.parse().ok().map(|v| (v, at + n))
}

/// Whether `c` is a Han character (the unified block and extension A).
pub fn is_han(c: char) -> bool {
    matches!(c, '\u{4e00}'..='\u{9fff}' | '\u{3400}'..='\u{4dbf}')
}

/// Counts the characters that make up a speech's length: Han characters and
/// full-width punctuation, as an office counts 字. Spaces, Markdown marks and
/// Latin text are not counted; digits count one each.
pub fn char_count(text: &str) -> usize {
    text.chars()
        .filter(|&c| is_han(c) || c.is_ascii_digit() || is_fullwidth_punct(c))
        .count()
}

/// How fast a speech is read aloud, in 字 a minute, when nobody says.
pub const SPEAKING_PACE: u32 = 200;

/// Minutes to read `chars` 字 aloud at `pace` 字 a minute, rounded up.
pub fn speaking_minutes(chars: usize, pace: u32) -> usize {
    chars.div_ceil(pace.max(1) as usize)
}

/// Full-width punctuation of Chinese text.
pub fn is_fullwidth_punct(c: char) -> bool {
    matches!(
        c,
        '，' | '。'
            | '、'
            | '；'
            | '：'
            | '？'
            | '！'
            | '“'
            | '”'
            | '‘'
            | '’'
            | '（'
            | '）'
            | '《'
            | '》'
            | '〔'
            | '〕'
            | '—'
            | '…'
            | '【'
            | '】'
    )
}

/// The full-width form of a half-width punctuation mark, where Chinese text
/// has one.
pub fn fullwidth(c: char) -> Option<char> {
    Some(match c {
        ',' => '，',
        ';' => '；',
        ':' => '：',
        '?' => '？',
        '!' => '！',
        '(' => '（',
        ')' => '）',
        _ => return None,
    })
}

/// Joins items the way an enumeration is written in running text: 甲、乙、丙.
pub fn join_list<S: AsRef<str>>(items: &[S]) -> String {
    let mut out = String::new();
    for (i, item) in items.iter().enumerate() {
        if i > 0 {
            out.push('、');
        }
        out.push_str(item.as_ref());
    }
    out
}

/// Strips trailing sentence punctuation so a template can add its own: a
/// profile value may or may not end in 。
pub fn bare(s: &str) -> &str {
    s.trim()
        .trim_end_matches(['。', '；', '，', '、', '！', '.', ';', ','])
        .trim_end()
}

/// A sentence cut after its first clause, for a list whose other items
/// have a heading: the clause as a run-in heading, the separator that
/// followed it (，；or 。) and the rest (empty when it is one clause).
/// 个别派出所警力不足，夜间巡逻存在空白时段 → (个别派出所警力不足, ，,
/// 夜间巡逻存在空白时段).
pub fn run_in(s: &str) -> (&str, &str, &str) {
    let s = bare(s);
    match s
        .char_indices()
        .find(|(_, c)| matches!(c, '，' | '；' | '。'))
    {
        Some((at, c)) => {
            let rest = bare(&s[at + c.len_utf8()..]);
            if rest.is_empty() {
                (&s[..at], "", "")
            } else {
                (&s[..at], &s[at..at + c.len_utf8()], rest)
            }
        }
        None => (s, "", ""),
    }
}

/// An organisation's name as the place a title names: a party committee
/// is said by its place (中共石门乡委员会 → 石门乡, 中共青山县委 → 青山县);
/// any other name stands as written.
pub fn place_name(name: &str) -> &str {
    let name = name.trim();
    let Some(rest) = name.strip_prefix("中共") else {
        return name;
    };
    ["委员会", "党委", "党工委", "委"]
        .iter()
        .filter_map(|tail| rest.strip_suffix(tail))
        .map(|p| p.strip_suffix("工作").unwrap_or(p))
        .find(|p| !p.is_empty())
        .unwrap_or(name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_sentence_runs_in_by_its_first_clause() {
        assert_eq!(run_in("甲乙，丙丁。"), ("甲乙", "，", "丙丁"));
        assert_eq!(run_in("甲乙。丙丁；戊"), ("甲乙", "。", "丙丁；戊"));
        assert_eq!(run_in("甲乙"), ("甲乙", "", ""));
        assert_eq!(run_in("甲乙，"), ("甲乙", "", ""));
    }

    #[test]
    fn a_party_committee_is_named_by_its_place() {
        assert_eq!(place_name("中共石门乡委员会"), "石门乡");
        assert_eq!(place_name("中共青山县委"), "青山县");
        assert_eq!(place_name("中共滨河街道工作委员会"), "滨河街道");
        assert_eq!(place_name("临江区滨河街道"), "临江区滨河街道");
        assert_eq!(place_name("中共"), "中共");
    }
    use proptest::prelude::*;

    #[test]
    fn numerals_as_spoken() {
        let cases = [
            (1, "一"),
            (2, "二"),
            (10, "十"),
            (11, "十一"),
            (19, "十九"),
            (20, "二十"),
            (21, "二十一"),
            (100, "一百"),
            (101, "一百零一"),
            (110, "一百一十"),
            (111, "一百一十一"),
            (1000, "一千"),
            (1001, "一千零一"),
            (1010, "一千零一十"),
            (1100, "一千一百"),
            (2024, "二千零二十四"),
            (9999, "九千九百九十九"),
            (10_000, "一万"),
            (10_010, "一万零一十"),
            (10_500, "一万零五百"),
            (15_000, "一万五千"),
            (100_000, "十万"),
            (110_000, "十一万"),
            (11_000, "一万一千"),
            (20_001, "二万零一"),
            (100_001, "十万零一"),
            (10_000_000, "一千万"),
            (NUMERAL_MAX, "九千九百九十九万九千九百九十九"),
        ];
        for (n, want) in cases {
            assert_eq!(numeral(n), want, "numeral({n})");
        }
        assert_eq!(numeral(0), "零");
        assert_eq!(numeral(NUMERAL_MAX + 1), (NUMERAL_MAX + 1).to_string());
    }

    #[test]
    fn counts_use_liang_for_two() {
        assert_eq!(count(2), "两");
        assert_eq!(count(3), "三");
        assert_eq!(count(12), "十二");
    }

    #[test]
    fn markers_of_each_level() {
        assert_eq!(Marker::Level1.render(3), "三、");
        assert_eq!(Marker::Level2.render(12), "（十二）");
        assert_eq!(Marker::Level3.render(4), "4.");
        assert_eq!(Marker::Level4.render(2), "（2）");
        assert_eq!(Marker::Di.render(2), "第二，");
        assert_eq!(Marker::Yishi.render(10), "十是");
        assert_eq!(Marker::Phase.render(3), "第三阶段");
        let names = [
            ("1", "一、"),
            ("2", "（一）"),
            ("3", "1."),
            ("4", "（1）"),
            ("di", "第一，"),
            ("yishi", "一是"),
            ("phase", "第一阶段"),
        ];
        for (name, first) in names {
            assert_eq!(
                Marker::parse(name).map(|m| m.render(1)).as_deref(),
                Some(first)
            );
        }
        assert_eq!(Marker::parse("5"), None);
        assert_eq!(Marker::parse(""), None);
    }

    #[test]
    fn parses_spoken_numerals() {
        assert_eq!(parse_numeral("三"), Some(3));
        assert_eq!(parse_numeral("两"), Some(2));
        assert_eq!(parse_numeral("十"), Some(10));
        assert_eq!(parse_numeral("二十"), Some(20));
        assert_eq!(parse_numeral("一百零一"), Some(101));
        assert_eq!(parse_numeral("十五"), Some(15));
        assert_eq!(parse_numeral("两百"), Some(200));
        assert_eq!(parse_numeral("一万零五百"), Some(10_500));
        assert_eq!(parse_numeral("三千零六"), Some(3006));
        assert_eq!(parse_numeral("三个"), None);
        assert_eq!(parse_numeral("几"), None);
        assert_eq!(parse_numeral(""), None);
    }

    #[test]
    fn every_digit_reads_back() {
        let digits = "零一二三四五六七八九";
        for (n, c) in digits.chars().enumerate() {
            assert_eq!(parse_numeral(&c.to_string()), Some(n as u64), "{c}");
            assert_eq!(
                parse_numeral(&format!("{c}十")),
                Some(n as u64 * 10),
                "{c}十"
            );
        }
        assert_eq!(parse_numeral("〇"), Some(0));
        assert_eq!(parse_numeral("两"), Some(2));
    }

    #[test]
    fn half_width_marks_and_their_full_width_forms() {
        let pairs = [
            (',', '，'),
            (';', '；'),
            (':', '：'),
            ('?', '？'),
            ('!', '！'),
            ('(', '（'),
            (')', '）'),
        ];
        for (half, full) in pairs {
            assert_eq!(fullwidth(half), Some(full), "{half}");
            assert!(is_fullwidth_punct(full), "{full}");
            assert!(!is_fullwidth_punct(half), "{half}");
        }
        assert_eq!(fullwidth('.'), None, "a full stop may be a decimal point");
        assert_eq!(fullwidth('a'), None);
        for full in "。、“”‘’《》〔〕—…【】".chars() {
            assert!(is_fullwidth_punct(full), "{full}");
        }
    }

    #[test]
    fn han_characters_and_extension_a() {
        assert!(is_han('中') && is_han('\u{3400}') && is_han('\u{9fff}'));
        assert!(!is_han('a') && !is_han('，') && !is_han('1'));
    }

    #[test]
    fn lists_join_with_dunhao() {
        assert_eq!(join_list(&["甲", "乙", "丙"]), "甲、乙、丙");
        assert_eq!(join_list(&["甲"]), "甲");
        assert_eq!(join_list::<&str>(&[]), "");
    }

    #[test]
    fn counts_characters_like_an_office() {
        assert_eq!(char_count("同志们：\n\n**一、** abc 2010年"), 11);
        assert_eq!(char_count("abc, def"), 0);
        assert_eq!(char_count("“好”。"), 4);
    }

    #[test]
    fn speaking_time_rounds_up() {
        assert_eq!(speaking_minutes(3562, SPEAKING_PACE), 18);
        assert_eq!(speaking_minutes(400, 200), 2);
        assert_eq!(speaking_minutes(10, 0), 10);
    }

    #[test]
    fn bare_drops_final_stop() {
        assert_eq!(bare("召开动员大会。"), "召开动员大会");
        assert_eq!(bare(" 甲 "), "甲");
        assert_eq!(bare("甲 ，"), "甲");
    }

    proptest! {
        #[test]
        fn numeral_round_trips(n in 1u64..=NUMERAL_MAX) {
            prop_assert_eq!(parse_numeral(&numeral(n)), Some(n));
        }

        #[test]
        fn numerals_are_all_han(n in 1u64..=NUMERAL_MAX) {
            prop_assert!(numeral(n).chars().all(is_han));
        }
    }
}
