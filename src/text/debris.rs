//! What a web page leaves in text copied from it: addresses, the site's
//! chrome (当前位置, 点击次数, 来源, 更多>, 收集整理…) and per-character
//! pinyin annotations (`醫(yī)`). Lint's `debris.*` rules report what these
//! find; `bigan import --clean-only` removes it.

use crate::zh;

const TONED: &str = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüńňǹḿ";
/// Syllables a page annotates without a tone mark.
const NEUTRAL: [&str; 8] = ["de", "le", "men", "zi", "me", "ma", "ne", "ba"];

/// Pinyin annotations right after a Han character: `(yī)`, `（xué）`, as
/// (start, end) of the parenthesised part.
pub fn pinyin(chars: &[char]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    for i in 1..chars.len() {
        if !matches!(chars[i], '(' | '（') || !zh::is_han(chars[i - 1]) {
            continue;
        }
        let len = chars[i + 1..]
            .iter()
            .take_while(|c| c.is_ascii_lowercase() || TONED.contains(**c))
            .count();
        let close = chars.get(i + 1 + len);
        if len == 0 || len > 6 || !matches!(close, Some(')' | '）')) {
            continue;
        }
        let syllable: String = chars[i + 1..i + 1 + len].iter().collect();
        if syllable.chars().any(|c| TONED.contains(c)) || NEUTRAL.contains(&syllable.as_str()) {
            out.push((i, i + len + 2));
        }
    }
    // A broken annotation whose opening parenthesis was lost with the
    // character before it: 成绩?yōu) — the stray ? goes too.
    let mut i = 0;
    while i < chars.len() {
        // The scan steps over whole runs of letters, so the character
        // before a run it reads is never a toned one.
        let starts_word = i == 0 || !chars[i - 1].is_ascii_alphabetic();
        let len = chars[i..]
            .iter()
            .take_while(|c| c.is_ascii_lowercase() || TONED.contains(**c))
            .count();
        let toned = chars[i..i + len].iter().any(|c| TONED.contains(*c));
        let closed = matches!(chars.get(i + len), Some(')' | '）'));
        let opened = i > 0 && matches!(chars[i - 1], '(' | '（');
        if starts_word && (1..=6).contains(&len) && toned && closed && !opened {
            let from = if i > 0 && matches!(chars[i - 1], '?' | '？') {
                i - 1
            } else {
                i
            };
            out.push((from, i + len + 1));
        }
        i += len.max(1);
    }
    out.sort_unstable();
    out
}

/// Web addresses: http(s)://…, www.…, and bare domains (example.com.cn).
pub fn urls(chars: &[char]) -> Vec<(usize, usize)> {
    let url_char = |c: char| c.is_ascii_alphanumeric() || "-._~:/?#[]@!$&'*+,;=%".contains(c);
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let at_word_start = i == 0 || !chars[i - 1].is_ascii_alphanumeric();
        if !at_word_start || !chars[i].is_ascii_alphanumeric() {
            i += 1;
            continue;
        }
        let len = chars[i..].iter().take_while(|c| url_char(**c)).count();
        let word: String = chars[i..i + len].iter().collect();
        let word = word.trim_end_matches(['.', ',', ';', ':', '!', '?', ')']);
        let lower = word.to_ascii_lowercase();
        let domain = lower.split('/').next().unwrap_or("");
        let tld = [
            ".com", ".cn", ".net", ".org", ".gov", ".edu", ".html", ".htm", ".shtml",
        ]
        .iter()
        .any(|t| domain.ends_with(t) || lower.ends_with(t));
        let is_url = lower.starts_with("http://")
            || lower.starts_with("https://")
            || lower.starts_with("www.")
            || (tld && domain.contains('.') && domain.chars().any(|c| c.is_ascii_alphabetic()));
        if is_url {
            out.push((i, i + word.chars().count()));
        }
        i += len.max(1);
    }
    out
}

/// Site chrome that is never part of a speech, wherever it stands.
const ALWAYS: [&str; 22] = [
    "当前位置",
    "您的位置",
    "您现在的位置",
    "网站首页",
    "点击次数",
    "点击数：",
    "点击数:",
    "阅读量",
    "阅读次数",
    "浏览次数",
    "收集整理",
    "更多>",
    "更多》",
    "更多»",
    "[ 详细 ]",
    "[详细]",
    "打印本页",
    "关闭窗口",
    "返回顶部",
    "责任编辑",
    "版权所有",
    "发布时间",
];

/// Chrome that is only chrome on a short line (a speech may say 来源 or
/// 地址 in a sentence).
const SHORT: [&str; 16] = [
    "发布日期",
    "更新时间",
    "作者：",
    "作者:",
    "上一篇",
    "下一篇",
    "暂无内容",
    "【电话】",
    "【地址】",
    "【网址】",
    "【类型】",
    "电话：",
    "电话:",
    "分享到",
    "扫一扫",
    "字号：",
];

/// The site chrome on this line, if any: where it starts and what it is.
pub fn site(chars: &[char]) -> Option<(usize, &'static str)> {
    // Every needle holds a Han character or a '>': most lines of a long
    // draft (blank ones, say) are passed over without forty searches.
    if !chars.iter().any(|&c| zh::is_han(c) || c == '>') {
        return None;
    }
    let text: String = chars.iter().collect();
    let position = |needle: &str| text.find(needle).map(|byte| text[..byte].chars().count());
    let han = chars.iter().filter(|&&c| zh::is_han(c)).count();
    let short = han <= 40;
    // A notice's contact line (联系人：刘洋，联系电话：…) gives a telephone
    // number as the document's own fact, not as a site's footer.
    let contact = text.trim_start().starts_with("联系人");
    let mut best: Option<(usize, &'static str)> = None;
    for needle in ALWAYS
        .iter()
        .chain(SHORT.iter().filter(|_| short))
        .filter(|n| !(contact && n.starts_with("电话")))
    {
        if let Some(at) = position(needle)
            && best.is_none_or(|(b, _)| at < b)
        {
            best = Some((at, needle));
        }
    }
    // 来源 is chrome next to a date or at the start of a line; 资金来源 is not.
    let dated = text.contains("时间") || chars.iter().any(char::is_ascii_digit);
    for needle in ["来源：", "来源:"] {
        if let Some(at) = position(needle)
            && short
            && (dated || at == 0)
            && best.is_none_or(|(b, _)| at < b)
        {
            best = Some((at, needle));
        }
    }
    if best.is_none() && short && text.contains(" > ") {
        best = text
            .find(" > ")
            .map(|b| (text[..b].chars().count(), "网页导航"));
    }
    best
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chars(s: &str) -> Vec<char> {
        s.chars().collect()
    }

    #[test]
    fn pinyin_annotations_after_han() {
        assert_eq!(pinyin(&chars("醫(yī)院(yuàn)")), [(1, 5), (6, 12)]);
        assert!(pinyin(&chars("（一）a(b) 方案(A)")).is_empty());
        assert_eq!(pinyin(&chars("成绩?yōu)献礼")), [(2, 7)]);
    }

    #[test]
    fn an_annotation_is_one_to_six_letters_closed_after_han() {
        assert_eq!(pinyin(&chars("中(ā)")), [(1, 4)]);
        assert_eq!(pinyin(&chars("壮(zhuāng)")), [(1, 9)]);
        // Untoned, only the syllables a page leaves untoned.
        assert_eq!(pinyin(&chars("们(men)")), [(1, 6)]);
        assert!(pinyin(&chars("中(yīyīyīy)")).is_empty());
        assert!(pinyin(&chars("中(yī是")).is_empty());
        assert!(pinyin(&chars("中()")).is_empty());
    }

    #[test]
    fn a_broken_annotation_starts_a_word() {
        assert_eq!(pinyin(&chars("yōu)好")), [(0, 4)]);
        assert_eq!(pinyin(&chars("成绩yōu)")), [(2, 6)]);
        assert!(pinyin(&chars("成Ayōu)")).is_empty());
    }

    #[test]
    fn web_addresses() {
        let c = chars("网址：www.example.cn，见http://a.b/c。");
        let found: Vec<String> = urls(&c)
            .into_iter()
            .map(|(s, e)| c[s..e].iter().collect())
            .collect();
        assert_eq!(found, ["www.example.cn", "http://a.b/c"]);
        assert!(urls(&chars("版本 2.0 和 4.4万")).is_empty());
        let found = |s: &str| urls(&chars(s));
        assert_eq!(found("见/www.a.cn"), [(2, 10)]);
        assert_eq!(found("见a.cn/x"), [(1, 7)]);
        assert_eq!(found("见x.y/a.html"), [(1, 11)]);
        assert_eq!(found("见www.example，"), [(1, 12)]);
        assert_eq!(found("见https://abc"), [(1, 12)]);
        // A page's name needs a domain with a dot and a letter.
        assert!(found("见a/b.html").is_empty());
        assert!(found("版本2.0/a.html").is_empty());
    }

    #[test]
    fn a_notices_contact_line_is_no_chrome() {
        assert_eq!(
            site(&chars("联系人：刘洋，联系电话：0431-85123456。")),
            None
        );
        assert!(site(&chars("地址：某路1号 电话：0431-85123456")).is_some());
    }

    #[test]
    fn site_chrome_lines() {
        assert_eq!(
            site(&chars("当前位置:首页 > 新闻")).map(|s| s.1),
            Some("当前位置")
        );
        assert_eq!(
            site(&chars("时间:2012-11-02 来源:本站")).map(|s| s.1),
            Some("来源:")
        );
        assert_eq!(
            site(&chars("本文档由范文网收集整理")).map(|s| s.1),
            Some("收集整理")
        );
        assert!(site(&chars("资金来源：各单位自筹")).is_none());
        // 来源 beside a 时间 with no digits, and the first chrome of a line
        // named, whichever list it comes from.
        assert_eq!(
            site(&chars("时间：今天 来源：本站")).map(|s| s.1),
            Some("来源：")
        );
        assert_eq!(
            site(&chars("网站首页 > 当前位置")).map(|s| s.1),
            Some("网站首页")
        );
        assert_eq!(
            site(&chars("时间:2012 来源:本站 阅读次数:5")).map(|s| s.1),
            Some("来源:")
        );
        assert_eq!(
            site(&chars("阅读次数:5 来源:本站")).map(|s| s.1),
            Some("阅读次数")
        );
        assert!(site(&chars("同志们：")).is_none());
    }
}
