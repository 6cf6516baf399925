#!/usr/bin/env bash
# Makes sure a python3 on this machine can import scikit-learn, joblib and pandas (the quick start trains a
# scikit-learn model; tabular dataset inputs become pandas DataFrames in scripts). Safe to run any number
# of times; several builds may run it at once.
set -euo pipefail

has_sklearn() {
  local py
  for py in python3 /usr/bin/python3 /usr/local/bin/python3; do
    if command -v "$py" >/dev/null 2>&1 && "$py" -c 'import sklearn, joblib, pandas' >/dev/null 2>&1; then
      return 0
    fi
  done
  return 1
}

has_sklearn && exit 0

if ! command -v apt-get >/dev/null 2>&1; then
  echo "error: no python3 on this machine can import scikit-learn, joblib and pandas. Install them, e.g. 'pip install scikit-learn joblib pandas', then build again." >&2
  exit 1
fi

if [ "$(id -u)" = "0" ]; then
  as_root=()
elif command -v sudo >/dev/null 2>&1 && sudo -n true >/dev/null 2>&1; then
  as_root=(sudo -n)
else
  echo "error: no python3 on this machine can import scikit-learn, joblib and pandas. Run 'sudo apt-get install -y python3-sklearn python3-joblib python3-pandas' (or 'pip install scikit-learn joblib pandas'), then build again." >&2
  exit 1
fi

echo "Installing python3-sklearn, python3-joblib and python3-pandas with apt-get (needed by the scikit-learn samples and tests)..."
(
  flock 9
  if ! has_sklearn; then
    "${as_root[@]}" apt-get update -qq
    DEBIAN_FRONTEND=noninteractive "${as_root[@]}" apt-get install -y -qq python3-sklearn python3-joblib python3-pandas >/dev/null
  fi
) 9>"${TMPDIR:-/tmp}/azureml-sdk-apt.lock"

if ! has_sklearn; then
  echo "error: python3-sklearn and python3-pandas were installed but no python3 can import them. Check 'python3 -c \"import sklearn, pandas\"'." >&2
  exit 1
fi
