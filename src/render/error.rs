//! Tera's errors as a user reads them: a Chinese headline at
//! `path:line:col` saying what is wrong, Tera's own snippet with the caret
//! under it, and how to fix it, from a table of Tera's messages in the
//! form [`crate::explain`] shares with the YAML errors. Tera's English
//! sentence stays only in parentheses, as a supplement for template
//! authors.

use std::path::Path;

use crate::diagnostic::closest;
use crate::explain::{Entry, fill, lookup};

/// A Tera error in Chinese, pointing into the user's folder when the
/// template is theirs; `builtin_prefix` names the built-in templates.
pub(super) fn template_error(
    e: &tera::Error,
    user_dir: Option<&Path>,
    builtin_prefix: &str,
) -> anyhow::Error {
    // Syntax and rendering errors carry one report; a check of the names a
    // template uses (filters, tests…) gives several reports in one message.
    let report = e.to_string();
    let mut parts: Vec<String> = Vec::new();
    let mut current: Vec<&str> = Vec::new();
    for line in report.lines() {
        if line.starts_with("error: ") && !current.is_empty() {
            parts.push(one(&current, user_dir, builtin_prefix));
            current.clear();
        }
        current.push(line);
    }
    if !current.is_empty() {
        parts.push(one(&current, user_dir, builtin_prefix));
    }
    // A template is something the user wrote (exit status 1).
    anyhow::Error::new(crate::error::InputError(parts.join("\n")))
}

/// One of Tera's reports (`error: …`, ` --> file:line:col`, the source
/// with a caret), or a bare message, translated.
fn one(lines: &[&str], user_dir: Option<&Path>, builtin_prefix: &str) -> String {
    let first = lines.first().copied().unwrap_or_default();
    let english = first.strip_prefix("error: ").unwrap_or(first).trim();
    let folder = folder_prefix(user_dir);
    let place = lines
        .iter()
        .find_map(|l| l.trim_start().strip_prefix("--> "))
        .map(|p| format!("{folder}{}", p.trim()));
    let snippet = lines[1..]
        .join("\n")
        .replace(" --> ", &format!(" --> {folder}"));
    let builtin = place.as_deref().is_some_and(|p| p.contains(builtin_prefix))
        || english.contains(builtin_prefix);
    let (what, mut hint) = translate(english);
    if builtin {
        hint = "这是内置模板的问题：请把这条信息报告给 bigan 的维护者；\
                急用时可以先用 bigan templates export 导出模板自行修改"
            .to_owned();
    }
    let detail = english
        .split(" Available ")
        .next()
        .unwrap_or(english)
        .trim();
    let what = if what == english {
        what
    } else {
        format!("{what}（{detail}）")
    };
    let mut out = match place {
        Some(place) => format!("{place}: 模板出错：{what}"),
        None => format!("模板出错：{what}"),
    };
    if !snippet.trim().is_empty() {
        out.push('\n');
        out.push_str(snippet.trim_end());
    }
    out.push_str(&format!("\n  = 修改建议：{hint}"));
    out
}

fn folder_prefix(user_dir: Option<&Path>) -> String {
    user_dir.map_or_else(String::new, |d| format!("{}/", d.display()))
}

/// The text between the first pair of backticks in `s`.
fn quoted(s: &str) -> Option<&str> {
    let start = s.find('`')? + 1;
    let len = s[start..].find('`')?;
    Some(&s[start..start + len])
}

/// What follows `Available variables: ` or `Available fields: `.
fn available(s: &str) -> Vec<&str> {
    s.split_once("Available ")
        .and_then(|(_, rest)| rest.split_once(": "))
        .map(|(_, list)| list.split(", ").map(str::trim).collect())
        .unwrap_or_default()
}

/// Tera's messages, matched in order (see [`crate::explain::lookup`]):
/// `{name}` is the name the message quotes, `{filters}` bigan's filters,
/// `{variables}` and `{fields}` the names that would have been right.
const TERA: &[Entry] = &[
    Entry {
        needles: &["^unexpected end of input"],
        what: "模板在没写完的地方结束了",
        hint: "检查每个 {% if %}、{% for %}、{% block %} 是否都有对应的 {% endif %}、\
               {% endfor %}、{% endblock %}，每个 {{ 是否都有 }}",
    },
    Entry {
        needles: &["^unknown filter"],
        what: "没有名为“{name}”的过滤器",
        hint: "bigan 的过滤器：{filters}；其余见 Tera 的内置过滤器（upper、length、join 等）",
    },
    Entry {
        needles: &["exists but its value is undefined"],
        what: "变量“{name}”没有值",
        hint: "先用 {% if 变量 %} 判断它有没有值，或给它一个默认值：{{ 变量 | default(value=\"…\") }}",
    },
    Entry {
        needles: &["^variable"],
        what: "变量“{name}”没有定义",
        hint: "{variables}",
    },
    Entry {
        needles: &["^field"],
        what: "没有“{name}”这个字段",
        hint: "{fields}",
    },
    Entry {
        needles: &["^unknown function"],
        what: "没有名为“{name}”的函数",
        hint: "检查拼写；模板可用的函数见 Tera 文档",
    },
    Entry {
        needles: &["^unknown test"],
        what: "没有名为“{name}”的测试（is 后面的名字）",
        hint: "检查拼写，常用的有 defined、undefined、odd、even、containing",
    },
    Entry {
        needles: &["^unknown template", "^template '"],
        what: "引用的模板不存在",
        hint: "检查 {% include %} 或 {% extends %} 里的模板名；bigan templates list 列出内置模板",
    },
    Entry {
        needles: &["^closing tag"],
        what: "结束标签和开始标签不配对",
        hint: "{% if %} 用 {% endif %} 结束，{% for %} 用 {% endfor %}，{% block %} 用 {% endblock %}",
    },
    Entry {
        needles: &["^found"],
        what: "模板语法有误，这里出现了不该出现的内容",
        hint: "检查这一处的 {% %} 或 {{ }}：括号、引号是否成对，关键字是否拼错",
    },
    Entry {
        needles: &["^iteration not possible"],
        what: "这个值不是列表，不能用 for 循环",
        hint: "for 只能遍历列表；字段的类型见 docs/templates.md",
    },
    Entry {
        needles: &["^invalid type for the value", "^cannot compare"],
        what: "值的类型不对（例如把文字交给了只收数字的过滤器）",
        hint: "检查过滤器收到的值：cn_num、marker 只收整数；bigan 的过滤器：{filters}",
    },
    Entry {
        needles: &["^missing keyword argument", "^argument"],
        what: "缺少参数“{name}”",
        hint: "在过滤器或函数的括号里补上这个参数，如 marker(level=2)",
    },
    Entry {
        needles: &["^unexpected character", "^unexpected end of"],
        what: "模板里有无法识别的字符",
        hint: "检查这一处的 {{ }} 或 {% %} 是否写完整，引号是否成对",
    },
    Entry {
        needles: &["^circular"],
        what: "模板互相继承或包含，形成了循环",
        hint: "去掉其中一处 {% extends %} 或 {% include %}",
    },
];

/// Tera's English message → what is wrong and how to fix it.
fn translate(english: &str) -> (String, String) {
    let name = quoted(english).unwrap_or_default();
    let suggest = |kind: &str| {
        let names = available(english);
        let list = names.join("、");
        match closest(name, names.iter().copied()) {
            Some(near) => format!("是否想写“{near}”？可用的{kind}：{list}"),
            None if list.is_empty() => "变量和字段见 docs/templates.md".to_owned(),
            None => format!("可用的{kind}：{list}（见 docs/templates.md）"),
        }
    };
    match lookup(TERA, english) {
        Some(e) => {
            let filters = super::filters::NAMES.join("、");
            let values = [
                ("name", name),
                ("filters", &filters),
                ("variables", &suggest("变量")),
                ("fields", &suggest("字段")),
            ];
            (fill(e.what, &values), fill(e.hint, &values))
        }
        // bigan's own filters already speak Chinese.
        None if !english.is_ascii() => (english.to_owned(), "按上面指出的位置修改模板".to_owned()),
        None => (
            "模板有误".to_owned(),
            "按上面指出的行和列修改模板；变量、字段和过滤器见 docs/templates.md".to_owned(),
        ),
    }
}
