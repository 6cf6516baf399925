using AzureML.Core.Onnx;

namespace AzureML.Core.Tests.Onnx;

/// <summary>Small models built with the SDK's own ONNX writer, each with outputs a test can compute by hand.</summary>
internal static class OnnxTestModels
{
    private static readonly OnnxDimension Batch = OnnxDimension.Symbolic("N");

    /// <summary>Y = A + B over float [N,3].</summary>
    public static byte[] Add()
    {
        var writer = new OnnxModelWriter { ProducerName = "azureml-tests", ProducerVersion = "1.0", DocString = "adds two tensors" };
        writer.Graph.Name = "add_graph";
        writer.AddMetadata("feature_names", "a,b,c");
        writer.Graph
            .AddInput("A", OnnxType.Tensor(OnnxElementType.Float, Batch, OnnxDimension.Fixed(3)))
            .AddInput("B", OnnxType.Tensor(OnnxElementType.Float, Batch, OnnxDimension.Fixed(3)))
            .AddOutput("Y", OnnxType.Tensor(OnnxElementType.Float, Batch, OnnxDimension.Fixed(3)))
            .AddNode("Add", ["A", "B"], ["Y"]);
        return writer.ToBytes();
    }

    /// <summary>Y = X·W + B with X float [N,3], W [3,2] and B [2] as initializers.</summary>
    public static byte[] Linear(float[] weights, float[] bias)
    {
        var writer = new OnnxModelWriter();
        writer.Graph
            .AddInput("X", OnnxType.Tensor(OnnxElementType.Float, Batch, OnnxDimension.Fixed(3)))
            .AddInitializer("W", OnnxTensor.Create(weights, 3, 2))
            .AddInitializer("B", OnnxTensor.Create(bias, 2))
            .AddOutput("Y", OnnxType.Tensor(OnnxElementType.Float, Batch, OnnxDimension.Fixed(2)));
        writer.Graph.AddNode("MatMul", ["X", "W"], ["XW"]);
        writer.Graph.AddNode("Add", ["XW", "B"], ["Y"]);
        return writer.ToBytes();
    }

    /// <summary>Y = Cast(X, to) for a tensor of any rank.</summary>
    public static byte[] Cast(OnnxElementType from, OnnxElementType to)
    {
        var writer = new OnnxModelWriter();
        writer.Graph
            .AddInput("X", OnnxType.TensorOfUnknownRank(from))
            .AddOutput("Y", OnnxType.TensorOfUnknownRank(to))
            .AddNode("Cast", ["X"], ["Y"]).With("to", (long)to);
        return writer.ToBytes();
    }

    /// <summary>Y = Identity(X) for a tensor of any rank, to round-trip one element type.</summary>
    public static byte[] Identity(OnnxElementType type)
    {
        var writer = new OnnxModelWriter();
        writer.Graph
            .AddInput("X", OnnxType.TensorOfUnknownRank(type))
            .AddOutput("Y", OnnxType.TensorOfUnknownRank(type))
            .AddNode("Identity", ["X"], ["Y"]);
        return writer.ToBytes();
    }

    /// <summary>
    /// A binary logistic regression laid out as skl2onnx writes it: LinearClassifier with coefficients [-w, w] and
    /// intercepts [-b, b], LOGISTIC, then Cast(label → int64) and ZipMap(classlabels_int64s).
    /// </summary>
    public static byte[] BinaryLogisticRegression(float[] w, float b, long[] labels)
    {
        var writer = new OnnxModelWriter { ProducerName = "skl2onnx" };
        writer.ImportOperatorSet(OnnxOperatorSet.DefaultDomain, 15).ImportOperatorSet(OnnxOperatorSet.MLDomain, 1);
        OnnxGraphBuilder g = writer.Graph;
        g.AddInput("float_input", OnnxType.Tensor(OnnxElementType.Float, Batch, OnnxDimension.Fixed(w.Length)));
        g.AddNode("LinearClassifier", ["float_input"], ["label", "probabilities"], OnnxOperatorSet.MLDomain)
            .With("coefficients", [.. w.Select(x => -x), .. w])
            .With("intercepts", -b, b)
            .With("classlabels_ints", labels)
            .With("multi_class", 0L)
            .With("post_transform", "LOGISTIC");
        g.AddNode("Cast", ["label"], ["output_label"]).With("to", (long)OnnxElementType.Int64);
        g.AddNode("ZipMap", ["probabilities"], ["output_probability"], OnnxOperatorSet.MLDomain)
            .With("classlabels_int64s", labels);
        g.AddOutput("output_label", OnnxType.Tensor(OnnxElementType.Int64, Batch));
        g.AddOutput("output_probability", OnnxType.SequenceOfMaps(OnnxElementType.Int64));
        return writer.ToBytes();
    }

    /// <summary>
    /// A multinomial logistic regression with string classes as skl2onnx writes it: LinearClassifier (SOFTMAX,
    /// class-major coefficients) → Normalizer(L1) → ZipMap(classlabels_strings), label through Identity.
    /// </summary>
    public static byte[] MultinomialLogisticRegression(float[,] w, float[] b, string[] labels)
    {
        var writer = new OnnxModelWriter { ProducerName = "skl2onnx" };
        writer.ImportOperatorSet(OnnxOperatorSet.DefaultDomain, 15).ImportOperatorSet(OnnxOperatorSet.MLDomain, 1);
        OnnxGraphBuilder g = writer.Graph;
        g.AddInput("float_input", OnnxType.Tensor(OnnxElementType.Float, Batch, OnnxDimension.Fixed(w.GetLength(1))));
        g.AddNode("LinearClassifier", ["float_input"], ["label", "probability_tensor"], OnnxOperatorSet.MLDomain)
            .With("coefficients", w.Cast<float>().ToArray())
            .With("intercepts", b)
            .With("classlabels_strings", labels)
            .With("multi_class", 1L)
            .With("post_transform", "SOFTMAX");
        g.AddNode("Normalizer", ["probability_tensor"], ["probabilities"], OnnxOperatorSet.MLDomain).With("norm", "L1");
        g.AddNode("Identity", ["label"], ["output_label"]);
        g.AddNode("ZipMap", ["probabilities"], ["output_probability"], OnnxOperatorSet.MLDomain)
            .With("classlabels_strings", labels);
        g.AddOutput("output_label", OnnxType.Tensor(OnnxElementType.String, Batch));
        g.AddOutput("output_probability", OnnxType.SequenceOfMaps(OnnxElementType.String));
        return writer.ToBytes();
    }

    /// <summary>
    /// A binary gradient-boosting classifier as skl2onnx writes it: two stumps on features 0 and 1, every leaf with
    /// class_id 0, LOGISTIC over (sum of leaf weights + base value), then Cast and ZipMap.
    /// </summary>
    public static byte[] BinaryTreeEnsemble(float threshold0, float threshold1, float baseValue)
    {
        var writer = new OnnxModelWriter { ProducerName = "skl2onnx" };
        writer.ImportOperatorSet(OnnxOperatorSet.DefaultDomain, 15).ImportOperatorSet(OnnxOperatorSet.MLDomain, 3);
        OnnxGraphBuilder g = writer.Graph;
        g.AddInput("float_input", OnnxType.Tensor(OnnxElementType.Float, Batch, OnnxDimension.Fixed(2)));
        // Tree t: node 0 splits feature t at its threshold; node 1 (x <= threshold) and node 2 are leaves.
        g.AddNode("TreeEnsembleClassifier", ["float_input"], ["label", "probabilities"], OnnxOperatorSet.MLDomain)
            .With("nodes_treeids", 0L, 0, 0, 1, 1, 1)
            .With("nodes_nodeids", 0L, 1, 2, 0, 1, 2)
            .With("nodes_featureids", 0L, 0, 0, 1, 0, 0)
            .With("nodes_modes", "BRANCH_LEQ", "LEAF", "LEAF", "BRANCH_LEQ", "LEAF", "LEAF")
            .With("nodes_values", threshold0, 0f, 0f, threshold1, 0f, 0f)
            .With("nodes_truenodeids", 1L, 0, 0, 1, 0, 0)
            .With("nodes_falsenodeids", 2L, 0, 0, 2, 0, 0)
            .With("nodes_hitrates", 1f, 1f, 1f, 1f, 1f, 1f)
            .With("nodes_missing_value_tracks_true", 0L, 0, 0, 0, 0, 0)
            .With("class_treeids", 0L, 0, 1, 1)
            .With("class_nodeids", 1L, 2, 1, 2)
            .With("class_ids", 0L, 0, 0, 0)
            .With("class_weights", -0.5f, 0.1f, -0.4f, 0.2f)
            .With(OnnxAttribute.Floats("base_values", baseValue)) // a one-element list, not a scalar float
            .With("classlabels_int64s", 0L, 1)
            .With("post_transform", "LOGISTIC");
        g.AddNode("Cast", ["label"], ["output_label"]).With("to", (long)OnnxElementType.Int64);
        g.AddNode("ZipMap", ["probabilities"], ["output_probability"], OnnxOperatorSet.MLDomain)
            .With("classlabels_int64s", 0L, 1);
        g.AddOutput("output_label", OnnxType.Tensor(OnnxElementType.Int64, Batch));
        g.AddOutput("output_probability", OnnxType.SequenceOfMaps(OnnxElementType.Int64));
        return writer.ToBytes();
    }
}
