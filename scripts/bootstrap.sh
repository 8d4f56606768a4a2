#!/usr/bin/env bash
# Installs what CallMonitor needs on a fresh Debian machine with the .NET SDK, idempotently:
# apt packages (ffmpeg for non-WAV input, npm for the native engines), the native engine libraries from
# npm (scripts/install-native.sh), a build of the CLI, and the default models (models/install.sh).
# Each step says what it does; a failing step names what failed and how to fix it.
set -euo pipefail
REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
QUIET="${CALLMONITOR_QUIET:-0}"
say() { [ "$QUIET" = 1 ] || echo "[setup] $*" >&2; }
fail() { echo "[setup] ERROR: $*" >&2; exit 1; }

command -v dotnet >/dev/null 2>&1 || fail "the .NET SDK is not installed (need 10.0): see https://learn.microsoft.com/dotnet/core/install/linux-debian"

# apt_get PACKAGE...: installs Debian packages (as root, or through sudo).
apt_get() {
  local sudo=""
  if [ "$(id -u)" != 0 ]; then
    command -v sudo >/dev/null 2>&1 && sudo="sudo" || { say "cannot install $* (not root, no sudo); install them yourself"; return 1; }
  fi
  say "installing Debian packages: $*"
  if ! { $sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "$@" >/dev/null; }; then
    say "apt-get could not install $*"
    return 1
  fi
}

# apt_install COMMAND:PACKAGE...: installs the packages whose command is not on PATH.
apt_install() {
  local missing=()
  for pair in "$@"; do
    command -v "${pair%%:*}" >/dev/null 2>&1 || missing+=("${pair##*:}")
  done
  [ "${#missing[@]}" -eq 0 ] || apt_get "${missing[@]}"
}

# npm fetches the native engines; ffmpeg decodes mp3/amr/ogg/m4a/flac. WAV and raw G.711 need neither.
apt_install npm:npm || fail "npm is needed to fetch the native engine libraries (apt-get install npm)"
apt_install bzip2:bzip2 perl:perl || fail "bzip2 and perl are needed to build"
apt_install ffmpeg:ffmpeg || say "WARNING: ffmpeg missing: only WAV and raw PCM/G.711 input will work"
# Multi-node mode runs on Redis Streams and PostgreSQL; the tests start private instances of both on loopback ports.
apt_install redis-server:redis-server || say "WARNING: redis-server missing: the multi-node tests will be skipped"
if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
  apt_get postgresql || say "WARNING: PostgreSQL missing: the shared-store tests will be skipped"
fi
# Unicode's Unihan data: pinyin and traditional->simplified tables are generated from it at build time.
if [ ! -f /usr/share/unicode/Unihan_Readings.txt.bz2 ]; then
  apt_get unicode-data || fail "unicode-data is needed to build (apt-get install unicode-data)"
fi

bash "$REPO/scripts/install-native.sh"

say "building the CLI"
bash "$REPO/scripts/build-cli.sh"

# A missing model is not fatal: analysis falls back (energy VAD) and says so; `./callmonitor doctor` shows how to fix it.
if ! bash "$REPO/models/install.sh"; then
  say "WARNING: some models could not be installed (see above); set CALLMONITOR_MODEL_CACHE to a folder that holds them"
fi
