#!/usr/bin/env bash
# Installs the Azure Storage emulator (npm package azurite, pinned) into the repository's .tools/azurite
# folder, which the blob tests and benchmarks start on a free loopback port. Safe to run any number of
# times, also by several builds at once: an installed copy of the pinned version is left alone.
set -euo pipefail

version="${AZURITE_VERSION:-3.37.0}"
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
target="$root/.tools/azurite"
marker="$target/node_modules/azurite/package.json"

installed() {
  [ -f "$marker" ] && grep -q "\"version\": \"$version\"" "$marker"
}

installed && exit 0

if ! command -v npm >/dev/null 2>&1; then
  echo "error: the blob storage tests need Azurite, installed with npm, and npm is not on PATH. Install Node.js and npm (Debian: apt-get install nodejs npm), then build again." >&2
  exit 1
fi

mkdir -p "$target"
# One installer at a time; the others wait and then find it installed.
exec 9>"$target/.install.lock"
flock 9
installed && exit 0
echo "Installing azurite@$version into $target ..."
npm install --prefix "$target" --no-audit --no-fund --loglevel=error "azurite@$version"
installed || { echo "error: npm did not install azurite@$version into $target." >&2; exit 1; }
