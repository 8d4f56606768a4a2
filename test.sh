#!/usr/bin/env bash
# Runs every test of CallMonitor. Sets the machine up first (scripts/bootstrap.sh, idempotent), then runs the
# NUnit suites and ends with one line: "N passed, N failed, N skipped". Skipped tests are listed with their reason.
#   ./test.sh                 all tests
#   ./test.sh --filter EXPR   a dotnet test filter, e.g. --filter "TestCategory!=Integration"
set -uo pipefail
REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$REPO"
bash scripts/bootstrap.sh || { echo "0 passed, 1 failed"; exit 1; }

RESULTS="$REPO/TestResults"
rm -rf "$RESULTS"
echo "[test] building the solution" >&2
if ! dotnet build CallMonitor.sln -c Release --nologo -v q -clp:NoSummary >"$REPO/.build/test-build.log" 2>&1; then
  grep -E ' error ' "$REPO/.build/test-build.log" | sort -u | head -30
  echo "[test] ERROR: the build failed (log: .build/test-build.log)"
  echo "0 passed, 1 failed"
  exit 1
fi

echo "[test] running tests" >&2
dotnet test CallMonitor.sln -c Release --no-build --nologo "$@" \
  --logger "trx" --logger "console;verbosity=minimal" --results-directory "$RESULTS"
status=$?

bash "$REPO/scripts/test-summary.sh" "$RESULTS"
summary_status=$?
[ $status -eq 0 ] && [ $summary_status -eq 0 ] && exit 0
exit 1
