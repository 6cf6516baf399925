using System.Diagnostics;
using AzureML.Core.Data;
using AzureML.Train.AutoML.Engine;
using AzureML.Train.AutoML.Engine.Data;
using AzureML.Train.AutoML.Engine.Learners;
using AzureML.Train.AutoML.Engine.OnnxExport;
using AzureML.Train.AutoML.Engine.Scoring;
using Google.Protobuf;

namespace AzureML.Train.AutoML.Benchmarks;

/// <summary>Fits AutoML on one training fold within the budget and predicts the held-out fold.</summary>
internal static class AutoMLFitter
{
    public static OursFold Fit(BenchmarkDataset dataset, DataFrame train, DataFrame test, IReadOnlyList<string>? classes, TimeSpan budget, int concurrency)
    {
        var clock = Stopwatch.StartNew();
        TaskKind task = dataset.IsClassification ? TaskKind.Classification : TaskKind.Regression;
        TrainingData data = TrainingDataBuilder.Build(new TrainingDataBuilder.Request { Training = train, Task = task, LabelColumn = dataset.Label });
        var settings = new EngineSettings
        {
            PrimaryMetric = dataset.GoalMetric,
            Learners = LearnerCatalog.For(task),
            ExperimentTimeout = budget,
            Concurrency = concurrency,
        };
        var monitor = new Timings();
        EngineResult result = new AutoMLEngine(data, settings, monitor).RunAsync(CancellationToken.None).GetAwaiter().GetResult();
        TrialOutcome best = result.Best ?? throw new InvalidOperationException("No iteration completed.");
        using OnnxSession session = OnnxSession.Load(best.Model.ToByteArray());
        IReadOnlyDictionary<string, Array> outputs = session.Run(ModelInputs.FromDataFrame(test, session.Inputs), test.RowCount);
        double[][] predictions = classes is null
            ? ((float[])outputs[OnnxNames.Prediction]).Select(v => new[] { (double)v }).ToArray()
            : Align((float[])outputs[OnnxNames.Probability], data.Classes!, classes);
        List<TrialOutcome> trials = monitor.Outcomes.Where(o => o.Members.Count == 0).ToList();
        return new OursFold
        {
            Predictions = predictions,
            BestAlgorithm = best.Algorithm,
            Iterations = monitor.Outcomes.Count + monitor.Failed,
            Setup = result.Setup.Duration,
            MeanTrain = Mean(trials.Select(t => t.TrainTime)),
            MeanExport = Mean(trials.Select(t => t.ExportTime)),
            MeanOther = Mean(trials.Select(t => t.Duration - t.TrainTime - t.ExportTime)),
            Wall = clock.Elapsed,
        };
    }

    // The model's class order is the engine's; the peers' is Python's sorted order: match them by label text.
    private static double[][] Align(float[] probabilities, ClassLabels modelClasses, IReadOnlyList<string> classes)
    {
        int k = modelClasses.Count;
        int[] column = classes.Select(c => Enumerable.Range(0, k).Single(i => modelClasses.Format(i) == c)).ToArray();
        int rows = probabilities.Length / k;
        return Enumerable.Range(0, rows).Select(r => column.Select(c => (double)probabilities[(r * k) + c]).ToArray()).ToArray();
    }

    private static TimeSpan Mean(IEnumerable<TimeSpan> values)
    {
        var list = values.ToList();
        return list.Count == 0 ? TimeSpan.Zero : TimeSpan.FromTicks((long)list.Average(v => v.Ticks));
    }

    private sealed class Timings : IEngineMonitor
    {
        public List<TrialOutcome> Outcomes { get; } = new();

        public int Failed { get; private set; }

        public void SetupCompleted(EngineSetup setup) { }

        public void TrialStarted(TrialStart start) { }

        public void TrialCompleted(TrialOutcome outcome) => Outcomes.Add(outcome);

        public void TrialEnded(TrialStart start, bool canceled, Exception error, TimeSpan duration) => Failed++;
    }
}
