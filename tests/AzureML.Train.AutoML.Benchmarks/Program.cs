using System.Globalization;
using AzureML.Core.Data;
using AzureML.Train.AutoML.Benchmarks;
using AzureML.Train.AutoML.Engine.Data;
using AzureML.Train.AutoML.Engine.Metrics;

// AutoML against scikit-learn 1.2 and XGBoost defaults on the same outer folds (numbers only, no asserts).
//   dotnet run -c Release --project tests/AzureML.Train.AutoML.Benchmarks -- [--budget 60] [--folds 5] [--concurrency 2] [--datasets heart,breast,iris,diabetes] [--selection true] [--trials trials.tsv] [--costs true]
var options = BenchmarkOptions.Parse(args);
if (options.Costs)
{
    CostReport.Print(BenchmarkDataset.All.Where(d => options.Datasets.Contains(d.Name)));
    return;
}

PeerRunner.EnsureInstalled();
string work = Directory.CreateTempSubdirectory("automl-benchmark-").FullName;
var summary = new List<string>();
var timing = new List<string>();
var overhead = new List<string>();
try
{
    Console.WriteLine($"AutoML benchmark: {options.Folds}-fold outer CV, {options.Budget.TotalSeconds:0} s AutoML budget per fold, concurrency {options.Concurrency}, {System.Environment.ProcessorCount} cores");
    foreach (BenchmarkDataset dataset in BenchmarkDataset.All.Where(d => options.Datasets.Contains(d.Name)))
    {
        string[] lines = File.ReadAllLines(dataset.Path);
        DataFrame all = Dataset.Tabular.FromDelimitedFiles(dataset.Path).ToDataFrame();
        DataFrameColumn labelColumn = all[dataset.Label];
        string[] labels = Enumerable.Range(0, all.RowCount).Select(r => ClassLabels.Format(labelColumn[r]!)).ToArray();
        int[] folds = OuterFolds.Assign(labels, options.Folds, dataset.IsClassification, seed: 2024);
        (IReadOnlyList<string>? classes, IReadOnlyList<PeerRunner.PeerFold> peers) = PeerRunner.Run(dataset, folds, work);

        var scores = new Dictionary<string, List<(double Goal, double Accuracy, double FitSeconds)>>();
        var ours = new List<OursFold>();
        var selection = new List<IReadOnlyList<SelectionEntry>>();
        DataFrame[] trains = Enumerable.Range(0, options.Folds)
            .Select(fold => Write(work, $"{dataset.Name}-{fold}-train.csv", lines, Enumerable.Range(0, folds.Length).Where(r => folds[r] != fold)))
            .ToArray();

        // Timed as the peers were, before any AutoML run loads the machine.
        List<TimeSpan> lightGbm = trains.Select(train => LightGbmTiming.Fit(dataset, train)).ToList();
        for (int fold = 0; fold < options.Folds; fold++)
        {
            int[] testRows = Enumerable.Range(0, folds.Length).Where(r => folds[r] == fold).ToArray();
            DataFrame train = trains[fold];
            DataFrame test = Write(work, $"{dataset.Name}-{fold}-test.csv", lines, testRows);
            OursFold result = AutoMLFitter.Fit(dataset, train, test, classes, options.Budget, options.Concurrency, work);
            ours.Add(result);
            Add(scores, "AutoML (this SDK)", Score(dataset, classes, labels, all, testRows, result.Predictions), result.Wall.TotalSeconds);
            foreach (PeerRunner.PeerFold peer in peers.Where(p => p.Fold == fold))
            {
                Add(scores, peer.Peer, Score(dataset, classes, labels, all, testRows, peer.Predictions), peer.FitSeconds);
            }

            Console.WriteLine($"  {dataset.Name} fold {fold}: {result.Iterations} iterations, best {result.BestAlgorithm}, {dataset.GoalMetric} {scores["AutoML (this SDK)"][^1].Goal:0.0000}");
            if (options.Selection)
            {
                Console.WriteLine($"    chosen by {SelectionReport.Choice(result.Run)}");
                selection.Add(SelectionReport.Of(result.Run, dataset.GoalMetric, model => Score(dataset, classes, labels, all, testRows, AutoMLFitter.Predict(model, test, classes)).Goal, options.TrialsFile));
            }
        }

        Console.WriteLine();
        Console.WriteLine($"== {dataset.Name}: {all.RowCount} rows, {dataset.Task}, mean over {options.Folds} held-out folds ==");
        Console.WriteLine(dataset.IsClassification ? $"{"model",-36}{"AUC_weighted",14}{"accuracy",10}{"fit s/fold",12}" : $"{"model",-36}{"r2_score",14}{"",10}{"fit s/fold",12}");
        foreach ((string model, var values) in scores)
        {
            string accuracy = dataset.IsClassification ? values.Average(v => v.Accuracy).ToString("0.0000", CultureInfo.InvariantCulture) : "";
            Console.WriteLine($"{model,-36}{values.Average(v => v.Goal),14:0.0000}{accuracy,10}{values.Average(v => v.FitSeconds),12:0.000}");
        }

        if (selection.Count > 0)
        {
            Console.WriteLine();
            Console.WriteLine($"-- {dataset.Name}: held-out {dataset.GoalMetric} of what the engine chose among (mean over the folds that have it) --");
            Console.WriteLine($"{"",-44}{"mean",10}{"trials",8}  per fold");
            foreach (string name in selection.SelectMany(fold => fold.Select(e => e.Name)).Distinct())
            {
                SelectionEntry[] entries = selection.SelectMany(fold => fold.Where(e => e.Name == name)).ToArray();
                string trials = entries[0].Trials is null ? "" : entries.Average(e => e.Trials!.Value).ToString("0.0", CultureInfo.InvariantCulture);
                Console.WriteLine($"{name,-44}{entries.Average(e => e.HeldOut),10:0.0000}{trials,8}  {string.Join(" ", entries.Select(e => e.HeldOut.ToString("0.0000", CultureInfo.InvariantCulture)))}" +
                    (entries.Length < selection.Count ? $" ({entries.Length} of {selection.Count} folds)" : ""));
            }
        }

        double oursGoal = scores["AutoML (this SDK)"].Average(v => v.Goal);
        (string bestPeer, double bestGoal) = scores.Where(s => s.Key != "AutoML (this SDK)").Select(s => (s.Key, s.Value.Average(v => v.Goal))).MaxBy(s => s.Item2);
        PairedDifference paired = PairedDifference.Of(scores["AutoML (this SDK)"].Select(v => v.Goal).ToList(), scores[bestPeer].Select(v => v.Goal).ToList());
        summary.Add($"{dataset.Name,-10}{dataset.GoalMetric,-14}{oursGoal,10:0.0000}{bestGoal,10:0.0000}  {bestPeer,-34}{Signed(paired.Mean),9}{paired.StandardError,9:0.0000}{$"{paired.Wins}/{paired.Ties}/{paired.Losses}",10}  {(oursGoal >= bestGoal ? "yes" : "no")}");

        double Median(string peer) => peers.Where(p => p.Peer == peer).Select(p => p.FitSeconds * 1000).Order().ElementAt(options.Folds / 2);
        double oursMs = lightGbm.Select(t => t.TotalMilliseconds).Order().ElementAt(options.Folds / 2);
        timing.Add($"{dataset.Name,-10}{oursMs,12:0.0}{Median("HistGradientBoosting"),12:0.0}{Median("XGBoost"),12:0.0}{oursMs / Median("HistGradientBoosting"),10:0.00}x{oursMs / Median("XGBoost"),10:0.00}x");
        overhead.Add($"{dataset.Name,-10}{ours.Average(o => o.Iterations),12:0.0}{ours.Average(o => o.Setup.TotalMilliseconds),12:0.0}" +
            $"{ours.Average(o => o.MeanTrain.TotalMilliseconds),12:0.0}{ours.Average(o => o.MeanExport.TotalMilliseconds),12:0.0}{ours.Average(o => o.MeanOther.TotalMilliseconds),12:0.0}");
    }

    Console.WriteLine();
    Console.WriteLine("== Summary: AutoML vs the best peer ==");
    Console.WriteLine($"{"dataset",-10}{"metric",-14}{"AutoML",10}{"peer",10}  {"best peer",-34}{"delta",9}{"+/- SE",9}{"W/T/L",10}  >= best");
    summary.ForEach(Console.WriteLine);
    Console.WriteLine("(delta: mean over the folds of AutoML minus the best peer on the same fold; SE: its standard error; W/T/L: folds won, tied, lost)");
    Console.WriteLine();
    Console.WriteLine("== LightGBM fit time (100 iterations, 31 leaves, all cores), median over folds, ms ==");
    Console.WriteLine($"{"dataset",-10}{"ours",12}{"HistGB",12}{"XGBoost",12}{"vs HistGB",11}{"vs XGB",11}");
    timing.ForEach(Console.WriteLine);
    Console.WriteLine();
    Console.WriteLine("== Engine overhead per fold / per trial, ms ==");
    Console.WriteLine($"{"dataset",-10}{"iterations",12}{"setup",12}{"train",12}{"export",12}{"other",12}");
    overhead.ForEach(Console.WriteLine);
}
finally
{
    Directory.Delete(work, recursive: true);
}

static DataFrame Write(string folder, string name, string[] lines, IEnumerable<int> rows)
{
    string path = Path.Combine(folder, name);
    File.WriteAllLines(path, rows.Select(r => lines[r + 1]).Prepend(lines[0]));
    return Dataset.Tabular.FromDelimitedFiles(path).ToDataFrame();
}

// A difference with its sign, "+0.0000" when it rounds to zero (a negative value that rounds to zero would print "-+0.0000").
static string Signed(double difference)
{
    double shown = Math.Round(difference, 4);
    return (shown == 0 ? 0 : shown).ToString("+0.0000;-0.0000", CultureInfo.InvariantCulture);
}

static void Add(Dictionary<string, List<(double, double, double)>> scores, string model, (double Goal, double Accuracy) score, double seconds)
{
    if (!scores.TryGetValue(model, out var list)) scores[model] = list = new();
    list.Add((score.Goal, score.Accuracy, seconds));
}

static (double Goal, double Accuracy) Score(BenchmarkDataset dataset, IReadOnlyList<string>? classes, string[] labels, DataFrame all, int[] rows, double[][] predictions)
{
    var matrix = new Predictions(rows.Length, predictions[0].Length, predictions.SelectMany(p => p).ToArray());
    if (classes is null)
    {
        double[] truth = rows.Select(r => all[dataset.Label].GetDouble(r)).ToArray();
        Dictionary<string, double> regression = RegressionMetrics.Compute(matrix, truth, ReadOnlySpan<float>.Empty, truth.Min(), truth.Max());
        return (regression["r2_score"], double.NaN);
    }

    var classLabels = new ClassLabels(DataFrameColumnType.String, classes.Cast<object>().ToList(), classes.Count - 1);
    int[] index = rows.Select(r => classes.ToList().IndexOf(labels[r])).ToArray();
    Dictionary<string, double> metrics = ClassificationMetrics.Compute(matrix, index, ReadOnlySpan<float>.Empty, classLabels);
    return (metrics["AUC_weighted"], metrics["accuracy"]);
}
