//! `bigan new NAME`: a starter profile that checks and renders as it is,
//! with comments saying what to change. Its dates start from today.

use std::path::PathBuf;
use std::process::ExitCode;

use chrono::{Datelike, Local, NaiveDate};

use crate::calendar::month_end;
use crate::cli::NewArgs;
use crate::genre::{Genre, Sector};

pub fn run(args: &NewArgs) -> anyhow::Result<ExitCode> {
    let (path, org_name) = target(&args.name);
    if !crate::output::write::in_the_way([path.as_path()], args.force).is_empty() {
        anyhow::bail!(
            "{} 已经存在，没有改动它。要覆盖请加 --force，或换一个名字",
            path.display()
        );
    }
    let sector = Genre::builtin().sector(&args.kind).map_err(|d| {
        let shown: String = d.iter().map(ToString::to_string).collect();
        anyhow::anyhow!("内部错误：行业文件有问题：\n{shown}")
    })?;
    let text = starter(&sector, &org_name, Local::now().date_naive());
    if let Some(note) = crate::output::write::replace_keeping_backup(&path, text.as_bytes())? {
        eprintln!("{note}");
    }
    eprintln!(
        "已创建 {}。改好其中的单位、人员和日期后运行：bigan check {} && bigan render {}",
        path.display(),
        path.display(),
        path.display()
    );
    Ok(ExitCode::SUCCESS)
}

/// `朝阳医院` → (`朝阳医院.yaml`, 朝阳医院); `dir/x.yaml` → (that path, x).
fn target(name: &str) -> (PathBuf, String) {
    let path = if name.ends_with(".yaml") || name.ends_with(".yml") {
        PathBuf::from(name)
    } else {
        PathBuf::from(format!("{name}.yaml"))
    };
    let org = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| name.to_owned());
    (path, org)
}

/// The first day of the month `months` after `d`'s.
fn month_start(d: NaiveDate, months: u32) -> NaiveDate {
    let total = d.year() * 12 + d.month0() as i32 + months as i32;
    NaiveDate::from_ymd_opt(total.div_euclid(12), total.rem_euclid(12) as u32 + 1, 1).unwrap_or(d)
}

/// A YAML flow list: [甲, 乙].
fn flow(items: &[String]) -> String {
    format!("[{}]", items.join(", "))
}

fn starter(sector: &Sector, org: &str, today: NaiveDate) -> String {
    let k = &sector.starter;
    let p1_to = month_end(month_start(today, 1));
    let p2_from = month_start(today, 2);
    let p2_to = month_end(month_start(today, 7));
    let p3_from = month_start(today, 8);
    let p3_to = month_end(month_start(today, 10));
    let progress = month_start(today, 4);
    format!(
        r#"# bigan 配置：{org}
# 改好带“改”字注释的内容，然后运行 bigan check 检查、bigan render 生成。
# 键用英文，值用中文；日期写成 年-月-日。

org:
  name: {org}                 # 改：单位全称
  kind: {kind}
  # short: 我院               # 讲话里怎么称呼“我们”，不写则按单位类型默认

campaign:
  name: {campaign}            # 改：活动名称
  goals: {goals}
  theme: {theme}
  milestones: [年度目标任务全面完成]
  phases:                     # 改：各阶段名称、起止日期和主要工作
    - name: 动员部署
      from: {today}
      to: {p1_to}
      tasks: [召开动员大会，统一思想认识, 制定实施方案，明确责任分工]
    - name: 全面推进
      from: {p2_from}
      to: {p2_to}
      tasks: [对照目标逐项落实, 开展督促检查]
    - name: 总结提高
      from: {p3_from}
      to: {p3_to}
      tasks: [总结经验做法, 建立长效机制]

meeting:                      # 动员大会；推进会写在下面的 progress 一节
  date: {today}               # 改：动员大会日期
  speaker: {{ name: 王明, title: {speaker} }}   # 改：讲话人
  before_me: {deputy}对活动作了具体安排
  # place: 三楼会议室         # 会议地点；写上它和 attendees 就能生成会议通知和工作信息
  # attendees: [班子成员, 各部门主要负责同志]

progress:                     # 推进会；不需要可以删去这一节
  date: {progress}
  achievements: [动员部署及时到位, 各项措施逐步落实]
  problems: [工作进展还不平衡, 有的措施落实不够到位]

plan:
  leading_group:
    leader: {{ name: 王明, title: {speaker} }}
    members: [各部门主要负责同志]
    office: 办公室

# 还可以加几节：notice（会议通知的文号、联系人）、exchange（在上级会议上的
# 经验交流发言）、summary（总结表彰大会讲话），写法见 docs/profile.md。
"#,
        kind = sector.key,
        campaign = k.campaign,
        goals = flow(&k.goals),
        theme = flow(&k.theme),
        speaker = k.speaker,
        deputy = k.deputy,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_file_and_org() {
        assert_eq!(
            target("红星医院"),
            (PathBuf::from("红星医院.yaml"), "红星医院".to_owned())
        );
        assert_eq!(
            target("a/b.yaml"),
            (PathBuf::from("a/b.yaml"), "b".to_owned())
        );
    }

    #[test]
    fn month_arithmetic_crosses_years() {
        let d = NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
        assert_eq!(
            month_start(d, 2),
            NaiveDate::from_ymd_opt(2027, 1, 1).unwrap()
        );
    }
}
