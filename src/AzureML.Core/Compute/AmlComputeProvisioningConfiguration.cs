using AzureML.Core.Backends;

namespace AzureML.Core.Compute;

/// <summary>The settings of a new cluster; made by <see cref="AmlCompute.ProvisioningConfiguration"/>.</summary>
public sealed class AmlComputeProvisioningConfiguration : ComputeTargetProvisioningConfiguration
{
    /// <summary>The node limit used when none is given, as <c>az ml computetarget create amlcompute</c> uses.</summary>
    public const int DefaultMaxNodes = 4;

    internal AmlComputeProvisioningConfiguration(string vmSize, string vmPriority, int minNodes, int? maxNodes, int idleSecondsBeforeScaledown,
        IReadOnlyDictionary<string, string?> settings, IReadOnlyDictionary<string, string>? tags, string? description, string? location)
        : base(vmSize, tags, description, location)
    {
        VmPriority = vmPriority ?? throw new ArgumentNullException(nameof(vmPriority));
        MinNodes = minNodes;
        MaxNodes = maxNodes ?? DefaultMaxNodes;
        IdleSecondsBeforeScaledown = idleSecondsBeforeScaledown;
        Settings = settings;
    }

    /// <summary><c>dedicated</c> or <c>lowpriority</c>.</summary>
    public string VmPriority { get; }

    /// <summary>The nodes kept even when no run needs them.</summary>
    public int MinNodes { get; }

    /// <summary>The most nodes the cluster grows to: on a local workspace, how many runs (or nodes of distributed runs) execute at once.</summary>
    public int MaxNodes { get; }

    /// <summary>How long an idle node stays before the cluster scales it down.</summary>
    public int IdleSecondsBeforeScaledown { get; }

    /// <summary>Admin, network and identity settings, kept with the target (never the admin password).</summary>
    internal IReadOnlyDictionary<string, string?> Settings { get; }

    internal override ComputeRecord ToRecord(string name, string? workspaceLocation)
    {
        ComputeValidation.ClusterName(name);
        ComputeValidation.Scale(MinNodes, MaxNodes, IdleSecondsBeforeScaledown);
        return BaseRecord(name, AmlCompute.ComputeType, workspaceLocation, Settings) with
        {
            VmPriority = ComputeValidation.VmPriority(VmPriority),
            MinNodes = MinNodes,
            MaxNodes = MaxNodes,
            IdleSecondsBeforeScaledown = IdleSecondsBeforeScaledown,
        };
    }
}
