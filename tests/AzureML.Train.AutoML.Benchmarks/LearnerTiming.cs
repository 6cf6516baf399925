using System.Diagnostics;
using AzureML.Core.Data;
using AzureML.Train.AutoML.Engine.Data;
using AzureML.Train.AutoML.Engine.Featurization;
using AzureML.Train.AutoML.Engine.Learners;
using Microsoft.ML;

namespace AzureML.Train.AutoML.Benchmarks;

/// <summary>
/// What the benchmark's fit timings share: a data set's rows featurized as the engine does, and the median of
/// <see cref="Repeats"/> timed fits after one untimed fit that loads and compiles the code.
/// </summary>
internal static class LearnerTiming
{
    /// <summary>How many timed fits the median is taken over (the peers' script fits each peer as often).</summary>
    public const int Repeats = 3;

    /// <summary>Every row of <paramref name="frame"/> featurized by the engine's automatic featurization.</summary>
    public static (TrainingData Data, FeaturizedFold Rows) Featurize(BenchmarkDataset dataset, DataFrame frame, MLContext ml)
    {
        TaskKind task = dataset.IsClassification ? TaskKind.Classification : TaskKind.Regression;
        TrainingData data = TrainingDataBuilder.Build(new TrainingDataBuilder.Request { Training = frame, Task = task, LabelColumn = dataset.Label });
        var plan = FeaturizerPlan.Create(new PipelineColumns(data), enabled: true);
        return (data, FeaturizedFold.Fit(ml, plan, Enumerable.Range(0, data.RowCount).ToArray(), null));
    }

    /// <summary>The median time of <see cref="Repeats"/> calls of <paramref name="fit"/> after an untimed one, and the last model it fitted.</summary>
    public static (TimeSpan Median, TrainedModel Model) Median(Func<TrainedModel> fit)
    {
        TrainedModel model = fit();
        var times = new List<TimeSpan>();
        for (int i = 0; i < Repeats; i++)
        {
            var clock = Stopwatch.StartNew();
            model = fit();
            times.Add(clock.Elapsed);
        }

        return (times.Order().ElementAt(times.Count / 2), model);
    }
}
