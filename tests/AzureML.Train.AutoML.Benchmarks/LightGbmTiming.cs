using System.Diagnostics;
using AzureML.Core.Data;
using AzureML.Train.AutoML.Engine.Data;
using AzureML.Train.AutoML.Engine.Featurization;
using AzureML.Train.AutoML.Engine.Learners;
using AzureML.Train.AutoML.Engine.Search;
using Microsoft.ML;

namespace AzureML.Train.AutoML.Benchmarks;

/// <summary>
/// Times the engine's LightGBM with settings like HistGradientBoosting's defaults (100 iterations, 31 leaves,
/// learning rate 0.1, 20 rows per leaf, 255 bins) on a training fold, using every core as the peers do: the median of
/// <see cref="Repeats"/> fits (as the peers are timed) after one untimed fit that loads and compiles the code.
/// </summary>
internal static class LightGbmTiming
{
    /// <summary>How many timed fits the median is taken over (the peers' script fits each peer as often).</summary>
    public const int Repeats = 3;

    public static TimeSpan Fit(BenchmarkDataset dataset, DataFrame train)
    {
        TaskKind task = dataset.IsClassification ? TaskKind.Classification : TaskKind.Regression;
        TrainingData data = TrainingDataBuilder.Build(new TrainingDataBuilder.Request { Training = train, Task = task, LabelColumn = dataset.Label });
        var plan = FeaturizerPlan.Create(new PipelineColumns(data), enabled: true);
        var ml = new MLContext(1);
        FeaturizedFold fold = FeaturizedFold.Fit(ml, plan, Enumerable.Range(0, data.RowCount).ToArray(), null);
        var learner = new LightGbmLearner();
        var context = new LearnerContext { Task = task, Classes = data.Classes, Rows = data.RowCount, Threads = System.Environment.ProcessorCount, Seed = 1 };
        var config = new TrialConfig(new (string, object)[]
        {
            ("n_estimators", 100), ("num_leaves", 31), ("min_child_samples", 20), ("learning_rate", 0.1), ("log_max_bin", 8),
            ("colsample_bytree", 1.0), ("reg_alpha", 1.0 / 1024), ("reg_lambda", 1.0 / 1024),
        });
        learner.Train(ml, context, config, fold.Train, CancellationToken.None);
        var times = new List<TimeSpan>();
        for (int i = 0; i < Repeats; i++)
        {
            var clock = Stopwatch.StartNew();
            learner.Train(ml, context, config, fold.Train, CancellationToken.None);
            times.Add(clock.Elapsed);
        }

        return times.Order().ElementAt(times.Count / 2);
    }
}
