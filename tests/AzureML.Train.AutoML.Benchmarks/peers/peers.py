"""Fits the benchmark's peers — scikit-learn 1.2 and XGBoost with their default settings — on given folds.

Usage: python3 peers.py <request.json>

The request names the CSV file, the label column, the task ("classification" or "regression") and, for every
row, the outer fold it is held out in. For each fold and peer the script fits on the other folds and writes,
as JSON on stdout, the held-out predictions (class probabilities in sorted class order, or values) and the fit
time in seconds (the median of FIT_REPEATS fits). Metrics are computed by the benchmark itself, with the same code
for every model.
Defaults are kept as they are; only random_state is fixed so that runs repeat.
"""

import csv
import json
import sys
import time
import warnings

import numpy as np
from sklearn.ensemble import (ExtraTreesClassifier, ExtraTreesRegressor, GradientBoostingClassifier,
                              GradientBoostingRegressor, HistGradientBoostingClassifier, HistGradientBoostingRegressor,
                              RandomForestClassifier, RandomForestRegressor)
from sklearn.linear_model import LinearRegression, LogisticRegression
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler
from xgboost import XGBClassifier, XGBRegressor

# Each peer is fitted this many times per fold and the median time reported (the fits are identical: fixed seeds),
# as the benchmark times its own LightGBM (LightGbmTiming.Repeats).
FIT_REPEATS = 3


def peers(task):
    if task == "classification":
        return [
            ("StandardScaler+LogisticRegression", lambda: make_pipeline(StandardScaler(), LogisticRegression())),
            ("RandomForest", lambda: RandomForestClassifier(random_state=0)),
            ("ExtraTrees", lambda: ExtraTreesClassifier(random_state=0)),
            ("HistGradientBoosting", lambda: HistGradientBoostingClassifier(random_state=0)),
            ("GradientBoosting", lambda: GradientBoostingClassifier(random_state=0)),
            ("XGBoost", lambda: XGBClassifier(random_state=0)),
        ]
    return [
        ("StandardScaler+LinearRegression", lambda: make_pipeline(StandardScaler(), LinearRegression())),
        ("RandomForest", lambda: RandomForestRegressor(random_state=0)),
        ("ExtraTrees", lambda: ExtraTreesRegressor(random_state=0)),
        ("HistGradientBoosting", lambda: HistGradientBoostingRegressor(random_state=0)),
        ("GradientBoosting", lambda: GradientBoostingRegressor(random_state=0)),
        ("XGBoost", lambda: XGBRegressor(random_state=0)),
    ]


def main():
    with open(sys.argv[1], encoding="utf-8") as handle:
        request = json.load(handle)
    with open(request["csv"], newline="", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    label = request["label"]
    features = [c for c in rows[0].keys() if c != label]
    x = np.array([[float(r[c]) if r[c] != "" else np.nan for c in features] for r in rows])
    raw = [r[label] for r in rows]
    task = request["task"]
    if task == "classification":
        classes = sorted(set(raw), key=lambda v: (float(v), v) if _is_number(v) else (float("inf"), v))
        y = np.array([classes.index(v) for v in raw])
    else:
        classes = None
        y = np.array([float(v) for v in raw])
    folds = np.array(request["folds"])
    results = []
    warnings.filterwarnings("ignore")
    for name, make in peers(task):
        for fold in sorted(set(folds.tolist())):
            train, test = folds != fold, folds == fold
            seconds = []
            for _ in range(FIT_REPEATS):
                model = make()
                start = time.perf_counter()
                model.fit(x[train], y[train])
                seconds.append(time.perf_counter() - start)
            fit_seconds = sorted(seconds)[FIT_REPEATS // 2]
            if task == "classification":
                predictions = model.predict_proba(x[test]).tolist()
            else:
                predictions = model.predict(x[test]).tolist()
            results.append({"peer": name, "fold": int(fold), "fit_seconds": fit_seconds, "predictions": predictions})
    json.dump({"classes": classes, "results": results}, sys.stdout)


def _is_number(value):
    try:
        float(value)
        return True
    except ValueError:
        return False


if __name__ == "__main__":
    main()
