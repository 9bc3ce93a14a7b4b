//! The `text.traditional` rule: traditional characters in a simplified
//! draft, found by [`crate::text::script`]. A text that is traditional
//! throughout gets one finding, not thousands.

use super::{Draft, Finding, TEXT_TRADITIONAL};
use crate::text::script::traditional;

pub(crate) fn check(draft: &Draft<'_>, out: &mut Vec<Finding>) {
    let mut found: Vec<(usize, usize, char, char)> = Vec::new();
    let mut han = 0usize;
    for (index, line) in draft.source.lines.iter().enumerate() {
        han += line.chars.iter().filter(|&&c| crate::zh::is_han(c)).count();
        for (i, simple) in traditional(&line.chars) {
            found.push((index, i, line.chars[i], simple));
        }
    }
    let Some(&(line, at, _, _)) = found.first() else {
        return;
    };
    if found.len() > 20 && found.len() * 10 > han {
        let mut examples: Vec<char> = Vec::new();
        for &(_, _, c, _) in &found {
            if !examples.contains(&c) && examples.len() < 5 {
                examples.push(c);
            }
        }
        let examples: Vec<String> = examples.iter().map(|c| format!("“{c}”")).collect();
        out.push(draft.finding(
            &TEXT_TRADITIONAL,
            line,
            at,
            format!(
                "全文是繁体字（共{}处，如{}）",
                found.len(),
                examples.join("")
            ),
            "用 bigan import --clean-only 文件 -o 新文件 转成简体，并清理网页残留",
        ));
        return;
    }
    for (line, at, c, simple) in found {
        out.push(draft.finding(
            &TEXT_TRADITIONAL,
            line,
            at,
            format!("简体文稿中夹有繁体字“{c}”"),
            format!("改成“{simple}”"),
        ));
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_few_are_each_found_with_their_simple_form() {
        let found = crate::lint::findings("全院干部職工\n要加强學习。\n", "text.traditional");
        let said: Vec<(u32, u32, &str, Option<&str>)> = found
            .iter()
            .map(|f| {
                let d = &f.diagnostic;
                (d.line, d.column, d.message.as_str(), d.hint.as_deref())
            })
            .collect();
        assert_eq!(
            said,
            [
                (1, 5, "简体文稿中夹有繁体字“職”", Some("改成“职”")),
                (2, 4, "简体文稿中夹有繁体字“學”", Some("改成“学”")),
            ]
        );
    }

    #[test]
    fn a_text_traditional_throughout_gets_one_finding() {
        let all = "學習職業體會".repeat(4);
        let found = crate::lint::messages(&all, "text.traditional");
        assert_eq!(
            found,
            [(
                1,
                "全文是繁体字（共24处，如“學”“習”“職”“業”“體”）".to_owned()
            )]
        );
        // Twenty are still each worth pointing out.
        assert_eq!(
            crate::lint::messages(&"學".repeat(20), "text.traditional").len(),
            20
        );
        // So are more, when they are a tenth of the text or less.
        let mixed = format!("{}{}", "学".repeat(189), "學".repeat(21));
        assert_eq!(crate::lint::messages(&mixed, "text.traditional").len(), 21);
        let mixed = format!("{}{}", "学".repeat(188), "學".repeat(21));
        assert_eq!(crate::lint::messages(&mixed, "text.traditional").len(), 1);
    }
}
