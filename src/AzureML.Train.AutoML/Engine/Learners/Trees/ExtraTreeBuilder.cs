namespace AzureML.Train.AutoML.Engine.Learners.Trees;

/// <summary>
/// Grows extremely randomized trees (Geurts, Ernst and Wehenkel, 2006), as scikit-learn's ExtraTrees does: every
/// tree sees all rows; at each node up to <c>maxFeatures</c> features that are not constant there are drawn without
/// replacement, each gets one threshold drawn uniformly between its smallest and largest value in the node, and the
/// drawn split that reduces the squared error of the target vectors most is kept. For one-hot class targets that is
/// the Gini impurity, for a numeric target the variance. A node is a leaf when it is pure, holds fewer than twice
/// <c>minLeaf</c> rows, or no drawn split leaves <c>minLeaf</c> rows on both sides.
/// </summary>
internal sealed class ExtraTreeBuilder
{
    private readonly float[][] _x;
    private readonly double[] _targets;
    private readonly double[] _weights;
    private readonly int _width;
    private readonly int _maxFeatures;
    private readonly int _minLeaf;

    /// <param name="x">The rows' features.</param>
    /// <param name="targets">Row-major target vectors, <paramref name="width"/> values per row (one-hot classes or the target).</param>
    /// <param name="width">The length of one row's target vector.</param>
    /// <param name="weights">Each row's weight.</param>
    /// <param name="maxFeatures">How many non-constant features a split may choose among (1 to the feature count).</param>
    /// <param name="minLeaf">The fewest rows a leaf may hold.</param>
    public ExtraTreeBuilder(float[][] x, double[] targets, int width, double[] weights, int maxFeatures, int minLeaf)
    {
        _x = x;
        _targets = targets;
        _width = width;
        _weights = weights;
        _maxFeatures = maxFeatures;
        _minLeaf = Math.Max(1, minLeaf);
    }

    private int FeatureCount => _x.Length == 0 ? 0 : _x[0].Length;

    /// <summary>Grows one tree with its own random draws.</summary>
    public DecisionTree Build(Random random)
    {
        var nodes = new List<(int Feature, float Threshold, int Left, int Right, double[]? Values)>();
        int[] rows = Enumerable.Range(0, _x.Length).ToArray();
        int[] features = Enumerable.Range(0, FeatureCount).ToArray();
        var pending = new Stack<(int Node, int Start, int Count)>();
        nodes.Add(default);
        pending.Push((0, 0, rows.Length));
        while (pending.Count > 0)
        {
            (int node, int start, int count) = pending.Pop();
            Span<int> span = rows.AsSpan(start, count);
            double[] sum = Sum(span, out double weight);
            if (Split(span, sum, weight, features, random) is not (int feature, float threshold))
            {
                nodes[node] = (-1, 0, -1, -1, sum.Select(s => weight > 0 ? s / weight : 0).ToArray());
                continue;
            }

            int left = Partition(span, feature, threshold);
            nodes.Add(default);
            nodes.Add(default);
            nodes[node] = (feature, threshold, nodes.Count - 2, nodes.Count - 1, null);
            pending.Push((nodes.Count - 1, start + left, count - left));
            pending.Push((nodes.Count - 2, start, left));
        }

        return new DecisionTree
        {
            Feature = nodes.Select(n => n.Feature).ToArray(),
            Threshold = nodes.Select(n => n.Threshold).ToArray(),
            Left = nodes.Select(n => n.Left).ToArray(),
            Right = nodes.Select(n => n.Right).ToArray(),
            Values = nodes.Select(n => n.Values).ToArray(),
        };
    }

    // The best of the drawn random splits, or null when the node stays a leaf.
    private (int Feature, float Threshold)? Split(Span<int> rows, double[] sum, double weight, int[] features, Random random)
    {
        if (rows.Length < 2 * _minLeaf || weight <= 0 || IsPure(rows, sum, weight)) return null;
        double parent = Dot(sum, sum) / weight;
        double bestGain = 1e-12 * Math.Max(1, Math.Abs(parent));
        (int, float)? best = null;
        var left = new double[_width];
        int tried = 0;
        for (int drawn = 0; drawn < features.Length && tried < _maxFeatures; drawn++)
        {
            int pick = random.Next(drawn, features.Length);
            (features[drawn], features[pick]) = (features[pick], features[drawn]);
            int feature = features[drawn];
            (float min, float max) = Range(rows, feature);
            if (!(max > min)) continue;
            tried++;
            float threshold = (float)(min + (random.NextDouble() * ((double)max - min)));
            if (threshold >= max) threshold = min;
            Array.Clear(left);
            double leftWeight = 0;
            int leftCount = 0;
            foreach (int r in rows)
            {
                if (!(_x[r][feature] <= threshold)) continue; // as ONNX routes a missing value: to the right
                leftCount++;
                leftWeight += _weights[r];
                for (int k = 0; k < _width; k++) left[k] += _weights[r] * _targets[(r * _width) + k];
            }

            double rightWeight = weight - leftWeight;
            if (leftCount < _minLeaf || rows.Length - leftCount < _minLeaf || leftWeight <= 0 || rightWeight <= 0) continue;
            double rightDot = 0;
            for (int k = 0; k < _width; k++) rightDot += (sum[k] - left[k]) * (sum[k] - left[k]);
            double gain = (Dot(left, left) / leftWeight) + (rightDot / rightWeight) - parent;
            if (gain > bestGain)
            {
                bestGain = gain;
                best = (feature, threshold);
            }
        }

        return best;
    }

    private double[] Sum(Span<int> rows, out double weight)
    {
        var sum = new double[_width];
        weight = 0;
        foreach (int r in rows)
        {
            weight += _weights[r];
            for (int k = 0; k < _width; k++) sum[k] += _weights[r] * _targets[(r * _width) + k];
        }

        return sum;
    }

    // Every row's target vector equals the node's mean (no split can reduce the error).
    private bool IsPure(Span<int> rows, double[] sum, double weight)
    {
        foreach (int r in rows)
        {
            for (int k = 0; k < _width; k++)
            {
                if (Math.Abs(_targets[(r * _width) + k] - (sum[k] / weight)) > 1e-12 * Math.Max(1, Math.Abs(sum[k] / weight))) return false;
            }
        }

        return true;
    }

    private (float Min, float Max) Range(Span<int> rows, int feature)
    {
        float min = float.PositiveInfinity, max = float.NegativeInfinity;
        foreach (int r in rows)
        {
            float value = _x[r][feature];
            if (value < min) min = value;
            if (value > max) max = value;
        }

        return (min, max);
    }

    // Moves the rows at or below the threshold to the front; returns how many there are.
    private int Partition(Span<int> rows, int feature, float threshold)
    {
        int left = 0;
        for (int i = 0; i < rows.Length; i++)
        {
            if (_x[rows[i]][feature] <= threshold) (rows[left], rows[i]) = (rows[i], rows[left++]);
        }

        return left;
    }

    private static double Dot(double[] a, double[] b)
    {
        double total = 0;
        for (int k = 0; k < a.Length; k++) total += a[k] * b[k];
        return total;
    }
}
