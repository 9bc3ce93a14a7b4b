//! A Word document's page against GB/T 9704-2012: the paper (5.1), the
//! margins and 版心 (5.2.1), the body's font and size (5.2.2), 22 lines of
//! 28 characters (5.2.3), the title (7.3.1), the headings' fonts (7.3.3)
//! and the page numbers (7.5).
//!
//! Everything is read from the formatting Word resolves ([`crate::input::docx`]),
//! so a document passes however its author set the fonts: by style, by
//! hand, or through the theme. Fonts are told by family, under any of the
//! names office staff meet (仿宋_GB2312, 仿宋, FangSong, 方正仿宋_GBK…).

use std::path::Path;

use super::{Finding, Rule};
use crate::diagnostic::{Diagnostic, Severity, SourceText};
use crate::input::docx::{Docx, Paragraph, RunProps};
use crate::markers::{self, Family};

/// Twips (1/20 pt) in a millimetre.
const TWIPS_PER_MM: f64 = 1440.0 / 25.4;
/// How far a measure may stray (5.2.1 gives the margins ±1 mm).
const TOLERANCE_MM: f64 = 1.0;

/// 3号, 2号 and 4号 in half-points.
const SIZE_3: u32 = 32;
const SIZE_2: u32 = 44;
const SIZE_4: u32 = 28;

/// The typeface families the standard names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Face {
    XiaoBiaoSong,
    FangSong,
    Kai,
    Hei,
    Song,
}

impl Face {
    fn name(self) -> &'static str {
        match self {
            Face::XiaoBiaoSong => "小标宋",
            Face::FangSong => "仿宋",
            Face::Kai => "楷体",
            Face::Hei => "黑体",
            Face::Song => "宋体",
        }
    }
}

/// Each family with the names it goes by, lower case without spaces,
/// hyphens or underscores. Checked in order: 小标宋 and 仿宋 before 宋.
const FACES: [(Face, &[&str]); 5] = [
    (Face::XiaoBiaoSong, &["小标宋", "xiaobiaosong", "fzxbs"]),
    (
        Face::FangSong,
        &["仿宋", "fangsong", "fandolfang", "stfangsong", "fzfsk"],
    ),
    (
        Face::Kai,
        &[
            "楷体",
            "楷书",
            "kaiti",
            "stkaiti",
            "fandolkai",
            "ukai",
            "fzktk",
        ],
    ),
    (
        Face::Hei,
        &[
            "黑体",
            "simhei",
            "heiti",
            "fandolhei",
            "fzhtk",
            "sourcehansans",
            "notosanscjk",
        ],
    ),
    (
        Face::Song,
        &[
            "宋体",
            "宋",
            "simsun",
            "nsimsun",
            "songti",
            "stsong",
            "fandolsong",
            "fzssk",
        ],
    ),
];

/// The family a font name belongs to, if it is one the standard names.
/// 微软雅黑 is a sans face of its own, not 黑体.
pub fn face(font: &str) -> Option<Face> {
    let key: String = font
        .chars()
        .filter(|c| !matches!(c, ' ' | '-' | '_'))
        .flat_map(char::to_lowercase)
        .collect();
    if key.contains("雅黑") || key.contains("yahei") {
        return None;
    }
    FACES
        .iter()
        .find(|(_, names)| names.iter().any(|n| key.contains(n)))
        .map(|(f, _)| *f)
}

/// `3号（16 pt）` for a size in half-points.
fn size_words(half_points: u32) -> String {
    let pt = f64::from(half_points) / 2.0;
    let named = match half_points {
        84 => "初号",
        72 => "小初",
        52 => "一号",
        48 => "小一",
        44 => "2号",
        36 => "小二",
        32 => "3号",
        30 => "小三",
        28 => "4号",
        24 => "小四",
        21 => "5号",
        18 => "小五",
        _ => "",
    };
    if named.is_empty() {
        format!("{pt} pt")
    } else {
        format!("{named}（{pt} pt）")
    }
}

fn mm(twips: i64) -> f64 {
    twips as f64 / TWIPS_PER_MM
}

fn off(twips: i64, target_mm: f64) -> bool {
    (mm(twips) - target_mm).abs() > TOLERANCE_MM + 0.05
}

/// The findings on `docx`'s page; `text` (its paragraphs, one a line) is
/// where a finding about a paragraph points.
pub(crate) fn check(path: &Path, text: &str, docx: &Docx) -> Vec<Finding> {
    let mut c = Checker {
        path,
        text: SourceText::new(text.to_owned()),
        out: Vec::new(),
    };
    c.page(docx);
    let title = crate::input::title_paragraphs(docx);
    c.title(docx, &title);
    c.body(docx, &title);
    c.headings(docx);
    c.page_numbers(docx);
    c.out
}

struct Checker<'a> {
    path: &'a Path,
    /// Shared by the findings' caret displays.
    text: SourceText,
    out: Vec<Finding>,
}

impl Checker<'_> {
    /// A finding about paragraph `index` (0-based), or the whole document.
    fn push(&mut self, rule: &'static Rule, paragraph: Option<usize>, message: String, hint: &str) {
        let line = paragraph.map_or(0, |i| u32::try_from(i + 1).unwrap_or(u32::MAX));
        let mut d = Diagnostic::error(self.path, line, u32::from(line > 0), message)
            .with_hint(hint.to_owned())
            .with_source(&self.text);
        d.severity = rule.severity;
        self.out.push(Finding {
            rule,
            diagnostic: d,
        });
    }

    fn page(&mut self, docx: &Docx) {
        let p = &docx.page;
        let (w, h) = p.size.unwrap_or((12240, 15840));
        let (w, h) = (i64::from(w), i64::from(h));
        if off(w, 210.0) || off(h, 297.0) {
            self.push(
                &LAYOUT_PAGE,
                None,
                format!(
                    "纸张是 {:.0} mm × {:.0} mm{}，国标用 A4（210 mm × 297 mm）",
                    mm(w),
                    mm(h),
                    if (mm(w) - 215.9).abs() < 1.0 && (mm(h) - 279.4).abs() < 1.0 {
                        "（美国的 Letter 纸）"
                    } else {
                        ""
                    }
                ),
                "在“布局→纸张大小”里选 A4",
            );
        }
        let top = p.top.unwrap_or(1440).abs();
        let bottom = p.bottom.unwrap_or(1440).abs();
        let left = p.left.unwrap_or(1800) + p.gutter.unwrap_or(0);
        let right = p.right.unwrap_or(1800);
        let mut wrong = Vec::new();
        if off(top, 37.0) {
            wrong.push(format!("天头（上边距）{:.1} mm，应为 37 mm", mm(top)));
        }
        if off(left, 28.0) {
            wrong.push(format!("订口（左边距）{:.1} mm，应为 28 mm", mm(left)));
        }
        let (text_w, text_h) = (w - left - right, h - top - bottom);
        if off(text_w, 156.0) || off(text_h, 225.0) {
            wrong.push(format!(
                "版心 {:.0} mm × {:.0} mm，应为 156 mm × 225 mm",
                mm(text_w),
                mm(text_h)
            ));
        }
        if !wrong.is_empty() {
            self.push(
                &LAYOUT_MARGINS,
                None,
                format!("页边距不合国标：{}", wrong.join("；")),
                "在“布局→页边距→自定义”里设上 3.7 厘米、下 3.5 厘米、左 2.8 厘米、右 2.6 厘米（各允许 ±1 mm）",
            );
        }
        self.grid(docx, text_w, text_h);
    }

    /// 22 lines of 28 characters: the line pitch (a fixed line, or Word's
    /// line grid) into the 版心's height, the character pitch (the body's
    /// size with its spacing, or Word's character grid) into its width.
    fn grid(&mut self, docx: &Docx, text_w: i64, text_h: i64) {
        let size = i64::from(docx.body.size.unwrap_or(21)) * 10;
        let p = &docx.page;
        let snaps = matches!(
            p.grid.as_deref(),
            Some("lines" | "linesAndChars" | "snapToChars")
        );
        // A single line of a CJK face is about 1.3 times its size.
        let natural = size * 13 / 10;
        let pitch = match &docx.body_para.line {
            Some((n, rule)) if rule == "exact" => i64::from(*n),
            Some((n, rule)) if rule == "atLeast" => i64::from(*n).max(natural),
            other => {
                let multiple = other.as_ref().map_or(240, |(n, _)| i64::from(*n));
                let line = natural * multiple / 240;
                match p.line_pitch.map(i64::from).filter(|&g| snaps && g > 0) {
                    Some(grid) => grid * ((line + grid - 1) / grid).max(1),
                    None => line,
                }
            }
        };
        let chars_grid = matches!(p.grid.as_deref(), Some("linesAndChars" | "snapToChars"));
        let char_pitch = match p.char_space.filter(|_| chars_grid) {
            // charSpace adds 4096ths of a point to each character.
            Some(space) => size + space * 20 / 4096,
            None => size + i64::from(docx.body.spacing.unwrap_or(0)),
        };
        if pitch <= 0 || char_pitch <= 0 {
            return;
        }
        let (lines, chars) = (text_h / pitch, text_w / char_pitch);
        if lines != 22 || chars != 28 {
            self.push(
                &LAYOUT_GRID,
                None,
                format!("每面排 {lines} 行、每行 {chars} 字，国标一般每面 22 行、每行 28 字"),
                "正文行距设“固定值 28.95 磅”（或在“文档网格”里指定每页 22 行），\
                 字符间距紧缩 0.25 磅（或指定每行 28 字），版心按国标设置",
            );
        }
    }

    fn title(&mut self, docx: &Docx, title: &[usize]) {
        let Some(&first) = title.first() else {
            return;
        };
        let Some(props) = docx.paragraphs[first].main_props() else {
            return;
        };
        let font = props.east_asia.as_deref().unwrap_or("（未指定）");
        let mut wrong = Vec::new();
        if face(font) != Some(Face::XiaoBiaoSong) {
            wrong.push(format!("字体是“{font}”"));
        }
        if props.size != Some(SIZE_2) {
            wrong.push(format!("字号是 {}", size_words(props.size.unwrap_or(21))));
        }
        if !wrong.is_empty() {
            self.push(
                &LAYOUT_TITLE,
                Some(first),
                format!("标题{}，国标用 2号小标宋（22 pt）", wrong.join("、")),
                "标题设为“方正小标宋简体”（或方正小标宋_GBK）二号",
            );
        }
    }

    /// Body paragraphs: not the title, not a heading (by outline level or
    /// a 一、/（一） at their start), not centred (the speaker and date).
    fn body(&mut self, docx: &Docx, title: &[usize]) {
        let mut font_off: Option<(usize, String, usize)> = None;
        let mut size_off: Option<(usize, u32, usize)> = None;
        for (i, p) in docx.paragraphs.iter().enumerate() {
            if title.contains(&i)
                || p.props.outline.is_some()
                || p.props.align.as_deref() == Some("center")
                || heading_level(p).is_some()
            {
                continue;
            }
            let Some(props) = p.main_props() else {
                continue;
            };
            let font = props
                .east_asia
                .clone()
                .unwrap_or_else(|| "（未指定）".to_owned());
            if face(&font) != Some(Face::FangSong) {
                let entry = font_off.get_or_insert((i, font, 0));
                entry.2 += 1;
            }
            let size = props.size.unwrap_or(21);
            if size != SIZE_3 {
                let entry = size_off.get_or_insert((i, size, 0));
                entry.2 += 1;
            }
        }
        if let Some((i, font, n)) = font_off {
            self.push(
                &LAYOUT_BODY,
                Some(i),
                format!("正文字体是“{font}”（共 {n} 段），国标用仿宋"),
                "正文设为“仿宋_GB2312”（没有时用“仿宋”）：改“正文”样式的中文字体即可全篇生效",
            );
        }
        if let Some((i, size, n)) = size_off {
            self.push(
                &LAYOUT_BODY,
                Some(i),
                format!(
                    "正文字号是 {}（共 {n} 段），国标用 3号（16 pt）",
                    size_words(size)
                ),
                "正文设为三号：改“正文”样式的字号即可全篇生效",
            );
        }
    }

    /// 一、 headings in 黑体, （一） in 楷体: the face of the heading's first
    /// character (a （一） lead run in 楷体 before 仿宋 text counts).
    fn headings(&mut self, docx: &Docx) {
        for (level, want) in [(1, Face::Hei), (2, Face::Kai)] {
            let mut wrong: Option<(usize, String, usize)> = None;
            for (i, p) in docx.paragraphs.iter().enumerate() {
                if heading_level(p) != Some(level) {
                    continue;
                }
                let font = p
                    .props_at(0)
                    .and_then(|r| r.east_asia.clone())
                    .unwrap_or_else(|| "（未指定）".to_owned());
                if face(&font) != Some(want) {
                    wrong.get_or_insert((i, font, 0)).2 += 1;
                }
            }
            if let Some((i, font, n)) = wrong {
                let (which, marker) = if level == 1 {
                    ("一级标题", "一、")
                } else {
                    ("二级标题", "（一）")
                };
                self.push(
                    &LAYOUT_HEADINGS,
                    Some(i),
                    format!(
                        "{which}（{marker}）用的是“{font}”（共 {n} 处），国标用{}",
                        want.name()
                    ),
                    if level == 1 {
                        "一级标题设为黑体，三号"
                    } else {
                        "二级标题设为“楷体_GB2312”（没有时用“楷体”），三号"
                    },
                );
            }
        }
    }

    /// Page numbers: a PAGE field between one-em dashes, 4号, odd pages on
    /// the right and even pages on the left.
    fn page_numbers(&mut self, docx: &Docx) {
        let hint = "在“插入→页码”里插入页码，两边加一字线写成“— 1 —”，四号宋体；\
                    勾选“奇偶页不同”，奇数页居右空一字、偶数页居左空一字";
        let numbered: Vec<_> = docx.footers.iter().filter(|f| f.has_page_field).collect();
        if numbered.is_empty() {
            self.push(
                &LAYOUT_PAGE_NUMBER,
                None,
                "没有页码，国标要求在版心下方编排页码".to_owned(),
                hint,
            );
            return;
        }
        let mut wrong = Vec::new();
        let side = |kind: &str| {
            numbered
                .iter()
                .find(|f| f.kind == kind)
                .and_then(|f| f.paragraphs.iter().find(|p| !p.text.trim().is_empty()))
        };
        let shape = |p: &Paragraph| {
            let t = p.text.trim();
            // 一字线: the em dash, not a hyphen or an en dash.
            t.starts_with('—') && t.ends_with('—')
        };
        let sized = |p: &Paragraph| p.main_props().and_then(|r: &RunProps| r.size) == Some(SIZE_4);
        let odd = side("default");
        let even = side("even").filter(|_| docx.even_and_odd);
        for p in odd.iter().chain(even.iter()) {
            if !shape(p) {
                wrong.push("不是“— 1 —”的写法（数字两边各一条一字线“—”，不是短横“-”）".to_owned());
                break;
            }
        }
        if let Some(p) = odd.or(even)
            && !sized(p)
        {
            let size = p.main_props().and_then(|r| r.size).unwrap_or(21);
            wrong.push(format!("字号是 {}，应为 4号（14 pt）", size_words(size)));
        }
        let aligned = |p: Option<&&Paragraph>, want: &[&str]| {
            p.and_then(|p| p.props.align.as_deref())
                .is_some_and(|a| want.contains(&a))
        };
        // A frame aligned “outside” puts one footer's number on the outer
        // side of every page (WPS does it so).
        let framed_outside = odd.is_some_and(|p| p.props.frame_x.as_deref() == Some("outside"));
        let sides =
            aligned(odd.as_ref(), &["right", "end"]) && aligned(even.as_ref(), &["left", "start"]);
        if !framed_outside && !sides {
            wrong.push("不在外侧（应单页居右、双页居左，设“奇偶页不同”）".to_owned());
        }
        if !wrong.is_empty() {
            self.push(
                &LAYOUT_PAGE_NUMBER,
                None,
                format!("页码{}", wrong.join("；")),
                hint,
            );
        }
    }
}

/// The GB/T 9704 level of a paragraph's leading marker: 1 for 一、, 2 for
/// （一）; a Word heading style counts by its outline level.
fn heading_level(p: &Paragraph) -> Option<u8> {
    if let Some(level) = p.props.outline {
        return Some(level + 1);
    }
    let chars: Vec<char> = p.text.chars().collect();
    markers::scan(&chars)
        .first()
        .filter(|m| m.line_start && matches!(m.family, Family::Level1 | Family::Level2))
        .and_then(|m| m.family.level())
}

macro_rules! layout_rule {
    ($name:ident, $id:literal, $sev:ident, $clause:literal, $summary:literal) => {
        pub static $name: Rule = Rule {
            id: $id,
            severity: Severity::$sev,
            basis: super::Basis::Standard(concat!("GB/T 9704-2012 ", $clause)),
            summary: $summary,
        };
    };
}

layout_rule!(
    LAYOUT_PAGE,
    "layout.page",
    Error,
    "5.1",
    "（DOCX）用 A4 纸：210 mm × 297 mm"
);
layout_rule!(
    LAYOUT_MARGINS,
    "layout.margins",
    Error,
    "5.2.1",
    "（DOCX）天头 37 mm、订口 28 mm（±1 mm），版心 156 mm × 225 mm"
);
layout_rule!(
    LAYOUT_BODY,
    "layout.body",
    Error,
    "5.2.2",
    "（DOCX）正文用 3号仿宋（16 pt）"
);
layout_rule!(
    LAYOUT_GRID,
    "layout.grid",
    Warning,
    "5.2.3",
    "（DOCX）每面 22 行、每行 28 字"
);
layout_rule!(
    LAYOUT_TITLE,
    "layout.title",
    Error,
    "7.3.1",
    "（DOCX）标题用 2号小标宋（22 pt）"
);
layout_rule!(
    LAYOUT_HEADINGS,
    "layout.headings",
    Error,
    "7.3.3",
    "（DOCX）一级标题（一、）用黑体，二级标题（（一））用楷体"
);
layout_rule!(
    LAYOUT_PAGE_NUMBER,
    "layout.page_number",
    Warning,
    "7.5",
    "（DOCX）页码用 4号、写作“— 1 —”，单页居右、双页居左"
);

#[cfg(test)]
mod tests {
    use super::*;
    use crate::input::docx::{Footer, Page, ParaProps, Run};

    fn props(font: &str, size: u32) -> RunProps {
        let mut p = RunProps::default();
        p.east_asia = Some(font.to_owned());
        p.size = Some(size);
        p
    }

    fn para(text: &str, font: &str, size: u32, align: Option<&str>) -> Paragraph {
        let mut props = ParaProps::default();
        props.align = align.map(str::to_owned);
        Paragraph {
            text: text.to_owned(),
            runs: vec![Run {
                text: text.to_owned(),
                props: self::props(font, size),
            }],
            props,
            styles: Vec::new(),
            numbered: false,
        }
    }

    fn footer(kind: &str, text: &str, align: &str) -> Footer {
        Footer {
            kind: kind.to_owned(),
            paragraphs: vec![para(text, "宋体", SIZE_4, Some(align))],
            has_page_field: true,
        }
    }

    /// A page set as GB/T 9704 asks: A4, margins 37/35/28/26 mm, 3号仿宋
    /// on a fixed 28.95 pt line tightened by 0.25 pt (22 × 28), a 2号
    /// 小标宋 title, 黑体 and 楷体 headings, "— 1 —" outside.
    fn standard() -> Docx {
        let mut page = Page::default();
        page.size = Some((11906, 16838));
        page.top = Some(2098);
        page.bottom = Some(1984);
        page.left = Some(1587);
        page.right = Some(1474);
        let mut body = RunProps::default();
        body.size = Some(SIZE_3);
        body.spacing = Some(-5);
        let mut body_para = ParaProps::default();
        body_para.line = Some((579, "exact".to_owned()));
        Docx {
            paragraphs: vec![
                para(
                    "关于开展专项行动的讲话",
                    "方正小标宋简体",
                    SIZE_2,
                    Some("center"),
                ),
                para("同志们：", "仿宋_GB2312", SIZE_3, None),
                para("一、提高认识", "黑体", SIZE_3, None),
                para("（一）明确责任", "楷体_GB2312", SIZE_3, None),
                para("这是正文。", "仿宋_GB2312", SIZE_3, None),
                para("这是正文。", "仿宋_GB2312", SIZE_3, None),
            ],
            page,
            footers: vec![
                footer("default", "— 1 —", "right"),
                footer("even", "— 2 —", "left"),
            ],
            even_and_odd: true,
            body,
            body_para,
        }
    }

    #[test]
    fn sizes_by_their_chinese_names() {
        for (half_points, words) in [
            (84, "初号（42 pt）"),
            (72, "小初（36 pt）"),
            (52, "一号（26 pt）"),
            (48, "小一（24 pt）"),
            (44, "2号（22 pt）"),
            (36, "小二（18 pt）"),
            (32, "3号（16 pt）"),
            (30, "小三（15 pt）"),
            (28, "4号（14 pt）"),
            (24, "小四（12 pt）"),
            (21, "5号（10.5 pt）"),
            (18, "小五（9 pt）"),
            (25, "12.5 pt"),
        ] {
            assert_eq!(size_words(half_points), words);
        }
    }

    #[test]
    fn a_margin_within_a_millimetre_passes() {
        let mut d = standard();
        // 38 mm and 36 mm (to the twip below): 1 mm off.
        for top in [2154, 2041] {
            d.page.top = Some(top);
            d.page.bottom = Some(1984 + 2098 - top);
            assert_eq!(only(&d, "layout.margins"), [], "{top}");
        }
        d.page.top = Some(2160);
        d.page.bottom = Some(1984 + 2098 - 2160);
        assert_eq!(only(&d, "layout.margins").len(), 1);
    }

    #[test]
    fn a_paragraph_finding_points_at_its_line_a_page_finding_at_none() {
        let mut d = standard();
        d.page.size = None;
        d.paragraphs[4].runs[0].props = props("宋体", SIZE_3);
        let text: String = d.paragraphs.iter().map(|p| p.text.clone() + "\n").collect();
        let at: Vec<_> = check(Path::new("a.docx"), &text, &d)
            .into_iter()
            .filter(|f| matches!(f.rule.id, "layout.page" | "layout.body"))
            .map(|f| (f.rule.id, f.diagnostic.line, f.diagnostic.column))
            .collect();
        assert_eq!(at, [("layout.page", 0, 0), ("layout.body", 5, 1)]);
    }

    /// (rule id, paragraph line, message) of each finding.
    fn found(docx: &Docx) -> Vec<(&'static str, u32, String)> {
        let text: String = docx
            .paragraphs
            .iter()
            .map(|p| p.text.clone() + "\n")
            .collect();
        check(Path::new("a.docx"), &text, docx)
            .into_iter()
            .map(|f| (f.rule.id, f.diagnostic.line, f.diagnostic.message))
            .collect()
    }

    fn only(docx: &Docx, rule: &str) -> Vec<(u32, String)> {
        found(docx)
            .into_iter()
            .filter(|(id, ..)| *id == rule)
            .map(|(_, line, m)| (line, m))
            .collect()
    }

    #[test]
    fn a_page_set_by_the_standard_passes() {
        assert_eq!(found(&standard()), []);
    }

    #[test]
    fn letter_paper_is_named_and_a4_asked_for() {
        let mut d = standard();
        d.page.size = Some((12240, 15840));
        let m = only(&d, "layout.page");
        assert_eq!(
            m,
            [(
                0,
                "纸张是 216 mm × 279 mm（美国的 Letter 纸），国标用 A4（210 mm × 297 mm）"
                    .to_owned()
            )]
        );
        // Wider or taller by more than the tolerance alone is wrong too;
        // within it is not.
        for (w, h, wrong) in [
            (11906 + 80, 16838, true),
            (11906, 16838 + 80, true),
            (11906 + 40, 16838 - 40, false),
        ] {
            d.page.size = Some((w, h));
            let m = only(&d, "layout.page");
            assert_eq!(m.len(), usize::from(wrong), "{w}×{h}: {m:?}");
            if wrong {
                assert!(!m[0].1.contains("Letter"), "{m:?}");
            }
        }
        // No size given: Word's default, Letter.
        d.page.size = None;
        assert!(only(&d, "layout.page")[0].1.contains("Letter"));
    }

    #[test]
    fn margins_name_each_one_off() {
        let mut d = standard();
        d.page.top = Some(1440);
        let m = only(&d, "layout.margins");
        assert_eq!(m.len(), 1, "{m:?}");
        assert!(
            m[0].1.starts_with(
                "页边距不合国标：天头（上边距）25.4 mm，应为 37 mm；版心 156 mm × 237 mm"
            ),
            "{m:?}"
        );
        // A negative top (text may run into the header) is measured as is.
        d.page.top = Some(-2098);
        assert_eq!(only(&d, "layout.margins"), []);
        let mut d = standard();
        d.page.left = Some(1440);
        d.page.gutter = Some(147);
        assert_eq!(
            only(&d, "layout.margins"),
            [],
            "the gutter adds to the left margin"
        );
        d.page.gutter = None;
        let m = only(&d, "layout.margins");
        assert!(
            m[0].1.contains("订口（左边距）25.4 mm，应为 28 mm"),
            "{m:?}"
        );
        let mut d = standard();
        d.page.bottom = Some(2098);
        let m = only(&d, "layout.margins");
        assert_eq!(m.len(), 1);
        assert!(m[0].1.contains("版心 156 mm × 223 mm"), "{m:?}");
        assert!(!m[0].1.contains("天头"), "{m:?}");
        let mut d = standard();
        d.page.right = Some(1587);
        let m = only(&d, "layout.margins");
        assert!(m[0].1.contains("版心 154 mm × 225 mm"), "{m:?}");
        // Word's defaults (1 inch, 1.25 inch) are not the standard's.
        let mut d = standard();
        d.page.top = None;
        d.page.bottom = None;
        d.page.left = None;
        d.page.right = None;
        let m = only(&d, "layout.margins");
        assert!(m[0].1.contains("天头（上边距）25.4 mm"), "{m:?}");
        assert!(m[0].1.contains("订口（左边距）31.7 mm"), "{m:?}");
    }

    #[test]
    fn the_grid_counts_lines_and_characters() {
        let mut d = standard();
        d.page.bottom = Some(1984 - 300);
        let m = only(&d, "layout.grid");
        // The 版心 also grows past the margins' tolerance; the grid counts
        // 22 lines all the same until a whole line more fits.
        assert_eq!(m, [], "{m:?}");
        d.page.bottom = Some(1984 - 600);
        let m = only(&d, "layout.grid");
        assert_eq!(
            m,
            [(
                0,
                "每面排 23 行、每行 28 字，国标一般每面 22 行、每行 28 字".to_owned()
            )]
        );
        let mut d = standard();
        d.body.spacing = None;
        let m = only(&d, "layout.grid");
        assert_eq!(
            m[0].1,
            "每面排 22 行、每行 27 字，国标一般每面 22 行、每行 28 字"
        );
        // At least 28.95 pt: the natural line of 16 pt (20.8 pt) is shorter.
        let mut d = standard();
        d.body_para.line = Some((579, "atLeast".to_owned()));
        assert_eq!(only(&d, "layout.grid"), []);
        // At least 10 pt: the natural line (416 twips) wins, 30 lines.
        d.body_para.line = Some((200, "atLeast".to_owned()));
        assert!(only(&d, "layout.grid")[0].1.starts_with("每面排 30 行"));
    }

    #[test]
    fn the_grid_follows_words_document_grid() {
        let mut d = standard();
        d.body.spacing = None;
        // Single spacing on a 22-line grid: each line takes one grid pitch.
        d.body_para.line = None;
        d.page.grid = Some("lines".to_owned());
        d.page.line_pitch = Some(579);
        let m = only(&d, "layout.grid");
        assert_eq!(
            m[0].1,
            "每面排 22 行、每行 27 字，国标一般每面 22 行、每行 28 字"
        );
        // A grid of characters too: charSpace -1 229 ≈ -0.3 pt a character.
        d.page.grid = Some("linesAndChars".to_owned());
        d.page.char_space = Some(-1229);
        assert_eq!(only(&d, "layout.grid"), []);
        d.page.grid = Some("snapToChars".to_owned());
        assert_eq!(only(&d, "layout.grid"), []);
        // A line grid alone leaves the characters at their size.
        d.page.grid = Some("lines".to_owned());
        assert!(only(&d, "layout.grid")[0].1.contains("每行 27 字"));
        // Without a grid that snaps, the line pitch is not used.
        d.page.grid = None;
        d.page.char_space = None;
        d.body.spacing = Some(-5);
        assert!(only(&d, "layout.grid")[0].1.starts_with("每面排 30 行"));
        // A pitch larger than a line: one line a grid pitch (25 lines of
        // 510), not two.
        d.page.grid = Some("lines".to_owned());
        d.page.line_pitch = Some(510);
        assert!(only(&d, "layout.grid")[0].1.starts_with("每面排 25 行"));
        // 1.5 lines on that grid take two pitches: 12 lines.
        d.body_para.line = Some((360, "auto".to_owned()));
        assert!(only(&d, "layout.grid")[0].1.starts_with("每面排 12 行"));
        // A line exactly one grid pitch long takes one pitch, not two.
        d.body_para.line = None;
        d.page.line_pitch = Some(416);
        assert!(only(&d, "layout.grid")[0].1.starts_with("每面排 30 行"));
        // A grid of pitch 0 is no grid.
        d.page.line_pitch = Some(0);
        assert!(only(&d, "layout.grid")[0].1.starts_with("每面排 30 行"));
        // A character grid adding a point to each character: 26 a line.
        let mut d = standard();
        d.page.grid = Some("linesAndChars".to_owned());
        d.page.char_space = Some(4096);
        assert_eq!(
            only(&d, "layout.grid")[0].1,
            "每面排 22 行、每行 26 字，国标一般每面 22 行、每行 28 字"
        );
        // A zero pitch says nothing rather than divide by it.
        d.page.line_pitch = Some(0);
        d.body_para.line = Some((0, "exact".to_owned()));
        assert_eq!(only(&d, "layout.grid"), []);
    }

    #[test]
    fn the_title_is_2hao_xiaobiaosong() {
        let mut d = standard();
        d.paragraphs[0] = para("关于开展专项行动的讲话", "黑体", SIZE_3, Some("center"));
        assert_eq!(
            only(&d, "layout.title"),
            [(
                1,
                "标题字体是“黑体”、字号是 3号（16 pt），国标用 2号小标宋（22 pt）".to_owned()
            )]
        );
        d.paragraphs[0] = para(
            "关于开展专项行动的讲话",
            "方正小标宋简体",
            36,
            Some("center"),
        );
        assert_eq!(
            only(&d, "layout.title"),
            [(
                1,
                "标题字号是 小二（18 pt），国标用 2号小标宋（22 pt）".to_owned()
            )]
        );
        // A title without any text run says nothing.
        d.paragraphs[0].runs.clear();
        assert_eq!(only(&d, "layout.title"), []);
    }

    #[test]
    fn the_body_is_3hao_fangsong_counted_by_paragraph() {
        let mut d = standard();
        d.paragraphs[4] = para("这是正文。", "宋体", SIZE_3, None);
        d.paragraphs[5] = para("这是正文。", "宋体", 30, None);
        assert_eq!(
            only(&d, "layout.body"),
            [
                (5, "正文字体是“宋体”（共 2 段），国标用仿宋".to_owned()),
                (
                    6,
                    "正文字号是 小三（15 pt）（共 1 段），国标用 3号（16 pt）".to_owned()
                ),
            ]
        );
        // Not the body: a centred line, a heading by outline level.
        let mut d = standard();
        d.paragraphs[4].props.align = Some("center".to_owned());
        d.paragraphs[4].runs[0].props = props("宋体", 30);
        d.paragraphs[5].props.outline = Some(2);
        d.paragraphs[5].runs[0].props = props("宋体", 30);
        assert_eq!(only(&d, "layout.body"), []);
        // A paragraph opening with 1. is body text, not a heading; a title
        // by style is the title wherever it stands.
        let mut d = standard();
        d.paragraphs[0].props.align = None;
        d.paragraphs[0].styles = vec!["Title".to_owned()];
        d.paragraphs[4] = para("1.正文", "宋体", SIZE_3, None);
        assert_eq!(
            only(&d, "layout.body"),
            [(5, "正文字体是“宋体”（共 1 段），国标用仿宋".to_owned())]
        );
        // A size nobody names is given in points.
        let mut d = standard();
        d.paragraphs[4].runs[0].props = props("仿宋", 33);
        assert_eq!(
            only(&d, "layout.body"),
            [(
                5,
                "正文字号是 16.5 pt（共 1 段），国标用 3号（16 pt）".to_owned()
            )]
        );
    }

    #[test]
    fn headings_are_hei_then_kai() {
        let mut d = standard();
        d.paragraphs[2] = para("一、提高认识", "仿宋", SIZE_3, None);
        d.paragraphs[3] = para("（一）明确责任", "黑体", SIZE_3, None);
        assert_eq!(
            only(&d, "layout.headings"),
            [
                (
                    3,
                    "一级标题（一、）用的是“仿宋”（共 1 处），国标用黑体".to_owned()
                ),
                (
                    4,
                    "二级标题（（一））用的是“黑体”（共 1 处），国标用楷体".to_owned()
                ),
            ]
        );
        let hints: Vec<_> = {
            let text: String = d.paragraphs.iter().map(|p| p.text.clone() + "\n").collect();
            check(Path::new("a.docx"), &text, &d)
                .into_iter()
                .filter(|f| f.rule.id == "layout.headings")
                .map(|f| f.diagnostic.hint.unwrap_or_default())
                .collect()
        };
        assert_eq!(
            hints,
            [
                "一级标题设为黑体，三号",
                "二级标题设为“楷体_GB2312”（没有时用“楷体”），三号"
            ]
        );
        // A Word heading style counts by its outline level.
        let mut d = standard();
        d.paragraphs[4].props.outline = Some(0);
        assert_eq!(
            only(&d, "layout.headings"),
            [(
                5,
                "一级标题（一、）用的是“仿宋_GB2312”（共 1 处），国标用黑体".to_owned()
            )]
        );
        // A marker inside a line is not a heading.
        let mut d = standard();
        d.paragraphs[4] = para("正文一、二", "黑体", SIZE_3, None);
        assert_eq!(only(&d, "layout.headings"), []);
    }

    #[test]
    fn page_numbers_em_dashes_4hao_outside() {
        let mut d = standard();
        d.footers.clear();
        assert_eq!(
            only(&d, "layout.page_number"),
            [(0, "没有页码，国标要求在版心下方编排页码".to_owned())]
        );
        let mut d = standard();
        d.footers[0].has_page_field = false;
        d.footers[1].has_page_field = false;
        assert_eq!(only(&d, "layout.page_number").len(), 1);
        // Hyphens, on the even page only.
        let mut d = standard();
        d.footers[1] = footer("even", "- 2 -", "left");
        let m = only(&d, "layout.page_number");
        assert_eq!(m.len(), 1);
        assert!(m[0].1.starts_with("页码不是“— 1 —”的写法"), "{m:?}");
        // The dash on one side only.
        d.footers[1] = footer("even", "— 2", "left");
        assert_eq!(only(&d, "layout.page_number").len(), 1);
        d.footers[1] = footer("even", "2 —", "left");
        assert_eq!(only(&d, "layout.page_number").len(), 1);
        // The size.
        let mut d = standard();
        d.footers[0].paragraphs[0].runs[0].props = props("宋体", 24);
        assert_eq!(
            only(&d, "layout.page_number"),
            [(0, "页码字号是 小四（12 pt），应为 4号（14 pt）".to_owned())]
        );
        // Both in the centre.
        let mut d = standard();
        d.footers[0] = footer("default", "— 1 —", "center");
        d.footers[1] = footer("even", "— 2 —", "center");
        assert_eq!(
            only(&d, "layout.page_number"),
            [(
                0,
                "页码不在外侧（应单页居右、双页居左，设“奇偶页不同”）".to_owned()
            )]
        );
        // Word's end/start alignments are right and left.
        let mut d = standard();
        d.footers[0] = footer("default", "— 1 —", "end");
        d.footers[1] = footer("even", "— 2 —", "start");
        assert_eq!(only(&d, "layout.page_number"), []);
        // Odd and even alike unless the document tells them apart.
        d.even_and_odd = false;
        assert_eq!(only(&d, "layout.page_number").len(), 1);
        // A frame aligned outside does it with one footer.
        let mut d = standard();
        d.even_and_odd = false;
        d.footers.truncate(1);
        d.footers[0].paragraphs[0].props.align = None;
        d.footers[0].paragraphs[0].props.frame_x = Some("outside".to_owned());
        assert_eq!(only(&d, "layout.page_number"), []);
        // An empty first paragraph of the footer is passed over.
        let mut d = standard();
        d.footers[0]
            .paragraphs
            .insert(0, para(" ", "宋体", 24, Some("center")));
        assert_eq!(only(&d, "layout.page_number"), []);
        // Only the even footer, told apart: its size is checked.
        let mut d = standard();
        d.footers[0].has_page_field = false;
        d.footers[1].paragraphs[0].runs[0].props = props("宋体", 24);
        let m = only(&d, "layout.page_number");
        assert!(m[0].1.contains("字号是 小四（12 pt）"), "{m:?}");
    }

    #[test]
    fn fonts_by_family_under_their_usual_names() {
        for (name, want) in [
            ("仿宋_GB2312", Some(Face::FangSong)),
            ("FangSong", Some(Face::FangSong)),
            ("方正仿宋_GBK", Some(Face::FangSong)),
            ("仿宋", Some(Face::FangSong)),
            ("方正小标宋简体", Some(Face::XiaoBiaoSong)),
            ("FZXiaoBiaoSong-B05S", Some(Face::XiaoBiaoSong)),
            ("楷体_GB2312", Some(Face::Kai)),
            ("KaiTi", Some(Face::Kai)),
            ("黑体", Some(Face::Hei)),
            ("SimHei", Some(Face::Hei)),
            ("宋体", Some(Face::Song)),
            ("SimSun", Some(Face::Song)),
            ("微软雅黑", None),
            ("微软雅黑体", None),
            ("Microsoft YaHei", None),
            ("Times New Roman", None),
        ] {
            assert_eq!(face(name), want, "{name}");
        }
    }
}
