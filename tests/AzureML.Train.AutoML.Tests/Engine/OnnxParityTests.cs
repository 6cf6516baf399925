using AzureML.Train.AutoML.Engine.Data;
using AzureML.Train.AutoML.Engine.Learners;
using AzureML.Train.AutoML.Engine.Metrics;
using AzureML.Train.AutoML.Engine.OnnxExport;
using AzureML.Train.AutoML.Engine.Scoring;
using AzureML.Train.AutoML.Engine.Search;
using AzureML.Train.AutoML.Engine.Trials;
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
}
