#!/usr/bin/env bash
# Builds the CLI into .build/cli when any source changed since the last build (fast no-op otherwise).
set -euo pipefail
REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
OUT="$REPO/.build/cli"
STAMP="$OUT/.built"
if [ -f "$STAMP" ] && [ -z "$(find "$REPO/src" "$REPO/protos" "$REPO/Directory.Build.props" "$REPO/Directory.Packages.props" "$REPO/.native" \
      -newer "$STAMP" \( -name '*.cs' -o -name '*.csproj' -o -name '*.props' -o -name '*.proto' -o -name '*.so' -o -name '*.yaml' -o -name '*.json' \) \
      -not -path '*/obj/*' -not -path '*/bin/*' -print -quit 2>/dev/null)" ]; then
  exit 0
fi
mkdir -p "$OUT"
if ! dotnet build "$REPO/src/CallMonitor.Cli/CallMonitor.Cli.csproj" -c Release -o "$OUT" --nologo -v q -clp:NoSummary >"$OUT/build.log" 2>&1; then
  grep -E 'error|Error' "$OUT/build.log" | sort -u | head -20 >&2
  echo "[setup] ERROR: building the CLI failed (full log: $OUT/build.log)" >&2
  exit 1
fi
touch "$STAMP"
