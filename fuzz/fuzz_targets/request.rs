//! Any bytes as what a client sends on one connection to the preview:
//! answered from a fixed site, never a panic, never an unbounded read.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let out = bigan::preview::server::exchange(data);
    // Every answer starts with a status line; nothing else is ever sent.
    assert!(out.is_empty() || out.starts_with(b"HTTP/1.1 "));
});
