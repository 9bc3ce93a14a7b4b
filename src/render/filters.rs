//! The genre's arithmetic as Tera filters, so templates never count or
//! number by hand: `cn_num`, `marker`, `cn_date`, `phase_span`, `bare`, `series`.

use tera::{Kwargs, State, TeraResult, Value};

use crate::calendar;
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
/// Level 3 comes out as `1\.`: the backslash keeps Markdown from reading a
/// line that starts with it as a list.
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
    let text = marker.render(index);
    Ok(if marker == Marker::Level3 {
        text.replace('.', "\\.")
    } else {
        text
    })
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
    zh::bare(s).to_owned()
}

/// `{{ ["甲", "乙", "丙"] | series }}` → 甲、乙和丙: a list as running text
/// names it. `quoted=true` writes “甲”“乙”和“丙”: GB/T 15834 drops the 顿号
/// between quoted parallel items.
pub fn series(items: Vec<String>, kwargs: Kwargs, _: &State) -> TeraResult<String> {
    let quoted = kwargs.get::<bool>("quoted")?.unwrap_or(false);
    let items: Vec<String> = if quoted {
        items.iter().map(|i| format!("“{i}”")).collect()
    } else {
        items
    };
    let sep = if quoted { "" } else { "、" };
    Ok(match items.split_last() {
        None => String::new(),
        Some((last, [])) => last.clone(),
        Some((last, rest)) => format!("{}和{last}", rest.join(sep)),
    })
}

fn parse(date: &str) -> TeraResult<chrono::NaiveDate> {
    calendar::parse_date(date)
        .ok_or_else(|| tera::Error::message(format!("“{date}”不是 年-月-日 格式的日期")))
}

/// `{{ theme | quoted }}` → “…”, quotation marks inside turned into ‘…’.
// i12 adds the shared version of this filter to zh.rs; until it is merged
// this one stands in, with the same name and meaning.
pub fn quoted(s: &str, _: Kwargs, _: &State) -> String {
    crate::genre::text::quoted(s)
}

/// `{{ title | titled }}` → 《…》, book-title marks inside turned into 〈…〉.
pub fn titled(s: &str, _: Kwargs, _: &State) -> String {
    crate::genre::text::titled(s)
}

/// `{{ [a, b] | and_list }}` → 甲和乙; when an item holds 和, the last is
/// joined with 以及 so no phrase reads 和…和.
pub fn and_list(items: Vec<String>, _: Kwargs, _: &State) -> String {
    crate::genre::text::and_list(&items)
}
