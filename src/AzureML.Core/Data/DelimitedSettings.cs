namespace AzureML.Core.Data;

/// <summary>How a tabular dataset's delimited files are read; the arguments of <see cref="TabularDatasetFactory.FromDelimitedFiles(IEnumerable{DataPath}, bool, bool, bool, IReadOnlyDictionary{string, DataFrameColumnType}?, char, bool, string)"/>.</summary>
internal sealed record DelimitedSettings
{
    public char Separator { get; init; } = ',';
    public bool Header { get; init; } = true;
    public string Encoding { get; init; } = "utf8";
    public bool InferColumnTypes { get; init; } = true;
    public bool IncludePath { get; init; }
    public IReadOnlyDictionary<string, DataFrameColumnType>? SetColumnTypes { get; init; }

    public Delimited.DelimitedReadOptions ToReadOptions() => new()
    {
        Separator = Separator,
        Header = Header,
        Encoding = Encoding,
        InferColumnTypes = InferColumnTypes,
        IncludePath = IncludePath,
        SetColumnTypes = SetColumnTypes,
    };
}
