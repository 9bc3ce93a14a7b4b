//! The facts a speech states about itself, read from its text: when the
//! meeting was (a byline date; else the year its time phrases fix), the
//! phases with their spans (“第二阶段……时间是从今年7月到明年7月”), who
//! deployed the campaign (“根据市卫生局党委的部署”), who spoke before
//! (“刚才，赵院长……”) and who speaks (the byline).
//!
//! Nothing is guessed: what the text does not state is left `None`, and
//! the profile import writes asks for it. A web page's publication date is
//! not the meeting's (a speech is often posted years later).

use chrono::{Datelike as _, NaiveDate};

use super::outline::Outline;
use crate::markers::{self, Family};
use crate::zh;

/// What the text states.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Told {
    /// The meeting's date, when a byline gives it.
    pub date: Option<NaiveDate>,
    /// The meeting's year (今年), when the date is not given but the time
    /// phrases fix it.
    pub year: Option<i32>,
    /// The meeting was on or before this day: the end of a first phase
    /// that runs “从现在起”.
    pub by: Option<NaiveDate>,
    pub phases: Vec<Phase>,
    /// Who deployed the campaign: 市卫生局党委.
    pub superior: Option<String>,
    /// Who spoke before: 赵院长代表院党委对……进行了具体部署.
    pub before_me: Option<String>,
    pub speaker_name: Option<String>,
    pub speaker_title: Option<String>,
}

/// One phase as the text states it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Phase {
    pub name: String,
    /// `None` when the text gives no start, or “从现在起” with no
    /// meeting date known.
    pub from: Option<NaiveDate>,
    /// `None` for an open end (“从2011年7月开始”) or none given.
    pub to: Option<NaiveDate>,
    /// Whether it starts at the meeting (“从现在起”).
    pub from_meeting: bool,
    /// The time phrase as written, for the profile's comment.
    pub said: String,
}

/// Reads the facts of one speech from its cleaned lines and outline.
pub fn read(lines: &[String], outline: &Outline) -> Told {
    let mut told = Told {
        date: outline.date,
        ..Told::default()
    };
    let opening: Vec<&String> = if outline.opening.is_empty() {
        lines.iter().collect()
    } else {
        outline.opening.iter().collect()
    };
    told.superior = opening.iter().find_map(|l| superior(l));
    told.before_me = opening.iter().find_map(|l| before_me(l));
    (told.speaker_title, told.speaker_name) = speaker(&outline.byline);
    let said = phases(lines);
    let year = told.date.map(|d| d.year()).or_else(|| meeting_year(&said));
    told.year = if told.date.is_some() { None } else { year };
    told.phases = resolve(&said, year, told.date);
    told.by = match told.phases.first() {
        Some(p) if p.from_meeting && told.date.is_none() => p.to,
        _ => None,
    };
    told
}

/// The year of a time point: as written, or relative to the meeting's.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Year {
    Absolute(i32),
    /// 今年 0, 明年 1, 去年 -1.
    Relative(i32),
}

/// Which part of a month.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Day {
    /// None said: the month as a whole.
    Month,
    Date(u32),
    /// 初, 上旬
    Early,
    /// 中旬
    Middle,
    /// 下旬
    Late,
    /// 底, 末
    End,
}

/// A point in time as a speech says it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Point {
    /// 现在, 今天: the meeting.
    Now,
    At {
        year: Option<Year>,
        month: u32,
        day: Day,
    },
}

/// A phase's name and its span as written.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Said {
    name: String,
    from: Option<Point>,
    to: Option<Point>,
    phrase: String,
}

/// The phases of the first run 第一阶段, 第二阶段… in the text, each with
/// the span its own words give.
fn phases(lines: &[String]) -> Vec<Said> {
    let mut out: Vec<Said> = Vec::new();
    for (i, line) in lines.iter().enumerate() {
        let chars: Vec<char> = line.chars().collect();
        let found: Vec<markers::Found> = markers::scan(&chars)
            .into_iter()
            .filter(|m| m.family == Family::Phase)
            .collect();
        for (k, m) in found.iter().enumerate() {
            if m.number != out.len() as u64 + 1 {
                if m.number == 1 && out.len() > 1 {
                    return out;
                }
                continue;
            }
            let end = found.get(k + 1).map_or(chars.len(), |n| n.start);
            let segment: String = chars[m.end..end].iter().collect();
            let name = phase_name(&segment);
            let mut span = span(&segment);
            // A name on its own line, its span on the next.
            if span.is_none()
                && found.len() == 1
                && let Some(next) = lines.get(i + 1)
            {
                span = self::span(next);
            }
            let (from, to, phrase) = span.unwrap_or((None, None, String::new()));
            out.push(Said {
                name,
                from,
                to,
                phrase,
            });
        }
    }
    out
}

/// 第一阶段，广泛发动、安排部署。时间是…… → 广泛发动、安排部署
fn phase_name(segment: &str) -> String {
    let s = segment.trim_start_matches(['，', '：', '、', ' ', '是', '为']);
    let end = s
        .find(['。', '，', '（', '(', '；', '：'])
        .unwrap_or(s.len());
    let name = s[..end].trim();
    let name = name.strip_suffix("阶段").unwrap_or(name);
    name.chars().take(30).collect()
}

/// The first span in `text`: “从X起到Y”, “X至Y”, “从X开始”; with what
/// was written.
fn span(text: &str) -> Option<(Option<Point>, Option<Point>, String)> {
    let chars: Vec<char> = text.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        let start = i;
        let from_word = chars[i] == '从';
        let at = if from_word { i + 1 } else { i };
        let Some((from, mut e)) = point(&chars, at) else {
            i += 1;
            continue;
        };
        for word in ["起", "开始"] {
            if chars[e..].starts_with(&word.chars().collect::<Vec<_>>()) {
                e += word.chars().count();
            }
        }
        let link = chars.get(e).copied();
        if matches!(link, Some('到' | '至' | '—' | '－' | '-' | '~' | '～'))
            && let Some((to, end)) = point(&chars, e + 1)
        {
            let phrase = chars[start..end].iter().collect();
            return Some((Some(from), Some(to), phrase));
        }
        let opened = e > at && chars[e - 1] != '日';
        if from_word && (opened || chars[..e].ends_with(&['开', '始']) || chars[e - 1] == '起') {
            let phrase = chars[start..e].iter().collect();
            return Some((Some(from), None, phrase));
        }
        i = e.max(i + 1);
    }
    None
}

/// A point in time at `at`: 现在; [2011年|今年|明年|去年] 7月 [20日|底|初|上旬…].
fn point(chars: &[char], at: usize) -> Option<(Point, usize)> {
    let rest = chars.get(at..)?;
    for now in ["现在", "今天", "即日"] {
        if rest.starts_with(&now.chars().collect::<Vec<_>>()) {
            return Some((Point::Now, at + 2));
        }
    }
    let mut i = at;
    let mut year = None;
    if let Some((y, e)) = digits(chars, i, 4)
        && e - i == 4
        && chars.get(e) == Some(&'年')
    {
        year = i32::try_from(y).ok().map(Year::Absolute);
        i = e + 1;
    } else {
        for (word, r) in [
            ("今年", 0),
            ("本年", 0),
            ("明年", 1),
            ("去年", -1),
            ("后年", 2),
        ] {
            if chars[i..].starts_with(&word.chars().collect::<Vec<_>>()) {
                year = Some(Year::Relative(r));
                i += 2;
                break;
            }
        }
    }
    // 2011年底, 年底
    if year.is_some() && matches!(chars.get(i), Some('底' | '末')) {
        return Some((
            Point::At {
                year,
                month: 12,
                day: Day::End,
            },
            i + 1,
        ));
    }
    let (month, e) = month(chars, i)?;
    i = e;
    let day = if let Some((d, e)) = digits(chars, i, 2)
        && matches!(chars.get(e), Some('日' | '号'))
    {
        i = e + 1;
        Day::Date(d)
    } else {
        let two: String = chars.get(i..(i + 2).min(chars.len()))?.iter().collect();
        match (chars.get(i), two.as_str()) {
            (_, "上旬") => {
                i += 2;
                Day::Early
            }
            (_, "中旬") => {
                i += 2;
                Day::Middle
            }
            (_, "下旬") => {
                i += 2;
                Day::Late
            }
            (Some('底' | '末'), _) => {
                i += 1;
                Day::End
            }
            (Some('初'), _) => {
                i += 1;
                Day::Early
            }
            _ => Day::Month,
        }
    };
    Some((Point::At { year, month, day }, i))
}

/// 7月, 七月, 十二月 at `at`.
fn month(chars: &[char], at: usize) -> Option<(u32, usize)> {
    if let Some((m, e)) = digits(chars, at, 2)
        && chars.get(e) == Some(&'月')
        && (1..=12).contains(&m)
    {
        return Some((m, e + 1));
    }
    let han: String = chars
        .get(at..)?
        .iter()
        .take_while(|c| zh::is_date_numeral(**c))
        .collect();
    let e = at + han.chars().count();
    let m = zh::parse_numeral(&han).and_then(|m| u32::try_from(m).ok())?;
    ((1..=12).contains(&m) && chars.get(e) == Some(&'月')).then_some((m, e + 1))
}

fn digits(chars: &[char], at: usize, max: usize) -> Option<(u32, usize)> {
    zh::ascii_number(chars, at, max)
}

/// The meeting's year from the phases: where one phase's end and the
/// next one's start meet, one written with a year (2011年7月) and the
/// other relative to the meeting (明年7月), the meeting's year follows.
fn meeting_year(said: &[Said]) -> Option<i32> {
    let year_of = |p: &Option<Point>| match p {
        Some(Point::At {
            year: Some(y),
            month,
            ..
        }) => Some((*y, *month)),
        _ => None,
    };
    for pair in said.windows(2) {
        let (Some((a, am)), Some((b, bm))) = (year_of(&pair[0].to), year_of(&pair[1].from)) else {
            continue;
        };
        // The next phase starts in the month the last ends, or the month
        // after (across a new year: December, then January).
        let carry = if bm == am || bm == am + 1 {
            0
        } else if am == 12 && bm == 1 {
            1
        } else {
            continue;
        };
        match (a, b) {
            (Year::Relative(r), Year::Absolute(y)) => return Some(y - carry - r),
            (Year::Absolute(y), Year::Relative(r)) => return Some(y + carry - r),
            _ => {}
        }
    }
    // Within one phase: 从2010年7月到明年7月.
    for s in said {
        if let (Some((Year::Absolute(y), _)), Some((Year::Relative(r), _))) =
            (year_of(&s.from), year_of(&s.to))
            && r > 0
        {
            return Some(y);
        }
    }
    None
}

/// Each phase's days, given the meeting's year (and date, if known). A
/// phase that would start before the last one ends starts the day after
/// (“到明年7月”, then “从2011年7月开始”).
fn resolve(said: &[Said], year: Option<i32>, date: Option<NaiveDate>) -> Vec<Phase> {
    let mut out: Vec<Phase> = Vec::new();
    for s in said {
        let from_meeting = s.from == Some(Point::Now);
        let mut from = match s.from {
            Some(Point::Now) => date,
            Some(p) => day(p, year, false),
            None => None,
        };
        let to = s.to.and_then(|p| day(p, year, true));
        if let (Some(f), Some(prev)) = (from, out.last().and_then(|p| p.to))
            && f <= prev
        {
            from = prev.succ_opt();
        }
        out.push(Phase {
            name: s.name.clone(),
            from,
            to,
            from_meeting,
            said: s.phrase.clone(),
        });
    }
    out
}

/// The day a point names: its first day as a start, its last as an end.
fn day(point: Point, meeting_year: Option<i32>, end: bool) -> Option<NaiveDate> {
    let Point::At { year, month, day } = point else {
        return None;
    };
    let year = match year {
        Some(Year::Absolute(y)) => y,
        Some(Year::Relative(r)) => meeting_year? + r,
        None => meeting_year?,
    };
    let last = crate::calendar::month_end(NaiveDate::from_ymd_opt(year, month, 1)?);
    let d = match (day, end) {
        (Day::Date(d), _) => d,
        (Day::Month | Day::Early, false) => 1,
        (Day::Middle, false) => 11,
        (Day::Late, false) => 21,
        (Day::End, false) => last.day(),
        (Day::Early, true) => 10,
        (Day::Middle, true) => 20,
        (Day::Month | Day::Late | Day::End, true) => last.day(),
    };
    // A profile can hold only dates `check` accepts.
    NaiveDate::from_ymd_opt(year, month, d).filter(|d| crate::calendar::supported(*d))
}

/// Organisations end so: the superior is one of them, not an activity.
const ORG_ENDS: [&str; 14] = [
    "党委",
    "党组",
    "委员会",
    "委",
    "局",
    "政府",
    "厅",
    "部",
    "办",
    "院",
    "中心",
    "中央",
    "领导小组",
    "上级",
];

/// 根据市卫生局党委的部署和要求 → 市卫生局党委.
fn superior(line: &str) -> Option<String> {
    const VERBS: [&str; 6] = [
        "的统一部署",
        "的部署",
        "统一部署",
        "部署",
        "的安排",
        "的要求",
    ];
    for lead in ["根据", "按照"] {
        let mut from = 0;
        while let Some(at) = line[from..].find(lead) {
            let start = from + at + lead.len();
            from = start;
            let rest = &line[start..];
            let Some((end, _)) = VERBS
                .iter()
                .filter_map(|v| rest.find(v).map(|i| (i, v)))
                .min_by_key(|(i, _)| *i)
            else {
                continue;
            };
            let who = rest[..end].trim_end_matches('的').trim();
            let plausible = (2..=30).contains(&who.chars().count())
                && !who.contains(['，', '。', '；', '：', '“', '”'])
                && ORG_ENDS.iter().any(|e| who.ends_with(e));
            if plausible {
                return Some(who.to_owned());
            }
        }
    }
    None
}

/// 刚才，赵院长代表院党委……进行了具体部署，下面…… → the clause of who
/// spoke: up to the first comma after its 了, or the end of its sentence.
fn before_me(line: &str) -> Option<String> {
    let at = line.find("刚才")? + "刚才".len();
    let rest = line[at..].trim_start_matches(['，', ',', ' ']);
    let sentence_end = ["，下面", "。", "；", "！"]
        .iter()
        .filter_map(|e| rest.find(e))
        .min()
        .unwrap_or(rest.len());
    let sentence = &rest[..sentence_end];
    let clause = match sentence.find('了') {
        Some(le) => match sentence[le..].find('，') {
            Some(c) => &sentence[..le + c],
            None => sentence,
        },
        None => sentence,
    };
    let clause = clause.trim();
    (clause.chars().count() >= 4).then(|| clause.to_owned())
}

/// The byline's title and name: “院党委书记　张建华”, or a name alone.
fn speaker(byline: &[String]) -> (Option<String>, Option<String>) {
    for line in byline {
        let line = line.trim().trim_matches(['—', '－', '-', ' ', '　']);
        if line.is_empty()
            || super::clean::first_date(line).is_some()
            || line.contains(['（', '(', '：', ':'])
            || line.ends_with("讲话")
            || line.ends_with("发言")
        {
            continue;
        }
        let words: Vec<&str> = line.split([' ', '　']).filter(|w| !w.is_empty()).collect();
        let is_name = |w: &str| (2..=4).contains(&w.chars().count()) && w.chars().all(zh::is_han);
        match words.as_slice() {
            [name] if is_name(name) => return (None, Some((*name).to_owned())),
            [title @ .., name] if is_name(name) && !title.is_empty() => {
                return (Some(title.concat()), Some((*name).to_owned()));
            }
            _ => {}
        }
    }
    (None, None)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ymd(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(y, m, d)
    }

    fn lines(s: &str) -> Vec<String> {
        s.lines().map(str::to_owned).collect()
    }

    #[test]
    fn the_phases_fix_the_year() {
        let text = "整个行动分三步走。第一阶段，宣传发动。时间是从现在起到6月底。本阶段做好两件事。第二阶段，整改提高。时间是从今年7月到明年7月。第三阶段，总结巩固阶段。时间是从2011年7月开始，重在建章立制。";
        let told = read(&lines(text), &Outline::default());
        assert_eq!(told.year, Some(2010));
        assert_eq!(told.date, None);
        assert_eq!(told.by, ymd(2010, 6, 30));
        let p = &told.phases;
        assert_eq!(p.len(), 3);
        assert_eq!(p[0].name, "宣传发动");
        assert_eq!(
            (p[0].from, p[0].to, p[0].from_meeting),
            (None, ymd(2010, 6, 30), true)
        );
        assert_eq!(p[0].said, "从现在起到6月底");
        assert_eq!((p[1].from, p[1].to), (ymd(2010, 7, 1), ymd(2011, 7, 31)));
        assert_eq!(p[2].name, "总结巩固");
        assert_eq!((p[2].from, p[2].to), (ymd(2011, 8, 1), None));
    }

    #[test]
    fn a_byline_date_is_the_meeting_and_dates_the_phases() {
        let o = Outline {
            date: ymd(2011, 3, 1),
            byline: vec!["镇党委书记　李明".to_owned(), "（2011年3月1日）".to_owned()],
            ..Outline::default()
        };
        let text = "第一阶段：宣传发动（3月上旬至4月底）。第二阶段：集中整治，5月至十月。";
        let told = read(&lines(text), &o);
        assert_eq!((told.date, told.year), (ymd(2011, 3, 1), None));
        assert_eq!(told.phases[0].name, "宣传发动");
        assert_eq!(
            (told.phases[0].from, told.phases[0].to),
            (ymd(2011, 3, 1), ymd(2011, 4, 30))
        );
        assert_eq!(
            (told.phases[1].from, told.phases[1].to),
            (ymd(2011, 5, 1), ymd(2011, 10, 31))
        );
        assert_eq!(told.speaker_title.as_deref(), Some("镇党委书记"));
        assert_eq!(told.speaker_name.as_deref(), Some("李明"));
    }

    #[test]
    fn without_a_year_nothing_is_dated() {
        let told = read(
            &lines("第一阶段，动员。时间是从现在起到6月底。"),
            &Outline::default(),
        );
        assert_eq!((told.year, told.date), (None, None));
        assert_eq!(told.phases[0].to, None);
    }

    #[test]
    fn superior_and_who_spoke_before() {
        let line = "根据区教育局党委的统一部署，经校党委研究决定，今天召开全校大会。刚才，王校长就“书香校园”活动作了具体安排，下面，我讲三点意见。";
        assert_eq!(superior(line).as_deref(), Some("区教育局党委"));
        assert_eq!(
            before_me(line).as_deref(),
            Some("王校长就“书香校园”活动作了具体安排")
        );
        assert_eq!(
            before_me("刚才各乡镇的负责同志分别作了汇报，内容实在，我都同意。").as_deref(),
            Some("各乡镇的负责同志分别作了汇报")
        );
        assert_eq!(superior("根据全市文明行业创建活动的要求"), None);
        assert_eq!(
            superior("按照省、市、县委的部署要求，扎实推进").as_deref(),
            Some("省、市、县委")
        );
    }
}
