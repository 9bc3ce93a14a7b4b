//! `bigan preview`: one profile's drafts served on loopback, rebuilt after
//! every save, and reloaded in the browser only once the rebuild is done
//! (mdBook #862: reloading before the build finished gave 404s).
//!
//! [`build`] renders every document into plain data, [`page`] turns that
//! into HTML, [`watch`] notices saves, [`server`] answers HTTP and
//! [`browser`] opens one on request. This module wires them around one
//! shared [`Snapshot`] that a rebuild replaces whole: a browser sees the
//! old pages or the new ones, never a mix, and never a missing one.

mod browser;
mod build;
pub mod http;
mod page;
pub mod server;
mod watch;

use std::collections::HashMap;
use std::io::Write as _;
use std::net::SocketAddr;
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Condvar, Mutex, PoisonError, mpsc};
use std::thread;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use crate::cli::PreviewArgs;
use crate::render::Doc;
use build::{Build, Source};
use watch::{Watched, Watcher};

/// Every page of one build, and the version the reload script compares.
#[derive(Debug, Clone)]
pub struct Snapshot {
    version: String,
    /// What `/` shows (`--doc`).
    home: Doc,
    pages: HashMap<Doc, String>,
}

impl Snapshot {
    fn page(&self, doc: Doc) -> &str {
        self.pages.get(&doc).map_or("", String::as_str)
    }
}

/// The current snapshot, shared by the server threads and the rebuilder,
/// with a signal for the live-reload streams waiting on the next one.
pub struct Site {
    current: Mutex<Arc<Snapshot>>,
    changed: Condvar,
    stopping: AtomicBool,
}

impl Site {
    fn new(snapshot: Snapshot) -> Site {
        Site {
            current: Mutex::new(Arc::new(snapshot)),
            changed: Condvar::new(),
            stopping: AtomicBool::new(false),
        }
    }

    /// A site with made-up pages, for tests of the request handling.
    fn sample() -> Site {
        Site::new(Snapshot {
            version: "v7".to_owned(),
            home: Doc::Plan,
            pages: Doc::ALL
                .into_iter()
                .map(|d| (d, format!("page of {}", d.name())))
                .collect(),
        })
    }

    fn current(&self) -> Arc<Snapshot> {
        // A panic elsewhere cannot leave a snapshot half-written: it is
        // swapped whole.
        Arc::clone(&self.current.lock().unwrap_or_else(PoisonError::into_inner))
    }

    fn replace(&self, snapshot: Snapshot) {
        *self.current.lock().unwrap_or_else(PoisonError::into_inner) = Arc::new(snapshot);
        self.changed.notify_all();
    }

    /// Waits up to `timeout` for a version other than `seen`; that
    /// version, or `None` on time-out or when stopping.
    fn wait_for_change(&self, seen: &str, timeout: Duration) -> Option<String> {
        let guard = self.current.lock().unwrap_or_else(PoisonError::into_inner);
        let (guard, _) = self
            .changed
            .wait_timeout_while(guard, timeout, |s| {
                s.version == seen && !self.stopping.load(Ordering::Acquire)
            })
            .unwrap_or_else(PoisonError::into_inner);
        (guard.version != seen).then(|| guard.version.clone())
    }

    /// Ends the live-reload streams and the keep-alive connections.
    fn stop(&self) {
        self.stopping.store(true, Ordering::Release);
        // Taken so no waiter misses the wake-up between its check and its wait.
        let _guard = self.current.lock().unwrap_or_else(PoisonError::into_inner);
        self.changed.notify_all();
    }

    fn stopping(&self) -> bool {
        self.stopping.load(Ordering::Acquire)
    }
}

/// What the main thread waits for.
enum Signal {
    /// The first build is published: the server can answer.
    Ready,
    /// Ctrl-C, SIGTERM, or the terminal closed.
    Stop,
}

/// Serves the preview until Ctrl-C.
///
/// The main thread only waits: the first build and every rebuild run on
/// the rebuilder thread, and requests on their own threads, so a rebuild
/// that never returns (a file that blocks when read) cannot keep Ctrl-C or
/// SIGTERM from ending the preview. Nothing is joined on the way out that
/// could be stuck.
pub fn serve(args: &PreviewArgs) -> anyhow::Result<ExitCode> {
    let (signal_tx, signal_rx) = mpsc::channel::<Signal>();
    let on_ctrl_c = signal_tx.clone();
    if let Err(e) = ctrlc::set_handler(move || {
        let _ = on_ctrl_c.send(Signal::Stop);
    }) {
        eprintln!("注意：无法接管 Ctrl-C（{e}），按 Ctrl-C 时预览会直接中断");
    }
    let (listener, addr) = server::bind(&args.host, args.port)?;
    let guard_host = addr.ip().is_loopback();
    let url = server::url(addr);
    if !guard_host {
        warn_beyond_this_machine(addr, &args.profile);
    }

    let watched = Watched {
        files: [args.profile.clone()].into(),
        dirs: args.templates.iter().cloned().collect(),
    };
    // Taken before the first build reads the files: a save during it is seen.
    let mut watcher = Watcher::new(&watched);
    let site = Arc::new(Site::new(Snapshot {
        version: String::new(),
        home: args.doc,
        pages: HashMap::new(),
    }));
    {
        let source = Source {
            profile: args.profile.clone(),
            templates: args.templates.clone(),
        };
        let (home, site) = (args.doc, Arc::clone(&site));
        let ready = signal_tx.clone();
        thread::Builder::new()
            .name("preview-rebuild".to_owned())
            .spawn(move || {
                let mut live = Live::start(source, home, watched, site);
                report_problems(&live.last, &live.updated);
                let _ = ready.send(Signal::Ready);
                while watcher.wait(&live.watched, &live.site.stopping) {
                    live.rebuild();
                }
            })?;
    }
    // Kept so the channel never closes: `recv` returns only on a signal.
    let _keep = signal_tx;
    if let Ok(Signal::Stop) | Err(_) = signal_rx.recv() {
        eprintln!("预览已停止。");
        return Ok(ExitCode::SUCCESS);
    }

    let accepting = {
        let site = Arc::clone(&site);
        thread::Builder::new()
            .name("preview-accept".to_owned())
            .spawn(move || server::accept(&listener, &site, guard_host))?
    };
    println!("预览地址：{url}");
    let _ = std::io::stdout().flush();
    eprintln!("保存配置或模板后，浏览器里的文稿会自动更新。按 Ctrl-C 停止预览。");
    if args.open {
        browser::open(&url);
    }

    while let Ok(Signal::Ready) = signal_rx.recv() {}
    site.stop();
    server::wake(addr);
    let _ = accepting.join();
    eprintln!("预览已停止。");
    Ok(ExitCode::SUCCESS)
}

/// Says, before serving, who besides this computer's user can read the
/// drafts when the preview listens beyond loopback, and at which address.
fn warn_beyond_this_machine(addr: SocketAddr, profile: &std::path::Path) {
    let (listening, address) = if addr.ip().is_unspecified() {
        (
            format!("{addr}（这台电脑的所有网络地址）"),
            format!("http://本机的局域网IP:{}/", addr.port()),
        )
    } else {
        (addr.to_string(), format!("http://{addr}/"))
    };
    eprintln!(
        "注意：预览监听在 {listening}，不只是本机：同一网络里的其他电脑也能打开 {address}\
         （同事、同一 Wi-Fi 上的访客，以及任何能连到这台电脑的人），不需要密码，\
         就能读到 {} 生成的全部文稿和其中的单位名称、人名、日期、问题清单。\
         只在本机查看时，去掉 --host（默认 127.0.0.1，只有本机能打开）。",
        profile.display(),
    );
}

/// The rebuilder's state: what to build from, what it gave last time.
struct Live {
    source: Source,
    home: Doc,
    /// The profile as the user named it, for the page.
    label: String,
    /// Makes versions unique across runs, so a tab left open while the
    /// preview restarts reloads instead of matching an old number.
    epoch: String,
    count: u64,
    last: Build,
    /// Local time of the last published build, `HH:MM:SS`.
    updated: String,
    watched: Watched,
    site: Arc<Site>,
}

impl Live {
    /// Makes the first build and publishes it on `site`.
    fn start(source: Source, home: Doc, watched: Watched, site: Arc<Site>) -> Live {
        let epoch = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map_or(0, |d| d.as_millis());
        let mut live = Live {
            label: source.profile.display().to_string(),
            source,
            home,
            epoch: format!("{epoch:x}"),
            count: 0,
            last: Build::default(),
            updated: String::new(),
            watched,
            site,
        };
        let first = build::build(&live.source);
        live.publish(first);
        live
    }

    /// Builds again; the browser is told only when a reader would see a
    /// difference.
    fn rebuild(&mut self) {
        let next = build::build(&self.source);
        if next != self.last {
            self.publish(next);
            if self.last.problems().is_empty() {
                eprintln!("[{}] 已更新", self.updated);
            }
            report_problems(&self.last, &self.updated);
        } else {
            self.watch(&next.files);
        }
    }

    /// Makes the pages of `build`, swaps them in, then bumps the version
    /// the browsers poll: in one step, after everything is rendered.
    fn publish(&mut self, build: Build) {
        self.count += 1;
        let version = format!("{}-{}", self.epoch, self.count);
        self.updated = chrono::Local::now().format("%H:%M:%S").to_string();
        let frame = page::Frame {
            version: &version,
            updated: &self.updated,
            profile: &self.label,
        };
        let pages = Doc::ALL
            .into_iter()
            .map(|doc| (doc, page::page(&build, doc, &frame)))
            .collect();
        self.site.replace(Snapshot {
            version,
            home: self.home,
            pages,
        });
        self.watch(&build.files);
        self.last = build;
    }

    /// Adds files a build found (a campaign file it extends). The set only
    /// grows: while a profile does not parse, its `extends` is unknown, and
    /// the files it named before are still worth watching.
    fn watch(&mut self, files: &[PathBuf]) {
        self.watched.files.extend(files.iter().cloned());
    }
}

/// The located problems of a build, on the terminal too.
fn report_problems(build: &Build, updated: &str) {
    for p in build.problems() {
        eprintln!("[{updated}] {}\n{}", p.heading, p.detail.trim_end());
    }
}
