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
