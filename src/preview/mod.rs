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
mod page;
mod server;
mod watch;

use std::collections::HashMap;
use std::io::Write as _;
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, PoisonError, mpsc};
use std::thread;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use crate::cli::PreviewArgs;
use crate::render::Doc;
use build::{Build, Source};
use watch::{Watched, Watcher};

/// Threads answering requests: a page, its script and a few `/version`
/// polls from a couple of tabs never need more.
const WORKERS: usize = 4;

/// Every page of one build, and the version the reload script compares.
#[derive(Debug)]
pub(crate) struct Snapshot {
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

/// The current snapshot, shared by the server threads and the rebuilder.
struct Site(Mutex<Arc<Snapshot>>);

impl Site {
    fn current(&self) -> Arc<Snapshot> {
        // A panic elsewhere cannot leave a snapshot half-written: it is
        // swapped whole.
        Arc::clone(&self.0.lock().unwrap_or_else(PoisonError::into_inner))
    }

    fn replace(&self, snapshot: Snapshot) {
        *self.0.lock().unwrap_or_else(PoisonError::into_inner) = Arc::new(snapshot);
    }
}

/// Serves the preview until Ctrl-C.
pub fn serve(args: &PreviewArgs) -> anyhow::Result<ExitCode> {
    let (http, addr) = server::bind(&args.host, args.port)?;
    let guard_host = addr.ip().is_loopback();
    let url = server::url(addr);

    let watched = Watched {
        files: [args.profile.clone()].into(),
        dirs: args.templates.iter().cloned().collect(),
    };
    // Taken before the first build reads the files: a save during it is seen.
    let mut watcher = Watcher::new(&watched);
    let mut live = Live::start(args, watched);

    let stop = Arc::new(AtomicBool::new(false));
    let (stop_tx, stop_rx) = mpsc::channel::<()>();
    let on_ctrl_c = stop_tx.clone();
    if let Err(e) = ctrlc::set_handler(move || {
        let _ = on_ctrl_c.send(());
    }) {
        eprintln!("注意：无法接管 Ctrl-C（{e}），按 Ctrl-C 时预览会直接中断");
    }

    let http = Arc::new(http);
    let workers = answer_requests(&http, &live.site, &stop, guard_host);

    println!("预览地址：{url}");
    let _ = std::io::stdout().flush();
    eprintln!("保存配置或模板后，浏览器里的文稿会自动更新。按 Ctrl-C 停止预览。");
    if !guard_host {
        eprintln!(
            "注意：预览监听在 {}，同一网络里的其他电脑也能打开这份文稿。\
             只在本机查看时，不要加 --host。",
            addr.ip()
        );
    }
    report_problems(&live.last, &live.updated);
    let rebuilder = {
        let stop = Arc::clone(&stop);
        thread::spawn(move || {
            while watcher.wait(&live.watched, &stop) {
                live.rebuild();
            }
        })
    };
    if args.open {
        browser::open(&url);
    }

    // Returns on Ctrl-C; `stop_tx` stays alive so it never returns otherwise.
    let _ = stop_rx.recv();
    drop(stop_tx);
    stop.store(true, Ordering::Relaxed);
    for _ in &workers {
        http.unblock();
    }
    for worker in workers {
        let _ = worker.join();
    }
    let _ = rebuilder.join();
    eprintln!("预览已停止。");
    Ok(ExitCode::SUCCESS)
}

/// Starts the threads that answer requests until `stop` is set and the
/// server unblocked.
fn answer_requests(
    http: &Arc<tiny_http::Server>,
    site: &Arc<Site>,
    stop: &Arc<AtomicBool>,
    guard_host: bool,
) -> Vec<thread::JoinHandle<()>> {
    (0..WORKERS)
        .map(|_| {
            let http = Arc::clone(http);
            let site = Arc::clone(site);
            let stop = Arc::clone(stop);
            thread::spawn(move || {
                loop {
                    match http.recv() {
                        Ok(request) => server::answer(request, &site.current(), guard_host),
                        Err(_) if stop.load(Ordering::Relaxed) => break,
                        // A failed accept (say, out of file handles): try again.
                        Err(_) => thread::sleep(Duration::from_millis(50)),
                    }
                }
            })
        })
        .collect()
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
    /// Makes the first build.
    fn start(args: &PreviewArgs, watched: Watched) -> Live {
        let epoch = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map_or(0, |d| d.as_millis());
        let source = Source {
            profile: args.profile.clone(),
            templates: args.templates.clone(),
            variant: args.variant,
        };
        let mut live = Live {
            source,
            home: args.doc,
            label: args.profile.display().to_string(),
            epoch: format!("{epoch:x}"),
            count: 0,
            last: Build::default(),
            updated: String::new(),
            watched,
            site: Arc::new(Site(Mutex::new(Arc::new(Snapshot {
                version: String::new(),
                home: args.doc,
                pages: HashMap::new(),
            })))),
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
