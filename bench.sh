#!/usr/bin/env bash
# Corpus benchmarks of CallMonitor on calls built from ../shared/audio. Builds the benchmark console in Release
# (into .build/bench) and runs it; prints figures, asserts nothing.
#   ./bench.sh kws                     keyword spotter: recall/false alarms per pack phrase, real-time factor and
#                                      channels per core, threshold sweep for one-syllable phrases
#   ./bench.sh kws --calls 5 --seed 2  more calls, other filler and tempos;  ./bench.sh kws --help  for all options
#   ./bench.sh compliance              precision/recall per violation type on the corpus (tests/corpus/calls)
#   ./bench.sh matcher                 phrase matcher throughput vs a Regex alternation over the same phrases
#   ./bench.sh live                    the live service: N concurrent calls streamed at real-time pace (ramp 1..48),
#                                      alert latency p50/p95/p99, service CPU and memory per call, largest N in real
#                                      time;  ./bench.sh live --calls 1,2,4 --seconds 30 --json live.json
#   ./bench.sh load                    two nodes on loopback sharing a private redis-server and PostgreSQL: a ramp of N
#                                      concurrent live calls (round-robin over the nodes) for M minutes per step, a
#                                      supervisor on every node; per node CPU, RSS and MiB per call-minute, alert
#                                      latency, dropped/duplicate/late events, the knee where real time is lost;
#                                      ./bench.sh load --nodes 2 --calls 8,16,24,32 --minutes 5 --json load.json
#                                      ./bench.sh load --soak --calls 16 --minutes 30   RSS series and its trend (not
#                                      part of any test run)
set -euo pipefail
REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
OUT="$REPO/.build/bench"
if [ ! -f "$REPO/.native/sherpa-onnx/libsherpa-onnx-c-api.so.installed" ]; then
  echo "[bench] native engine libraries missing: running scripts/bootstrap.sh first" >&2
  bash "$REPO/scripts/bootstrap.sh"
fi
mkdir -p "$OUT"
echo "[bench] building tests/CallMonitor.Benchmarks (Release)" >&2
if ! dotnet build "$REPO/tests/CallMonitor.Benchmarks/CallMonitor.Benchmarks.csproj" -c Release -o "$OUT" --nologo -v q -clp:NoSummary >"$OUT/build.log" 2>&1; then
  grep -E ' error ' "$OUT/build.log" | sort -u | head -20 >&2
  echo "[bench] ERROR: the build failed (full log: $OUT/build.log)" >&2
  exit 1
fi
if [ -z "${CALLMONITOR_SHARED:-}" ] && [ -d "$REPO/../shared/audio" ]; then
  export CALLMONITOR_SHARED="$(cd "$REPO/../shared" && pwd)"
fi
exec dotnet "$OUT/callmonitor-bench.dll" "$@"
