#!/usr/bin/env bash
# Apollo's real-time proof: a private dummy JACK server at 48 kHz and 64-frame blocks, and MOS's
# sampler playing FluidR3_GM.sf2 through it at 256 voices for 20 s (bench/audio/SamplerRealtime.cpp,
# release build). Prints the callbacks, the overruns against the 1333 us budget, the p50, p99,
# p99.9 and slowest callback as MOS measured them, and the mean share of one core.
#
#   bench/compare/realtime.sh [--seconds S] [--voices N] [--soundfont FILE] [--json]
#   RATE=44100 FRAMES=128 bench/compare/realtime.sh     # another server configuration
#   REALTIME=1 bench/compare/realtime.sh                # SCHED_FIFO callbacks (needs CAP_SYS_NICE)
#
# By default jackd runs with -r (no real-time scheduling, which every machine grants), so whatever
# else the machine runs can preempt a callback and stretch it past its budget: on a busy machine,
# REALTIME=1 measures MOS's own time, as a real-time audio setup would run it.
set -euo pipefail
cd "$(dirname "$0")/../.."

program=build/release/bench/audio/mos_sampler_realtime
[[ -x "$program" ]] || scripts/setup release >/dev/null
command -v jackd >/dev/null || { echo "realtime.sh: jackd is not installed (scripts/setup installs it)" >&2; exit 1; }

server="mos-realtime-$$"
log=$(mktemp)
scheduling=-r
[[ "${REALTIME:-0}" == 1 ]] && scheduling=-R
jackd -n "$server" "$scheduling" -d dummy -r "${RATE:-48000}" -p "${FRAMES:-64}" >"$log" 2>&1 &
jackd=$!
trap 'kill "$jackd" 2>/dev/null; wait "$jackd" 2>/dev/null; rm -f "$log"' EXIT

if ! jack_wait -s "$server" -w -t 10 >/dev/null 2>&1; then
  echo "realtime.sh: jackd did not come up:" >&2
  cat "$log" >&2
  exit 1
fi
JACK_DEFAULT_SERVER="$server" "$program" "$@"
