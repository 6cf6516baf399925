"""Entry script of a no-code scikit-learn deployment on a managed online endpoint.

The model is served by the same scorer a local no-code service uses (scoring_host.py, uploaded beside this
file), so both answer ``{"data": rows}`` with the same ``{"result": ...}`` body and the same 400s.
"""

import json
import os

import scoring_host

_scorer = None


def init():
    global _scorer
    # AZUREML_MODEL_DIR holds the registered files as registered: the model file itself, or its folder.
    root = os.environ["AZUREML_MODEL_DIR"]
    entries = os.listdir(root)
    path = os.path.join(root, entries[0]) if len(entries) == 1 else root
    _scorer = scoring_host.SklearnScorer(path)
    _scorer.init()


def run(raw_data):
    try:
        _, body = _scorer.score(raw_data)
        return json.loads(body)
    except scoring_host.RequestError as error:
        try:
            from azureml.contrib.services.aml_response import AMLResponse
        except ImportError:
            raise ValueError(error.message)
        return AMLResponse(json.dumps({"error": error.message}), error.status)
