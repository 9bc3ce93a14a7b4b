//! The text of the genre files: sentences with placeholders (`{served}`,
//! `{units+staff}`, `{theme|quoted}`, `{salute?}`), parsed once when a file
//! is loaded so an unknown placeholder is a located error then, not a
//! surprise in a draft.
//!
//! A placeholder stands for a value of the vocabulary (the profile, the
//! sector, the campaign type and the era, see [`VARS`]). A sentence that
//! needs a value the profile does not give is left out: rendering gives
//! `None`, and the caller picks another alternative or says nothing.

use std::borrow::Cow;
use std::fmt::Write as _;
use std::sync::OnceLock;

use serde::{Deserialize, Serialize};

use crate::marks;

/// Every placeholder data text may use: its name and what it holds. The
/// order is the index a [`Var`] carries; docs/genre.md lists the same.
pub const VARS: &[(&str, &str)] = &[
    // The organisation (profile, defaults from the sector).
    ("org", "单位全称：朝阳市第二医院"),
    ("we", "讲话人怎么说“我们”：我院、全县、我局"),
    ("party_org", "作决定的党组织：院党委、县委"),
    ("superior", "部署这项工作的上级：市卫生局党委"),
    ("units", "抓落实的单位：各党支部、各级党组织"),
    ("staff", "会议面向的全体人员：全院干部职工"),
    ("served", "服务的对象：患者、辖区群众、师生"),
    // The sector's words.
    ("scope", "标题里的范围：全院、全县、全系统"),
    ("workers", "本行业的职工作为一个群体：医务人员、民警辅警"),
    ("work", "核心业务：医疗服务、经济社会发展"),
    ("front", "一线：临床一线、基层一线"),
    ("posts", "一线岗位：门诊、病房、医技科室"),
    ("subunits", "下属单位：各科室、各乡镇、各直属单位"),
    ("middle", "中层骨干：科主任、护士长"),
    ("branches", "基层党组织：各党支部、各村（社区）党组织"),
    ("field", "行业或领域：卫生健康、交通运输"),
    // The sector's passages, already chosen for this organisation.
    ("mission", "本行业的使命（行业文字 mission）"),
    ("focus", "一线的重点（行业文字 focus）"),
    ("guidance", "分类指导（行业文字 guidance）"),
    ("image", "结尾的行业意象（行业文字 closing）"),
    ("praise", "推进会上对本行业人员的肯定（行业文字 praise）"),
    ("push", "推进会上对一线下一步工作的要求（行业文字 push）"),
    ("purpose", "实施方案“为……”的行业部分（行业文字 purpose）"),
    ("aim", "实施方案总体目标的行业部分（行业文字 aim）"),
    // The campaign.
    ("name", "活动名称：创先争优"),
    ("label", "行文中的称呼：创先争优活动、“两学一做”学习教育"),
    ("full_name", "全称，只在它是名称的展开时有值"),
    ("noun", "回指用的名词：活动、学习教育、主题教育、行动、工作"),
    ("group", "领导小组的名称：活动领导小组、专项行动领导小组"),
    ("decider", "作出决策的机关：党中央、公安部"),
    ("goals", "目标，用顿号连接"),
    ("theme", "主题或总要求，用顿号或逗号连接"),
    (
        "occasions",
        "仍在前面、要迎接的节点：建党90周年和党的十八大",
    ),
    ("targets", "要保障的目标：全年安全生产目标"),
    ("situation", "形势和背景（campaign.situation），成段"),
    ("span", "整个活动的时间：2010年5月—2012年6月"),
    ("start", "开始日期：2010年5月20日"),
    ("end", "结束日期：2012年6月30日"),
    (
        "first_end",
        "第一阶段的结束日期，不止一个阶段且文稿日期还没到它时才有：2024年3月31日",
    ),
    ("salute", "结尾的迎接或保障语：，以优异成绩迎接建党90周年"),
    // The meetings and the plan.
    ("before_me", "讲话人之前的发言（meeting.before_me）"),
    ("office", "领导小组办公室所在：院党委办公室"),
    ("issuer", "实施方案的发文单位"),
    (
        "basis",
        "上级文件：市委《关于……的意见》（市委发〔2010〕8号）",
    ),
    ("since", "推进会说起动员的时间：今年5月"),
    ("elapsed", "动员以来多久：五个多月"),
    ("next_step", "推进会之后：下一阶段，最后阶段里是下一步"),
    ("phase", "推进会所在阶段的简称：全面争创"),
    ("next_phase", "推进会之后的第一个阶段的简称"),
    // The era of the meeting's date.
    ("guiding", "指导思想的表述，随会议日期而定"),
    ("spirit", "要贯彻的会议精神：党的十九大和十九届历次全会精神"),
    ("political", "政治要求：增强“四个意识”……，随会议日期而定"),
    // Inside one item only.
    ("problem", "推进会讲话里正在回应的一个问题"),
    // The documents around the mobilisation (genre/documents.rs).
    ("day", "工作信息里会议的日子：5月20日"),
    ("place", "会议地点：院行政楼四楼会议室"),
    ("attendees", "参会人员，用顿号（或分号）连接"),
    (
        "speaker",
        "讲话人，职务在前：院党委书记张建华（通知里加“同志”）",
    ),
    ("title", "交流发言的题目（exchange.title）"),
    ("occasion", "交流发言所在的会议（exchange.occasion）"),
    ("passed", "活动期间已经过去、迎接过的节点：建党90周年"),
    ("held", "总结大会说起推进会的时间：去年11月"),
    (
        "commended",
        "受到表彰的先进（summary.commended）：5个先进基层党组织和20名优秀共产党员",
    ),
    (
        "yardstick",
        "活动的标准，连同它衡量的对象：先进基层党组织“五个好”、优秀共产党员“五带头”",
    ),
];

/// Placeholders that stand for the sector's own passages: a sector passage
/// may not use them (it would refer to itself).
const PASSAGES: &[&str] = &[
    "mission", "focus", "guidance", "image", "praise", "push", "purpose", "aim",
];

/// A placeholder, by its index in [`VARS`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Var(pub u16);

impl Var {
    pub fn named(name: &str) -> Option<Var> {
        VARS.iter()
            .position(|(n, _)| *n == name)
            .and_then(|i| u16::try_from(i).ok())
            .map(Var)
    }

    pub fn name(self) -> &'static str {
        VARS.get(self.0 as usize).map(|(n, _)| *n).unwrap_or("?")
    }

    pub fn is_passage(self) -> bool {
        PASSAGES.contains(&self.name())
    }
}

/// How a placeholder's value is wrapped.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Wrap {
    None,
    /// “…”, with quotation marks inside turned into ‘…’ (GB/T 15834).
    Quoted,
    /// 《…》, with 《…》 inside turned into 〈…〉.
    Titled,
}

/// A placeholder as parsed: `{a}` or `{a+b}` (the values joined with 和,
/// see [`marks::and_list`]); `optional` (`{a?}`) lets it be empty without
/// losing the sentence.
struct Placeholder<'t> {
    /// The [`Var`]s, a byte each.
    vars: &'t [u8],
    wrap: Wrap,
    optional: bool,
}

impl Placeholder<'_> {
    fn vars(&self) -> impl Iterator<Item = Var> + '_ {
        self.vars.iter().map(|&b| Var(u16::from(b)))
    }

    /// The values it joins: those of its vars that are given and not empty.
    fn found<'v>(&self, value: &impl Fn(Var) -> Option<&'v str>) -> impl Iterator<Item = &'v str> {
        self.vars().filter_map(value).filter(|s| !s.is_empty())
    }

    /// Whether it has what it needs: `{a+b}` one of them, `{a}` a.
    fn filled<'v>(&self, value: &impl Fn(Var) -> Option<&'v str>) -> bool {
        self.optional || self.found(value).next().is_some()
    }
}

/// One piece of a [`Text`]: a run of literal text or a placeholder.
enum Piece<'t> {
    Lit(&'t str),
    Var(Placeholder<'t>),
}

/// Where a placeholder stands in a text's body; literal text never holds
/// it ([`Text::parse`] refuses it).
const MARK: char = '\0';

const WRAPS: [Wrap; 3] = [Wrap::None, Wrap::Quoted, Wrap::Titled];

/// One sentence (or paragraph) of genre data, parsed.
///
/// Kept as two runs of bytes. The head: the number of placeholders and,
/// for each, a byte for its wrap and optionality, the number of its vars
/// and a byte for each var's index. The body: the literal text as written
/// with [`MARK`] where each placeholder stands. So the compiled data is
/// decoded by borrowing both from the binary (no allocation, no copy),
/// whether an alternative fits is read from the few bytes of its head,
/// and a body is read as UTF-8 once, the first time a draft takes it.
#[derive(Clone, Default)]
pub struct Text {
    head: Cow<'static, [u8]>,
    body: Body,
}

#[derive(Clone)]
enum Body {
    Ready(Cow<'static, str>),
    /// As build.rs compiled it, checked as UTF-8 on first use.
    Compiled {
        bytes: &'static [u8],
        read: OnceLock<&'static str>,
    },
}

impl Default for Body {
    fn default() -> Self {
        Body::Ready(Cow::Borrowed(""))
    }
}

impl Body {
    fn text(&self) -> &str {
        match self {
            Body::Ready(s) => s,
            // Text::parse wrote UTF-8, and a test decodes every built-in
            // file; damaged data would read as no text, never fail a draft.
            Body::Compiled { bytes, read } => {
                read.get_or_init(|| std::str::from_utf8(bytes).unwrap_or_default())
            }
        }
    }
}

impl PartialEq for Text {
    fn eq(&self, other: &Text) -> bool {
        self.head == other.head && self.body.text() == other.body.text()
    }
}

impl Eq for Text {}

impl std::fmt::Debug for Text {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        std::fmt::Debug::fmt(&self.source(), f)
    }
}

impl Serialize for Text {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeTuple as _;
        let mut t = s.serialize_tuple(2)?;
        t.serialize_element(&AsBytes(&self.head))?;
        t.serialize_element(&AsBytes(self.body.text().as_bytes()))?;
        t.end()
    }
}

/// Bytes serialized as bytes (read back borrowed), not as a sequence of
/// numbers.
struct AsBytes<'b>(&'b [u8]);

impl Serialize for AsBytes<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_bytes(self.0)
    }
}

/// Only from data that lives as long as the program (the compiled genre
/// data in the binary), which the text borrows.
impl<'de: 'static> Deserialize<'de> for Text {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let (head, bytes) = <(&'de [u8], &'de [u8])>::deserialize(d)?;
        Ok(Text {
            head: Cow::Borrowed(head),
            body: Body::Compiled {
                bytes,
                read: OnceLock::new(),
            },
        })
    }
}

/// The placeholders in a text's head, in order.
struct Placeholders<'t> {
    rest: &'t [u8],
    left: u8,
}

impl<'t> Iterator for Placeholders<'t> {
    type Item = Placeholder<'t>;

    fn next(&mut self) -> Option<Placeholder<'t>> {
        self.left = self.left.checked_sub(1)?;
        // Only Text::parse writes the head; a short one ends the text.
        let [flags, count, rest @ ..] = self.rest else {
            self.left = 0;
            return None;
        };
        let (vars, rest) = rest.split_at((*count as usize).min(rest.len()));
        self.rest = rest;
        Some(Placeholder {
            vars,
            wrap: WRAPS[*flags as usize % 3],
            optional: *flags >= 3,
        })
    }
}

/// Why a text could not be parsed: what, where (in characters from the
/// text's start) and how to fix it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TextError {
    pub offset: usize,
    pub message: String,
    pub hint: String,
}

impl Text {
    /// Parses `s`. `in_passage`: the text is a sector passage, which may not
    /// refer to the sector passages.
    pub fn parse(s: &str, in_passage: bool) -> Result<Text, TextError> {
        let chars: Vec<char> = s.chars().collect();
        let mut head = vec![0_u8];
        let mut body = String::with_capacity(s.len());
        let mut i = 0;
        while i < chars.len() {
            let c = chars[i];
            if c == '}' {
                return Err(TextError {
                    offset: i,
                    message: "多了一个“}”".to_owned(),
                    hint: "占位符写成 {served} 这样，成对使用花括号".to_owned(),
                });
            }
            if c == MARK {
                return Err(TextError {
                    offset: i,
                    message: "文字里有一个空字符（\\0）".to_owned(),
                    hint: "删掉它".to_owned(),
                });
            }
            if c != '{' {
                body.push(c);
                i += 1;
                continue;
            }
            let Some(len) = chars[i + 1..].iter().position(|&c| c == '}') else {
                return Err(TextError {
                    offset: i,
                    message: "“{”没有配对的“}”".to_owned(),
                    hint: "占位符写成 {served} 这样，成对使用花括号".to_owned(),
                });
            };
            let inner: String = chars[i + 1..i + 1 + len].iter().collect();
            let (vars, wrap, optional) =
                placeholder(&inner, in_passage).map_err(|(message, hint)| TextError {
                    offset: i,
                    message,
                    hint,
                })?;
            // A placeholder wrapped by hand in “” or 《》 would not nest
            // the marks inside it correctly.
            let before = i.checked_sub(1).map(|j| chars[j]);
            let after = chars.get(i + len + 2).copied();
            if wrap == Wrap::None {
                let fix = match (before, after) {
                    (Some('“'), Some('”')) => Some("quoted"),
                    (Some('《'), Some('》')) => Some("titled"),
                    _ => None,
                };
                if let Some(fix) = fix {
                    return Err(TextError {
                        offset: i,
                        message: format!("占位符 {{{inner}}} 外面手写了引号或书名号"),
                        hint: format!(
                            "写成 {{{inner}|{fix}}}，去掉两边的符号：值里本身有引号或书名号时，bigan 才能按国标改成‘’或〈〉"
                        ),
                    });
                }
            }
            let indices: Option<Vec<u8>> = vars.iter().map(|v| u8::try_from(v.0).ok()).collect();
            let (Some(count), Some(indices), Some(n)) = (
                u8::try_from(vars.len()).ok(),
                indices,
                head[0].checked_add(1),
            ) else {
                return Err(TextError {
                    offset: i,
                    message: "占位符太多".to_owned(),
                    hint: "把这段话分成几段".to_owned(),
                });
            };
            head[0] = n;
            let wrap_at = WRAPS.iter().position(|w| *w == wrap).unwrap_or(0) as u8;
            head.push(wrap_at + 3 * u8::from(optional));
            head.push(count);
            head.extend(indices);
            body.push(MARK);
            i += len + 2;
        }
        Ok(Text {
            head: Cow::Owned(head),
            body: Body::Ready(Cow::Owned(body)),
        })
    }

    /// The placeholders, in order.
    fn placeholders(&self) -> Placeholders<'_> {
        match &*self.head {
            [n, rest @ ..] => Placeholders { rest, left: *n },
            [] => Placeholders { rest: &[], left: 0 },
        }
    }

    /// Calls `f` with each literal run and placeholder in order, until it
    /// says no; whether it never did.
    fn each(&self, mut f: impl FnMut(Piece<'_>) -> bool) -> bool {
        let mut placeholders = self.placeholders();
        for (i, lit) in self.body.text().split(MARK).enumerate() {
            if i > 0
                && let Some(v) = placeholders.next()
                && !f(Piece::Var(v))
            {
                return false;
            }
            if !lit.is_empty() && !f(Piece::Lit(lit)) {
                return false;
            }
        }
        true
    }

    /// The placeholders the text uses.
    pub fn vars(&self) -> impl Iterator<Item = Var> + '_ {
        self.placeholders()
            .flat_map(|p| p.vars.iter().map(|&b| Var(u16::from(b))))
    }

    /// Whether [`Text::render`] would give a text with these values,
    /// without building it.
    pub fn fits<'v>(&self, value: impl Fn(Var) -> Option<&'v str>) -> bool {
        self.placeholders().all(|p| p.filled(&value))
    }

    /// The text with every placeholder filled from `value`; `None` when a
    /// placeholder the sentence needs has no value.
    pub fn render<'v>(&self, value: impl Fn(Var) -> Option<&'v str>) -> Option<String> {
        let mut out = String::with_capacity(self.body.text().len() + 32);
        let whole = self.each(|piece| {
            let v = match piece {
                Piece::Lit(s) => {
                    out.push_str(s);
                    return true;
                }
                Piece::Var(v) => v,
            };
            let mut found = v.found(&value);
            let Some(first) = found.next() else {
                return v.optional;
            };
            // A value alone stands as it is: a passage keeps its final 。,
            // which `and_list` drops from the phrases it joins.
            let joined: Cow<'_, str> = match found.next() {
                None => Cow::Borrowed(first),
                Some(second) => {
                    let mut all = vec![first, second];
                    all.extend(found);
                    Cow::Owned(marks::and_list(&all, false))
                }
            };
            match v.wrap {
                Wrap::None => out.push_str(&joined),
                Wrap::Quoted => out.push_str(&marks::quoted(&joined)),
                Wrap::Titled => out.push_str(&marks::titled(&joined)),
            }
            true
        });
        whole.then_some(out)
    }

    /// The text as written, for messages and tests.
    pub fn source(&self) -> String {
        let mut out = String::new();
        self.each(|piece| {
            let v = match piece {
                Piece::Lit(s) => {
                    out.push_str(s);
                    return true;
                }
                Piece::Var(v) => v,
            };
            let names: Vec<&str> = v.vars().map(Var::name).collect();
            let _ = write!(out, "{{{}", names.join("+"));
            if v.optional {
                out.push('?');
            }
            match v.wrap {
                Wrap::None => {}
                Wrap::Quoted => out.push_str("|quoted"),
                Wrap::Titled => out.push_str("|titled"),
            }
            out.push('}');
            true
        });
        out
    }
}

/// One placeholder's inside: `a`, `a+b`, `a?`, `a|quoted`.
fn placeholder(inner: &str, in_passage: bool) -> Result<(Vec<Var>, Wrap, bool), (String, String)> {
    let (names, wrap) = match inner.split_once('|') {
        None => (inner, Wrap::None),
        Some((names, "quoted")) => (names, Wrap::Quoted),
        Some((names, "titled")) => (names, Wrap::Titled),
        Some((_, other)) => {
            return Err((
                format!("不认识的写法“|{other}”"),
                "竖线后面只能写 quoted（加引号）或 titled（加书名号）".to_owned(),
            ));
        }
    };
    let (names, optional) = match names.strip_suffix('?') {
        Some(n) => (n, true),
        None => (names, false),
    };
    let mut vars = Vec::new();
    for name in names.split('+') {
        let name = name.trim();
        let var = Var::named(name).ok_or_else(|| {
            let all = VARS.iter().map(|(n, _)| *n);
            let hint = match crate::diagnostic::closest(name, all) {
                Some(near) => format!("是否想写 {{{near}}}？可用的占位符见 docs/genre.md"),
                None => "可用的占位符见 docs/genre.md".to_owned(),
            };
            (format!("不认识的占位符 {{{name}}}"), hint)
        })?;
        if in_passage && var.is_passage() {
            return Err((
                format!("行业文字里不能再用行业文字 {{{name}}}"),
                "行业文字只用单位、活动和行业用词的占位符".to_owned(),
            ));
        }
        vars.push(var);
    }
    Ok((vars, wrap, optional))
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    fn fill(text: &str, pairs: &[(&str, &str)]) -> Option<String> {
        let t = Text::parse(text, false).unwrap();
        t.render(|v| {
            pairs
                .iter()
                .find(|(n, _)| *n == v.name())
                .map(|(_, value)| *value)
        })
    }

    #[test]
    fn placeholders_are_filled() {
        assert_eq!(
            fill(
                "{we}要服务好{served}。",
                &[("we", "我院"), ("served", "患者")]
            )
            .as_deref(),
            Some("我院要服务好患者。")
        );
    }

    #[test]
    fn a_sentence_without_its_fact_is_left_out() {
        assert_eq!(fill("目标是{goals}。", &[]), None);
        assert_eq!(fill("目标是{goals}。", &[("goals", "")]), None);
        assert_eq!(
            fill("再上新台阶{salute?}！", &[]).as_deref(),
            Some("再上新台阶！")
        );
    }

    #[test]
    fn joined_placeholders_never_read_he_he() {
        assert_eq!(
            fill(
                "{units+staff}",
                &[("units", "各支部"), ("staff", "全院职工")]
            )
            .as_deref(),
            Some("各支部和全院职工")
        );
        assert_eq!(
            fill(
                "{units+staff}",
                &[("units", "各院级党组织和各支部"), ("staff", "广大党员")]
            )
            .as_deref(),
            Some("各院级党组织和各支部以及广大党员")
        );
        assert_eq!(
            fill("{units+staff}", &[("staff", "广大党员")]).as_deref(),
            Some("广大党员")
        );
    }

    #[test]
    fn a_passage_keeps_its_final_stop() {
        assert_eq!(
            fill("{mission}要抓好。", &[("mission", "任务很重。")]).as_deref(),
            Some("任务很重。要抓好。")
        );
    }

    #[test]
    fn quotation_marks_nest_by_the_standard() {
        assert_eq!(
            fill("主题是{theme|quoted}。", &[("theme", "增强“四个意识”")]).as_deref(),
            Some("主题是“增强‘四个意识’”。")
        );
        assert_eq!(
            fill("印发{basis|titled}", &[("basis", "关于印发《方案》的通知")]).as_deref(),
            Some("印发《关于印发〈方案〉的通知》")
        );
    }

    #[test]
    fn unknown_placeholders_say_what_was_meant() {
        let e = Text::parse("为{servd}服务", false).unwrap_err();
        assert!(e.message.contains("{servd}"), "{e:?}");
        assert!(e.hint.contains("{served}"), "{e:?}");
        assert_eq!(e.offset, 1);
        assert!(Text::parse("{we", false).is_err());
        assert!(Text::parse("we}", false).is_err());
        assert!(Text::parse("{we|bold}", false).is_err());
    }

    #[test]
    fn hand_written_quotes_around_a_placeholder_are_refused() {
        let e = Text::parse("主题是“{theme}”。", false).unwrap_err();
        assert!(e.hint.contains("{theme|quoted}"), "{e:?}");
        let e = Text::parse("根据《{basis}》", false).unwrap_err();
        assert!(e.hint.contains("{basis|titled}"), "{e:?}");
    }

    #[test]
    fn a_passage_may_not_use_passages() {
        assert!(Text::parse("{mission}", true).is_err());
        assert!(Text::parse("{mission}", false).is_ok());
    }

    #[test]
    fn every_var_fits_in_a_byte() {
        assert!(VARS.len() <= 256);
    }

    #[test]
    fn fits_says_what_render_does() {
        let values: [&[(&str, &str)]; 4] = [
            &[],
            &[("we", "我院")],
            &[("we", ""), ("served", "患者")],
            &[("we", "我院"), ("served", "患者"), ("units", "各支部")],
        ];
        for text in [
            "甲{we}乙",
            "{units+staff}",
            "{we}为{served|quoted}{salute?}",
            "没有占位符",
            "",
            "{served?}{we}",
        ] {
            let t = Text::parse(text, false).unwrap();
            for pairs in values {
                let value = |v: Var| pairs.iter().find(|(n, _)| *n == v.name()).map(|(_, s)| *s);
                assert_eq!(t.fits(value), t.render(value).is_some(), "{text} {pairs:?}");
            }
        }
    }

    #[test]
    fn compiled_texts_read_as_parsed() {
        for s in ["甲{we}乙{units+staff|quoted}丙", "{salute?}", "", "无"] {
            let t = Text::parse(s, false).unwrap();
            let bytes = postcard::to_allocvec(&t).unwrap();
            let bytes: &'static [u8] = Box::leak(bytes.into_boxed_slice());
            let back: Text = postcard::from_bytes(bytes).unwrap();
            assert_eq!(back, t);
            assert_eq!(back.source(), s);
        }
    }

    #[test]
    fn source_round_trips() {
        for s in ["甲{we}乙", "{units+staff}", "{theme|quoted}", "{salute?}"] {
            assert_eq!(Text::parse(s, false).unwrap().source(), s);
        }
    }
}
