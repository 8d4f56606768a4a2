#!/usr/bin/env bash
# Reads the TRX files of a test run: lists skipped tests with their reasons and failed tests, then prints
# "N passed, N failed, N skipped". Exit 1 if anything failed or no test ran.
set -uo pipefail
dir="${1:?usage: test-summary.sh RESULTS_DIR}"
passed=0 failed=0 skipped=0 files=0
shopt -s nullglob
for trx in "$dir"/*.trx; do
  files=$((files + 1))
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -1)
  get() { echo "$counters" | sed -n "s/.* $1=\"\([0-9]*\)\".*/\1/p"; }
  passed=$((passed + $(get passed)))
  failed=$((failed + $(get failed) + $(get error) + $(get timeout) + $(get aborted)))
  skipped=$((skipped + $(get total) - $(get executed) + $(get inconclusive)))
  # One line per skipped or failed test: name and first line of its message.
  awk '
    /<UnitTestResult / {
      name = $0; sub(/.*testName="/, "", name); sub(/".*/, "", name)
      outcome = $0; sub(/.*outcome="/, "", outcome); sub(/".*/, "", outcome)
      grab = (outcome == "NotExecuted" || outcome == "Failed") ? 1 : 0; msg = ""
    }
    grab && /<Message>/ { m = $0; sub(/.*<Message>/, "", m); sub(/<\/Message>.*/, "", m); msg = m }
    grab && /<\/UnitTestResult>/ {
      printf "[test] %s: %s -- %s\n", (outcome == "NotExecuted" ? "SKIPPED" : "FAILED"), name, msg; grab = 0
    }
  ' "$trx"
done
echo "$passed passed, $failed failed, $skipped skipped"
[ "$files" -gt 0 ] && [ "$failed" -eq 0 ] && [ "$passed" -gt 0 ]
