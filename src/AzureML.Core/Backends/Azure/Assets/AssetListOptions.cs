namespace AzureML.Core.Backends.Azure.Assets;

/// <summary>The server-side filters and order of an asset version list.</summary>
internal sealed record AssetListOptions
{
    /// <summary>For example <c>createdtime desc</c>.</summary>
    public string? OrderBy { get; init; }

    /// <summary>At most this many versions per page.</summary>
    public int? Top { get; init; }

    /// <summary>Comma-separated <c>key</c> or <c>key=value</c> tag filters.</summary>
    public string? Tags { get; init; }

    /// <summary><c>ActiveOnly</c>, <c>ArchivedOnly</c> or <c>All</c>.</summary>
    public string? ListViewType { get; init; }
}
