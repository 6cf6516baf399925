

# --- azureml's entry points -----------------------------------------------------------------------------------
# init() loads the model description (model.onnx.json) from AZUREML_MODEL_DIR, wherever the registered files put
# it; run() takes {"data": [{"column": value, ...}, ...]} (or rows as lists in the model's input order), converts
# values as the ONNX scoring service does ("60" -> 60, "false" -> 0, null -> missing) and answers
# {"result": [...]} with labels in the label's own type (plus "probabilities" for classification).

import datetime
import os

_model = None
_DESCRIPTION = "model.onnx.json"


def init():
    global _model
    root = os.getenv("AZUREML_MODEL_DIR", os.path.dirname(os.path.abspath(__file__)))
    for folder, _, files in sorted(os.walk(root)):
        if _DESCRIPTION in files:
            _model = OnnxModel.load(os.path.join(folder, _DESCRIPTION))
            return
    raise FileNotFoundError("No %s under %s: register the run's outputs folder (or model.onnx.json with model.onnx)." % (_DESCRIPTION, root))


def run(raw_data):
    request = json.loads(raw_data) if isinstance(raw_data, (str, bytes, bytearray)) else raw_data
    rows = request.get("data") if isinstance(request, dict) else request
    if not isinstance(rows, list) or not rows:
        raise ValueError("The request must be {\"data\": [rows]} with at least one row.")
    outputs = _model.run(_bind(rows))
    if "output_label" in outputs:
        return {"result": outputs["output_label"].tolist(), "probabilities": outputs["output_probability"].tolist()}
    return {"result": outputs["variable"].reshape(-1).tolist()}


def _bind(rows):
    feeds = {}
    for position, (name, element_type) in enumerate(_model.inputs):
        values = []
        for index, row in enumerate(rows):
            if isinstance(row, dict):
                if name not in row:
                    raise ValueError("Row %d has no column '%s'. The model's columns: %s." % (index, name, ", ".join(n for n, _ in _model.inputs)))
                value = row[name]
            else:
                value = row[position]
            values.append(_convert(value, element_type, index, name))
        dtype = {1: np.float32, 11: np.float64}.get(element_type, object)
        feeds[name] = np.array(values, dtype=dtype).reshape(len(rows), 1)
    return feeds


def _convert(value, element_type, row, column):
    if element_type == 8:
        return "" if value is None else value if isinstance(value, str) else json.dumps(value)
    if value is None:
        return float("nan")
    if isinstance(value, bool):
        return 1.0 if value else 0.0
    if isinstance(value, (int, float)):
        return float(value)
    if isinstance(value, str):
        text = value.strip()
        if text.lower() in ("true", "false"):
            return 1.0 if text.lower() == "true" else 0.0
        try:
            return float(text)
        except ValueError:
            if element_type == 11:
                moment = datetime.datetime.fromisoformat(text.replace("Z", "+00:00"))
                if moment.tzinfo is None:
                    moment = moment.replace(tzinfo=datetime.timezone.utc)
                return float(math.floor(moment.timestamp()))
    raise ValueError("Row %d, column '%s': %s is not a %s." % (row, column, json.dumps(value), "date-time" if element_type == 11 else "number"))
