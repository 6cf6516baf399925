"""Local stand-in for the parts of azureml-core that training and scoring scripts use.

AzureML.Core puts this package first on PYTHONPATH for a run when the interpreter has no azureml-core,
so scripts written for azureml-core run unmodified against a local workspace.
"""
