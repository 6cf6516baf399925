using System.Globalization;
using AzureML.Core.Data;
using AzureML.Train.AutoML.Engine.Data;
using AzureML.Train.AutoML.Engine.Featurization;
using AzureML.Train.AutoML.Engine.Learners;
using AzureML.Train.AutoML.Engine.Search;
using Microsoft.ML;

namespace AzureML.Train.AutoML.Benchmarks;

/// <summary>
/// How well each learner's cost model (<see cref="Learner.FitMilliseconds"/>) predicts its fit time: every learner
/// fits its start, its warm starts and <see cref="RandomConfigurations"/> random configurations on all rows of each
/// data set with one thread (timed by <see cref="LearnerTiming.Median"/>), and the report gives the measured
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
            (TrainingData data, FeaturizedFold rows) = LearnerTiming.Featurize(dataset, Dataset.Tabular.FromDelimitedFiles(dataset.Path).ToDataFrame(), ml);
            var context = new LearnerContext { Task = data.Task, Classes = data.Classes, Rows = data.RowCount, Features = rows.FeatureCount, Seed = 1 };
            foreach (Learner learner in LearnerCatalog.For(data.Task))
            {
                double[] ratios = Configurations(learner, context).Select(config => Ratio(ml, learner, context, config, rows.Train)).Order().ToArray();
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

    private static double Ratio(MLContext ml, Learner learner, LearnerContext context, TrialConfig config, IDataView rows)
    {
        (TimeSpan median, TrainedModel trained) = LearnerTiming.Median(() => learner.Train(ml, context, config, rows, CancellationToken.None));
        return median.TotalMilliseconds / learner.FitMilliseconds(context, config, trained);
    }

    private static double Percentile(double[] sorted, double share) => sorted[(int)Math.Round(share * (sorted.Length - 1))];

    private static string Number(double value) => value.ToString("0.00", CultureInfo.InvariantCulture);
}
