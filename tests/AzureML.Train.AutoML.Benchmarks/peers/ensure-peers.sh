#!/usr/bin/env bash
# Makes sure Debian's /usr/bin/python3 can import scikit-learn and XGBoost, the peers the benchmark compares
# with. Safe to run any number of times; concurrent runs serialise on a lock.
set -euo pipefail

python=/usr/bin/python3
has_peers() { "$python" -c 'import sklearn, xgboost, numpy' >/dev/null 2>&1; }

has_peers && exit 0

# The shared installer is copied next to this script by the benchmark project.
if ! bash "$(dirname "${BASH_SOURCE[0]}")/install-debian-packages.sh" "the AutoML benchmark's peers" python3-sklearn python3-xgboost; then
  echo "error: $python cannot import scikit-learn and xgboost; install scikit-learn 1.2 and xgboost for it, then run the benchmark again." >&2
  exit 1
fi

if ! has_peers; then
  echo "error: python3-sklearn and python3-xgboost were installed but $python still cannot import them." >&2
  exit 1
fi
