using AzureML.Train.AutoML.Engine.Data;
using AzureML.Train.AutoML.Engine.Learners;
using AzureML.Train.AutoML.Engine.Metrics;
using AzureML.Train.AutoML.Engine.OnnxExport;
using AzureML.Train.AutoML.Engine.Search;
using AzureML.Train.AutoML.Engine.Trials;
using AzureML.Train.AutoML.Engine.Validation;
using Microsoft.ML;
using Microsoft.ML.Data;
using Onnx;

namespace AzureML.Train.AutoML.Engine.Ensembles;

/// <summary>
/// A stack ensemble: a meta model over the best iterations' out-of-fold predictions (logistic regression on their
/// probabilities for classification, ridge regression on their predictions for regression). Its own out-of-fold
/// predictions come from meta models fitted on the other folds, so its metrics are as honest as the members'.
/// </summary>
internal static class StackEnsembleBuilder
{
    public const int MaxMembers = 5;
    private const int MetaFolds = 5;
    private const double RidgeAlpha = 1e-3;

    public static (Predictions OutOfFold, ModelProto Model, string Pipeline) Build(TrialData shared, IReadOnlyList<TrialOutcome> members, int seed, OnnxModelSpec spec)
    {
        TrainingData data = shared.Data;
        int[] rows = shared.ValidatedRows;
        float[][] features = Features(data, members.Select(m => m.OutOfFold).ToList());
        var outOfFold = new Predictions(rows.Length, data.OutputWidth);

        // Each repeat of the cross-validation validates every row once: meta models are cross-validated within a
        // repeat, so no row's meta prediction comes from a meta model that saw that row.
        foreach ((int start, int length) in shared.Repeats)
        {
            int[] repeat = Enumerable.Range(start, length).ToArray();
            int[] fold = FoldPlan.Assign(data, repeat.Select(i => rows[i]).ToArray(), MetaFolds, seed);
            for (int f = 0; f < MetaFolds; f++)
            {
                int[] train = repeat.Where((_, j) => fold[j] != f).ToArray();
                int[] test = repeat.Where((_, j) => fold[j] == f).ToArray();
                if (test.Length == 0) continue;
                Predictions predictions = Meta(data, features, rows, train, seed).Predict(test.Select(i => features[i]).ToArray());
                for (int i = 0; i < test.Length; i++) predictions.Row(i).CopyTo(outOfFold.Values.AsSpan(test[i] * outOfFold.Width, outOfFold.Width));
            }
        }

        MetaModel final = Meta(data, features, rows, Enumerable.Range(0, rows.Length).ToArray(), seed);
        ModelProto model = OnnxEnsembleMerger.Stack(members.Select(m => m.Model).ToList(), final.Onnx, final.Scores, final.Output, spec);
        string pipeline = $"StackEnsemble({final.Description} over iterations {string.Join(", ", members.Select(m => $"{m.Iteration} {m.Algorithm}"))})";
        return (outOfFold, model, pipeline);
    }

    // The members' positive-class probabilities (binary), all class probabilities (multiclass) or predictions, side by side.
    private static float[][] Features(TrainingData data, IReadOnlyList<Predictions> members)
    {
        int rows = members[0].Rows;
        bool binary = data.IsBinary;
        int positive = data.Classes?.PositiveIndex ?? 0;
        return Enumerable.Range(0, rows).Select(r => members.SelectMany(m => binary ? new[] { (float)m[r, positive] } : m.Row(r).ToArray().Select(v => (float)v)).ToArray()).ToArray();
    }

    private static MetaModel Meta(TrainingData data, float[][] features, int[] rows, int[] train, int seed)
    {
        float[][] x = train.Select(i => features[i]).ToArray();
        double[]? weights = data.Weights is null ? null : train.Select(i => (double)data.Weights[rows[i]]).ToArray();
        if (data.Classes is null)
        {
            (double[] coefficients, double intercept) = ElasticNetSolver.Fit(x, train.Select(i => data.Targets[rows[i]]).ToArray(), weights, RidgeAlpha, 0, CancellationToken.None);
            return MetaModel.Linear(coefficients, intercept);
        }

        return MetaModel.Logistic(data, x, train.Select(i => data.ClassIndex[rows[i]]).ToArray(), weights, seed);
    }

    /// <summary>A fitted meta model: it predicts feature rows and is also an ONNX model with one [N, features] input.</summary>
    private sealed class MetaModel
    {
        private readonly Func<float[][], Predictions> _predict;

        private MetaModel(Func<float[][], Predictions> predict, ModelProto onnx, string scores, ScoreOutput output, string description)
        {
            _predict = predict;
            Onnx = onnx;
            Scores = scores;
            Output = output;
            Description = description;
        }

        public ModelProto Onnx { get; }

        public string Scores { get; }

        public ScoreOutput Output { get; }

        public string Description { get; }

        public Predictions Predict(float[][] rows) => _predict(rows);

        public static MetaModel Linear(double[] coefficients, double intercept)
        {
            var model = new ModelProto { IrVersion = 6, Graph = new GraphProto { Name = "meta" } };
            model.OpsetImport.Add(new OperatorSetIdProto { Domain = "", Version = 12 });
            model.OpsetImport.Add(new OperatorSetIdProto { Domain = OnnxGraphWriter.MLDomain, Version = 2 });
            model.Graph.Input.Add(OnnxGraphWriter.TensorInfo(PipelineColumns.Features, TensorProto.Types.DataType.Float, -1, coefficients.Length));
            new OnnxGraphWriter(model.Graph, "meta_").Node("LinearRegressor", new[] { PipelineColumns.Features }, OnnxModelFinisher.ScoreColumnOutput, OnnxGraphWriter.MLDomain,
                ("coefficients", coefficients.Select(c => (float)c).ToArray()), ("intercepts", new[] { (float)intercept }), ("targets", 1L));
            model.Graph.Output.Add(OnnxGraphWriter.TensorInfo(OnnxModelFinisher.ScoreColumnOutput, TensorProto.Types.DataType.Float, -1, 1));
            Predictions Predict(float[][] rows)
            {
                var predictions = new Predictions(rows.Length, 1);
                for (int r = 0; r < rows.Length; r++) predictions[r, 0] = intercept + coefficients.Select((c, j) => c * rows[r][j]).Sum();
                return predictions;
            }

            return new MetaModel(Predict, model, OnnxModelFinisher.ScoreColumnOutput, ScoreOutput.Value, "ridge regression");
        }

        public static MetaModel Logistic(TrainingData data, float[][] x, int[] classIndex, double[]? weights, int seed)
        {
            var ml = new MLContext(seed);
            var context = new LearnerContext { Task = TaskKind.Classification, Classes = data.Classes, Rows = x.Length, HasWeights = weights is not null, Seed = seed };
            var config = new TrialConfig(new (string, object)[] { ("l2_regularization", 1.0), ("l1_regularization", 1e-4), (LinearScaling.Parameter, LinearScaling.Standard) });
            ITransformer model = new LbfgsLearner().Estimator(ml, context, config).Fit(View(data, x, classIndex, weights));
            ScoreOutput output = data.IsBinary ? ScoreOutput.Probability : ScoreOutput.ClassProbabilities;
            using var stream = new MemoryStream();
            ml.Model.ConvertToOnnx(model, View(data, x, null, null), stream, data.IsBinary ? "Probability" : "Score");
            Predictions Predict(float[][] rows) => PredictionReader.Read(model.Transform(View(data, rows, null, null)), output, data.OutputWidth, data.Classes!.PositiveIndex);
            return new MetaModel(Predict, ModelProto.Parser.ParseFrom(stream.ToArray()),
                data.IsBinary ? OnnxModelFinisher.ProbabilityColumnOutput : OnnxModelFinisher.ScoreColumnOutput, output, "logistic regression");
        }

        // The meta features as ML.NET rows; with classes, the label the way the trainers want it.
        private static TableDataView View(TrainingData data, float[][] x, int[]? classIndex, double[]? weights)
        {
            var columns = new List<(string, DataViewType, Array)> { (PipelineColumns.Features, new VectorDataViewType(NumberDataViewType.Single, x[0].Length), x) };
            if (classIndex is not null) columns.Add(PipelineColumns.ClassColumn(data.Classes!, classIndex));

            if (weights is not null) columns.Add((PipelineColumns.Weight, NumberDataViewType.Single, weights.Select(w => (float)w).ToArray()));
            return new TableDataView(columns);
        }
    }
}
