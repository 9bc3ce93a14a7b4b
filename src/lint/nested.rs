//! Quotation marks and book-title marks nested by level (GB/T 15834-2011
//! 4.8.3.4, 4.15.3.5): “…‘…’…”, 《…〈…〉…》. A template that wrapped profile
//! text holding its own marks, or a writer who typed “ inside “, gives
//! "“增强“四个意识””" and "《关于印发《方案》的通知》".

use super::{Draft, Finding, PUNCT_NESTED};
use crate::marks::{Nesting, QUOTES, TITLES};

pub(crate) fn check(draft: &Draft<'_>, out: &mut Vec<Finding>) {
    for (index, line) in draft.source.lines.iter().enumerate() {
        for (nesting, what) in [(QUOTES, "引号"), (TITLES, "书名号")] {
            for at in nesting.misnested(&line.chars) {
                out.push(finding(draft, index, at, line.chars[at], nesting, what));
            }
        }
    }
}

fn finding(
    draft: &Draft<'_>,
    index: usize,
    at: usize,
    mark: char,
    nesting: Nesting,
    what: &str,
) -> Finding {
    let (outer, inner) = (nesting.outer, nesting.inner);
    let (message, hint) = if mark == outer.0 {
        (
            format!("{what}里面又用了{}{}", outer.0, outer.1),
            format!(
                "{what}里面还要用{what}时，里面一层用{}{}：写成{}…{}…{}…{}",
                inner.0, inner.1, outer.0, inner.0, inner.1, outer.1
            ),
        )
    } else {
        (
            format!("最外面一层{what}用了{}{}", inner.0, inner.1),
            format!(
                "外面一层用{}{}，{}{}只用在它的里面",
                outer.0, outer.1, inner.0, inner.1
            ),
        )
    };
    draft.finding(&PUNCT_NESTED, index, at, message, hint)
}

#[cfg(test)]
mod tests {
    use crate::lint::messages;

    #[test]
    fn each_misnested_mark_says_which_level_it_broke() {
        assert_eq!(
            messages("要增强“坚定“四个意识””。\n", "punct.nested"),
            [(1, "引号里面又用了“”".to_owned())]
        );
        assert_eq!(
            messages("印发‘方案’。\n", "punct.nested"),
            [(1, "最外面一层引号用了‘’".to_owned())]
        );
        assert_eq!(
            messages("《关于印发《方案》的通知》\n〈规划〉\n", "punct.nested"),
            [
                (1, "书名号里面又用了《》".to_owned()),
                (2, "最外面一层书名号用了〈〉".to_owned())
            ]
        );
        assert!(messages("“甲‘乙’丙”《甲〈乙〉》\n", "punct.nested").is_empty());
    }
}
