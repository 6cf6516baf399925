using AzureML.Core.Backends;
using AzureML.Core.Internal;

namespace AzureML.Core.Compute;

/// <summary>
/// A managed cluster that scales between a minimum and a maximum number of nodes. Mirrors
/// <c>azureml.core.compute.AmlCompute</c>. On a local workspace the cluster is <c>maxNodes</c> node slots
/// on this machine: at most that many nodes run at once, the rest of the runs wait in <c>Queued</c>.
/// </summary>
public class AmlCompute : ComputeTarget
{
    /// <summary>The service's name for this compute type.</summary>
    public const string ComputeType = "AmlCompute";

    /// <summary>Opens the existing cluster called <paramref name="name"/>.</summary>
    /// <param name="workspace">The workspace.</param>
    /// <param name="name">The cluster's name.</param>
    /// <exception cref="ComputeTargetException">No cluster has that name (<see cref="AzureMLException.ErrorCode"/> <see cref="AzureMLErrorCode.ResourceNotFound"/>), or the target is not a cluster.</exception>
    public AmlCompute(Workspace workspace, string name)
        : base(workspace, SynchronousCall.Run(() => LoadAsync(workspace, name, CancellationToken.None, ComputeType)))
    {
    }

    internal AmlCompute(Workspace workspace, ComputeRecord record) : base(workspace, record) { }

    /// <summary>For mocking.</summary>
    protected AmlCompute() { }

    /// <summary><c>dedicated</c> or <c>lowpriority</c>.</summary>
    public virtual string VmPriority => Record.VmPriority;

    /// <summary>The node limits and scale-down time as last read.</summary>
    public virtual ScaleSettings ScaleSettings => new(Record.MinNodes, Record.MaxNodes, Record.IdleSecondsBeforeScaledown);

    /// <summary>
    /// Describes a cluster for <see cref="ComputeTarget.Create(Workspace, string, ComputeTargetProvisioningConfiguration)"/>.
    /// The settings are checked when the cluster is created, as the service checks them.
    /// </summary>
    /// <param name="vmSize">The VM size of each node, for example <c>Standard_D2_v2</c>; see <see cref="SupportedVmSizes"/>.</param>
    /// <param name="vmPriority"><c>dedicated</c> or <c>lowpriority</c>.</param>
    /// <param name="minNodes">Nodes kept even when idle.</param>
    /// <param name="maxNodes">The most nodes; default <see cref="AmlComputeProvisioningConfiguration.DefaultMaxNodes"/>.</param>
    /// <param name="idleSecondsBeforeScaledown">How long an idle node stays.</param>
    /// <param name="adminUsername">The nodes' admin account.</param>
    /// <param name="adminUserPassword">The admin password; used for provisioning only and never stored.</param>
    /// <param name="adminUserSshKey">The admin's SSH public key.</param>
    /// <param name="vnetResourceGroupName">The virtual network's resource group.</param>
    /// <param name="vnetName">The virtual network.</param>
    /// <param name="subnetName">The subnet.</param>
    /// <param name="tags">Tags for the cluster.</param>
    /// <param name="description">A description.</param>
    /// <param name="remoteLoginPortPublicAccess"><c>NotSpecified</c>, <c>Enabled</c> or <c>Disabled</c>.</param>
    /// <param name="identityType"><c>SystemAssigned</c> or <c>UserAssigned</c>.</param>
    /// <param name="identityId">User-assigned identity resource ids.</param>
    /// <param name="location">The region; default the workspace's.</param>
    public static AmlComputeProvisioningConfiguration ProvisioningConfiguration(string vmSize = "", string vmPriority = "dedicated", int minNodes = 0,
        int? maxNodes = null, int idleSecondsBeforeScaledown = 1800, string? adminUsername = null, string? adminUserPassword = null,
        string? adminUserSshKey = null, string? vnetResourceGroupName = null, string? vnetName = null, string? subnetName = null,
        IReadOnlyDictionary<string, string>? tags = null, string? description = null, string remoteLoginPortPublicAccess = "NotSpecified",
        string? identityType = null, IEnumerable<string>? identityId = null, string? location = null)
    {
        _ = adminUserPassword; // accepted for azureml-core compatibility; a secret is never written to the workspace
        var settings = new Dictionary<string, string?>
        {
            ["adminUsername"] = adminUsername,
            ["adminUserSshKey"] = adminUserSshKey,
            ["vnetResourceGroupName"] = vnetResourceGroupName,
            ["vnetName"] = vnetName,
            ["subnetName"] = subnetName,
            ["remoteLoginPortPublicAccess"] = remoteLoginPortPublicAccess,
            ["identityType"] = identityType,
            ["identityId"] = identityId is null ? null : string.Join(",", identityId),
        };
        return new AmlComputeProvisioningConfiguration(vmSize, vmPriority, minNodes, maxNodes, idleSecondsBeforeScaledown, settings, tags, description, location);
    }

    /// <summary>The VM sizes a cluster can use.</summary>
    /// <param name="workspace">The workspace.</param>
    /// <param name="location">The region; every size listed is available in every region on a local workspace.</param>
    public static IReadOnlyList<SupportedVmSize> SupportedVmSizes(Workspace workspace, string? location = null)
    {
        Argument.NotNull(workspace, nameof(workspace));
        _ = location;
        return VmSizeCatalog.All;
    }

    /// <summary>Reads the cluster's provisioning state, node counts and settings.</summary>
    public virtual AmlComputeStatus GetStatus() => SynchronousCall.Run(() => GetStatusAsync());

    /// <inheritdoc cref="GetStatus"/>
    /// <param name="cancellationToken">Cancels the call.</param>
    public virtual async Task<AmlComputeStatus> GetStatusAsync(CancellationToken cancellationToken = default)
    {
        await RefreshStateAsync(cancellationToken).ConfigureAwait(false);
        ComputeNodeCounts counts = await Workspace.Backend.Compute.GetNodeCountsAsync(Name, cancellationToken).ConfigureAwait(false);
        return new AmlComputeStatus(Record, counts);
    }

    /// <summary>
    /// Changes the scale settings; a value left <c>null</c> is kept. Runs already holding nodes keep them
    /// when <paramref name="maxNodes"/> shrinks; new runs get nodes under the new limit.
    /// </summary>
    /// <param name="minNodes">Nodes kept even when idle.</param>
    /// <param name="maxNodes">The most nodes.</param>
    /// <param name="idleSecondsBeforeScaledown">How long an idle node stays.</param>
    /// <exception cref="ComputeTargetException">The resulting settings are inconsistent, or the cluster no longer exists.</exception>
    public virtual void Update(int? minNodes = null, int? maxNodes = null, int? idleSecondsBeforeScaledown = null)
        => SynchronousCall.Run(() => UpdateAsync(minNodes, maxNodes, idleSecondsBeforeScaledown));

    /// <inheritdoc cref="Update"/>
    /// <param name="minNodes">Nodes kept even when idle.</param>
    /// <param name="maxNodes">The most nodes.</param>
    /// <param name="idleSecondsBeforeScaledown">How long an idle node stays.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public virtual async Task UpdateAsync(int? minNodes = null, int? maxNodes = null, int? idleSecondsBeforeScaledown = null, CancellationToken cancellationToken = default)
    {
        await RefreshStateAsync(cancellationToken).ConfigureAwait(false);
        ComputeValidation.Scale(minNodes ?? Record.MinNodes, maxNodes ?? Record.MaxNodes, idleSecondsBeforeScaledown ?? Record.IdleSecondsBeforeScaledown);
        Record = await Workspace.Backend.Compute.UpdateScaleAsync(Name, minNodes, maxNodes, idleSecondsBeforeScaledown, cancellationToken).ConfigureAwait(false);
    }
}
