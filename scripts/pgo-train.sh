#!/usr/bin/env bash
# The work a profile-guided build of bigan is trained on (scripts/dist.sh):
# what users run, on the built-in examples — every document of every
# example profile in every format, `check`, `lint` of the example drafts,
# and a batch. Counts from an instrumented binary are written where its
# build said (-Cprofile-generate=DIR).
#
# Usage: bash scripts/pgo-train.sh INSTRUMENTED_BIGAN
set -euo pipefail
cd "$(dirname "$0")/.."
bigan=$1
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
for profile in profiles/*.yaml; do
    name=$(basename "$profile" .yaml)
    # One document to the screen, as most runs are; a document a profile
    # lacks the facts for fails, and that is trained too.
    for doc in speech plan progress notice briefing exchange summary; do
        "$bigan" render "$profile" --doc "$doc" >/dev/null 2>&1 || true
    done
    for format in html txt docx; do
        "$bigan" render "$profile" --doc all --format "$format" -o "$out/$name-$format" >/dev/null 2>&1 || true
    done
    "$bigan" check "$profile" >/dev/null 2>&1 || true
done
"$bigan" lint examples/*.md >/dev/null 2>&1 || true
"$bigan" render profiles -o "$out/batch" >/dev/null 2>&1 || true
