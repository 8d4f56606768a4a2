#!/usr/bin/env bash
# Installs the native speech libraries CallMonitor loads at run time into <repo>/.native/ (gitignored):
#   .native/sherpa-onnx/  libsherpa-onnx-c-api.so + libonnxruntime.so  (npm: sherpa-onnx-linux-x64)
#   .native/vosk/         libvosk.so                                    (npm: vosk)
# Each library gets a marker file <lib>.installed (package, version, sha256) that `doctor` reads. A run whose
# markers already match the wanted versions and files does nothing. Needs npm (only `npm pack` is used:
# nothing is installed into node_modules). Usage: scripts/install-native.sh [--force]
set -euo pipefail

SHERPA_PACKAGE="sherpa-onnx-linux-x64"
SHERPA_VERSION="1.13.8"
VOSK_PACKAGE="vosk"
VOSK_VERSION="0.3.39"

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
native_dir="${repo_root}/.native"
force=0

for arg in "$@"; do
  case "$arg" in
    --force) force=1 ;;
    -h|--help) sed -n '2,8p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "install-native: unknown argument '$arg' (only --force is accepted)" >&2; exit 2 ;;
  esac
done

fail() {
  echo "install-native: error: $*" >&2
  exit 1
}

sha256_of() {
  sha256sum "$1" | cut -d' ' -f1
}

# marker_matches DIR LIB PACKAGE VERSION: true when DIR/LIB exists and DIR/LIB.installed records this package,
# this version and the file's current sha256.
marker_matches() {
  local dir="$1" lib="$2" package="$3" version="$4"
  local marker="${dir}/${lib}.installed"
  [[ -f "${dir}/${lib}" && -f "$marker" ]] || return 1
  grep -qx "package=${package}" "$marker" || return 1
  grep -qx "version=${version}" "$marker" || return 1
  grep -qx "sha256=$(sha256_of "${dir}/${lib}")" "$marker" || return 1
}

write_marker() {
  local dir="$1" lib="$2" package="$3" version="$4"
  {
    echo "package=${package}"
    echo "version=${version}"
    echo "file=${lib}"
    echo "sha256=$(sha256_of "${dir}/${lib}")"
    echo "installed=$(date -u +%Y-%m-%dT%H:%M:%SZ)"
  } > "${dir}/${lib}.installed"
}

# fetch_package PACKAGE VERSION DEST: runs `npm pack` into a temp dir and unpacks it to DEST/package.
fetch_package() {
  local package="$1" version="$2" dest="$3"
  command -v npm > /dev/null 2>&1 \
    || fail "npm is not installed; it is needed to fetch ${package}@${version} (apt-get install -y npm)"
  local log="${dest}/npm-pack.log"
  if ! (cd "$dest" && npm pack "${package}@${version}" > "$log" 2>&1); then
    grep -i 'error' "$log" >&2 || cat "$log" >&2
    fail "npm could not fetch ${package}@${version} (npm pack failed; is the npm registry reachable?)"
  fi
  local tarball
  tarball="$(find "$dest" -maxdepth 1 -name '*.tgz' -print -quit)"
  [[ -n "$tarball" ]] || fail "npm pack ${package}@${version} produced no tarball"
  tar -xzf "$tarball" -C "$dest" || fail "could not unpack ${tarball}"
}

# install_libs PACKAGE VERSION TARGET_DIR PATH_IN_PACKAGE...: copies the listed files into TARGET_DIR.
install_libs() {
  local package="$1" version="$2" target="$3"
  shift 3
  local paths=("$@") missing=0 path lib

  if [[ $force -eq 0 ]]; then
    for path in "${paths[@]}"; do
      marker_matches "$target" "$(basename "$path")" "$package" "$version" || missing=1
    done
    if [[ $missing -eq 0 ]]; then
      echo "install-native: ${package}@${version} already installed in ${target}"
      return 0
    fi
  fi

  echo "install-native: installing ${package}@${version} into ${target} ..."
  local work="${work_root}/${package}"
  mkdir -p "$work"
  fetch_package "$package" "$version" "$work"

  mkdir -p "$target"
  for path in "${paths[@]}"; do
    [[ -f "${work}/package/${path}" ]] || fail "${package}@${version} has no ${path}"
  done
  for path in "${paths[@]}"; do
    lib="$(basename "$path")"
    # Copy under a temporary name, then rename: a half-written library never sits under its real name.
    cp "${work}/package/${path}" "${target}/.${lib}.partial"
    chmod 0755 "${target}/.${lib}.partial"
    mv -f "${target}/.${lib}.partial" "${target}/${lib}"
    write_marker "$target" "$lib" "$package" "$version"
    echo "install-native:   ${target}/${lib} ($(sha256_of "${target}/${lib}" | cut -c1-12)...)"
  done
}

work_root="$(mktemp -d "${TMPDIR:-/tmp}/callmonitor-native.XXXXXX")"
trap 'rm -rf "$work_root"' EXIT

install_libs "$SHERPA_PACKAGE" "$SHERPA_VERSION" "${native_dir}/sherpa-onnx" \
  libsherpa-onnx-c-api.so libonnxruntime.so
install_libs "$VOSK_PACKAGE" "$VOSK_VERSION" "${native_dir}/vosk" \
  lib/linux-x86_64/libvosk.so

echo "install-native: done (${native_dir})"
