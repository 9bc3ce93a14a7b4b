//! A title too long for one line, broken where a reader would break it.
//!
//! GB/T 9704-2012 7.3.1: a title that runs to more lines is broken so
//! that words stay whole and the meaning reads on ("词意完整"), the lines
//! balanced and symmetric ("排列对称，长短适宜"), in the shape of a trapezoid or
//! a diamond (梯形或菱形), never an hourglass. Left to itself a word
//! processor breaks "关于深入开展全国文明城市创建活动的实施方案" after 20
//! characters, as "……的实施方 / 案"; here the break comes at a phrase boundary
//! (after 关于…的, before 实施方案 or 动员大会上的讲话, around 《》), or at
//! least between two words, choosing the most even lines.

/// Where a break may fall, cheapest first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Boundary {
    /// Between the parts of the title's grammar.
    Phrase,
    /// Between two words.
    Word,
    /// Inside a run of characters not known as words: a name, most likely.
    Unknown,
}

impl Boundary {
    fn cost(self) -> f64 {
        match self {
            Boundary::Phrase => 0.0,
            Boundary::Word => 1.0,
            Boundary::Unknown => 6.0,
        }
    }
}

// The word lists are separated by spaces.

/// What the genre's titles end with: a break before it keeps it whole.
const GENRE_WORDS: &str = concat!(
    "实施方案 工作方案 方案 讲话 通知 意见 实施意见 报告 请示 决定 办法 ",
    "规定 细则 总结 规划 计划 批复 纪要 通报 决议 公告 通告 函 致辞 发言 ",
);

/// Meetings a speech is given at ("在……动员大会上的讲话").
const MEETINGS: &str = concat!(
    "总结表彰大会 动员部署大会 动员部署会议 动员部署会 推进会议 动员大会 ",
    "推进大会 誓师大会 表彰大会 总结大会 部署会议 工作会议 座谈会 推进会 ",
    "部署会 现场会 大会 会议 ",
);

/// Verbs that open a title's subject (关于深入开展……, 关于印发……): a break
/// after them parts the verb from its object.
const VERBS: &str = concat!(
    "深入开展 全面开展 集中开展 开展 印发 转发 做好 进一步加强 进一步 加强 ",
    "推进 深入推进 全面推进 扎实推进 实施 组织 召开 成立 表彰 建立 健全 ",
    "部署 贯彻落实 落实 创建 争创 ",
);

/// Words met in the titles of campaigns and meetings; no break falls inside
/// one. A name the list does not hold is kept whole as well, unless no
/// other break will do.
const WORDS: &str = concat!(
    "关于 全国 全省 全市 全县 全区 全镇 全乡 全院 全校 全局 全系统 全街道 ",
    "全行业 文明 城市 文明城市 卫生 创建 活动 行动 工作 专项 集中 整治 ",
    "攻坚 百日 夏季 冬季 治安 打击 安全 生产 安全生产 平安 交通 校园 医院 ",
    "社区 乡村 振兴 学习 教育 学习教育 主题 主题教育 实践 群众 路线 党的 ",
    "党史 作风 建设 纪律 廉政 党风 党组织 党员 基层 创先争优 先进 优秀 ",
    "示范 服务 质量 提升 管理 环境 食品 药品 市场 监管 秩序 隐患 排查 ",
    "营商 优化 改革 发展 科学 和谐 民生 群众路线 教育实践 深入 开展 推进 ",
    "动员 部署 会议 大会 讲话 方案 实施 意见 通知 同志 年度 制度 机制 ",
    "长效 常态化 规范化 标准化 信息化 现代化 高质量 年 月 新时代 中国特色 ",
    "社会主义 思想 习近平 两学一做 不忘初心 牢记使命 扫黑除恶 打击整治 ",
    "突出问题 进一步 加强 印发 转发 做好 上的 的 和 与 及 暨 在 ",
    "全国文明城市 全国卫生城市 文明单位 平安建设 优质服务 示范医院 ",
    "先进基层党组织 优秀共产党员 共产党员 领导小组 干部 职工 人民 政府 委员会 ",
    "党委 ",
);

/// Marks no line starts with, and marks no line ends with.
const NO_START: &str = "，。、；：！？”’）》〉〕】…—·";
const NO_END: &str = "“‘（《〈〔【";

/// A character's width in title characters: ASCII letters and digits are
/// half as wide as Chinese ones.
fn width(chars: &[char]) -> f64 {
    chars
        .iter()
        .map(|c| if c.is_ascii() { 0.5 } else { 1.0 })
        .sum()
}

/// `title` broken into lines of at most `per_line` characters, as few lines
/// as will do; the title itself when it fits on one.
pub fn lines(title: &str, per_line: usize) -> Vec<String> {
    let chars: Vec<char> = title.trim().chars().collect();
    let limit = per_line as f64;
    if width(&chars) <= limit || chars.len() < 2 {
        return vec![chars.iter().collect()];
    }
    let breaks = boundaries(&chars);
    let at_least = (width(&chars) / limit).ceil() as usize;
    // Two or three lines are weighed as wholes (evenness, no hourglass);
    // a title longer than that, which the genre does not write, is filled
    // line by line.
    let cuts = (at_least..=3)
        .find_map(|count| best(&chars, &breaks, count, limit))
        .or_else(|| fill(&chars, &breaks, at_least.max(2), limit));
    let Some(cuts) = cuts else {
        return vec![chars.iter().collect()];
    };
    let mut out = Vec::with_capacity(cuts.len() + 1);
    let mut from = 0;
    for cut in cuts.into_iter().chain([chars.len()]) {
        out.push(chars[from..cut].iter().collect());
        from = cut;
    }
    out
}

/// For each position `i` (a break before `chars[i]`), the kind of
/// boundary it is, or `None` where no break may fall.
fn boundaries(chars: &[char]) -> Vec<Option<Boundary>> {
    let n = chars.len();
    let text: String = chars.iter().collect();
    let starts_at = |i: usize, word: &str| {
        let w: Vec<char> = word.chars().collect();
        chars.get(i..i + w.len()) == Some(&w[..])
    };
    // Words found by longest match from the left; positions inside one are
    // closed. A break between two known words is a word boundary; one next
    // to a character no word claims may split a name.
    let mut inside = vec![false; n + 1];
    let mut starts_known = vec![false; n + 1];
    let mut ends_known = vec![false; n + 1];
    let mut i = 0;
    while i < n {
        let longest = [WORDS, GENRE_WORDS, MEETINGS, VERBS]
            .into_iter()
            .flat_map(str::split_whitespace)
            .filter(|w| starts_at(i, w))
            .map(|w| w.chars().count())
            .max();
        match longest {
            Some(len) => {
                inside[i + 1..i + len].fill(true);
                starts_known[i] = true;
                ends_known[i + len] = true;
                i += len;
            }
            None => i += 1,
        }
    }
    // The grammar's own joints: the genre word at the end (实施方案, not
    // 方案 inside it), the meeting before 上的讲话, the verb that opens a
    // 关于 title.
    let genre = GENRE_WORDS
        .split_whitespace()
        .filter(|w| text.ends_with(w))
        .map(|w| n - w.chars().count())
        .min();
    let meeting = text
        .strip_suffix("上的讲话")
        .filter(|_| text.starts_with('在'))
        .and_then(|head| {
            MEETINGS
                .split_whitespace()
                .filter(|m| head.ends_with(m))
                .max_by_key(|m| m.len())
        })
        .map(|m| n - 4 - m.chars().count());
    let verb = text
        .starts_with("关于")
        .then(|| {
            (2..n).find_map(|i| {
                VERBS
                    .split_whitespace()
                    .filter(|v| starts_at(i, v))
                    .map(|v| i + v.chars().count())
                    .max()
            })
        })
        .flatten();
    let mut out = vec![None; n + 1];
    for i in 1..n {
        let (before, after) = (chars[i - 1], chars[i]);
        if NO_START.contains(after) || NO_END.contains(before) {
            continue;
        }
        // 的 and 上的 lean on what comes before them.
        if after == '的' || (after == '上' && chars.get(i + 1) == Some(&'的')) {
            continue;
        }
        if before.is_ascii_alphanumeric() && after.is_ascii_alphanumeric() {
            continue;
        }
        let phrase = (before == '的' && !inside[i])
            || "《“".contains(after)
            || "》”".contains(before)
            || genre == Some(i)
            || meeting == Some(i)
            || verb == Some(i);
        out[i] = Some(if phrase {
            Boundary::Phrase
        } else if inside[i] {
            continue;
        } else if ends_known[i] && starts_known[i] {
            Boundary::Word
        } else {
            Boundary::Unknown
        });
    }
    out
}

/// The cheapest way to cut `chars` into `count` lines no wider than
/// `limit`: the positions of the cuts.
fn best(
    chars: &[char],
    breaks: &[Option<Boundary>],
    count: usize,
    limit: f64,
) -> Option<Vec<usize>> {
    let mut best: Option<(f64, Vec<usize>)> = None;
    let mut cuts = Vec::with_capacity(count);
    search(chars, breaks, count, limit, 0, &mut cuts, &mut best);
    best.map(|(_, cuts)| cuts)
}

fn search(
    chars: &[char],
    breaks: &[Option<Boundary>],
    count: usize,
    limit: f64,
    from: usize,
    cuts: &mut Vec<usize>,
    best: &mut Option<(f64, Vec<usize>)>,
) {
    if cuts.len() + 1 == count {
        if width(&chars[from..]) <= limit {
            let cost = score(chars, breaks, cuts, limit);
            if best.as_ref().is_none_or(|(c, _)| cost < *c) {
                *best = Some((cost, cuts.clone()));
            }
        }
        return;
    }
    for cut in from + 1..chars.len() {
        if width(&chars[from..cut]) > limit {
            break;
        }
        if breaks[cut].is_some() {
            cuts.push(cut);
            search(chars, breaks, count, limit, cut, cuts, best);
            cuts.pop();
        }
    }
}

/// How bad a set of cuts reads: the boundaries it breaks at, how uneven the
/// lines are, and whether they narrow in the middle (an hourglass).
fn score(chars: &[char], breaks: &[Option<Boundary>], cuts: &[usize], limit: f64) -> f64 {
    let mut widths = Vec::with_capacity(cuts.len() + 1);
    let mut from = 0;
    for &cut in cuts.iter().chain([chars.len()].iter()) {
        widths.push(width(&chars[from..cut]));
        from = cut;
    }
    let boundary: f64 = cuts
        .iter()
        .filter_map(|&c| breaks[c])
        .map(Boundary::cost)
        .sum();
    let longest = widths.iter().copied().fold(0.0, f64::max);
    let shortest = widths.iter().copied().fold(f64::MAX, f64::min);
    let uneven = 4.0 * (longest - shortest) / limit;
    let hourglass = widths.windows(3).any(|w| w[1] < w[0] && w[1] < w[2]);
    boundary + uneven + if hourglass { 3.0 } else { 0.0 }
}

/// Cuts for a title of more than three lines: as few lines as will do,
/// each near the average width, breaking at the cheapest boundaries
/// (a shortest path over the break positions).
fn fill(
    chars: &[char],
    breaks: &[Option<Boundary>],
    at_least: usize,
    limit: f64,
) -> Option<Vec<usize>> {
    let n = chars.len();
    let total = width(chars);
    for count in at_least..=n {
        let target = total / count as f64;
        // cost[k][i]: the cheapest k lines covering chars[..i], ending at i.
        let mut cost = vec![vec![f64::INFINITY; n + 1]; count + 1];
        let mut from = vec![vec![0usize; n + 1]; count + 1];
        cost[0][0] = 0.0;
        for k in 1..=count {
            for i in 1..=n {
                let boundary = match (i == n, breaks[i]) {
                    (true, _) => 0.0,
                    (false, Some(b)) => b.cost(),
                    (false, None) => continue,
                };
                for j in (0..i).rev() {
                    let w = width(&chars[j..i]);
                    if w > limit {
                        break;
                    }
                    let line = boundary + 4.0 * ((w - target) / limit).powi(2);
                    if cost[k - 1][j] + line < cost[k][i] {
                        cost[k][i] = cost[k - 1][j] + line;
                        from[k][i] = j;
                    }
                }
            }
        }
        if cost[count][n].is_finite() {
            let mut cuts = Vec::with_capacity(count - 1);
            let mut i = n;
            for k in (2..=count).rev() {
                i = from[k][i];
                cuts.push(i);
            }
            cuts.reverse();
            return Some(cuts);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    const LINE: usize = 20;

    #[test]
    fn a_title_that_fits_stays_on_one_line() {
        assert_eq!(
            lines("关于开展示范创建活动的实施方案", LINE),
            ["关于开展示范创建活动的实施方案"]
        );
        let twenty = format!("{}甲", "关于开展全国文明城市创建活动的实施方案");
        assert_eq!(twenty.chars().count(), LINE);
        assert_eq!(lines(&twenty, LINE), vec![twenty]);
    }

    #[test]
    fn plan_titles_break_between_words_in_even_lines() {
        assert_eq!(
            lines("关于深入开展全国文明城市创建活动的实施方案", LINE),
            ["关于深入开展全国文明城市", "创建活动的实施方案"]
        );
        assert_eq!(
            lines(
                "关于在全院深入开展创先争优和优质服务示范医院创建活动的实施方案",
                LINE
            ),
            [
                "关于在全院深入开展创先争优和",
                "优质服务示范医院创建活动的实施方案"
            ]
        );
    }

    #[test]
    fn speech_titles_break_before_the_meeting() {
        assert_eq!(
            lines("在全街道全国文明城市创建活动动员大会上的讲话", LINE),
            ["在全街道全国文明城市创建活动", "动员大会上的讲话"]
        );
    }

    #[test]
    fn book_titles_stay_whole_where_they_can() {
        assert_eq!(
            lines(
                "关于印发《临江区深入开展全国文明城市创建活动实施方案》的通知",
                LINE
            ),
            [
                "关于印发《临江区深入开展",
                "全国文明城市创建活动实施方案》的通知"
            ]
        );
    }

    #[test]
    fn a_title_of_many_lines_is_filled() {
        let title = "关于深入开展全国文明城市创建活动的实施方案".repeat(5);
        let got = lines(&title, LINE);
        assert_eq!(got.concat(), title);
        assert!(got.len() >= 6, "{got:?}");
        assert!(got.iter().all(|l| l.chars().count() <= LINE), "{got:?}");
    }

    #[test]
    fn a_title_of_three_lines_is_not_an_hourglass() {
        let title =
            "关于深入开展党的群众路线教育实践活动和创先争优活动暨全市文明城市创建活动的实施方案";
        let got = lines(title, LINE);
        assert_eq!(got.len(), 3, "{got:?}");
        let w: Vec<usize> = got.iter().map(|l| l.chars().count()).collect();
        assert!(!(w[1] < w[0] && w[1] < w[2]), "{got:?}");
    }

    proptest! {
        /// Lines join back to the title, each fits, none starts with a
        /// closing mark or ends with an opening one.
        #[test]
        fn lines_fit_and_join_back(title in "[关于开展创建活动的实施方案全国文明城市在上讲话动员大会《》“”2023年甲乙丙丁]{1,70}") {
            let got = lines(&title, LINE);
            prop_assert_eq!(got.concat(), title.trim());
            for line in &got {
                let chars: Vec<char> = line.chars().collect();
                if got.len() > 1 {
                    prop_assert!(width(&chars) <= LINE as f64, "{:?}", got);
                }
            }
            for pair in got.windows(2) {
                prop_assert!(!NO_START.contains(pair[1].chars().next().unwrap_or(' ')), "{:?}", got);
                prop_assert!(!NO_END.contains(pair[0].chars().last().unwrap_or(' ')), "{:?}", got);
            }
        }
    }
}
