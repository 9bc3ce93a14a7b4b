//! Work on every core, results in order: a batch renders its profiles on
//! worker threads and writes and reports them on the calling thread, in the
//! order given, so its output is the same however the threads ran.

use std::collections::BTreeMap;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc;

/// The threads worth starting on this machine.
pub fn threads() -> usize {
    std::thread::available_parallelism().map_or(1, std::num::NonZero::get)
}

/// Runs `work` on each of `items` on up to `threads` threads, and hands
/// each result to `sink` on the calling thread, in the order of `items`.
///
/// Workers run ahead of `sink` by at most a few results each (the channel
/// between them is bounded), so a slow sink, such as writes waiting on the
/// disk, does not pile up results in memory.
pub fn in_order<T, R>(
    items: &[T],
    threads: usize,
    work: impl Fn(&T) -> R + Sync,
    mut sink: impl FnMut(&T, R),
) where
    T: Sync,
    R: Send,
{
    let threads = threads.clamp(1, items.len().max(1));
    if threads == 1 {
        for item in items {
            sink(item, work(item));
        }
        return;
    }
    let next = AtomicUsize::new(0);
    let (tx, rx) = mpsc::sync_channel::<(usize, R)>(threads * 2);
    std::thread::scope(|s| {
        for _ in 0..threads {
            let tx = tx.clone();
            let (next, work) = (&next, &work);
            s.spawn(move || {
                loop {
                    let i = next.fetch_add(1, Ordering::Relaxed);
                    let Some(item) = items.get(i) else { break };
                    if tx.send((i, work(item))).is_err() {
                        break;
                    }
                }
            });
        }
        drop(tx);
        let mut early = BTreeMap::new();
        let mut due = 0;
        for (i, result) in rx {
            early.insert(i, result);
            while let Some(result) = early.remove(&due) {
                sink(&items[due], result);
                due += 1;
            }
        }
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn results_arrive_in_order_whatever_the_threads_do() {
        let items: Vec<u64> = (0..200).collect();
        for threads in [1, 2, 7] {
            let mut seen = Vec::new();
            in_order(
                &items,
                threads,
                |&i| {
                    // Uneven work, so threads finish out of order.
                    if i % 13 == 0 {
                        std::thread::sleep(std::time::Duration::from_millis(2));
                    }
                    i * 2
                },
                |&i, r| seen.push((i, r)),
            );
            let expected: Vec<(u64, u64)> = items.iter().map(|&i| (i, i * 2)).collect();
            assert_eq!(seen, expected, "{threads} threads");
        }
    }

    #[test]
    fn no_items_no_calls() {
        let mut calls = 0;
        in_order(&[] as &[u8], 4, |_| (), |_, ()| calls += 1);
        assert_eq!(calls, 0);
    }
}
