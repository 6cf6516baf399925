namespace AzureML.Train.AutoML.Benchmarks;

/// <summary>The outer cross-validation folds every model (ours and the peers) is fitted and scored on.</summary>
internal static class OuterFolds
{
    /// <summary>The fold of each data row: stratified by label for classification, shuffled with a fixed seed.</summary>
    public static int[] Assign(IReadOnlyList<string> labels, int folds, bool stratify, int seed)
    {
        var random = new Random(seed);
        var fold = new int[labels.Count];
        IEnumerable<int[]> groups = stratify
            ? Enumerable.Range(0, labels.Count).GroupBy(i => labels[i]).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => g.ToArray())
            : new[] { Enumerable.Range(0, labels.Count).ToArray() };
        int next = 0;
        foreach (int[] group in groups)
        {
            random.Shuffle(group);
            foreach (int row in group) fold[row] = next++ % folds;
        }

        return fold;
    }
}
