//! The `count.*` rules and `placeholder.count`: each count the text
//! announces ([`crate::text::count`]) against what follows it: “讲三点意见”
//! and the 一、二、三、 after it, “分三个阶段” and the phases, “三项工作”
//! and the 一是……, “五个好，即……” and the items listed. A count whose list
//! cannot be found is left alone: lint reports what it can show.

use std::collections::HashMap;

use super::{
    COUNT_ITEMS, COUNT_LIST, COUNT_PHASES, COUNT_POINTS, Draft, Finding, PLACEHOLDER_COUNT, Rule,
};
use crate::markers::Found;
use crate::text::count::{Claim, Kind, claims};
use crate::text::scan::Forward;
use crate::zh;

/// What follows a count.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Listing {
    /// A run of markers: how many, the first and the last.
    Markers {
        count: u64,
        first: String,
        last: String,
        /// Line index and position of the first marker.
        origin: (usize, usize),
    },
    /// Items separated by 、 after 即 or ：; `alt` also counts a final 和.
    Items {
        count: u64,
        alt: u64,
        origin: (usize, usize),
    },
}

impl Listing {
    fn count(&self) -> u64 {
        match self {
            Listing::Markers { count, .. } | Listing::Items { count, .. } => *count,
        }
    }

    fn agrees(&self, n: u64) -> bool {
        match self {
            Listing::Markers { count, .. } => *count == n,
            Listing::Items { count, alt, .. } => *count == n || *alt == n,
        }
    }
}

/// The longest run of markers counted: no speech lists more, and a
/// count is checked against at most this many.
const MAX_RUN: u64 = 1000;
/// The longest clause read as a list of items after 即 or ：.
const MAX_LIST_CHARS: usize = 400;

/// The markers of a whole draft in order, with the line each is on,
/// indexed so that finding a marker, or the next one a run can hold, takes
/// constant time (see [`super::scan`]).
pub struct AllMarkers<'a> {
    pub list: Vec<(usize, &'a Found)>,
    /// Where each line's markers begin in `list` (one more entry than
    /// there are lines).
    by_line: Vec<usize>,
    /// For each marker, the next one that stands as high or higher: the
    /// markers in between are inside its items.
    next_peer: Vec<usize>,
    /// For each line, the next line after it with text (or the number of
    /// lines).
    next_text: Vec<usize>,
}

impl<'a> AllMarkers<'a> {
    pub fn new(markers: &'a [Vec<Found>], lines: &[&[char]]) -> Self {
        let list: Vec<(usize, &Found)> = markers
            .iter()
            .enumerate()
            .flat_map(|(line, ms)| ms.iter().map(move |m| (line, m)))
            .collect();
        let mut by_line = Vec::with_capacity(markers.len() + 1);
        let mut total = 0;
        for ms in markers {
            by_line.push(total);
            total += ms.len();
        }
        by_line.push(total);
        // Right to left, keeping the markers not yet passed by a higher one.
        let mut next_peer = vec![list.len(); list.len()];
        let mut waiting: Vec<usize> = Vec::new();
        for (i, (_, m)) in list.iter().enumerate().rev() {
            let rank = m.family.rank();
            while let Some(&j) = waiting.last() {
                if list[j].1.family.rank() > rank {
                    waiting.pop();
                } else {
                    break;
                }
            }
            if let Some(&j) = waiting.last() {
                next_peer[i] = j;
            }
            waiting.push(i);
        }
        let mut next_text = vec![lines.len(); lines.len()];
        for l in (0..lines.len().saturating_sub(1)).rev() {
            let below = &lines[l + 1];
            next_text[l] = if below.iter().any(|c| !c.is_whitespace()) {
                l + 1
            } else {
                next_text[l + 1]
            };
        }
        AllMarkers {
            list,
            by_line,
            next_peer,
            next_text,
        }
    }

    /// The markers of line `line`, as a range of `list`.
    fn of_line(&self, line: usize) -> std::ops::Range<usize> {
        let from = self.by_line.get(line).copied().unwrap_or(self.list.len());
        let to = self.by_line.get(line + 1).copied().unwrap_or(from);
        from..to
    }

    fn at(&self, line: usize, start: usize) -> Option<usize> {
        let range = self.of_line(line);
        // A line's markers are in order along it.
        let found = self.list[range.clone()].binary_search_by_key(&start, |(_, m)| m.start);
        found.ok().map(|i| range.start + i)
    }

    /// The marker opening line `line`, if one does.
    fn opening(&self, line: usize) -> Option<usize> {
        self.of_line(line).find(|&i| self.list[i].1.line_start)
    }

    /// The run of markers that begins with marker `index`: its own family,
    /// numbers rising, until a marker that stands higher or one of its
    /// family that starts over. Markers that stand lower are inside its
    /// items and do not count.
    pub fn run(&self, index: usize) -> Option<Listing> {
        let (line, first) = self.list.get(index)?;
        let mut count = 1;
        let mut last = first.number;
        let mut last_text = first.text.clone();
        let mut next = self.next_peer[index];
        while let Some((_, m)) = self.list.get(next) {
            next = self.next_peer[next];
            if count == MAX_RUN {
                break;
            }
            if m.family == first.family {
                if m.number == 0 {
                    count += 1;
                    last_text = m.text.clone();
                    break;
                }
                if m.number <= last {
                    break;
                }
                count += 1;
                last = m.number;
                last_text = m.text.clone();
            } else if m.family.rank() <= first.family.rank() {
                break;
            }
        }
        let tidy = |s: &str| s.trim_end_matches(['，', ',', '：', ':']).to_owned();
        Some(Listing::Markers {
            count,
            first: tidy(&first.text),
            last: tidy(&last_text),
            origin: (*line, first.start),
        })
    }
}

/// The listing that follows a count ending at `end` of line `line`.
pub fn listing(
    lines: &[&[char]],
    all: &AllMarkers<'_>,
    line: usize,
    end: usize,
) -> Option<Listing> {
    let chars = lines.get(line)?;
    let mut k = end;
    while k < chars.len() {
        if let Some(m) = all.at(line, k) {
            return all.run(m);
        }
        match chars[k] {
            '即' | '：' | ':' => return after_colon(lines, all, line, k + 1),
            '。' | '！' | '？' | '；' | ';' if continues_item(all, line, end, k + 1) => {
                return None;
            }
            '。' | '！' | '？' | '；' | ';' => return next_sentence(lines, all, line, k + 1),
            _ => {}
        }
        if k - end > 30 {
            return None;
        }
        k += 1;
    }
    if continues_item(all, line, end, chars.len()) {
        return None;
    }
    next_sentence(lines, all, line, chars.len())
}

/// Whether the marker at `from` of line `line` (or, at the line's end,
/// the one opening the next line) is the next of a run whose item holds
/// the count ending at `end`: in “一是完成任务二十三项；二是……”, 二是
/// follows 一是, not the count inside its item.
fn continues_item(all: &AllMarkers<'_>, line: usize, end: usize, from: usize) -> bool {
    let here = &all.list[all.of_line(line)];
    let next = match here.iter().find(|(_, m)| m.start >= from) {
        Some((_, m)) if m.start <= from + 1 => Some(*m),
        Some(_) => None,
        None => all
            .next_text
            .get(line)
            .and_then(|&l| all.opening(l))
            .map(|i| all.list[i].1),
    };
    let Some(next) = next else {
        return false;
    };
    here.iter()
        .rev()
        .find(|(_, m)| m.end <= end && m.family == next.family)
        .is_some_and(|(_, m)| m.number + 1 == next.number)
}

/// The first position at or after `from` that `skipped` does not pass
/// over.
fn skip(chars: &[char], from: usize, skipped: impl Fn(char) -> bool) -> usize {
    from + chars[from.min(chars.len())..]
        .iter()
        .take_while(|&&c| skipped(c))
        .count()
}

/// The next sentence opens the listing: with a marker, or with 即.
fn next_sentence(
    lines: &[&[char]],
    all: &AllMarkers<'_>,
    line: usize,
    from: usize,
) -> Option<Listing> {
    let chars = lines.get(line)?;
    let at = skip(chars, from, |c| c.is_whitespace() || matches!(c, '”' | '’'));
    if at < chars.len() {
        if let Some(m) = all.at(line, at) {
            return all.run(m);
        }
        if chars[at] == '即' {
            return after_colon(lines, all, line, at + 1);
        }
        return None;
    }
    let next = *all.next_text.get(line)?;
    if next >= lines.len() {
        return None;
    }
    if let Some(m) = all.opening(next) {
        return all.run(m);
    }
    let text = &lines[next];
    let at = skip(text, 0, char::is_whitespace);
    if text.get(at) == Some(&'即') {
        return after_colon(lines, all, next, at + 1);
    }
    None
}

/// After 即 or ：: a run of markers, or items separated by 、 up to the end
/// of the clause.
fn after_colon(
    lines: &[&[char]],
    all: &AllMarkers<'_>,
    line: usize,
    from: usize,
) -> Option<Listing> {
    let chars = lines.get(line)?;
    let at = skip(chars, from, |c| {
        c.is_whitespace() || matches!(c, '：' | ':' | '，' | ',')
    });
    if at >= chars.len() {
        return next_sentence(lines, all, line, chars.len());
    }
    if let Some(m) = all.at(line, at) {
        return all.run(m);
    }
    let mut separators = 0;
    let mut last_sep = at;
    let mut k = at;
    while k < chars.len() && !matches!(chars[k], '。' | '；' | ';' | '！' | '？' | '，' | ',')
    {
        if chars[k] == '、' {
            separators += 1;
            last_sep = k;
        }
        k += 1;
        // A list of items is a clause, not a page: read no further (each
        // count in a long unpunctuated run would read it all again).
        if k - at > MAX_LIST_CHARS {
            return None;
        }
    }
    if separators == 0 {
        return None;
    }
    let tail: String = chars[last_sep..k].iter().collect();
    let and = u64::from(tail.contains('和') || tail.contains('及'));
    Some(Listing::Items {
        count: separators + 1,
        alt: separators + 1 + and,
        origin: (line, at),
    })
}

pub(crate) fn check(draft: &Draft<'_>, out: &mut Vec<Finding>) {
    let lines: Vec<&[char]> = draft.source.lines.iter().map(|l| &l.chars[..]).collect();
    let all = AllMarkers::new(&draft.markers, &lines);
    for (index, chars) in lines.iter().enumerate() {
        if draft.source.lines[index].heading == Some(1) {
            continue;
        }
        let mut closing_quote = Forward::new(chars, |c: &[char], k| c[k] == '”');
        let found: Vec<(Claim, Option<Listing>)> = claims(chars)
            .into_iter()
            .filter(|c| !quoted_name(chars, c, &mut closing_quote) && !bare_slogan(chars, c))
            .map(|c| {
                let l = listing(&lines, &all, index, c.end);
                (c, l)
            })
            .collect();
        // “确保五个到位，力争实现‘三无’。即：……” — one list after two
        // counts belongs to the one it agrees with: how many claims agree
        // with each list, to ask for each claim whether another does.
        let mut agreeing: HashMap<&Listing, usize> = HashMap::new();
        for (claim, listing) in &found {
            if let Some(l) = listing
                && claim.number.is_some_and(|n| l.agrees(n))
            {
                *agreeing.entry(l).or_default() += 1;
            }
        }
        for (claim, listing) in &found {
            let shared_and_agreed = listing.as_ref().is_some_and(|l| {
                let own = usize::from(claim.number.is_some_and(|n| l.agrees(n)));
                agreeing.get(l).is_some_and(|&n| n > own)
            });
            if !shared_and_agreed {
                report(draft, index, claim, listing.as_ref(), out);
            }
        }
    }
}

/// “五项工程” in quotes names something unless a list follows at once
/// (“五个好”，即……): a quoted count is a claim only when it introduces one.
fn quoted_name<P: Fn(&[char], usize) -> bool>(
    chars: &[char],
    claim: &Claim,
    closing_quote: &mut Forward<'_, P>,
) -> bool {
    if claim.start == 0 || chars[claim.start - 1] != '“' {
        return false;
    }
    let Some(close) = closing_quote.from(claim.start) else {
        return false;
    };
    let after: String = chars[close + 1..].iter().take(3).collect();
    !(after.starts_with('即')
        || after.starts_with('：')
        || after.starts_with("，即")
        || after.starts_with("、"))
}

/// 五个好, 两不误: a slogan-style count is a claim only when 即 or ：
/// introduces its items; otherwise it is an idiom ("活动和业务两不误").
fn bare_slogan(chars: &[char], claim: &Claim) -> bool {
    if claim.kind != Kind::List {
        return false;
    }
    let rest = chars[claim.end.min(chars.len())..]
        .iter()
        .skip_while(|c| matches!(c, '”' | '’' | '，' | ','));
    !matches!(rest.clone().next(), Some('即' | '：' | ':'))
}

fn report(
    draft: &Draft<'_>,
    line: usize,
    claim: &Claim,
    found: Option<&Listing>,
    out: &mut Vec<Finding>,
) {
    let Some(n) = claim.number else {
        if matches!(claim.kind, Kind::Points | Kind::Phases) {
            let unit = unit(claim);
            let fixed = |count: u64| claim.text.replacen('几', &zh::count(count), 1);
            let hint = match found {
                Some(l @ Listing::Markers { first, last, .. }) => format!(
                    "后面有{}{unit}（{first}至{last}），写成“{}”",
                    zh::count(l.count()),
                    fixed(l.count())
                ),
                _ => "数一数后面的内容，写明数目，如“讲三点意见”".to_owned(),
            };
            out.push(draft.finding(
                &PLACEHOLDER_COUNT,
                line,
                claim.start,
                format!("“{}”没有写明数目", claim.text),
                hint,
            ));
        }
        return;
    };
    let Some(found) = found else { return };
    if found.agrees(n) {
        return;
    }
    let rule: &'static Rule = match claim.kind {
        Kind::Points => &COUNT_POINTS,
        Kind::Phases => &COUNT_PHASES,
        Kind::Items => &COUNT_ITEMS,
        Kind::List => &COUNT_LIST,
    };
    let actual = found.count();
    let unit = unit(claim);
    let fixed = claim.text.replacen(&claim.numeral(), &zh::count(actual), 1);
    let (what, hint) = match found {
        Listing::Markers { first, last, .. } => (
            format!("后面有{}{unit}（{first}至{last}）", zh::count(actual)),
            format!("改成“{fixed}”，或补齐、删减后面的内容"),
        ),
        Listing::Items { .. } => (
            format!("后面列举了{}项", zh::count(actual)),
            format!("核对列举的内容（用“、”分隔），或改成“{fixed}”"),
        ),
    };
    out.push(draft.finding(
        rule,
        line,
        claim.start,
        format!("“{}”说的是{}{unit}，但{what}", claim.text, zh::count(n)),
        hint,
    ));
}

/// The unit a message counts in: 点, 个阶段, 项…
fn unit(claim: &Claim) -> &'static str {
    match claim.kind {
        Kind::Points => "点",
        Kind::Phases => "个阶段",
        Kind::Items if claim.text.contains('方') => "个方面",
        Kind::Items if claim.text.contains('条') => "条",
        Kind::Items | Kind::List => "项",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chars(s: &str) -> Vec<char> {
        s.chars().collect()
    }

    /// The claims `check` keeps: names, idioms and congresses are not counts.
    fn kept(text: &str) -> Vec<String> {
        let c = chars(text);
        let mut close = Forward::new(&c, |c: &[char], k| c[k] == '”');
        claims(&c)
            .into_iter()
            .filter(|cl| !quoted_name(&c, cl, &mut close) && !bare_slogan(&c, cl))
            .map(|cl| cl.text)
            .collect()
    }

    #[test]
    fn names_idioms_and_congresses_are_not_counts() {
        assert!(kept("以优异成绩迎接党的十八大。").is_empty());
        assert!(kept("二是围绕“五项工程”设计载体；三是加强宣传。").is_empty());
        assert!(kept("做到活动和业务两不误。").is_empty());
        assert_eq!(kept("要做到“五个好”，即班子好、队伍好。"), ["五个好"]);
        assert_eq!(kept("做到五个好：班子好。"), ["五个好"]);
    }

    /// What lint's count rules say about `text`: rule, message and hint.
    fn said(text: &str) -> Vec<(String, String, String)> {
        let rules = ["count".into(), "placeholder.count".into()];
        let only = crate::lint::Selection::new(&rules, &[]).unwrap_or_default();
        crate::lint::check(std::path::Path::new("a.txt"), text, &only)
            .into_iter()
            .map(|f| {
                let d = f.diagnostic;
                (f.rule.id.to_owned(), d.message, d.hint.unwrap_or_default())
            })
            .collect()
    }

    #[test]
    fn a_count_of_aspects_ends_at_its_noun() {
        assert_eq!(
            said("抓好三方面工作：一是甲；二是乙。"),
            [(
                "count.items".to_owned(),
                "“三方面”说的是三个方面，但后面有两个方面（一是至二是）".to_owned(),
                "改成“两方面”，或补齐、删减后面的内容".to_owned()
            )]
        );
    }

    fn one(rule: &str, message: &str, hint: &str) -> Vec<(String, String, String)> {
        vec![(rule.to_owned(), message.to_owned(), hint.to_owned())]
    }

    #[test]
    fn each_kind_of_count_is_checked_in_its_own_unit() {
        assert_eq!(
            said("我讲三点。\n一、甲\n二、乙\n"),
            one(
                "count.points",
                "“讲三点”说的是三点，但后面有两点（一、至二、）",
                "改成“讲两点”，或补齐、删减后面的内容"
            )
        );
        assert_eq!(
            said("活动分三步进行。第一阶段，甲。第二阶段，乙。"),
            one(
                "count.phases",
                "“分三步”说的是三个阶段，但后面有两个阶段（第一阶段至第二阶段）",
                "改成“分两步”，或补齐、删减后面的内容"
            )
        );
        assert_eq!(
            said("活动分两阶段进行。第一阶段，甲。第二阶段，乙。第三阶段，丙。"),
            one(
                "count.phases",
                "“分两阶段”说的是两个阶段，但后面有三个阶段（第一阶段至第三阶段）",
                "改成“分三阶段”，或补齐、删减后面的内容"
            )
        );
        assert_eq!(
            said("落实三条措施：一是甲；二是乙。"),
            one(
                "count.items",
                "“三条措施”说的是三条，但后面有两条（一是至二是）",
                "改成“两条措施”，或补齐、删减后面的内容"
            )
        );
        assert_eq!(
            said("抓好三个方面：一是甲；二是乙。"),
            one(
                "count.items",
                "“三个方面”说的是三个方面，但后面有两个方面（一是至二是）",
                "改成“两个方面”，或补齐、删减后面的内容"
            )
        );
        assert_eq!(
            said("抓好四项工作：一是甲；二是乙；三是丙。"),
            one(
                "count.items",
                "“四项工作”说的是四项，但后面有三项（一是至三是）",
                "改成“三项工作”，或补齐、删减后面的内容"
            )
        );
        assert_eq!(
            said("要做到“四个好”，即甲好、乙好、丙好。"),
            one(
                "count.list",
                "“四个好”说的是四项，但后面列举了三项",
                "核对列举的内容（用“、”分隔），或改成“三个好”"
            )
        );
    }

    #[test]
    fn counts_that_agree_are_not_reported() {
        for text in [
            "我讲两点意见。\n一、甲\n二、乙\n",
            "活动分两步进行。第一阶段，甲。第二阶段，乙。",
            "落实两条措施：一是甲；二是乙。",
            "抓好两个方面：一是甲；二是乙。",
            "要做到“三个好”，即甲好、乙好、丙好。",
            // A final 和 may join the last item instead of a 顿号.
            "要做到“三个好”，即甲好、乙好和丙好。",
            "要做到“四个好”，即甲好、乙好、丙好和丁好。",
        ] {
            assert_eq!(said(text), [], "{text}");
        }
    }

    #[test]
    fn a_count_or_list_at_the_end_of_its_line() {
        // The count ends its line; the list follows on the next ones.
        assert_eq!(
            said("下面我讲三点意见\n一、甲\n二、乙\n"),
            one(
                "count.points",
                "“讲三点意见”说的是三点，但后面有两点（一、至二、）",
                "改成“讲两点意见”，或补齐、删减后面的内容"
            )
        );
        assert_eq!(said("下面我讲两点意见\n\n一、甲\n二、乙\n"), []);
        // The items end the line with no stop after them.
        assert_eq!(
            said("要做到“四个好”，即甲好、乙好、丙好"),
            one(
                "count.list",
                "“四个好”说的是四项，但后面列举了三项",
                "核对列举的内容（用“、”分隔），或改成“三个好”"
            )
        );
        assert_eq!(said("要做到“三个好”，即甲好、乙好、丙好"), []);
        // Nothing after the count at all: nothing to check it against.
        assert_eq!(said("下面我讲三点意见"), []);
        assert_eq!(said("要做到“四个好”，即"), []);
        assert_eq!(said("要做到“四个好”：\n"), []);
    }

    #[test]
    fn a_run_counts_its_own_family_to_the_last() {
        // 最后 ends a run of 首先, 其次 whatever its number.
        assert_eq!(said("抓好三项工作。首先，甲。其次，乙。最后，丙。"), []);
        // A marker that stands as high as the run's, of another family,
        // ends it: 三是 after the heading 二、 is not the run's, nor 第三
        // after a run of 首先, 其次.
        assert_eq!(
            said("抓好两项工作：一是甲；二是乙。\n二、丙\n三是丁。\n"),
            []
        );
        assert_eq!(
            said("抓好两项工作：第一，甲；第二，乙。首先，丙；其次，丁；第三，戊。"),
            []
        );
        // A run that starts after another marker of its line, below a
        // line with markers of its own.
        assert_eq!(
            said("一、甲\n二是抓好两项工作：一是甲；二是乙；三是丙。\n"),
            one(
                "count.items",
                "“两项工作”说的是两项，但后面有三项（一是至三是）",
                "改成“三项工作”，或补齐、删减后面的内容"
            )
        );
    }

    #[test]
    fn the_list_is_looked_for_in_the_next_thirty_characters() {
        // The colon 31 characters after the count, then 32.
        let after = |n: usize| said(&format!("抓好三项工作，{}：甲、乙。", "乙".repeat(n)));
        assert_eq!(
            after(30),
            one(
                "count.items",
                "“三项工作”说的是三项，但后面列举了两项",
                "核对列举的内容（用“、”分隔），或改成“两项工作”"
            )
        );
        assert_eq!(after(31), []);
        // A sentence between the count and the list: no list of its own.
        assert_eq!(said("抓好三项工作。要求如下：一是甲；二是乙。"), []);
    }

    #[test]
    fn a_marker_right_after_the_colon_opens_the_list() {
        assert_eq!(
            said("做到“两个好”，即：一是甲好；二是乙好；三是丙好。"),
            one(
                "count.list",
                "“两个好”说的是两项，但后面有三项（一是至三是）",
                "改成“三个好”，或补齐、删减后面的内容"
            )
        );
    }

    #[test]
    fn spaces_and_即_before_the_list_are_passed_over() {
        let three_for_two = |claim: &str, fixed: &str| {
            one(
                "count.items",
                &format!("“{claim}”说的是两项，但后面有三项（一是至三是）"),
                &format!("改成“{fixed}”，或补齐、删减后面的内容"),
            )
        };
        for text in [
            "抓好两项工作，即，一是甲；二是乙；三是丙。",
            "要求：“抓好两项工作。”一是甲；二是乙；三是丙。",
            "抓好两项工作。即：一是甲；二是乙；三是丙。",
            "抓好两项工作\n即：一是甲；二是乙；三是丙。\n",
        ] {
            assert_eq!(said(text), three_for_two("两项工作", "三项工作"), "{text}");
        }
    }

    #[test]
    fn a_list_of_items_is_read_to_four_hundred_characters() {
        let list = |n: usize| said(&format!("做到“四个好”，即{}、乙、丙。", "甲".repeat(n)));
        assert_eq!(
            list(396),
            one(
                "count.list",
                "“四个好”说的是四项，但后面列举了三项",
                "核对列举的内容（用“、”分隔），或改成“三个好”"
            )
        );
        assert_eq!(list(397), []);
    }

    #[test]
    fn only_a_count_in_quotes_can_be_a_name() {
        // A quoted name is no count, though a list follows later.
        assert_eq!(said("围绕“五项工程”设计载体。一是甲；二是乙。"), []);
        // A quote later in the line leaves an unquoted count a count.
        assert_eq!(
            said("我讲三点意见，“好”字当头。\n一、甲\n二、乙\n"),
            one(
                "count.points",
                "“讲三点意见”说的是三点，但后面有两点（一、至二、）",
                "改成“讲两点意见”，或补齐、删减后面的内容"
            )
        );
        // 即 right after the quote makes it a count.
        assert_eq!(
            said("做到“四个好”即甲好、乙好、丙好。"),
            one(
                "count.list",
                "“四个好”说的是四项，但后面列举了三项",
                "核对列举的内容（用“、”分隔），或改成“三个好”"
            )
        );
    }

    #[test]
    fn the_next_item_of_the_run_may_stand_after_a_space() {
        assert_eq!(
            said("成效：一是完成任务二十三项； 二是整改问题四十余项。"),
            []
        );
    }

    #[test]
    fn a_list_two_counts_share_belongs_to_the_one_it_agrees_with() {
        assert_eq!(said("抓好三项工作，落实两条措施：一是甲；二是乙。"), []);
        // Agreeing with neither, it is reported against both.
        let both = said("抓好三项工作，落实四条措施：一是甲；二是乙。");
        let rules: Vec<&str> = both.iter().map(|(r, _, _)| r.as_str()).collect();
        assert_eq!(rules, ["count.items", "count.items"], "{both:?}");
        assert!(both[0].1.starts_with("“三项工作”"), "{both:?}");
        assert!(both[1].1.starts_with("“四条措施”"), "{both:?}");
    }

    #[test]
    fn a_count_never_filled_in() {
        assert_eq!(
            said("我讲几点意见。\n一、甲\n二、乙\n"),
            one(
                "placeholder.count",
                "“讲几点意见”没有写明数目",
                "后面有两点（一、至二、），写成“讲两点意见”"
            )
        );
        assert_eq!(
            said("活动分几个阶段进行。"),
            one(
                "placeholder.count",
                "“分几个阶段”没有写明数目",
                "数一数后面的内容，写明数目，如“讲三点意见”"
            )
        );
        // 几项 is not a promise of a number: "做了几项工作" is plain speech.
        assert_eq!(said("做了几项工作：一是甲；二是乙。"), []);
    }

    fn listing_of(text: &str) -> Option<Listing> {
        let owned: Vec<Vec<char>> = text.lines().map(chars).collect();
        let lines: Vec<&[char]> = owned.iter().map(|l| &l[..]).collect();
        let markers: Vec<Vec<Found>> = lines
            .iter()
            .map(|l| super::super::markers::scan(l))
            .collect();
        let all = AllMarkers::new(&markers, &lines);
        let claim = claims(lines[0]).into_iter().next()?;
        listing(&lines, &all, 0, claim.end)
    }

    #[test]
    fn follows_counts_to_their_lists() {
        let l = listing_of("我讲三点意见。\n一、甲\n（一）子\n（二）子\n二、乙\n三、丙\n");
        assert_eq!(l.map(|l| l.count()), Some(3));
        let l = listing_of("抓好三项工作：一是甲。二是乙。三是丙。第二阶段，一是丁。");
        assert_eq!(l.map(|l| l.count()), Some(3));
        let l = listing_of("要做到“五个好”，即甲好、乙好、丙好、丁好和戊好；");
        assert!(matches!(
            l,
            Some(Listing::Items {
                count: 4,
                alt: 5,
                ..
            })
        ));
        let l = listing_of("确保四个到位。即：甲到位、乙到位、丙到位、丁到位，力争……");
        assert_eq!(l.map(|l| l.count()), Some(4));
        assert_eq!(listing_of("对四项工作作了部署。各单位要落实。"), None);
    }

    #[test]
    fn a_count_inside_an_item_is_not_followed_by_its_own_list() {
        let owned = chars("成效：一是完成任务二十三项；二是整改问题四十余项。");
        let lines: Vec<&[char]> = vec![&owned[..]];
        let markers: Vec<Vec<Found>> = vec![super::super::markers::scan(&owned)];
        let all = AllMarkers::new(&markers, &lines);
        let claim = claims(&owned)
            .into_iter()
            .next()
            .unwrap_or_else(|| panic!());
        assert_eq!(claim.text, "二十三项");
        assert_eq!(listing(&lines, &all, 0, claim.end), None);
        // A count that opens a list is still followed to it.
        assert_eq!(
            listing_of("抓好两项工作。一是甲；二是乙。").map(|l| l.count()),
            Some(2)
        );
    }
}
