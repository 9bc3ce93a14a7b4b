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
# On Linux it is also linked at a fixed address (not position-independent): the
# loader then has no 16,000 relocations to apply before bigan starts,
# a tenth of a one-speech render (docs/performance.md, sixth round). The
# price is that bigan's own code is not moved about from run to run
# (address-space randomisation of the stack, heap and mapped files is
# kept).
# For a tool that reads its user's own files and serves a preview on
# 127.0.0.1 we take that price; BIGAN_PIE=1 builds it position-independent.
#
# And on Linux it is built twice, profile-guided: once instrumented, run on the
# built-in examples (scripts/pgo-train.sh), then again with what that run
# counted, so the compiler lays out and inlines the code the way bigan is
# used: 16 % fewer instructions in a one-speech render. That needs the
# llvm-profdata of the compiler's own LLVM version (Debian: llvm-NN, or
# `rustup component add llvm-tools`); without it, or with BIGAN_PGO=0,
# the build is made once, without the profile, and says so. (Elsewhere
# neither is done yet: the usual release build.)
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
    local major candidate version
    major=$(llvm_major)
    for candidate in \
        "$(rustc --print sysroot)/lib/rustlib/$host/bin/llvm-profdata" \
        "$(command -v "llvm-profdata-$major" || true)" \
        "/usr/lib/llvm-$major/bin/llvm-profdata" \
        "$(command -v llvm-profdata || true)"; do
        [ -x "$candidate" ] || continue
        # Captured, not piped into grep -q: under pipefail a grep that stops
        # at the first match can fail the pipe it read from.
        version=$("$candidate" --version 2>/dev/null || true)
        if [[ $version == *"LLVM version $major."* ]]; then
            echo "$candidate"
            return
        fi
    done
}
case "$host" in
    *-linux-gnu*)
        # The flags go to cargo one by one (CARGO_ENCODED_RUSTFLAGS, which
        # wins over RUSTFLAGS): a folder with a space in its name must
        # reach rustc as one argument. RUSTFLAGS, if set, is kept.
        read -r -a flags <<<"${RUSTFLAGS:-}"
        flags+=(-C target-feature=+crt-static)
        if [ "${BIGAN_PIE:-}" != 1 ]; then flags+=(-C relocation-model=static); fi
        build() { # extra rustc flags…, then -- and cargo's own arguments
            local rustc=("${flags[@]}")
            while [ "$1" != -- ]; do rustc+=("$1"); shift; done
            shift
            CARGO_ENCODED_RUSTFLAGS=$(IFS=$'\x1f'; echo "${rustc[*]}") \
                cargo build --release --locked --target "$host" "$@"
        }
        built=target/$host/release/bigan
        profdata=$(find_profdata)
        if [ "${BIGAN_PGO:-1}" = 1 ] && [ -n "$profdata" ]; then
            counts=$PWD/target/pgo/counts
            rm -rf "$counts" && mkdir -p "$counts"
            build "-Cprofile-generate=$counts" -- --target-dir target/pgo
            bash scripts/pgo-train.sh "target/pgo/$host/release/bigan"
            if ! compgen -G "$counts/*.profraw" >/dev/null; then
                echo "dist.sh: the training run counted nothing ($counts)" >&2
                exit 1
            fi
            "$profdata" merge -o target/pgo/merged.profdata "$counts"
            # Named by its content: a new profile is a new flag, so cargo
            # rebuilds every crate with it rather than keep the last one.
            sum=$(cksum <target/pgo/merged.profdata | cut -d' ' -f1)
            rm -f target/pgo/bigan-*.profdata
            mv target/pgo/merged.profdata "target/pgo/bigan-$sum.profdata"
            build "-Cprofile-use=$PWD/target/pgo/bigan-$sum.profdata" --
        else
            if [ "${BIGAN_PGO:-1}" = 1 ]; then
                echo "dist.sh: no llvm-profdata for LLVM $(llvm_major): building without profile guidance" >&2
            fi
            build --
        fi
        linked=$(ldd "$built" 2>&1 || true)
        if [[ $linked == *"=>"* ]]; then
            echo "dist.sh: $built is not statically linked" >&2
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
