using AzureML.Train.AutoML.Engine.Data;

namespace AzureML.Train.AutoML.Engine.Validation;

/// <summary>
/// How trials are validated, by azureml's rules: the user's validation data, the user's split columns,
/// k-fold cross-validation (stratified for classification) or a train/validation split. Without a choice,
/// fewer than 1,000 rows get 10 folds, up to 20,000 rows 3 folds, more a 10% validation split.
/// </summary>
internal sealed class FoldPlan
{
    public const int SmallDataRows = 1000;
    public const int CrossValidationMaxRows = 20000;
    public const double DefaultValidationSize = 0.1;

    private FoldPlan(IReadOnlyList<Fold> folds, string description, int[]? refitRows)
    {
        Folds = folds;
        Description = description;
        RefitRows = refitRows;
    }

    public IReadOnlyList<Fold> Folds { get; }

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
            return new FoldPlan(new[] { new Fold(all, Enumerable.Range(trainingRows, data.RowCount - trainingRows).ToArray()) }, "validation data", null);
        }

        if (data.CustomSplits.Count > 0)
        {
            List<Fold> custom = data.CustomSplits
                .Select(split => new Fold(all.Where(r => split[r]).ToArray(), all.Where(r => !split[r]).ToArray()))
                .ToList();
            return new FoldPlan(custom, $"{custom.Count} user-defined cross-validation splits", all);
        }

        if (crossValidations is int k) return CrossValidation(data, all, k, seed);
        if (validationSize is double size) return Split(data, all, size, seed);
        if (trainingRows < SmallDataRows) return CrossValidation(data, all, 10, seed);
        return trainingRows <= CrossValidationMaxRows ? CrossValidation(data, all, 3, seed) : Split(data, all, DefaultValidationSize, seed);
    }

    private static FoldPlan CrossValidation(TrainingData data, int[] rows, int k, int seed)
    {
        if (k > rows.Length) throw new ConfigException($"nCrossValidations is {k}, but the training data has only {rows.Length} rows.", "nCrossValidations");
        int[] assignment = Assign(data, rows, k, seed);
        var folds = new List<Fold>(k);
        for (int f = 0; f < k; f++)
        {
            folds.Add(new Fold(rows.Where((_, i) => assignment[i] != f).ToArray(), rows.Where((_, i) => assignment[i] == f).ToArray()));
        }

        return new FoldPlan(folds, $"{k}-fold {(data.Task == TaskKind.Classification ? "stratified " : "")}cross-validation", rows);
    }

    private static FoldPlan Split(TrainingData data, int[] rows, double size, int seed)
    {
        int folds = Math.Max(2, (int)Math.Round(1 / size));
        int[] assignment = Assign(data, rows, folds, seed);

        // The first "fold" of a 1/size partition is the validation part: stratified like the folds.
        int[] valid = rows.Where((_, i) => assignment[i] == 0).ToArray();
        int[] train = rows.Where((_, i) => assignment[i] != 0).ToArray();
        if (valid.Length == 0 || train.Length == 0) throw new ConfigException($"validationSize {size} leaves no rows to train or to validate on.", "validationSize");
        return new FoldPlan(new[] { new Fold(train, valid) }, $"train/validation split ({size:P0} validation)", null);
    }

    // Rows are shuffled with the seed, then dealt to folds in turn — per class for classification, so every
    // fold keeps the class shares.
    private static int[] Assign(TrainingData data, int[] rows, int k, int seed)
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
