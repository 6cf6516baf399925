using AzureML.Core.Onnx;
using AzureML.TestUtilities;
using static AzureML.TestUtilities.OnnxProto;
using DataType = Onnx.TensorProto.Types.DataType;

namespace AzureML.Core.Tests.Onnx;

/// <summary>Small models built from the public ONNX protobuf classes, each with outputs a test can compute by hand.</summary>
internal static class OnnxTestModels
{
    /// <summary>Y = A + B over float [N,3].</summary>
    public static byte[] Add() => Model(
        Graph(
            [Tensor("A", DataType.Float, Dim("N"), Dim(3)), Tensor("B", DataType.Float, Dim("N"), Dim(3))],
            [Tensor("Y", DataType.Float, Dim("N"), Dim(3))],
            [Node("Add", ["A", "B"], ["Y"])],
            name: "add_graph"),
        docString: "adds two tensors",
        metadata: ("feature_names", "a,b,c")).ToBytes();

    /// <summary>Y = X·W + B with X float [N,3], W [3,2] and B [2] as initializers.</summary>
    public static byte[] Linear(float[] weights, float[] bias) => Model(Graph(
        [Tensor("X", DataType.Float, Dim("N"), Dim(3))],
        [Tensor("Y", DataType.Float, Dim("N"), Dim(2))],
        [Node("MatMul", ["X", "W"], ["XW"]), Node("Add", ["XW", "B"], ["Y"])],
        [FloatTensor("W", weights, 3, 2), FloatTensor("B", bias, 2)])).ToBytes();

    /// <summary>Y = Cast(X, to) for a tensor of any rank.</summary>
    public static byte[] Cast(OnnxElementType from, OnnxElementType to) => Model(Graph(
        [TensorOfUnknownRank("X", DataTypeOf(from))],
        [TensorOfUnknownRank("Y", DataTypeOf(to))],
        [Node("Cast", ["X"], ["Y"], attributes: Attr.Int("to", (long)to))])).ToBytes();

    /// <summary>Y = Identity(X) for a tensor of any rank, to round-trip one element type.</summary>
    public static byte[] Identity(OnnxElementType type) => Model(Graph(
        [TensorOfUnknownRank("X", DataTypeOf(type))],
        [TensorOfUnknownRank("Y", DataTypeOf(type))],
        [Node("Identity", ["X"], ["Y"])])).ToBytes();

    /// <summary>Y = Identity(X) over double [?, 4]: a dimension with neither size nor name.</summary>
    public static byte[] IdentityWithUnknownDimension() => Model(Graph(
        [Tensor("X", DataType.Double, AnyDim(), Dim(4))],
        [Tensor("Y", DataType.Double, AnyDim(), Dim(4))],
        [Node("Identity", ["X"], ["Y"])])).ToBytes();

    /// <summary>Y = X + C where C = [100, -100] comes from a Constant node's tensor attribute.</summary>
    public static byte[] AddConstant() => Model(Graph(
        [Tensor("X", DataType.Int64, Dim(2))],
        [Tensor("Y", DataType.Int64, Dim(2))],
        [
            Node("Constant", [], ["C"], attributes: Attr.Tensor("value", Int64Tensor("", [100L, -100L], 2))),
            Node("Add", ["X", "C"], ["Y"]),
        ])).ToBytes();

    /// <summary>S = SequenceConstruct(X): a <c>seq(tensor(float))</c> output, which the SDK does not read.</summary>
    public static byte[] SequenceOfTensors()
    {
        var output = Tensor("S", DataType.Float, Dim(2));
        output.Type = new global::Onnx.TypeProto { SequenceType = new global::Onnx.TypeProto.Types.Sequence { ElemType = output.Type } };
        return Model(Graph([Tensor("X", DataType.Float, Dim(2))], [output], [Node("SequenceConstruct", ["X"], ["S"])])).ToBytes();
    }

    /// <summary>
    /// A binary logistic regression laid out as skl2onnx writes it: LinearClassifier with coefficients [-w, w] and
    /// intercepts [-b, b], LOGISTIC, then Cast(label → int64) and ZipMap(classlabels_int64s).
    /// </summary>
    public static byte[] BinaryLogisticRegression(float[] w, float b, long[] labels) => Model(
        Graph(
            [Tensor("float_input", DataType.Float, Dim("N"), Dim(w.Length))],
            [Tensor("output_label", DataType.Int64, Dim("N")), SequenceOfMaps("output_probability", DataType.Int64)],
            [
                Node("LinearClassifier", ["float_input"], ["label", "probabilities"], MLDomain,
                    Attr.Floats("coefficients", [.. w.Select(x => -x), .. w]),
                    Attr.Floats("intercepts", -b, b),
                    Attr.Ints("classlabels_ints", labels),
                    Attr.Int("multi_class", 0),
                    Attr.String("post_transform", "LOGISTIC")),
                Node("Cast", ["label"], ["output_label"], attributes: Attr.Int("to", (long)DataType.Int64)),
                Node("ZipMap", ["probabilities"], ["output_probability"], MLDomain, Attr.Ints("classlabels_int64s", labels)),
            ]),
        producerName: "skl2onnx", mlOpset: 1).ToBytes();

    /// <summary>
    /// A multinomial logistic regression with string classes as skl2onnx writes it: LinearClassifier (SOFTMAX,
    /// class-major coefficients) → Normalizer(L1) → ZipMap(classlabels_strings), label through Identity.
    /// </summary>
    public static byte[] MultinomialLogisticRegression(float[,] w, float[] b, string[] labels) => Model(
        Graph(
            [Tensor("float_input", DataType.Float, Dim("N"), Dim(w.GetLength(1)))],
            [Tensor("output_label", DataType.String, Dim("N")), SequenceOfMaps("output_probability", DataType.String)],
            [
                Node("LinearClassifier", ["float_input"], ["label", "probability_tensor"], MLDomain,
                    Attr.Floats("coefficients", w.Cast<float>().ToArray()),
                    Attr.Floats("intercepts", b),
                    Attr.Strings("classlabels_strings", labels),
                    Attr.Int("multi_class", 1),
                    Attr.String("post_transform", "SOFTMAX")),
                Node("Normalizer", ["probability_tensor"], ["probabilities"], MLDomain, Attr.String("norm", "L1")),
                Node("Identity", ["label"], ["output_label"]),
                Node("ZipMap", ["probabilities"], ["output_probability"], MLDomain, Attr.Strings("classlabels_strings", labels)),
            ]),
        producerName: "skl2onnx", mlOpset: 1).ToBytes();

    /// <summary>
    /// A binary gradient-boosting classifier as skl2onnx writes it: two stumps on features 0 and 1, every leaf with
    /// class_id 0, LOGISTIC over (sum of leaf weights + base value), then Cast and ZipMap.
    /// </summary>
    public static byte[] BinaryTreeEnsemble(float threshold0, float threshold1, float baseValue) => Model(
        Graph(
            [Tensor("float_input", DataType.Float, Dim("N"), Dim(2))],
            [Tensor("output_label", DataType.Int64, Dim("N")), SequenceOfMaps("output_probability", DataType.Int64)],
            [
                // Tree t: node 0 splits feature t at its threshold; node 1 (x <= threshold) and node 2 are leaves.
                Node("TreeEnsembleClassifier", ["float_input"], ["label", "probabilities"], MLDomain,
                    Attr.Ints("nodes_treeids", 0, 0, 0, 1, 1, 1),
                    Attr.Ints("nodes_nodeids", 0, 1, 2, 0, 1, 2),
                    Attr.Ints("nodes_featureids", 0, 0, 0, 1, 0, 0),
                    Attr.Strings("nodes_modes", "BRANCH_LEQ", "LEAF", "LEAF", "BRANCH_LEQ", "LEAF", "LEAF"),
                    Attr.Floats("nodes_values", threshold0, 0f, 0f, threshold1, 0f, 0f),
                    Attr.Ints("nodes_truenodeids", 1, 0, 0, 1, 0, 0),
                    Attr.Ints("nodes_falsenodeids", 2, 0, 0, 2, 0, 0),
                    Attr.Floats("nodes_hitrates", 1f, 1f, 1f, 1f, 1f, 1f),
                    Attr.Ints("nodes_missing_value_tracks_true", 0, 0, 0, 0, 0, 0),
                    Attr.Ints("class_treeids", 0, 0, 1, 1),
                    Attr.Ints("class_nodeids", 1, 2, 1, 2),
                    Attr.Ints("class_ids", 0, 0, 0, 0),
                    Attr.Floats("class_weights", -0.5f, 0.1f, -0.4f, 0.2f),
                    Attr.Floats("base_values", baseValue), // a one-element list, not a scalar float
                    Attr.Ints("classlabels_int64s", 0, 1),
                    Attr.String("post_transform", "LOGISTIC")),
                Node("Cast", ["label"], ["output_label"], attributes: Attr.Int("to", (long)DataType.Int64)),
                Node("ZipMap", ["probabilities"], ["output_probability"], MLDomain, Attr.Ints("classlabels_int64s", 0, 1)),
            ]),
        producerName: "skl2onnx", mlOpset: 3).ToBytes();

    // SDK element types and ONNX data types share their numbers (0–23).
    private static DataType DataTypeOf(OnnxElementType type) => (DataType)(int)type;
}
