namespace AzureML.Core.Data;

/// <summary>Paths inside a datastore: relative, '/'-separated, and never leaving the datastore.</summary>
internal static class DatastorePaths
{
    /// <summary>
    /// Normalizes <paramref name="path"/> ('\' → '/', '.' and empty segments dropped, '..' resolved); null or
    /// empty is the datastore's root (""). Wildcards are kept for globbing.
    /// </summary>
    /// <exception cref="UserErrorException">The path is absolute or climbs above the datastore's root.</exception>
    public static string Normalize(string? path, string datastoreName)
    {
        if (string.IsNullOrEmpty(path)) return "";
        string unified = path.Replace('\\', '/');
        if (unified.StartsWith('/') || Path.IsPathRooted(path) || (unified.Length >= 2 && unified[1] == ':'))
        {
            throw new UserErrorException(
                $"'{path}' is an absolute path; paths in datastore '{datastoreName}' are relative to its root, for example 'data/train.csv'.");
        }

        var segments = new List<string>();
        foreach (string segment in unified.Split('/'))
        {
            if (segment is "" or ".") continue;
            if (segment == "..")
            {
                if (segments.Count == 0)
                {
                    throw new UserErrorException(
                        $"'{path}' leaves datastore '{datastoreName}' through '..'; use a path inside the datastore, for example 'data/train.csv'.");
                }

                segments.RemoveAt(segments.Count - 1);
                continue;
            }

            segments.Add(segment);
        }

        return string.Join('/', segments);
    }

    /// <summary>Joins two normalized paths.</summary>
    public static string Join(string folder, string path) => folder.Length == 0 ? path : path.Length == 0 ? folder : folder + "/" + path;
}
