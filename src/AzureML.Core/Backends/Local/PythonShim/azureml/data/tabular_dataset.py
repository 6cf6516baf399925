"""TabularDataset: a direct tabular input of a local run, with azureml's common surface.

AzureML.Core reads the dataset's rows before the run starts (applying the steps recorded on it, with the
column types it inferred or was given) into one CSV file, and describes its columns. This object reads that
file with those types; take, skip, keep_columns, drop_columns and random_split add steps of their own,
applied when the data is read, as azureml does.
"""
import os
import random
import sys

_PANDAS_HINT = (
    "%s needs pandas, which %s (Python %d.%d) cannot import. Install it into that interpreter ('%s -m pip install pandas'%s), "
    "or list pandas in the run's environment so the run gets an interpreter that has it.")


def _pandas(what):
    try:
        import pandas
    except ImportError:
        debian = "; on Debian or Ubuntu 'sudo apt-get install python3-pandas' gives it to /usr/bin/python3" if os.path.exists("/usr/bin/apt-get") else ""
        raise ImportError(_PANDAS_HINT % ((what, sys.executable) + tuple(sys.version_info[:2]) + (sys.executable, debian)))
    return pandas


def _count(count, what):
    if isinstance(count, bool) or not isinstance(count, int) or count < 0:
        raise ValueError("%s takes a row count of 0 or more, got %r." % (what, count))
    return count


def _names(columns, what):
    names = [columns] if isinstance(columns, str) else list(columns)
    if not names or not all(isinstance(n, str) for n in names):
        raise ValueError("%s takes a column name or a list of column names, got %r." % (what, columns))
    return names


class TabularDataset(object):
    """Rows with typed columns; nothing is read until to_pandas_dataframe (or a CSV file) is asked for."""

    def __init__(self, description, steps=()):
        self._description = description
        self._steps = tuple(steps)

    @property
    def name(self):
        """The registered name, or None."""
        return self._description.get("name")

    @property
    def version(self):
        """The registered version, or None."""
        return self._description.get("version")

    @property
    def id(self):
        """The id of the registered version, or None."""
        return self._description.get("id")

    def take(self, count):
        """The first ``count`` rows."""
        return self._with(("take", _count(count, "take")))

    def skip(self, count):
        """Every row after the first ``count``."""
        return self._with(("skip", _count(count, "skip")))

    def keep_columns(self, columns, validate=False):
        """Only the named columns, in the dataset's order."""
        return self._with(("keep_columns", _names(columns, "keep_columns")))

    def drop_columns(self, columns):
        """Every column but the named ones."""
        return self._with(("drop_columns", _names(columns, "drop_columns")))

    def random_split(self, percentage, seed=None):
        """Two datasets: each row goes to the first with probability ``percentage``; the halves never overlap."""
        if isinstance(percentage, bool) or not isinstance(percentage, (int, float)) or not 0 <= percentage <= 1:
            raise ValueError("random_split takes a percentage from 0 to 1, got %r." % (percentage,))
        seed = random.randrange(2 ** 31) if seed is None else seed
        return self._with(("random_split", percentage, seed, True)), self._with(("random_split", percentage, seed, False))

    def to_pandas_dataframe(self, on_error="null", out_of_range_datetime="null"):
        """The rows as a pandas DataFrame, typed as the dataset's columns are (pandas is needed)."""
        pandas = _pandas("to_pandas_dataframe()")
        frame = _read(pandas, self._description)
        for step in self._steps:
            frame = _apply(frame, step)
        return frame.reset_index(drop=True)

    def to_csv_files(self, separator=","):
        """A FileDataset holding these rows as one CSV file, written when it is downloaded."""
        from azureml.data.file_dataset import FileDataset

        def write(folder):
            path = os.path.join(folder, "part-00000.csv")
            self.to_pandas_dataframe().to_csv(path, index=False, sep=separator)
            return ["part-00000.csv"]

        return FileDataset({"name": None, "version": None, "id": None}, writer=write)

    def _with(self, step):
        return TabularDataset(self._description, self._steps + (step,))

    def __repr__(self):
        columns = ", ".join(name for name, _ in self._description.get("columns", []))
        return "TabularDataset(name=%s, version=%s, columns=[%s], steps=%d)" % (self.name, self.version, columns, len(self._steps))


def _read(pandas, description):
    columns = description["columns"]
    frame = pandas.read_csv(description["rows"], dtype=str, keep_default_na=False, na_values=[""], encoding="utf-8")
    for name, kind in columns:
        frame[name] = _typed(pandas, frame[name], kind)
    return frame


def _typed(pandas, values, kind):
    """A column read as text, as its type: whole numbers stay int64 (float64 with missing values, as in pandas)."""
    if kind == "Integer":
        numbers = pandas.to_numeric(values)
        return numbers.astype("int64") if not numbers.isna().any() else numbers.astype("float64")
    if kind == "Float":
        return values.astype("float64")
    if kind == "Boolean":
        return values.map({"True": True, "False": False})
    if kind == "DateTime":
        major = int(pandas.__version__.split(".")[0])
        return pandas.to_datetime(values, format="ISO8601") if major >= 2 else pandas.to_datetime(values)
    return values


def _apply(frame, step):
    operation = step[0]
    if operation == "take":
        return frame.iloc[:step[1]]
    if operation == "skip":
        return frame.iloc[step[1]:]
    if operation in ("keep_columns", "drop_columns"):
        unknown = [n for n in step[1] if n not in frame.columns]
        if unknown:
            raise ValueError("%s: no column %s; the dataset has the columns %s."
                             % (operation, ", ".join(repr(n) for n in unknown), ", ".join(frame.columns)))
        if operation == "keep_columns":
            return frame[[c for c in frame.columns if c in step[1]]]
        return frame.drop(columns=step[1])
    _, percentage, seed, first = step
    chooser = random.Random(seed)
    chosen = [chooser.random() < percentage for _ in range(len(frame))]
    return frame[[c == first for c in chosen]]
