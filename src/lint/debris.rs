//! The `debris.*` rules: what a web page leaves in text copied from it
//! (addresses, the site's chrome, pinyin annotations), found by
//! [`crate::text::debris`], reported with the advice to clean the file.

use super::{DEBRIS_PINYIN, DEBRIS_SITE, DEBRIS_URL, Draft, Finding};
use crate::text::debris::{pinyin, site, urls};

pub(crate) fn check(draft: &Draft<'_>, out: &mut Vec<Finding>) {
    let hint_clean = "从网页复制的残留：删去，或用 bigan import --clean-only 文件 一次清理干净";
    for (index, line) in draft.source.lines.iter().enumerate() {
        let chars = &line.chars;
        for (start, end) in urls(chars) {
            let url: String = chars[start..end].iter().collect();
            out.push(draft.finding(
                &DEBRIS_URL,
                index,
                start,
                format!("文中有网址“{url}”"),
                hint_clean,
            ));
        }
        if let Some((at, what)) = site(chars) {
            out.push(draft.finding(
                &DEBRIS_SITE,
                index,
                at,
                format!("网页残留“{}”", what.trim()),
                "删去这一行网页的内容（导航、来源、点击次数等）",
            ));
        }
        for (start, end) in pinyin(chars) {
            let ann: String = chars[start..end].iter().collect();
            let before = start.checked_sub(1).map(|p| chars[p]).unwrap_or(' ');
            out.push(draft.finding(
                &DEBRIS_PINYIN,
                index,
                start,
                format!(
                    "“{before}{ann}”带着网页加注的拼音",
                    before = before.to_string().trim()
                ),
                hint_clean,
            ));
        }
    }
}
