#!/usr/bin/env bash
# Measures bigan against the targets in docs/performance.md:
#   - the cold process `bigan render profiles/hospital.yaml` (hyperfine),
#   - a 1,000-profile batch `bigan render DIR -o OUT --doc all`, with the
#     drafts written to a tmpfs (the work bigan does) and to the disk
#     (what a user waits for: every draft is synced to disk),
#   - the peak memory (/usr/bin/time) of one render and of the batch,
#   - the in-process benchmarks (cargo bench --bench render).
#
# Usage: bash scripts/bench.sh            (from anywhere in the repository)
#        BIGAN_BENCH_TEMPLATES=benches/templates bash scripts/bench.sh
#          uses another template folder (here: stand-ins the size of real
#          drafts) for every measurement.
#        BENCH_QUICK=1 bash scripts/bench.sh   fewer runs, no cargo bench.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD

need() { # command, Debian package
    command -v "$1" >/dev/null 2>&1 && return
    echo "== installing $2"
    if [ "$(id -u)" = 0 ]; then sudo=""; else sudo="sudo"; fi
    $sudo apt-get update -qq && $sudo apt-get install -y -qq "$2" >/dev/null
}
need hyperfine hyperfine
[ -x /usr/bin/time ] || need /usr/bin/time time

echo "== building (release)"
cargo build --release --quiet
cargo bench --no-run --quiet --bench gen_profiles 2>/dev/null
bigan=$root/target/release/bigan

templates=()
if [ -n "${BIGAN_BENCH_TEMPLATES:-}" ]; then
    templates=(--templates "$(realpath "$BIGAN_BENCH_TEMPLATES")")
    echo "== templates: ${BIGAN_BENCH_TEMPLATES}"
fi
quick=${BENCH_QUICK:-}
runs_cold=$([ -n "$quick" ] && echo 50 || echo 300)
runs_batch=$([ -n "$quick" ] && echo 3 || echo 10)

work=$(mktemp -d "${TMPDIR:-/tmp}/bigan-bench.XXXXXX")
shm=""
if [ -d /dev/shm ] && [ -w /dev/shm ]; then shm=$(mktemp -d /dev/shm/bigan-bench.XXXXXX); fi
trap 'rm -rf "$work" ${shm:+"$shm"}' EXIT

echo "== generating 1,000 profiles in $work/profiles"
cargo bench --quiet --bench gen_profiles -- "$work/profiles" 1000

echo "== machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"

echo
echo "== cold process: one speech to stdout"
hyperfine -N --warmup 20 --runs "$runs_cold" --export-json "$work/cold.json" \
    "$bigan render profiles/hospital.yaml ${templates[*]}"

batch() { # the batch command, reading and writing under $1
    echo "$bigan render $1/profiles -o $1/out --doc all ${templates[*]}"
}
if [ -n "$shm" ]; then
    cp -r "$work/profiles" "$shm/profiles"
    echo
    echo "== batch: 1,000 profiles, every document, written to tmpfs ($shm)"
    hyperfine -N --warmup 1 --runs "$runs_batch" --prepare "rm -rf $shm/out" \
        --export-json "$work/batch-shm.json" "$(batch "$shm")"
fi
echo
echo "== batch: 1,000 profiles, every document, written to disk ($work)"
hyperfine -N --runs 3 --prepare "rm -rf $work/out" \
    --export-json "$work/batch-disk.json" "$(batch "$work")"

peak() { # prints the peak resident memory of a command, in MB
    /usr/bin/time -f '%M' -o "$work/time.txt" "$@" >/dev/null 2>&1 || true
    awk '{ printf "%.1f MB", $1 / 1024 }' "$work/time.txt"
}
echo
echo "== peak memory"
echo "one speech:                   $(peak "$bigan" render profiles/hospital.yaml "${templates[@]}")"
rm -rf "$work/out"
echo "1,000 profiles, --doc all:    $(peak "$bigan" render "$work/profiles" -o "$work/out" --doc all "${templates[@]}")"

median() { # median seconds of a hyperfine JSON export, in ms
    command -v python3 >/dev/null || { echo "(python3 missing: see above)"; return; }
    python3 -c 'import json,sys; r=json.load(open(sys.argv[1]))["results"][0]; print("%.1f ms (± %.1f)" % (r["median"]*1000, r["stddev"]*1000))' "$1"
}
echo
echo "== summary (median)"
echo "cold render of one speech:         $(median "$work/cold.json")   target ≤ 5 ms"
[ -n "$shm" ] && echo "batch, 1,000 profiles, tmpfs:      $(median "$work/batch-shm.json")   target ≤ 1 s"
echo "batch, 1,000 profiles, disk:       $(median "$work/batch-disk.json")"

if [ -z "$quick" ]; then
    echo
    echo "== in-process (cargo bench --bench render)"
    cargo bench --quiet --bench render
fi
