#!/usr/bin/env bash
# MOS importing MusicXML, MIDI and ABC into full UMF scores beside the peer tools on the same corpus
# files, in one run: rates, ratios and the files each side fails on.
#
#   bench/compare/formats.sh
#
# MOS: bench/formats/ImportBench.cpp (release build). Peers: bench/compare/formats-peers.mjs
# (musicxml-io, verovio, midi-file, @tonejs/midi, abcjs; pinned in bench/compare/package-lock.json).
# For MIDI it also prints the score model's floor (bench/formats/MidiScoreBench.cpp): copying the
# finished scores, which any importer building them must at least match.
set -euo pipefail
cd "$(dirname "$0")/../.."

corpora="$(cd ../shared/corpora && pwd)"
bench=build/release/bench/formats/mos_formats_bench
[[ -x "$bench" ]] || scripts/setup release >/dev/null

npm --prefix bench/compare ci --no-audit --no-fund --silent >/dev/null

mos=$(mktemp)
peers=$(mktemp)
trap 'rm -f "$mos" "$peers"' EXIT
"$bench" --benchmark_filter='BM_Import(MusicXml|Midi|Abc)Corpus|BM_CopyMidiCorpusScores' --benchmark_format=json --benchmark_min_time=2 >"$mos"
for kind in musicxml midi abc; do
  node bench/compare/formats-peers.mjs "$kind" "$corpora" 2>/dev/null | sed "s/^/$kind /"
done >"$peers"

python3 - "$mos" "$peers" <<'PY'
import json, sys
mos = {b["name"]: b for b in json.load(open(sys.argv[1]))["benchmarks"]}
peers = {}
for line in open(sys.argv[2]):
    kind, results = line.split(" ", 1)
    peers[kind] = json.loads(results)
rows = [("musicxml", "BM_ImportMusicXmlCorpus", "MB/s", "bytes_per_second", "bytesPerSecond", 1e6),
        ("midi", "BM_ImportMidiCorpus", "MB/s", "bytes_per_second", "bytesPerSecond", 1e6),
        ("abc", "BM_ImportAbcCorpus", "tunes/s", "items_per_second", "itemsPerSecond", 1)]
for kind, name, unit, mos_key, peer_key, scale in rows:
    m = mos[name]
    print(f"{kind}: {int(m['files'])} files")
    print(f"  {'MOS readScoreBytes (full UMF)':32} {m[mos_key] / scale:12.1f} {unit}   failed on {int(m['failed'])} files")
    for p in peers[kind]:
        failed = ", ".join(p["failed"]) or "none"
        print(f"  {p['tool']:32} {p[peer_key] / scale:12.1f} {unit}   ratio MOS/peer {m[mos_key] / p[peer_key]:6.2f}x   failed on: {failed}")
    if kind == "midi":
        # Allocating and writing the imported scores' events and notes alone: roughly what any importer
        # that builds this model must spend, so it bounds the ratio from above.
        floor = mos["BM_CopyMidiCorpusScores"][mos_key] / scale
        print(f"  {'MOS score model floor (copy)':32} {floor:12.1f} {unit}   ratio floor/midi-file {floor * scale / peers[kind][0][peer_key]:6.2f}x")
PY
