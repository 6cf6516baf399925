using AzureML.Core.Backends;

namespace AzureML.Core.Compute;

/// <summary>
/// What <see cref="ComputeTarget.Create(Workspace, string, ComputeTargetProvisioningConfiguration)"/>
/// provisions. Made by <see cref="AmlCompute.ProvisioningConfiguration"/> or
/// <see cref="ComputeInstance.ProvisioningConfiguration"/>.
/// </summary>
public abstract class ComputeTargetProvisioningConfiguration
{
    private protected ComputeTargetProvisioningConfiguration(string vmSize, IReadOnlyDictionary<string, string>? tags, string? description, string? location)
    {
        VmSize = vmSize ?? throw new ArgumentNullException(nameof(vmSize));
        Tags = tags ?? new Dictionary<string, string>();
        Description = description;
        Location = location;
    }

    /// <summary>The VM size of each node, for example <c>Standard_D2_v2</c>.</summary>
    public string VmSize { get; }

    /// <summary>Tags for the compute target.</summary>
    public IReadOnlyDictionary<string, string> Tags { get; }

    /// <summary>A description of the compute target.</summary>
    public string? Description { get; }

    /// <summary>The region; default the workspace's.</summary>
    public string? Location { get; }

    /// <summary>The size used when none is given, as Azure ML does for new compute.</summary>
    public const string DefaultVmSize = "Standard_DS3_v2";

    /// <summary>Checks the settings as the service does and returns the record to store under <paramref name="name"/>.</summary>
    internal abstract ComputeRecord ToRecord(string name, string? workspaceLocation);

    /// <summary>The fields every compute type shares, with the VM size checked and in its canonical spelling.</summary>
    private protected ComputeRecord BaseRecord(string name, string computeType, string? workspaceLocation, IReadOnlyDictionary<string, string?> settings) => new()
    {
        Name = name,
        ComputeType = computeType,
        VmSize = VmSizeCatalog.Find(string.IsNullOrEmpty(VmSize) ? DefaultVmSize : VmSize).Name,
        Location = Location ?? workspaceLocation,
        Description = Description,
        Tags = Tags,
        Settings = settings.Where(s => s.Value is not null).ToDictionary(s => s.Key, s => s.Value!, StringComparer.Ordinal),
    };
}
