#!/usr/bin/env bash
# Times lint, import and check on large and pathological inputs (issue 16:
# each must take time and memory linear in its input) and prints a table
# of wall time, CPU time and peak memory: the figures in
# docs/performance.md ("Large inputs").
#
#   bash scripts/bench-inputs.sh            # builds release, runs all
#   BIGAN=path/to/bigan bash scripts/bench-inputs.sh
set -euo pipefail
cd "$(dirname "$0")/.."

if [ -z "${BIGAN:-}" ]; then
    cargo build --release --locked --quiet
    BIGAN=target/release/bigan
fi
BIGAN=$(realpath "$BIGAN")
if [ ! -x /usr/bin/time ]; then
    echo "needs GNU time: apt-get install time" >&2
    exit 2
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

speech=tests/fixtures/import/county-progress-meeting-speech.txt
python3 - "$work" "$speech" <<'EOF'
import sys
work, speech = sys.argv[1], open(sys.argv[2], encoding="utf-8").read()
for mb in (1, 10, 50):
    n = mb * 1_000_000 // len(speech.encode()) + 1
    open(f"{work}/speech-{mb}mb.txt", "w").write(speech * n)
for copies in (100, 200):
    open(f"{work}/speech-x{copies}.txt", "w").write(speech * copies)
open(f"{work}/breaks-5mb.txt", "w").write("\n" * 5_000_000)
for n in (10_000, 40_000, 100_000):
    open(f"{work}/headings-{n}.txt", "w").write("一、标题\n" * n)
head = "org:\n  name: 医院\ncampaign:\n  name: 创先争优\nmeeting:\n  date: 2010-05-20\n"
for n in (32_000, 100_000):
    open(f"{work}/points-{n}-one-line.yaml", "w").write(head + "points: [" + ", ".join(["{}"] * n) + "]\n")
    open(f"{work}/points-{n}-lines.yaml", "w").write(head + "points:\n" + "  - {}\n" * n)
EOF

run() {
    local what=$1
    shift
    /usr/bin/time -o "$work/time" -f "%e %U %M" "$BIGAN" "$@" >/dev/null 2>&1 || true
    read -r wall user kb < <(tail -n 1 "$work/time")
    printf '| %-44s | %6s s | %6s s | %7s MB |\n' "$what" "$wall" "$user" "$((kb / 1024))"
}

echo "| input | wall | CPU | peak memory |"
echo "|---|---|---|---|"
for f in speech-x100 speech-x200 speech-1mb speech-10mb speech-50mb breaks-5mb; do
    run "lint $f.txt" lint "$work/$f.txt"
done
for f in headings-10000 headings-40000 headings-100000 speech-1mb speech-10mb speech-50mb; do
    run "import $f.txt" import "$work/$f.txt" -o "$work/out-$f"
done
for n in 32000 100000; do
    for shape in one-line lines; do
        run "check points-$n-$shape.yaml" check "$work/points-$n-$shape.yaml"
    done
done
