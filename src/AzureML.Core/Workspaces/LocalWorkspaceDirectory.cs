using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using AzureML.Core.Internal;

namespace AzureML.Core;

/// <summary>
/// The list of local workspaces by resource group and name on this machine — what the subscription's resource list
/// is for Azure workspaces. Each entry is a <c>config.json</c>-form file,
/// <c>&lt;root&gt;/&lt;resource group&gt;/&lt;name&gt;.json</c>, whose <c>local_path</c> is the workspace folder.
/// The root is <c>AZUREML_LOCAL_WORKSPACES</c>, else <c>~/.azureml/workspaces</c>.
/// </summary>
internal static partial class LocalWorkspaceDirectory
{
    public const string RootVariable = "AZUREML_LOCAL_WORKSPACES";

    // Entries without a resource group live here; Azure resource group names cannot contain '$'.
    private const string NoGroup = "$none";

    public static string Root
    {
        get
        {
            string? configured = System.Environment.GetEnvironmentVariable(RootVariable);
            return string.IsNullOrEmpty(configured)
                ? Path.Combine(System.Environment.GetFolderPath(System.Environment.SpecialFolder.UserProfile), ".azureml", "workspaces")
                : Path.GetFullPath(configured);
        }
    }

    /// <summary>The default folder of a new local workspace with no path given.</summary>
    public static string DefaultFolder(string name, string? resourceGroup) => Path.Combine(Root, resourceGroup ?? NoGroup, name);

    public static void ValidateName(string? name)
    {
        if (name is null || !NamePattern().IsMatch(name))
        {
            throw new UserErrorException(
                $"Workspace name '{name}' is not valid: use 3 to 33 characters, starting with a letter or digit, then letters, digits, '-' or '_'.");
        }
    }

    public static void ValidateResourceGroup(string? resourceGroup)
    {
        if (resourceGroup is not null && (!GroupPattern().IsMatch(resourceGroup) || resourceGroup.EndsWith('.')))
        {
            throw new UserErrorException(
                $"Resource group name '{resourceGroup}' is not valid: use 1 to 90 letters, digits, '-', '_', '.', '(' or ')', not ending with '.'.");
        }
    }

    /// <summary>The entries, filtered by what is given (names compare case-insensitively, as Azure's do).</summary>
    public static IReadOnlyList<WorkspaceConfigFile> Find(string? name, string? subscriptionId, string? resourceGroup)
    {
        string root = Root;
        if (!Directory.Exists(root)) return Array.Empty<WorkspaceConfigFile>();
        return Directory.EnumerateFiles(root, "*.json", SearchOption.AllDirectories)
            .Select(WorkspaceConfigFile.Read)
            .Where(e => e.LocalPath is not null)
            .Where(e => name is null || string.Equals(e.WorkspaceName, name, StringComparison.OrdinalIgnoreCase))
            .Where(e => resourceGroup is null || string.Equals(e.ResourceGroup, resourceGroup, StringComparison.OrdinalIgnoreCase))
            .Where(e => subscriptionId is null || string.Equals(e.SubscriptionId, subscriptionId, StringComparison.OrdinalIgnoreCase))
            .OrderBy(e => e.ResourceGroup, StringComparer.OrdinalIgnoreCase)
            .ThenBy(e => e.WorkspaceName, StringComparer.OrdinalIgnoreCase)
            .ToList();
    }

    /// <summary>Adds an entry; false when one with that group and name exists (also one added meanwhile).</summary>
    public static bool TryAdd(string name, string? subscriptionId, string? resourceGroup, string folder)
    {
        string file = Path.Combine(Root, resourceGroup ?? NoGroup, name + ".json");
        var json = new JsonObject { ["workspace_name"] = name };
        if (subscriptionId is not null) json["subscription_id"] = subscriptionId;
        if (resourceGroup is not null) json["resource_group"] = resourceGroup;
        json["local_path"] = folder;
        using var content = new MemoryStream(JsonSerializer.SerializeToUtf8Bytes(json, new JsonSerializerOptions { WriteIndented = true }));
        try
        {
            FileWriting.WriteAtomicallyAsync(file, content, CancellationToken.None, overwrite: false).EnsureCompleted();
            return true;
        }
        catch (IOException) when (File.Exists(file))
        {
            return false;
        }
    }

    [GeneratedRegex(@"\A[A-Za-z0-9][A-Za-z0-9_-]{2,32}\z", RegexOptions.CultureInvariant)]
    private static partial Regex NamePattern();

    [GeneratedRegex(@"\A[-\w.()]{1,90}\z", RegexOptions.CultureInvariant)]
    private static partial Regex GroupPattern();
}
