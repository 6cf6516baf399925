using AzureML.Core.Backends;

namespace AzureML.Core.Compute;

/// <summary>The settings of a new compute instance; made by <see cref="ComputeInstance.ProvisioningConfiguration"/>.</summary>
public sealed class ComputeInstanceProvisioningConfiguration : ComputeTargetProvisioningConfiguration
{
    internal ComputeInstanceProvisioningConfiguration(string vmSize, bool sshPublicAccess, IReadOnlyDictionary<string, string?> settings,
        IReadOnlyDictionary<string, string>? tags, string? description)
        : base(vmSize, tags, description, location: null)
    {
        SshPublicAccess = sshPublicAccess;
        Settings = settings;
    }

    /// <summary>Whether the instance accepts SSH from the internet.</summary>
    public bool SshPublicAccess { get; }

    /// <summary>SSH key, network and assigned-user settings, kept with the instance.</summary>
    internal IReadOnlyDictionary<string, string?> Settings { get; }

    /// <summary>A compute instance is one node: it runs one run at a time.</summary>
    internal override ComputeRecord ToRecord(string name, string? workspaceLocation)
    {
        ComputeValidation.InstanceName(name);
        return BaseRecord(name, ComputeInstance.ComputeType, workspaceLocation, Settings) with { MinNodes = 1, MaxNodes = 1 };
    }
}
