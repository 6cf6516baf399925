namespace AzureML.Core.Data;

/// <summary>One entry of a dataset definition's sources: where files come from.</summary>
internal sealed record DatasetSource
{
    /// <summary>A local file, folder or glob (absolute).</summary>
    public const string LocalKind = "local";

    /// <summary>A file, folder or glob in a datastore.</summary>
    public const string DatastoreKind = "datastore";

    /// <summary>An http(s) URL, fetched when the data is read.</summary>
    public const string UrlKind = "url";

    /// <summary>The rows of a tabular dataset written as one CSV file (<see cref="TabularDataset.ToCsvFiles"/>).</summary>
    public const string TabularKind = "tabular";

    public required string Kind { get; init; }

    /// <summary>The path (local, in the datastore, or URL); null for <see cref="TabularKind"/>.</summary>
    public string? Path { get; init; }

    /// <summary>The datastore name for <see cref="DatastoreKind"/>.</summary>
    public string? Datastore { get; init; }

    /// <summary>The tabular definition for <see cref="TabularKind"/>.</summary>
    public DatasetDefinition? Tabular { get; init; }

    /// <summary>The source as users wrote it, for messages.</summary>
    public string Describe() => Kind switch
    {
        DatastoreKind => $"azureml://datastores/{Datastore}/paths/{Path}",
        TabularKind => "the rows of a tabular dataset",
        _ => Path!,
    };
}
