using AzureML.Core.Authentication;
using AzureML.Core.Backends.Azure;
using AzureML.Core.Backends.Azure.Rest;
using AzureML.Core.Backends.Azure.Workspaces;
using AzureML.Core.Internal;

namespace AzureML.Core;

public partial class Workspace
{
    /// <summary>The workspace as Resource Manager described it, for workspaces opened with Get, Create or List.</summary>
    internal AzureWorkspaceInfo? AzureInfo { get; private init; }

    /// <summary>The REST clients of an Azure workspace opened with Get, Create or List.</summary>
    internal AzureWorkspaceClient? AzureClient { get; private init; }

    /// <summary>The workspace's discovery URL (Azure workspaces opened through Resource Manager), else <c>null</c>.</summary>
    public virtual string? DiscoveryUrl => AzureInfo?.DiscoveryUrl?.ToString();

    /// <summary>The workspace's SKU (<c>Basic</c>) on Azure, else <c>null</c>.</summary>
    public virtual string? Sku => AzureInfo?.Sku;

    /// <summary>The workspace's Azure tags; empty for a local workspace.</summary>
    public virtual IReadOnlyDictionary<string, string> Tags => AzureInfo?.Tags ?? new Dictionary<string, string>();

    /// <summary>The MLflow tracking URI of an Azure workspace (<c>azureml://…</c>), else <c>null</c>.</summary>
    public virtual string? GetMlflowTrackingUri() => AzureInfo?.MlflowTrackingUri;

    /// <summary>
    /// Returns a workspace by name, as azureml-core's <c>Workspace.get</c> does: an Azure ML workspace read from
    /// Resource Manager, or a local one listed on this machine by <see cref="Create"/>.
    /// </summary>
    /// <remarks>
    /// <para><b>Local or Azure.</b> A call that says how to sign in (<paramref name="auth"/>) or passes
    /// <paramref name="options"/> goes to Azure. Otherwise a local workspace of that name (matching the subscription and
    /// resource group when they are given) is returned; when none matches and a <paramref name="subscriptionId"/> is
    /// given, the workspace is read from Azure with <see cref="DefaultAuthentication"/>, which never prompts.</para>
    /// <para>On Azure the workspace is read at once, so a wrong name or a missing permission fails here, clearly.</para>
    /// </remarks>
    /// <param name="name">The workspace name.</param>
    /// <param name="auth">How to sign in to Azure, for example <see cref="InteractiveLoginAuthentication"/>; any <c>TokenCredential</c> converts.</param>
    /// <param name="subscriptionId">The subscription the workspace is in.</param>
    /// <param name="resourceGroup">Its resource group; on Azure, when <c>null</c>, the subscription's workspaces are searched for the name.</param>
    /// <param name="options">Transport, retries, diagnostics, API version, cloud and polling of every Azure call; default <see cref="AzureMLClientOptions"/>.</param>
    /// <exception cref="UserErrorException">No workspace of that name exists where it was looked for, or several local ones do and no resource group was given.</exception>
    /// <exception cref="AzureMLException">Resource Manager refused the call (for example 401 or 403); <see cref="AzureMLException.ErrorCode"/> says why.</exception>
    public static Workspace Get(string name, AbstractAuthentication? auth = null, string? subscriptionId = null, string? resourceGroup = null,
        AzureMLClientOptions? options = null)
        => auth is null && options is null && GetLocal(name, subscriptionId, resourceGroup) is { } local
            ? local
            : GetCoreAsync(name, auth, subscriptionId, resourceGroup, options, async: false, CancellationToken.None).EnsureCompleted();

    /// <inheritdoc cref="Get(string, AbstractAuthentication?, string?, string?, AzureMLClientOptions?)"/>
    /// <param name="name">The workspace name.</param>
    /// <param name="auth">How to sign in to Azure.</param>
    /// <param name="subscriptionId">The subscription the workspace is in.</param>
    /// <param name="resourceGroup">Its resource group.</param>
    /// <param name="options">Transport, retries, diagnostics, API version, cloud and polling of every Azure call.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public static async Task<Workspace> GetAsync(string name, AbstractAuthentication? auth = null, string? subscriptionId = null, string? resourceGroup = null,
        AzureMLClientOptions? options = null, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return auth is null && options is null && GetLocal(name, subscriptionId, resourceGroup) is { } local
            ? local
            : await GetCoreAsync(name, auth, subscriptionId, resourceGroup, options, async: true, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Opens the workspace a <c>config.json</c> names (found as <see cref="FromConfig(string?, string?)"/> finds it) and, for
    /// an Azure workspace, reads it from Resource Manager with <paramref name="auth"/> as azureml-core's
    /// <c>Workspace.from_config(path, auth)</c> does. A config with <c>local_path</c> opens the local workspace.
    /// </summary>
    /// <param name="path">A folder to start the search from, or a config file.</param>
    /// <param name="auth">How to sign in; <c>null</c> for <see cref="DefaultAuthentication"/>.</param>
    /// <param name="fileName">Only look for this file name.</param>
    /// <param name="options">Transport, retries, diagnostics, API version, cloud and polling of every Azure call.</param>
    public static Workspace FromConfig(string? path, AbstractAuthentication? auth, string? fileName = null, AzureMLClientOptions? options = null)
    {
        WorkspaceConfigFile config = WorkspaceConfigFile.Find(path, fileName);
        return config.LocalPath is not null
            ? FromConfig(config.FilePath)
            : GetCoreAsync(config.WorkspaceName!, auth, config.SubscriptionId, config.ResourceGroup, options, async: false, CancellationToken.None).EnsureCompleted();
    }

    /// <summary>
    /// Creates a workspace, as azureml-core's <c>Workspace.create</c> does: an Azure ML workspace, provisioned by Resource
    /// Manager before the call returns, or a local one on this machine.
    /// </summary>
    /// <remarks>
    /// <para><b>Local or Azure.</b> With <paramref name="localPath"/>, or with neither <paramref name="auth"/>,
    /// <paramref name="options"/> nor <paramref name="subscriptionId"/>, the workspace is local: its folder is created
    /// (default <c>~/.azureml/workspaces/&lt;resourceGroup&gt;/&lt;name&gt;</c>, or under <c>AZUREML_LOCAL_WORKSPACES</c>)
    /// and listed on this machine under its resource group and name, so <see cref="Get"/> finds it. Otherwise it is
    /// created in Azure (with <see cref="DefaultAuthentication"/> when no <paramref name="auth"/> is given); its
    /// storage account, key vault, Application Insights and container registry are given by ARM id and must exist.</para>
    /// </remarks>
    /// <param name="name">3–33 characters: a letter or digit, then letters, digits, <c>-</c> or <c>_</c>.</param>
    /// <param name="auth">How to sign in to Azure.</param>
    /// <param name="subscriptionId">The subscription to create it in; a label on a local workspace.</param>
    /// <param name="resourceGroup">The resource group; a local workspace's group is a label that scopes the name.</param>
    /// <param name="location">The Azure region, for example <c>eastus</c>; local workspaces are always <c>local</c>.</param>
    /// <param name="createResourceGroup">Create the Azure resource group when it does not exist.</param>
    /// <param name="sku"><c>basic</c> (the only SKU; kept for azureml-core compatibility).</param>
    /// <param name="tags">Azure tags of the workspace.</param>
    /// <param name="friendlyName">A display name.</param>
    /// <param name="storageAccount">The ARM id of the storage account.</param>
    /// <param name="keyVault">The ARM id of the key vault.</param>
    /// <param name="appInsights">The ARM id of the Application Insights component.</param>
    /// <param name="containerRegistry">The ARM id of the container registry.</param>
    /// <param name="hbiWorkspace">Mark the Azure workspace as holding high business impact data.</param>
    /// <param name="existOk">Return an existing workspace of that name instead of failing.</param>
    /// <param name="showOutput">Print what is being done in Azure.</param>
    /// <param name="options">Transport, retries, diagnostics, API version, cloud and polling of every Azure call.</param>
    /// <param name="localPath">The folder of a local workspace.</param>
    /// <exception cref="UserErrorException">The name is invalid, a required Azure argument is missing, or the workspace exists and <paramref name="existOk"/> is false.</exception>
    public static Workspace Create(string name, AbstractAuthentication? auth = null, string? subscriptionId = null, string? resourceGroup = null, string? location = null,
        bool createResourceGroup = true, string sku = "basic", IReadOnlyDictionary<string, string>? tags = null, string? friendlyName = null, string? storageAccount = null,
        string? keyVault = null, string? appInsights = null, string? containerRegistry = null, bool hbiWorkspace = false, bool existOk = false, bool showOutput = true,
        AzureMLClientOptions? options = null, string? localPath = null)
    {
        var arguments = new CreateArguments(name, auth, subscriptionId, resourceGroup, location, createResourceGroup, sku, tags, friendlyName, storageAccount, keyVault,
            appInsights, containerRegistry, hbiWorkspace, existOk, showOutput, options);
        return IsLocalCreate(arguments, localPath)
            ? CreateLocal(name, subscriptionId, resourceGroup, existOk, localPath)
            : CreateCoreAsync(arguments, async: false, CancellationToken.None).EnsureCompleted();
    }

    /// <inheritdoc cref="Create"/>
    /// <param name="name">The workspace name.</param>
    /// <param name="auth">How to sign in to Azure.</param>
    /// <param name="subscriptionId">The subscription to create it in.</param>
    /// <param name="resourceGroup">The resource group to create it in.</param>
    /// <param name="location">The Azure region.</param>
    /// <param name="createResourceGroup">Create the resource group when it does not exist.</param>
    /// <param name="sku"><c>basic</c>.</param>
    /// <param name="tags">Azure tags of the workspace.</param>
    /// <param name="friendlyName">A display name.</param>
    /// <param name="storageAccount">The ARM id of the storage account.</param>
    /// <param name="keyVault">The ARM id of the key vault.</param>
    /// <param name="appInsights">The ARM id of the Application Insights component.</param>
    /// <param name="containerRegistry">The ARM id of the container registry.</param>
    /// <param name="hbiWorkspace">Mark the workspace as holding high business impact data.</param>
    /// <param name="existOk">Return an existing workspace of that name instead of failing.</param>
    /// <param name="showOutput">Print what is being done.</param>
    /// <param name="options">Transport, retries, diagnostics, API version, cloud and polling.</param>
    /// <param name="localPath">The folder of a local workspace.</param>
    /// <param name="cancellationToken">Stops waiting; a creation in Azure goes on.</param>
    public static async Task<Workspace> CreateAsync(string name, AbstractAuthentication? auth = null, string? subscriptionId = null, string? resourceGroup = null,
        string? location = null, bool createResourceGroup = true, string sku = "basic", IReadOnlyDictionary<string, string>? tags = null, string? friendlyName = null,
        string? storageAccount = null, string? keyVault = null, string? appInsights = null, string? containerRegistry = null, bool hbiWorkspace = false,
        bool existOk = false, bool showOutput = true, AzureMLClientOptions? options = null, string? localPath = null, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var arguments = new CreateArguments(name, auth, subscriptionId, resourceGroup, location, createResourceGroup, sku, tags, friendlyName, storageAccount, keyVault,
            appInsights, containerRegistry, hbiWorkspace, existOk, showOutput, options);
        return IsLocalCreate(arguments, localPath)
            ? CreateLocal(name, subscriptionId, resourceGroup, existOk, localPath)
            : await CreateCoreAsync(arguments, async: true, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Deletes this Azure workspace and (unless <paramref name="noWait"/>) waits until it is gone, as azureml-core's
    /// <c>Workspace.delete</c> does; deleting a workspace that no longer exists is not an error.
    /// </summary>
    /// <param name="deleteDependentResources">Not supported: the storage account, key vault and other resources are kept.</param>
    /// <param name="noWait">Return once Resource Manager has accepted the deletion.</param>
    /// <exception cref="UserErrorException">This is a local workspace, or <paramref name="deleteDependentResources"/> was set.</exception>
    public virtual void Delete(bool deleteDependentResources = false, bool noWait = false)
        => DeleteCoreAsync(deleteDependentResources, noWait, async: false, CancellationToken.None).EnsureCompleted();

    /// <inheritdoc cref="Delete"/>
    /// <param name="deleteDependentResources">Not supported.</param>
    /// <param name="noWait">Return once Resource Manager has accepted the deletion.</param>
    /// <param name="cancellationToken">Stops waiting; the deletion goes on in Azure.</param>
    public virtual async Task DeleteAsync(bool deleteDependentResources = false, bool noWait = false, CancellationToken cancellationToken = default)
        => await DeleteCoreAsync(deleteDependentResources, noWait, async: true, cancellationToken).ConfigureAwait(false);

    /// <summary>
    /// The workspaces by name, as azureml-core's <c>Workspace.list</c> returns them (a name maps to every workspace that has
    /// it, since names repeat across resource groups). With <paramref name="auth"/> or <paramref name="options"/>, the
    /// Azure workspaces of <paramref name="subscriptionId"/> (or of one resource group); without, the workspaces on this
    /// machine, filtered by subscription and resource group when given.
    /// </summary>
    /// <param name="subscriptionId">The subscription (required on Azure).</param>
    /// <param name="auth">How to sign in to Azure.</param>
    /// <param name="resourceGroup">Only this resource group.</param>
    /// <param name="options">Transport, retries, diagnostics, API version, cloud and polling of every Azure call.</param>
    public static IReadOnlyDictionary<string, IReadOnlyList<Workspace>> List(string? subscriptionId = null, AbstractAuthentication? auth = null, string? resourceGroup = null,
        AzureMLClientOptions? options = null)
    {
        if (auth is null && options is null) return ListLocal(subscriptionId, resourceGroup);
        Connection connection = Connect(RequireSubscription(subscriptionId, "Workspace.List"), auth, options);
        var found = new List<Workspace>();
        foreach (ArmResource<WorkspaceProperties> resource in connection.Workspaces.List(resourceGroup).AsPageable(CancellationToken.None))
        {
            found.Add(FromArm(resource, connection));
        }

        return Group(found);
    }

    /// <inheritdoc cref="List(string?, AbstractAuthentication?, string?, AzureMLClientOptions?)"/>
    /// <param name="subscriptionId">The subscription.</param>
    /// <param name="auth">How to sign in.</param>
    /// <param name="resourceGroup">Only this resource group.</param>
    /// <param name="options">Transport, retries, diagnostics, API version, cloud and polling.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public static async Task<IReadOnlyDictionary<string, IReadOnlyList<Workspace>>> ListAsync(string? subscriptionId = null, AbstractAuthentication? auth = null,
        string? resourceGroup = null, AzureMLClientOptions? options = null, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (auth is null && options is null) return ListLocal(subscriptionId, resourceGroup);
        Connection connection = Connect(RequireSubscription(subscriptionId, "Workspace.List"), auth, options);
        var found = new List<Workspace>();
        await foreach (ArmResource<WorkspaceProperties> resource in connection.Workspaces.List(resourceGroup).AsAsyncPageable(cancellationToken).ConfigureAwait(false))
        {
            found.Add(FromArm(resource, connection));
        }

        return Group(found);
    }

    private static bool IsLocalCreate(CreateArguments a, string? localPath)
        => localPath is not null || (a.Auth is null && a.Options is null && a.SubscriptionId is null);

    private static async ValueTask<Workspace> GetCoreAsync(string name, AbstractAuthentication? auth, string? subscriptionId, string? resourceGroup,
        AzureMLClientOptions? options, bool async, CancellationToken cancellationToken)
    {
        Argument.NotNullOrEmpty(name, nameof(name));
        Connection connection = Connect(RequireSubscription(subscriptionId, "Workspace.Get"), auth, options);
        if (resourceGroup is null)
        {
            var pager = connection.Workspaces.List(resourceGroup: null);
            string? next = null;
            do
            {
                var page = await pager.GetPageAsync(next, async, cancellationToken).ConfigureAwait(false);
                if (page.Values.FirstOrDefault(w => string.Equals(w.Name, name, StringComparison.OrdinalIgnoreCase)) is { } match) return FromArm(match, connection);
                next = page.ContinuationToken;
            }
            while (next is not null);
            throw new UserErrorException($"No workspace named '{name}' exists in subscription '{subscriptionId}'. Check the name, or pass its resource group.")
            {
                ErrorCode = AzureMLErrorCode.ResourceNotFound,
                Status = 404,
            };
        }

        ArmResource<WorkspaceProperties> resource = await connection.Workspaces.GetAsync(resourceGroup, name, async, cancellationToken).ConfigureAwait(false);
        return FromArm(resource, connection);
    }

    private static async ValueTask<Workspace> CreateCoreAsync(CreateArguments a, bool async, CancellationToken cancellationToken)
    {
        Argument.NotNullOrEmpty(a.Name, "name");
        if (!WorkspaceNames.IsValid(a.Name))
        {
            throw new UserErrorException($"Workspace name '{a.Name}' is not allowed: use 3 to 33 letters, digits, '-' or '_', starting with a letter or digit.");
        }

        string subscriptionId = RequireSubscription(a.SubscriptionId, "Workspace.Create");
        if (string.IsNullOrEmpty(a.ResourceGroup)) throw new UserErrorException("Workspace.Create needs a resourceGroup.");
        if (string.IsNullOrEmpty(a.Location)) throw new UserErrorException("Workspace.Create needs a location, for example \"eastus\".");
        Connection connection = Connect(subscriptionId, a.Auth, a.Options);
        Action<string> say = a.ShowOutput ? Console.WriteLine : _ => { };

        if (a.CreateResourceGroup)
        {
            await connection.Workspaces.CreateResourceGroupIfMissingAsync(a.ResourceGroup, a.Location, async, cancellationToken).ConfigureAwait(false);
        }

        try
        {
            ArmResource<WorkspaceProperties> existing = await connection.Workspaces.GetAsync(a.ResourceGroup, a.Name, async, cancellationToken).ConfigureAwait(false);
            return ExistingOrFail(existing, connection, a);
        }
        catch (AzureMLException ex) when (ex.Status == 404)
        {
            // Not there yet: create it below.
        }

        say($"Creating workspace '{a.Name}' in resource group '{a.ResourceGroup}' ({a.Location})...");
        var request = new WorkspaceCreateRequest
        {
            Location = a.Location,
            Sku = string.Equals(a.Sku, "basic", StringComparison.OrdinalIgnoreCase) ? "Basic" : a.Sku,
            FriendlyName = a.FriendlyName ?? a.Name,
            StorageAccount = a.StorageAccount,
            KeyVault = a.KeyVault,
            ApplicationInsights = a.AppInsights,
            ContainerRegistry = a.ContainerRegistry,
            HbiWorkspace = a.HbiWorkspace,
            Tags = a.Tags,
        };
        ArmResource<WorkspaceProperties> created = await connection.Workspaces.CreateOrUpdateAsync(a.ResourceGroup, a.Name, WorkspaceConverter.ToResource(request), async, cancellationToken)
            .ConfigureAwait(false);
        say($"Workspace '{a.Name}' is {created.Properties?.ProvisioningState ?? "ready"}.");
        return FromArm(created, connection);
    }

    private async ValueTask DeleteCoreAsync(bool deleteDependentResources, bool noWait, bool async, CancellationToken cancellationToken)
    {
        if (IsLocal) throw new UserErrorException($"Workspace '{Name}' is a local workspace; delete its folder '{LocalPath}' instead.");
        if (deleteDependentResources)
        {
            throw new UserErrorException("Deleting a workspace's storage account, key vault, Application Insights and container registry is not supported; " +
                "delete the workspace with deleteDependentResources: false and remove those resources in the portal or with the Azure CLI.");
        }

        AzureWorkspaceClient client = AzureClient ?? throw new UserErrorException(
            $"Workspace '{Name}' was opened from its config file without signing in; open it with Workspace.Get(...) or Workspace.FromConfig(path, auth) to delete it.");
        await client.Workspaces.DeleteAsync(ResourceGroup!, Name, forceToPurge: false, wait: !noWait, async, cancellationToken).ConfigureAwait(false);
    }

    private static Workspace ExistingOrFail(ArmResource<WorkspaceProperties> existing, Connection connection, CreateArguments a)
    {
        if (!a.ExistOk)
        {
            throw new UserErrorException($"Workspace '{a.Name}' already exists in resource group '{a.ResourceGroup}'. Pass existOk: true to use it, or choose another name.")
            {
                ErrorCode = AzureMLErrorCode.Conflict,
                Status = 409,
            };
        }

        return FromArm(existing, connection);
    }

    private static Workspace FromArm(ArmResource<WorkspaceProperties> resource, Connection connection)
    {
        AzureWorkspaceInfo info = WorkspaceConverter.ToInfo(resource, connection.SubscriptionId, "");
        var client = new AzureWorkspaceClient(info, connection.Pipelines);
        return new Workspace(info.Name, info.SubscriptionId, info.ResourceGroup, info.Location, localPath: null, () => new AzureBackend(client))
        {
            AzureInfo = info,
            AzureClient = client,
        };
    }

    /// <summary>
    /// An Azure workspace known only by its config file: nothing is sent until a call needs the service; then the
    /// default sign-in chain and options are used.
    /// </summary>
    internal static Workspace FromScope(WorkspaceScope scope, AbstractAuthentication? auth, AzureMLClientOptions? options)
    {
        Connection connection = Connect(scope.SubscriptionId, auth, options);
        var client = new AzureWorkspaceClient(scope, connection.Pipelines);
        return new Workspace(scope.WorkspaceName, scope.SubscriptionId, scope.ResourceGroup, location: null, localPath: null, () => new AzureBackend(client))
        {
            AzureClient = client,
        };
    }

    private static IReadOnlyDictionary<string, IReadOnlyList<Workspace>> Group(List<Workspace> workspaces)
        => workspaces.GroupBy(w => w.Name, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<Workspace>)g.ToList(), StringComparer.Ordinal);

    private static string RequireSubscription(string? subscriptionId, string call)
        => string.IsNullOrEmpty(subscriptionId)
            ? throw new UserErrorException($"{call} needs a subscriptionId (the GUID of the Azure subscription; 'az account show' prints it).")
            : subscriptionId;

    private static Connection Connect(string subscriptionId, AbstractAuthentication? auth, AzureMLClientOptions? options)
    {
        Argument.NotNullOrEmpty(subscriptionId, nameof(subscriptionId));
        options ??= new AzureMLClientOptions();
        AbstractAuthentication authentication = auth ?? new DefaultAuthentication();
        var pipelines = new AzureMLPipelines(options, authentication.GetTokenCredential(options.Cloud));
        return new Connection(subscriptionId, pipelines, new WorkspacesRestClient(pipelines, subscriptionId));
    }

    private sealed record Connection(string SubscriptionId, AzureMLPipelines Pipelines, WorkspacesRestClient Workspaces);

    private sealed record CreateArguments(string Name, AbstractAuthentication? Auth, string? SubscriptionId, string? ResourceGroup, string? Location,
        bool CreateResourceGroup, string Sku, IReadOnlyDictionary<string, string>? Tags, string? FriendlyName, string? StorageAccount, string? KeyVault,
        string? AppInsights, string? ContainerRegistry, bool HbiWorkspace, bool ExistOk, bool ShowOutput, AzureMLClientOptions? Options);
}
