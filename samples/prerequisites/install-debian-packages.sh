#!/usr/bin/env bash
# Installs Debian packages with apt-get, for the project's prerequisite checks.
#   install-debian-packages.sh "<what needs them>" <package>...
# Runs apt-get as root, or with password-less sudo; otherwise stops with the command to run. Concurrent runs
# (parallel builds) serialise on one lock, and a run that waited skips packages another run installed meanwhile.
set -euo pipefail

if [ "$#" -lt 2 ]; then
  echo "usage: $0 \"<what needs them>\" <package>..." >&2
  exit 2
fi
purpose=$1
shift
packages=("$@")

installed() {
  local package
  for package in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q 'install ok installed' || return 1
  done
}

if ! command -v apt-get >/dev/null 2>&1; then
  echo "error: $purpose needs ${packages[*]} (Debian package names), and this is not a Debian-like system (no apt-get). Install their equivalents, then try again." >&2
  exit 1
fi

if [ "$(id -u)" = "0" ]; then
  as_root=()
elif command -v sudo >/dev/null 2>&1 && sudo -n true >/dev/null 2>&1; then
  as_root=(sudo -n)
else
  echo "error: $purpose needs ${packages[*]}. Run 'sudo apt-get install -y ${packages[*]}', then try again." >&2
  exit 1
fi

echo "Installing ${packages[*]} with apt-get ($purpose)..." >&2
(
  flock 9
  if ! installed; then
    "${as_root[@]}" apt-get update -qq
    DEBIAN_FRONTEND=noninteractive "${as_root[@]}" apt-get install -y -qq "${packages[@]}" >/dev/null
  fi
) 9>"${TMPDIR:-/tmp}/azureml-sdk-apt.lock"
