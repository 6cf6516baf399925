"""Writes a run's metrics, tags, properties and files into the local workspace.

The schema is the one AzureML.Core's LocalSchema creates; every write is its own IMMEDIATE transaction,
so several runs (processes) can log at once and an acknowledged call is on disk.
"""
import datetime
import errno
import json
import math
import numbers
import os
import shutil
import sqlite3
import tempfile
import threading

WORKSPACE_VARIABLE = "AZUREML_LOCAL_WORKSPACE"


def _now():
    return datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


# JSON has no NaN or infinities; they are stored tagged, as AzureML.Core stores them, and read back as floats.
NON_FINITE_TAG = "$number"


def to_json_value(value, name):
    """A logged value as JSON; ints stay ints, NaN and infinities are tagged."""
    if hasattr(value, "item") and not isinstance(value, (list, tuple, dict, str, bytes)):
        try:
            value = value.item()  # numpy scalars
        except (TypeError, ValueError):
            pass
    if value is None or isinstance(value, (bool, str)):
        return value
    if isinstance(value, numbers.Integral):
        return int(value)
    if isinstance(value, numbers.Real):
        value = float(value)
        if math.isnan(value):
            return {NON_FINITE_TAG: "NaN"}
        if math.isinf(value):
            return {NON_FINITE_TAG: "Infinity" if value > 0 else "-Infinity"}
        return value
    raise TypeError(
        "Metric %r got a value of type %s; metrics take numbers, strings, booleans or None" % (name, type(value).__name__))


def to_json_list(values, name):
    if hasattr(values, "tolist"):
        values = values.tolist()
    return [to_json_value(v, name) for v in values]


_NO_HARD_LINKS = {errno.EPERM, errno.ENOTSUP, errno.EOPNOTSUPP, errno.EXDEV, errno.EMLINK, errno.ENOSYS}


def _claim(temp, target, exists_message):
    """Puts temp at target unless target exists, atomically even when several writers race."""
    try:
        os.link(temp, target)
        return
    except FileExistsError:
        raise ValueError(exists_message)
    except OSError as error:
        if error.errno not in _NO_HARD_LINKS:
            raise
    # No hard links on this file system: claim the name exclusively, then move the content over it.
    try:
        os.close(os.open(target, os.O_CREAT | os.O_EXCL | os.O_WRONLY))
    except FileExistsError:
        raise ValueError(exists_message)
    os.replace(temp, target)


class LocalStore(object):
    def __init__(self, root, run_id):
        self.root = root
        self.run_id = run_id
        # One connection per thread and per process: sqlite3 connections may not cross threads, and one
        # inherited through fork() is not safe to use.
        self._local = threading.local()

    @classmethod
    def from_environment(cls):
        root = os.environ.get(WORKSPACE_VARIABLE)
        run_id = os.environ.get("AZUREML_RUN_ID")
        if not root or not run_id:
            return None
        return cls(root, run_id)

    @property
    def artifact_folder(self):
        return os.path.join(self.root, "runs", self.run_id, "artifacts")

    def _connect(self):
        connection = getattr(self._local, "connection", None)
        if connection is None or getattr(self._local, "pid", None) != os.getpid():
            connection = sqlite3.connect(os.path.join(self.root, "workspace.db"), timeout=60, isolation_level=None)
            connection.execute("PRAGMA synchronous = NORMAL")
            connection.execute("PRAGMA foreign_keys = ON")
            self._local.connection = connection
            self._local.pid = os.getpid()
        return connection

    def _write(self, statements, check=None):
        connection = self._connect()
        connection.execute("BEGIN IMMEDIATE")
        try:
            if check is not None:
                check(connection)
            for sql, args in statements:
                connection.execute(sql, args)
            connection.execute("COMMIT")
        except BaseException:
            if connection.in_transaction:
                connection.execute("ROLLBACK")
            raise

    def _read(self, sql, args):
        return self._connect().execute(sql, args).fetchall()

    def log_metric(self, name, kind, value, step=None, description=None):
        text = None if value is None else json.dumps(value)
        self._write([(
            "INSERT INTO metrics (run_id, name, kind, step, value, description, logged_utc) VALUES (?, ?, ?, ?, ?, ?, ?)",
            (self.run_id, name, kind, step, text, description or None, _now()))])

    def set_tags(self, tags):
        self._write([("INSERT OR REPLACE INTO run_tags (run_id, key, value) VALUES (?, ?, ?)",
                      (self.run_id, str(k), "" if v is None else str(v))) for k, v in tags.items()])

    def remove_tags(self, keys):
        self._write([("DELETE FROM run_tags WHERE run_id = ? AND key = ?", (self.run_id, str(k))) for k in keys])

    def get_tags(self):
        return dict(self._read("SELECT key, value FROM run_tags WHERE run_id = ? ORDER BY key", (self.run_id,)))

    def add_properties(self, properties):
        def refuse_changes(connection):
            existing = dict(connection.execute(
                "SELECT key, value FROM run_properties WHERE run_id = ?", (self.run_id,)).fetchall())
            for key, value in properties.items():
                if str(key) in existing and existing[str(key)] != str(value):
                    raise ValueError("Property %r of run %r is already set to %r; properties are immutable once set."
                                     % (key, self.run_id, existing[str(key)]))

        self._write([("INSERT OR IGNORE INTO run_properties (run_id, key, value) VALUES (?, ?, ?)",
                      (self.run_id, str(k), str(v))) for k, v in properties.items()], check=refuse_changes)

    def record_error(self, code, message):
        """Why the run is failing; the runner ends the run Failed with it when the script exits."""
        error = json.dumps({"code": code, "message": message})
        self._write([("UPDATE runs SET error = ? WHERE run_id = ?", (error, self.run_id))])

    def get_properties(self):
        return dict(self._read("SELECT key, value FROM run_properties WHERE run_id = ? ORDER BY key", (self.run_id,)))

    def get_status(self):
        rows = self._read("SELECT status FROM runs WHERE run_id = ?", (self.run_id,))
        return rows[0][0] if rows else None

    def dataset_versions(self, name):
        return [row[0] for row in self._read("SELECT version FROM datasets WHERE name = ? ORDER BY version", (name,))]

    def dataset_names(self):
        return [row[0] for row in self._read("SELECT DISTINCT name FROM datasets ORDER BY name", ())]

    def get_metric_rows(self, name=None):
        return self._read(
            "SELECT name, kind, value FROM metrics WHERE run_id = ? AND (? IS NULL OR name = ?) ORDER BY id",
            (self.run_id, name, name))

    def upload_file(self, name, path_or_stream):
        name = name.replace("\\", "/")
        while name.startswith("./"):
            name = name[2:]
        if name.startswith("/") or ".." in name.split("/"):
            raise ValueError("Artifact name %r must be a relative path inside the run, without '..'" % name)
        target = os.path.join(self.artifact_folder, *name.split("/"))
        if os.path.exists(target):
            raise ValueError("Run %r already has a file %r; artifact names are write-once." % (self.run_id, name))
        folder = os.path.dirname(target)
        os.makedirs(folder, exist_ok=True)
        handle, temp = tempfile.mkstemp(dir=folder, prefix=".upload-")
        try:
            with os.fdopen(handle, "wb") as output:
                if isinstance(path_or_stream, (str, bytes, os.PathLike)):
                    with open(path_or_stream, "rb") as source:
                        shutil.copyfileobj(source, output)
                else:
                    data = path_or_stream.read()
                    output.write(data.encode("utf-8") if isinstance(data, str) else data)
            _claim(temp, target, "Run %r already has a file %r; artifact names are write-once." % (self.run_id, name))
        finally:
            if os.path.exists(temp):
                os.remove(temp)
        return name

    def list_files(self):
        result = []
        for folder, _, files in os.walk(self.artifact_folder):
            for f in files:
                if not f.startswith("."):
                    result.append(os.path.relpath(os.path.join(folder, f), self.artifact_folder).replace(os.sep, "/"))
        return sorted(result)
