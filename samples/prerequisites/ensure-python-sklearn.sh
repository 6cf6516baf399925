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

if ! bash "$(dirname "${BASH_SOURCE[0]}")/install-debian-packages.sh" "the scikit-learn samples and tests" python3-sklearn python3-joblib python3-pandas; then
  echo "error: no python3 on this machine can import scikit-learn, joblib and pandas. Install them (e.g. 'pip install scikit-learn joblib pandas'), then build again." >&2
  exit 1
fi

if ! has_sklearn; then
  echo "error: python3-sklearn and python3-pandas were installed but no python3 can import them. Check 'python3 -c \"import sklearn, pandas\"'." >&2
  exit 1
fi
