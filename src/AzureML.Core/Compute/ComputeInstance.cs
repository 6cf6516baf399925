using AzureML.Core.Backends;
using AzureML.Core.Internal;

namespace AzureML.Core.Compute;

/// <summary>
/// A single managed machine for development and training. Mirrors
/// <c>azureml.core.compute.ComputeInstance</c>. On a local workspace it is one node slot on this machine:
/// one run at a time uses it, later ones wait in <c>Queued</c>.
/// </summary>
public class ComputeInstance : ComputeTarget
{
    /// <summary>The service's name for this compute type.</summary>
    public const string ComputeType = "ComputeInstance";

    /// <summary>Opens the existing instance called <paramref name="name"/>.</summary>
    /// <param name="workspace">The workspace.</param>
    /// <param name="name">The instance's name.</param>
    /// <exception cref="ComputeTargetException">No instance has that name (<see cref="AzureMLException.ErrorCode"/> <see cref="AzureMLErrorCode.ResourceNotFound"/>), or the target is not an instance.</exception>
    public ComputeInstance(Workspace workspace, string name)
        : base(workspace, SynchronousCall.Run(() => LoadAsync(workspace, name, CancellationToken.None, ComputeType)))
    {
    }

    internal ComputeInstance(Workspace workspace, ComputeRecord record) : base(workspace, record) { }

    /// <summary>For mocking.</summary>
    protected ComputeInstance() { }

    /// <summary>Describes an instance for <see cref="ComputeTarget.Create(Workspace, string, ComputeTargetProvisioningConfiguration)"/>.</summary>
    /// <param name="vmSize">The VM size, for example <c>Standard_DS3_v2</c>; see <see cref="SupportedVmSizes"/>.</param>
    /// <param name="sshPublicAccess">Accept SSH from the internet.</param>
    /// <param name="adminUserSshPublicKey">The admin's SSH public key.</param>
    /// <param name="vnetResourceGroupName">The virtual network's resource group.</param>
    /// <param name="vnetName">The virtual network.</param>
    /// <param name="subnetName">The subnet.</param>
    /// <param name="tags">Tags for the instance.</param>
    /// <param name="description">A description.</param>
    /// <param name="assignedUserObjectId">The object id of the user the instance is created for.</param>
    /// <param name="assignedUserTenantId">That user's tenant id.</param>
    public static ComputeInstanceProvisioningConfiguration ProvisioningConfiguration(string vmSize = "", bool sshPublicAccess = false,
        string? adminUserSshPublicKey = null, string? vnetResourceGroupName = null, string? vnetName = null, string? subnetName = null,
        IReadOnlyDictionary<string, string>? tags = null, string? description = null, string? assignedUserObjectId = null, string? assignedUserTenantId = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["sshPublicAccess"] = sshPublicAccess ? "Enabled" : "Disabled",
            ["adminUserSshPublicKey"] = adminUserSshPublicKey,
            ["vnetResourceGroupName"] = vnetResourceGroupName,
            ["vnetName"] = vnetName,
            ["subnetName"] = subnetName,
            ["assignedUserObjectId"] = assignedUserObjectId,
            ["assignedUserTenantId"] = assignedUserTenantId,
        };
        return new ComputeInstanceProvisioningConfiguration(vmSize, sshPublicAccess, settings, tags, description);
    }

    /// <summary>The VM sizes an instance can use.</summary>
    /// <param name="workspace">The workspace.</param>
    /// <param name="location">The region; every size listed is available in every region on a local workspace.</param>
    public static IReadOnlyList<SupportedVmSize> SupportedVmSizes(Workspace workspace, string? location = null)
        => AmlCompute.SupportedVmSizes(workspace, location);

    /// <summary>Reads the instance's state.</summary>
    public virtual ComputeInstanceStatus GetStatus() => SynchronousCall.Run(() => GetStatusAsync());

    /// <inheritdoc cref="GetStatus"/>
    /// <param name="cancellationToken">Cancels the call.</param>
    public virtual async Task<ComputeInstanceStatus> GetStatusAsync(CancellationToken cancellationToken = default)
    {
        await RefreshStateAsync(cancellationToken).ConfigureAwait(false);
        ComputeNodeCounts counts = await Workspace.Backend.Compute.GetNodeCountsAsync(Name, cancellationToken).ConfigureAwait(false);
        return new ComputeInstanceStatus(Record, counts);
    }
}
