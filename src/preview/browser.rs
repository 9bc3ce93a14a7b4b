//! `--open`: asks the desktop to show the preview in the default browser.
//! Without `--open` bigan never starts a browser.

use std::process::{Command, Stdio};
use std::thread;

/// Opens `url` in the default browser, in the background; prints a note
/// (and the address to open by hand) when that does not work.
pub fn open(url: &str) {
    let url = url.to_owned();
    // The opener may take a while or wait for the browser; the server must
    // not wait for it.
    thread::spawn(move || {
        let mut command = opener(&url);
        let status = command
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status();
        if !status.is_ok_and(|s| s.success()) {
            eprintln!("没能自动打开浏览器：请手动在浏览器中打开 {url}");
        }
    });
}

#[cfg(target_os = "macos")]
fn opener(url: &str) -> Command {
    let mut c = Command::new("open");
    c.arg(url);
    c
}

#[cfg(windows)]
fn opener(url: &str) -> Command {
    // `start` is a cmd built-in; the empty string is the window title.
    let mut c = Command::new("cmd");
    c.args(["/C", "start", "", url]);
    c
}

#[cfg(not(any(target_os = "macos", windows)))]
fn opener(url: &str) -> Command {
    let mut c = Command::new("xdg-open");
    c.arg(url);
    c
}
