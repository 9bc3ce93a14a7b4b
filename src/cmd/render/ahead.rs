//! The work of a one-profile render that a second thread can do beside
//! the first, on a thread started before the command line is even read.
//!
//! Compiling the templates is the longest part of a cold render before
//! it renders, and it needs nothing from the profile: so it runs beside
//! the parsing and resolving of the profile, after the second thread has
//! parsed the campaign file the profile extends (the first parses the
//! profile meanwhile). Starting a thread is not free either: on a virtual
//! machine whose other core sleeps, the new thread runs a few hundred
//! microseconds after it is asked for (docs/performance.md). Asked for as
//! the process starts, it wakes while the command line is read, and
//! decodes the built-in genre's shared wordings while it waits for its
//! order.

use std::path::PathBuf;
use std::sync::mpsc::{self, Receiver, Sender};
use std::sync::{Arc, Mutex};

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
    base: Slot,
    templates: Option<PathBuf>,
    docs: Vec<Doc>,
    genre: Arc<Genre>,
    parsed: Sender<ParsedFile>,
    reply: Sender<anyhow::Result<Renderer>>,
}

/// The thread [`start`] started, waiting for its [`Order`].
static WAITING: Mutex<Option<Sender<Order>>> = Mutex::new(None);

/// Starts the thread, for a command line that looks like a render.
pub fn start() {
    if let Ok(mut waiting) = WAITING.lock()
        && waiting.is_none()
    {
        *waiting = spawn();
    }
}

fn spawn() -> Option<Sender<Order>> {
    let (orders, order) = mpsc::channel::<Order>();
    let spawned = std::thread::Builder::new()
        .name("compile".to_owned())
        .spawn(move || {
            // Decoded once and kept for the render; a problem in them is
            // reported where the render asks for them again.
            let builtin = Genre::builtin();
            let _ = (builtin.common(), builtin.era());
            // No order comes when the command line was not one profile's
            // render after all: the sender is dropped, or the process ends.
            let Ok(order) = order.recv() else { return };
            if let Some(base) = take(&order.base) {
                let _ = order.parsed.send(base.parse());
            }
            drop(order.parsed);
            if !Arc::ptr_eq(&order.genre, &builtin) {
                let _ = (order.genre.common(), order.genre.era());
            }
            let compiled = Renderer::only(order.templates.as_deref(), &order.docs);
            let _ = order.reply.send(compiled);
        });
    spawned.ok().map(|_| orders)
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
    let started = WAITING.lock().ok().and_then(|mut w| w.take());
    let base: Slot = Arc::new(Mutex::new(base));
    let (parsed, base_parsed) = mpsc::channel();
    let (reply, compiled) = mpsc::channel();
    let order = Order {
        base: Arc::clone(&base),
        templates: templates.clone(),
        docs: docs.clone(),
        genre,
        parsed,
        reply,
    };
    let sent = started
        .or_else(spawn)
        .is_some_and(|orders| orders.send(order).is_ok());
    Compiling {
        base,
        base_parsed,
        compiled: sent.then_some(compiled),
        templates,
        docs,
    }
}

/// A campaign file and templates being worked on beside this thread.
pub struct Compiling {
    base: Slot,
    base_parsed: Receiver<ParsedFile>,
    compiled: Option<Receiver<anyhow::Result<Renderer>>>,
    templates: Option<PathBuf>,
    docs: Vec<Doc>,
}

impl Compiling {
    /// The campaign file parsed: here, if the other thread has not taken
    /// it yet, else as that thread hands it over. `None` when there was
    /// none (or its thread died: then the load reads it again).
    pub fn base(&self) -> Option<ParsedFile> {
        match take(&self.base) {
            Some(base) => Some(base.parse()),
            None => self.base_parsed.recv().ok(),
        }
    }

    /// Waits for the compiled templates. If the other thread could not be
    /// started or died (a panic while compiling), they are compiled here,
    /// where the same panic is then the user's to see.
    pub fn finish(self) -> anyhow::Result<Renderer> {
        match self.compiled.and_then(|c| c.recv().ok()) {
            Some(compiled) => compiled,
            None => Renderer::only(self.templates.as_deref(), &self.docs),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
            }
            let mut loader = crate::profile::Loader::new();
            let base = loader.read(campaign);
            assert!(base.is_some());
            let working = compile(base, None, vec![Doc::Speech], Genre::builtin());
            let parsed = working.base().expect("the campaign file, parsed");
            loader.keep(parsed);
            let profile = loader.load(path).unwrap().profile.unwrap();
            let renderer = working.finish().expect("the built-in templates compile");
            assert_eq!(renderer.render(&profile, Doc::Speech).unwrap(), expected);
            assert!(
                WAITING.lock().unwrap().is_none(),
                "the started thread was used"
            );
        }
    }
}
