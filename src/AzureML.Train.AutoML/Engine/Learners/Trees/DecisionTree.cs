namespace AzureML.Train.AutoML.Engine.Learners.Trees;

/// <summary>
/// One fitted tree as node arrays, node 0 the root: a split node sends a row whose feature
/// <see cref="Feature"/> is at most <see cref="Threshold"/> to <see cref="Left"/>, any other row to
/// <see cref="Right"/>; a leaf (<see cref="Feature"/> −1) holds <see cref="Values"/>: class probabilities in class
/// order, or the prediction. The comparison is ONNX's <c>BRANCH_LEQ</c> on single-precision values, so the
/// exported tree routes every row the same way.
/// </summary>
internal sealed class DecisionTree
{
    public required int[] Feature { get; init; }
    public required float[] Threshold { get; init; }
    public required int[] Left { get; init; }
    public required int[] Right { get; init; }

    /// <summary>The leaves' values (null at split nodes).</summary>
    public required double[]?[] Values { get; init; }

    public int NodeCount => Feature.Length;

    /// <summary>The values of the leaf <paramref name="row"/> falls into.</summary>
    public double[] Leaf(float[] row)
    {
        int node = 0;
        while (Feature[node] >= 0) node = row[Feature[node]] <= Threshold[node] ? Left[node] : Right[node];
        return Values[node]!;
    }
}
