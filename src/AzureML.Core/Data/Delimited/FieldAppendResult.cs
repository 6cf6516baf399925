namespace AzureML.Core.Data.Delimited;

/// <summary>What happened to a field appended to a <see cref="FieldColumn"/>.</summary>
internal enum FieldAppendResult
{
    /// <summary>The value was stored.</summary>
    Appended,

    /// <summary>The value does not convert to the column's set type; nothing was stored.</summary>
    Rejected,

    /// <summary>The value shows an inferred column is text after all; the read must restart with the column as text.</summary>
    NeedsText,
}
