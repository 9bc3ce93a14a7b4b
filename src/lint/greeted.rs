//! A milestone greeted after its day: a progress speech dated 2016年9月22日
//! closing "以优异成绩迎接建党95周年" (1 July had passed). The draft's own date
//! is its byline or 成文日期; the days come from genre/lint/anniversaries.yaml.

use super::date_form::own_date;
use super::tables::occasion_at;
use super::{DATE_GREETED, Draft, Finding};
use crate::calendar::cn_date;

/// How far after 迎接 the occasion's name may begin (以优异成绩迎接党的十九大
/// 胜利召开, 迎接新中国成立70周年).
const REACH: usize = 4;

pub(crate) fn check(draft: &Draft<'_>, out: &mut Vec<Finding>) {
    let Some(today) = own_date(draft) else {
        return;
    };
    let greet: Vec<char> = "迎接".chars().collect();
    for (index, line) in draft.source.lines.iter().enumerate() {
        let chars = &line.chars;
        for at in 0..chars.len() {
            if !chars[at..].starts_with(&greet) {
                continue;
            }
            let from = at + greet.len();
            let found = (from..(from + REACH).min(chars.len()))
                .find_map(|i| occasion_at(&chars[i..]).map(|o| (i, o)));
            let Some((start, (name, day))) = found else {
                continue;
            };
            if day < today {
                out.push(draft.finding(
                    &DATE_GREETED,
                    index,
                    start,
                    format!(
                        "迎接“{name}”：那是{}，这份文稿的日期{}已经过了",
                        cn_date(day),
                        cn_date(today)
                    ),
                    "过去的纪念日不能再“迎接”：删去，或改为“庆祝”“纪念”；bigan 生成的文稿，在 campaign.milestones 里删去这一项",
                ));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::lint::found_at;

    fn found(text: &str) -> Vec<u32> {
        found_at(text, "date.greeted")
            .into_iter()
            .map(|(line, _)| line)
            .collect()
    }

    #[test]
    fn a_passed_day_is_not_greeted() {
        let late = "（2019年10月30日）\n同志们：\n以优异成绩迎接新中国成立70周年！\n";
        assert_eq!(found(late), [3]);
        let late = "（2016年9月22日）\n以优异成绩迎接建党九十五周年。\n";
        assert_eq!(found(late), [2]);
        let late = "（2017年11月2日）\n以实际行动迎接党的十九大胜利召开。\n";
        assert_eq!(found(late), [2]);
    }

    #[test]
    fn a_day_ahead_or_an_undated_draft_passes() {
        assert!(found("（2016年5月20日）\n以优异成绩迎接建党95周年。\n").is_empty());
        assert!(
            found("（2021年7月1日）\n迎接建党100周年。\n").is_empty(),
            "on the day"
        );
        assert!(found("同志们：\n以优异成绩迎接建党95周年。\n").is_empty());
        assert!(found("（2016年9月22日）\n迎接全年目标的实现。\n").is_empty());
    }

    #[test]
    fn only_an_occasion_right_after_the_greeting_is_greeted() {
        // 迎接 greets the inspection; the anniversary further on is
        // something else the sentence mentions.
        let text = "（2016年9月22日）\n迎接上级检查验收，为建党95周年献礼。\n";
        assert!(found(text).is_empty());
        let text = "（2016年9月22日）\n以优异成绩迎接伟大的建党95周年。\n";
        assert_eq!(found(text), [2]);
        // The name starts within four characters of 迎接 (伟大的 above).
        let text = "（2016年9月22日）\n迎接各项考核，建党95周年之际。\n";
        assert!(found(text).is_empty());
    }
}
