#![allow(clippy::unwrap_used, clippy::expect_used)]
//! DOCX checked in a real office suite: every document of every example
//! profile, and a long draft that fills pages, are converted to PDF by
//! LibreOffice and measured with poppler: A4, the title on page 1, 22 lines
//! of at most 28 characters, every character in a CJK font, page numbers
//! "— N —" on the outer side 7 mm below the 版心. PNGs of the first pages
//! are left in `target/tmp/docx/` for a person to look at.
//!
//! Needs `soffice` and poppler's `pdfinfo`, `pdftotext`, `pdftoppm` and
//! `pdffonts` (`.ci/install-test-deps`). Where they are missing, build.rs
//! marks these tests ignored (`cargo test` lists them as “ignored,
//! LibreOffice 或 poppler 没有安装”); under CI they run and fail.

use std::path::{Path, PathBuf};
use std::process::Command;

use bigan::output::blocks::{self, Block};
use bigan::profile::Fonts;
use bigan::render::Doc;

const PROFILES: [&str; 3] = ["hospital", "county", "traffic"];

/// The page in PDF points: A4, and the 版心's edges (margins 37/26/35/28 mm).
const MM: f64 = 72.0 / 25.4;
const PAGE: (f64, f64) = (595.28, 841.89);
const LEFT: f64 = 28.0 * MM;
const RIGHT: f64 = PAGE.0 - 26.0 * MM;
const TOP: f64 = 37.0 * MM;
const BOTTOM: f64 = PAGE.1 - 35.0 * MM;

fn which(program: &str) -> Option<PathBuf> {
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path)
        .map(|dir| dir.join(program))
        .find(|p| p.is_file())
}

/// LibreOffice and poppler, or a failure that says what is missing (the
/// tests are ignored where they are missing, unless run with --ignored or
/// under CI).
fn require_tools() {
    for program in ["soffice", "pdfinfo", "pdftotext", "pdftoppm", "pdffonts"] {
        assert!(
            which(program).is_some(),
            "{program} not found: run .ci/install-test-deps"
        );
    }
}

/// A fresh folder for one test's files under Cargo's test tmpdir.
fn folder(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR"))
        .join("docx")
        .join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// Converts `files` to PDF in one LibreOffice run with its own user profile,
/// so tests running at the same time do not share one.
fn to_pdf(files: &[PathBuf], dir: &Path) -> Vec<PathBuf> {
    let profile = dir.join("lo-profile");
    let out = Command::new("soffice")
        .arg(format!(
            "-env:UserInstallation=file://{}",
            profile.display()
        ))
        .args([
            "--headless",
            "--norestore",
            "--convert-to",
            "pdf",
            "--outdir",
        ])
        .arg(dir)
        .args(files)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "soffice: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    files
        .iter()
        .map(|f| {
            let pdf = dir.join(f.with_extension("pdf").file_name().unwrap());
            assert!(pdf.is_file(), "soffice made no {}", pdf.display());
            pdf
        })
        .collect()
}

/// Runs a poppler tool on `file`, its report on stdout.
fn run(program: &str, args: &[&str], file: &Path) -> String {
    let mut command = Command::new(program);
    command.args(args).arg(file);
    if program == "pdftotext" {
        command.arg("-");
    }
    let out = command.output().unwrap();
    assert!(out.status.success(), "{program} {}", file.display());
    String::from_utf8(out.stdout).unwrap()
}

/// One line of text as poppler found it, in points from the top left.
#[derive(Debug)]
struct Line {
    x_min: f64,
    x_max: f64,
    y_min: f64,
    y_max: f64,
    text: String,
}

impl Line {
    /// The line's length in characters of the body's size: full-width
    /// characters count one, ASCII half.
    fn width(&self) -> f64 {
        self.text
            .chars()
            .filter(|c| !c.is_whitespace())
            .map(|c| if c.is_ascii() { 0.5 } else { 1.0 })
            .sum()
    }

    /// Whether a closing mark hangs past the 版心's right edge.
    /// LibreOffice 7.4 reads w:overflowPunct="0" the wrong way round and
    /// lets one hang, as Word would without the setting; nothing else may
    /// stand outside the 版心.
    fn hangs(&self) -> bool {
        self.x_max > RIGHT + 1.0 && self.text.ends_with(|c| "，。、；：！？”’）》".contains(c))
    }

    /// The characters the line takes on the 28-character grid: a hanging
    /// mark stands outside it.
    fn grid_width(&self) -> f64 {
        self.width() - if self.hangs() { 1.0 } else { 0.0 }
    }

    fn is_page_number(&self) -> bool {
        self.y_min > BOTTOM
    }
}

fn attr(tag: &str, name: &str) -> f64 {
    let key = format!("{name}=\"");
    let at = tag.find(&key).unwrap() + key.len();
    tag[at..at + tag[at..].find('"').unwrap()].parse().unwrap()
}

/// The pages of a PDF as lines, from `pdftotext -bbox-layout`.
fn pages(pdf: &Path) -> Vec<Vec<Line>> {
    let html = run("pdftotext", &["-bbox-layout"], pdf);
    html.split("<page ")
        .skip(1)
        .map(|page| {
            page.split("<line ")
                .skip(1)
                .map(|line| {
                    let tag = &line[..line.find('>').unwrap()];
                    let text = line
                        .split("<word ")
                        .skip(1)
                        .map(|w| {
                            let w = &w[w.find('>').unwrap() + 1..];
                            w[..w.find("</word>").unwrap()].to_owned()
                        })
                        .collect::<Vec<_>>()
                        .join(" ");
                    Line {
                        x_min: attr(tag, "xMin"),
                        x_max: attr(tag, "xMax"),
                        y_min: attr(tag, "yMin"),
                        y_max: attr(tag, "yMax"),
                        text: text.replace("&amp;", "&"),
                    }
                })
                .collect()
        })
        .collect()
}

fn squeeze(text: &str) -> String {
    text.chars().filter(|c| !c.is_whitespace()).collect()
}

/// The lines of text on a page, its page number not counted.
fn body_lines(page: &[Line]) -> usize {
    page.iter().filter(|l| !l.is_page_number()).count()
}

/// Checks every page of `pdf` against GB/T 9704; returns the pages.
fn check_page_layout(pdf: &Path, title: &str) -> Vec<Vec<Line>> {
    let name = pdf.display();
    let info = run("pdfinfo", &[], pdf);
    let size = info
        .lines()
        .find_map(|l| l.strip_prefix("Page size:"))
        .unwrap_or_else(|| panic!("{name}: no page size in {info}"));
    let dims: Vec<f64> = size
        .split_whitespace()
        .filter_map(|w| w.parse().ok())
        .collect();
    assert!(
        (dims[0] - 595.0).abs() <= 1.0 && (dims[1] - 842.0).abs() <= 1.0,
        "{name}: page size {size}"
    );

    check_fonts(pdf);
    let pages = pages(pdf);
    assert!(!pages.is_empty(), "{name}: no pages");
    let first: String = pages[0].iter().map(|l| squeeze(&l.text)).collect();
    assert!(
        first.contains(&squeeze(title)),
        "{name}: title {title} not on page 1: {first}"
    );

    for (i, page) in pages.iter().enumerate() {
        let n = i + 1;
        let (numbers, body): (Vec<&Line>, Vec<&Line>) =
            page.iter().partition(|l| l.is_page_number());
        // The page number: "— N —", once, 7 mm below the 版心 (the middle of
        // its line, where the dashes are), on the outer side one character
        // (14 pt) in.
        let [number] = numbers.as_slice() else {
            panic!("{name} p{n}: page numbers {numbers:?}");
        };
        assert_eq!(squeeze(&number.text), format!("—{n}—"), "{name} p{n}");
        let below = (number.y_min + number.y_max) / 2.0 - BOTTOM;
        assert!(
            (5.5 * MM..8.5 * MM).contains(&below),
            "{name} p{n}: page number {:.1} mm below the text block",
            below / MM
        );
        if n % 2 == 1 {
            assert!(
                (RIGHT - 14.0 - number.x_max).abs() < 3.0,
                "{name} p{n}: {number:?}"
            );
        } else {
            assert!(
                (number.x_min - LEFT - 14.0).abs() < 3.0,
                "{name} p{n}: {number:?}"
            );
        }
        // The text keeps to the 版心: at most 22 lines, none over 28 characters.
        assert!(body.len() <= 22, "{name} p{n}: {} lines", body.len());
        for line in &body {
            assert!(
                line.grid_width() <= 28.0,
                "{name} p{n}: {} characters: {}",
                line.grid_width(),
                line.text
            );
            let right = if line.hangs() {
                RIGHT + 17.0
            } else {
                RIGHT + 1.0
            };
            assert!(
                line.x_min >= LEFT - 1.0 && line.x_max <= right,
                "{name} p{n}: {line:?}"
            );
            assert!(
                line.y_min >= TOP - 6.0 && line.y_max <= BOTTOM + 1.0,
                "{name} p{n}: {line:?}"
            );
        }
    }
    pages
}

/// Every character, digits and punctuation included, is set in one of the
/// fonts the 公文 names map to on this machine (Fandol, Noto CJK): a font
/// slot left empty would show up as a Latin fallback such as DejaVu.
fn check_fonts(pdf: &Path) {
    let fangsong = Command::new("fc-match")
        .args(["-f", "%{family}", "仿宋_GB2312"])
        .output()
        .map(|o| String::from_utf8_lossy(&o.stdout).into_owned())
        .unwrap_or_default();
    if !fangsong.contains("Fandol") {
        eprintln!(
            "font check skipped: 仿宋_GB2312 is not mapped to Fandol here (see shared/fonts)"
        );
        return;
    }
    let report = run("pdffonts", &[], pdf);
    let fonts: Vec<&str> = report
        .lines()
        .skip(2)
        .filter_map(|l| l.split_whitespace().next())
        .collect();
    assert!(!fonts.is_empty(), "{}: no fonts", pdf.display());
    for font in fonts {
        assert!(
            font.contains("Fandol") || font.contains("CJK"),
            "{}: text set in {font}",
            pdf.display()
        );
    }
}

/// Pictures of the first pages, for a person to look at.
fn snapshot(pdf: &Path, pages: u32) {
    let prefix = pdf.with_extension("");
    let status = Command::new("pdftoppm")
        .args(["-png", "-r", "60", "-f", "1", "-l", &pages.to_string()])
        .arg(pdf)
        .arg(&prefix)
        .status()
        .unwrap();
    assert!(status.success());
}

#[test]
#[cfg_attr(
    bigan_no_office,
    ignore = "LibreOffice 或 poppler 没有安装（.ci/install-test-deps）"
)]
fn every_example_document_lands_on_a_gbt_9704_page() {
    require_tools();
    let dir = folder("examples");
    let mut docx = Vec::new();
    let mut titles = Vec::new();
    for profile in PROFILES {
        let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(format!("profiles/{profile}.yaml"));
        for doc in Doc::ALL {
            let markdown = Command::new(env!("CARGO_BIN_EXE_bigan"))
                .args(["render", "--doc", doc.name()])
                .arg(&path)
                .output()
                .unwrap();
            if !markdown.status.success() {
                // A profile without the facts of a document has no such
                // document: the refusal names the keys to add.
                let said = String::from_utf8_lossy(&markdown.stderr);
                assert!(
                    doc != Doc::Speech && doc != Doc::Plan && said.contains("无法生成"),
                    "{profile} {}: {:?}",
                    doc.name(),
                    markdown
                );
                continue;
            }
            let title = blocks::parse(&String::from_utf8(markdown.stdout).unwrap())
                .into_iter()
                .find_map(|b| match b {
                    Block::Title(t) => Some(t),
                    _ => None,
                })
                .unwrap_or_else(|| panic!("{profile} {}: no title", doc.name()));
            let target = dir.join(format!("{profile}.{}.docx", doc.name()));
            let out = Command::new(env!("CARGO_BIN_EXE_bigan"))
                .args(["render", "--format", "docx", "--doc", doc.name()])
                .arg(&path)
                .arg("-o")
                .arg(&target)
                .output()
                .unwrap();
            assert!(
                out.status.success(),
                "{}: {}",
                target.display(),
                String::from_utf8_lossy(&out.stderr)
            );
            docx.push(target);
            titles.push(title);
        }
    }
    assert!(docx.len() >= PROFILES.len() * 2, "{docx:?}");
    let pdfs = to_pdf(&docx, &dir);
    for (pdf, title) in pdfs.iter().zip(&titles) {
        let pages = check_page_layout(pdf, title);
        snapshot(pdf, pages.len().min(2) as u32);
        let counts: Vec<usize> = pages.iter().map(|p| body_lines(p)).collect();
        if let [_, middle @ .., _] = counts.as_slice()
            && !middle.is_empty()
        {
            assert!(
                middle.contains(&22),
                "{}: lines per page {counts:?}",
                pdf.display()
            );
        }
        eprintln!("{}: lines per page {counts:?}", pdf.display());
    }
}

/// A long draft with every kind of block, sentences of this test's own.
fn long_draft() -> String {
    let sentences = [
        "各单位要把这项工作摆上重要位置，主要负责同志亲自抓、负总责。",
        "分管领导要靠前指挥，具体经办人员要各司其职，形成上下联动的工作格局。",
        "要建立工作台账，逐项明确责任人和完成时限，做到件件有着落、事事有回音。",
        "对进展缓慢的单位，督查组要及时提醒，必要时进行通报。",
        "2010年以来，全系统共办结群众来信来访326件，办结率达到98.5%。",
        "要坚持“两手抓、两不误”，既抓好活动开展，又抓好日常业务，防止出现“两张皮”。",
    ];
    let numerals = ["一", "二", "三", "四"];
    let mut out = vec![
        "# 关于开展示范创建活动的实施方案".to_owned(),
        "#### 张三 {.byline}".to_owned(),
        "#### （2010年5月20日） {.byline}".to_owned(),
        "各科室、各党支部：".to_owned(),
    ];
    let mut k = 0;
    for one in numerals {
        out.push(format!("## {one}、第{one}部分的标题要写得简明扼要"));
        for two in &numerals[..3] {
            out.push(format!("### （{two}）二级标题单独成行"));
            for n in 1..=3 {
                k += 1;
                let text: String = (0..=k % 4)
                    .map(|m| sentences[(k + m) % sentences.len()])
                    .collect();
                out.push(match n {
                    1 => format!("*（一）加强组织领导*。{text}"),
                    2 => format!("**第二，要突出工作重点**。{text}"),
                    _ => format!("{n}\\. {text}"),
                });
            }
        }
    }
    out.push("#### 中共某某委员会 {.signature}".to_owned());
    out.push("#### 2010年5月20日 {.signature}".to_owned());
    out.join("\n\n") + "\n"
}

#[test]
#[cfg_attr(
    bigan_no_office,
    ignore = "LibreOffice 或 poppler 没有安装（.ci/install-test-deps）"
)]
fn a_long_draft_fills_its_pages_with_22_lines_of_28_characters() {
    require_tools();
    let dir = folder("long");
    let markdown = long_draft();
    let docx = dir.join("long.docx");
    std::fs::write(
        &docx,
        bigan::output::docx::document(&markdown, &Fonts::default()).unwrap(),
    )
    .unwrap();
    std::fs::write(dir.join("long.md"), &markdown).unwrap();
    let pdf = &to_pdf(std::slice::from_ref(&docx), &dir)[0];
    let pages = check_page_layout(pdf, "关于开展示范创建活动的实施方案");
    snapshot(pdf, 2);
    assert!(pages.len() >= 3, "{} pages", pages.len());

    // Full pages hold 22 lines, one line pitch (28.95 pt) apart.
    let full: Vec<&Vec<Line>> = pages[1..pages.len() - 1].iter().collect();
    let counts: Vec<usize> = full.iter().map(|p| body_lines(p)).collect();
    assert!(
        counts.contains(&22),
        "lines on the middle pages: {counts:?}"
    );
    // Keeping a heading with its text may leave a line or two free.
    assert!(
        counts.iter().all(|&c| c >= 20),
        "lines on the middle pages: {counts:?}"
    );
    let page = full.iter().find(|p| body_lines(p) == 22).unwrap();
    let body: Vec<&Line> = page.iter().filter(|l| !l.is_page_number()).collect();
    let pitch = (body[21].y_min - body[0].y_min) / 21.0;
    assert!((pitch - 28.95).abs() < 0.1, "line pitch {pitch}");

    // Lines run to the full 28 characters: not 27, nor LibreOffice's 18 of
    // a character grid.
    let widest = pages
        .iter()
        .flatten()
        .map(Line::grid_width)
        .fold(0.0, f64::max);
    assert_eq!(widest, 28.0);

    // Body text is indented two characters, the salutation is not, the
    // title is centred, the signature stands four characters in from the right.
    let first = &pages[0];
    let find = |text: &str| {
        pages
            .iter()
            .flatten()
            .find(|l| squeeze(&l.text).starts_with(text))
            .unwrap_or_else(|| panic!("no line {text}"))
    };
    let centre = (LEFT + RIGHT) / 2.0;
    let title = &first[0];
    assert!(
        ((title.x_min + title.x_max) / 2.0 - centre).abs() < 2.0,
        "{title:?}"
    );
    assert!((find("各科室、各党支部：").x_min - LEFT).abs() < 1.5);
    assert!((find("一、第一部分").x_min - LEFT - 32.0).abs() < 1.5);
    assert!((find("（一）加强组织领导").x_min - LEFT - 32.0).abs() < 1.5);
    let signature = find("中共某某委员会");
    assert!(
        (RIGHT - signature.x_max - 64.0).abs() < 2.0,
        "{signature:?}"
    );
}

/// GB/T 9704-2012 7.3.1 on the real page: a title line holds 20
/// characters of 22 pt (21 would not fit the 156 mm 版心), and a longer
/// title is broken where bigan breaks it, between words, not where
/// LibreOffice would fill the line ("……的实施方 / 案").
#[test]
#[cfg_attr(
    bigan_no_office,
    ignore = "LibreOffice 或 poppler 没有安装（.ci/install-test-deps）"
)]
fn a_long_title_breaks_between_words_on_the_page() {
    require_tools();
    let twenty = "关于进一步推进全国文明城市创建工作的通知";
    let long = "关于深入开展全国文明城市创建活动的实施方案";
    assert_eq!(twenty.chars().count(), bigan::output::docx::TITLE_CHARS);
    let dir = folder("title");
    let docx = dir.join("title.docx");
    let markdown = format!("# {twenty}\n\n# {long}\n\n各单位：\n\n正文。\n");
    std::fs::write(
        &docx,
        bigan::output::docx::document(&markdown, &Fonts::default()).unwrap(),
    )
    .unwrap();
    let pdf = &to_pdf(std::slice::from_ref(&docx), &dir)[0];
    check_fonts(pdf);
    snapshot(pdf, 1);
    let page = &pages(pdf)[0];
    let texts: Vec<String> = page.iter().map(|l| squeeze(&l.text)).collect();

    // Twenty characters stand on one line, centred; a 21st would not fit.
    let one = page
        .iter()
        .find(|l| squeeze(&l.text) == twenty)
        .unwrap_or_else(|| panic!("{twenty} not on one line: {texts:?}"));
    let advance = (one.x_max - one.x_min) / 20.0;
    assert!(advance * 20.0 <= RIGHT - LEFT + 1.0, "{one:?}");
    assert!(advance * 21.0 > RIGHT - LEFT, "21 would fit: {one:?}");
    let centre = (LEFT + RIGHT) / 2.0;
    assert!(
        ((one.x_min + one.x_max) / 2.0 - centre).abs() < 2.0,
        "{one:?}"
    );

    // The long title in the lines bigan chose, each centred.
    let want = bigan::output::title::lines(long, bigan::output::docx::TITLE_CHARS);
    assert_eq!(want, ["关于深入开展全国文明城市", "创建活动的实施方案"]);
    let at = texts
        .iter()
        .position(|t| *t == want[0])
        .unwrap_or_else(|| panic!("no line {}: {texts:?}", want[0]));
    assert_eq!(texts[at + 1], want[1], "{texts:?}");
    for line in &page[at..at + 2] {
        assert!(
            ((line.x_min + line.x_max) / 2.0 - centre).abs() < 2.0,
            "{line:?}"
        );
    }
}
