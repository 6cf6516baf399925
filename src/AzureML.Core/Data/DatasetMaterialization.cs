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

        // The delimited reader is synchronous: files that come over the network are fetched first, asynchronously,
        // so the reader only ever opens files on this machine.
        foreach (DatasetFile remote in files.Where(f => f.IsRemote))
        {
            await (await remote.OpenAsync(cancellationToken).ConfigureAwait(false)).DisposeAsync().ConfigureAwait(false);
        }

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
        var options = new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true, MaxRecursionDepth = glob.ListingDepth ?? int.MaxValue };
        return Directory.EnumerateFiles(start, "*", options)
            .Select(f => f.Replace('\\', '/'))
            .Where(glob.Matches)
            .Order(StringComparer.Ordinal)
            .Select(f => LocalFile(f, glob.RelativeName(f)))
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
        string? folder = await store.GetFolderOnThisMachineAsync(source.Datastore!, cancellationToken).ConfigureAwait(false);
        var files = new List<DatasetFile>();
        await foreach (DatastoreFileInfo f in store.ListFilesAsync(source.Datastore!, glob.Base, cancellationToken).ConfigureAwait(false))
        {
            if (!glob.Matches(f.Path)) continue;
            string name = $"azureml://datastores/{source.Datastore}/paths/{f.Path}";
            files.Add(folder is not null
                ? LocalFile(Path.Combine(folder, f.Path), glob.RelativeName(f.Path)) with { DisplayName = name }
                : Fetched(glob.RelativeName(f.Path), name, f.Length, token => store.OpenReadAsync(source.Datastore!, f.Path, token)));
        }

        return files;
    }

    private DatasetFile UrlFile(string url)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out Uri? uri)) throw new UserErrorException($"'{url}' is not an absolute URL.");
        string name = Path.GetFileName(uri.AbsolutePath);

        // A workspace's backend fetches through its own HTTP pipeline; a dataset bound to none uses the shared client.
        return Fetched(name.Length == 0 ? "download" : name, url, 0,
            token => _workspace is null ? WebFiles.OpenAsync(uri, token) : _workspace.Backend.OpenUrlAsync(uri, token));
    }

    /// <summary>A file read over the network once per materialization, into its temporary folder, then from there.</summary>
    private DatasetFile Fetched(string relativePath, string displayName, long length, Func<CancellationToken, Task<Stream>> open)
        => new(relativePath, displayName, length, async token =>
        {
            string file = await _downloads.GetOrAdd(displayName, _ => new Lazy<Task<string>>(() => FetchAsync(open, token))).Value.ConfigureAwait(false);
            return new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, FileOptions.SequentialScan);
        })
        {
            IsRemote = true,
        };

    private async Task<string> FetchAsync(Func<CancellationToken, Task<Stream>> open, CancellationToken cancellationToken)
    {
        string target = Path.Combine(_temp.Value, $"{_downloads.Count}-{Guid.NewGuid():N}");
        await using Stream body = await open(cancellationToken).ConfigureAwait(false);
        await FileWriting.WriteAtomicallyAsync(target, body, cancellationToken).ConfigureAwait(false);
        return target;
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
