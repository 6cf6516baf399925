using AzureML.Train.AutoML.Engine.Data;
using AzureML.Train.AutoML.Engine.Learners;
using AzureML.Train.AutoML.Engine.Metrics;
using AzureML.Train.AutoML.Engine.OnnxExport;
using AzureML.Train.AutoML.Engine.Scoring;
using AzureML.Train.AutoML.Engine.Search;
using AzureML.Train.AutoML.Engine.Trials;
using System.Text.Json.Nodes;
using Google.Protobuf;
using NUnit.Framework;

namespace AzureML.Train.AutoML.Tests.Engine;

/// <summary>
/// Every learner, after the full featurizer (gaps, categories, hashing, date-times), exported to ONNX gives what
/// ML.NET gives on every row: identical labels and probabilities within 1e-5.
/// </summary>
[TestFixture]
public class OnnxParityTests
{
    private static readonly object[] s_cases = new[] { "binary", "multiclass" }
        .SelectMany(kind => LearnerCatalog.For(TaskKind.Classification).Select(l => new object[] { kind, l.Name }))
        .Concat(LearnerCatalog.For(TaskKind.Regression).Select(l => new object[] { "regression", l.Name })).ToArray();

    [TestCaseSource(nameof(s_cases))]
    public void Export_MixedColumns_MatchesMLNet(string labelKind, string learnerName)
    {
        // Arrange
        TaskKind task = labelKind == "regression" ? TaskKind.Regression : TaskKind.Classification;
        TrainingData data = EngineFixtures.Build(EngineFixtures.Mixed(240, labelKind), task, "label");
        TrialData shared = EngineFixtures.Prepare(data);
        Learner learner = LearnerCatalog.For(task).Single(l => l.Name == learnerName);
        LearnerContext context = EngineFixtures.Context(shared);
        SearchSpace space = learner.Space(context);
        TrialConfig config = EngineFixtures.Grown(space, ("n_estimators", 30), ("num_leaves", 8));
        TrialResult trial = TrialRunner.Run(shared, learner, config, context, CancellationToken.None);

        // Act
        var model = TrialExporter.Export(shared, trial, new OnnxModelSpec { Data = data, Algorithm = learner.Name, Pipeline = learner.Name });
        using OnnxSession session = OnnxSession.Load(model.ToByteArray());
        IReadOnlyDictionary<string, Array> outputs = session.Run(EngineFixtures.RawInputs(data), data.RowCount);
        int[] all = Enumerable.Range(0, data.RowCount).ToArray();
        Predictions expected = TrialExporter.PredictInProcess(shared, trial, all);

        // Assert
        Assert.That(session.Inputs.Select(i => i.Name), Is.EqualTo(data.Inputs.Select(i => i.Name)));
        if (task == TaskKind.Classification)
        {
            var probabilities = (float[])outputs[OnnxNames.Probability];
            object[] labels = outputs[OnnxNames.Label].Cast<object>().ToArray();
            double worst = 0;
            for (int r = 0; r < data.RowCount; r++)
            {
                for (int c = 0; c < expected.Width; c++) worst = Math.Max(worst, Math.Abs(probabilities[(r * expected.Width) + c] - expected[r, c]));
            }

            Assert.That(worst, Is.LessThan(1e-5), "largest probability difference");
            Assert.That(labels, Is.EqualTo(all.Select(r => data.Classes!.Classes[expected.ArgMax(r)]).ToArray()));
        }
        else
        {
            var predictions = (float[])outputs[OnnxNames.Prediction];
            double scale = Math.Max(1, data.Targets.Max(Math.Abs));
            double worst = all.Max(r => Math.Abs(predictions[r] - expected[r, 0]));
            Assert.That(worst / scale, Is.LessThan(1e-5), "largest relative prediction difference");
        }
    }

    [TestCaseSource(nameof(s_cases))]
    [Category("Integration")]
    public void ScoringFile_MixedColumns_MatchesOnnxRuntime(string labelKind, string learnerName)
    {
        // Arrange
        TaskKind task = labelKind == "regression" ? TaskKind.Regression : TaskKind.Classification;
        TrainingData data = EngineFixtures.Build(EngineFixtures.Mixed(120, labelKind), task, "label");
        TrialData shared = EngineFixtures.Prepare(data);
        Learner learner = LearnerCatalog.For(task).Single(l => l.Name == learnerName);
        LearnerContext context = EngineFixtures.Context(shared);
        TrialConfig config = EngineFixtures.Grown(learner.Space(context), ("n_estimators", 30), ("num_leaves", 8));
        TrialResult trial = TrialRunner.Run(shared, learner, config, context, CancellationToken.None);
        var model = TrialExporter.Export(shared, trial, new OnnxModelSpec { Data = data, Algorithm = learner.Name, Pipeline = learner.Name });
        using var folder = new TestFolder();

        // Act
        JsonNode answer = PythonScoring.Score(model, data, folder.Path);

        // Assert
        using OnnxSession session = OnnxSession.Load(model.ToByteArray());
        IReadOnlyDictionary<string, Array> expected = session.Run(EngineFixtures.RawInputs(data), data.RowCount);
        AssertSameAnswers(answer, expected, data);
    }

    /// <summary>The scoring file's labels equal ONNX Runtime's (in the label's JSON type), probabilities within 1e-5.</summary>
    internal static void AssertSameAnswers(JsonNode answer, IReadOnlyDictionary<string, Array> expected, TrainingData data)
    {
        JsonArray result = answer["result"]!.AsArray();
        if (data.Classes is null)
        {
            var predictions = (float[])expected[OnnxNames.Prediction];
            double scale = Math.Max(1, predictions.Max(Math.Abs));
            Assert.That(result.Select((v, i) => Math.Abs(v!.GetValue<double>() - predictions[i]) / scale).Max(), Is.LessThan(1e-5));
            return;
        }

        object[] labels = expected[OnnxNames.Label].Cast<object>().ToArray();
        Assert.That(result.Select(v => v!.GetValueKind() switch
        {
            System.Text.Json.JsonValueKind.True or System.Text.Json.JsonValueKind.False => (object)v.GetValue<bool>(),
            System.Text.Json.JsonValueKind.String => v.GetValue<string>(),
            _ => labels[0] is long ? v.GetValue<long>() : v.GetValue<double>(),
        }).ToArray(), Is.EqualTo(labels));
        var probabilities = (float[])expected[OnnxNames.Probability];
        int k = data.Classes.Count;
        double worst = answer["probabilities"]!.AsArray().SelectMany((row, r) => row!.AsArray().Select((p, c) => Math.Abs(p!.GetValue<double>() - probabilities[(r * k) + c]))).Max();
        Assert.That(worst, Is.LessThan(1e-5), "largest probability difference");
    }
}
