//! What every bigan fuzz target shares: a private folder the input is
//! written into (bigan reads files, not bytes), with the example campaign
//! file beside it so `extends:` has something real to reach, and the
//! compiled templates, built once.

use std::cell::RefCell;
use std::path::{Path, PathBuf};

use bigan::render::Renderer;

/// The shared campaign file, where the example profiles expect it.
const CAMPAIGN: &str = include_str!("../../profiles/campaigns/chuangxian-zhengyou.yaml");

struct Scratch {
    _dir: tempfile::TempDir,
    root: PathBuf,
}

thread_local! {
    static SCRATCH: Scratch = {
        let dir = tempfile::tempdir().expect("a temporary folder");
        let root = dir.path().to_owned();
        std::fs::create_dir_all(root.join("campaigns")).expect("campaigns folder");
        std::fs::write(root.join("campaigns/chuangxian-zhengyou.yaml"), CAMPAIGN)
            .expect("campaign file");
        Scratch { _dir: dir, root }
    };
    static RENDERER: RefCell<Option<Renderer>> = const { RefCell::new(None) };
}

/// Whether `data` could make bigan read outside its folder, where what it
/// finds depends on the machine (`extends: ../../etc/…`): such inputs are
/// skipped, the rest is fuzzed. (/dev and /proc are refused by bigan
/// itself since issue 16, but stay skipped: a hit there is not a bug.)
pub fn reaches_outside(data: &[u8]) -> bool {
    let text = String::from_utf8_lossy(data);
    ["/dev", "/proc", "/sys", "..", "~"].iter().any(|p| text.contains(p))
}

/// Writes `data` to `NAME` in the scratch folder and hands its path to `f`.
pub fn with_file<R>(name: &str, data: &[u8], f: impl FnOnce(&Path) -> R) -> R {
    SCRATCH.with(|s| {
        let path = s.root.join(name);
        std::fs::write(&path, data).expect("write the input");
        f(&path)
    })
}

/// The built-in templates, compiled once per thread.
pub fn with_renderer<R>(f: impl FnOnce(&Renderer) -> R) -> R {
    RENDERER.with(|cell| {
        let mut slot = cell.borrow_mut();
        let renderer = slot.get_or_insert_with(|| Renderer::new(None).expect("built-in templates"));
        f(renderer)
    })
}
