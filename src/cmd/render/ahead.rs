//! The work of a one-profile render that a second thread can do beside
//! the first, on a thread started before the command line is even read.
//!
//! Compiling the templates is the longest part of a cold render before
//! it renders, and it needs nothing from the profile: so it runs beside
//! the parsing and resolving of the profile, after the second thread has
//! parsed the campaign file the profile extends (the first parses the
//! profile meanwhile). Starting a thread is not free either: on a virtual
//! machine whose other core sleeps, the new thread runs a hundred or more
//! microseconds after it is asked for (docs/performance.md). Asked for as
//! the process starts, it wakes while the command line is read, and
//! decodes the built-in genre's shared wordings while it waits for its
//! order.

use std::path::PathBuf;
use std::sync::mpsc::{self, Receiver, Sender};
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;

use crate::genre::Genre;
use crate::profile::{ParsedFile, Unparsed};
use crate::render::{Doc, Renderer};

/// The campaign file to parse, taken by whichever thread comes to it
/// first: on a busy machine the second thread may get no core for a
/// while, and the first must not sit waiting for it.
type Slot = Arc<Mutex<Option<Unparsed>>>;

fn take(slot: &Slot) -> Option<Unparsed> {
    slot.lock().ok().and_then(|mut s| s.take())
}

/// What to do: the campaign file to parse, the templates folder given,
/// the documents asked for and the genre loaded for them.
struct Order {
    base: Option<Slot>,
    templates: Option<PathBuf>,
    docs: Vec<Doc>,
    genre: Arc<Genre>,
    parsed: Sender<ParsedFile>,
    reply: Sender<anyhow::Result<Renderer>>,
}

impl Order {
    /// Does the work, on whichever thread calls it.
    fn run(self) {
        if let Some(base) = self.base.as_ref().and_then(take) {
            let _ = self.parsed.send(base.parse());
        }
        drop(self.parsed);
        // Decoded once and kept in `genre` for the render; a problem in
        // them is reported where the render asks for them again.
        let _ = (self.genre.common(), self.genre.era());
        let compiled = Renderer::only(self.templates.as_deref(), &self.docs);
        let _ = self.reply.send(compiled);
    }
}

/// A thread waiting for its [`Order`].
struct Helper {
    orders: Sender<Order>,
    thread: JoinHandle<()>,
}

/// The thread [`start`] started.
static WAITING: Mutex<Option<Helper>> = Mutex::new(None);

/// Starts the thread, for a command line that looks like a render.
pub fn start() {
    if let Ok(mut waiting) = WAITING.lock()
        && waiting.is_none()
    {
        *waiting = spawn();
    }
}

fn spawn() -> Option<Helper> {
    let (orders, order) = mpsc::channel::<Order>();
    let thread = std::thread::Builder::new()
        .name("compile".to_owned())
        .spawn(move || {
            // What most renders use, while the order is on its way.
            let builtin = Genre::builtin();
            let _ = (builtin.common(), builtin.era());
            // No order comes when the command line was not one profile's
            // render after all: the sender is dropped, or the process ends.
            if let Ok(order) = order.recv() {
                order.run();
            }
        })
        .ok()?;
    Some(Helper { orders, thread })
}

/// The campaign file `base` parsed and the templates of `docs` compiled:
/// by the thread [`start`] started, or one started now, or (if no thread
/// can be had) on this one when they are asked for.
pub fn compile(
    base: Option<Unparsed>,
    templates: Option<PathBuf>,
    docs: Vec<Doc>,
    genre: Arc<Genre>,
) -> Compiling {
    let base: Option<Slot> = base.map(|b| Arc::new(Mutex::new(Some(b))));
    let (parsed, base_parsed) = mpsc::channel();
    let (reply, compiled) = mpsc::channel();
    let order = Order {
        base: base.clone(),
        templates,
        docs,
        genre,
        parsed,
        reply,
    };
    let started = WAITING.lock().ok().and_then(|mut w| w.take());
    let (thread, unsent) = match started.or_else(spawn) {
        Some(helper) => match helper.orders.send(order) {
            Ok(()) => (Some(helper.thread), None),
            Err(back) => (None, Some(back.0)),
        },
        None => (None, Some(order)),
    };
    Compiling {
        base,
        base_parsed,
        compiled,
        thread,
        unsent,
    }
}

/// A campaign file and templates being worked on beside this thread.
pub struct Compiling {
    /// The campaign file, if there is one, while no thread has taken it.
    base: Option<Slot>,
    base_parsed: Receiver<ParsedFile>,
    compiled: Receiver<anyhow::Result<Renderer>>,
    /// The thread at work, to re-raise its panic here.
    thread: Option<JoinHandle<()>>,
    /// The order no thread took: run here when its results are asked for.
    unsent: Option<Order>,
}

impl Compiling {
    /// The campaign file parsed: here, if the other thread has not taken
    /// it yet, else as that thread hands it over. `None` when there was
    /// none, or it could not be parsed over there (then the load reads it).
    pub fn base(&self) -> Option<ParsedFile> {
        match take(self.base.as_ref()?) {
            Some(base) => Some(base.parse()),
            None => self.base_parsed.recv().ok(),
        }
    }

    /// Waits for the compiled templates (compiling them here if no
    /// thread took the order). A panic over there is the user's to see,
    /// as if it had happened here.
    pub fn finish(self) -> anyhow::Result<Renderer> {
        if let Some(order) = self.unsent {
            order.run();
        }
        if let Ok(compiled) = self.compiled.recv() {
            return compiled;
        }
        if let Some(Err(panic)) = self.thread.map(JoinHandle::join) {
            std::panic::resume_unwind(panic);
        }
        anyhow::bail!("内部错误：编译模板的线程没有给出结果")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    // One test: `start` and `compile` share the process-wide helper, and
    // tests run side by side.
    #[test]
    fn parses_and_compiles_what_was_asked_with_or_without_a_head_start() {
        let path = std::path::Path::new("profiles/hospital.yaml");
        let campaign = std::path::Path::new("profiles/campaigns/chuangxian-zhengyou.yaml");
        let alone = crate::profile::load(path).unwrap().profile.unwrap();
        let expected = Renderer::new(None)
            .unwrap()
            .render(&alone, Doc::Speech)
            .unwrap();
        for head_start in [true, false] {
            if head_start {
                start();
                assert!(WAITING.lock().unwrap().is_some(), "started");
            }
            let mut loader = crate::profile::Loader::new();
            let base = loader.read(campaign);
            assert!(base.is_some());
            let working = compile(base, None, vec![Doc::Speech], Genre::builtin());
            assert!(
                WAITING.lock().unwrap().is_none(),
                "the started thread was used"
            );
            assert!(working.unsent.is_none(), "a thread took the order");
            let parsed = working.base().expect("the campaign file, parsed");
            loader.keep(parsed);
            let profile = loader.load(path).unwrap().profile.unwrap();
            let renderer = working.finish().expect("the built-in templates compile");
            assert_eq!(renderer.render(&profile, Doc::Speech).unwrap(), expected);
        }
        // No campaign file: nothing to wait for; the templates all the same.
        let working = compile(None, None, vec![Doc::Plan], Genre::builtin());
        assert!(working.base().is_none());
        let renderer = working.finish().expect("the built-in templates compile");
        assert!(renderer.render(&alone, Doc::Plan).is_ok());
    }
}
