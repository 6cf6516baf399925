namespace AzureML.Core.Data;

/// <summary>A file of a dataset: its path below the dataset's root, a name for messages, its size and how to open it.</summary>
internal sealed record DatasetFile(string RelativePath, string DisplayName, long Length, Func<CancellationToken, Task<Stream>> OpenAsync)
{
    /// <summary>True when opening the file fetches it over the network (a URL, a datastore in a service).</summary>
    public bool IsRemote { get; init; }
}
