namespace AzureML.Train.AutoML.Benchmarks;

/// <summary>One benchmark data set: a CSV file in Data/, its label column and its task.</summary>
internal sealed record BenchmarkDataset(string Name, string File, string Label, string Task)
{
    public static IReadOnlyList<BenchmarkDataset> All { get; } = new[]
    {
        new BenchmarkDataset("heart", "heart_failure_clinical_records.csv", "DEATH_EVENT", "classification"),
        new BenchmarkDataset("breast", "breast_cancer.csv", "target", "classification"),
        new BenchmarkDataset("iris", "iris.csv", "target", "classification"),
        new BenchmarkDataset("diabetes", "diabetes.csv", "progression", "regression"),
    };

    public bool IsClassification => Task == "classification";

    /// <summary>The metric the goal is stated in: AUC_weighted for classification, r2_score for regression.</summary>
    public string GoalMetric => IsClassification ? "AUC_weighted" : "r2_score";

    public string Path => System.IO.Path.Combine(AppContext.BaseDirectory, "Data", File);
}
