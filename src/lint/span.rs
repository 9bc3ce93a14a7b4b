//! A span inside one month said as a range of months: "从今年9月到9月",
//! "9月—9月", "9月至9月中旬". A speaker says "9月份", or the days
//! ("9月1日至15日").

use super::{DATE_SPAN, Draft, Finding};

/// A month named at `at`: "9月", "九月", "9月份"; its number and where the
/// name ends. A month followed by a day (9月1日) or a part (9月中旬) is not
/// month-level and is `None`, as is a number of months (3个月).
fn month(chars: &[char], at: usize) -> Option<(u32, usize)> {
    // A month is at most two digits: read no further (this runs at every
    // place of a run of numerals, see text::scan).
    let n = chars[at..]
        .iter()
        .take(3)
        .take_while(|c| c.is_ascii_digit() || crate::zh::is_date_numeral(**c))
        .count();
    if n == 0 || n > 2 || chars.get(at + n) != Some(&'月') {
        return None;
    }
    if at > 0 && (chars[at - 1].is_ascii_digit() || crate::zh::is_date_numeral(chars[at - 1])) {
        return None;
    }
    let text: String = chars[at..at + n].iter().collect();
    let m = text
        .parse::<u32>()
        .ok()
        .or_else(|| crate::zh::parse_numeral(&text).and_then(|v| u32::try_from(v).ok()))?;
    (1..=12).contains(&m).then_some((m, at + n + 1))
}

/// The year words that may stand before a month: 今年, 2023年, or none.
fn year_before(chars: &[char], at: usize) -> Option<String> {
    if at >= 2
        && ["今年", "明年", "去年"]
            .iter()
            .any(|w| chars[at - 2..at].iter().collect::<String>() == *w)
    {
        return Some(chars[at - 2..at].iter().collect());
    }
    if at >= 5 && chars[at - 1] == '年' && chars[at - 5..at - 1].iter().all(char::is_ascii_digit) {
        return Some(chars[at - 5..at].iter().collect());
    }
    None
}

/// "…月" [份] (到|至|—|－|~) [year] "…月": the spans that name one month
/// twice, with where each starts.
pub(crate) fn month_ranges(chars: &[char]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    for at in 0..chars.len() {
        let Some((m, mut e)) = month(chars, at) else {
            continue;
        };
        if chars.get(e) == Some(&'份') {
            e += 1;
        }
        if !chars.get(e).is_some_and(|c| "到至—－-~～".contains(*c)) {
            continue;
        }
        let mut next = e + 1;
        let left_year = year_before(chars, at);
        let mut right_year = None;
        for w in ["今年", "明年", "去年"] {
            if chars[next..].starts_with(&w.chars().collect::<Vec<_>>()) {
                right_year = Some(w.to_owned());
                next += 2;
            }
        }
        if right_year.is_none()
            && chars
                .get(next..next + 5)
                .is_some_and(|y| y[..4].iter().all(char::is_ascii_digit) && y[4] == '年')
        {
            right_year = Some(chars[next..next + 5].iter().collect());
            next += 5;
        }
        let same_year = match (&left_year, &right_year) {
            (_, None) => true,
            (Some(l), Some(r)) => l == r,
            (None, Some(r)) => r == "今年",
        };
        // Only the number of the month on the right: 9月份, 9月底 and
        // 9月中旬 all end inside month m.
        let right = chars[next..]
            .iter()
            .take(3)
            .take_while(|c| c.is_ascii_digit() || crate::zh::is_date_numeral(**c))
            .count();
        let text: String = chars[next..next + right].iter().collect();
        let m2 = text
            .parse::<u32>()
            .ok()
            .or_else(|| crate::zh::parse_numeral(&text).and_then(|v| u32::try_from(v).ok()));
        if same_year && right > 0 && m2 == Some(m) && chars.get(next + right) == Some(&'月') {
            let ends_on_day = chars
                .get(next + right + 1)
                .is_some_and(char::is_ascii_digit);
            if !ends_on_day {
                out.push((at, next + right + 1));
            }
        }
    }
    out
}

pub(crate) fn check(draft: &Draft<'_>, out: &mut Vec<Finding>) {
    for (index, line) in draft.source.lines.iter().enumerate() {
        for (at, end) in month_ranges(&line.chars) {
            let text: String = line.chars[at..end].iter().collect();
            out.push(draft.finding(
                &DATE_SPAN,
                index,
                at,
                format!("“{text}”说的是同一个月里的一段时间，却写成了从一个月到一个月"),
                "整月写“9月份”；不到一个月写出日期，如“9月1日至15日”",
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(s: &str) -> Vec<String> {
        let chars: Vec<char> = s.chars().collect();
        month_ranges(&chars)
            .into_iter()
            .map(|(a, e)| chars[a..e].iter().collect())
            .collect()
    }

    #[test]
    fn one_month_said_as_a_range() {
        assert_eq!(found("时间是从今年9月到9月。"), ["9月到9月"]);
        assert_eq!(found("（2023年9月—9月）"), ["9月—9月"]);
        assert_eq!(found("从今年9月到9月中旬"), ["9月到9月"]);
        assert_eq!(found("九月至九月底"), ["九月至九月"]);
        assert_eq!(found("2023年9月—2023年9月"), ["9月—2023年9月"]);
    }

    #[test]
    fn real_ranges_pass() {
        for s in [
            "从今年7月到9月",
            "从今年9月到明年9月",
            "2010年9月—2011年9月",
            "9月1日至9月15日",
            "9月中旬到9月底",
            "9月份",
            "1至12月",
            "9月到9月15日",
            "19月",
        ] {
            assert!(found(s).is_empty(), "{s}");
        }
    }

    #[test]
    fn every_separator_and_the_year_words() {
        for sep in ["到", "至", "—", "－", "-", "~", "～"] {
            let s = format!("9月{sep}9月");
            assert_eq!(found(&s), [s]);
        }
        assert_eq!(found("9月份到9月"), ["9月份到9月"]);
        assert_eq!(found("9月到今年9月"), ["9月到今年9月"]);
        assert_eq!(found("去年9月到去年9月"), ["9月到去年9月"]);
        assert_eq!(found("10月至10月底"), ["10月至10月"]);
        assert_eq!(found("十二月至十二月"), ["十二月至十二月"]);
        assert_eq!(found("9月到09月"), ["9月到09月"]);
        assert_eq!(found("从九月到九月"), ["九月到九月"]);
        assert_eq!(found("时间是2023年9月—2023年9月"), ["9月—2023年9月"]);
        assert_eq!(found("9月到9月的全年"), ["9月到9月"]);
        for s in [
            "9月到2023年9月",
            "23年9月到2023年9月",
            "2023年9月到今年9月",
            "去年9月到今年9月",
            "今年9月到去年9月",
            "9月到明年9月",
            "9月、9月",
            "9月到",
            "9月到9",
            "9月到123月",
            "19月到9月",
            "123月到3月",
            "3个月到3个月",
            "13月到13月",
            "9月到9月1日",
            "9日到9月",
            "十九月到九月",
            "一十二月到十二月",
        ] {
            assert_eq!(found(s), Vec::<String>::new(), "{s}");
        }
    }

    #[test]
    fn the_finding_quotes_the_span_at_its_place() {
        let f = crate::lint::findings("时间：今年9月至9月底。\n", "date.span");
        let got: Vec<_> = f
            .into_iter()
            .map(|f| (f.diagnostic.column, f.diagnostic.message))
            .collect();
        assert_eq!(
            got,
            [(
                6,
                "“9月至9月”说的是同一个月里的一段时间，却写成了从一个月到一个月".to_owned()
            )]
        );
    }
}
