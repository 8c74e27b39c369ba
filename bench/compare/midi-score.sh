#!/usr/bin/env bash
# MOS's MIDI import to a full UMF score (notes, measures, quantised voices, tuplets, ties) beside
# npm midi-file's raw event decoding on every MIDI file of ../shared/corpora, both from memory;
# prints both rates and their ratio (the issue's goal: at least 5x).
#
#   bench/compare/midi-score.sh
#
# Needs node and npm (on the machine already); installs midi-file from bench/compare/package-lock.json.
set -euo pipefail
cd "$(dirname "$0")/../.."

corpora="$(cd ../shared/corpora && pwd)"
bench=build/release/bench/formats/mos_formats_bench
[[ -x "$bench" ]] || scripts/setup release >/dev/null

npm --prefix bench/compare install --no-audit --no-fund --silent >/dev/null

mos=$("$bench" --benchmark_filter=BM_ReadMidiCorpus --benchmark_format=json --benchmark_min_time=2 |
  python3 -c 'import json,sys; print(json.load(sys.stdin)["benchmarks"][0]["bytes_per_second"])')
peer=$(node bench/compare/midi-raw.mjs "$corpora" | python3 -c 'import json,sys; print(json.load(sys.stdin)["bytesPerSecond"])')

python3 - "$mos" "$peer" <<'PY'
import sys
mos, peer = float(sys.argv[1]), float(sys.argv[2])
print(f"MOS readMidi (full score)  {mos / 1e6:8.1f} MB/s")
print(f"npm midi-file parseMidi    {peer / 1e6:8.1f} MB/s")
print(f"ratio MOS / midi-file      {mos / peer:8.2f}x")
PY
