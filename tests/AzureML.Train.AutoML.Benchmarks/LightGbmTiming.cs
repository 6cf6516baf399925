using AzureML.Core.Data;
using AzureML.Train.AutoML.Engine.Data;
using AzureML.Train.AutoML.Engine.Featurization;
using AzureML.Train.AutoML.Engine.Learners;
using AzureML.Train.AutoML.Engine.Search;
using Microsoft.ML;

namespace AzureML.Train.AutoML.Benchmarks;

/// <summary>
/// Times the engine's LightGBM with settings like HistGradientBoosting's defaults (100 iterations, 31 leaves,
/// learning rate 0.1, 20 rows per leaf, 255 bins) on a training fold, using every core as the peers do, as the
/// peers are timed (<see cref="LearnerTiming.Median"/>).
/// </summary>
internal static class LightGbmTiming
{
    public static TimeSpan Fit(BenchmarkDataset dataset, DataFrame train)
    {
        var ml = new MLContext(1);
        (TrainingData data, FeaturizedFold rows) = LearnerTiming.Featurize(dataset, train, ml);
        var learner = new LightGbmLearner();
        var context = new LearnerContext { Task = data.Task, Classes = data.Classes, Rows = data.RowCount, Threads = System.Environment.ProcessorCount, Seed = 1 };
        var config = new TrialConfig(new (string, object)[]
        {
            ("n_estimators", 100), ("num_leaves", 31), ("min_child_samples", 20), ("learning_rate", 0.1), ("log_max_bin", 8),
            ("colsample_bytree", 1.0), ("reg_alpha", 1.0 / 1024), ("reg_lambda", 1.0 / 1024),
        });
        return LearnerTiming.Median(() => learner.Train(ml, context, config, rows.Train, CancellationToken.None)).Median;
    }
}
