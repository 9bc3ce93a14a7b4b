//! The genre's arithmetic as Tera filters, so templates never count or
//! number by hand: `cn_num`, `marker`, `cn_date`, `phase_span`, `bare`; and
//! the punctuation of running text, so profile text is quoted, titled and
//! enumerated after GB/T 15834: `quoted`, `titled`, `series`, `and_list`
//! (the rules themselves live in [`crate::marks`]).

use tera::{Kwargs, State, TeraResult, Value};

use super::escape;
use crate::calendar;
use crate::marks;
use crate::zh::{self, Marker};

/// `{{ points | length | cn_num }}` → 三; with `measure=true`, a count
/// before a measure word, where two is 两: 分两个阶段, 讲两点意见.
pub fn cn_num(n: i64, kwargs: Kwargs, _: &State) -> TeraResult<String> {
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
pub fn marker(index: i64, kwargs: Kwargs, _: &State) -> TeraResult<String> {
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
pub fn cn_date(date: &str, _: Kwargs, _: &State) -> TeraResult<String> {
    let d = parse(date)?;
    Ok(calendar::cn_date(d))
}

/// `{{ phase | phase_span(at=meeting.date) }}` → 从现在起到6月底;
/// `{{ phase | phase_span(style="written") }}` → 2011年3—4月.
pub fn phase_span(phase: Value, kwargs: Kwargs, _: &State) -> TeraResult<String> {
    let map = phase
        .as_map()
        .ok_or_else(|| tera::Error::message("phase_span 要用在一个阶段（phase）上"))?;
    let field = |key: &'static str| -> TeraResult<Option<chrono::NaiveDate>> {
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

/// `{{ ["甲", "乙", "丙"] | series }}` → 甲、乙、丙: an enumeration. Items
/// that hold a 顿号 themselves are joined with ；, so 讲政治、有信念 stays
/// one item. `quoted=true` writes “甲”“乙”“丙”.
pub fn series(items: Vec<String>, kwargs: Kwargs, _: &State) -> TeraResult<String> {
    let quoted = kwargs.get::<bool>("quoted")?.unwrap_or(false);
    Ok(marks::series(&bare_items(&items), quoted))
}

/// `{{ ["甲", "乙", "丙"] | and_list }}` → 甲、乙和丙: noun phrases joined
/// with 和, or with 以及 where an item already holds 和, so no phrase reads
/// 和…和. `quoted=true` writes “甲”和“乙”.
pub fn and_list(items: Vec<String>, kwargs: Kwargs, _: &State) -> TeraResult<String> {
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

fn parse(date: &str) -> TeraResult<chrono::NaiveDate> {
    calendar::parse_date(date)
        .ok_or_else(|| tera::Error::message(format!("“{date}”不是 年-月-日 格式的日期")))
}
