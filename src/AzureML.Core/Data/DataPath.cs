namespace AzureML.Core.Data;

/// <summary>
/// Where dataset files are: a path in a datastore (<c>(datastore, "folder/*.csv")</c>), a local file or folder,
/// or an http(s) URL. Strings and <c>(Datastore, string)</c> tuples convert implicitly, so
/// <c>Dataset.Tabular.FromDelimitedFiles([(datastore, "data/*.csv"), "https://host/extra.csv"])</c> reads as in azureml.
/// Paths may use the wildcards <c>*</c>, <c>**</c> and <c>?</c>; a folder means every file below it.
/// </summary>
public sealed class DataPath
{
    /// <summary>A path in a datastore.</summary>
    /// <param name="datastore">The datastore.</param>
    /// <param name="pathOnDatastore">The path relative to the datastore's root; null or empty for the root.</param>
    /// <exception cref="UserErrorException">The path is absolute or leaves the datastore through '..'.</exception>
    public DataPath(Datastore datastore, string? pathOnDatastore = null)
    {
        Datastore = Internal.Argument.NotNull(datastore, nameof(datastore));
        Path = DatastorePaths.Normalize(pathOnDatastore, datastore.Name);
    }

    private DataPath(string location) => Path = location;

    /// <summary>The datastore, or <c>null</c> for a local path or a URL.</summary>
    public Datastore? Datastore { get; }

    /// <summary>The path in the datastore, the absolute local path, or the URL.</summary>
    public string Path { get; }

    /// <summary>True for an http(s) URL.</summary>
    public bool IsUrl => Datastore is null && IsHttpUrl(Path);

    /// <summary>A local path (made absolute against the current directory) or an http(s) URL.</summary>
    /// <param name="location">The path or URL.</param>
    /// <exception cref="UserErrorException">The string is empty or a URL of another scheme.</exception>
    public static implicit operator DataPath(string location)
    {
        if (string.IsNullOrWhiteSpace(location)) throw new UserErrorException("A dataset path must not be empty; give a file, folder, glob or http(s) URL.");
        if (IsHttpUrl(location)) return new DataPath(location);
        if (Uri.TryCreate(location, UriKind.Absolute, out Uri? uri) && !uri.IsFile && uri.Scheme.Length > 1)
        {
            throw new UserErrorException(
                $"'{location}' uses the '{uri.Scheme}' scheme; dataset paths are local paths, http(s) URLs or (datastore, \"path\") pairs.");
        }

        return new DataPath(System.IO.Path.GetFullPath(location));
    }

    /// <summary>A path in a datastore, written <c>(datastore, "folder/*.csv")</c>.</summary>
    /// <param name="pair">The datastore and the path in it.</param>
    public static implicit operator DataPath((Datastore Datastore, string Path) pair) => new(pair.Datastore, pair.Path);

    /// <summary>The path as a URI: <c>azureml://datastores/&lt;name&gt;/paths/&lt;path&gt;</c>, the local path, or the URL.</summary>
    public override string ToString() => Datastore is null ? Path : $"azureml://datastores/{Datastore.Name}/paths/{Path}";

    internal DatasetSource ToSource() => Datastore is not null
        ? new DatasetSource { Kind = DatasetSource.DatastoreKind, Datastore = Datastore.Name, Path = Path }
        : new DatasetSource { Kind = IsUrl ? DatasetSource.UrlKind : DatasetSource.LocalKind, Path = Path };

    private static bool IsHttpUrl(string text)
        => text.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || text.StartsWith("https://", StringComparison.OrdinalIgnoreCase);
}
