# Evaluates an AutoML model's ONNX graph with numpy alone, from the JSON description written next to model.onnx
# (the graph in protobuf's JSON form). It implements the operators AutoML's models use, computing in the element
# types ONNX Runtime uses (float32 for features and trees, summed tree by tree), so its predictions are ONNX
# Runtime's: the same labels, probabilities within about 1e-6.

import base64
import json
import math

import numpy as np

_DTYPES = {1: np.float32, 2: np.uint8, 3: np.int8, 5: np.int16, 6: np.int32, 7: np.int64, 8: object, 9: np.bool_,
           10: np.float16, 11: np.float64, 12: np.uint32, 13: np.uint64}


def _number(value):
    # protobuf JSON writes non-finite floats as strings and 64-bit integers as strings.
    return float(value) if isinstance(value, str) and not value.lstrip("-").isdigit() else value


def _tensor(proto):
    dtype = _DTYPES[proto.get("dataType", 1)]
    dims = [int(d) for d in proto.get("dims", [])]
    if "rawData" in proto:
        values = np.frombuffer(base64.b64decode(proto["rawData"]), dtype=dtype).copy()
    elif dtype is object:
        values = np.array([base64.b64decode(s).decode("utf-8") for s in proto.get("stringData", [])], dtype=object)
    elif dtype in (np.float32,):
        values = np.array([float(_number(v)) for v in proto.get("floatData", [])], dtype=dtype)
    elif dtype in (np.float64,):
        values = np.array([float(_number(v)) for v in proto.get("doubleData", [])], dtype=dtype)
    elif dtype is np.int64:
        values = np.array([int(v) for v in proto.get("int64Data", [])], dtype=dtype)
    elif dtype in (np.uint32, np.uint64):
        # ONNX keeps uint32 and uint64 values in uint64_data.
        values = np.array([int(v) for v in proto.get("uint64Data", [])], dtype=dtype)
    else:
        values = np.array([int(v) for v in proto.get("int32Data", [])], dtype=dtype)
    return values.reshape(dims) if dims else values.reshape(())


def _attributes(node):
    result = {}
    for attribute in node.get("attribute", []):
        kind = attribute.get("type", "UNDEFINED")
        name = attribute["name"]
        if kind == "FLOAT":
            result[name] = float(_number(attribute.get("f", 0.0)))
        elif kind == "INT":
            result[name] = int(attribute.get("i", 0))
        elif kind == "STRING":
            result[name] = base64.b64decode(attribute.get("s", "")).decode("utf-8")
        elif kind == "FLOATS":
            result[name] = np.array([float(_number(v)) for v in attribute.get("floats", [])], dtype=np.float32)
        elif kind == "INTS":
            result[name] = [int(v) for v in attribute.get("ints", [])]
        elif kind == "STRINGS":
            result[name] = [base64.b64decode(s).decode("utf-8") for s in attribute.get("strings", [])]
        elif kind == "TENSOR":
            result[name] = _tensor(attribute["t"])
        else:
            raise NotImplementedError("attribute type %s of %s" % (kind, name))
    return result


class OnnxModel:
    """An ONNX graph evaluated with numpy. ``run`` takes input name -> array and returns output name -> array."""

    def __init__(self, description):
        graph = description["graph"]
        self.metadata = {p["key"]: p.get("value", "") for p in description.get("metadataProps", [])}
        initializers = {t["name"]: _tensor(t) for t in graph.get("initializer", [])}
        self.constants = initializers
        self.inputs = [(i["name"], i["type"]["tensorType"].get("elemType", 1)) for i in graph.get("input", []) if i["name"] not in initializers]
        self.outputs = [o["name"] for o in graph.get("output", [])]
        self.nodes = [(n["opType"], n.get("domain", ""), n.get("input", []), n.get("output", []), _attributes(n)) for n in graph.get("node", [])]

    @classmethod
    def load(cls, path):
        with open(path, encoding="utf-8") as handle:
            return cls(json.load(handle))

    def run(self, feeds):
        values = dict(self.constants)
        values.update(feeds)
        for op, domain, inputs, outputs, attributes in self.nodes:
            handler = _OPERATORS.get((domain, op))
            if handler is None:
                raise NotImplementedError("ONNX operator %s:%s" % (domain or "ai.onnx", op))
            arguments = [values[name] if name else None for name in inputs]
            results = handler(arguments, attributes)
            if not isinstance(results, tuple):
                results = (results,)
            for name, result in zip(outputs, results):
                if name:
                    values[name] = result
        return {name: values[name] for name in self.outputs}


# --- standard operators -------------------------------------------------------------------------------------

def _cast(a, attrs):
    dtype = _DTYPES[attrs["to"]]
    if dtype is object:
        return np.array([str(v) for v in a[0].ravel()], dtype=object).reshape(a[0].shape)
    return a[0].astype(dtype)


def _reduce(function):
    def reduce(a, attrs):
        axes = attrs.get("axes")
        if axes is None and len(a) > 1 and a[1] is not None:
            axes = [int(v) for v in a[1]]
        axis = tuple(axes) if axes else None
        return function(a[0], axis=axis, keepdims=bool(attrs.get("keepdims", 1))).astype(a[0].dtype)
    return reduce


def _unsqueeze(a, attrs):
    axes = attrs.get("axes") or [int(v) for v in a[1]]
    result = a[0]
    for axis in sorted(axes):
        result = np.expand_dims(result, axis)
    return result


def _squeeze(a, attrs):
    axes = attrs.get("axes") or ([int(v) for v in a[1]] if len(a) > 1 and a[1] is not None else None)
    return np.squeeze(a[0], axis=tuple(axes) if axes else None)


def _reshape(a, attrs):
    shape = [int(v) for v in a[1]]
    shape = [a[0].shape[i] if s == 0 else s for i, s in enumerate(shape)]
    return a[0].reshape(shape)


def _softmax(a, attrs):
    x = a[0]
    axis = attrs.get("axis", -1)
    e = np.exp(x - np.max(x, axis=axis, keepdims=True))
    return (e / np.sum(e, axis=axis, keepdims=True)).astype(x.dtype)


def _clip(a, attrs):
    low = a[1] if len(a) > 1 and a[1] is not None else attrs.get("min", -np.inf)
    high = a[2] if len(a) > 2 and a[2] is not None else attrs.get("max", np.inf)
    return np.clip(a[0], low, high).astype(a[0].dtype)


def _variadic(function):
    def apply(a, attrs):
        result = a[0]
        for other in a[1:]:
            result = function(result, other)
        return result
    return apply


def _divide(a, attrs):
    x, y = a
    if np.issubdtype(x.dtype, np.integer):
        return (np.trunc(x / y)).astype(x.dtype)
    return (x / y).astype(np.result_type(x, y))


def _bit_shift(a, attrs):
    return np.left_shift(a[0], a[1]) if attrs["direction"] == "LEFT" else np.right_shift(a[0], a[1])


def _sigmoid(a, attrs):
    x = a[0]
    return (1.0 / (1.0 + np.exp(-x))).astype(x.dtype)


# --- ai.onnx.ml operators -----------------------------------------------------------------------------------

def _imputer(a, attrs):
    x = a[0].astype(np.float32)
    imputed = attrs.get("imputed_value_floats", np.array([0.0], dtype=np.float32))
    replaced = attrs.get("replaced_value_float", 0.0)
    missing = np.isnan(x) if math.isnan(replaced) else x == np.float32(replaced)
    fill = np.broadcast_to(imputed if imputed.size == 1 else imputed.reshape((1,) * (x.ndim - 1) + (-1,)), x.shape)
    return np.where(missing, fill, x).astype(np.float32)


def _feature_vectorizer(a, attrs):
    columns = []
    for value, width in zip(a, attrs["inputdimensions"]):
        value = value.astype(np.float32).reshape(value.shape[0], -1)
        if value.shape[1] < width:
            value = np.concatenate([value, np.zeros((value.shape[0], width - value.shape[1]), dtype=np.float32)], axis=1)
        columns.append(value[:, :width])
    return np.concatenate(columns, axis=1)


def _scaler(a, attrs):
    x = a[0].astype(np.float32)
    offset = attrs.get("offset", np.zeros(1, dtype=np.float32))
    scale = attrs.get("scale", np.ones(1, dtype=np.float32))
    return ((x - offset) * scale).astype(np.float32)


def _post_transform(scores, name):
    if name in ("", "NONE"):
        return scores
    if name == "LOGISTIC":
        return (1.0 / (1.0 + np.exp(-scores))).astype(np.float32)
    if name in ("SOFTMAX", "SOFTMAX_ZERO"):
        e = np.exp(scores - scores.max(axis=1, keepdims=True))
        return (e / e.sum(axis=1, keepdims=True)).astype(np.float32)
    raise NotImplementedError("post_transform %s" % name)


def _linear_regressor(a, attrs):
    x = a[0].astype(np.float32).reshape(a[0].shape[0], -1)
    targets = attrs.get("targets", 1)
    weights = attrs["coefficients"].reshape(targets, -1)
    intercepts = attrs.get("intercepts", np.zeros(targets, dtype=np.float32))
    scores = (x @ weights.T + intercepts).astype(np.float32)
    return _post_transform(scores, attrs.get("post_transform", "NONE"))


def _linear_classifier(a, attrs):
    x = a[0].astype(np.float32).reshape(a[0].shape[0], -1)
    labels = attrs.get("classlabels_ints", attrs.get("classlabels_strings"))
    rows = len(attrs["coefficients"]) // x.shape[1]
    weights = attrs["coefficients"].reshape(rows, -1)
    intercepts = attrs.get("intercepts", np.zeros(rows, dtype=np.float32))
    scores = (x @ weights.T + intercepts).astype(np.float32)
    if rows == 1 and len(labels) == 2:
        scores = np.concatenate([-scores, scores], axis=1)
    scores = _post_transform(scores, attrs.get("post_transform", "NONE"))
    chosen = np.asarray(labels)[np.argmax(scores, axis=1)]
    return chosen, scores


_MODES = ["BRANCH_LEQ", "BRANCH_LT", "BRANCH_GTE", "BRANCH_GT", "BRANCH_EQ", "BRANCH_NEQ", "LEAF"]


def _tree_ensemble_regressor(a, attrs):
    x = a[0].astype(np.float32).reshape(a[0].shape[0], -1)
    n = x.shape[0]
    tree_ids = [int(t) for t in attrs["nodes_treeids"]]
    node_ids = [int(i) for i in attrs["nodes_nodeids"]]
    index = {(t, i): k for k, (t, i) in enumerate(zip(tree_ids, node_ids))}
    mode = np.array([_MODES.index(m) for m in attrs["nodes_modes"]])
    feature = np.array([int(f) for f in attrs["nodes_featureids"]])
    threshold = attrs["nodes_values"].astype(np.float32)
    true_next = np.array([index.get((t, int(j)), k) for k, (t, j) in enumerate(zip(tree_ids, attrs["nodes_truenodeids"]))])
    false_next = np.array([index.get((t, int(j)), k) for k, (t, j) in enumerate(zip(tree_ids, attrs["nodes_falsenodeids"]))])
    missing_true = np.array([int(v) for v in attrs.get("nodes_missing_value_tracks_true", [0] * len(node_ids))], dtype=bool)
    targets = attrs.get("n_targets", 1)
    weights = np.zeros((len(node_ids), targets), dtype=np.float32)
    for t, i, target, weight in zip(attrs["target_treeids"], attrs["target_nodeids"], attrs["target_ids"], attrs["target_weights"]):
        k = index[(int(t), int(i))]
        weights[k, int(target)] = np.float32(weights[k, int(target)] + np.float32(weight))
    trees = sorted(set(tree_ids))
    rows = np.arange(n)
    scores = np.zeros((n, targets), dtype=np.float32)
    for tree in trees:
        position = np.full(n, index[(tree, min(i for t, i in zip(tree_ids, node_ids) if t == tree))])
        while True:
            active = mode[position] != 6
            if not active.any():
                break
            value = x[rows, feature[position]]
            limit = threshold[position]
            m = mode[position]
            with np.errstate(invalid="ignore"):
                go = np.select([m == 0, m == 1, m == 2, m == 3, m == 4], [value <= limit, value < limit, value >= limit, value > limit, value == limit], value != limit)
            go = np.where(np.isnan(value), missing_true[position], go)
            position = np.where(active, np.where(go, true_next[position], false_next[position]), position)
        scores = (scores + weights[position]).astype(np.float32)
    aggregate = attrs.get("aggregate_function", "SUM")
    if aggregate == "AVERAGE":
        scores = (scores / np.float32(len(trees))).astype(np.float32)
    elif aggregate != "SUM":
        raise NotImplementedError("aggregate_function %s" % aggregate)
    base = attrs.get("base_values")
    if base is not None and len(base):
        scores = (scores + base.astype(np.float32)).astype(np.float32)
    return _post_transform(scores, attrs.get("post_transform", "NONE"))


def _label_encoder(a, attrs):
    x = a[0]
    keys = attrs.get("keys_strings") or [int(v) for v in attrs.get("keys_int64s", [])] or list(attrs.get("keys_floats", []))
    if "values_strings" in attrs:
        values, default, dtype = attrs["values_strings"], attrs.get("default_string", "_Unused"), object
    elif "values_int64s" in attrs:
        values, default, dtype = [int(v) for v in attrs["values_int64s"]], attrs.get("default_int64", -1), np.int64
    else:
        values, default, dtype = list(attrs["values_floats"]), attrs.get("default_float", -0.0), np.float32
    table = dict(zip(keys, values))
    flat = [table.get(v if isinstance(v, str) else (int(v) if np.issubdtype(type(v), np.integer) else float(v)), default) for v in x.ravel()]
    return np.array(flat, dtype=dtype).reshape(x.shape)


def _one_hot_encoder(a, attrs):
    x = a[0]
    categories = attrs.get("cats_strings") or [int(v) for v in attrs.get("cats_int64s", [])]
    position = {c: i for i, c in enumerate(categories)}
    result = np.zeros(x.shape + (len(categories),), dtype=np.float32)
    for index, value in np.ndenumerate(x):
        key = value if isinstance(value, str) else int(value)
        if key in position:
            result[index + (position[key],)] = 1.0
        elif not attrs.get("zeros", 1):
            raise ValueError("unknown category %r" % (value,))
    return result


def _binarizer(a, attrs):
    x = a[0]
    return (x > np.float32(attrs.get("threshold", 0.0))).astype(x.dtype)


# --- com.microsoft operators --------------------------------------------------------------------------------

def _murmur3_32(data, seed):
    c1, c2 = 0xCC9E2D51, 0x1B873593
    h = seed & 0xFFFFFFFF
    length = len(data)
    blocks = length // 4
    for i in range(blocks):
        k = int.from_bytes(data[4 * i:4 * i + 4], "little")
        k = (k * c1) & 0xFFFFFFFF
        k = ((k << 15) | (k >> 17)) & 0xFFFFFFFF
        k = (k * c2) & 0xFFFFFFFF
        h ^= k
        h = ((h << 13) | (h >> 19)) & 0xFFFFFFFF
        h = (h * 5 + 0xE6546B64) & 0xFFFFFFFF
    tail = data[4 * blocks:]
    k = 0
    if len(tail) >= 3:
        k ^= tail[2] << 16
    if len(tail) >= 2:
        k ^= tail[1] << 8
    if len(tail) >= 1:
        k ^= tail[0]
        k = (k * c1) & 0xFFFFFFFF
        k = ((k << 15) | (k >> 17)) & 0xFFFFFFFF
        k = (k * c2) & 0xFFFFFFFF
        h ^= k
    h ^= length
    h ^= h >> 16
    h = (h * 0x85EBCA6B) & 0xFFFFFFFF
    h ^= h >> 13
    h = (h * 0xC2B2AE35) & 0xFFFFFFFF
    h ^= h >> 16
    return h


def _murmur_hash3(a, attrs):
    x = a[0]
    seed = attrs.get("seed", 0)
    positive = attrs.get("positive", 1)
    hashes = []
    for value in x.ravel():
        data = value.encode("utf-8") if isinstance(value, str) else np.asarray(value).tobytes()
        hashes.append(_murmur3_32(data, seed))
    result = np.array(hashes, dtype=np.uint32).reshape(x.shape)
    return result if positive else result.astype(np.int32)


_OPERATORS = {
    ("", "Identity"): lambda a, attrs: a[0],
    ("", "Cast"): _cast,
    ("", "Add"): lambda a, attrs: np.add(a[0], a[1]).astype(np.result_type(a[0], a[1])),
    ("", "Sub"): lambda a, attrs: np.subtract(a[0], a[1]).astype(np.result_type(a[0], a[1])),
    ("", "Mul"): lambda a, attrs: np.multiply(a[0], a[1]).astype(np.result_type(a[0], a[1])),
    ("", "Div"): _divide,
    ("", "Sum"): _variadic(np.add),
    ("", "Max"): _variadic(np.maximum),
    ("", "Min"): _variadic(np.minimum),
    ("", "Neg"): lambda a, attrs: np.negative(a[0]),
    ("", "Abs"): lambda a, attrs: np.abs(a[0]),
    ("", "Floor"): lambda a, attrs: np.floor(a[0]),
    ("", "Exp"): lambda a, attrs: np.exp(a[0]).astype(a[0].dtype),
    ("", "Log"): lambda a, attrs: np.log(a[0]).astype(a[0].dtype),
    ("", "Sigmoid"): _sigmoid,
    ("", "Softmax"): _softmax,
    ("", "Clip"): _clip,
    ("", "Concat"): lambda a, attrs: np.concatenate(a, axis=attrs["axis"]),
    ("", "ArgMax"): lambda a, attrs: (np.expand_dims(np.argmax(a[0], axis=attrs.get("axis", 0)), attrs.get("axis", 0))
                                      if attrs.get("keepdims", 1) else np.argmax(a[0], axis=attrs.get("axis", 0))).astype(np.int64),
    ("", "Gather"): lambda a, attrs: np.take(a[0], a[1].astype(np.int64), axis=attrs.get("axis", 0)),
    ("", "ReduceSum"): _reduce(np.sum),
    ("", "ReduceMax"): _reduce(np.max),
    ("", "Unsqueeze"): _unsqueeze,
    ("", "Squeeze"): _squeeze,
    ("", "Reshape"): _reshape,
    ("", "Transpose"): lambda a, attrs: np.transpose(a[0], attrs.get("perm")),
    ("", "MatMul"): lambda a, attrs: np.matmul(a[0], a[1]),
    ("", "Not"): lambda a, attrs: np.logical_not(a[0]),
    ("", "IsNaN"): lambda a, attrs: np.isnan(a[0]),
    ("", "Greater"): lambda a, attrs: np.greater(a[0], a[1]),
    ("", "Less"): lambda a, attrs: np.less(a[0], a[1]),
    ("", "Equal"): lambda a, attrs: np.equal(a[0], a[1]),
    ("", "Where"): lambda a, attrs: np.where(a[0], a[1], a[2]),
    ("", "BitShift"): _bit_shift,
    ("ai.onnx.ml", "Imputer"): _imputer,
    ("ai.onnx.ml", "FeatureVectorizer"): _feature_vectorizer,
    ("ai.onnx.ml", "Scaler"): _scaler,
    ("ai.onnx.ml", "LinearRegressor"): _linear_regressor,
    ("ai.onnx.ml", "LinearClassifier"): _linear_classifier,
    ("ai.onnx.ml", "TreeEnsembleRegressor"): _tree_ensemble_regressor,
    ("ai.onnx.ml", "LabelEncoder"): _label_encoder,
    ("ai.onnx.ml", "OneHotEncoder"): _one_hot_encoder,
    ("ai.onnx.ml", "Binarizer"): _binarizer,
    ("com.microsoft", "MurmurHash3"): _murmur_hash3,
}
