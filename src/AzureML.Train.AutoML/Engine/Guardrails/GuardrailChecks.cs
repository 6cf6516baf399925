using System.Globalization;
using AzureML.Train.AutoML.Engine.Data;
using AzureML.Train.AutoML.Engine.Featurization;
using AzureML.Train.AutoML.Engine.Validation;

namespace AzureML.Train.AutoML.Engine.Guardrails;

/// <summary>azureml's data guardrails, computed from the training data and what featurization decided.</summary>
internal static class GuardrailChecks
{
    /// <summary>A class smaller than this share of the largest class makes the data imbalanced (azureml's 20%).</summary>
    public const double ImbalanceRatio = 0.2;

    public static IReadOnlyList<DataGuardrail> Run(TrainingData data, FeaturizerPlan plan, FoldPlan folds)
    {
        var guardrails = new List<DataGuardrail>
        {
            new("Validation split handling", DataGuardrail.Done,
                $"The validation configuration was set to {folds.Description}.", Array.Empty<IReadOnlyDictionary<string, string>>()),
        };
        if (data.Classes is not null) guardrails.Add(ClassBalance(data));
        guardrails.Add(MissingValues(data, plan));
        guardrails.Add(HighCardinality(data));
        return guardrails;
    }

    private static DataGuardrail ClassBalance(TrainingData data)
    {
        ClassLabels classes = data.Classes!;
        int[] counts = new int[classes.Count];
        for (int i = 0; i < data.TrainingRowCount; i++) counts[data.ClassIndex[i]]++;
        int largest = counts.Max();
        var small = Enumerable.Range(0, classes.Count).Where(c => counts[c] < ImbalanceRatio * largest).ToList();
        if (small.Count == 0)
        {
            return new DataGuardrail("Class balancing detection", DataGuardrail.Passed,
                "Your inputs were analyzed, and all classes are balanced in your training data.", Array.Empty<IReadOnlyDictionary<string, string>>());
        }

        return new DataGuardrail("Class balancing detection", DataGuardrail.Alerted,
            "To decrease model bias, please cancel the current run and fix balancing problem. Imbalanced data can lead to a falsely perceived " +
            "positive effect of a model's accuracy because the input data has bias towards one class. Consider AUC_weighted as the primary metric, " +
            "or a weight column that gives the small classes more weight.",
            small.Select(c => Row(("Size of the smallest class", counts[c].ToString(CultureInfo.InvariantCulture)), ("Name/Label of the smallest class", classes.Format(c)),
                ("Number of samples in the training data", data.TrainingRowCount.ToString(CultureInfo.InvariantCulture)))).ToList());
    }

    private static DataGuardrail MissingValues(TrainingData data, FeaturizerPlan plan)
    {
        var rows = new List<IReadOnlyDictionary<string, string>>();
        foreach (InputColumn input in data.Inputs.Where(i => i.HasMissing))
        {
            ColumnProfile profile = data.Profiles.First(p => p.Name == input.Name);
            string how = input.Kind switch
            {
                InputKind.String when input.FillValue is not null => $"most frequent ('{input.FillValue}')",
                InputKind.String => "encoded as no category",
                _ => plan.MissingIndicators.Contains(input.Name) ? "mean, plus a missing-value indicator" : "mean",
            };
            rows.Add(Row(("Column name", input.Name), ("Missing value count", profile.MissingCount.ToString(CultureInfo.InvariantCulture)), ("Imputation type", how)));
        }

        return rows.Count == 0
            ? new DataGuardrail("Missing feature values imputation", DataGuardrail.Passed,
                "No feature missing values were detected in the training data.", rows)
            : new DataGuardrail("Missing feature values imputation", DataGuardrail.Done,
                "If the missing values are expected, let the run complete. Otherwise cancel the current run and use a script to customize the handling of " +
                "missing feature values that may be more appropriate based on the data type and business requirement.", rows);
    }

    private static DataGuardrail HighCardinality(TrainingData data)
    {
        var rows = data.Profiles
            .Where(p => p.Purpose is ColumnPurpose.CategoricalHash or ColumnPurpose.Id or ColumnPurpose.Text)
            .Select(p => Row(("Column name", p.Name), ("Column Content Type", p.Purpose switch
            {
                ColumnPurpose.CategoricalHash => "categorical, hashed",
                ColumnPurpose.Id => "identifier, left out",
                _ => "text, left out",
            }), ("Distinct values", p.DistinctCount.ToString(CultureInfo.InvariantCulture))))
            .ToList();
        return rows.Count == 0
            ? new DataGuardrail("High cardinality feature detection", DataGuardrail.Passed,
                "Your inputs were analyzed, and no high cardinality features were detected.", rows)
            : new DataGuardrail("High cardinality feature detection", DataGuardrail.Done,
                "High cardinality features were detected in your inputs and handled.", rows);
    }

    private static IReadOnlyDictionary<string, string> Row(params (string Key, string Value)[] cells) => cells.ToDictionary(c => c.Key, c => c.Value);
}
