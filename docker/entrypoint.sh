#!/bin/sh
# Container entrypoint: installs the models (every file checked against models/manifest.json's sha256) into
# $CALLMONITOR_MODELS_DIR from $CALLMONITOR_MODEL_CACHE, else their official URL, then runs the CLI with the
# container's arguments (default: serve). Installing again is cheap: intact models are left alone.
#   CALLMONITOR_MODELS_AT_START  install (default) | skip
#   CALLMONITOR_MODELS           model names to install (default: the manifest's default models)
# A failed install is reported and the command still runs: engines whose model is missing are listed as unavailable.
set -eu

app="${CALLMONITOR_APP:-/app/callmonitor.dll}"

needs_models() {
  case "${1:-}" in
    serve|analyze|transcribe|demo|bench) return 0 ;;
    *) return 1 ;;
  esac
}

if needs_models "${1:-}"; then
  case "${CALLMONITOR_MODELS_AT_START:-install}" in
    install)
      echo "[entrypoint] installing models (${CALLMONITOR_MODELS:-defaults}) from ${CALLMONITOR_MODEL_CACHE:-no cache} or their official URL" >&2
      # Word splitting of CALLMONITOR_MODELS is wanted: it is a list of names.
      # shellcheck disable=SC2086
      if ! dotnet "$app" models install ${CALLMONITOR_MODELS:-}; then
        echo "[entrypoint] warning: some models could not be installed; put them in ${CALLMONITOR_MODEL_CACHE:-the model cache} (see models/manifest.json) and restart" >&2
      fi
      ;;
    skip) ;;
    *)
      echo "[entrypoint] error: CALLMONITOR_MODELS_AT_START must be install or skip, not '${CALLMONITOR_MODELS_AT_START}'" >&2
      exit 2
      ;;
  esac
fi

exec dotnet "$app" "$@"
