//! `cargo bench --bench gen_profiles -- DIR [N]` writes N (default 1,000)
//! varied profiles into DIR for `scripts/bench.sh`. Run by plain
//! `cargo bench` without a folder, it does nothing.

#[path = "support/profiles.rs"]
mod profiles;

use std::path::PathBuf;
use std::process::ExitCode;

fn main() -> ExitCode {
    // cargo passes `--bench`; everything else is ours.
    let args: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| !a.starts_with("--"))
        .collect();
    let Some(dir) = args.first() else {
        eprintln!(
            "gen_profiles: 给出文件夹才会生成配置，如 cargo bench --bench gen_profiles -- /tmp/profiles 1000"
        );
        return ExitCode::SUCCESS;
    };
    let n = match args.get(1).map(|n| n.parse::<usize>()) {
        None => 1000,
        Some(Ok(n)) => n,
        Some(Err(e)) => {
            eprintln!("gen_profiles: N 应当是整数：{e}");
            return ExitCode::from(2);
        }
    };
    match profiles::write_profiles(&PathBuf::from(dir), n) {
        Ok(paths) => {
            eprintln!(
                "gen_profiles: 在 {dir} 写了 {} 份配置和 campaigns/shared.yaml",
                paths.len()
            );
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("gen_profiles: 写入 {dir} 失败：{e}");
            ExitCode::from(2)
        }
    }
}
