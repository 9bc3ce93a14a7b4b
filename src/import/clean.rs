//! Cleaning a 范文 copied from a website: pinyin annotations out, traditional
//! characters to simplified, full-width punctuation in Chinese text, the
//! site's chrome and debris lines dropped, one paragraph per line kept.
//! It removes exactly what lint's debris, punct and text rules report: both
//! ask [`crate::text`].

use chrono::NaiveDate;

use crate::text::scan::Covered;
use crate::text::{debris, punct, script};

/// A cleaned text and what was taken out of it.
#[derive(Debug, Clone, Default)]
pub struct Cleaned {
    /// The paragraphs, one per line.
    pub lines: Vec<String>,
    /// Lines dropped as the site's chrome (cleaned too): they can still
    /// name the organisation.
    pub dropped: Vec<String>,
    /// The page's publication date, when a 时间/发布时间 line gave one.
    pub published: Option<NaiveDate>,
}

/// Cleans one line: pinyin out, simplified, punctuation fixed.
pub fn clean_line(line: &str) -> String {
    let line = line.trim_matches(|c: char| c.is_whitespace() || c == '\u{feff}');
    let chars: Vec<char> = line.chars().collect();
    let pinyin = Covered::new(chars.len(), &debris::pinyin(&chars));
    let kept: String = chars
        .iter()
        .enumerate()
        .filter(|(i, _)| !pinyin.contains(*i))
        .map(|(_, c)| c)
        // Control characters are copy-paste damage, never text, and YAML
        // cannot hold them even in a comment.
        .filter(|c| !c.is_control())
        .collect();
    let simple = script::simplify(&kept);
    let mut chars: Vec<char> = simple.chars().collect();
    for i in punct::halfwidth(&chars) {
        if let Some(full) = crate::zh::fullwidth(chars[i]) {
            chars[i] = full;
        }
    }
    let mut open = [true, true];
    for i in punct::quotes(&chars) {
        let c = chars[i];
        let slot = usize::from(c == '\'');
        chars[i] = punct::curly(c, open[slot]);
        if matches!(c, '"' | '\'') {
            open[slot] = !open[slot];
        }
    }
    let spaces = Covered::new(chars.len(), &punct::spaces(&chars));
    chars
        .iter()
        .enumerate()
        .filter(|(i, _)| !spaces.contains(*i))
        .map(|(_, c)| *c)
        .collect::<String>()
        .trim()
        .to_owned()
}

/// Whether a cleaned line is the site's and not the speech's.
fn is_debris(line: &str) -> bool {
    let chars: Vec<char> = line.chars().collect();
    if debris::site(&chars).is_some() {
        return true;
    }
    // A line that is only a web address, or a bullet of the site's menu.
    let urls = debris::urls(&chars);
    let url_len: usize = urls.iter().map(|(s, e)| e - s).sum();
    let han = chars.iter().filter(|&&c| crate::zh::is_han(c)).count();
    (url_len > 0 && han <= 6) || (line.starts_with("- ") && han <= 20)
}

/// A salutation (同志们：), possibly after a byline on the same line.
fn salutation_at(line: &str) -> Option<usize> {
    let idx = line.rfind("同志们：")?;
    (line[idx..].chars().count() == 4).then_some(idx)
}

/// Cleans a whole text: each line cleaned, the site's lines dropped, and
/// everything before the speech's title (the page header) set aside. A
/// line ends at a line feed, a carriage return (old Mac files) or both.
pub fn clean(text: &str) -> Cleaned {
    let mut out = Cleaned::default();
    for raw in text.split(['\n', '\r']) {
        let line = clean_line(raw);
        if line.is_empty() {
            continue;
        }
        if is_debris(&line) {
            if out.published.is_none() && (line.contains("时间") || line.contains("日期")) {
                out.published = first_date(&line);
            }
            out.dropped.push(line);
            continue;
        }
        // （2010年11月3日）同志们： is a byline and a salutation.
        match salutation_at(&line) {
            Some(idx) if idx > 0 => {
                out.lines.push(line[..idx].trim().to_owned());
                out.lines.push(line[idx..].to_owned());
            }
            _ => out.lines.push(line),
        }
    }
    if let Some(title) = title_index(&out.lines) {
        let header: Vec<String> = out.lines.drain(..title).collect();
        out.dropped.extend(header);
    }
    out
}

/// Where the speech starts: the title line just above the salutation.
fn title_index(lines: &[String]) -> Option<usize> {
    let salutation = lines
        .iter()
        .take(40)
        .position(|l| l.chars().count() <= 30 && l.ends_with('：') && !l.contains('。'))?;
    (salutation.saturating_sub(3)..salutation).find(|&i| is_title(&lines[i]))
}

/// Whether a line reads like the title of a speech or a plan.
pub fn is_title(line: &str) -> bool {
    let n = line.chars().count();
    n <= 70
        && !line.ends_with('。')
        && [
            "讲话", "发言", "方案", "意见", "通知", "报告", "致辞", "讲稿",
        ]
        .iter()
        .any(|w| line.contains(w))
}

/// The first date in a line: 2012-11-02 or 2012年11月2日.
pub fn first_date(line: &str) -> Option<NaiveDate> {
    let chars: Vec<char> = line.chars().collect();
    for i in 0..chars.len() {
        if i > 0 && chars[i - 1].is_ascii_digit() {
            continue;
        }
        let num = |at: usize, max: usize| crate::zh::ascii_number(&chars, at, max);
        let Some((y, e)) = num(i, 4) else { continue };
        if e - i != 4 {
            continue;
        }
        let (sep1, sep2) = match chars.get(e) {
            Some('-') => ('-', '-'),
            Some('年') => ('年', '月'),
            Some('.') => ('.', '.'),
            _ => continue,
        };
        let _ = sep1;
        let Some((m, e2)) = num(e + 1, 2) else {
            continue;
        };
        if chars.get(e2) != Some(&sep2) {
            continue;
        }
        let Some((d, _)) = num(e2 + 1, 2) else {
            continue;
        };
        if let Some(date) = i32::try_from(y)
            .ok()
            .and_then(|y| NaiveDate::from_ymd_opt(y, m, d))
            // A profile can hold only dates `check` accepts.
            .filter(|d| crate::calendar::supported(*d))
        {
            return Some(date);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cleans_a_line() {
        assert_eq!(
            clean_line("醫(yī)院開(kāi)會(huì),同志們:"),
            "医院开会，同志们："
        );
        assert_eq!(
            clean_line("把出发 点放在\"发展\"上,时间12:45。"),
            "把出发点放在“发展”上，时间12:45。"
        );
        assert_eq!(
            clean_line("建设‚五个县‛目标(2010年)"),
            "建设“五个县”目标（2010年）"
        );
    }

    #[test]
    fn drops_the_site_and_keeps_the_speech() {
        let page = "网站首页 > 文章\n某某医院\n在大会上的讲话\n时间:2012-11-02 12:45来源:本站\n（2010年5月3日）同志们:\n今天开会。\n更多>\n";
        let c = clean(page);
        assert_eq!(
            c.lines,
            [
                "在大会上的讲话",
                "（2010年5月3日）",
                "同志们：",
                "今天开会。"
            ]
        );
        assert_eq!(c.published, NaiveDate::from_ymd_opt(2012, 11, 2));
        assert!(c.dropped.iter().any(|l| l == "某某医院"));
    }
}
