//! The campaign's phases on a time axis: an inline SVG for HTML drafts.
//!
//! One bar per phase, ticks at month starts (quarters or years on a long
//! campaign, so the chart's size does not grow with its span), and a line
//! at the day of the document's meeting (the mobilisation for the speech,
//! the plan, the notice and its news item; the progress meeting for the
//! progress speech and its news item; the exchange meeting; the closing
//! meeting). The geometry is fixed so the chart looks the same in every
//! draft; text from the profile is escaped, and the SVG carries no script.

use std::fmt::Write as _;

use chrono::{Datelike, Months, NaiveDate};

use crate::calendar::{self, cn_date};
use crate::output::html::escape;
use crate::profile::{Phase, PhaseStatus, Profile};
use crate::render::Doc;

/// The viewBox width; the page scales the chart to its column.
const WIDTH: f64 = 480.0;
/// Where the bars may start and end.
const CHART_LEFT: f64 = 150.0;
const CHART_RIGHT: f64 = 468.0;
/// Phase names longer than this are cut with … (the full name is in the
/// bar's tooltip): more would run into the bars.
const NAME_CHARS: usize = 10;
const AXIS_Y: f64 = 38.0;
const ROW_TOP: f64 = 44.0;
const ROW_HEIGHT: f64 = 26.0;
const BAR_HEIGHT: f64 = 16.0;
/// Month labels need about this much room each.
const LABEL_SPACING: f64 = 36.0;
/// Most ticks drawn: monthly up to three years, then quarterly, then
/// every year or every few years.
const MAX_TICKS: usize = 40;
/// An open-ended phase is drawn at least this far past its start.
const OPEN_END_MONTHS: u32 = 3;

const DONE: &str = "#b8c2cc";
const CURRENT: &str = "#2f6fb0";
const AHEAD: &str = "#8fb5dd";
const MARK: &str = "#c0392b";
const GRID: &str = "#e3e7eb";
const INK: &str = "#333";

/// An SVG chart of the phases (a bar each, ticks by month, quarter or
/// year, the meeting date marked), or an empty string when there are no
/// phases.
pub fn svg(profile: &Profile, doc: Doc) -> String {
    let phases = &profile.campaign.phases;
    let Some(first) = phases.first() else {
        return String::new();
    };
    // What to mark and when: the document's own meeting.
    let (occasion, day) = doc.meeting(profile);
    let label = occasion.name();
    let axis = Axis::new(first.from, phases, day);
    let height = ROW_TOP + ROW_HEIGHT * phases.len() as f64 + 8.0;

    let mut out = String::new();
    // write! to a String cannot fail.
    let _ = writeln!(
        out,
        r#"<svg class="timeline" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {height}" width="100%" role="img" aria-label="{}" font-family="sans-serif" font-size="12">"#,
        escape(&format!("活动阶段时间表，{label}：{}", cn_date(day)))
    );
    ticks(&mut out, &axis, height);
    for (i, phase) in phases.iter().enumerate() {
        bar(&mut out, &axis, phase, i, day);
    }
    marker(&mut out, &axis, label, day, height);
    out.push_str("</svg>\n");
    out
}

/// Days mapped onto the chart: from the first of the earliest month shown
/// to the end of the last.
struct Axis {
    start: NaiveDate,
    /// The day after the last day shown.
    end: NaiveDate,
}

impl Axis {
    fn new(first: NaiveDate, phases: &[Phase], day: NaiveDate) -> Axis {
        let earliest = first.min(day);
        let mut latest = day;
        for phase in phases {
            let end = phase.to.unwrap_or_else(|| open_end(phase.from));
            latest = latest.max(end).max(phase.from);
        }
        let start = earliest.with_day(1).unwrap_or(earliest);
        let end = calendar::month_end(latest).succ_opt().unwrap_or(latest);
        Axis { start, end }
    }

    /// The x of the start of `d` (clamped to the chart).
    fn x(&self, d: NaiveDate) -> f64 {
        let total = (self.end - self.start).num_days().max(1) as f64;
        let offset = (d - self.start).num_days() as f64;
        let x = CHART_LEFT + (CHART_RIGHT - CHART_LEFT) * offset / total;
        x.clamp(CHART_LEFT, CHART_RIGHT)
    }

    /// Where the ticks go: the first day of every month, quarter or year
    /// shown, or of every few years, whichever gives at most
    /// [`MAX_TICKS`]; and how many months apart they are.
    fn tick_starts(&self) -> (Vec<NaiveDate>, u32) {
        let months = (self.end.year() - self.start.year()) * 12 + self.end.month() as i32
            - self.start.month() as i32;
        let months = usize::try_from(months).unwrap_or(0);
        let (step, yearly) = if months <= MAX_TICKS {
            (1, false)
        } else if months <= 3 * MAX_TICKS {
            (3, false)
        } else {
            let years = months / 12 + 1;
            let every = [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10_000]
                .into_iter()
                .find(|n| years / n <= MAX_TICKS)
                .unwrap_or(10_000);
            (12 * every, true)
        };
        // The first tick: the axis start for months, else the first
        // quarter start or January 1st (of a year divisible by the step)
        // on the axis.
        let aligned = |d: &NaiveDate| match (step, yearly) {
            (1, _) => true,
            (_, false) => d.month0().is_multiple_of(3),
            (_, true) => d.month() == 1 && d.year().rem_euclid((step / 12) as i32) == 0,
        };
        let mut first = Some(self.start);
        while let Some(d) = first.filter(|d| !aligned(d) && *d < self.end) {
            first = d.checked_add_months(Months::new(1));
        }
        let step = step as u32;
        let mut out = Vec::new();
        let mut next = first;
        while let Some(d) = next.filter(|d| *d < self.end) {
            out.push(d);
            next = d.checked_add_months(Months::new(step));
        }
        (out, step)
    }
}

/// Where an open-ended phase's bar stops: a few months on, at a month end.
fn open_end(from: NaiveDate) -> NaiveDate {
    let later = from
        .checked_add_months(Months::new(OPEN_END_MONTHS))
        .unwrap_or(from);
    calendar::month_end(later.pred_opt().unwrap_or(later))
}

/// Grid lines at every tick, labelled as often as they fit, at round
/// places (every quarter, half year, year, five years…): months and
/// quarters name the year at the first label and at every January; years
/// are named alone.
fn ticks(out: &mut String, axis: &Axis, height: f64) {
    let (starts, months) = axis.tick_starts();
    let yearly = months >= 12;
    let per_tick = (CHART_RIGHT - CHART_LEFT) / starts.len().max(1) as f64;
    let needed = (LABEL_SPACING / per_tick).ceil().max(1.0) as u32;
    // Ticks per label, so that labels fall on round months or years.
    let round: &[u32] = if yearly {
        &[1, 2, 5, 10, 20, 50, 100]
    } else {
        &[1, 2, 3, 6, 12, 24, 60, 120]
    };
    let every = round
        .iter()
        .filter(|k| yearly || *k % months == 0)
        .map(|k| if yearly { *k } else { k / months })
        .find(|k| *k >= needed)
        .unwrap_or(needed);
    // A tick's place in the calendar, counted in ticks.
    let place = |d: &NaiveDate| (d.year() * 12 + d.month0() as i32) / months.max(1) as i32;
    let bottom = height - 8.0;
    let _ = writeln!(
        out,
        r#"<line x1="{CHART_LEFT}" y1="{AXIS_Y}" x2="{CHART_RIGHT}" y2="{AXIS_Y}" stroke="{INK}" stroke-width="1"/>"#
    );
    let mut labelled_year = None;
    let mut free_from = 0.0;
    for d in &starts {
        let x = axis.x(*d);
        let _ = writeln!(
            out,
            r#"<line class="tick" x1="{x:.1}" y1="{AXIS_Y}" x2="{x:.1}" y2="{bottom}" stroke="{GRID}" stroke-width="1"/>"#
        );
        if place(d).rem_euclid(every as i32) != 0 {
            continue;
        }
        let text = if yearly {
            format!("{}年", d.year())
        } else if labelled_year != Some(d.year()) {
            format!("{}年{}月", d.year(), d.month())
        } else {
            format!("{}月", d.month())
        };
        // A label that would run into the previous one or off the chart
        // is left out; its tick stays.
        if x < free_from || x + label_width(&text) > WIDTH {
            continue;
        }
        free_from = x + label_width(&text) + 6.0;
        labelled_year = Some(d.year());
        let _ = writeln!(
            out,
            r#"<text x="{x:.1}" y="{}" font-size="10" fill="{INK}">{text}</text>"#,
            AXIS_Y - 4.0
        );
    }
}

/// One phase: its name in the left column, its bar on the axis, and a
/// tooltip with the exact span.
fn bar(out: &mut String, axis: &Axis, phase: &Phase, index: usize, day: NaiveDate) {
    let top = ROW_TOP + ROW_HEIGHT * index as f64;
    let (end, open) = match phase.to {
        Some(to) => (to, false),
        None => (open_end(phase.from).max(day), true),
    };
    let x1 = axis.x(phase.from);
    let x2 = axis.x(end.succ_opt().unwrap_or(end));
    let width = (x2 - x1).max(2.0);
    let fill = match phase.status(day) {
        PhaseStatus::Done => DONE,
        PhaseStatus::Ahead => AHEAD,
        PhaseStatus::Current => CURRENT,
    };
    let span = match phase.to {
        Some(to) => format!(
            "{}—{}（{}天）",
            cn_date(phase.from),
            cn_date(to),
            calendar::days_inclusive(phase.from, to)
        ),
        None => format!("{}起，长期", cn_date(phase.from)),
    };
    let ordinal = crate::zh::numeral(index as u64 + 1);
    let tooltip = escape(&format!("第{ordinal}阶段 {}：{span}", phase.name));
    let style = if open {
        r#" fill-opacity="0.55" stroke-dasharray="4 3""#
    } else {
        ""
    };
    let _ = writeln!(
        out,
        r#"<text x="8" y="{:.1}" fill="{INK}">{}</text>"#,
        top + BAR_HEIGHT,
        escape(&short_name(&phase.name))
    );
    let _ = writeln!(
        out,
        r#"<rect class="bar" x="{x1:.1}" y="{:.1}" width="{width:.1}" height="{BAR_HEIGHT}" rx="2" fill="{fill}" stroke="{fill}"{style}><title>{tooltip}</title></rect>"#,
        top + 4.0
    );
}

/// The meeting's day as a line across the rows, labelled above the axis.
fn marker(out: &mut String, axis: &Axis, label: &str, day: NaiveDate, height: f64) {
    let x = axis.x(day);
    // Keep the label inside the chart: it reads leftwards near the end.
    let anchor = if x > (CHART_LEFT + CHART_RIGHT) / 2.0 {
        "end"
    } else {
        "start"
    };
    let _ = writeln!(
        out,
        r#"<line class="meeting" x1="{x:.1}" y1="16" x2="{x:.1}" y2="{}" stroke="{MARK}" stroke-width="1.5" stroke-dasharray="3 2"/>"#,
        height - 8.0
    );
    let _ = writeln!(
        out,
        r#"<text x="{x:.1}" y="12" font-size="11" fill="{MARK}" text-anchor="{anchor}">{}</text>"#,
        escape(&format!("{label} {}月{}日", day.month(), day.day()))
    );
}

/// About how wide a month label set at 10 px is.
fn label_width(text: &str) -> f64 {
    text.chars()
        .map(|c| if c.is_ascii() { 6.0 } else { 10.0 })
        .sum()
}

/// At most [`NAME_CHARS`] characters, with … when cut.
fn short_name(name: &str) -> String {
    if name.chars().count() <= NAME_CHARS {
        return name.to_owned();
    }
    let mut cut: String = name.chars().take(NAME_CHARS - 1).collect();
    cut.push('…');
    cut
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use super::*;
    use crate::profile::{self, Meeting, Person, Progress};

    fn d(s: &str) -> NaiveDate {
        calendar::parse_date(s).unwrap()
    }

    fn phase(name: &str, from: &str, to: Option<&str>) -> Phase {
        Phase {
            name: name.to_owned(),
            from: d(from),
            to: to.map(d),
            tasks: Vec::new(),
        }
    }

    fn example() -> Profile {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/profiles/hospital.yaml");
        profile::load(std::path::Path::new(path))
            .unwrap()
            .profile
            .unwrap()
    }

    fn with_phases(phases: Vec<Phase>, meeting: &str) -> Profile {
        let mut p = example();
        p.campaign.phases = phases;
        p.meeting = Meeting {
            date: d(meeting),
            ..p.meeting
        };
        p.progress = None;
        p
    }

    /// The x attribute of every element whose tag starts with `start`.
    fn xs(svg: &str, start: &str) -> Vec<f64> {
        svg.lines()
            .filter(|l| l.starts_with(start))
            .map(|l| {
                let rest = &l[l.find(" x=\"").or_else(|| l.find(" x1=\"")).unwrap()..];
                let value = rest.split('"').nth(1).unwrap();
                value.parse().unwrap()
            })
            .collect()
    }

    #[test]
    fn one_bar_per_phase_in_order() {
        let p = example();
        let svg = svg(&p, Doc::Speech);
        assert_eq!(svg.matches("<svg").count(), 1);
        assert_eq!(svg.matches(r#"<rect class="bar""#).count(), 3);
        let bars = xs(&svg, r#"<rect class="bar""#);
        assert!(bars.windows(2).all(|w| w[0] < w[1]), "{bars:?}");
        assert!(svg.contains("广泛发动、安排部署"));
        assert!(svg.contains("2010年5月20日—2010年6月30日（42天）"));
        assert!(!svg.contains("<script"));
    }

    #[test]
    fn marks_the_documents_own_meeting() {
        let p = example();
        let speech = svg(&p, Doc::Speech);
        let plan = svg(&p, Doc::Plan);
        let progress = svg(&p, Doc::Progress);
        assert!(speech.contains("动员大会 5月20日"));
        assert_eq!(speech, plan);
        assert!(progress.contains("推进会 11月10日"));
        // The progress meeting falls inside the second bar.
        let bars = xs(&progress, r#"<rect class="bar""#);
        let line = xs(&progress, r#"<line class="meeting""#)[0];
        assert!(bars[1] < line && line < bars[2], "{bars:?} {line}");
        // Seen from November the first phase is done, the second current.
        assert!(progress.contains(&format!(r#"fill="{DONE}""#)));
        assert!(speech.contains(&format!(r#"fill="{AHEAD}""#)));
    }

    #[test]
    fn ticks_at_every_month_start() {
        let p = with_phases(
            vec![
                phase("动员", "2010-05-20", Some("2010-06-30")),
                phase("推进", "2010-07-01", Some("2010-12-31")),
            ],
            "2010-05-20",
        );
        let svg = svg(&p, Doc::Plan);
        // May to December.
        assert_eq!(svg.matches(r#"<line class="tick""#).count(), 8);
        assert!(svg.contains(">2010年5月</text>"));
        let ticks = xs(&svg, r#"<line class="tick""#);
        assert_eq!(ticks[0], CHART_LEFT);
        assert!(ticks.iter().all(|&x| x < CHART_RIGHT));
        // The last bar runs to the chart's right edge.
        let last = svg
            .lines()
            .rfind(|l| l.starts_with(r#"<rect class="bar""#))
            .unwrap();
        let x: f64 = xs(last, "<rect")[0];
        let w: f64 = last
            .split("width=\"")
            .nth(1)
            .unwrap()
            .split('"')
            .next()
            .unwrap()
            .parse()
            .unwrap();
        assert!((x + w - CHART_RIGHT).abs() < 0.2, "{x} {w}");
    }

    #[test]
    fn open_ended_phase_drawn_a_few_months_on() {
        let p = with_phases(
            vec![
                phase("动员", "2011-01-01", Some("2011-01-31")),
                phase("常态化", "2011-02-01", None),
            ],
            "2011-01-10",
        );
        let svg = svg(&p, Doc::Speech);
        // January to April: the open phase shows three months past its start.
        assert_eq!(svg.matches(r#"<line class="tick""#).count(), 4);
        assert!(svg.contains("stroke-dasharray=\"4 3\""));
        assert!(svg.contains("2011年2月1日起，长期"));
    }

    #[test]
    fn a_meeting_outside_the_phases_widens_the_axis() {
        let mut p = with_phases(
            vec![phase("推进", "2010-07-01", Some("2010-08-31"))],
            "2010-05-20",
        );
        p.progress = Some(Progress {
            date: d("2010-10-15"),
            speaker: Person::default(),
            before_me: None,
            achievements: Vec::new(),
            problems: Vec::new(),
            lessons: Vec::new(),
            next_steps: Vec::new(),
            points: Vec::new(),
            place: None,
            attendees: Vec::new(),
        });
        let speech = svg(&p, Doc::Speech);
        assert_eq!(speech.matches(r#"<line class="tick""#).count(), 4);
        let progress = svg(&p, Doc::Progress);
        assert_eq!(progress.matches(r#"<line class="tick""#).count(), 4);
        let line = xs(&progress, r#"<line class="meeting""#)[0];
        assert!(line > CHART_LEFT && line < CHART_RIGHT);
    }

    #[test]
    fn labels_thin_out_on_long_campaigns() {
        let p = with_phases(
            vec![
                phase("一", "2010-01-01", Some("2011-12-31")),
                phase("二", "2012-01-01", Some("2012-12-31")),
            ],
            "2010-01-01",
        );
        let svg = svg(&p, Doc::Speech);
        assert_eq!(svg.matches(r#"<line class="tick""#).count(), 36);
        let labels = svg.matches("</text>").count() - 2 - 1;
        assert!(labels < 36 / 2, "{labels} month labels");
        assert!(svg.contains(">2011年1月</text>"));
    }

    fn tick_labels(svg: &str) -> Vec<String> {
        svg.lines()
            .filter(|l| l.contains(r#"font-size="10""#))
            .map(|l| {
                l.split('>')
                    .nth(1)
                    .unwrap()
                    .trim_end_matches("</text")
                    .to_owned()
            })
            .collect()
    }

    #[test]
    fn ticks_become_quarters_then_years() {
        // Five years: quarters, from the first quarter start on the axis,
        // labelled at each January.
        let p = with_phases(
            vec![phase("一", "2010-05-20", Some("2015-05-19"))],
            "2010-05-20",
        );
        let chart = svg(&p, Doc::Speech);
        assert_eq!(chart.matches(r#"<line class="tick""#).count(), 20);
        let ticks = xs(&chart, r#"<line class="tick""#);
        assert!(ticks[0] > CHART_LEFT, "the first tick is July, not May");
        let labels = tick_labels(&chart);
        assert_eq!(
            labels[..4],
            ["2011年1月", "2012年1月", "2013年1月", "2014年1月"]
        );
        assert!(labels.len() <= 5, "{labels:?}");
        // Twenty years: every year, labelled with the year alone.
        let p = with_phases(
            vec![phase("一", "2010-05-20", Some("2030-05-19"))],
            "2010-05-20",
        );
        let chart = svg(&p, Doc::Speech);
        assert_eq!(chart.matches(r#"<line class="tick""#).count(), 20);
        assert!(
            tick_labels(&chart).iter().all(|l| l.ends_with('年')),
            "{:?}",
            tick_labels(&chart)
        );
    }

    #[test]
    fn any_span_gives_a_chart_of_bounded_size() {
        for (from, to) in [("1000-01-01", "9999-12-31"), ("1949-10-01", "2100-12-31")] {
            let p = with_phases(vec![phase("一", from, Some(to))], from);
            let chart = svg(&p, Doc::Plan);
            let ticks = chart.matches(r#"<line class="tick""#).count();
            assert!(
                (2..=MAX_TICKS).contains(&ticks),
                "{from}..{to}: {ticks} ticks"
            );
            assert!(chart.len() < 8_000, "{from}..{to}: {} bytes", chart.len());
        }
    }

    #[test]
    fn escapes_what_the_user_wrote() {
        let p = with_phases(
            vec![phase(r#"<b>&"甲'</b>"#, "2010-05-20", Some("2010-06-30"))],
            "2010-05-20",
        );
        let svg = svg(&p, Doc::Speech);
        assert!(!svg.contains("<b>"));
        assert!(svg.contains("&lt;b&gt;&amp;&quot;甲&#39;&lt;/b&gt;"));
    }

    #[test]
    fn long_names_are_cut_with_the_full_name_in_the_tooltip() {
        let name = "全面开展岗位练兵技术比武和服务竞赛";
        let p = with_phases(vec![phase(name, "2010-05-20", None)], "2010-05-20");
        let svg = svg(&p, Doc::Speech);
        assert!(svg.contains(">全面开展岗位练兵技…</text>"));
        assert!(svg.contains(&format!("第一阶段 {name}：")));
    }

    #[test]
    fn nothing_without_phases() {
        let p = with_phases(Vec::new(), "2010-05-20");
        assert_eq!(svg(&p, Doc::Speech), "");
    }
}
