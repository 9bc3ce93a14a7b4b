//! Writes a folder of varied, valid profiles for the batch benchmarks:
//! different organisations, kinds, dates, phases, points and plan details,
//! a third of them extending one shared campaign file, half with a
//! progress meeting. Deterministic: the same `n` gives the same files.
#![allow(dead_code)] // each bench target uses a different part of it

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

const PLACES: &[&str] = &[
    "朝阳", "临川", "青山", "白水", "东湖", "西陵", "南屏", "北岭", "云台", "石门", "清河", "长宁",
    "安平", "永丰", "宜阳", "丰台", "金川", "银滩", "松涛", "梅江", "桂林", "兰溪", "枫桥", "柳州",
];

const KINDS: &[&str] = &["hospital", "county", "traffic", "generic"];

const TASKS: &[&str] = &[
    "召开动员会议，统一思想认识",
    "制定工作方案，细化责任分工",
    "开展专题学习，提高业务能力",
    "排查突出问题，建立整改台账",
    "落实整改措施，逐项销号管理",
    "组织督导检查，通报进展情况",
    "选树先进典型，发挥示范作用",
    "总结经验做法，形成制度成果",
    "征求群众意见，改进服务方式",
    "开展岗位练兵，比学赶超争先",
    "完善考核办法，强化结果运用",
    "举办成果展示，扩大社会影响",
];

const PHASE_NAMES: &[&str] = &[
    "宣传发动",
    "动员部署",
    "自查自纠",
    "集中整治",
    "全面推进",
    "督查评估",
    "巩固提高",
    "总结验收",
];

const GOALS: &[&str] = &[
    "服务能力明显提升",
    "工作作风持续改进",
    "制度机制更加健全",
    "群众满意度稳步提高",
    "安全责任全面落实",
    "基层基础不断夯实",
];

const ACHIEVEMENTS: &[&str] = &[
    "各项工作按时间节点推进，责任分工落实到人",
    "专题学习覆盖全体干部职工，参学率保持较高水平",
    "排查出的问题已大部分完成整改，群众反映良好",
    "建立了定期调度机制，重点任务实行清单管理",
];

const PROBLEMS: &[&str] = &[
    "少数单位重视程度不够，工作进展不平衡",
    "个别措施停留在纸面，落实力度有待加强",
    "宣传引导还不够深入，氛围营造需要加强",
];

const NUMERALS: &[&str] = &["", "一", "二", "三", "四", "五", "六", "七", "八", "九"];

/// A small deterministic generator (xorshift), so runs are comparable.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        self.0 = x;
        x
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    fn pick<'a>(&mut self, from: &[&'a str]) -> &'a str {
        from[self.below(from.len())]
    }

    fn some<'a>(&mut self, from: &[&'a str], min: usize, max: usize) -> Vec<&'a str> {
        let n = min + self.below(max - min + 1);
        let start = self.below(from.len());
        (0..n).map(|i| from[(start + i) % from.len()]).collect()
    }
}

#[derive(Clone, Copy)]
struct Day {
    year: i32,
    month: u32,
    day: u32,
}

impl Day {
    fn iso(self) -> String {
        format!("{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }

    /// The last day of the month `months` later (28th, valid everywhere).
    fn plus_months_end(self, months: u32) -> Day {
        let total = self.year * 12 + self.month as i32 - 1 + months as i32;
        Day {
            year: total.div_euclid(12),
            month: total.rem_euclid(12) as u32 + 1,
            day: 28,
        }
    }

    /// The first day of the month after this one.
    fn next_month_start(self) -> Day {
        let d = self.plus_months_end(1);
        Day { day: 1, ..d }
    }
}

fn list(items: &[&str]) -> String {
    format!("[{}]", items.join(", "))
}

/// The shared campaign file a third of the profiles extend.
pub const SHARED_CAMPAIGN: &str = "\
# 共用活动信息：由各单位配置用 extends 引用
campaign:
  name: 服务提升年
  full_name: 服务质量提升年
  goals: [服务能力明显提升, 工作作风持续改进, 群众满意度稳步提高]
  standards:
    - label: 四个到位
      of: 先进单位
      items: [思想认识到位, 组织领导到位, 措施落实到位, 督促检查到位]
  milestones: [年度目标任务全面完成]
";

/// The text of profile number `i` (0-based).
pub fn profile(i: usize) -> String {
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15 ^ (i as u64 + 1).wrapping_mul(0x2545_F491_4F6C_DD1D));
    let place = PLACES[i % PLACES.len()];
    let kind = KINDS[(i / PLACES.len()) % KINDS.len()];
    let (name, short, party_org, speaker_title) = match kind {
        "hospital" => (
            format!("{place}市第{}人民医院", NUMERALS[1 + i % 9]),
            "我院",
            "院党委",
            "院党委书记",
        ),
        "county" => (format!("中共{place}县委"), "全县", "县委", "县委书记"),
        "traffic" => (
            format!("{place}市交通运输局"),
            "我局",
            "局党委",
            "局党委书记、局长",
        ),
        _ => (
            format!("{place}市市场监督管理局"),
            "我们",
            "局党组",
            "局党组书记",
        ),
    };
    let extends = i.is_multiple_of(3);
    let start = Day {
        year: 2008 + rng.below(18) as i32,
        month: 1 + rng.below(9) as u32,
        day: 1 + rng.below(27) as u32,
    };

    let mut out = String::new();
    let w = &mut out;
    let _ = writeln!(w, "# 生成的基准测试配置 {i}：{name}");
    if extends {
        let _ = writeln!(w, "extends: campaigns/shared.yaml\n");
    }
    let _ = writeln!(
        w,
        "org:\n  name: {name}\n  short: {short}\n  kind: {kind}\n  party_org: {party_org}"
    );
    if rng.below(2) == 0 {
        let _ = writeln!(
            w,
            "  staff: 全体干部职工\n  addressees: [各科室, 各直属单位]"
        );
    }

    // Phases: 2–4, back to back; the last sometimes open-ended.
    let phase_count = 2 + rng.below(3);
    // Names in their usual order: 宣传发动 before 总结验收.
    let first = rng.below(PHASE_NAMES.len() - phase_count + 1);
    let names = &PHASE_NAMES[first..first + phase_count];
    let mut phases = Vec::new();
    let mut from = start;
    for (k, phase_name) in names.iter().enumerate() {
        let to = from.plus_months_end(rng.below(4) as u32);
        let open = k + 1 == phase_count && rng.below(4) == 0;
        phases.push((phase_name.to_string(), from, (!open).then_some(to)));
        from = to.next_month_start();
    }
    let _ = writeln!(w, "\ncampaign:");
    if !extends {
        let _ = writeln!(w, "  name: 作风建设年\n  full_name: 机关作风建设年");
        let _ = writeln!(w, "  goals: {}", list(&rng.some(GOALS, 2, 4)));
        let n = 3 + rng.below(3);
        let items: Vec<String> = (1..=n)
            .map(|k| format!("第{}项标准", NUMERALS[k]))
            .collect();
        let items: Vec<&str> = items.iter().map(String::as_str).collect();
        let _ = writeln!(
            w,
            "  standards:\n    - label: {}个好\n      of: 先进集体\n      items: {}",
            NUMERALS[n],
            list(&items)
        );
        let _ = writeln!(w, "  milestones: [年度目标任务全面完成]");
    }
    let _ = writeln!(w, "  theme: [{place}担当, 服务为先, 真抓实干]");
    let _ = writeln!(w, "  phases:");
    for (name, from, to) in &phases {
        let _ = writeln!(w, "    - name: {name}\n      from: {}", from.iso());
        if let Some(to) = to {
            let _ = writeln!(w, "      to: {}", to.iso());
        }
        let _ = writeln!(w, "      tasks: {}", list(&rng.some(TASKS, 2, 4)));
    }

    let _ = writeln!(
        w,
        "\nmeeting:\n  kind: mobilization\n  date: {}\n  speaker: {{ name: 王{}, title: {speaker_title} }}\n  before_me: 分管负责同志作了具体安排",
        start.iso(),
        NUMERALS[1 + i % 9]
    );

    if rng.below(3) == 0 {
        let _ = writeln!(w, "\npoints:");
        for k in 0..1 + rng.below(4) {
            let _ = writeln!(w, "  - title: 第{}个方面的要求要落到实处", NUMERALS[k + 1]);
            let _ = writeln!(w, "    items:");
            for task in rng.some(TASKS, 2, 3) {
                let _ = writeln!(
                    w,
                    "      - lead: {task}\n        text: 各单位要结合实际抓好落实，确保取得实效。"
                );
            }
        }
    }

    let _ = writeln!(w, "\nplan:\n  issuer: {name}");
    if rng.below(2) == 0 {
        let _ = writeln!(
            w,
            "  basis:\n    issuer: 上级主管部门\n    title: 关于开展作风建设年活动的通知\n    number: 上级发〔{}〕{}号",
            start.year,
            1 + rng.below(30)
        );
        let _ = writeln!(
            w,
            "  leading_group:\n    leader: {{ name: 王{}, title: {speaker_title} }}\n    deputies:\n      - {{ name: 李明, title: 副职负责同志 }}\n    members: [办公室主任, 各科室负责人]\n    office: 办公室",
            NUMERALS[1 + i % 9]
        );
    }

    // A progress meeting inside the second phase, for half of them.
    if phases.len() > 1 && rng.below(2) == 0 {
        let (_, second, _) = &phases[1];
        let _ = writeln!(w, "\nprogress:\n  date: {}", second.iso());
        let _ = writeln!(w, "  achievements: {}", list(&rng.some(ACHIEVEMENTS, 2, 3)));
        let _ = writeln!(w, "  problems: {}", list(&rng.some(PROBLEMS, 1, 3)));
    }
    out
}

/// Writes `n` profiles and the shared campaign file into `dir`; returns the
/// profiles' paths in order.
pub fn write_profiles(dir: &Path, n: usize) -> std::io::Result<Vec<PathBuf>> {
    std::fs::create_dir_all(dir.join("campaigns"))?;
    std::fs::write(dir.join("campaigns/shared.yaml"), SHARED_CAMPAIGN)?;
    (0..n)
        .map(|i| {
            let path = dir.join(format!("{:04}.yaml", i + 1));
            std::fs::write(&path, profile(i))?;
            Ok(path)
        })
        .collect()
}
