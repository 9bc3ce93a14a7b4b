//! `bigan preview`: checks what cannot be fixed while serving (the profile
//! and the template folder must exist), then hands over to
//! [`crate::preview`]. A profile with errors is served: the page shows them
//! until they are fixed.

use std::process::ExitCode;

use crate::cli::PreviewArgs;

pub fn run(args: &PreviewArgs) -> anyhow::Result<ExitCode> {
    if !args.profile.exists() {
        anyhow::bail!(
            "找不到配置文件 {}：检查路径是否写对，或用 bigan new 新建一份",
            args.profile.display()
        );
    }
    if args.profile.is_dir() {
        anyhow::bail!(
            "{} 是文件夹：预览一次看一份配置，请给出其中一个 .yaml 文件",
            args.profile.display()
        );
    }
    if let Some(dir) = &args.templates
        && !dir.is_dir()
    {
        anyhow::bail!(
            "找不到模板文件夹 {}：--templates 要写成文件夹的路径（可用 bigan templates export 导出内置模板）",
            dir.display()
        );
    }
    serve(args)
}

#[cfg(feature = "preview")]
fn serve(args: &PreviewArgs) -> anyhow::Result<ExitCode> {
    crate::preview::serve(args)
}

#[cfg(not(feature = "preview"))]
fn serve(_args: &PreviewArgs) -> anyhow::Result<ExitCode> {
    anyhow::bail!("这个 bigan 编译时没有包含预览功能：请用默认功能（feature “preview”）重新编译")
}
