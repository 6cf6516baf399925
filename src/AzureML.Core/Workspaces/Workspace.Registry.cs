using AzureML.Core.Internal;

namespace AzureML.Core;

public partial class Workspace
{
    /// <summary>
    /// The local workspace created as <paramref name="name"/> on this machine (in <paramref name="resourceGroup"/>'s
    /// label, when given), or <c>null</c> when there is none and <paramref name="subscriptionId"/> says to look in Azure.
    /// </summary>
    private static Workspace? GetLocal(string name, string? subscriptionId, string? resourceGroup)
    {
        Argument.NotNullOrEmpty(name, nameof(name));
        IReadOnlyList<WorkspaceConfigFile> matches = LocalWorkspaceDirectory.Find(name, subscriptionId, resourceGroup);
        return matches.Count switch
        {
            1 => Open(matches[0]),
            0 when subscriptionId is not null => null,
            0 => throw new UserErrorException(
                $"No workspace named '{name}'{InGroup(resourceGroup)} on this machine. " +
                $"Create it with Workspace.Create(\"{name}\"{(resourceGroup is null ? "" : $", resourceGroup: \"{resourceGroup}\"")}), " +
                "or give its subscriptionId (and auth) to open an Azure ML workspace.")
            {
                ErrorCode = AzureMLErrorCode.ResourceNotFound,
            },
            _ => throw new UserErrorException(
                $"Several workspaces are named '{name}', in the resource groups {string.Join(", ", matches.Select(m => $"'{m.ResourceGroup}'"))}; pass the resource group."),
        };
    }

    /// <summary>Creates (or, with <paramref name="existOk"/>, opens) a local workspace listed on this machine.</summary>
    private static Workspace CreateLocal(string name, string? subscriptionId, string? resourceGroup, bool existOk, string? localPath)
    {
        LocalWorkspaceDirectory.ValidateName(name);
        LocalWorkspaceDirectory.ValidateResourceGroup(resourceGroup);
        WorkspaceConfigFile? existing = LocalWorkspaceDirectory.Find(name, null, resourceGroup)
            .FirstOrDefault(e => string.Equals(e.ResourceGroup, resourceGroup, StringComparison.OrdinalIgnoreCase));
        if (existing is null)
        {
            string folder = Path.GetFullPath(localPath ?? LocalWorkspaceDirectory.DefaultFolder(name, resourceGroup));
            Workspace created = OpenLocal(folder, name, subscriptionId, resourceGroup);
            if (LocalWorkspaceDirectory.TryAdd(name, subscriptionId, resourceGroup, folder)) return created;
            existing = LocalWorkspaceDirectory.Find(name, null, resourceGroup).First();
        }

        if (!existOk)
        {
            throw new UserErrorException(
                $"A workspace named '{name}' already exists{InGroup(resourceGroup)} (folder '{existing.LocalPath}'). " +
                "Pass existOk: true to open it, or choose another name.")
            {
                ErrorCode = AzureMLErrorCode.Conflict,
            };
        }

        return Open(existing);
    }

    /// <summary>The workspaces on this machine by name, filtered by subscription and resource group when given.</summary>
    private static IReadOnlyDictionary<string, IReadOnlyList<Workspace>> ListLocal(string? subscriptionId, string? resourceGroup)
        => LocalWorkspaceDirectory.Find(null, subscriptionId, resourceGroup)
            .GroupBy(e => e.WorkspaceName!, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<Workspace>)g.Select(Open).ToList(), StringComparer.OrdinalIgnoreCase);

    private static Workspace Open(WorkspaceConfigFile entry) => OpenLocal(entry.LocalPath!, entry.WorkspaceName, entry.SubscriptionId, entry.ResourceGroup);

    private static string InGroup(string? resourceGroup) => resourceGroup is null ? "" : $" in resource group '{resourceGroup}'";
}
