#!/usr/bin/env bash
# Apollo beside FluidSynth, in one run: the same MIDI files rendered offline with the same SoundFont
# by `mos render` and by `fluidsynth -ni -F`, each timed over the same files; prints both rates
# and their ratio (the goal: MOS at least 3x faster), then each side's SoundFont load time.
#
#   bench/compare/render.sh [SOUNDFONT]     # default: Debian's FluidR3_GM.sf2
#   MOS=build/other/mos bench/compare/render.sh   # another release build of mos
#
# The MIDI files are the ASAP performances in ../shared/corpora/asap (real piano playing, with
# pedalling); both sides render at 44.1 kHz with reverb and chorus on (FluidSynth's defaults).
set -euo pipefail
cd "$(dirname "$0")/../.."

soundfont="${1:-/usr/share/sounds/sf2/FluidR3_GM.sf2}"
mos="${MOS:-build/release/mos}"
[[ -x "$mos" ]] || scripts/setup release >/dev/null
command -v fluidsynth >/dev/null || { echo "render.sh: fluidsynth is not installed (scripts/setup installs it)" >&2; exit 1; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mapfile -t midis < <(find ../shared/corpora/asap -name '*.mid' | sort | head -n "${MOS_COMPARE_FILES:-12}")

seconds() { python3 -c 'import sys,time; print(time.time())'; }
elapsed() { python3 -c "print(f'{$2 - $1:.3f}')"; }

# Load time alone: a MIDI file of one note.
printf 'MThd\0\0\0\6\0\0\0\1\0\x60MTrk\0\0\0\x0c\0\x90\x3c\x40\x60\x80\x3c\0\0\xff\x2f\0' >"$work/one.mid"

audio=0
start=$(seconds)
for midi in "${midis[@]}"; do
  "$mos" render "$midi" -o "$work/mos.wav" --rate 44100 --soundfont "$soundfont" --json >"$work/mos.json"
  audio=$(python3 -c "import json; print($audio + json.load(open('$work/mos.json'))['audio_seconds'])")
done
mosSeconds=$(elapsed "$start" "$(seconds)")

start=$(seconds)
for midi in "${midis[@]}"; do
  fluidsynth -ni -q -r 44100 -F "$work/fluid.wav" "$soundfont" "$midi" >/dev/null 2>&1
done
fluidSeconds=$(elapsed "$start" "$(seconds)")

start=$(seconds)
"$mos" render "$work/one.mid" -o "$work/mos.wav" --rate 44100 --soundfont "$soundfont" >/dev/null
mosLoad=$(elapsed "$start" "$(seconds)")
start=$(seconds)
fluidsynth -ni -q -r 44100 -F "$work/fluid.wav" "$soundfont" "$work/one.mid" >/dev/null 2>&1
fluidLoad=$(elapsed "$start" "$(seconds)")

python3 - "$audio" "$mosSeconds" "$fluidSeconds" "$mosLoad" "$fluidLoad" "${#midis[@]}" "$soundfont" <<'PY'
import sys
audio, mos, fluid, mos_load, fluid_load = map(float, sys.argv[1:6])
files, soundfont = sys.argv[6], sys.argv[7]
print(f"{files} MIDI files, {audio:.1f} s of music, {soundfont}")
print(f"  MOS (mos render)        {mos:8.2f} s   {audio / mos:7.1f}x real time")
print(f"  FluidSynth (-F)         {fluid:8.2f} s   {audio / fluid:7.1f}x real time")
print(f"  ratio MOS/FluidSynth    {fluid / mos:8.2f}x faster (goal: 3x)")
print(f"  SoundFont load + one note: MOS {mos_load:.3f} s, FluidSynth {fluid_load:.3f} s, ratio {fluid_load / mos_load:.2f}x")
PY
