//! `bigan check`: every problem in each profile, then a summary a user can
//! read before the meeting: who, when, how many points, the phases on a
//! timeline, the length and the speaking time.

use std::fmt::Write as _;
use std::process::ExitCode;

use chrono::NaiveDate;

use crate::calendar::{cn_date, days_inclusive};
use crate::cli::CheckArgs;
use crate::printable::{printable, width};
use crate::profile::{self, Profile, TypeSource};
use crate::render::{Doc, Renderer};
use crate::zh;

pub fn run(args: &CheckArgs) -> anyhow::Result<ExitCode> {
    let renderer = Renderer::new(args.templates.as_deref());
    let mut loader =
        profile::Loader::with_genre(crate::genre::Genre::open(args.templates.as_deref())?);
    let mut ok = true;
    let mut unreadable = false;
    for path in &args.profiles {
        let loaded = match loader.load(path) {
            Ok(l) => l,
            Err(e) => {
                eprintln!("{}", crate::error::report(&e));
                // Too large or not UTF-8 is the input's fault, not the disk's.
                if crate::error::is_input(&e) {
                    ok = false;
                } else {
                    unreadable = true;
                }
                continue;
            }
        };
        super::print_diagnostics(&loaded.diagnostics);
        let Some(profile) = loaded.profile else {
            let errors = loaded
                .diagnostics
                .iter()
                .filter(|d| d.severity == crate::diagnostic::Severity::Error)
                .count();
            eprintln!("{}：发现 {errors} 处错误", path.display());
            ok = false;
            continue;
        };
        let mut out = format!("{}：通过\n", path.display());
        summary(&mut out, &profile);
        match &renderer {
            Ok(r) => match length(r, &profile, args.pace) {
                Ok(line) => out.push_str(&line),
                Err(e) => {
                    eprintln!("{}", crate::error::report(&e));
                    ok = false;
                }
            },
            Err(e) => {
                eprintln!("{}", crate::error::report(e));
                // A template folder that can't be read is I/O, as above.
                if crate::error::is_input(e) {
                    ok = false;
                } else {
                    unreadable = true;
                }
            }
        }
        print!("{out}");
    }
    if unreadable {
        // The others were still checked; a file that can't be read is I/O.
        return Ok(ExitCode::from(crate::error::FAILURE));
    }
    Ok(super::status(ok))
}

fn summary(out: &mut String, p: &Profile) {
    let speaker = [
        p.meeting.speaker.title.as_deref(),
        p.meeting.speaker.name.as_deref(),
    ]
    .into_iter()
    .flatten()
    .collect::<Vec<_>>()
    .join(" ");
    let points = p.speech_points() as u64;
    let sector = &p.org.kind;
    let sector_name = sector
        .names
        .first()
        .map(String::as_str)
        .unwrap_or(&sector.key);
    // write! to a String cannot fail.
    // What the user wrote is shown escaped: a profile from elsewhere must
    // not be able to drive the reader's terminal.
    let speaker = printable(&speaker);
    let _ = writeln!(
        out,
        "  单位：{}（{}，{}）",
        printable(&p.org.name),
        sector_name,
        sector.key
    );
    let _ = writeln!(out, "  活动：{}", printable(&p.campaign.full_name));
    let _ = writeln!(out, "  类型：{}", campaign_type(p));
    if let Some(d) = &p.campaign.decided_by {
        let from = if p.campaign.decided_inferred {
            "（据时代表；不对请写 campaign.decided_by）"
        } else {
            ""
        };
        let _ = writeln!(
            out,
            "  决策：{}{from}；部署：{}",
            printable(d),
            printable(&p.org.superior)
        );
    }
    let _ = writeln!(
        out,
        "  会议：{}，{}",
        cn_date(p.meeting.date),
        if speaker.is_empty() {
            "讲话人未填"
        } else {
            &speaker
        }
    );
    let _ = writeln!(out, "  意见：{}点", zh::count(points));
    timeline(out, p);
}

/// The phases as lines — name, span, days — with the meetings at the
/// phase they fall in, or on a line of their own when they fall outside
/// every phase.
fn timeline(out: &mut String, p: &Profile) {
    let phases = &p.campaign.phases;
    if phases.is_empty() {
        let _ = writeln!(out, "  阶段：未填写");
        return;
    }
    let _ = writeln!(out, "  阶段：{}个", zh::count(phases.len() as u64));
    let meetings: Vec<(&str, NaiveDate)> = p
        .meetings()
        .into_iter()
        .map(|(o, d)| (o.name(), d))
        .collect();
    let inside = |ph: &profile::Phase, d: NaiveDate| ph.holds(d);
    let spans: Vec<String> = phases
        .iter()
        .map(|ph| match ph.to {
            Some(to) => format!("{} → {}（{}天）", ph.from, to, days_inclusive(ph.from, to)),
            None => format!("{} 起，长期", ph.from),
        })
        .collect();
    let names: Vec<_> = phases.iter().map(|ph| printable(&ph.name)).collect();
    let name_width = names.iter().map(|n| width(n)).max().unwrap_or(0);
    let span_width = spans.iter().map(|s| width(s)).max().unwrap_or(0);
    let mut shown = vec![false; meetings.len()];
    for (i, ph) in phases.iter().enumerate() {
        // Meetings before this phase and in no phase get their own line.
        for (m, (name, d)) in meetings.iter().enumerate() {
            if !shown[m] && *d < ph.from && !phases.iter().any(|q| inside(q, *d)) {
                shown[m] = true;
                let _ = writeln!(out, "    ◆ {name} {d}：{}", outside(phases, i));
            }
        }
        let span = &spans[i];
        let here: Vec<String> = meetings
            .iter()
            .enumerate()
            .filter(|(_, (_, d))| inside(ph, *d))
            .map(|(m, (name, d))| {
                shown[m] = true;
                format!("{name}在此阶段（{d}）")
            })
            .collect();
        // Markers line up in a column after the widest span.
        let span = if here.is_empty() {
            span.clone()
        } else {
            format!("{}  ◀ {}", pad(span, span_width), here.join("；"))
        };
        let _ = writeln!(
            out,
            "    第{}阶段  {}  {span}",
            zh::numeral(i as u64 + 1),
            pad(&names[i], name_width),
        );
    }
    for (m, (name, d)) in meetings.iter().enumerate() {
        if !shown[m] {
            let _ = writeln!(out, "    ◆ {name} {d}：在各阶段结束之后");
        }
    }
}

/// The campaign type, and how it was known with how to set it when bigan
/// worked it out.
fn campaign_type(p: &Profile) -> String {
    let kind = &p.campaign.kind;
    let name = kind.title();
    let all: Vec<String> = p
        .genre
        .type_names()
        .into_iter()
        .filter_map(|(_, names)| names.into_iter().next())
        .collect();
    let set = format!("不对请写 campaign.type，可选：{}", all.join("、"));
    match &p.campaign.kind_from {
        TypeSource::Given => name.to_owned(),
        TypeSource::Word(w) => format!("{name}（由名称里的“{w}”推断；{set}）"),
        TypeSource::Central(c) => format!("{name}（时代表里“{c}”是中央部署的{name}；{set}）"),
        TypeSource::Default => format!("{name}（名称里看不出类型，按一般工作写；{set}）"),
    }
}

/// Where a meeting that falls before phase `next` (0-based) and inside no
/// phase stands.
fn outside(phases: &[profile::Phase], next: usize) -> String {
    match (next, phases.first()) {
        (0, Some(first)) => format!("在第一阶段（{} 开始）之前", first.from),
        _ => format!(
            "在第{}阶段和第{}阶段之间",
            zh::numeral(next as u64),
            zh::numeral(next as u64 + 1)
        ),
    }
}

/// `s` padded with spaces to `columns` terminal columns.
fn pad(s: &str, columns: usize) -> String {
    let mut out = s.to_owned();
    out.extend(std::iter::repeat_n(' ', columns.saturating_sub(width(s))));
    out
}

/// Length in 字 and speaking time of each document the profile gives,
/// then the documents it cannot give yet and the keys each lacks.
fn length(renderer: &Renderer, p: &Profile, pace: u32) -> anyhow::Result<String> {
    let mut out = String::new();
    for doc in Doc::ALL.into_iter().filter(|d| d.supported_by(p)) {
        let text = renderer.render(p, doc)?;
        let chars = zh::char_count(&text);
        let line = if doc.is_spoken() {
            let minutes = zh::speaking_minutes(chars, pace);
            format!(
                "  {}：约{chars}字，按每分钟{pace}字约讲{minutes}分钟\n",
                doc.title()
            )
        } else {
            format!("  {}：约{chars}字\n", doc.title())
        };
        out.push_str(&line);
    }
    let lacking: Vec<String> = Doc::ALL
        .into_iter()
        .filter_map(|d| {
            let gap = d.gap(p)?;
            Some(format!("    {}：缺 {}\n", d.title(), gap.keys.join("、")))
        })
        .collect();
    if !lacking.is_empty() {
        out.push_str("  还不能生成（加上这些键就能生成，见 docs/profile.md）：\n");
        out.push_str(&lacking.concat());
    }
    Ok(out)
}
