#!/usr/bin/env bash
# Installs models listed in models/manifest.json into models/<name>/ (or $CALLMONITOR_MODELS_DIR/<name>/).
# Looks in $CALLMONITOR_MODEL_CACHE first (an extracted <name>/ folder or the official archive file), otherwise
# downloads from the official URL; every file is checked against the manifest's sha256. Safe to run again.
#   models/install.sh                  the default models (Silero VAD v5 + sherpa-onnx KWS)
#   models/install.sh NAME...          the named models, e.g. vosk-model-small-cn-0.22
# Runs `callmonitor models install`; see models/README.md.
set -euo pipefail
REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export CALLMONITOR_HOME="$REPO"

case "${1:-}" in
  -h|--help) sed -n '2,7p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 0 ;;
esac

if [ -z "${CALLMONITOR_MODEL_CACHE:-}" ]; then
  echo "[models] note: CALLMONITOR_MODEL_CACHE is not set; models not already installed will be downloaded" >&2
fi

# Prefer the built CLI: scripts/bootstrap.sh calls this script after building it, and going through
# ./callmonitor from there would start the bootstrap again.
CLI_DLL="$REPO/.build/cli/callmonitor.dll"
if [ -f "$CLI_DLL" ]; then
  exec dotnet "$CLI_DLL" models install "$@"
fi
exec "$REPO/callmonitor" models install "$@"
