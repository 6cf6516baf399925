using AzureML.Train.AutoML.Engine.Data;
using AzureML.Train.AutoML.Engine.Metrics;
using AzureML.Train.AutoML.Engine.OnnxExport;
using Microsoft.ML;
using Onnx;

namespace AzureML.Train.AutoML.Engine.Learners.Trees;

/// <summary>
/// Trees the engine grew itself, averaged: the mean of the leaves' class probabilities (class order) or predictions.
/// Exported behind the featurizer as one ONNX <c>TreeEnsembleRegressor</c> with a target per class whose leaf
/// weights are the leaves' values divided by the number of trees.
/// </summary>
internal sealed class ForestModel : TrainedModel
{
    private readonly IReadOnlyList<DecisionTree> _trees;
    private readonly int _width;
    private readonly bool _classification;

    /// <param name="trees">The trees; every leaf holds <paramref name="width"/> values.</param>
    /// <param name="width">The number of classes, or 1 for a prediction.</param>
    /// <param name="classification">Whether the values are class probabilities (else one prediction).</param>
    public ForestModel(IReadOnlyList<DecisionTree> trees, int width, bool classification)
    {
        if (trees.Count == 0) throw new ArgumentException("A forest needs at least one tree.", nameof(trees));
        _trees = trees;
        _width = width;
        _classification = classification;
    }

    /// <summary>The mean number of nodes (splits and leaves) of a tree.</summary>
    public double NodesPerTree => _trees.Average(t => t.NodeCount);

    public override Predictions Predict(IDataView features, TrainingData data)
    {
        float[][] rows = LinearRegressionModel.ReadFeatures(features);
        var predictions = new Predictions(rows.Length, _width);
        for (int r = 0; r < rows.Length; r++)
        {
            foreach (DecisionTree tree in _trees)
            {
                double[] leaf = tree.Leaf(rows[r]);
                for (int k = 0; k < _width; k++) predictions[r, k] += leaf[k];
            }

            for (int k = 0; k < _width; k++) predictions[r, k] /= _trees.Count;
        }

        return predictions;
    }

    public override ModelProto Export(ITransformer featurizer, PipelineColumns columns, OnnxModelSpec spec)
    {
        (ModelProto model, string features) = FeaturizerGraph.Export(featurizer, columns);
        var nodes = new NodeArrays();
        var leaves = new LeafArrays();
        for (int t = 0; t < _trees.Count; t++)
        {
            DecisionTree tree = _trees[t];
            for (int n = 0; n < tree.NodeCount; n++)
            {
                bool leaf = tree.Feature[n] < 0;
                nodes.Add(t, n, leaf ? 0 : tree.Feature[n], leaf ? 0 : tree.Threshold[n], leaf ? "LEAF" : "BRANCH_LEQ", leaf ? 0 : tree.Left[n], leaf ? 0 : tree.Right[n]);
                if (!leaf) continue;
                for (int k = 0; k < _width; k++) leaves.Add(t, n, k, (float)(tree.Values[n]![k] / _trees.Count));
            }
        }

        var writer = new OnnxGraphWriter(model.Graph, "forest_");
        string scores = writer.Node("TreeEnsembleRegressor", new[] { features }, domain: OnnxGraphWriter.MLDomain, attributes: nodes.Attributes().Concat(leaves.Attributes())
            .Append(("n_targets", (long)_width)).Append(("aggregate_function", "SUM")).Append(("post_transform", "NONE")).ToArray());
        return OnnxModelFinisher.Finish(model, _classification ? ScoreOutput.ClassProbabilities : ScoreOutput.Value, scores, spec);
    }

    // The nodes_* attributes of a TreeEnsembleRegressor.
    private sealed class NodeArrays
    {
        private readonly List<long> _trees = new(), _ids = new(), _features = new(), _true = new(), _false = new();
        private readonly List<float> _values = new();
        private readonly List<string> _modes = new();

        public void Add(int tree, int id, int feature, float value, string mode, int whenTrue, int whenFalse)
        {
            _trees.Add(tree);
            _ids.Add(id);
            _features.Add(feature);
            _values.Add(value);
            _modes.Add(mode);
            _true.Add(whenTrue);
            _false.Add(whenFalse);
        }

        public IEnumerable<(string, object)> Attributes() => new (string, object)[]
        {
            ("nodes_treeids", _trees.ToArray()), ("nodes_nodeids", _ids.ToArray()), ("nodes_featureids", _features.ToArray()), ("nodes_values", _values.ToArray()),
            ("nodes_modes", _modes.ToArray()), ("nodes_truenodeids", _true.ToArray()), ("nodes_falsenodeids", _false.ToArray()),
        };
    }

    // The target_* attributes: each leaf's weight per target.
    private sealed class LeafArrays
    {
        private readonly List<long> _trees = new(), _nodes = new(), _targets = new();
        private readonly List<float> _weights = new();

        public void Add(int tree, int node, int target, float weight)
        {
            _trees.Add(tree);
            _nodes.Add(node);
            _targets.Add(target);
            _weights.Add(weight);
        }

        public IEnumerable<(string, object)> Attributes() => new (string, object)[]
        {
            ("target_treeids", _trees.ToArray()), ("target_nodeids", _nodes.ToArray()), ("target_ids", _targets.ToArray()), ("target_weights", _weights.ToArray()),
        };
    }
}
