"""Helpers for train.py: read the iris measurements from the mounted dataset folder."""
import csv
import os


def find_csv(folder):
    """The first .csv file under folder (a mounted file dataset keeps the files' names)."""
    for root, _, files in os.walk(folder):
        for name in sorted(files):
            if name.endswith(".csv"):
                return os.path.join(root, name)
    raise FileNotFoundError("no .csv file under {}".format(folder))


def load_data(folder):
    """Features (four measurements per flower) and labels (the species) from the dataset's CSV file."""
    with open(find_csv(folder), newline="") as f:
        rows = list(csv.reader(f))
    features = [[float(value) for value in row[:4]] for row in rows[1:]]
    labels = [row[4] for row in rows[1:]]
    return features, labels
