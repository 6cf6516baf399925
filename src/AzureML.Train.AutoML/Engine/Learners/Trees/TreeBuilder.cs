namespace AzureML.Train.AutoML.Engine.Learners.Trees;

/// <summary>
/// Grows the trees of a forest the way scikit-learn's forests do. At each node up to <c>maxFeatures</c> features
/// that are not constant there are drawn without replacement; each gets a threshold by the <see cref="SplitRule"/>
/// (random for extremely randomized trees, after Geurts, Ernst and Wehenkel 2006; the best one for a random forest),
/// and the drawn split that reduces the weighted squared error of the target vectors most is kept. For one-hot class
/// targets that is the Gini impurity, for a numeric target the variance. A node is a leaf when it is pure, holds
/// fewer than twice <c>minLeaf</c> rows, or no drawn split leaves <c>minLeaf</c> rows on both sides. With
/// <c>bootstrap</c> every tree sees a sample of the rows drawn with replacement (a row drawn twice weighs double),
/// otherwise all of them.
/// </summary>
internal sealed class TreeBuilder
{
    private readonly float[][] _x;
    private readonly double[] _targets;
    private readonly double[] _weights;
    private readonly int _width;
    private readonly int _maxFeatures;
    private readonly int _minLeaf;
    private readonly SplitRule _rule;
    private readonly bool _bootstrap;

    /// <param name="x">The rows' features.</param>
    /// <param name="targets">Row-major target vectors, <paramref name="width"/> values per row (one-hot classes or the target).</param>
    /// <param name="width">The length of one row's target vector.</param>
    /// <param name="weights">Each row's weight.</param>
    /// <param name="maxFeatures">How many non-constant features a split may choose among (1 to the feature count).</param>
    /// <param name="minLeaf">The fewest rows a leaf may hold.</param>
    /// <param name="rule">How a tried feature's threshold is placed.</param>
    /// <param name="bootstrap">Whether each tree sees a bootstrap sample of the rows rather than all of them.</param>
    public TreeBuilder(float[][] x, double[] targets, int width, double[] weights, int maxFeatures, int minLeaf, SplitRule rule, bool bootstrap)
    {
        _x = x;
        _targets = targets;
        _width = width;
        _weights = weights;
        _maxFeatures = maxFeatures;
        _minLeaf = Math.Max(1, minLeaf);
        _rule = rule;
        _bootstrap = bootstrap;
    }

    private int FeatureCount => _x.Length == 0 ? 0 : _x[0].Length;

    /// <summary>Grows one tree with its own random draws.</summary>
    public DecisionTree Build(Random random)
    {
        var growth = new Growth(this, _bootstrap ? Bootstrap(random) : _weights, random);
        return growth.Grow();
    }

    // The rows' weights times how often a sample of as many rows, drawn with replacement, holds each.
    private double[] Bootstrap(Random random)
    {
        var weights = new double[_x.Length];
        for (int i = 0; i < _x.Length; i++) weights[random.Next(_x.Length)]++;
        for (int r = 0; r < weights.Length; r++) weights[r] *= _weights[r];
        return weights;
    }

    /// <summary>One tree's growth: its row weights, random draws and scratch space.</summary>
    private sealed class Growth
    {
        private readonly TreeBuilder _b;
        private readonly double[] _weights;
        private readonly Random _random;
        private readonly int[] _features;
        private readonly double[] _left;
        private readonly (float Value, int Row)[] _sorted;

        public Growth(TreeBuilder builder, double[] weights, Random random)
        {
            _b = builder;
            _weights = weights;
            _random = random;
            _features = Enumerable.Range(0, builder.FeatureCount).ToArray();
            _left = new double[builder._width];
            _sorted = builder._rule == SplitRule.BestThreshold ? new (float, int)[builder._x.Length] : [];
        }

        public DecisionTree Grow()
        {
            var nodes = new List<(int Feature, float Threshold, int Left, int Right, double[]? Values)>();
            int[] rows = Enumerable.Range(0, _b._x.Length).Where(r => _weights[r] > 0).ToArray();
            var pending = new Stack<(int Node, int Start, int Count)>();
            nodes.Add(default);
            pending.Push((0, 0, rows.Length));
            while (pending.Count > 0)
            {
                (int node, int start, int count) = pending.Pop();
                Span<int> span = rows.AsSpan(start, count);
                double[] sum = Sum(span, out double weight);
                if (Split(span, sum, weight) is not (int feature, float threshold))
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

        // The best split among the drawn features, or null when the node stays a leaf.
        private (int Feature, float Threshold)? Split(Span<int> rows, double[] sum, double weight)
        {
            if (rows.Length < 2 * _b._minLeaf || weight <= 0 || IsPure(rows, sum, weight)) return null;
            double parent = Dot(sum, sum) / weight;
            var best = (Gain: 1e-12 * Math.Max(1, Math.Abs(parent)), Split: ((int, float)?)null);
            int tried = 0;
            for (int drawn = 0; drawn < _features.Length && tried < _b._maxFeatures; drawn++)
            {
                int pick = _random.Next(drawn, _features.Length);
                (_features[drawn], _features[pick]) = (_features[pick], _features[drawn]);
                int feature = _features[drawn];
                (float min, float max) = Range(rows, feature);
                if (!(max > min)) continue;
                tried++;
                (double gain, float threshold) = _b._rule == SplitRule.BestThreshold
                    ? BestThreshold(rows, feature, sum, weight, parent)
                    : RandomThreshold(rows, feature, min, max, sum, weight, parent);
                if (gain > best.Gain) best = (gain, (feature, threshold));
            }

            return best.Split;
        }

        private (double Gain, float Threshold) RandomThreshold(Span<int> rows, int feature, float min, float max, double[] sum, double weight, double parent)
        {
            float threshold = (float)(min + (_random.NextDouble() * ((double)max - min)));
            if (threshold >= max) threshold = min;
            Array.Clear(_left);
            double leftWeight = 0;
            int leftCount = 0;
            foreach (int r in rows)
            {
                if (!(_b._x[r][feature] <= threshold)) continue; // as ONNX routes a missing value: to the right
                leftCount++;
                Add(r, ref leftWeight);
            }

            return (Gain(leftCount, rows.Length, leftWeight, sum, weight, parent), threshold);
        }

        // Scans the node's rows in the feature's order; a threshold sits midway between two distinct neighbours.
        private (double Gain, float Threshold) BestThreshold(Span<int> rows, int feature, double[] sum, double weight, double parent)
        {
            Span<(float Value, int Row)> sorted = _sorted.AsSpan(0, rows.Length);
            for (int i = 0; i < rows.Length; i++) sorted[i] = (_b._x[rows[i]][feature], rows[i]);
            sorted.Sort(MissingLast);
            Array.Clear(_left);
            double leftWeight = 0;
            var best = (Gain: double.NegativeInfinity, Threshold: 0f);
            for (int i = 0; i < sorted.Length - 1; i++)
            {
                Add(sorted[i].Row, ref leftWeight);
                float value = sorted[i].Value, next = sorted[i + 1].Value;
                if (!(next > value)) continue;
                double gain = Gain(i + 1, rows.Length, leftWeight, sum, weight, parent);
                if (gain <= best.Gain) continue;
                float threshold = (float)(((double)value + next) / 2);
                best = (gain, threshold < next ? threshold : value);
            }

            return best;
        }

        // Ascending values, missing ones last: never on the left of a threshold, as ONNX routes them right.
        private static int MissingLast((float Value, int Row) a, (float Value, int Row) b)
            => float.IsNaN(a.Value) ? (float.IsNaN(b.Value) ? 0 : 1) : float.IsNaN(b.Value) ? -1 : a.Value.CompareTo(b.Value);

        private void Add(int row, ref double leftWeight)
        {
            double w = _weights[row];
            leftWeight += w;
            for (int k = 0; k < _left.Length; k++) _left[k] += w * _b._targets[(row * _left.Length) + k];
        }

        // How much a split with the rows summed in _left on its left reduces the squared error; −∞ when a side is too small.
        private double Gain(int leftCount, int count, double leftWeight, double[] sum, double weight, double parent)
        {
            double rightWeight = weight - leftWeight;
            if (leftCount < _b._minLeaf || count - leftCount < _b._minLeaf || leftWeight <= 0 || rightWeight <= 0) return double.NegativeInfinity;
            double rightDot = 0;
            for (int k = 0; k < _left.Length; k++) rightDot += (sum[k] - _left[k]) * (sum[k] - _left[k]);
            return (Dot(_left, _left) / leftWeight) + (rightDot / rightWeight) - parent;
        }

        private double[] Sum(Span<int> rows, out double weight)
        {
            var sum = new double[_b._width];
            weight = 0;
            foreach (int r in rows)
            {
                weight += _weights[r];
                for (int k = 0; k < sum.Length; k++) sum[k] += _weights[r] * _b._targets[(r * sum.Length) + k];
            }

            return sum;
        }

        // Every row's target vector equals the node's mean (no split can reduce the error).
        private bool IsPure(Span<int> rows, double[] sum, double weight)
        {
            foreach (int r in rows)
            {
                for (int k = 0; k < sum.Length; k++)
                {
                    if (Math.Abs(_b._targets[(r * sum.Length) + k] - (sum[k] / weight)) > 1e-12 * Math.Max(1, Math.Abs(sum[k] / weight))) return false;
                }
            }

            return true;
        }

        private (float Min, float Max) Range(Span<int> rows, int feature)
        {
            float min = float.PositiveInfinity, max = float.NegativeInfinity;
            foreach (int r in rows)
            {
                float value = _b._x[r][feature];
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
                if (_b._x[rows[i]][feature] <= threshold) (rows[left], rows[i]) = (rows[i], rows[left++]);
            }

            return left;
        }
    }

    private static double Dot(double[] a, double[] b)
    {
        double total = 0;
        for (int k = 0; k < a.Length; k++) total += a[k] * b[k];
        return total;
    }
}
