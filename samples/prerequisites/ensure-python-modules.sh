#!/usr/bin/env bash
# Makes sure a python3 on this machine can import the given modules, installing Debian packages that provide
# them when none can.
#   ensure-python-modules.sh "<what needs them>" "<module>[,<module>...]" <debian package>...
# Safe to run any number of times; several builds may run it at once.
set -euo pipefail

if [ "$#" -lt 3 ]; then
  echo "usage: $0 \"<what needs them>\" \"<module>[,<module>...]\" <debian package>..." >&2
  exit 2
fi
purpose=$1
modules=$2
shift 2

has_modules() {
  local py
  for py in python3 /usr/bin/python3 /usr/local/bin/python3; do
    if command -v "$py" >/dev/null 2>&1 && "$py" -c "import $modules" >/dev/null 2>&1; then
      return 0
    fi
  done
  return 1
}

has_modules && exit 0

if ! bash "$(dirname "${BASH_SOURCE[0]}")/install-debian-packages.sh" "$purpose" "$@"; then
  echo "error: no python3 on this machine can import $modules, which $purpose need. Install them (e.g. 'pip install ${modules//,/ }'), then build again." >&2
  exit 1
fi

if ! has_modules; then
  echo "error: $* were installed but no python3 can import $modules. Check 'python3 -c \"import $modules\"'." >&2
  exit 1
fi
