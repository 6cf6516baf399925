"""Dataset.get_by_name and get_by_id inside a local run: the datasets the run received as inputs."""
from azureml._local import inputs
from azureml._local.store import LocalStore


class _NotInLocalRun(object):
    def __getattr__(self, name):
        raise RuntimeError(
            "Dataset.Tabular and Dataset.File are not available inside a local run of AzureML.Sdk: create and register "
            "datasets in the program that submits the run, and pass them with dataset.AsNamedInput(\"<name>\").")


class Dataset(object):
    """The azureml.core.Dataset lookups a training script uses."""

    Tabular = _NotInLocalRun()
    File = _NotInLocalRun()

    @staticmethod
    def get_by_name(workspace, name, version="latest"):
        """The registered dataset ``name`` (``version``, or the latest) when this run received it as an input."""
        return inputs.find(name=name, version=version, store=LocalStore.from_environment())

    @staticmethod
    def get_by_id(workspace, id):
        """The registered dataset version ``id`` when this run received it as an input."""
        return inputs.find(dataset_id=id)
