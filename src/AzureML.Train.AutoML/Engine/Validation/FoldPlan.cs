using AzureML.Train.AutoML.Engine.Data;

namespace AzureML.Train.AutoML.Engine.Validation;

/// <summary>
/// How trials are validated, by azureml's rules: the user's validation data, the user's split columns,
/// k-fold cross-validation (stratified for classification) or a train/validation split. Without a choice,
/// fewer than 1,000 rows get 5 folds repeated 3 times with different shuffles, up to 20,000 rows 3 folds, more a
/// 10% validation split. On a few hundred rows one partition's fold scores swing by several points of AUC, so the
/// search and the ensemble selection would chase that partition's noise; averaging three partitions costs 1.5×
/// the fits of 10-fold cross-validation and ranks configurations more stably.
/// </summary>
internal sealed class FoldPlan
{
    public const int SmallDataRows = 1000;
    public const int SmallDataFolds = 5;
    public const int SmallDataRepeats = 3;
    public const int CrossValidationMaxRows = 20000;
    public const double DefaultValidationSize = 0.1;

    private FoldPlan(IReadOnlyList<Fold> folds, string description, int[]? refitRows, int foldsPerRepeat)
    {
        Folds = folds;
        Description = description;
        RefitRows = refitRows;
        FoldsPerRepeat = foldsPerRepeat;
    }

    /// <summary>The folds, repeat after repeat; the folds of one repeat validate every row once.</summary>
    public IReadOnlyList<Fold> Folds { get; }

    /// <summary>How many consecutive folds make one repeat (all of them when cross-validation is not repeated).</summary>
    public int FoldsPerRepeat { get; }

    /// <summary>How the plan validates, for logs and guardrails (<c>10-fold cross-validation</c>).</summary>
    public string Description { get; }

    /// <summary>
    /// The rows a trial's final model is trained on after cross-validation, or null when the final model is the
    /// one trained on the single fold's training rows (validation data or a validation split).
    /// </summary>
    public int[]? RefitRows { get; }

    public bool IsCrossValidation => RefitRows is not null;

    /// <summary>The validated rows of every fold together, in fold order (where out-of-fold predictions sit).</summary>
    public int[] ValidatedRows => Folds.SelectMany(f => f.Valid).ToArray();

    public static FoldPlan Create(TrainingData data, int? crossValidations, double? validationSize, int seed)
    {
        int trainingRows = data.TrainingRowCount;
        int[] all = Enumerable.Range(0, trainingRows).ToArray();
        if (data.HasValidationRows)
        {
            return new FoldPlan(new[] { new Fold(all, Enumerable.Range(trainingRows, data.RowCount - trainingRows).ToArray()) }, "validation data", null, 1);
        }

        if (data.CustomSplits.Count > 0)
        {
            List<Fold> custom = data.CustomSplits
                .Select(split => new Fold(all.Where(r => split[r]).ToArray(), all.Where(r => !split[r]).ToArray()))
                .ToList();
            return new FoldPlan(custom, $"{custom.Count} user-defined cross-validation splits", all, custom.Count);
        }

        if (crossValidations is int k) return CrossValidation(data, all, k, 1, seed);
        if (validationSize is double size) return Split(data, all, size, seed);
        if (trainingRows < SmallDataRows) return CrossValidation(data, all, SmallDataFolds, SmallDataRepeats, seed);
        return trainingRows <= CrossValidationMaxRows ? CrossValidation(data, all, 3, 1, seed) : Split(data, all, DefaultValidationSize, seed);
    }

    private static FoldPlan CrossValidation(TrainingData data, int[] rows, int k, int repeats, int seed)
    {
        if (k > rows.Length) throw new ConfigException($"nCrossValidations is {k}, but the training data has only {rows.Length} rows.", "nCrossValidations");
        var folds = new List<Fold>(k * repeats);
        for (int r = 0; r < repeats; r++)
        {
            int[] assignment = Assign(data, rows, k, seed + r);
            for (int f = 0; f < k; f++)
            {
                folds.Add(new Fold(rows.Where((_, i) => assignment[i] != f).ToArray(), rows.Where((_, i) => assignment[i] == f).ToArray()));
            }
        }

        string description = $"{k}-fold {(data.Task == TaskKind.Classification ? "stratified " : "")}cross-validation";
        return new FoldPlan(folds, repeats > 1 ? $"{description} repeated {repeats} times" : description, rows, k);
    }

    private static FoldPlan Split(TrainingData data, int[] rows, double size, int seed)
    {
        int folds = Math.Max(2, (int)Math.Round(1 / size));
        int[] assignment = Assign(data, rows, folds, seed);

        // The first "fold" of a 1/size partition is the validation part: stratified like the folds.
        int[] valid = rows.Where((_, i) => assignment[i] == 0).ToArray();
        int[] train = rows.Where((_, i) => assignment[i] != 0).ToArray();
        if (valid.Length == 0 || train.Length == 0) throw new ConfigException($"validationSize {size} leaves no rows to train or to validate on.", "validationSize");
        return new FoldPlan(new[] { new Fold(train, valid) }, $"train/validation split ({size:P0} validation)", null, 1);
    }

    /// <summary>
    /// The fold (0 to <paramref name="k"/> − 1) of each of <paramref name="rows"/>: rows are shuffled with the seed,
    /// then dealt to folds in turn — per class for classification, so every fold keeps the class shares.
    /// </summary>
    internal static int[] Assign(TrainingData data, int[] rows, int k, int seed)
    {
        var random = new Random(seed);
        var assignment = new int[rows.Length];
        IEnumerable<int[]> groups = data.Classes is null
            ? new[] { Enumerable.Range(0, rows.Length).ToArray() }
            : Enumerable.Range(0, rows.Length).GroupBy(i => data.ClassIndex[rows[i]]).OrderBy(g => g.Key).Select(g => g.ToArray());
        int next = 0;
        foreach (int[] group in groups)
        {
            random.Shuffle(group);
            foreach (int i in group) assignment[i] = next++ % k;
        }

        return assignment;
    }
}
