using AzureML.Train.AutoML.Engine.Data;

namespace AzureML.Train.AutoML.Engine.Featurization;

/// <summary>Describes a featurizer plan in one line, for pipeline descriptions and the fitted model's <c>ToString</c>.</summary>
internal static class FeaturizerDescription
{
    public static string Describe(FeaturizerPlan plan)
    {
        TrainingData data = plan.Columns.Data;
        var parts = new List<string>();
        var imputed = data.Inputs.Where(i => i.Kind == InputKind.Float && i.HasMissing).Select(i => i.Name).ToList();
        if (imputed.Count > 0) parts.Add($"impute mean({string.Join(", ", imputed)})");
        if (plan.MissingIndicators.Count > 0) parts.Add($"missing indicators({string.Join(", ", plan.MissingIndicators)})");
        var filled = data.Inputs.Where(i => i.FillValue is not null).Select(i => $"{i.Name}='{i.FillValue}'").ToList();
        if (filled.Count > 0) parts.Add($"impute most frequent({string.Join(", ", filled)})");
        var oneHot = data.Inputs.Where(i => i.Purpose == ColumnPurpose.Categorical).Select(i => i.Name).ToList();
        if (oneHot.Count > 0) parts.Add($"one-hot({string.Join(", ", oneHot)})");
        if (plan.Hashed.Count > 0)
        {
            parts.Add($"hashed one-hot({string.Join(", ", data.Inputs.Where(i => i.Purpose == ColumnPurpose.CategoricalHash).Zip(plan.Hashed, (i, h) => $"{i.Name}: {1 << h.Bits} slots"))})");
        }

        var dates = data.Inputs.Where(i => i.Kind == InputKind.DateTime).Select(i => $"{i.Name}: {string.Join("/", i.DateParts)}").ToList();
        if (dates.Count > 0) parts.Add($"date-time parts({string.Join(", ", dates)})");
        var dropped = data.Profiles.Where(p => !p.IsFeature).Select(p => $"{p.Name} ({p.Purpose.ToString().ToLowerInvariant()})").ToList();
        if (dropped.Count > 0) parts.Add($"dropped({string.Join(", ", dropped)})");
        return parts.Count == 0 ? "no featurization" : string.Join("; ", parts);
    }
}
