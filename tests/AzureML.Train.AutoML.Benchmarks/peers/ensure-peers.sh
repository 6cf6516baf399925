#!/usr/bin/env bash
# Makes sure Debian's /usr/bin/python3 can import scikit-learn and XGBoost, the peers the benchmark compares
# with. Safe to run any number of times; concurrent runs serialise on a lock. Installs python3-sklearn and
# python3-xgboost with apt-get as root (or with password-less sudo), otherwise stops with the command to run.
set -euo pipefail

python=/usr/bin/python3
has_peers() { "$python" -c 'import sklearn, xgboost, numpy' >/dev/null 2>&1; }

has_peers && exit 0

if ! command -v apt-get >/dev/null 2>&1; then
  echo "error: $python cannot import scikit-learn and xgboost, and this is not a Debian-like system (no apt-get). Install python3 with scikit-learn 1.2 and xgboost, then run the benchmark again." >&2
  exit 1
fi

if [ "$(id -u)" = "0" ]; then
  as_root=()
elif command -v sudo >/dev/null 2>&1 && sudo -n true >/dev/null 2>&1; then
  as_root=(sudo -n)
else
  echo "error: $python cannot import scikit-learn and xgboost. Run 'sudo apt-get install -y python3-sklearn python3-xgboost', then run the benchmark again." >&2
  exit 1
fi

echo "Installing python3-sklearn and python3-xgboost with apt-get (the benchmark's peers)..." >&2
(
  flock 9
  if ! has_peers; then
    "${as_root[@]}" apt-get update -qq
    DEBIAN_FRONTEND=noninteractive "${as_root[@]}" apt-get install -y -qq python3-sklearn python3-xgboost >/dev/null
  fi
) 9>"${TMPDIR:-/tmp}/azureml-sdk-apt.lock"

if ! has_peers; then
  echo "error: python3-sklearn and python3-xgboost were installed but $python still cannot import them." >&2
  exit 1
fi
