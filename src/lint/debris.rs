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

#[cfg(test)]
mod tests {
    use crate::lint::said;

    const CLEAN: &str = "从网页复制的残留：删去，或用 bigan import --clean-only 文件 一次清理干净";

    #[test]
    fn each_address_is_named_where_it_starts() {
        assert_eq!(
            said("见www.example.cn和http://a.b/c。\n", "debris.url"),
            [
                (
                    1,
                    2,
                    "文中有网址“www.example.cn”".to_owned(),
                    CLEAN.to_owned()
                ),
                (
                    1,
                    17,
                    "文中有网址“http://a.b/c”".to_owned(),
                    CLEAN.to_owned()
                ),
            ]
        );
    }

    #[test]
    fn site_chrome_is_named_where_it_starts() {
        assert_eq!(
            said("今天开会。\n本文 [ 详细 ]\n", "debris.site"),
            [(
                2,
                4,
                "网页残留“[ 详细 ]”".to_owned(),
                "删去这一行网页的内容（导航、来源、点击次数等）".to_owned()
            )]
        );
    }

    #[test]
    fn pinyin_is_shown_with_the_character_it_follows() {
        assert_eq!(
            said("醫(yī)院\n成绩?yōu)\n", "debris.pinyin"),
            [
                (
                    1,
                    2,
                    "“醫(yī)”带着网页加注的拼音".to_owned(),
                    CLEAN.to_owned()
                ),
                (
                    2,
                    3,
                    "“绩?yōu)”带着网页加注的拼音".to_owned(),
                    CLEAN.to_owned()
                ),
            ]
        );
        // At the line's start nothing stands before it.
        assert_eq!(
            said("yōu)好\n", "debris.pinyin"),
            [(
                1,
                1,
                "“yōu)”带着网页加注的拼音".to_owned(),
                CLEAN.to_owned()
            )]
        );
    }
}
