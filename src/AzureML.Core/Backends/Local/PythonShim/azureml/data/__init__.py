"""azureml.data names that scripts use: the datasets a local run receives."""
from azureml.data.file_dataset import FileDataset
from azureml.data.tabular_dataset import TabularDataset

__all__ = ["TabularDataset", "FileDataset"]
