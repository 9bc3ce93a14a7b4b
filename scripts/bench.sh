#!/usr/bin/env bash
# Measures bigan against the targets of docs/performance.md and prints each
# figure beside its target, with the load average it was taken at:
#   - cold: `bigan render profiles/hospital.yaml` (one speech to stdout),
#     wall time (hyperfine) and instructions (callgrind, the stable figure),
#     of `cargo build --release` and of the binary scripts/dist.sh builds
#     to hand on (statically linked on Linux; BENCH_NO_DIST=1 skips it);
#   - batch: 1,000 generated profiles → speeches, written to the disk and
#     to a tmpfs, beside the Python + Jinja2 baseline doing the same work
#     (benches/baseline/render.py, same template text);
#   - preview: save → the browser shows the new text, in headless Chromium
#     (benches/preview_latency.mjs);
#   - with BENCH_SCALE=1, also 1,000 / 10,000 / 100,000 profiles: docs/s and
#     peak memory, on tmpfs and disk.
#
# Usage: bash scripts/bench.sh                 (from anywhere in the repository)
#        BENCH_QUICK=1 bash scripts/bench.sh    fewer runs
#        BENCH_SCALE=1 bash scripts/bench.sh    add the 100,000-profile runs
#          (about 2 GB on /dev/shm and on the disk, a few minutes)
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
python3 -c 'import jinja2, yaml' 2>/dev/null || pip install --quiet jinja2 pyyaml

echo "== building (release)"
cargo build --release --locked --quiet
dist=""
if [ -z "${BENCH_NO_DIST:-}" ]; then
    echo "== building the binary to hand on (scripts/dist.sh)"
    if bash scripts/dist.sh >"$root/target/dist.log" 2>&1; then
        dist=$root/dist/bigan
    else
        echo "   scripts/dist.sh failed (target/dist.log): dist/bigan is not measured"
    fi
fi
cargo bench --no-run --quiet --bench gen_profiles 2>/dev/null
bigan=$root/target/release/bigan
baseline="python3 $root/benches/baseline/render.py"
stand_ins=$root/benches/templates

quick=${BENCH_QUICK:-}
runs_cold=$([ -n "$quick" ] && echo 50 || echo 300)
runs_batch=$([ -n "$quick" ] && echo 3 || echo 10)

work=$(mktemp -d "${TMPDIR:-/var/tmp}/bigan-bench.XXXXXX")
shm=""
if [ -d /dev/shm ] && [ -w /dev/shm ]; then shm=$(mktemp -d /dev/shm/bigan-bench.XXXXXX); fi
trap 'rm -rf "$work" ${shm:+"$shm"}' EXIT

load() { cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo "?"; }
median() { # median of a hyperfine JSON export, in ms
    python3 -c 'import json,sys; r=json.load(open(sys.argv[1]))["results"][0]; print("%.1f" % (r["median"]*1000))' "$1"
}
gen() { # folder, count
    cargo bench --quiet --bench gen_profiles -- "$1" "$2" 2>/dev/null
}

echo "== machine: $(nproc) cores, load average $(load)"
echo "== generating 1,000 profiles"
gen "$work/profiles" 1000
[ -n "$shm" ] && cp -r "$work/profiles" "$shm/profiles"

echo
echo "== cold: one speech to stdout"
cold_load=$(load)
# The release build and, when built, dist/bigan in one run: a burst of
# load falls on both alike.
hyperfine -N --warmup 20 --runs "$runs_cold" --export-json "$work/cold.json" \
    "$bigan render profiles/hospital.yaml" ${dist:+"$dist render profiles/hospital.yaml"}
cold_ms=$(median "$work/cold.json")
dist_ms=""
if [ -n "$dist" ]; then
    dist_ms=$(python3 -c 'import json,sys; print("%.1f" % (json.load(open(sys.argv[1]))["results"][1]["median"]*1000))' "$work/cold.json")
fi
cold_ir="(valgrind missing)"
if command -v valgrind >/dev/null; then
    # All threads', and the first thread's: what the user waits for is
    # the first, the second works beside it (docs/performance.md).
    cold_ir=$(valgrind --tool=callgrind --separate-threads=yes --callgrind-out-file="$work/cold.cg" \
        "$bigan" render profiles/hospital.yaml 2>&1 >/dev/null \
        | awk '/Collected/ { printf "%.2f M instructions", $4 / 1e6 }')
    first=$(awk '/^totals:/ { printf "%.2f M", $2 / 1e6 }' "$work/cold.cg-01" 2>/dev/null)
    [ -n "$first" ] && cold_ir="$cold_ir ($first on the first thread)"
fi

batch() { # label, folder (holding profiles/), extra hyperfine args
    local label=$1 dir=$2
    echo
    echo "== batch: 1,000 profiles → speeches, $label ($dir)"
    hyperfine -N --warmup 1 --runs "$runs_batch" --prepare "rm -rf $dir/out $dir/py" \
        --export-json "$work/batch-$label.json" \
        "$bigan render $dir/profiles -o $dir/out --templates $stand_ins" \
        "$baseline $dir/profiles -o $dir/py"
}
batch_figures() { # json → "bigan_ms python_ms"
    python3 -c 'import json,sys; r=json.load(open(sys.argv[1]))["results"]; print("%.0f %.0f" % (r[0]["median"]*1000, r[1]["median"]*1000))' "$1"
}
disk_load=$(load)
batch disk "$work"
read -r disk_ms disk_py <<<"$(batch_figures "$work/batch-disk.json")"
if [ -n "$shm" ]; then
    shm_load=$(load)
    batch tmpfs "$shm"
    read -r shm_ms shm_py <<<"$(batch_figures "$work/batch-tmpfs.json")"
fi
echo
echo "== peak memory of the 1,000-profile batch, built-in templates, every document"
rm -rf "$work/out"
/usr/bin/time -f '%M' -o "$work/time.txt" "$bigan" render "$work/profiles" -o "$work/out" --doc all >/dev/null 2>&1 || true
peak_1k=$(awk '{ printf "%.1f MB", $1 / 1024 }' "$work/time.txt")
echo "$peak_1k"

preview="(node or chromium missing)"
if command -v node >/dev/null && command -v "${CHROMIUM:-chromium}" >/dev/null; then
    echo
    echo "== preview: save → the browser shows the new text"
    flag=""
    node -e 'process.exit(typeof WebSocket === "undefined" ? 0 : 1)' && flag=--experimental-websocket
    rounds=$([ -n "$quick" ] && echo 10 || echo 30)
    preview=$(node $flag benches/preview_latency.mjs "$bigan" "$rounds" | tee /dev/stderr | tail -1)
fi

if [ -n "${BENCH_SCALE:-}" ]; then
    echo
    echo "== scale: docs/s and peak memory (speeches, built-in templates)"
    for n in 1000 10000 100000; do
        for place in shm disk; do
            dir=$([ "$place" = shm ] && echo "$shm" || echo "$work")
            [ -z "$dir" ] && continue
            rm -rf "$dir/scale" && gen "$dir/scale/profiles" "$n"
            sync
            l=$(load)
            /usr/bin/time -f '%e %M' -o "$work/time.txt" "$bigan" render "$dir/scale/profiles" -o "$dir/scale/out" >/dev/null 2>&1 || true
            read -r secs kb <"$work/time.txt"
            python3 -c 'import sys; n,s,kb,p,l=sys.argv[1:]; print("%7s profiles, %-4s: %6.2f s, %7.0f docs/s, peak %6.1f MB  (load %s)" % (n, p, float(s), int(n)/float(s), int(kb)/1024, l))' "$n" "$secs" "$kb" "$place" "$l"
            rm -rf "$dir/scale"
        done
    done
fi

echo
echo "== summary (medians; wall times are noisy on a shared machine: see the load)"
printf '%-34s %-28s %s\n' "cold, one speech" "$cold_ms ms, $cold_ir" "target ≤ 2 ms   (load $cold_load)"
[ -n "$dist_ms" ] && printf '%-34s %-28s %s\n' "cold, one speech, dist/bigan" "$dist_ms ms" "target ≤ 2 ms   (load $cold_load)"
printf '%-34s %-28s %s\n' "1,000 speeches → disk" "$disk_ms ms (Python $disk_py ms)" \
    "target ≥ 8× the script: $(python3 -c "print('%.1f×' % ($disk_py / $disk_ms))")   (load $disk_load)"
[ -n "$shm" ] && printf '%-34s %-28s %s\n' "1,000 speeches → tmpfs" "$shm_ms ms (Python $shm_py ms)" \
    "target ≤ 100 ms   (load $shm_load)"
printf '%-34s %s\n' "peak memory, 1,000 × every doc" "$peak_1k"
printf '%-34s %s\n' "preview, save → browser" "$preview   target: median ≤ 100 ms"
