//! The outline of a cleaned speech: title, date line, salutation, opening,
//! the announced number of points, each point's heading (一、) with its
//! sub-points (（一）, 第一，, 一是, 1、, 首先，… whatever the author used)
//! and their lead sentences, and the closing.

use chrono::NaiveDate;

use crate::markers::{self, Family, Found};
use crate::text::count::{self, Kind};

/// What the opening says about the number of points.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Announced {
    /// 讲三点意见
    Count(u64),
    /// 讲几点意见
    Unfilled,
    /// Nothing said.
    Nothing,
}

/// One sub-point: its marker as written, its lead sentence, and what the
/// source says after the lead (its paragraphs run together).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Item {
    pub marker: String,
    pub lead: String,
    pub text: String,
}

/// One point (一、……).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Point {
    pub title: String,
    pub items: Vec<Item>,
}

/// A speech's outline.
#[derive(Debug, Clone, Default)]
pub struct Outline {
    pub title: Option<String>,
    /// Lines between the title and the salutation (speaker, date).
    pub byline: Vec<String>,
    /// The meeting date, when the byline or title gives one.
    pub date: Option<NaiveDate>,
    pub salutation: Option<String>,
    pub opening: Vec<String>,
    pub announced: Option<Announced>,
    pub points: Vec<Point>,
    pub closing: Vec<String>,
}

/// The most points, and sub-points of a point, an outline keeps: a speech
/// has a handful; a text with hundreds of 一、 lines is no speech, and its
/// profile must stay small enough for `check` (1 MB).
const MAX_POINTS: usize = 30;
const MAX_ITEMS: usize = 30;
/// The longest lead kept, in characters: a lead is a sentence, and a line
/// that never ends is cut at its last clause within this length.
const MAX_LEAD_CHARS: usize = 80;
/// The most text kept under one sub-point (a few paragraphs), cut at a
/// sentence: the whole profile must stay under `check`'s 1 MB.
const MAX_TEXT_CHARS: usize = 1000;

fn chars(s: &str) -> Vec<char> {
    s.chars().collect()
}

/// Reads the outline of one cleaned speech (one paragraph per line).
pub fn outline(lines: &[String]) -> Outline {
    let mut o = Outline::default();
    let mut at = 0;
    if let Some(first) = lines.first() {
        let c = chars(first);
        let text = match markers::pian(&c) {
            Some((_, rest)) => c[rest..].iter().collect(),
            None => first.clone(),
        };
        if super::clean::is_title(&text) && markers::scan(&c).first().is_none_or(|m| !m.line_start)
        {
            o.title = Some(text.clone());
            at = 1;
            // 第一篇：标题 followed by the title again.
            if lines.get(1) == Some(&text) {
                at = 2;
            }
        }
    }
    let salutation = lines[at..]
        .iter()
        .take(4)
        .position(|l| l.chars().count() <= 30 && l.ends_with('：') && !l.contains('。'))
        .map(|i| i + at);
    if let Some(s) = salutation {
        o.byline = lines[at..s].to_vec();
        o.salutation = Some(lines[s].clone());
        at = s + 1;
    }
    o.date = o
        .byline
        .iter()
        .chain(o.title.iter())
        .find_map(|l| super::clean::first_date(l));
    let body = &lines[at.min(lines.len())..];
    let scanned: Vec<Vec<Found>> = body.iter().map(|l| markers::scan(&chars(l))).collect();
    let headings = point_headings(body, &scanned);
    let announced = |upto: usize| {
        body[..upto].iter().rev().find_map(|l| {
            count::claims(&chars(l))
                .into_iter()
                .find(|c| c.kind == Kind::Points)
                .map(|c| match c.number {
                    Some(n) => Announced::Count(n),
                    None => Announced::Unfilled,
                })
        })
    };
    let Some(&first) = headings.first() else {
        o.opening = body.to_vec();
        o.announced = announced(body.len());
        return o;
    };
    o.opening = body[..first].to_vec();
    o.announced = announced(first);
    let last = *headings.last().unwrap_or(&first);
    let closing = (last + 1..body.len()).find(|&i| body[i].starts_with("同志们"));
    let end = closing.unwrap_or(body.len());
    if let Some(c) = closing {
        o.closing = body[c..].to_vec();
    }
    for (k, &h) in headings.iter().enumerate().take(MAX_POINTS) {
        let next = headings.get(k + 1).copied().unwrap_or(end);
        let heading = &scanned[h][0];
        let line = chars(&body[h]);
        let (title, rest) = sentence(&line, heading.end);
        let mut part: Vec<(String, Vec<Found>)> = Vec::new();
        if !rest.is_empty() {
            let rest_chars = chars(&rest);
            // The run-in body of the heading line: only its inline markers.
            let inline = markers::scan(&rest_chars)
                .into_iter()
                .filter(|m| !m.line_start)
                .collect();
            part.push((rest, inline));
        }
        for i in h + 1..next {
            part.push((body[i].clone(), scanned[i].clone()));
        }
        o.points.push(Point {
            title,
            items: items(&part),
        });
    }
    o
}

/// Lines (in `body`) of the point headings: the run 一、二、三… that the
/// opening announces, else the longest (the later of equals). A stray 一、
/// in the opening (a list of problems) is not a point.
fn point_headings(body: &[String], scanned: &[Vec<Found>]) -> Vec<usize> {
    // For each line, the number of points announced nearest above it, found
    // once for all the runs (a text of 100,000 一、 lines has as many).
    let mut announced_above = Vec::with_capacity(body.len());
    let mut nearest = None;
    for line in body {
        announced_above.push(nearest);
        let first = count::claims(&chars(line))
            .into_iter()
            .find(|c| c.kind == Kind::Points);
        if let Some(n) = first.and_then(|c| c.number) {
            nearest = Some(n);
        }
    }
    let mut runs: Vec<Vec<usize>> = Vec::new();
    for (i, ms) in scanned.iter().enumerate() {
        let Some(m) = ms
            .first()
            .filter(|m| m.line_start && m.family == Family::Level1)
        else {
            continue;
        };
        // A heading is short, or its first sentence is.
        let (title, _) = sentence(&chars(&body[i]), m.end);
        if title.chars().count() > 60 {
            continue;
        }
        match runs.last_mut() {
            Some(run) if m.number == run.len() as u64 + 1 => run.push(i),
            _ if m.number == 1 => runs.push(vec![i]),
            _ => {}
        }
    }
    let announced = |run: &Vec<usize>| announced_above[run[0]];
    if let Some(run) = runs
        .iter()
        .rev()
        .find(|r| announced(r) == Some(r.len() as u64))
    {
        return run.clone();
    }
    runs.into_iter()
        .rev()
        .max_by_key(Vec::len)
        .unwrap_or_default()
}

/// The sentence after `from` (without its final mark) and the rest of the
/// line.
fn sentence(line: &[char], from: usize) -> (String, String) {
    let from = from.min(line.len());
    let end = line[from..]
        .iter()
        .position(|c| matches!(c, '。' | '！' | '？'))
        .map_or(line.len(), |p| from + p);
    let title: String = line[from..end].iter().collect();
    let rest: String = line[(end + 1).min(line.len())..].iter().collect();
    (tidy(&title), rest.trim().to_owned())
}

/// A lead or a title without surrounding marks.
fn tidy(s: &str) -> String {
    s.trim()
        .trim_start_matches(['，', '、', '：', ' '])
        .trim_end_matches(['。', '；', '，', '：', '、', ' '])
        .to_owned()
}

/// The sub-points of one point, from its lines and their markers: the
/// family of the first marker opening a line; failing that, the first run
/// of spoken markers inside the paragraphs (……。一是……二是……).
fn items(part: &[(String, Vec<Found>)]) -> Vec<Item> {
    let opening = part
        .iter()
        .find_map(|(_, ms)| ms.first().filter(|m| m.line_start).map(|m| m.family));
    if let Some(family) = opening {
        let mut out: Vec<Item> = Vec::new();
        for (line, ms) in part {
            let c = chars(line);
            match ms.first().filter(|m| m.line_start && m.family == family) {
                Some(m) if out.len() < MAX_ITEMS => {
                    let (lead, text) = lead(&c, m.end, c.len());
                    out.push(Item {
                        marker: m.text.clone(),
                        lead,
                        text,
                    });
                }
                Some(_) => break,
                // A paragraph under an item is its text.
                None => {
                    if let Some(item) = out.last_mut() {
                        add_text(&mut item.text, line.trim());
                    }
                }
            }
        }
        // A marker with nothing after it has no lead to keep, and a
        // profile may not hold an empty one.
        out.retain(|item| !item.lead.is_empty());
        return out;
    }
    let mut out: Vec<Item> = Vec::new();
    let mut family = None;
    let mut last = 0;
    for (line, ms) in part {
        let c = chars(line);
        let spoken: Vec<&Found> = ms
            .iter()
            .filter(|m| matches!(m.family, Family::Yishi | Family::Di))
            .collect();
        for (k, m) in spoken.iter().enumerate() {
            match family {
                None if m.number == 1 => family = Some(m.family),
                Some(f) if f == m.family && m.number == last + 1 => {}
                Some(f) if f == m.family => return out,
                _ => continue,
            }
            last = m.number;
            if out.len() == MAX_ITEMS {
                return out;
            }
            // Its text runs to the next marker of the line.
            let until = spoken.get(k + 1).map_or(c.len(), |next| next.start);
            let (lead, text) = lead(&c, m.end, until);
            if !lead.is_empty() {
                out.push(Item {
                    marker: m.text.clone(),
                    lead,
                    text,
                });
            }
        }
    }
    out
}

/// The lead sentence after a marker, up to the first full stop or
/// semicolon and at most [`MAX_LEAD_CHARS`] (then up to the last comma or
/// other clause mark within them), and the text after it up to `until`
/// (at most [`MAX_TEXT_CHARS`]).
fn lead(line: &[char], from: usize, until: usize) -> (String, String) {
    let until = until.min(line.len());
    let from = from.min(until);
    let stop = line[from..until]
        .iter()
        .take(MAX_LEAD_CHARS + 1)
        .position(|c| matches!(c, '。' | '！' | '？' | '；'))
        .map(|p| from + p);
    let (end, rest_from) = match stop {
        Some(end) => (end, end + 1),
        None if until - from <= MAX_LEAD_CHARS => (until, until),
        None => {
            let window = &line[from..from + MAX_LEAD_CHARS];
            let cut = window
                .iter()
                .rposition(|c| matches!(c, '，' | '：' | '、' | ','))
                .map_or(from + MAX_LEAD_CHARS, |p| from + p);
            (cut, cut + 1)
        }
    };
    let mut text = String::new();
    add_text(
        &mut text,
        &line[rest_from.min(until)..until].iter().collect::<String>(),
    );
    (tidy(&line[from..end].iter().collect::<String>()), text)
}

/// Appends a paragraph to an item's text, keeping the text within
/// [`MAX_TEXT_CHARS`], ended at a sentence where it is cut.
fn add_text(text: &mut String, more: &str) {
    let more = more.trim();
    let room = MAX_TEXT_CHARS.saturating_sub(text.chars().count());
    if more.chars().count() <= room {
        text.push_str(more);
        return;
    }
    let kept: String = more.chars().take(room).collect();
    let cut = kept
        .rfind(['。', '！', '？', '；'])
        .map_or(0, |i| i + '。'.len_utf8());
    text.push_str(&kept[..cut]);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(s: &str) -> Vec<String> {
        s.lines().map(str::to_owned).collect()
    }

    #[test]
    fn reads_a_speech_outline() {
        let text = "在全镇植树活动动员大会上的讲话\n（2011年3月1日）\n同志们：\n今天开会。我讲两点意见。\n一、提高认识\n第一，植树是发展的需要。正文。\n第二，植树是民生的需要。正文。\n二、抓好落实。各村要行动起来。\n（一）明确责任。正文。\n（二）加强督查。正文。\n同志们，让我们行动起来。";
        let o = outline(&lines(text));
        assert_eq!(o.title.as_deref(), Some("在全镇植树活动动员大会上的讲话"));
        assert_eq!(o.date, NaiveDate::from_ymd_opt(2011, 3, 1));
        assert_eq!(o.salutation.as_deref(), Some("同志们："));
        assert_eq!(o.announced, Some(Announced::Count(2)));
        assert_eq!(o.points.len(), 2);
        assert_eq!(o.points[0].title, "提高认识");
        let leads: Vec<&str> = o.points[0].items.iter().map(|i| i.lead.as_str()).collect();
        assert_eq!(leads, ["植树是发展的需要", "植树是民生的需要"]);
        assert_eq!(o.points[1].title, "抓好落实");
        assert_eq!(o.points[1].items[1].lead, "加强督查");
        assert_eq!(o.closing, ["同志们，让我们行动起来。"]);
    }

    #[test]
    fn inline_spoken_items_and_a_stray_heading() {
        let text = "同志们：\n存在的问题：一、形式单一，亮点不多，缺乏吸引力，还有许多许多许多许多许多许多许多许多许多许多许多许多许多许多许多许多的问题。\n下面讲三点意见：\n一、甲\n正文。一是要做甲一。二是要做甲二。\n二、乙\n三、丙\n";
        let o = outline(&lines(text));
        assert_eq!(o.points.len(), 3);
        assert_eq!(o.announced, Some(Announced::Count(3)));
        let leads: Vec<&str> = o.points[0].items.iter().map(|i| i.lead.as_str()).collect();
        assert_eq!(leads, ["要做甲一", "要做甲二"]);
        assert_eq!(o.points[0].items[0].text, "");
    }

    #[test]
    fn each_item_keeps_its_text() {
        let text = "同志们：\n一、甲\n第一，要重视。正文一。\n第二，要落实。\n（一）不是项。\n二、乙\n（一）明确责任\n正文二。\n更多正文。\n（二）加强督查\n三、丙。要抓两件事。一是抓甲；甲的正文。二是抓乙。";
        let o = outline(&lines(text));
        let texts: Vec<Vec<&str>> = o
            .points
            .iter()
            .map(|p| p.items.iter().map(|i| i.text.as_str()).collect())
            .collect();
        assert_eq!(
            texts,
            [
                vec!["正文一。", "（一）不是项。"],
                vec!["正文二。更多正文。", ""],
                vec!["甲的正文。", ""]
            ]
        );
    }
}
