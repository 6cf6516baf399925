using System.Globalization;

namespace AzureML.Train.AutoML.Benchmarks;

/// <summary>
/// Command-line options: <c>--budget seconds</c>, <c>--folds n</c>, <c>--concurrency n</c>, <c>--datasets a,b</c>,
/// <c>--selection true</c> (print the <see cref="SelectionReport"/>), <c>--trials file.tsv</c> (append every trial's
/// cross-validated and held-out score to a file; implies <c>--selection true</c>), <c>--costs true</c> (print the
/// <see cref="CostReport"/> instead of the benchmark).
/// </summary>
internal sealed record BenchmarkOptions(TimeSpan Budget, int Folds, int Concurrency, IReadOnlySet<string> Datasets, bool Selection, string? TrialsFile, bool Costs)
{
    public static BenchmarkOptions Parse(string[] args)
    {
        var options = new BenchmarkOptions(TimeSpan.FromSeconds(60), 5, System.Environment.ProcessorCount, BenchmarkDataset.All.Select(d => d.Name).ToHashSet(), Selection: false, TrialsFile: null, Costs: false);
        for (int i = 0; i + 1 < args.Length; i += 2)
        {
            string value = args[i + 1];
            options = args[i] switch
            {
                "--budget" => options with { Budget = TimeSpan.FromSeconds(double.Parse(value, CultureInfo.InvariantCulture)) },
                "--folds" => options with { Folds = int.Parse(value, CultureInfo.InvariantCulture) },
                "--concurrency" => options with { Concurrency = int.Parse(value, CultureInfo.InvariantCulture) },
                "--datasets" => options with { Datasets = value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToHashSet() },
                "--selection" => options with { Selection = bool.Parse(value) },
                "--costs" => options with { Costs = bool.Parse(value) },
                "--trials" => options with { Selection = true, TrialsFile = Path.GetFullPath(value) },
                _ => throw new ArgumentException($"Unknown option '{args[i]}'. Options: --budget <seconds> --folds <n> --concurrency <n> --datasets <heart,breast,iris,diabetes> --selection <true|false> --trials <file.tsv> --costs <true|false>."),
            };
        }

        if (args.Length % 2 != 0) throw new ArgumentException($"Option '{args[^1]}' needs a value.");
        return options;
    }
}
