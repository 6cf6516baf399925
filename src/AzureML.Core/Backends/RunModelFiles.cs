namespace AzureML.Core.Backends;

/// <summary>
/// Which of a run's files a model registered from the run gets, and under which names: a file keeps its base name,
/// a folder its own name (azureml-core's layout), so <c>outputs/model.pkl</c> becomes <c>model.pkl</c> and
/// <c>outputs</c> becomes <c>outputs/…</c>.
/// </summary>
internal static class RunModelFiles
{
    /// <summary>The run files <paramref name="reference"/> names, each with its name in the model.</summary>
    /// <exception cref="UserErrorException">The run has no such file or folder; the message lists what it has.</exception>
    public static async Task<IReadOnlyList<(string RunFile, string ModelFile)>> SelectAsync(ArtifactStore artifacts, RunFilesReference reference,
        CancellationToken cancellationToken)
    {
        string folder = reference.Path.TrimEnd('/');
        var names = new List<string>();
        await foreach (string name in artifacts.ListAsync(reference.RunId, folder.Length == 0 ? null : folder, cancellationToken).ConfigureAwait(false))
        {
            names.Add(name);
        }

        List<string> chosen = names.Contains(folder, StringComparer.Ordinal)
            ? new List<string> { folder }
            : names.Where(name => folder.Length == 0 || name.StartsWith(folder + "/", StringComparison.Ordinal)).ToList();
        if (chosen.Count == 0)
        {
            List<string> all = await AllAsync(artifacts, reference.RunId, cancellationToken).ConfigureAwait(false);
            string has = all.Count == 0 ? "no files" : $"{all.Count} files: {string.Join(", ", all.Take(20))}{(all.Count > 20 ? ", …" : "")}";
            throw new UserErrorException($"Run '{reference.RunId}' has no file or folder '{reference.Path}' to register as a model; it has {has}.")
            {
                ErrorCode = AzureMLErrorCode.ResourceNotFound,
            };
        }

        int parentLength = folder.LastIndexOf('/') + 1;
        return chosen.Select(name => (name, name[parentLength..])).ToList();
    }

    private static async Task<List<string>> AllAsync(ArtifactStore artifacts, string runId, CancellationToken cancellationToken)
    {
        var all = new List<string>();
        await foreach (string name in artifacts.ListAsync(runId, null, cancellationToken).ConfigureAwait(false))
        {
            all.Add(name);
            if (all.Count > 20) break;
        }

        return all;
    }
}
