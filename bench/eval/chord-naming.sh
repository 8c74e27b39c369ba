#!/usr/bin/env bash
# Chord naming evaluated on every chord of the jazz-standards charts, MOS beside npm tonal's
# Chord.detect on the same notes: one table, one row each.
#
#   bench/eval/chord-naming.sh
set -euo pipefail
cd "$(dirname "$0")/../.."

eval=build/release/bench/eval/mos_eval_chord_naming
[[ -x "$eval" ]] || { cmake --preset release >/dev/null && cmake --build build/release --target mos_eval_chord_naming >/dev/null; }
npm --prefix bench/compare ci --no-audit --no-fund --silent >/dev/null

notes=$(mktemp)
trap 'rm -f "$notes"' EXIT
"$eval" ../shared/corpora/jazz-standards --notes "$notes" 2>/dev/null
node bench/eval/chord-naming-tonal.mjs "$notes" 2>/dev/null
