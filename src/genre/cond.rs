//! Conditions on an alternative, an item or a point (`when: [pledges]`,
//! `unless: [tasks]`): the facts a sentence is true under. The facts
//! themselves are worked out from the profile when a draft is rendered
//! (render/wording.rs); here are their names, checked when data is loaded.

/// Every condition data may name, and when it holds. docs/genre.md lists
/// the same.
pub const CONDS: &[(&str, &str)] = &[
    ("goals", "配置写了目标"),
    ("standards", "配置写了标准"),
    ("theme", "配置写了主题"),
    ("situation", "配置写了形势（campaign.situation）"),
    ("tasks", "配置写了主要任务（campaign.tasks）"),
    (
        "task_items",
        "主要任务带小标题（{lead, text}），讲话里各成一条",
    ),
    ("phases", "配置写了阶段"),
    ("many_phases", "不止一个阶段"),
    ("open_end", "最后一个阶段不设结束日期"),
    ("occasions", "有仍在前面、要迎接的节点"),
    ("targets", "有要保障的目标"),
    ("before_me", "讲话人之前有人发言"),
    ("group", "实施方案写了领导小组"),
    ("office", "领导小组下设办公室"),
    ("basis", "写了上级文件"),
    ("achievements", "推进会写了成绩"),
    ("problems", "推进会写了问题"),
    ("lessons", "推进会写了体会"),
    ("next_steps", "推进会写了下一步打算"),
    ("expands", "全称是名称的展开（不是同一句话）"),
    ("decided", "知道是谁决策的（campaign.decided_by 或时代表）"),
    ("central", "党中央决策的"),
    ("own", "本单位自己决定开展的"),
    ("pledges", "这类活动有承诺，或配置里写到了承诺"),
    ("among", "在本单位人员中开展（学习、创建、作风）"),
    ("against", "针对对象开展（打击整治、专项检查）"),
    ("learning", "以理论学习为主（学习教育、主题教育）"),
    (
        "enforces",
        "本单位对外执法（行业文件写了 enforces: true：公安、税务、市场监管、交通；行业 kinds 里这一种单位另写 enforces 的，按它）",
    ),
    (
        "political",
        "会议日期已有政治要求的表述（四个意识等，见时代表）",
    ),
    ("first_phase", "推进会在第一阶段里（不止一个阶段时）"),
    ("middle_phase", "推进会在中间某个阶段里"),
    ("last_phase", "推进会在最后一个阶段里"),
    ("has_next", "推进会之后还有新的阶段"),
    (
        "near_end",
        "离活动结束不到一个月，或已走过全程的四分之三（可以说收尾、收官）",
    ),
    ("half_gone", "活动已走过全程的一半（可以说时间过半）"),
    ("commended", "总结大会表彰了先进（summary.commended）"),
    ("ended", "文稿的日期在活动最后一天之后"),
    ("speaker", "文稿所说的会议，讲话人已知（配置写了 speaker）"),
    (
        "safety",
        "活动以本单位的平安、安全为题（名称或全称里有平安、安全、消防、隐患；执法单位的食品药品等安全监管不算）",
    ),
    (
        "discipline",
        "活动以作风、纪律为题（名称或全称里有八项规定、作风、纪律、党纪、纪法、廉洁、廉政、四风）",
    ),
];

/// Words of a campaign's name that make it about safety: the `safety`
/// condition.
pub const SAFETY_WORDS: &[&str] = &["平安", "安全", "消防", "隐患"];

/// Words of a campaign's name that make a safety campaign, in a unit that
/// enforces, about the safety of what it supervises (食品安全, 药品安全,
/// 特种设备安全) rather than of its own premises and staff.
pub const SUPERVISED_SAFETY: &[&str] = &["食品", "药品", "特种设备", "产品质量"];

/// Words of a campaign's name that make it about conduct and discipline:
/// the `discipline` condition.
/// 党纪 and 纪法 too: 党纪学习教育 (2024) is a study of the party's rules
/// of discipline, and its name says 纪律 only in short; so are 法纪教育
/// and 清廉机关/清廉医院 creation.
pub const DISCIPLINE_WORDS: &[&str] = &[
    "八项规定",
    "作风",
    "纪律",
    "党纪",
    "纪法",
    "法纪",
    "清廉",
    "廉洁",
    "廉政",
    "四风",
];

/// Whether a campaign named `names` (its name, its full name) is about
/// the topic `words` name.
pub fn about(names: &[&str], words: &[&str]) -> bool {
    names.iter().any(|n| words.iter().any(|w| n.contains(w)))
}

/// A condition, by its index in [`CONDS`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub struct Cond(pub u8);

impl Cond {
    pub fn named(name: &str) -> Option<Cond> {
        CONDS
            .iter()
            .position(|(n, _)| *n == name)
            .and_then(|i| u8::try_from(i).ok())
            .map(Cond)
    }

    pub fn name(self) -> &'static str {
        CONDS.get(self.0 as usize).map(|(n, _)| *n).unwrap_or("?")
    }
}

/// Which conditions hold for one draft: a bit per [`CONDS`] entry.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Facts(u64);

impl Facts {
    pub fn set(&mut self, name: &str, on: bool) {
        if let Some(c) = Cond::named(name) {
            if on {
                self.0 |= 1 << c.0;
            } else {
                self.0 &= !(1 << c.0);
            }
        }
    }

    pub fn holds(self, c: Cond) -> bool {
        self.0 & (1 << c.0) != 0
    }

    /// Every one of `when` holds and none of `unless`.
    pub fn allow(self, when: &[Cond], unless: &[Cond]) -> bool {
        when.iter().all(|&c| self.holds(c)) && !unless.iter().any(|&c| self.holds(c))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn conditions_fit_in_the_bits() {
        assert!(CONDS.len() <= 64);
    }

    #[test]
    fn a_campaigns_topic_is_read_from_its_names() {
        assert!(about(&["平安校园创建"], SAFETY_WORDS));
        assert!(about(
            &["某项工作", "深入贯彻中央八项规定精神学习教育"],
            DISCIPLINE_WORDS
        ));
        assert!(!about(&["党史学习教育"], SAFETY_WORDS));
        assert!(!about(&["党史学习教育"], DISCIPLINE_WORDS));
        assert!(about(&["法纪教育月"], DISCIPLINE_WORDS));
        assert!(about(&["清廉医院创建"], DISCIPLINE_WORDS));
    }

    #[test]
    fn facts_allow_by_when_and_unless() {
        let mut f = Facts::default();
        f.set("pledges", true);
        let pledges = Cond::named("pledges").unwrap_or(Cond(0));
        let tasks = Cond::named("tasks").unwrap_or(Cond(0));
        assert!(f.allow(&[pledges], &[tasks]));
        f.set("tasks", true);
        assert!(!f.allow(&[pledges], &[tasks]));
        f.set("pledges", false);
        assert!(!f.allow(&[pledges], &[]));
    }
}
