//! The `punct.*` rules (GB/T 15834-2011 第5章): half-width marks, straight
//! or low quotes and spaces in Chinese text, found by [`crate::text::punct`],
//! each reported with the mark it should be.

use super::{Draft, Finding, PUNCT_HALFWIDTH, PUNCT_QUOTES, PUNCT_SPACE};
use crate::text::punct::{curly, halfwidth, quotes, spaces};
use crate::zh;

pub(crate) fn check(draft: &Draft<'_>, out: &mut Vec<Finding>) {
    for (index, line) in draft.source.lines.iter().enumerate() {
        let chars = &line.chars;
        for i in halfwidth(chars) {
            let c = chars[i];
            let full = zh::fullwidth(c).unwrap_or(c);
            out.push(draft.finding(
                &PUNCT_HALFWIDTH,
                index,
                i,
                format!("中文里用了半角标点“{c}”"),
                format!("改成全角的“{full}”"),
            ));
        }
        for i in quotes(chars) {
            let c = chars[i];
            let (message, hint) = match c {
                '"' => (
                    "中文里用了直引号\"".to_owned(),
                    "改成“”（左右引号）".to_owned(),
                ),
                '\'' => (
                    "中文里用了直引号'".to_owned(),
                    "改成‘’（左右单引号）".to_owned(),
                ),
                _ => (
                    format!("引号“{c}”不是中文引号（网页复制常见）"),
                    format!("改成“{}”", curly(c, true)),
                ),
            };
            out.push(draft.finding(&PUNCT_QUOTES, index, i, message, hint));
        }
        for (start, _) in spaces(chars) {
            out.push(draft.finding(
                &PUNCT_SPACE,
                index,
                start,
                "汉字之间有多余的空格".to_owned(),
                "删去空格（从网页或 PDF 复制时常带进来）".to_owned(),
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::lint::said;

    fn one(line: u32, column: u32, message: &str, hint: &str) -> (u32, u32, String, String) {
        (line, column, message.to_owned(), hint.to_owned())
    }

    #[test]
    fn a_half_width_mark_is_named_with_its_full_width_form() {
        assert_eq!(
            said("今天\n同志们:好(是)\n", "punct.halfwidth"),
            [
                one(2, 4, "中文里用了半角标点“:”", "改成全角的“：”"),
                one(2, 6, "中文里用了半角标点“(”", "改成全角的“（”"),
                one(2, 8, "中文里用了半角标点“)”", "改成全角的“）”"),
            ]
        );
    }

    #[test]
    fn each_kind_of_wrong_quote_has_its_own_advice() {
        assert_eq!(
            said("提出\"好\"和'好'\n建设‚五个县‛\n", "punct.quotes"),
            [
                one(1, 3, "中文里用了直引号\"", "改成“”（左右引号）"),
                one(1, 5, "中文里用了直引号\"", "改成“”（左右引号）"),
                one(1, 7, "中文里用了直引号'", "改成‘’（左右单引号）"),
                one(1, 9, "中文里用了直引号'", "改成‘’（左右单引号）"),
                one(2, 3, "引号“‚”不是中文引号（网页复制常见）", "改成““”"),
                one(2, 7, "引号“‛”不是中文引号（网页复制常见）", "改成“””"),
            ]
        );
    }

    #[test]
    fn a_space_between_han_is_found_where_it_starts() {
        assert_eq!(
            said("标题\n把出发  点放在发展上，\n", "punct.space"),
            [one(
                2,
                4,
                "汉字之间有多余的空格",
                "删去空格（从网页或 PDF 复制时常带进来）"
            )]
        );
    }
}
