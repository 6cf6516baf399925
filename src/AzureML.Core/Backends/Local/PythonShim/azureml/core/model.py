"""Model.get_model_path for scoring scripts: resolves under AZUREML_MODEL_DIR as azureml does."""
import os


class Model(object):
    @staticmethod
    def get_model_path(model_name, version=None, _workspace=None):
        root = os.environ.get("AZUREML_MODEL_DIR")
        if not root:
            raise RuntimeError("Model.get_model_path needs AZUREML_MODEL_DIR, which the scoring host sets.")
        candidates = [os.path.join(root, model_name)] if os.path.isdir(os.path.join(root, model_name)) else []
        if not candidates:
            # One model: AZUREML_MODEL_DIR is ./azureml-models/<name>/<version> itself.
            parts = os.path.normpath(root).split(os.sep)
            if len(parts) >= 2 and parts[-2] == model_name and (version is None or parts[-1] == str(version)):
                return _single_file_or_folder(root)
            raise RuntimeError("Model %r is not deployed with this service (AZUREML_MODEL_DIR=%s)." % (model_name, root))
        model_root = candidates[0]
        versions = sorted((v for v in os.listdir(model_root) if v.isdigit()), key=int)
        if not versions:
            raise RuntimeError("Model %r has no versions under %s." % (model_name, model_root))
        chosen = str(version) if version is not None else versions[-1]
        if chosen not in versions:
            raise RuntimeError("Model %r version %s is not deployed; deployed: %s." % (model_name, chosen, ", ".join(versions)))
        return _single_file_or_folder(os.path.join(model_root, chosen))


def _single_file_or_folder(folder):
    entries = os.listdir(folder)
    if len(entries) == 1:
        return os.path.join(folder, entries[0])
    return folder
