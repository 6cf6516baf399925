using System.Text.Json;

namespace AzureML.Core;

/// <summary>
/// Finds and reads the workspace pointer file (<c>config.json</c>) with azureml-core's search order and
/// both of its forms, plus the <c>local_path</c> key that points at a local workspace.
/// </summary>
internal sealed record WorkspaceConfigFile(
    string FilePath,
    string? SubscriptionId,
    string? ResourceGroup,
    string? WorkspaceName,
    string? LocalPath)
{
    private static readonly string?[] s_folders = { ".azureml", "aml_config", null };
    private static readonly string[] s_fileNames = { "config.json", "project.json" };

    // What azureml-core and this SDK write: the three-key form, the resource-id form (with its Id), local_path.
    private static readonly string[] s_keys = { "subscription_id", "resource_group", "workspace_name", "Scope", "Id", "local_path" };

    /// <summary>The folders searched, in order, relative to each directory of the upward walk.</summary>
    public static IReadOnlyList<string> SearchedFolders => new[] { ".azureml", "aml_config", "." };

    /// <summary>
    /// Finds the file: <paramref name="path"/> itself when it is a file; otherwise, for each folder in
    /// <c>.azureml</c>, <c>aml_config</c>, the directory itself and each file name in <c>config.json</c>,
    /// <c>project.json</c> (or only <paramref name="fileName"/>), a walk from <paramref name="path"/> up to
    /// the root. The first hit wins.
    /// </summary>
    public static WorkspaceConfigFile Find(string? path, string? fileName)
    {
        string start = Path.GetFullPath(string.IsNullOrEmpty(path) ? "." : path);
        if (File.Exists(start)) return Read(start);
        if (!Directory.Exists(start))
        {
            throw new UserErrorException($"The workspace configuration path '{start}' does not exist. Pass a folder to search or the path of a config.json file.");
        }

        string[] names = fileName is null ? s_fileNames : new[] { fileName };
        foreach (string? folder in s_folders)
        {
            foreach (string name in names)
            {
                for (DirectoryInfo? dir = new(start); dir is not null; dir = dir.Parent)
                {
                    string candidate = folder is null
                        ? Path.Combine(dir.FullName, name)
                        : Path.Combine(dir.FullName, folder, name);
                    if (File.Exists(candidate)) return Read(candidate);
                }
            }
        }

        throw new UserErrorException(
            $"The workspace configuration file {string.Join(" or ", names)} could not be found in '{start}' or its parent directories. " +
            $"Searched the folders {string.Join(", ", SearchedFolders.Select(f => $"'{f}'"))} of every directory up to the root. " +
            "Create one with Workspace.WriteConfig(), download config.json from the Azure portal, or write " +
            "{\"local_path\": \".azureml/local\"} to .azureml/config.json to use a local workspace.");
    }

    /// <summary>Parses one config file; either form, with or without <c>local_path</c>.</summary>
    /// <remarks>
    /// Strict JSON, as azureml-core's <c>json.load</c> reads it: no comments, no trailing commas, so a file that
    /// works here works there. Keys of other tools are ignored as azureml-core ignores them, but a key one or
    /// two letters away from a known one is a typo and refused.
    /// </remarks>
    public static WorkspaceConfigFile Read(string filePath)
    {
        string text = File.ReadAllText(filePath);
        JsonElement root;
        try
        {
            using JsonDocument doc = JsonDocument.Parse(text);
            root = doc.RootElement.Clone();
        }
        catch (JsonException ex)
        {
            throw new UserErrorException($"The workspace configuration file '{filePath}' is not valid JSON at {Position(text, ex)}: {Reason(ex)}", ex);
        }

        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new UserErrorException($"The workspace configuration file '{filePath}' must hold a JSON object, not {root.ValueKind}.");
        }

        List<string> unknown = root.EnumerateObject().Select(p => p.Name).Where(n => !s_keys.Contains(n, StringComparer.Ordinal)).ToList();
        foreach (string key in unknown)
        {
            if (Resembled(key) is string known)
            {
                throw new UserErrorException(
                    $"The workspace configuration file '{filePath}' has the unknown key '{key}'; did you mean '{known}'? " +
                    $"The keys it may hold are {string.Join(", ", s_keys.Select(k => $"'{k}'"))}.");
            }
        }

        string? sub = GetString(filePath, root, "subscription_id");
        string? rg = GetString(filePath, root, "resource_group");
        string? ws = GetString(filePath, root, "workspace_name");
        string? local = GetString(filePath, root, "local_path");

        string? scope = GetString(filePath, root, "Scope");
        if (scope is not null)
        {
            string[] parts = scope.Split('/');
            if (parts.Length < 9 || !parts[1].Equals("subscriptions", StringComparison.OrdinalIgnoreCase)
                || !parts[3].Equals("resourceGroups", StringComparison.OrdinalIgnoreCase))
            {
                throw new UserErrorException(
                    $"The 'Scope' in '{filePath}' is not a workspace resource id. Expected " +
                    "/subscriptions/<id>/resourceGroups/<group>/providers/Microsoft.MachineLearningServices/workspaces/<name>, got '{scope}'.");
            }

            (sub, rg, ws) = (parts[2], parts[4], parts[8]);
        }

        if (local is null && (sub is null || rg is null || ws is null))
        {
            throw new UserErrorException(
                $"The config file found in '{filePath}' does not seem to contain the required parameters. " +
                "Please make sure it contains your subscription_id, resource_group and workspace_name " +
                "(or a 'Scope' resource id), or a 'local_path' for a local workspace." +
                (unknown.Count == 0 ? "" : $" Unknown keys in the file: {string.Join(", ", unknown.Select(k => $"'{k}'"))}."));
        }

        return new WorkspaceConfigFile(filePath, sub, rg, ws, local);
    }

    private static string? GetString(string filePath, JsonElement root, string name)
    {
        if (!root.TryGetProperty(name, out JsonElement value) || value.ValueKind == JsonValueKind.Null) return null;
        if (value.ValueKind != JsonValueKind.String)
        {
            throw new UserErrorException($"The key '{name}' in the workspace configuration file '{filePath}' must be a string, not {value.ValueKind}.");
        }

        string s = value.GetString()!;
        return s.Length == 0 ? null : s;
    }

    // System.Text.Json counts lines from 0 and positions in bytes; editors count both from 1, in characters.
    private static string Position(string text, JsonException ex)
    {
        if (ex.LineNumber is not long line) return "an unknown position";
        string[] lines = text.Split('\n');
        string lineText = line < lines.Length ? lines[line] : "";
        byte[] bytes = System.Text.Encoding.UTF8.GetBytes(lineText);
        int column = System.Text.Encoding.UTF8.GetCharCount(bytes, 0, (int)Math.Min(ex.BytePositionInLine ?? 0, bytes.Length)) + 1;
        return $"line {line + 1}, column {column}";
    }

    // The reader's message without its own 0-based " LineNumber: … | BytePositionInLine: …" suffix.
    private static string Reason(JsonException ex)
    {
        int cut = ex.Message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        string reason = (cut < 0 ? ex.Message : ex.Message[..cut]).Trim();
        return reason.EndsWith(" Path: $ |", StringComparison.Ordinal) ? reason[..^" Path: $ |".Length] : reason;
    }

    // A known key within two edits of the given one (case ignored): a typo rather than another tool's key.
    // "Id" is too short to tell a typo from a different word.
    private static string? Resembled(string key)
        => s_keys.FirstOrDefault(k => k.Length > 2 && EditDistance(key.ToLowerInvariant(), k.ToLowerInvariant()) <= 2);

    private static int EditDistance(string a, string b)
    {
        int[] previous = Enumerable.Range(0, b.Length + 1).ToArray();
        for (int i = 1; i <= a.Length; i++)
        {
            int[] current = new int[b.Length + 1];
            current[0] = i;
            for (int j = 1; j <= b.Length; j++)
            {
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            }

            previous = current;
        }

        return previous[b.Length];
    }
}
