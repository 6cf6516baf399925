"""The azureml.core names that scripts import; see azureml/__init__.py."""
from azureml.core.dataset import Dataset
from azureml.core.model import Model
from azureml.core.run import Run


class _NotInLocalRun(object):
    _name = "This class"

    def __init__(self, *args, **kwargs):
        raise RuntimeError(
            "%s is not available inside a local run of AzureML.Sdk: scripts get their run with Run.get_context() "
            "and its experiment and workspace from run.experiment." % self._name)


class Workspace(_NotInLocalRun):
    _name = "azureml.core.Workspace"

    @staticmethod
    def from_config(*args, **kwargs):
        return Workspace()


class Experiment(_NotInLocalRun):
    _name = "azureml.core.Experiment"


__all__ = ["Run", "Model", "Dataset", "Workspace", "Experiment"]
