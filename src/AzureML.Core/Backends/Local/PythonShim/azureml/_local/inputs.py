"""The datasets a local run received, as AzureML.Core describes them in AZUREML_INPUT_DATASETS.

Each input name maps to {type, mechanism, path, name, version, id}; a direct tabular input also has ``rows``
(its CSV file) and ``columns`` ([name, type] pairs). As in azureml, a direct tabular input is a TabularDataset
and every other input (files, mounted or downloaded) is its local path.
"""
import json
import os

VARIABLE = "AZUREML_INPUT_DATASETS"


def descriptions():
    return json.loads(os.environ.get(VARIABLE) or "{}")


def dataset_of(description):
    """The object a script gets for a dataset it looks up: a TabularDataset or a FileDataset."""
    from azureml.data.file_dataset import FileDataset
    from azureml.data.tabular_dataset import TabularDataset

    if description["type"] == "tabular" and "rows" in description:
        return TabularDataset(description)
    return FileDataset(description, folder=description["path"])


def input_datasets():
    """run.input_datasets: name -> TabularDataset for direct tabular inputs, else the path."""
    return {name: dataset_of(d) if d["type"] == "tabular" and d["mechanism"] == "direct" else d["path"]
            for name, d in descriptions().items()}


def find(name=None, version=None, dataset_id=None, store=None):
    """The received dataset registered as ``name`` (``version`` or the latest) or with ``dataset_id``."""
    received = [d for d in descriptions().values() if d.get("name") is not None]
    if dataset_id is not None:
        matches = [d for d in received if d.get("id") == dataset_id]
        wanted = "with id %r" % dataset_id
    else:
        versions = store.dataset_versions(name) if store is not None else []
        number = (max(versions) if versions else None) if version in (None, "latest") else int(version)
        matches = [d for d in received if d["name"] == name and (number is None or d["version"] == number)]
        wanted = "%r (%s)" % (name, "version %s" % number if number is not None else "latest version")
        if not matches and store is not None and not versions:
            registered = store.dataset_names()
            raise ValueError("Dataset %r is not registered in this workspace. Registered datasets: %s."
                             % (name, ", ".join(registered) if registered else "none"))
    if matches:
        return dataset_of(matches[0])
    inputs = ", ".join("%s (%s version %s)" % (n, d.get("name") or "unregistered", d.get("version"))
                       for n, d in sorted(descriptions().items())) or "none"
    raise ValueError(
        "Dataset %s is not an input of this run: a local run reads the datasets it receives. Pass it to the run with "
        "dataset.AsNamedInput(\"<name>\") in the ScriptRunConfig arguments, or in the run configuration's data section. "
        "This run's inputs: %s." % (wanted, inputs))
