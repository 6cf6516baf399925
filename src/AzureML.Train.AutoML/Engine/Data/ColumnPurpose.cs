namespace AzureML.Train.AutoML.Engine.Data;

/// <summary>What a training column is used for, as column-purpose inference decides it (or the user sets it).</summary>
internal enum ColumnPurpose
{
    /// <summary>A measurement: imputed when missing, used as a number.</summary>
    Numeric,

    /// <summary>True/false: used as 0/1, imputed when missing.</summary>
    Boolean,

    /// <summary>Few distinct values: one-hot encoded.</summary>
    Categorical,

    /// <summary>Many distinct values: hashed into a fixed number of one-hot slots.</summary>
    CategoricalHash,

    /// <summary>Dates and times: year, month, day, day of week and hour become numbers.</summary>
    DateTime,

    /// <summary>Free text: no exportable text featurizer exists, so the column is left out.</summary>
    Text,

    /// <summary>A row identifier (all distinct): it cannot generalise, so the column is left out.</summary>
    Id,

    /// <summary>One value in every row: it carries nothing, so the column is left out.</summary>
    Constant,

    /// <summary>No value in any row: the column is left out.</summary>
    AllMissing,

    /// <summary>Dropped on request (featurization's drop columns or the purpose <c>Ignore</c>).</summary>
    Ignore,
}
