"""Local scoring host for a deployed model: azureml's scoring contract over loopback HTTP.

Usage::

    python scoring_host.py <config.json>

Standard library only, plus the model's own libraries (numpy and joblib for scikit-learn models;
pandas is used when installed). Runs on Python 3.8+.

Configuration (JSON object)
---------------------------
``serviceName``   service name (swagger title, log lines).
``mode``          ``"entryScript"`` (score.py with ``init()``/``run(raw_data)``) or ``"sklearn"`` (no-code).
``host``, ``port``  address to bind; ``port`` 0 picks a free port.
``modelDir``      becomes ``AZUREML_MODEL_DIR`` before the entry script is imported.
``modelPath``     sklearn mode: the ``.joblib``/``.pkl`` file (joblib, falling back to pickle); a folder
                  holding exactly one such file is accepted too.
``entryScript``   entry mode: path of score.py. ``sourceDirectory`` (optional) is prepended to
                  ``sys.path``; the entry script's own folder is on it as well.
``authFile``      optional JSON ``{"hashes": ["<base64 SHA-256 of the UTF-8 key>", ...]}``. When set, every
                  request except ``GET /`` needs ``Authorization: Bearer <key>`` matching one hash, else
                  401. The file is re-read when it changes (mtime, size or inode); a missing or unreadable
                  file denies every request (a half-written file keeps the previous keys).
``maxBodyBytes``  request body limit (default 10 MiB): a larger Content-Length gets 413 without the body
                  being kept (it is read and discarded, up to max(256 MiB, 4 x limit), so clients that send
                  the whole body before reading, like HttpClient, see the 413; beyond that the connection
                  is closed). Chunked bodies are accepted up to the limit, 413 beyond it. A body with
                  neither Content-Length nor chunked encoding gets 411; one not fully sent within 15 seconds
                  gets 408 and the connection is closed (a connection idle for 30 seconds is closed too).
``readyFile``     written atomically as ``{"port": ..., "pid": ...}`` once the model is loaded (entry
                  mode: ``init()`` returned) and the socket is listening. It is left in place on exit.
``failedFile``    written atomically as ``{"error": "Type: message", "traceback": "..."}`` when start-up
                  fails (configuration, model load, import, ``init()``, bind); the process exits with 1.

Routes
------
``GET /``              200 ``Healthy`` (text/plain), never needs a key.
``GET /swagger.json``  OpenAPI 2.0 document (see ``build_swagger``).
``POST /score``        JSON body. Invalid JSON -> 400 ``{"error": "Invalid JSON: ..."}``: bytes that are not
                       UTF-8, ``NaN``/``Infinity`` literals, nesting deeper than the recursion limit, a
                       string escaping half of a surrogate pair.

Entry mode: ``run(raw_data)`` receives the body as a ``str``; the answer is ``json.dumps(result)`` (a
``str`` result therefore becomes a JSON string, as azureml does). numpy arrays/scalars and pandas
objects in the result are converted to plain JSON values. An exception from ``run`` -> 500
``{"error": "Type: message"}``, as azureml's inference server answers it: the traceback (with the paths of
the host and the script) goes to the log only. The server keeps serving. ``init()`` is optional,
``run`` is required. ``run`` may be called concurrently.

sklearn mode (no-code): body ``{"data": rows, "method": "predict" | "predict_proba"}`` (method optional,
default ``predict``). ``rows`` is a non-empty list of either lists (positional) or objects (named
columns; ordered by the model's ``feature_names_in_`` when it has them, extra keys ignored, else by the
first row's keys). Values are coerced to float: numbers as they are, booleans and the strings
``"true"``/``"false"`` (any case) -> 1/0, numeric strings -> float; ``null`` and ``"NaN"`` are a missing
value (NaN) for a model whose ``allow_nan`` tag says it takes them (a pipeline that imputes), else 400;
a number beyond float64 (``1e999999``) and infinities -> 400; anything else -> 400 naming row, column and
value, as the .NET host answers the same values. Shape problems and a
feature count differing from ``n_features_in_`` -> 400. A ``ValueError`` raised by the model itself
(sklearn's input validation) -> 400; any other model error -> 500.

Response: ``{"result": [labels]}`` with labels in their own JSON type (ints stay ints, strings stay
strings, booleans stay booleans). **Choice:** whenever the model has a usable ``predict_proba``, the
response also carries ``"probabilities": [[...], ...]`` (one row per input row, columns in the order
of ``"classes"``) and ``"classes": [...]`` (the model's ``classes_``). With ``"method": "predict_proba"``
``result`` is the probability rows as well. ``predict_proba`` on a model without it -> 400.

Anything else -> 404 ``{"error": ...}``; a known path with the wrong method -> 405 with ``Allow``.

Logging: one line per request and per lifecycle event on stdout, in azmlinfsrv's format
``<UTC time> | <level letter> [<pid>] <logger> - <message>``; keys are never logged.
SIGTERM/SIGINT stop the server cleanly (exit code 0).
"""

import base64
import datetime
import hashlib
import hmac
import http.server
import importlib.util
import json
import math
import os
import pickle
import signal
import socket
import sys
import threading
import time
import traceback
import uuid
import warnings

DEFAULT_MAX_BODY_BYTES = 10 * 1024 * 1024
BODY_DEADLINE_SECONDS = 15  # over loopback a whole body takes milliseconds; one still arriving after this is stalled
MIN_DRAIN_BYTES = 256 * 1024 * 1024
LOGGER = "azmlinfsrv"
ACCESS_LOGGER = "azmlinfsrv.access"
USER_LOGGER = "azmlinfsrv.user_script"

_log_lock = threading.Lock()


# ---------------------------------------------------------------------------------------------
# Logging and small file helpers
# ---------------------------------------------------------------------------------------------

def log(level, message, logger=LOGGER):
    """Write one azmlinfsrv-style log line (``level`` is I, W or E) to stdout and flush."""
    now = datetime.datetime.now(datetime.timezone.utc)
    stamp = now.strftime("%Y-%m-%d %H:%M:%S") + ",%03d" % (now.microsecond // 1000)
    line = "%s | %s [%d] %s - %s\n" % (stamp, level, os.getpid(), logger, message)
    with _log_lock:
        sys.stdout.write(line)
        sys.stdout.flush()


def write_json_atomically(path, value):
    """Write ``value`` as JSON to ``path`` through a temporary sibling and ``os.replace``.

    The sibling is named as AzureML.Core's FileWriting names its own (``.<name>.<pid>-<start ticks>.<token>.tmp``),
    so a sweep can tell it from a live writer's and remove it if this process is killed mid-write.
    """
    folder, name = os.path.split(os.path.abspath(path))
    temp = os.path.join(folder, ".%s.%d-%d.%s.tmp" % (name, os.getpid(), process_start_ticks(), uuid.uuid4().hex))
    try:
        with open(temp, "w", encoding="utf-8") as handle:
            json.dump(value, handle)
        os.replace(temp, path)
    finally:
        if os.path.exists(temp):
            os.remove(temp)


def process_start_ticks():
    """This process's start time in clock ticks since boot (field 22 of /proc/self/stat); 0 where unavailable."""
    try:
        with open("/proc/self/stat", "r") as handle:
            stat = handle.read()
        return int(stat[stat.rindex(")") + 2:].split(" ")[19])
    except (OSError, ValueError, IndexError):
        return 0


def describe_exception(error):
    """Return ``"Type: message"`` for an exception."""
    return "%s: %s" % (type(error).__name__, error)


# ---------------------------------------------------------------------------------------------
# JSON conversion of model outputs
# ---------------------------------------------------------------------------------------------

def to_json_value(value):
    """Convert numpy/pandas values (recursively) into plain JSON-serialisable Python values.

    JSON has no NaN or infinities; they become null, as the .NET host writes them.
    """
    if isinstance(value, float) and (value != value or value in (float("inf"), float("-inf"))):
        return None
    if value is None or isinstance(value, (bool, int, float, str)):
        return value
    if isinstance(value, dict):
        return {str(k): to_json_value(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [to_json_value(v) for v in value]
    to_dict = getattr(value, "to_dict", None)
    if callable(to_dict) and hasattr(value, "columns"):  # pandas DataFrame
        return to_json_value(to_dict(orient="records"))
    tolist = getattr(value, "tolist", None)
    if callable(tolist):  # numpy arrays and scalars, pandas Series
        return to_json_value(tolist())
    item = getattr(value, "item", None)
    if callable(item):
        return to_json_value(item())
    if isinstance(value, bytes):
        return value.decode("utf-8", "replace")
    raise TypeError("Object of type %s is not JSON serializable" % type(value).__name__)


def dumps(value):
    """Serialise a result to JSON, converting numpy/pandas values first."""
    return json.dumps(to_json_value(value))


# ---------------------------------------------------------------------------------------------
# Request errors
# ---------------------------------------------------------------------------------------------

class RequestError(Exception):
    """A problem with the request that the client must fix; carries the HTTP status."""

    def __init__(self, status, message):
        super().__init__(message)
        self.status = status
        self.message = message


class OutOfRangeNumber(float):
    """A JSON number literal beyond float64's range (Python reads it as an infinity), keeping the literal for messages."""

    def __new__(cls, literal):
        number = super().__new__(cls, float(literal))
        number.literal = literal
        return number


def read_number(literal):
    """``parse_float`` for ``json.loads``: a float, or an OutOfRangeNumber for a literal such as ``1e999999``."""
    number = float(literal)
    return number if math.isfinite(number) else OutOfRangeNumber(literal)


def refuse_constant(name):
    """``parse_constant`` for ``json.loads``: NaN and Infinity are JavaScript, not JSON (the .NET host refuses them too)."""
    raise ValueError("%s is not a JSON value; send a number, or null for a missing value" % name)


UNPAIRED_SURROGATE = "it holds half of a surrogate pair (an escape such as \\ud800 without its \\udc00-\\udfff partner)"


def find_unpaired_surrogate(value):
    """Return a string (a member name or value) of ``value`` holding a lone surrogate, or None. Iterative: ``value``
    may nest as deep as the parser allowed."""
    pending = [value]
    while pending:
        item = pending.pop()
        if isinstance(item, str):
            if any("\ud800" <= char <= "\udfff" for char in item):
                return item
        elif isinstance(item, list):
            pending.extend(item)
        elif isinstance(item, dict):
            pending.extend(item.keys())
            pending.extend(item.values())
    return None


def parse_json_body(raw):
    """Decode the body bytes to ``(text, value)``; raise RequestError 400 when it is not JSON, naming the problem.

    Beyond ``json.loads``: NaN/Infinity literals are refused, nesting deeper than the interpreter's recursion limit
    is a 400 (not a RecursionError), and so is a string escaping half of a surrogate pair (JSON text must be
    Unicode; the .NET host refuses it alike).
    """
    try:
        text = raw.decode("utf-8")
        value = json.loads(text, parse_float=read_number, parse_constant=refuse_constant)
    except UnicodeDecodeError as error:
        raise RequestError(400, "Invalid JSON: the body is not UTF-8 text (the byte 0x%02X at offset %d %s); send the JSON encoded as UTF-8."
                           % (error.object[error.start], error.start, error.reason))
    except RecursionError:
        raise RequestError(400, "Invalid JSON: the body nests arrays or objects more than about %d levels deep." % sys.getrecursionlimit())
    except ValueError as error:
        raise RequestError(400, "Invalid JSON: %s" % error)
    if "\\u" in text:  # a lone surrogate can only arrive escaped: the UTF-8 decoding refuses encoded ones
        bad = find_unpaired_surrogate(value)
        if bad is not None:
            raise RequestError(400, "Invalid JSON: the string %s is not valid Unicode text: %s." % (shorten(json.dumps(bad)), UNPAIRED_SURROGATE))
    return text, value


def shorten(text, limit=60):
    """``text`` cut to ``limit`` characters for an error message."""
    return text if len(text) <= limit else text[:limit - 3] + "..."


# ---------------------------------------------------------------------------------------------
# Swagger helpers
# ---------------------------------------------------------------------------------------------

def schema_of(value):
    """Infer a JSON (swagger 2.0) schema from a sample JSON value."""
    if isinstance(value, bool):
        return {"type": "boolean"}
    if isinstance(value, int):
        return {"type": "integer"}
    if isinstance(value, float):
        return {"type": "number"}
    if isinstance(value, str):
        return {"type": "string"}
    if isinstance(value, list):
        schema = {"type": "array"}
        if value:
            schema["items"] = schema_of(value[0])
        return schema
    if isinstance(value, dict):
        return {"type": "object", "properties": {k: schema_of(v) for k, v in value.items()}}
    return {}


def with_example(schema, example):
    """Return a copy of ``schema`` carrying ``example``."""
    result = dict(schema)
    result["example"] = example
    return result


def build_swagger(service_name, input_schema, output_schema, auth_enabled):
    """Assemble the OpenAPI 2.0 document around the input and output schemas."""
    score_parameters = [{
        "name": "serviceInputPayload",
        "in": "body",
        "description": "The input payload for executing the real-time machine learning service.",
        "required": True,
        "schema": {"$ref": "#/definitions/ServiceInput"},
    }]
    score = {
        "description": "Run web service's model and get the prediction output",
        "operationId": "RunMLService",
        "parameters": score_parameters,
        "responses": {
            "200": {"description": "The service processed the input correctly and provided a result prediction, if applicable.",
                    "schema": {"$ref": "#/definitions/ServiceOutput"}},
            "default": {"description": "The service failed to execute due to an error.",
                        "schema": {"$ref": "#/definitions/ErrorResponse"}},
        },
    }
    document = {
        "swagger": "2.0",
        "info": {"title": service_name, "description": "API specification for the Azure Machine Learning service %s" % service_name,
                 "version": "1.0"},
        "schemes": ["http"],
        "consumes": ["application/json"],
        "produces": ["application/json"],
        "paths": {
            "/": {"get": {"description": "Simple health check endpoint to ensure the service is up at any given point.",
                          "operationId": "ServiceHealthCheck",
                          "produces": ["text/plain"],
                          "responses": {"200": {"description": "If service is up and running, this response will be returned with the content 'Healthy'",
                                                "schema": {"type": "string"}, "examples": {"text/plain": "Healthy"}}}}},
            "/score": {"post": score},
        },
        "definitions": {
            "ServiceInput": input_schema,
            "ServiceOutput": output_schema,
            "ErrorResponse": {"type": "object", "properties": {"error": {"type": "string"}}},
        },
    }
    if auth_enabled:
        document["securityDefinitions"] = {"Bearer": {
            "type": "apiKey", "name": "Authorization", "in": "header",
            "description": "For example: Bearer abc123"}}
        score["security"] = [{"Bearer": []}]
    return document


# ---------------------------------------------------------------------------------------------
# Entry script scorer
# ---------------------------------------------------------------------------------------------

class EntryScriptScorer(object):
    """Imports score.py, calls ``init()`` once and ``run(raw_data)`` per request."""

    def __init__(self, entry_script, source_directory):
        self.entry_script = os.path.abspath(entry_script)
        self.module = self._import(self.entry_script, source_directory)
        self.run = getattr(self.module, "run", None)
        if not callable(self.run):
            raise AttributeError("The entry script %s does not define run(raw_data)." % self.entry_script)

    @staticmethod
    def _import(path, source_directory):
        """Import the entry script as a module named after its file."""
        script_dir = os.path.dirname(path)
        for folder in (script_dir, source_directory):
            if folder and os.path.abspath(folder) not in sys.path:
                sys.path.insert(0, os.path.abspath(folder))
        name = os.path.splitext(os.path.basename(path))[0]
        spec = importlib.util.spec_from_file_location(name, path)
        if spec is None or spec.loader is None:
            raise ImportError("Cannot import the entry script %s." % path)
        module = importlib.util.module_from_spec(spec)
        sys.modules[name] = module
        spec.loader.exec_module(module)
        return module

    def init(self):
        """Call the script's ``init()`` when it defines one."""
        init = getattr(self.module, "init", None)
        if callable(init):
            log("I", "Calling the entry script's init()", USER_LOGGER)
            init()
            log("I", "init() finished", USER_LOGGER)
        else:
            log("W", "The entry script defines no init(); continuing", USER_LOGGER)

    def score(self, raw):
        """Return ``(status, body)`` for one request body."""
        text, _ = parse_json_body(raw)
        try:
            result = self.run(text)
            return 200, dumps(result)
        except Exception as error:  # the user's run(): report it, keep serving
            log("E", "run() failed: %s\n%s" % (describe_exception(error), traceback.format_exc().rstrip()), USER_LOGGER)
            return 500, json.dumps({"error": describe_exception(error)})

    def swagger(self, service_name, auth_enabled):
        """Swagger from the module's ``input_sample``/``output_sample`` globals, else generic."""
        input_schema = {"type": "object", "description": "The JSON body passed to run(raw_data)."}
        output_schema = {"description": "The JSON-serialised return value of run(raw_data)."}
        if hasattr(self.module, "input_sample"):
            sample = to_json_value(self.module.input_sample)
            if not isinstance(sample, dict):
                sample = {"data": sample}
            input_schema = with_example(schema_of(sample), sample)
        if hasattr(self.module, "output_sample"):
            sample = to_json_value(self.module.output_sample)
            output_schema = with_example(schema_of(sample), sample)
        return build_swagger(service_name, input_schema, output_schema, auth_enabled)


# ---------------------------------------------------------------------------------------------
# scikit-learn (no-code) scorer
# ---------------------------------------------------------------------------------------------

FLOAT64_MAX = sys.float_info.max


def coerce_number(value, row_index, column, allow_nan):
    """Coerce one cell to a finite float (or NaN for a missing value when the model takes them), or raise
    RequestError 400 naming row, column and value, as the .NET host does."""
    where = "row %d, column %s" % (row_index, column)
    if isinstance(value, bool):
        return 1.0 if value else 0.0
    if isinstance(value, OutOfRangeNumber):
        raise RequestError(400, "%s: %s is out of range for the model's float64 input (largest magnitude %r)." % (where, shorten(value.literal), FLOAT64_MAX))
    if isinstance(value, int):
        try:
            return float(value)
        except OverflowError:
            raise RequestError(400, "%s: %s is out of range for the model's float64 input (largest magnitude %r)." % (where, shorten(str(value)), FLOAT64_MAX))
    if isinstance(value, float):
        return value
    if value is None:
        return missing_value("null", where, allow_nan)
    if isinstance(value, str):
        text = value.strip()
        lowered = text.lower()
        if lowered == "true":
            return 1.0
        if lowered == "false":
            return 0.0
        try:
            number = float(text)
        except ValueError:
            number = None
        if number is not None:
            if math.isnan(number):
                return missing_value(json.dumps(value), where, allow_nan)
            if math.isinf(number):
                if any(char.isdigit() for char in text):
                    raise RequestError(400, "%s: %s is out of range for the model's float64 input (largest magnitude %r)." % (where, shorten(json.dumps(value)), FLOAT64_MAX))
                raise RequestError(400, "%s: %s is not a finite number; infinities are not accepted." % (where, json.dumps(value)))
            return number
    raise RequestError(400, "%s: cannot convert %s to a number" % (where, describe_cell(value)))


def missing_value(shown, where, allow_nan):
    """NaN for a missing value when the model takes them (scikit-learn's ``allow_nan`` tag), else RequestError 400."""
    if allow_nan:
        return math.nan
    raise RequestError(400, "%s: %s is a missing value, which this model does not take (it has no allow_nan tag, as an imputer "
                            "would give it); send a number." % (where, shown))


def describe_cell(value):
    """A cell for an error message: nested values are named by kind, others shown as JSON, cut short."""
    if isinstance(value, (list, dict)):
        return json_type_name(value)
    return shorten(json.dumps(value))


def accepts_missing_values(model):
    """True when the estimator declares it takes NaN inputs (scikit-learn's ``allow_nan`` tag; a pipeline takes its first step's)."""
    steps = getattr(model, "steps", None)
    if isinstance(steps, list) and steps and isinstance(steps[0], tuple) and len(steps[0]) == 2:
        # Pipelines before scikit-learn 1.3 do not pass their first step's tag on.
        first = steps[0][1]
        if first not in (None, "passthrough"):
            return accepts_missing_values(first)
    try:
        from sklearn.utils import get_tags  # scikit-learn >= 1.6
        return bool(get_tags(model).input_tags.allow_nan)
    except Exception:
        pass
    get_old_tags = getattr(model, "_get_tags", None)
    if callable(get_old_tags):
        try:
            return bool(get_old_tags().get("allow_nan", False))
        except Exception:
            return False
    return False


def json_type_name(value):
    """The JSON name of a parsed value's type, with an article (for error messages)."""
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, (int, float)):
        return "a number"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "an object"
    return "null"


def describe_mixed_rows(data):
    """Explain why ``data`` is neither all lists nor all objects."""
    first = data[0]
    if not isinstance(first, (list, dict)):
        return "row 0 is %s; every row must be a list of values or an object of named columns." % json_type_name(first)
    bad = next(i for i, row in enumerate(data) if not isinstance(row, type(first)))
    return ("Rows must be all lists (positional values) or all objects (named columns); row 0 is %s, row %d is %s."
            % (json_type_name(first), bad, json_type_name(data[bad])))


def resolve_model_file(model_path):
    """Return the model file: ``model_path`` itself, or the single .joblib/.pkl file in that folder."""
    if not os.path.isdir(model_path):
        return model_path
    candidates = sorted(name for name in os.listdir(model_path)
                        if name.lower().endswith((".joblib", ".pkl", ".pickle", ".sav")))
    if len(candidates) != 1:
        raise FileNotFoundError("Expected one .joblib or .pkl file in %s, found %d." % (model_path, len(candidates)))
    return os.path.join(model_path, candidates[0])


def load_model(model_path):
    """Load a pickled model with joblib, falling back to pickle."""
    path = resolve_model_file(model_path)
    try:
        import joblib
    except ImportError:
        joblib = None
    if joblib is not None:
        try:
            return joblib.load(path)
        except Exception as joblib_error:
            try:
                with open(path, "rb") as handle:
                    return pickle.load(handle)
            except Exception:
                raise joblib_error
    with open(path, "rb") as handle:
        return pickle.load(handle)


class SklearnScorer(object):
    """Serves a fitted scikit-learn estimator without an entry script."""

    METHODS = ("predict", "predict_proba")

    def __init__(self, model_path):
        import numpy  # the model's own dependency
        self.numpy = numpy
        try:
            import pandas
        except ImportError:
            pandas = None
        self.pandas = pandas
        # Feature names are applied through pandas when available; without it, arrays are expected.
        warnings.filterwarnings("ignore", message="X does not have valid feature names")
        self.model = load_model(model_path)
        if not callable(getattr(self.model, "predict", None)):
            raise TypeError("The model loaded from %s (%s) has no predict method." % (model_path, type(self.model).__name__))
        names = getattr(self.model, "feature_names_in_", None)
        self.feature_names = [str(n) for n in names] if names is not None else None
        count = getattr(self.model, "n_features_in_", None)
        self.n_features = int(count) if count is not None else (len(self.feature_names) if self.feature_names else None)
        self.has_proba = callable(getattr(self.model, "predict_proba", None))
        classes = getattr(self.model, "classes_", None)
        self.classes = to_json_value(classes) if classes is not None else None
        self.allow_nan = accepts_missing_values(self.model)

    def init(self):
        """Nothing to do: the model is loaded in the constructor."""
        log("I", "Loaded %s with %s features" % (type(self.model).__name__, self.n_features if self.n_features is not None else "an unknown number of"))

    # -- request parsing --------------------------------------------------------------------

    def parse_request(self, body):
        """Validate the body and return ``(matrix rows, method)``."""
        if not isinstance(body, dict) or "data" not in body:
            raise RequestError(400, 'The body must be a JSON object with a "data" field holding a list of rows.')
        method = body.get("method", "predict")
        if method not in self.METHODS:
            raise RequestError(400, '"method" must be "predict" or "predict_proba", got %s.' % json.dumps(method))
        if method == "predict_proba" and not self.has_proba:
            raise RequestError(400, "The model (%s) has no predict_proba." % type(self.model).__name__)
        data = body["data"]
        if not isinstance(data, list):
            raise RequestError(400, '"data" must be a list of rows, got %s.' % type(data).__name__)
        if not data:
            raise RequestError(400, '"data" is empty: send at least one row.')
        if all(isinstance(row, list) for row in data):
            rows = self._positional_rows(data)
        elif all(isinstance(row, dict) for row in data):
            rows = self._named_rows(data)
        else:
            raise RequestError(400, describe_mixed_rows(data))
        if self.n_features is not None and len(rows[0]) != self.n_features:
            raise RequestError(400, "The model expects %d features, got %d." % (self.n_features, len(rows[0])))
        return rows, method

    def _positional_rows(self, data):
        """Coerce positional rows; every row must have the first row's length."""
        width = len(data[0])
        if width == 0:
            raise RequestError(400, "row 0 is empty.")
        rows = []
        for i, row in enumerate(data):
            if len(row) != width:
                raise RequestError(400, "Rows have different lengths: row 0 has %d values, row %d has %d." % (width, i, len(row)))
            rows.append([coerce_number(value, i, j, self.allow_nan) for j, value in enumerate(row)])
        return rows

    def _named_rows(self, data):
        """Coerce named-column rows in the model's feature order (else the first row's key order)."""
        columns = self.feature_names if self.feature_names is not None else list(data[0].keys())
        if not columns:
            raise RequestError(400, "row 0 has no columns.")
        rows = []
        for i, row in enumerate(data):
            values = []
            for column in columns:
                if column not in row:
                    raise RequestError(400, 'row %d is missing column "%s".' % (i, column))
                values.append(coerce_number(row[column], i, '"%s"' % column, self.allow_nan))
            rows.append(values)
        return rows

    # -- prediction ---------------------------------------------------------------------------

    def _matrix(self, rows):
        """Build the model input: a DataFrame with feature names when pandas is present, else an array."""
        array = self.numpy.asarray(rows, dtype=float)
        if self.pandas is not None and self.feature_names is not None:
            return self.pandas.DataFrame(array, columns=self.feature_names)
        return array

    def score(self, raw):
        """Return ``(status, body)`` for one request body."""
        _, body = parse_json_body(raw)
        rows, method = self.parse_request(body)
        features = self._matrix(rows)
        try:
            response = {}
            probabilities = to_json_value(self.model.predict_proba(features)) if self.has_proba else None
            if method == "predict_proba":
                response["result"] = probabilities
            else:
                response["result"] = to_json_value(self.model.predict(features))
            if probabilities is not None:
                response["probabilities"] = probabilities
                if self.classes is not None:
                    response["classes"] = self.classes
            return 200, json.dumps(response)
        except ValueError as error:
            raise RequestError(400, "The model rejected the input: %s" % error)

    def swagger(self, service_name, auth_enabled):
        """Swagger describing rows of ``n_features_in_`` numbers (named when the model knows names)."""
        if self.feature_names is not None:
            row_schema = {"type": "object",
                          "properties": {name: {"type": "number"} for name in self.feature_names},
                          "required": list(self.feature_names),
                          "description": "Named columns; positional arrays of %d numbers in this order are accepted too."
                                         % len(self.feature_names)}
            example_row = {name: 0.0 for name in self.feature_names}
        else:
            row_schema = {"type": "array", "items": {"type": "number"}}
            if self.n_features is not None:
                row_schema["minItems"] = row_schema["maxItems"] = self.n_features
            example_row = [0.0] * (self.n_features or 1)
        input_schema = {
            "type": "object",
            "required": ["data"],
            "properties": {
                "data": {"type": "array", "items": row_schema, "minItems": 1},
                "method": {"type": "string", "enum": list(self.METHODS) if self.has_proba else ["predict"], "default": "predict"},
            },
            "example": {"data": [example_row]},
        }
        label_schema = schema_of(self.classes[0]) if self.classes else {}
        properties = {"result": {"type": "array", "items": label_schema}}
        if self.has_proba:
            properties["probabilities"] = {"type": "array", "items": {"type": "array", "items": {"type": "number"}}}
            properties["classes"] = {"type": "array", "items": label_schema}
        output_schema = {"type": "object", "properties": properties}
        if self.classes:
            output_schema["example"] = {"result": [self.classes[0]]}
        return build_swagger(service_name, input_schema, output_schema, auth_enabled)


# ---------------------------------------------------------------------------------------------
# Key authentication
# ---------------------------------------------------------------------------------------------

class KeyAuthenticator(object):
    """Checks ``Authorization: Bearer <key>`` against hashed keys, re-reading the file when it changes."""

    def __init__(self, path):
        self.path = path
        self._lock = threading.Lock()
        self._signature = None
        self._hashes = []
        self._refresh()

    def _refresh(self):
        """Reload the hashes when the file's mtime, size or inode changed."""
        try:
            stat = os.stat(self.path)
        except OSError:
            with self._lock:
                self._signature, self._hashes = None, []
            return
        signature = (stat.st_mtime_ns, stat.st_size, stat.st_ino)
        if signature == self._signature:
            return
        with self._lock:
            if signature == self._signature:
                return
            try:
                with open(self.path, "r", encoding="utf-8") as handle:
                    hashes = json.load(handle)["hashes"]
                self._hashes = [str(h).encode("ascii") for h in hashes]
                self._signature = signature
                log("I", "Loaded %d service key hash(es)" % len(self._hashes))
            except (OSError, ValueError, KeyError, TypeError, UnicodeError) as error:
                # Probably caught mid-write: keep the previous keys and look again next request.
                log("W", "Could not read the key file: %s" % describe_exception(error))

    def is_authorized(self, header):
        """True when ``header`` is ``Bearer <key>`` and the key's hash matches a configured hash."""
        self._refresh()
        if not header:
            return False
        scheme, _, key = header.strip().partition(" ")
        if scheme.lower() != "bearer" or not key.strip():
            return False
        digest = base64.b64encode(hashlib.sha256(key.strip().encode("utf-8")).digest())
        matched = False
        for expected in self._hashes:
            matched |= hmac.compare_digest(digest, expected)
        return matched


# ---------------------------------------------------------------------------------------------
# HTTP layer
# ---------------------------------------------------------------------------------------------

class ScoringServer(http.server.ThreadingHTTPServer):
    """Threaded HTTP/1.1 server holding the scorer and the service settings.

    Requests are read and scored only while holding one of a few scoring places (about one per core; the
    interpreter runs one thread at a time anyway), so what large or malformed requests make the process hold
    at once (bodies, parsed documents, row lists) is bounded, and with it the memory the process keeps.
    """

    daemon_threads = True
    request_queue_size = 128

    def __init__(self, address, scorer, settings):
        self.scorer = scorer
        self.scoring_places = threading.BoundedSemaphore(max(2, os.cpu_count() or 1))
        self.service_name = settings["serviceName"]
        self.max_body_bytes = settings["maxBodyBytes"]
        self.authenticator = settings["authenticator"]
        self._swagger = None
        super().__init__(address, ScoringRequestHandler)

    def swagger_json(self):
        """The swagger document, built once."""
        if self._swagger is None:
            document = self.scorer.swagger(self.service_name, self.authenticator is not None)
            self._swagger = json.dumps(document, indent=2)
        return self._swagger


class ScoringRequestHandler(http.server.BaseHTTPRequestHandler):
    """Routes ``GET /``, ``GET /swagger.json`` and ``POST /score``."""

    protocol_version = "HTTP/1.1"
    server_version = "AzureMLScoringHost/1.0"
    timeout = 30  # a connection idle (between requests, or stalled mid-request) for half a minute is closed
    # Headers and body go out in separate writes; without TCP_NODELAY, Nagle's algorithm holds the body
    # back until the client's delayed ACK (~40 ms per keep-alive request).
    disable_nagle_algorithm = True
    ROUTES = {"/": "GET", "/swagger.json": "GET", "/score": "POST"}

    def log_message(self, format, *args):
        """Silence BaseHTTPRequestHandler's own access log (we write our own)."""

    def log_error(self, format, *args):
        """Route protocol errors to the service log."""
        log("W", "%s - %s" % (self.address_string(), format % args), ACCESS_LOGGER)

    # -- responses --------------------------------------------------------------------------

    def _send(self, status, body, content_type="application/json", extra_headers=None):
        """Send a complete response with Content-Length (keep-alive friendly) and log it."""
        payload = body.encode("utf-8")
        self.send_response(status)
        self.send_header("Content-Type", content_type + "; charset=utf-8")
        self.send_header("Content-Length", str(len(payload)))
        for name, value in (extra_headers or {}).items():
            self.send_header(name, value)
        if self.close_connection:
            self.send_header("Connection", "close")
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(payload)
        elapsed = (time.perf_counter() - self._started) * 1000.0
        log("I", "%s %s %d %.2fms" % (self.command, self.path, status, elapsed), ACCESS_LOGGER)

    def _send_error_json(self, status, message, extra_headers=None):
        """Send ``{"error": message}``."""
        self._send(status, json.dumps({"error": message}), extra_headers=extra_headers)

    # -- request plumbing ---------------------------------------------------------------------

    def _route(self):
        """Return the path without its query string."""
        return self.path.split("?", 1)[0]

    def _check_method(self, method):
        """Answer 404/405 and return False when ``method`` on this path is not served."""
        expected = self.ROUTES.get(self._route())
        if expected is None:
            self._discard_body()
            self._send_error_json(404, "Not found: %s %s" % (method, self._route()))
            return False
        if expected != method:
            self._discard_body()
            self._send_error_json(405, "Method %s is not allowed on %s; use %s." % (method, self._route(), expected),
                                  extra_headers={"Allow": expected})
            return False
        return True

    def _authorized(self):
        """Answer 401 and return False when keys are required and the request lacks a valid one."""
        authenticator = self.server.authenticator
        if authenticator is None or authenticator.is_authorized(self.headers.get("Authorization")):
            return True
        self._discard_body()
        self._send_error_json(401, "Missing or invalid key: send 'Authorization: Bearer <key>' with a key of this service.",
                              extra_headers={"WWW-Authenticate": "Bearer"})
        return False

    def _discard_body(self):
        """Skip an unread body (see ``_drain``) so the connection can be reused; otherwise close it."""
        length = self.headers.get("Content-Length")
        if length and length.strip().isdigit():
            self._drain(int(length))
        elif length or self.headers.get("Transfer-Encoding"):
            self.close_connection = True

    def _read_body(self):
        """Read the request body within the configured limit (RequestError 411/413/400 otherwise)."""
        limit = self.server.max_body_bytes
        if "chunked" in self.headers.get("Transfer-Encoding", "").lower():
            return self._read_chunked(limit)
        length = self.headers.get("Content-Length")
        if length is None:
            self.close_connection = True
            raise RequestError(411, "A Content-Length header (or chunked transfer encoding) is required.")
        if not length.strip().isdigit():
            self.close_connection = True
            raise RequestError(400, "Invalid Content-Length: %s" % length)
        size = int(length)
        if size > limit:
            self._drain(size)
            raise RequestError(413, "The request body is %d bytes; the limit is %d bytes." % (size, limit))
        return self._receive(size)

    def _receive(self, size):
        """Read ``size`` body bytes as they arrive. A client that has not sent them by the request's deadline gets
        408, one that hangs up part-way 400; either way the connection is closed."""
        parts, remaining = [], size
        while remaining > 0:
            if time.monotonic() > self._deadline:
                self.close_connection = True
                raise RequestError(408, "The request body did not arrive within %d seconds; the connection is closed." % BODY_DEADLINE_SECONDS)
            self._wait_no_longer_than_the_deadline()
            chunk = self.rfile.read1(min(remaining, 1 << 16))
            if not chunk:
                self.close_connection = True
                raise RequestError(400, "The request body ended after %d of the %d bytes announced." % (size - remaining, size))
            parts.append(chunk)
            remaining -= len(chunk)
        return b"".join(parts)

    def _wait_no_longer_than_the_deadline(self):
        """Bound the next read by what is left of the body's deadline (the socket timeout alone is the idle timeout,
        twice as long), so a client that announces a body and stalls gets its 408 on time."""
        left = self._deadline - time.monotonic()
        if left <= 0:
            raise socket.timeout()
        self.connection.settimeout(min(left, self.timeout))

    def _drain_cap(self):
        """How many bytes of an oversized body are read and discarded before giving up on the connection."""
        return max(MIN_DRAIN_BYTES, 4 * self.server.max_body_bytes)

    def _drain(self, size):
        """Discard an oversized body so the client, still sending, gets to read the 413.

        HTTP clients such as .NET's HttpClient write the whole body before reading the response; closing
        on them mid-body turns the 413 into a broken pipe. Past the drain cap the connection is closed.
        """
        if size > self._drain_cap():
            self.close_connection = True
            return
        remaining = size
        while remaining > 0:
            chunk = self.rfile.read1(min(remaining, 1 << 16)) if time.monotonic() <= self._deadline else b""
            if not chunk:
                self.close_connection = True
                return
            remaining -= len(chunk)

    def _read_chunked(self, limit):
        """Decode a chunked body, refusing (413) once it exceeds ``limit`` (the rest is drained)."""
        parts, total = [], 0
        while True:
            self._wait_no_longer_than_the_deadline()
            line = self.rfile.readline(1024).split(b";", 1)[0].strip()
            try:
                size = int(line, 16)
            except ValueError:
                self.close_connection = True
                raise RequestError(400, "Malformed chunked body.")
            if size == 0:
                while self.rfile.readline(1024) not in (b"\r\n", b"\n", b""):
                    pass  # trailers
                if total > limit:
                    raise RequestError(413, "The request body exceeds the limit of %d bytes." % limit)
                return b"".join(parts)
            total += size
            if total > limit:
                parts = []
                if total > self._drain_cap():
                    self.close_connection = True
                    raise RequestError(413, "The request body exceeds the limit of %d bytes." % limit)
                self._drain(size)
            else:
                parts.append(self._receive(size))
            self.rfile.readline(1024)

    # -- verbs --------------------------------------------------------------------------------

    def _begin(self):
        """Start the clocks of a request: its duration for the access log, and the deadline its body must meet."""
        self._started = time.perf_counter()
        self._deadline = time.monotonic() + BODY_DEADLINE_SECONDS

    def _start_body_deadline(self):
        """Start the body's deadline again once the request holds a scoring place: time spent waiting for one behind
        large requests is the server's, not a client that stalls."""
        self._deadline = time.monotonic() + BODY_DEADLINE_SECONDS

    def do_GET(self):
        """Liveness and swagger."""
        self._begin()
        if not self._check_method("GET"):
            return
        if self._route() == "/":
            self._send(200, "Healthy", content_type="text/plain")
            return
        if not self._authorized():
            return
        try:
            self._send(200, self.server.swagger_json())
        except Exception as error:
            log("E", "Building swagger.json failed: %s\n%s" % (describe_exception(error), traceback.format_exc().rstrip()))
            self._send_error_json(500, describe_exception(error))

    def do_POST(self):
        """Scoring, while holding one of the server's scoring places (see ``ScoringServer``)."""
        self._begin()
        if not self._check_method("POST") or not self._authorized():
            return
        try:
            with self.server.scoring_places:
                self._start_body_deadline()
                try:
                    raw = self._read_body()
                except (TimeoutError, socket.timeout):
                    # The client stopped sending the body it announced: answer as Kestrel does, and free the thread.
                    self.close_connection = True
                    raise RequestError(408, "The request body did not arrive within %d seconds; the connection is closed." % BODY_DEADLINE_SECONDS)
                finally:
                    self.connection.settimeout(self.timeout)  # back to the idle timeout for the next request
                status, body = self.server.scorer.score(raw)
        except RequestError as error:
            self._send_error_json(error.status, error.message)
            return
        except Exception as error:  # never let one request take the server down
            log("E", "Scoring failed: %s\n%s" % (describe_exception(error), traceback.format_exc().rstrip()))
            self._send_error_json(500, describe_exception(error))
            return
        self._send(status, body)

    def _other_method(self):
        """Every other verb: 404 for unknown paths, else 405."""
        self._begin()
        self._check_method(self.command)

    do_PUT = do_DELETE = do_PATCH = do_OPTIONS = do_HEAD = _other_method


# ---------------------------------------------------------------------------------------------
# Start-up
# ---------------------------------------------------------------------------------------------

def read_settings(config_path):
    """Read and validate the configuration file."""
    with open(config_path, "r", encoding="utf-8") as handle:
        config = json.load(handle)
    mode = config.get("mode")
    if mode not in ("entryScript", "sklearn"):
        raise ValueError('"mode" must be "entryScript" or "sklearn", got %r.' % (mode,))
    required = "entryScript" if mode == "entryScript" else "modelPath"
    if not config.get(required):
        raise ValueError('"%s" is required in %s mode.' % (required, mode))
    settings = dict(config)
    settings.setdefault("serviceName", "service")
    settings["host"] = config.get("host") or "127.0.0.1"
    settings["port"] = int(config.get("port") or 0)
    settings["maxBodyBytes"] = int(config.get("maxBodyBytes") or DEFAULT_MAX_BODY_BYTES)
    return settings


def create_scorer(settings):
    """Build the scorer for the configured mode and run its initialisation."""
    if settings.get("modelDir"):
        os.environ["AZUREML_MODEL_DIR"] = os.path.abspath(settings["modelDir"])
    if settings["mode"] == "entryScript":
        scorer = EntryScriptScorer(settings["entryScript"], settings.get("sourceDirectory"))
    else:
        scorer = SklearnScorer(settings["modelPath"])
    scorer.init()
    return scorer


def install_signal_handlers(server):
    """Stop serving on SIGTERM/SIGINT (shutdown must run off the serving thread)."""
    def stop(signum, _frame):
        log("I", "Received signal %d; shutting down" % signum)
        threading.Thread(target=server.shutdown, daemon=True).start()

    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)


def fail(settings, error):
    """Record a start-up failure in the failed file and the log, then exit with code 1."""
    trace = traceback.format_exc()
    log("E", "Start-up failed: %s\n%s" % (describe_exception(error), trace.rstrip()))
    failed_file = (settings or {}).get("failedFile")
    if failed_file:
        write_json_atomically(failed_file, {"error": describe_exception(error), "traceback": trace})
    sys.exit(1)


def main(argv):
    """Entry point: ``scoring_host.py <config.json>``."""
    if len(argv) != 2:
        sys.stderr.write("usage: scoring_host.py <config.json>\n")
        return 2
    settings = None
    try:
        settings = read_settings(argv[1])
        log("I", "Starting scoring host for service '%s' (%s mode), Python %s"
            % (settings["serviceName"], settings["mode"], sys.version.split()[0]))
        settings["authenticator"] = KeyAuthenticator(settings["authFile"]) if settings.get("authFile") else None
        scorer = create_scorer(settings)
        server = ScoringServer((settings["host"], settings["port"]), scorer, settings)
    except (Exception, SystemExit) as error:
        if isinstance(error, SystemExit) and error.code in (None, 0):
            error = RuntimeError("The entry script called sys.exit() during start-up.")
        fail(settings, error)
        return 1
    host, port = server.server_address[:2]
    install_signal_handlers(server)
    if settings.get("readyFile"):
        write_json_atomically(settings["readyFile"], {"port": port, "pid": os.getpid()})
    log("I", "Listening at http://%s:%d (GET /, GET /swagger.json, POST /score); key auth %s"
        % (host, port, "on" if settings["authenticator"] else "off"))
    try:
        server.serve_forever(poll_interval=0.5)
    finally:
        server.server_close()
        log("I", "Stopped")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
