#!/usr/bin/env bash
# Builds the bigan to hand on to colleagues: dist/bigan, one file.
#
# On Linux with glibc it is linked statically (C library included): it
# runs on any Linux of its architecture, whatever its glibc version, and
# it starts about 0.5 ms sooner, as the system loader has no libraries to
# find, map and bind (docs/performance.md). Elsewhere it is the usual
# release build.
#
# `cargo build --release` cannot do this itself: the flag that links the
# C library in would also apply to the compiler plugins (clap's and
# serde's derives) that cargo builds for the same machine, and those
# cannot be static. Naming the target, as below, keeps the flag to bigan.
#
# Static glibc caveat: host names other than localhost are looked up
# through the system's own libraries, which a static binary may not be
# able to load; `bigan preview --host` takes an IP address anyway.
#
# Usage: bash scripts/dist.sh
set -euo pipefail
cd "$(dirname "$0")/.."

host=$(rustc -vV | sed -n 's/^host: //p')
case "$host" in
    *-linux-gnu*)
        RUSTFLAGS="${RUSTFLAGS:-} -C target-feature=+crt-static" \
            cargo build --release --locked --target "$host"
        built=target/$host/release/bigan
        # CARGO_ENCODED_RUSTFLAGS, if set, wins over RUSTFLAGS: say so
        # rather than hand on a binary that needs the system's libraries.
        if ldd "$built" 2>&1 | grep -q "=>"; then
            echo "dist.sh: $built is not statically linked (is CARGO_ENCODED_RUSTFLAGS set?)" >&2
            exit 1
        fi
        ;;
    *)
        cargo build --release --locked
        built=target/release/bigan
        ;;
esac
mkdir -p dist
cp "$built" dist/bigan
# The built-in example renders, or this is no binary to hand on.
dist/bigan render profiles/hospital.yaml >/dev/null
echo "dist/bigan: $(dist/bigan --version), $(du -h dist/bigan | cut -f1)"
if command -v file >/dev/null; then file -b dist/bigan | cut -d, -f1-2; fi
