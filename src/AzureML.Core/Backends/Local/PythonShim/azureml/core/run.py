"""Run: the object a training script logs to (azureml.core.Run for local runs)."""
import json
import os
import tempfile
import uuid

from azureml._local import inputs
from azureml._local.metric_fold import fold
from azureml._local.store import LocalStore, to_json_list, to_json_value


class _Workspace(object):
    def __init__(self, name):
        self.name = name

    def __repr__(self):
        return "Workspace.Local(name=%s)" % self.name


class _Experiment(object):
    def __init__(self, name, workspace):
        self.name = name
        self.workspace = workspace

    def __repr__(self):
        return "Experiment(Name: %s)" % self.name


class _Metrics(object):
    """Keeps points in memory (offline), as the store keeps them, for the same fold."""

    def __init__(self):
        self.rows = []

    def add(self, name, kind, value):
        self.rows.append((name, kind, None if value is None else json.dumps(value)))


class Run(object):
    """A run of an experiment. Inside a submitted run, Run.get_context() returns the live run."""

    _context = None

    def __init__(self, store, experiment_name, workspace_name):
        self._store = store
        self.id = store.run_id if store else "OfflineRun_%s" % uuid.uuid4()
        self.experiment = _Experiment(experiment_name, _Workspace(workspace_name))
        self.number = None
        self.parent = None
        self.display_name = os.environ.get("AZUREML_RUN_DISPLAY_NAME") or self.id
        self._input_datasets = None

    @property
    def name(self):
        return self.display_name

    @classmethod
    def get_context(cls, allow_offline=True, used_for_context_manager=False, **kwargs):
        if cls._context is None:
            store = LocalStore.from_environment()
            if store is not None:
                cls._context = Run(store, os.environ.get("AZUREML_EXPERIMENT_NAME", ""),
                                   os.environ.get("AZUREML_ARM_WORKSPACE_NAME", "local"))
            elif allow_offline:
                cls._context = _OfflineRun()
            else:
                raise RuntimeError("Run.get_context(allow_offline=False) was called outside a submitted run "
                                   "(AZUREML_RUN_ID and AZUREML_LOCAL_WORKSPACE are not set).")
        return cls._context

    # logging -----------------------------------------------------------------------------------
    def _log(self, name, kind, value, step=None, description=None):
        self._store.log_metric(name, kind, value, step, description)

    def log(self, name, value, description="", step=None):
        self._log(name, "scalar", to_json_value(value, name), step, description)

    def log_list(self, name, value, description=""):
        self._log(name, "list", to_json_list(value, name), None, description)

    def log_row(self, name, description=None, **kwargs):
        self._log(name, "row", {k: to_json_value(v, name) for k, v in kwargs.items()}, None, description)

    def log_table(self, name, value, description=""):
        self._log(name, "table", {k: to_json_list(v, name) for k, v in value.items()}, None, description)

    def log_image(self, name, path=None, plot=None, description=""):
        if (path is None) == (plot is None):
            raise ValueError("log_image takes exactly one of path or plot")
        temp = None
        if plot is not None:
            handle, temp = tempfile.mkstemp(suffix=".png")
            os.close(handle)
            plot.savefig(temp)
            path = temp
        try:
            artifact = "images/%s/%s%s" % (name, uuid.uuid4().hex, os.path.splitext(path)[1] or ".png")
            self.upload_file(artifact, path)
            self._log(name, "image", artifact, None, description)
        finally:
            if temp:
                os.remove(temp)

    def log_accuracy_table(self, name, value, description=""):
        self.log(name, json.dumps(value), description)

    def log_confusion_matrix(self, name, value, description=""):
        self.log(name, json.dumps(value), description)

    def get_metrics(self, name=None, recursive=False, run_type=None, populate=False):
        return fold(self._store.get_metric_rows(name))

    def flush(self, timeout_seconds=300):
        """Every call is written when it returns; nothing is buffered."""

    # tags and properties -----------------------------------------------------------------------
    def tag(self, key, value=None):
        self.set_tags({key: value})

    def set_tags(self, tags):
        self._store.set_tags(tags)

    def remove_tags(self, tags):
        self._store.remove_tags(tags)

    def get_tags(self):
        return self._store.get_tags()

    @property
    def tags(self):
        return self.get_tags()

    def add_properties(self, properties):
        self._store.add_properties(properties)

    def get_properties(self):
        return self._store.get_properties()

    @property
    def properties(self):
        return self.get_properties()

    def get_status(self):
        return self._store.get_status()

    @property
    def status(self):
        return self.get_status()

    # files -------------------------------------------------------------------------------------
    def upload_file(self, name, path_or_stream, datastore_name=None):
        self._store.upload_file(name, path_or_stream)

    def upload_files(self, names, paths, return_artifacts=False, timeout_seconds=None, datastore_name=None):
        for name, path in zip(names, paths):
            self.upload_file(name, path)

    def upload_folder(self, name, path, datastore_name=None):
        for folder, _, files in os.walk(path):
            for f in sorted(files):
                full = os.path.join(folder, f)
                self.upload_file(name.rstrip("/") + "/" + os.path.relpath(full, path).replace(os.sep, "/"), full)

    def get_file_names(self):
        return self._store.list_files()

    # inputs ------------------------------------------------------------------------------------
    @property
    def input_datasets(self):
        """Input name -> TabularDataset for direct tabular inputs, else the local path (as in azureml)."""
        if self._input_datasets is None:
            self._input_datasets = inputs.input_datasets()
        return self._input_datasets

    # lifecycle ---------------------------------------------------------------------------------
    def complete(self, _set_status=True):
        """A submitted run is completed by its runner when the script exits."""

    def fail(self, error_details=None, error_code=None, _set_status=True):
        """Marks the run failing: it ends Failed with this error when the script exits (the script goes on)."""
        self._store.record_error(error_code or "UserError", str(error_details or "The run was marked failed by the script."))

    def __repr__(self):
        return "Run(Experiment: %s, Id: %s)" % (self.experiment.name, self.id)


class _OfflineRun(Run):
    """Outside a run: keeps what is logged in memory and answers get_metrics, tags and properties."""

    def __init__(self):
        self._metrics = _Metrics()
        self._tags = {}
        self._properties = {}
        self._files = {}
        Run.__init__(self, None, "offline", "offline")

    def _log(self, name, kind, value, step=None, description=None):
        print("Attempted to log %s metric %s:\n%s" % (kind, name, value))
        self._metrics.add(name, kind, value)

    def get_metrics(self, name=None, recursive=False, run_type=None, populate=False):
        return fold([r for r in self._metrics.rows if name is None or r[0] == name])

    def set_tags(self, tags):
        self._tags.update({k: "" if v is None else str(v) for k, v in tags.items()})

    def remove_tags(self, tags):
        for k in tags:
            self._tags.pop(k, None)

    def get_tags(self):
        return dict(self._tags)

    def add_properties(self, properties):
        for k, v in properties.items():
            if k in self._properties and self._properties[k] != str(v):
                raise ValueError("Property %r is already set to %r; properties are immutable once set." % (k, self._properties[k]))
            self._properties[k] = str(v)

    def get_properties(self):
        return dict(self._properties)

    def get_status(self):
        return "Running"

    def fail(self, error_details=None, error_code=None, _set_status=True):
        print("Attempted to mark the run failed: %s" % (error_details or error_code or "no details"))

    def upload_file(self, name, path_or_stream, datastore_name=None):
        print("Attempted to track file %s at %s" % (name, path_or_stream))
        self._files[name] = path_or_stream

    def get_file_names(self):
        return sorted(self._files)
