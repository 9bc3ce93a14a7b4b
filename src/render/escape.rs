//! Profile text made safe to stand in Markdown: "实行7*24小时值班" must not
//! turn half a sentence italic, and `[x](y)` in a task must stay text.
//! Templates write Markdown; every value a profile supplies is escaped
//! once, here, before a template sees it.

use std::borrow::Cow;

use crate::profile::{
    Campaign, DocumentRef, Item, LeadingGroup, Meeting, Org, Person, Phase, Plan, Point, Profile,
    Progress, Standard,
};

/// The ASCII characters Markdown (CommonMark with heading attributes) gives
/// a meaning inside a line. A backslash before ASCII punctuation always
/// stands for the character itself.
const SPECIAL: &[char] = &[
    '\\', '`', '*', '_', '[', ']', '<', '>', '&', '~', '|', '#', '{', '}', '!',
];

/// `text` with every Markdown-special character backslash-escaped.
pub fn text(s: &str) -> Cow<'_, str> {
    if !s.contains(SPECIAL) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        if SPECIAL.contains(&c) {
            out.push('\\');
        }
        out.push(c);
    }
    Cow::Owned(out)
}

fn own(s: &str) -> String {
    text(s).into_owned()
}

fn opt(s: &Option<String>) -> Option<String> {
    s.as_deref().map(own)
}

fn list(items: &[String]) -> Vec<String> {
    items.iter().map(|s| own(s)).collect()
}

/// A copy of `p` whose every text value is escaped for Markdown. Dates,
/// kinds and fonts carry no Markdown and are copied as they are.
pub fn profile(p: &Profile) -> Profile {
    Profile {
        org: Org {
            name: own(&p.org.name),
            short: own(&p.org.short),
            kind: p.org.kind,
            party_org: own(&p.org.party_org),
            superior: own(&p.org.superior),
            units: own(&p.org.units),
            staff: own(&p.org.staff),
            addressees: list(&p.org.addressees),
        },
        campaign: Campaign {
            name: own(&p.campaign.name),
            full_name: own(&p.campaign.full_name),
            goals: list(&p.campaign.goals),
            theme: list(&p.campaign.theme),
            standards: p
                .campaign
                .standards
                .iter()
                .map(|s| Standard {
                    label: own(&s.label),
                    of: opt(&s.of),
                    items: list(&s.items),
                })
                .collect(),
            milestones: list(&p.campaign.milestones),
            phases: p
                .campaign
                .phases
                .iter()
                .map(|ph| Phase {
                    name: own(&ph.name),
                    from: ph.from,
                    to: ph.to,
                    tasks: list(&ph.tasks),
                })
                .collect(),
        },
        meeting: Meeting {
            date: p.meeting.date,
            speaker: person(&p.meeting.speaker),
            before_me: opt(&p.meeting.before_me),
        },
        points: points(&p.points),
        plan: Plan {
            issuer: own(&p.plan.issuer),
            date: p.plan.date,
            basis: p.plan.basis.as_ref().map(|b| DocumentRef {
                issuer: opt(&b.issuer),
                title: own(&b.title),
                number: opt(&b.number),
            }),
            leading_group: p.plan.leading_group.as_ref().map(|g| LeadingGroup {
                leader: person(&g.leader),
                deputies: g.deputies.iter().map(person).collect(),
                members: list(&g.members),
                office: opt(&g.office),
                office_head: g.office_head.as_ref().map(person),
            }),
        },
        progress: p.progress.as_ref().map(|pr| Progress {
            date: pr.date,
            speaker: person(&pr.speaker),
            before_me: opt(&pr.before_me),
            achievements: list(&pr.achievements),
            problems: list(&pr.problems),
            points: points(&pr.points),
        }),
        fonts: p.fonts.clone(),
    }
}

fn person(p: &Person) -> Person {
    Person {
        name: opt(&p.name),
        title: opt(&p.title),
    }
}

fn points(points: &[Option<Point>]) -> Vec<Option<Point>> {
    points
        .iter()
        .map(|p| {
            p.as_ref().map(|p| Point {
                title: opt(&p.title),
                items: p.items.as_ref().map(|items| {
                    items
                        .iter()
                        .map(|it| Item {
                            lead: own(&it.lead),
                            text: opt(&it.text),
                        })
                        .collect()
                }),
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_only_what_markdown_reads() {
        assert_eq!(text("实行7*24小时值班"), "实行7\\*24小时值班");
        assert_eq!(text("[点我](javascript:x)"), "\\[点我\\](javascript:x)");
        assert!(matches!(text("普通的中文，（一）。"), Cow::Borrowed(_)));
    }

    #[test]
    fn escaped_text_reads_back_as_itself() {
        for s in [
            "7*24小时",
            "a_b_c",
            "<b>粗</b>",
            "#标签 {.x}",
            "A&amp;B",
            "1\\2",
            "`代码`",
        ] {
            let md = text(s);
            let blocks = crate::output::blocks::parse(&format!("前{md}后\n"));
            assert_eq!(blocks[0].text(), format!("前{s}后"), "{s}");
        }
    }
}
