//! The 附件说明 under a document's body (GB/T 9704-2012 7.3.4): "附件：" and
//! the attachments' names; several attachments numbered with Arabic
//! numerals and a 下脚点 ("附件：1.……" / "2.……"), a single one not numbered,
//! and no punctuation after a name.

use super::{ATTACH_LIST, Draft, Finding};
use crate::markers::{Family, Form};

/// The lines of the 附件说明: the line opening with "附件：" and the numbered
/// lines after it (blank lines between them allowed). Indices into the
/// draft's lines.
pub(crate) fn lines(source: &super::source::Source) -> Vec<usize> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < source.lines.len() {
        let text = source.lines[i].text();
        let t = text.trim();
        let opens = (t.starts_with("附件：") || t.starts_with("附件:"))
            && t.chars().count() > 3
            && source.lines[i].heading.is_none();
        if !opens {
            i += 1;
            continue;
        }
        out.push(i);
        let mut j = i + 1;
        while j < source.lines.len() {
            let line = &source.lines[j];
            if line.is_blank() {
                j += 1;
                continue;
            }
            let markers = crate::markers::scan(&line.chars);
            if markers
                .first()
                .is_some_and(|m| m.line_start && m.family.level().is_some())
            {
                out.push(j);
                j += 1;
            } else {
                break;
            }
        }
        i = j;
    }
    out
}

/// One attachment: its line, where its marker and its name start, the
/// marker found (if any) and the name.
struct Item {
    line: usize,
    marker: Option<crate::markers::Found>,
    name_start: usize,
    name_end: usize,
}

pub(crate) fn check(draft: &Draft<'_>, out: &mut Vec<Finding>) {
    let block = lines(&draft.source);
    let mut groups: Vec<Vec<Item>> = Vec::new();
    for &index in &block {
        let chars = &draft.source.lines[index].chars;
        let text: String = chars.iter().collect();
        let indent = chars.iter().take_while(|c| c.is_whitespace()).count();
        let trimmed = &text[text
            .char_indices()
            .nth(indent)
            .map_or(text.len(), |(b, _)| b)..];
        let (from, new_group) = if trimmed.starts_with("附件") {
            (indent + 3, true)
        } else {
            (indent, false)
        };
        let marker = crate::markers::scan(&chars[from..])
            .into_iter()
            .find(|m| m.start == 0 && m.family.level().is_some())
            .map(|mut m| {
                m.start += from;
                m.end += from;
                m
            });
        let name_start = marker.as_ref().map_or(from, |m| m.end);
        let name_end = chars.len() - chars.iter().rev().take_while(|c| c.is_whitespace()).count();
        let item = Item {
            line: index,
            marker,
            name_start,
            name_end,
        };
        if new_group {
            groups.push(vec![item]);
        } else if let Some(g) = groups.last_mut() {
            g.push(item);
        }
    }
    for group in groups {
        check_group(draft, &group, out);
    }
}

fn check_group(draft: &Draft<'_>, group: &[Item], out: &mut Vec<Finding>) {
    let numbered = group.iter().filter(|i| i.marker.is_some()).count();
    if group.len() == 1
        && let Some(m) = &group[0].marker
    {
        out.push(draft.finding(
            &ATTACH_LIST,
            group[0].line,
            m.start,
            "只有一个附件，却编了顺序号".to_owned(),
            "只有一个附件时写“附件：名称”，不编号",
        ));
    }
    for (k, item) in group.iter().enumerate() {
        if let Some(m) = &item.marker
            && group.len() > 1
        {
            let standard =
                m.family == Family::Level3 && matches!(m.form, Form::Dot | Form::FullDot);
            let expected = k as u64 + 1;
            if !standard {
                out.push(draft.finding(
                    &ATTACH_LIST,
                    item.line,
                    m.start,
                    format!("附件顺序号写成了“{}”", m.text),
                    format!("用阿拉伯数字加下脚点：“{expected}.”"),
                ));
            } else if m.number != expected {
                out.push(draft.finding(
                    &ATTACH_LIST,
                    item.line,
                    m.start,
                    format!("附件顺序号“{}”不连续，这里应是第{expected}个", m.text),
                    format!("改成“{expected}.”"),
                ));
            }
        }
        let chars = &draft.source.lines[item.line].chars;
        if item.name_end > item.name_start
            && let Some(&last) = chars.get(item.name_end - 1)
            && "。；，、.;,：:".contains(last)
        {
            out.push(draft.finding(
                &ATTACH_LIST,
                item.line,
                item.name_end - 1,
                format!("附件名称后面加了“{last}”"),
                "附件名称后不加标点符号",
            ));
        }
    }
    if group.len() > 1 && numbered == 0 {
        out.push(draft.finding(
            &ATTACH_LIST,
            group[0].line,
            group[0].name_start,
            "有多个附件，没有编顺序号".to_owned(),
            "写成“附件：1.……”，下一行“2.……”，与上一行的名称首字对齐",
        ));
    }
}

#[cfg(test)]
mod tests {
    use crate::lint::found_at as found;

    #[test]
    fn attachments_as_the_standard_writes_them_pass() {
        let ok =
            "特此报告。\n\n　　附件：1.检查情况汇总表\n　　　　　2.整改台账\n\n示范区应急管理局\n";
        assert!(found(ok, "attach").is_empty(), "{:?}", found(ok, "attach"));
        assert!(
            found(ok, "numbering").is_empty(),
            "the 2. is not the body's"
        );
        assert!(found("附件：检查情况汇总表\n", "attach").is_empty());
    }

    #[test]
    fn attachments_numbered_or_ended_wrongly() {
        assert_eq!(found("附件：1.汇总表\n", "attach"), [(1, 4)]);
        assert_eq!(
            found("附件：1、汇总表\n2、整改台账\n", "attach"),
            [(1, 4), (2, 1)]
        );
        assert_eq!(found("附件：1.汇总表\n3.整改台账\n", "attach"), [(2, 1)]);
        assert_eq!(
            found("附件：1.汇总表；\n2.整改台账。\n", "attach"),
            [(1, 9), (2, 7)]
        );
    }

    fn said(text: &str) -> Vec<(u32, u32, String, String)> {
        crate::lint::findings(text, "attach")
            .into_iter()
            .map(|f| {
                let d = f.diagnostic;
                (d.line, d.column, d.message, d.hint.unwrap_or_default())
            })
            .collect()
    }

    fn at(line: u32, column: u32, message: &str, hint: &str) -> (u32, u32, String, String) {
        (line, column, message.to_owned(), hint.to_owned())
    }

    #[test]
    fn each_fault_says_what_and_how() {
        assert_eq!(
            said("　　附件：1.汇总表\n"),
            [at(
                1,
                6,
                "只有一个附件，却编了顺序号",
                "只有一个附件时写“附件：名称”，不编号"
            )]
        );
        assert_eq!(
            said("附件：（一）汇总表\n（二）整改台账\n"),
            [
                at(
                    1,
                    4,
                    "附件顺序号写成了“（一）”",
                    "用阿拉伯数字加下脚点：“1.”"
                ),
                at(
                    2,
                    1,
                    "附件顺序号写成了“（二）”",
                    "用阿拉伯数字加下脚点：“2.”"
                ),
            ]
        );
        assert_eq!(
            said("附件：1.汇总表\n3.整改台账\n"),
            [at(2, 1, "附件顺序号“3.”不连续，这里应是第2个", "改成“2.”")]
        );
        assert_eq!(
            said("附件:汇总表。　\n"),
            [at(1, 7, "附件名称后面加了“。”", "附件名称后不加标点符号")]
        );
        // Indented as a draft sets it, the name still ends where it ends.
        assert_eq!(
            said("　　附件：1.名单。\n2.台账\n"),
            [at(1, 10, "附件名称后面加了“。”", "附件名称后不加标点符号")]
        );
        // One attachment is not checked for a list's numbering as well.
        assert_eq!(
            said("附件：1、汇总表\n"),
            [at(
                1,
                4,
                "只有一个附件，却编了顺序号",
                "只有一个附件时写“附件：名称”，不编号"
            )]
        );
        // The full-width dot is the standard's too.
        assert_eq!(said("附件：1．汇总表\n2．整改台账\n"), []);
    }

    #[test]
    fn what_belongs_to_the_attachment_list() {
        // Only numbered lines go on the list; a blank line may stand
        // between; a line of text ends it.
        assert_eq!(said("附件：1.汇总表\n\n2.整改台账\n"), []);
        assert_eq!(
            said("附件：1.汇总表\n示范区应急管理局\n2.整改台账。\n"),
            [at(
                1,
                4,
                "只有一个附件，却编了顺序号",
                "只有一个附件时写“附件：名称”，不编号"
            )]
        );
        // A spoken 第二， is the body's, not an attachment.
        assert_eq!(
            said("附件：1.汇总表\n第二，做好整改。\n"),
            [at(
                1,
                4,
                "只有一个附件，却编了顺序号",
                "只有一个附件时写“附件：名称”，不编号"
            )]
        );
        // An empty heading between attachments is passed over.
        let only = crate::lint::Selection::new(&["attach".into()], &[]).unwrap_or_default();
        let f = crate::lint::check(
            std::path::Path::new("a.md"),
            "附件：1.汇总表\n\n#\n\n2.整改台账\n",
            &only,
        );
        assert!(
            f.is_empty(),
            "{:?}",
            f.iter().map(|f| &f.diagnostic.message).collect::<Vec<_>>()
        );
        // Each 附件： opens its own list.
        let f = said("附件：1.甲\n正文。\n附件：1.乙\n");
        assert_eq!(f.iter().map(|f| f.0).collect::<Vec<_>>(), [1, 3]);
        // A heading, or 附件： with nothing after it, is no list.
        let only = crate::lint::Selection::new(&["attach".into()], &[]).unwrap_or_default();
        let f = crate::lint::check(std::path::Path::new("a.md"), "## 附件：1.甲\n", &only);
        assert!(f.is_empty());
        assert_eq!(said("附件：\n1.甲。\n"), []);
        assert_eq!(said("附件说明：1.甲\n"), []);
    }
}
