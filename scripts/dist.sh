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
# It is also linked at a fixed address (not position-independent): the
# loader then has no 16,000 relocations to apply before bigan starts,
# a tenth of a one-speech render (docs/performance.md, sixth round). The
# price is that bigan's own code is not moved about from run to run
# (address-space randomisation of the stack, heap and libraries is kept).
# For a tool that reads its user's own files and serves a preview on
# 127.0.0.1 we take that price; BIGAN_PIE=1 builds it position-independent.
#
# And it is built twice, profile-guided: once instrumented, run on the
# built-in examples (scripts/pgo-train.sh), then again with what that run
# counted, so the compiler lays out and inlines the code the way bigan is
# used: 16 % fewer instructions in a one-speech render. That needs the
# llvm-profdata of the compiler's own LLVM version (Debian: llvm-NN, or
# `rustup component add llvm-tools`); without it, or with BIGAN_PGO=0,
# the build is made once, without the profile, and says so.
#
# Static glibc caveat: host names other than localhost are looked up
# through the system's own libraries, which a static binary may not be
# able to load; `bigan preview --host` takes an IP address anyway.
#
# Usage: bash scripts/dist.sh
set -euo pipefail
cd "$(dirname "$0")/.."

host=$(rustc -vV | sed -n 's/^host: //p')

llvm_major() { rustc -vV | sed -n 's/^LLVM version: \([0-9]*\).*/\1/p'; }

# An llvm-profdata whose LLVM is the compiler's: rustup's llvm-tools, or a
# system one of the same major version.
find_profdata() {
    local major candidate
    major=$(llvm_major)
    for candidate in \
        "$(rustc --print sysroot)/lib/rustlib/$host/bin/llvm-profdata" \
        "$(command -v "llvm-profdata-$major" || true)" \
        "/usr/lib/llvm-$major/bin/llvm-profdata" \
        "$(command -v llvm-profdata || true)"; do
        if [ -x "$candidate" ] && "$candidate" --version 2>/dev/null | grep -q "LLVM version $major\."; then
            echo "$candidate"
            return
        fi
    done
}
case "$host" in
    *-linux-gnu*)
        fixed="-C relocation-model=static"
        if [ "${BIGAN_PIE:-}" = 1 ]; then fixed=""; fi
        flags="${RUSTFLAGS:-} -C target-feature=+crt-static $fixed"
        built=target/$host/release/bigan
        profdata=$(find_profdata)
        if [ "${BIGAN_PGO:-1}" = 1 ] && [ -n "$profdata" ]; then
            counts=$PWD/target/pgo/counts
            rm -rf "$counts" && mkdir -p "$counts"
            RUSTFLAGS="$flags -Cprofile-generate=$counts" \
                cargo build --release --locked --target "$host" --target-dir target/pgo
            bash scripts/pgo-train.sh "target/pgo/$host/release/bigan"
            "$profdata" merge -o target/pgo/bigan.profdata "$counts"
            RUSTFLAGS="$flags -Cprofile-use=$PWD/target/pgo/bigan.profdata" \
                cargo build --release --locked --target "$host"
        else
            if [ "${BIGAN_PGO:-1}" = 1 ]; then
                echo "dist.sh: no llvm-profdata for LLVM $(llvm_major): building without profile guidance" >&2
            fi
            RUSTFLAGS="$flags" cargo build --release --locked --target "$host"
        fi
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
