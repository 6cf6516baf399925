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
    public static WorkspaceConfigFile Read(string filePath)
    {
        JsonElement root;
        try
        {
            using JsonDocument doc = JsonDocument.Parse(File.ReadAllText(filePath), new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
            root = doc.RootElement.Clone();
        }
        catch (JsonException ex)
        {
            throw new UserErrorException($"The workspace configuration file '{filePath}' is not valid JSON: {ex.Message}", ex);
        }

        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new UserErrorException($"The workspace configuration file '{filePath}' must hold a JSON object, not {root.ValueKind}.");
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
                "(or a 'Scope' resource id), or a 'local_path' for a local workspace.");
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
}
