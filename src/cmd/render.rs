//! `bigan render`: profiles → drafts, on stdout or into files. Everything is
//! rendered before anything is written, so a failure writes nothing.

use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::Context as _;

use crate::cli::{DocChoice, RenderArgs};
use crate::draft;
use crate::error::InputError;
use crate::output::{self, Format};
use crate::profile::{self, Profile};
use crate::render::{Doc, Renderer};

pub fn run(args: &RenderArgs) -> anyhow::Result<ExitCode> {
    let renderer = Renderer::new(args.templates.as_deref()).map_err(input)?;
    let [path] = args.profiles.as_slice() else {
        anyhow::bail!("一次只能生成一份配置：请只给一个配置文件");
    };
    if path.is_dir() {
        anyhow::bail!("{} 是文件夹：请给出一个配置文件", path.display());
    }
    let loaded = profile::load(path)?;
    super::print_diagnostics(&loaded.diagnostics);
    let Some(profile) = loaded.profile else {
        return Ok(super::status(false));
    };
    let docs = docs_for(args.doc, &profile, path)?;
    let mut rendered = Vec::new();
    for doc in docs {
        let bytes = draft::bytes(&renderer, &profile, doc, args.format).map_err(input)?;
        rendered.push((doc, bytes));
    }
    match (&args.output, rendered.as_slice()) {
        (None, [(_, bytes)]) => {
            if args.format == Format::Docx {
                anyhow::bail!(
                    "DOCX 是 Word 文件，不能输出到屏幕：请用 -o 指定文件，如 -o 讲话.docx"
                );
            }
            std::io::stdout()
                .write_all(bytes)
                .context("写到标准输出失败")?;
        }
        (None, _) => anyhow::bail!("--doc all 会生成多份文稿：请用 -o 指定输出文件夹"),
        (Some(out), [(_, bytes)]) if args.doc != DocChoice::All && !out.is_dir() => {
            output::write::guarded(out, bytes, args.force)?;
            eprintln!("已写入 {}", out.display());
        }
        (Some(dir), _) => {
            fs_err::create_dir_all(dir)?;
            for (doc, bytes) in &rendered {
                let target = file_for(dir, path, *doc, args.format);
                output::write::guarded(&target, bytes, args.force)?;
                eprintln!("已写入 {}", target.display());
            }
        }
    }
    Ok(super::status(true))
}

/// The documents to write for `choice`: `all` means those the profile has
/// the facts for.
fn docs_for(choice: DocChoice, profile: &Profile, path: &Path) -> anyhow::Result<Vec<Doc>> {
    let docs: Vec<Doc> = choice
        .docs()
        .into_iter()
        .filter(|d| d.supported_by(profile))
        .collect();
    if docs.is_empty() {
        return Err(input(anyhow::anyhow!(
            "{}：没有 progress 一节，无法生成推进会讲话；加上 progress: {{ date: …, achievements: […], problems: […] }}",
            path.display()
        )));
    }
    Ok(docs)
}

/// `profiles/hospital.yaml` → `DIR/hospital.speech.md`.
pub fn file_for(dir: &Path, profile: &Path, doc: Doc, format: Format) -> PathBuf {
    let stem = profile
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| "draft".to_owned());
    dir.join(format!("{stem}.{}.{}", doc.name(), format.extension()))
}

fn input(e: anyhow::Error) -> anyhow::Error {
    anyhow::Error::new(InputError(e.to_string()))
}
