//! The genre's arithmetic as Tera filters, so templates never count or
//! number by hand: `cn_num`, `marker`, `cn_date`, `phase_span`, `bare`; and
//! the punctuation of running text, so profile text is quoted, titled and
//! enumerated after GB/T 15834: `quoted`, `titled`, `series`, `and_list`
//! (the rules themselves live in [`crate::marks`]).
//!
//! The filters return `Result<_, tera::Error>`, spelled out rather than as
//! Tera's `TeraResult` alias, so that cargo-mutants sees a `Result` and
//! tries `Ok("")` in place of each one (docs/contributing.md).

use tera::{Kwargs, State, Value};

use super::escape;
use crate::calendar;
use crate::marks;
use crate::zh::{self, Marker};

/// Registers the filters named once here, and lists those names for
/// hints ([`NAMES`]): a filter added to the list is both.
macro_rules! filters {
    ($($name:ident),* $(,)?) => {
        /// The names of bigan's filters, as templates write them.
        pub const NAMES: &[&str] = &[$(stringify!($name)),*];

        /// Makes bigan's filters available to `tera`.
        pub fn register(tera: &mut tera::Tera) {
            $(tera.register_filter(stringify!($name), $name);)*
        }
    };
}

filters!(
    cn_num,
    marker,
    cn_date,
    phase_span,
    bare,
    series,
    and_list,
    quoted,
    titled,
    clause,
    after_clause,
);

/// `{{ points | length | cn_num }}` → 三; with `measure=true`, a count
/// before a measure word, where two is 两: 分两个阶段, 讲两点意见.
pub fn cn_num(n: i64, kwargs: Kwargs, _: &State) -> Result<String, tera::Error> {
    let n = u64::try_from(n)
        .map_err(|_| tera::Error::message(format!("cn_num 只接受非负整数，收到 {n}")))?;
    if kwargs.get::<bool>("measure")?.unwrap_or(false) {
        return Ok(zh::count(n));
    }
    Ok(zh::numeral(n))
}

/// `{{ loop.index | marker(level=2) }}` → （一）; levels 1–4 after
/// GB/T 9704, or `style="di"` (第一，), `"yishi"` (一是), `"phase"` (第一阶段).
///
/// Level 3 comes out as `1.`: with text right after it no Markdown reads a
/// list, and where a template leaves a space the rendered line is escaped
/// ([`super::escape::line`]).
pub fn marker(index: i64, kwargs: Kwargs, _: &State) -> Result<String, tera::Error> {
    let index = u64::try_from(index)
        .ok()
        .filter(|&i| i > 0)
        .ok_or_else(|| tera::Error::message(format!("marker 的序号从 1 开始，收到 {index}")))?;
    let name = match (kwargs.get::<i64>("level")?, kwargs.get::<&str>("style")?) {
        (Some(level), _) => level.to_string(),
        (None, Some(style)) => style.to_owned(),
        (None, None) => "1".to_owned(),
    };
    let marker = Marker::parse(&name).ok_or_else(|| {
        tera::Error::message(format!(
            "marker 不认识“{name}”：level 取 1–4，style 取 di、yishi、phase"
        ))
    })?;
    Ok(marker.render(index))
}

/// `{{ meeting.date | cn_date }}`: 2010-05-20 → 2010年5月20日
pub fn cn_date(date: &str, _: Kwargs, _: &State) -> Result<String, tera::Error> {
    let d = parse(date)?;
    Ok(calendar::cn_date(d))
}

/// `{{ phase | phase_span(at=meeting.date) }}` → 从现在起到6月底;
/// `{{ phase | phase_span(style="written") }}` → 2011年3—4月.
pub fn phase_span(phase: Value, kwargs: Kwargs, _: &State) -> Result<String, tera::Error> {
    let map = phase
        .as_map()
        .ok_or_else(|| tera::Error::message("phase_span 要用在一个阶段（phase）上"))?;
    let field = |key: &'static str| -> Result<Option<chrono::NaiveDate>, tera::Error> {
        match map.get(&key.into()) {
            Some(v) if !v.is_none() && !v.is_undefined() => {
                let s = v
                    .as_str()
                    .ok_or_else(|| tera::Error::message(format!("阶段的 {key} 应当是日期")))?;
                parse(s).map(Some)
            }
            _ => Ok(None),
        }
    };
    let from =
        field("from_iso")?.ok_or_else(|| tera::Error::message("阶段缺少开始日期 from_iso"))?;
    let to = field("to_iso")?;
    match kwargs.get::<&str>("style")?.unwrap_or("spoken") {
        "written" => Ok(calendar::written_span(from, to)),
        "spoken" => {
            let at = kwargs.must_get::<&str>("at")?;
            Ok(calendar::spoken_span(from, to, parse(at)?))
        }
        other => Err(tera::Error::message(format!(
            "phase_span 的 style 取 spoken 或 written，收到“{other}”"
        ))),
    }
}

/// `{{ item | bare }}`: drops the final 。；， so the template adds its own.
pub fn bare(s: &str, _: Kwargs, _: &State) -> String {
    escape::bare(s).to_owned()
}

/// `{{ fact | clause }}`: a sentence's first clause, to head it where
/// the other items of its list have headings: 甲乙，丙丁 → 甲乙.
pub fn clause(s: &str, _: Kwargs, _: &State) -> String {
    zh::run_in(s).0.to_owned()
}

/// `{{ fact | after_clause }}`: what follows the first clause, with the
/// mark between them: 甲乙，丙丁 → ，丙丁; empty for one clause.
pub fn after_clause(s: &str, _: Kwargs, _: &State) -> String {
    let (_, mark, rest) = zh::run_in(s);
    format!("{mark}{rest}")
}

/// `{{ ["甲", "乙", "丙"] | series }}` → 甲、乙、丙: an enumeration. Items
/// that hold a 顿号 themselves are joined with ；, so 讲政治、有信念 stays
/// one item. `quoted=true` writes “甲”“乙”“丙”.
pub fn series(items: Vec<String>, kwargs: Kwargs, _: &State) -> Result<String, tera::Error> {
    let quoted = kwargs.get::<bool>("quoted")?.unwrap_or(false);
    Ok(marks::series(&bare_items(&items), quoted))
}

/// `{{ ["甲", "乙", "丙"] | and_list }}` → 甲、乙和丙: noun phrases joined
/// with 和, or with 以及 where an item already holds 和, so no phrase reads
/// 和…和. `quoted=true` writes “甲”和“乙”.
pub fn and_list(items: Vec<String>, kwargs: Kwargs, _: &State) -> Result<String, tera::Error> {
    let quoted = kwargs.get::<bool>("quoted")?.unwrap_or(false);
    Ok(marks::and_list(&bare_items(&items), quoted))
}

/// Profile items (escaped for Markdown) without their final punctuation.
fn bare_items(items: &[String]) -> Vec<&str> {
    items.iter().map(|i| escape::bare(i)).collect()
}

/// `{{ campaign.full_name | quoted }}` → “…”, the quotation marks inside
/// turned to ‘…’.
pub fn quoted(text: &str, _: Kwargs, _: &State) -> String {
    marks::quoted(text)
}

/// `{{ plan.basis.title | titled }}` → 《…》, the book-title marks inside
/// turned to 〈…〉.
pub fn titled(text: &str, _: Kwargs, _: &State) -> String {
    marks::titled(text)
}

fn parse(date: &str) -> Result<chrono::NaiveDate, tera::Error> {
    calendar::parse_date(date)
        .ok_or_else(|| tera::Error::message(format!("“{date}”不是 年-月-日 格式的日期")))
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use super::*;

    /// `template` rendered with the filters of this module, and `phase`
    /// (its fields as given; `None` is the template's `none`).
    fn render(template: &str, phase: &[(&str, Option<&str>)]) -> Result<String, String> {
        let mut tera = tera::Tera::default();
        tera.register_filter("cn_num", cn_num);
        tera.register_filter("marker", marker);
        tera.register_filter("cn_date", cn_date);
        tera.register_filter("phase_span", phase_span);
        tera.register_filter("bare", bare);
        tera.register_filter("series", series);
        tera.register_filter("and_list", and_list);
        tera.register_filter("quoted", quoted);
        tera.register_filter("titled", titled);
        tera.register_filter("clause", clause);
        tera.register_filter("after_clause", after_clause);
        let mut context = tera::Context::new();
        let phase: BTreeMap<&str, Option<&str>> = phase.iter().copied().collect();
        context.insert("phase", &phase);
        tera.render_str(template, &context, false)
            .map_err(|e| format!("{e:?}"))
    }

    fn ok(template: &str) -> String {
        render(template, &[]).unwrap_or_else(|e| panic!("{template}: {e}"))
    }

    /// The message of the error `template` gives.
    fn err(template: &str, phase: &[(&str, Option<&str>)]) -> String {
        match render(template, phase) {
            Ok(text) => panic!("{template} gave “{text}”, not an error"),
            Err(e) => e,
        }
    }

    #[test]
    fn counts_and_numerals() {
        assert_eq!(ok("{{ 3 | cn_num }}"), "三");
        assert_eq!(
            ok("{{ 2 | cn_num }}，{{ 2 | cn_num(measure=true) }}"),
            "二，两"
        );
        assert_eq!(ok("{{ 12 | cn_num(measure=true) }}"), "十二");
        assert!(err("{{ -1 | cn_num }}", &[]).contains("只接受非负整数"));
    }

    #[test]
    fn markers_by_level_and_style() {
        assert_eq!(ok("{{ 1 | marker }}"), "一、");
        assert_eq!(ok("{{ 2 | marker(level=2) }}"), "（二）");
        assert_eq!(ok("{{ 3 | marker(level=3) }}"), "3.");
        assert_eq!(ok("{{ 2 | marker(style=\"di\") }}"), "第二，");
        assert_eq!(ok("{{ 1 | marker(style=\"yishi\") }}"), "一是");
        assert_eq!(ok("{{ 3 | marker(style=\"phase\") }}"), "第三阶段");
        // The level wins over a style given with it.
        assert_eq!(ok("{{ 1 | marker(level=2, style=\"di\") }}"), "（一）");
        assert!(err("{{ 0 | marker }}", &[]).contains("从 1 开始"));
        assert!(err("{{ -2 | marker }}", &[]).contains("从 1 开始"));
        assert!(err("{{ 1 | marker(level=5) }}", &[]).contains("不认识“5”"));
        assert!(err("{{ 1 | marker(style=\"abc\") }}", &[]).contains("不认识“abc”"));
    }

    #[test]
    fn dates_in_chinese() {
        assert_eq!(ok("{{ \"2010-05-20\" | cn_date }}"), "2010年5月20日");
        assert_eq!(ok("{{ \"2011-1-9\" | cn_date }}"), "2011年1月9日");
        // A bad date is an error that names it, never some other day.
        let e = err("{{ \"2010-02-30\" | cn_date }}", &[]);
        assert!(e.contains("“2010-02-30”不是 年-月-日 格式的日期"), "{e}");
    }

    #[test]
    fn phase_spans_spoken_and_written() {
        let phase = [
            ("from_iso", Some("2010-05-20")),
            ("to_iso", Some("2010-06-30")),
        ];
        let spoken = render("{{ phase | phase_span(at=\"2010-05-20\") }}", &phase);
        assert_eq!(spoken.as_deref(), Ok("从现在起到6月底"));
        let ahead = render("{{ phase | phase_span(at=\"2010-03-01\") }}", &phase);
        assert_eq!(ahead.as_deref(), Ok("从今年5月中旬到6月底"));
        let written = render("{{ phase | phase_span(style=\"written\") }}", &phase);
        assert_eq!(written.as_deref(), Ok("2010年5—6月"));
        // No end date, whether left out or none: a phase that runs on.
        for open in [
            &[("from_iso", Some("2011-07-01"))][..],
            &[("from_iso", Some("2011-07-01")), ("to_iso", None)][..],
        ] {
            let written = render("{{ phase | phase_span(style=\"written\") }}", open);
            assert_eq!(written.as_deref(), Ok("2011年7月起"));
            let spoken = render("{{ phase | phase_span(at=\"2011-03-01\") }}", open);
            assert_eq!(spoken.as_deref(), Ok("从今年7月开始"));
        }
    }

    #[test]
    fn phase_span_errors_say_what_is_wrong() {
        let phase = [("from_iso", Some("2010-05-20"))];
        let e = err("{{ 3 | phase_span(at=\"2010-05-20\") }}", &phase);
        assert!(e.contains("要用在一个阶段（phase）上"), "{e}");
        let e = err("{{ phase | phase_span(at=\"2010-05-20\") }}", &[]);
        assert!(e.contains("缺少开始日期 from_iso"), "{e}");
        let e = err(
            "{{ phase | phase_span(at=\"2010-05-20\") }}",
            &[("from_iso", Some("2010-05-20")), ("to_iso", Some("6月底"))],
        );
        assert!(e.contains("“6月底”不是"), "{e}");
        let e = err("{{ phase | phase_span(at=\"2010-13-01\") }}", &phase);
        assert!(e.contains("“2010-13-01”不是"), "{e}");
        let e = err("{{ phase | phase_span(style=\"loud\") }}", &phase);
        assert!(e.contains("收到“loud”"), "{e}");
        // A spoken span needs the day it is spoken on.
        assert!(render("{{ phase | phase_span }}", &phase).is_err());
    }

    #[test]
    fn a_phase_field_that_is_not_text_is_an_error() {
        let mut tera = tera::Tera::default();
        tera.register_filter("phase_span", phase_span);
        let mut context = tera::Context::new();
        context.insert("phase", &BTreeMap::from([("from_iso", 20100520)]));
        let e = tera
            .render_str(
                "{{ phase | phase_span(style=\"written\") }}",
                &context,
                false,
            )
            .map(|_| ())
            .map_err(|e| format!("{e:?}"));
        assert!(e.is_err_and(|e| e.contains("阶段的 from_iso 应当是日期")));
    }

    #[test]
    fn punctuation_of_running_text() {
        assert_eq!(ok("{{ \"召开动员大会。\" | bare }}"), "召开动员大会");
        assert_eq!(ok("{{ \"警力不足，有空白。\" | clause }}"), "警力不足");
        assert_eq!(
            ok("{{ \"警力不足，有空白。\" | after_clause }}"),
            "，有空白"
        );
        assert_eq!(ok("{{ \"警力不足\" | after_clause }}"), "");
        assert_eq!(
            ok("{{ [\"讲政治。\", \"有信念\"] | series }}"),
            "讲政治、有信念"
        );
        assert_eq!(
            ok("{{ [\"宣传发动\", \"组织实施。\"] | series(quoted=true) }}"),
            "“宣传发动”“组织实施”"
        );
        assert_eq!(ok("{{ [] | series }}"), "");
        assert_eq!(
            ok("{{ [\"甲；\", \"乙\", \"丙。\"] | and_list }}"),
            "甲、乙和丙"
        );
        assert_eq!(
            ok("{{ [\"建党90周年\", \"党的十八大\"] | and_list(quoted=true) }}"),
            "“建党90周年”和“党的十八大”"
        );
        assert_eq!(ok("{{ \"两学一做\" | quoted }}"), "“两学一做”");
        assert_eq!(ok("{{ \"实施方案\" | titled }}"), "《实施方案》");
    }
}
