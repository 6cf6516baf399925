using System.Diagnostics;
using System.Globalization;
using AzureML.Core.Data;
using AzureML.Train.AutoML.Engine.Data;
using AzureML.Train.AutoML.Engine.Learners;
using AzureML.Train.AutoML.Engine.Search;
using AzureML.Train.AutoML.Engine.Trials;
using AzureML.Train.AutoML.Engine.Validation;
using Microsoft.ML;

namespace AzureML.Train.AutoML.Benchmarks;

/// <summary>
/// How well each learner's cost model (<see cref="Learner.FitMilliseconds"/>) predicts its fit time: every learner
/// fits its start, its warm starts and <see cref="RandomConfigurations"/> random configurations on all rows of each
/// data set with one thread (the median of three fits, after one that warms up), and the report gives the measured
/// over modelled ratio's median and 10th and 90th percentiles. Printed with <c>--costs true</c>, instead of the benchmark.
/// </summary>
internal static class CostReport
{
    private const int RandomConfigurations = 14;

    public static void Print(IEnumerable<BenchmarkDataset> datasets)
    {
        Console.WriteLine("== Cost model: measured / modelled fit time, one thread, all rows ==");
        Console.WriteLine($"{"dataset",-10}{"learner",-22}{"fits",6}{"median",9}{"p10",8}{"p90",8}");
        var ml = new MLContext(1);
        foreach (BenchmarkDataset dataset in datasets)
        {
            DataFrame frame = Dataset.Tabular.FromDelimitedFiles(dataset.Path).ToDataFrame();
            TaskKind task = dataset.IsClassification ? TaskKind.Classification : TaskKind.Regression;
            TrainingData data = TrainingDataBuilder.Build(new TrainingDataBuilder.Request { Training = frame, Task = task, LabelColumn = dataset.Label });
            TrialData shared = TrialData.Prepare(data, FoldPlan.Create(data, 5, null, 1), featurize: true, 1, CancellationToken.None);
            var context = new LearnerContext
            {
                Task = task, Classes = data.Classes, Rows = (int)shared.Final.Train.GetRowCount()!.Value, Features = shared.Final.FeatureCount, Seed = 1,
            };
            foreach (Learner learner in LearnerCatalog.For(task))
            {
                double[] ratios = Configurations(learner, context).Select(config => Ratio(ml, learner, context, config, shared)).Order().ToArray();
                Console.WriteLine($"{dataset.Name,-10}{learner.Name,-22}{ratios.Length,6}{Number(Percentile(ratios, 0.5)),9}{Number(Percentile(ratios, 0.1)),8}{Number(Percentile(ratios, 0.9)),8}");
            }
        }
    }

    private static IEnumerable<TrialConfig> Configurations(Learner learner, LearnerContext context)
    {
        SearchSpace space = learner.Space(context);
        var random = new Random(5);
        return learner.WarmStarts(context).Prepend(space.Initial)
            .Concat(Enumerable.Range(0, RandomConfigurations).Select(_ => space.Denormalize(Enumerable.Range(0, space.Dimensions).Select(_ => random.NextDouble()).ToArray())));
    }

    private static double Ratio(MLContext ml, Learner learner, LearnerContext context, TrialConfig config, TrialData shared)
    {
        TrainedModel trained = learner.Train(ml, context, config, shared.Final.Train, CancellationToken.None);
        var times = new double[3];
        for (int i = 0; i < times.Length; i++)
        {
            var clock = Stopwatch.StartNew();
            trained = learner.Train(ml, context, config, shared.Final.Train, CancellationToken.None);
            times[i] = clock.Elapsed.TotalMilliseconds;
        }

        return times.Order().ElementAt(1) / learner.FitMilliseconds(context, config, trained);
    }

    private static double Percentile(double[] sorted, double share) => sorted[(int)Math.Round(share * (sorted.Length - 1))];

    private static string Number(double value) => value.ToString("0.00", CultureInfo.InvariantCulture);
}
