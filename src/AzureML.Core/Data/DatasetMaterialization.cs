using System.Collections.Concurrent;
using AzureML.Core.Backends;
using AzureML.Core.Data.Delimited;
using AzureML.Core.Internal;

namespace AzureML.Core.Data;

/// <summary>
/// One read of a dataset definition: lists its files (globs, folders, datastores, URLs) and reads tabular
/// rows. URLs are fetched once per read into a temporary folder that is deleted with this object, so a
/// reader that re-opens a file (type widening, error reporting) does not fetch it again.
/// </summary>
internal sealed class DatasetMaterialization : IDisposable
{
    private static readonly HttpClient s_http = new() { Timeout = TimeSpan.FromMinutes(30) };
    private readonly Workspace? _workspace;
    private readonly ConcurrentDictionary<string, Lazy<Task<string>>> _downloads = new(StringComparer.Ordinal);
    private readonly Lazy<string> _temp = new(() => Directory.CreateTempSubdirectory("azureml-dataset-").FullName);

    public DatasetMaterialization(Workspace? workspace) => _workspace = workspace;

    /// <summary>The files of a definition, in source order.</summary>
    /// <exception cref="UserErrorException">A source matches no file.</exception>
    public async Task<IReadOnlyList<DatasetFile>> ListFilesAsync(DatasetDefinition definition, CancellationToken cancellationToken)
    {
        var files = new List<DatasetFile>();
        foreach (DatasetSource source in definition.Sources)
        {
            IReadOnlyList<DatasetFile> found = source.Kind switch
            {
                DatasetSource.LocalKind => LocalFiles(source.Path!),
                DatasetSource.DatastoreKind => await DatastoreFilesAsync(source, cancellationToken).ConfigureAwait(false),
                DatasetSource.UrlKind => [UrlFile(source.Path!)],
                DatasetSource.TabularKind => [CsvFile(source.Tabular!)],
                _ => throw new UserErrorException($"The dataset definition has an unknown source kind '{source.Kind}'."),
            };
            if (found.Count == 0) throw new UserErrorException($"No file matches '{source.Describe()}'; check the path and its wildcards.");
            files.AddRange(found);
        }

        return files;
    }

    /// <summary>Reads a tabular definition's rows with the streaming delimited reader, then applies its steps.</summary>
    /// <exception cref="UserErrorException">A file is missing or malformed; the message names the file and line.</exception>
    public async Task<DataFrame> ReadTableAsync(DatasetDefinition definition, CancellationToken cancellationToken)
    {
        IReadOnlyList<DatasetFile> files = await ListFilesAsync(definition, cancellationToken).ConfigureAwait(false);
        DelimitedSource[] sources = files
            .Select(f => new DelimitedSource(f.DisplayName, () => f.OpenAsync(cancellationToken).EnsureCompleted()))
            .ToArray();
        DelimitedReadOptions options = (definition.Delimited ?? new DelimitedSettings()).ToReadOptions();

        // Types are inferred from everything read, so a shortened read could type columns differently; only a
        // read that infers nothing may stop early.
        if (!options.InferColumnTypes) options = options with { MaxRows = RowsNeeded(definition.Steps) };
        DataFrame frame = DelimitedFileReader.Read(sources, options);
        return definition.Steps.Aggregate(frame, (current, step) => step.Apply(current));
    }

    // Leading Take/Skip steps need only the first rows. Column steps don't change rows; a random split needs everything.
    private static int? RowsNeeded(IReadOnlyList<DatasetStep> steps)
    {
        long offset = 0;
        long? limit = null;
        foreach (DatasetStep step in steps)
        {
            switch (step.Operation)
            {
                case DatasetStep.Skip:
                    offset += step.Count!.Value;
                    if (limit is not null) limit = Math.Max(0, limit.Value - step.Count.Value);
                    break;
                case DatasetStep.Take:
                    limit = limit is null ? step.Count!.Value : Math.Min(limit.Value, step.Count!.Value);
                    break;
                case DatasetStep.KeepColumns or DatasetStep.DropColumns:
                    break;
                default:
                    return limit is null ? null : (int)Math.Min(int.MaxValue, offset + limit.Value);
            }
        }

        return limit is null ? null : (int)Math.Min(int.MaxValue, offset + limit.Value);
    }

    private static List<DatasetFile> LocalFiles(string path)
    {
        string unified = path.Replace('\\', '/');
        var glob = new PathGlob(unified);
        string start = glob.Base.Length == 0 ? "/" : glob.Base;
        if (File.Exists(start)) return [LocalFile(start, glob.RelativeName(unified))];
        if (!Directory.Exists(start)) throw new UserErrorException($"'{path}' does not exist.");

        // Hidden files are not data; a folder deeper than the pattern reaches is not entered.
        FolderListing listing = FolderListing.List(start, (relative, isDirectory) => !Path.GetFileName(relative).StartsWith('.')
            && (!isDirectory || glob.ListingDepth is not int depth || relative.Count(c => c == '/') < depth));
        foreach (SkippedLink link in listing.SkippedLinks) UserWarnings.Write($"Dataset files under '{start}': {link}.");
        return listing.Files
            .Select(f => (Listed: f, Path: start.TrimEnd('/') + "/" + f.RelativePath))
            .Where(f => glob.Matches(f.Path))
            .Select(f => LocalFile(f.Listed.FullPath, glob.RelativeName(f.Path)))
            .ToList();
    }

    private static DatasetFile LocalFile(string path, string relative)
        => new(relative, path, new FileInfo(path).Length,
            _ => Task.FromResult<Stream>(new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, FileOptions.SequentialScan)));

    private async Task<IReadOnlyList<DatasetFile>> DatastoreFilesAsync(DatasetSource source, CancellationToken cancellationToken)
    {
        if (_workspace is null)
        {
            throw new UserErrorException($"'{source.Describe()}' is in a datastore, but the dataset is not bound to a workspace; get it from the workspace.");
        }

        DatastoreStore store = _workspace.Backend.Datastores;
        var glob = new PathGlob(source.Path!);
        IReadOnlyList<DatastoreFileInfo> listed = await store.ListFilesAsync(source.Datastore!, glob.Base, cancellationToken).ConfigureAwait(false);
        return listed.Where(f => glob.Matches(f.Path))
            .Select(f => new DatasetFile(glob.RelativeName(f.Path), $"azureml://datastores/{source.Datastore}/paths/{f.Path}", f.Length,
                token => store.OpenReadAsync(source.Datastore!, f.Path, token)))
            .ToList();
    }

    private DatasetFile UrlFile(string url)
    {
        string name = Uri.TryCreate(url, UriKind.Absolute, out Uri? uri) ? Path.GetFileName(uri.AbsolutePath) : "";
        return new DatasetFile(name.Length == 0 ? "download" : name, url, 0, async token =>
        {
            string file = await _downloads.GetOrAdd(url, u => new Lazy<Task<string>>(() => FetchAsync(u, token))).Value.ConfigureAwait(false);
            return new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, FileOptions.SequentialScan);
        });
    }

    private async Task<string> FetchAsync(string url, CancellationToken cancellationToken)
    {
        string target = Path.Combine(_temp.Value, $"{_downloads.Count}-{Guid.NewGuid():N}");
        try
        {
            using HttpResponseMessage response = await s_http.GetAsync(url, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                throw new UserErrorException($"Downloading '{url}' failed: HTTP {(int)response.StatusCode} {response.ReasonPhrase}.");
            }

            await using Stream body = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            await FileWriting.WriteAtomicallyAsync(target, body, cancellationToken).ConfigureAwait(false);
            return target;
        }
        catch (HttpRequestException ex)
        {
            throw new UserErrorException($"Downloading '{url}' failed: {ex.Message}", ex);
        }
    }

    // ToCsvFiles: the rows are written when the file is opened, so the file dataset stays lazy like azureml's.
    private DatasetFile CsvFile(DatasetDefinition tabular)
        => new("part-00000.csv", "part-00000.csv", 0, async token =>
        {
            DataFrame frame = await ReadTableAsync(tabular, token).ConfigureAwait(false);
            var buffer = new MemoryStream();
            frame.ToCsv(buffer);
            buffer.Position = 0;
            return buffer;
        });

    public void Dispose()
    {
        if (!_temp.IsValueCreated) return;
        try
        {
            Directory.Delete(_temp.Value, recursive: true);
        }
        catch (IOException)
        {
            // A reader of this materialization may still hold a file; the OS temp cleaner gets it.
        }
    }
}
