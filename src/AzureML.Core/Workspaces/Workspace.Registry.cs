using AzureML.Core.Internal;

namespace AzureML.Core;

public partial class Workspace
{
    /// <summary>
    /// Creates a workspace (azureml-core's <c>Workspace.create</c>). Without a subscription, or with
    /// <paramref name="localPath"/>, it is a local workspace: its folder is created (default
    /// <c>~/.azureml/workspaces/&lt;resourceGroup&gt;/&lt;name&gt;</c>, or under <c>AZUREML_LOCAL_WORKSPACES</c>) and
    /// it is listed on this machine under its resource group and name, so <see cref="Get(string, string?, string?)"/> finds it.
    /// </summary>
    /// <param name="name">3–33 characters: a letter or digit, then letters, digits, <c>-</c> or <c>_</c>.</param>
    /// <param name="subscriptionId">The Azure subscription; kept as a label on a local workspace.</param>
    /// <param name="resourceGroup">The resource group; a local workspace's group is a label that scopes the name.</param>
    /// <param name="location">The Azure region; local workspaces are always <c>local</c>.</param>
    /// <param name="existOk">Return the existing workspace of that name instead of failing.</param>
    /// <param name="localPath">The folder of a local workspace.</param>
    /// <exception cref="UserErrorException">The name is invalid, or a workspace of that name exists and <paramref name="existOk"/> is false.</exception>
    public static Workspace Create(string name, string? subscriptionId = null, string? resourceGroup = null, string? location = null,
        bool existOk = false, string? localPath = null)
        => CreateAsync(name, subscriptionId, resourceGroup, location, existOk, localPath).EnsureCompleted();

    /// <inheritdoc cref="Create(string, string?, string?, string?, bool, string?)"/>
    /// <param name="name">The workspace name.</param>
    /// <param name="subscriptionId">The Azure subscription.</param>
    /// <param name="resourceGroup">The resource group.</param>
    /// <param name="location">The Azure region.</param>
    /// <param name="existOk">Return the existing workspace instead of failing.</param>
    /// <param name="localPath">The folder of a local workspace.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public static Task<Workspace> CreateAsync(string name, string? subscriptionId = null, string? resourceGroup = null, string? location = null,
        bool existOk = false, string? localPath = null, CancellationToken cancellationToken = default)
    {
        LocalWorkspaceDirectory.ValidateName(name);
        LocalWorkspaceDirectory.ValidateResourceGroup(resourceGroup);
        cancellationToken.ThrowIfCancellationRequested();
        if (subscriptionId is not null && localPath is null) throw AzureUnavailable(name, subscriptionId, resourceGroup);

        WorkspaceConfigFile? existing = LocalWorkspaceDirectory.Find(name, null, resourceGroup)
            .FirstOrDefault(e => string.Equals(e.ResourceGroup, resourceGroup, StringComparison.OrdinalIgnoreCase));
        if (existing is null)
        {
            string folder = Path.GetFullPath(localPath ?? LocalWorkspaceDirectory.DefaultFolder(name, resourceGroup));
            Workspace created = OpenLocal(folder, name, subscriptionId, resourceGroup);
            if (LocalWorkspaceDirectory.TryAdd(name, subscriptionId, resourceGroup, folder)) return Task.FromResult(created);
            existing = LocalWorkspaceDirectory.Find(name, null, resourceGroup).First();
        }

        if (!existOk)
        {
            throw new UserErrorException(
                $"A workspace named '{name}' already exists{InGroup(resourceGroup)} (folder '{existing.LocalPath}'). " +
                "Pass existOk: true to open it, or choose another name.");
        }

        return Task.FromResult(Open(existing));
    }

    /// <summary>
    /// Returns a workspace by name (azureml-core's <c>Workspace.get</c>): a local workspace listed on this machine
    /// by <see cref="Create(string, string?, string?, string?, bool, string?)"/>, matched on name and, when given, resource group and subscription.
    /// </summary>
    /// <param name="name">The workspace name (case-insensitive).</param>
    /// <param name="subscriptionId">The subscription, when it must match.</param>
    /// <param name="resourceGroup">The resource group, when it must match.</param>
    /// <exception cref="UserErrorException">No workspace matches, or several do and no resource group was given.</exception>
    public static Workspace Get(string name, string? subscriptionId = null, string? resourceGroup = null)
        => GetAsync(name, subscriptionId, resourceGroup).EnsureCompleted();

    /// <inheritdoc cref="Get(string, string?, string?)"/>
    /// <param name="name">The workspace name.</param>
    /// <param name="subscriptionId">The subscription, when it must match.</param>
    /// <param name="resourceGroup">The resource group, when it must match.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public static Task<Workspace> GetAsync(string name, string? subscriptionId = null, string? resourceGroup = null, CancellationToken cancellationToken = default)
    {
        Argument.NotNullOrEmpty(name, nameof(name));
        cancellationToken.ThrowIfCancellationRequested();
        IReadOnlyList<WorkspaceConfigFile> matches = LocalWorkspaceDirectory.Find(name, subscriptionId, resourceGroup);
        return matches.Count switch
        {
            1 => Task.FromResult(Open(matches[0])),
            0 when subscriptionId is not null => throw AzureUnavailable(name, subscriptionId, resourceGroup),
            0 => throw new UserErrorException(
                $"No workspace named '{name}'{InGroup(resourceGroup)} on this machine. " +
                $"Create it with Workspace.Create(\"{name}\"{(resourceGroup is null ? "" : $", resourceGroup: \"{resourceGroup}\"")})."),
            _ => throw new UserErrorException(
                $"Several workspaces are named '{name}', in the resource groups {string.Join(", ", matches.Select(m => $"'{m.ResourceGroup}'"))}; pass the resource group."),
        };
    }

    /// <summary>
    /// The workspaces on this machine by name (azureml-core's <c>Workspace.list</c>; a name can exist in several
    /// resource groups), filtered by subscription and resource group when given.
    /// </summary>
    /// <param name="subscriptionId">Only workspaces of this subscription.</param>
    /// <param name="resourceGroup">Only workspaces of this resource group.</param>
    public static IReadOnlyDictionary<string, IReadOnlyList<Workspace>> List(string? subscriptionId = null, string? resourceGroup = null)
        => ListAsync(subscriptionId, resourceGroup).EnsureCompleted();

    /// <inheritdoc cref="List(string?, string?)"/>
    /// <param name="subscriptionId">Only workspaces of this subscription.</param>
    /// <param name="resourceGroup">Only workspaces of this resource group.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public static Task<IReadOnlyDictionary<string, IReadOnlyList<Workspace>>> ListAsync(string? subscriptionId = null, string? resourceGroup = null,
        CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        IReadOnlyDictionary<string, IReadOnlyList<Workspace>> result = LocalWorkspaceDirectory.Find(null, subscriptionId, resourceGroup)
            .GroupBy(e => e.WorkspaceName!, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<Workspace>)g.Select(Open).ToList(), StringComparer.OrdinalIgnoreCase);
        return Task.FromResult(result);
    }

    private static Workspace Open(WorkspaceConfigFile entry) => OpenLocal(entry.LocalPath!, entry.WorkspaceName, entry.SubscriptionId, entry.ResourceGroup);

    private static string InGroup(string? resourceGroup) => resourceGroup is null ? "" : $" in resource group '{resourceGroup}'";

    private static UserErrorException AzureUnavailable(string name, string? subscriptionId, string? resourceGroup) => new(
        $"No local workspace named '{name}' (subscription {subscriptionId}, resource group {resourceGroup}) is on this machine. " +
        "To reach the Azure ML workspace, say how to sign in: Workspace.Get(name, auth: new DefaultAuthentication(), subscriptionId: ..., resourceGroup: ...) " +
        "(or Workspace.Create with auth). Leave out the subscription, or give a local path, to use a local workspace.");
}
