namespace AzureML.Core.Data.Delimited;

/// <summary>
/// How delimited files are read; mirrors the arguments of azureml's
/// <c>Dataset.Tabular.from_delimited_files</c> and <c>to_pandas_dataframe(on_error=...)</c>.
/// </summary>
internal sealed record DelimitedReadOptions
{
    /// <summary>The name of the column added by <see cref="IncludePath"/>, as azureml names it.</summary>
    public const string PathColumnName = "Path";

    private static readonly string[] OnErrorValues = ["fail", "null"];

    /// <summary>The field separator.</summary>
    public char Separator { get; init; } = ',';

    /// <summary>Whether each file starts with a header row (all files must then share it).</summary>
    public bool Header { get; init; } = true;

    /// <summary>The file encoding by azureml name: utf8, latin1 / iso88591, utf16, ascii, windows1252.</summary>
    public string Encoding { get; init; } = "utf8";

    /// <summary>Whether column types are inferred; otherwise every column not in <see cref="SetColumnTypes"/> is text.</summary>
    public bool InferColumnTypes { get; init; } = true;

    /// <summary>Column types to use instead of inference, by column name.</summary>
    public IReadOnlyDictionary<string, DataFrameColumnType>? SetColumnTypes { get; init; }

    /// <summary>Whether a first <see cref="PathColumnName"/> column tells which file each row came from.</summary>
    public bool IncludePath { get; init; }

    /// <summary>
    /// "fail" (default): a malformed row or a value that does not convert to its set type stops the read.
    /// "null": such values become null and ragged rows are padded or truncated with nulls.
    /// </summary>
    public string OnError { get; init; } = "fail";

    /// <summary>Whether empty fields of text columns are empty strings rather than null.</summary>
    public bool EmptyAsString { get; init; }

    /// <summary>Stop after this many data rows (across all files); <c>null</c> reads everything.</summary>
    public int? MaxRows { get; init; }

    /// <summary>Whether bad values become nulls rather than errors.</summary>
    public bool NullOnError => string.Equals(OnError, "null", StringComparison.OrdinalIgnoreCase);

    /// <summary>Checks the values that cannot be checked by type.</summary>
    /// <exception cref="UserErrorException">A value is not allowed.</exception>
    public void Validate()
    {
        if (Separator is '"' or '\r' or '\n')
        {
            throw new UserErrorException($"The separator cannot be a quote or a line break; got {(int)Separator:'U+'X4}.");
        }
        if (!OnErrorValues.Contains(OnError?.ToLowerInvariant()))
        {
            throw new UserErrorException($"onError must be \"fail\" or \"null\"; got \"{OnError}\".");
        }
    }
}
