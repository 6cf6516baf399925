# The entry script of the web service: init() loads the model once, run() scores each request.
import json
import os

import joblib
import numpy as np


def init():
    global model
    # AZUREML_MODEL_DIR is the folder of the deployed model (azureml-models/<name>/<version>).
    model_path = os.path.join(os.getenv("AZUREML_MODEL_DIR"), "sklearn_iris_model.pkl")
    model = joblib.load(model_path)


def run(raw_data):
    data = np.array(json.loads(raw_data)["data"], dtype=float)
    # A JSON-serialisable answer: the predicted species of each row.
    return model.predict(data).tolist()
