#!/usr/bin/env bash
# A long fuzzing run of one of bigan's fuzz targets (fuzz/fuzz_targets/:
# profile, lint, import, and any added since).
#
#   bash scripts/fuzz.sh TARGET [SECONDS]      # default: one hour
#
# With cargo-fuzz (`cargo install cargo-fuzz`) and a nightly toolchain,
# libFuzzer runs the target, seeded from the repository's own profiles,
# drafts and texts, without sanitizers (-s none); a crash is saved under
# fuzz/artifacts/TARGET/ and the script exits 1. On stable alone, libFuzzer
# is built with RUSTC_BOOTSTRAP=1 if that works; failing that, the same
# properties run as property tests (tests/fuzz_properties.rs) in batches
# of fresh random cases until the time is up. The last lines say how long
# it ran, with what, and how many runs it made.
set -euo pipefail
cd "$(dirname "$0")/.."

target=${1:?usage: scripts/fuzz.sh TARGET [SECONDS]}
seconds=${2:-3600}
if [ ! -f "fuzz/fuzz_targets/$target.rs" ]; then
    echo "no fuzz target '$target': $(ls fuzz/fuzz_targets | sed 's/\.rs$//' | tr '\n' ' ')" >&2
    exit 2
fi

# Seeds: what each target reads, as the repository has it.
corpus="fuzz/corpus/$target"
mkdir -p "$corpus"
case "$target" in
profile) cp profiles/*.yaml tests/catalogue/*/profile.yaml "$corpus/" 2>/dev/null || true ;;
lint) cp tests/fixtures/lint/* examples/*.md "$corpus/" 2>/dev/null || true ;;
import) cp tests/fixtures/import/*.txt "$corpus/" 2>/dev/null || true ;;
esac
dict=()
[ -f "fuzz/$target.dict" ] && dict=("-dict=$target.dict")

libfuzzer() {
    # $@: how to call cargo (e.g. "cargo +nightly"), with the environment.
    (cd fuzz && "$@" fuzz run "$target" -s none --release "../$corpus" -- \
        -max_total_time="$seconds" -max_len=65536 -timeout=30 -rss_limit_mb=4096 \
        -print_final_stats=1 "${dict[@]}")
}

if cargo fuzz --version >/dev/null 2>&1; then
    if cargo +nightly --version >/dev/null 2>&1; then
        echo "fuzzing $target for $seconds s with cargo-fuzz (libFuzzer) on nightly"
        libfuzzer cargo +nightly
        exit
    fi
    if (cd fuzz && RUSTC_BOOTSTRAP=1 cargo fuzz build "$target" -s none --release >/dev/null 2>&1); then
        echo "fuzzing $target for $seconds s with cargo-fuzz (libFuzzer) on stable, RUSTC_BOOTSTRAP=1"
        libfuzzer env RUSTC_BOOTSTRAP=1 cargo
        exit
    fi
fi

# No libFuzzer here: the same properties as property tests, batch after
# batch (each with fresh random inputs) until the time is up.
case "$target" in
profile) filter=a_mutated_profile ;;
lint) filter=any_draft_is_linted ;;
import) filter=any_text_imports ;;
*) filter=$target ;;
esac
echo "cargo-fuzz with libFuzzer is not available here: running tests/fuzz_properties.rs ($filter) for $seconds s"
cargo test --release --locked --test fuzz_properties --no-run --quiet
end=$((SECONDS + seconds))
batches=0
cases=${BIGAN_FUZZ_CASES:-20000}
while [ "$SECONDS" -lt "$end" ]; do
    BIGAN_FUZZ_CASES=$cases cargo test --release --locked --quiet --test fuzz_properties "$filter" \
        >"fuzz/proptest-$target.log" 2>&1 || {
        echo "property failed; see fuzz/proptest-$target.log" >&2
        exit 1
    }
    batches=$((batches + 1))
done
echo "done: $batches batches of $cases cases of $filter in $SECONDS s, no failure"
