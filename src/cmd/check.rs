//! `bigan check`: every problem in each profile, then a summary a user can
//! read before the meeting: who, when, how many points, the phases on a
//! timeline, the length and the speaking time.

use std::fmt::Write as _;
use std::process::ExitCode;

use crate::calendar::{cn_date, days_inclusive};
use crate::cli::CheckArgs;
use crate::profile::{self, Profile};
use crate::render::{Doc, Renderer, context::DEFAULT_POINTS};
use crate::zh;

pub fn run(args: &CheckArgs) -> anyhow::Result<ExitCode> {
    let renderer = Renderer::new(args.templates.as_deref());
    let mut loader = profile::Loader::new();
    let mut ok = true;
    let mut unreadable = false;
    for path in &args.profiles {
        let loaded = match loader.load(path) {
            Ok(l) => l,
            Err(e) => {
                eprintln!("{}", crate::error::report(&e));
                // Too large or not UTF-8 is the input's fault, not the disk's.
                if e.chain().any(|c| c.is::<crate::error::InputError>()) {
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
                ok = false;
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
    let points = p.points.len().max(DEFAULT_POINTS) as u64;
    // write! to a String cannot fail.
    let _ = writeln!(out, "  单位：{}（{}）", p.org.name, p.org.kind.name());
    let _ = writeln!(out, "  活动：{}", p.campaign.full_name);
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
    let _ = writeln!(out, "  意见：{}点", zh::numeral(points));
    timeline(out, p);
}

/// The phases as lines, with where the meeting falls.
fn timeline(out: &mut String, p: &Profile) {
    if p.campaign.phases.is_empty() {
        let _ = writeln!(out, "  阶段：未填写");
        return;
    }
    let _ = writeln!(
        out,
        "  阶段：{}个",
        zh::numeral(p.campaign.phases.len() as u64)
    );
    let mut meetings = vec![("动员大会", p.meeting.date)];
    if let Some(progress) = &p.progress {
        meetings.push(("推进会", progress.date));
    }
    for (i, ph) in p.campaign.phases.iter().enumerate() {
        let span = match ph.to {
            Some(to) => format!("{} → {}（{}天）", ph.from, to, days_inclusive(ph.from, to)),
            None => format!("{} 起，长期", ph.from),
        };
        let here: Vec<&str> = meetings
            .iter()
            .filter(|(_, d)| ph.from <= *d && ph.to.is_none_or(|to| *d <= to))
            .map(|(name, _)| *name)
            .collect();
        let marker = if here.is_empty() {
            String::new()
        } else {
            format!("  ◀ {}在此阶段", here.join("、"))
        };
        let _ = writeln!(
            out,
            "    第{}阶段  {}  {span}{marker}",
            zh::numeral(i as u64 + 1),
            ph.name
        );
    }
}

/// Length in 字 and speaking time of each document the profile gives.
fn length(renderer: &Renderer, p: &Profile, pace: u32) -> anyhow::Result<String> {
    let mut out = String::new();
    for doc in Doc::ALL.into_iter().filter(|d| d.supported_by(p)) {
        let text = renderer.render(p, doc)?;
        let chars = zh::char_count(&text);
        let line = match doc {
            Doc::Plan => format!("  {}：约{chars}字\n", doc.title()),
            _ => {
                let minutes = (chars as f64 / f64::from(pace.max(1))).ceil();
                format!(
                    "  {}：约{chars}字，按每分钟{pace}字约讲{minutes}分钟\n",
                    doc.title()
                )
            }
        };
        out.push_str(&line);
    }
    Ok(out)
}
