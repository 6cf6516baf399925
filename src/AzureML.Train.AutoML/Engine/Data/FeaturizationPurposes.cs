namespace AzureML.Train.AutoML.Engine.Data;

/// <summary>azureml's column purpose names (<c>FeatureType</c>) and the purposes they mean here.</summary>
internal static class FeaturizationPurposes
{
    private static readonly (string Name, ColumnPurpose Purpose)[] s_names =
    {
        ("Numeric", ColumnPurpose.Numeric),
        ("Categorical", ColumnPurpose.Categorical),
        ("CategoricalHash", ColumnPurpose.CategoricalHash),
        ("DateTime", ColumnPurpose.DateTime),
        ("Text", ColumnPurpose.Text),
        ("Hashes", ColumnPurpose.Id),
        ("Ignore", ColumnPurpose.Ignore),
        ("AllNan", ColumnPurpose.AllMissing),
    };

    /// <summary>The names a user may set.</summary>
    public static IEnumerable<string> Names => s_names.Select(n => n.Name);

    public static bool TryParse(string name, out ColumnPurpose purpose)
    {
        foreach ((string known, ColumnPurpose value) in s_names)
        {
            if (string.Equals(known, name, StringComparison.OrdinalIgnoreCase))
            {
                purpose = value;
                return true;
            }
        }

        purpose = default;
        return false;
    }

    /// <summary>The azureml name of a purpose (booleans are azureml's Numeric, constants its Ignore).</summary>
    public static string Name(ColumnPurpose purpose) => purpose switch
    {
        ColumnPurpose.Boolean => "Numeric",
        ColumnPurpose.Constant => "Ignore",
        _ => s_names.First(n => n.Purpose == purpose).Name,
    };
}
