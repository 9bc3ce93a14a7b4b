#!/usr/bin/env bash
# The work a profile-guided build of bigan is trained on (scripts/dist.sh):
# what users run, on the built-in examples. Code that never runs here is
# taken for rare and laid out for size, so every command is run at least
# once. Counts from an instrumented binary are written where its build
# said (-Cprofile-generate=DIR).
#
# Usage: bash scripts/pgo-train.sh INSTRUMENTED_BIGAN
set -euo pipefail
cd "$(dirname "$0")/.."
bigan=$(realpath "$1")
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
# The runs that must work, or the training trained nothing.
"$bigan" render profiles/hospital.yaml >/dev/null
"$bigan" render profiles/township.yaml --doc plan --variant 2 >/dev/null
for profile in profiles/*.yaml; do
    name=$(basename "$profile" .yaml)
    # One document to the screen, as most runs are; a document a profile
    # lacks the facts for fails, and that is trained too.
    for doc in speech plan progress notice briefing progress-briefing exchange summary; do
        "$bigan" render "$profile" --doc "$doc" >/dev/null 2>&1 || true
    done
    for format in md html txt docx; do
        "$bigan" render "$profile" --doc all --format "$format" -o "$out/$name-$format" >/dev/null 2>&1 || true
    done
    "$bigan" check "$profile" >/dev/null 2>&1 || true
done
"$bigan" lint examples/*.md examples/*.html "$out"/hospital-docx/*.docx >/dev/null 2>&1 || true
"$bigan" render profiles -o "$out/batch" >/dev/null 2>&1 || true
# A user's own templates, as the batch benchmark uses them.
"$bigan" templates export "$out/templates" >/dev/null 2>&1 || true
"$bigan" render profiles -o "$out/own" --templates "$out/templates" >/dev/null 2>&1 || true
# A 范文 cleaned and turned into a profile, and a new profile.
for draft in examples/hospital.speech.html "$out"/county-txt/*.txt "$out"/hospital-docx/*.docx; do
    "$bigan" import "$draft" -o "$out/imported-$(basename "$draft").yaml" >/dev/null 2>&1 || true
done
(cd "$out" && "$bigan" new 某县人民医院 >/dev/null 2>&1) || true
