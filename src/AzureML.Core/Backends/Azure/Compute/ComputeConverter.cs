using System.Globalization;
using AzureML.Core.Backends.Azure.Rest;

namespace AzureML.Core.Backends.Azure.Compute;

/// <summary>Compute DTO ↔ <see cref="ComputeRecord"/> and <see cref="ComputeNodeCounts"/>.</summary>
internal static class ComputeConverter
{
    public static ComputeRecord ToRecord(ArmResource<ComputeProperties> resource)
    {
        ComputeProperties p = resource.Properties ?? new ComputeProperties();
        AmlComputeProperties aml = p.Properties ?? new AmlComputeProperties();
        return new ComputeRecord
        {
            Name = resource.Name ?? ArmValues.LastSegment(resource.Id) ?? "",
            ComputeType = p.ComputeType ?? "AmlCompute",
            VmSize = aml.VmSize ?? "",
            VmPriority = (aml.VmPriority ?? "Dedicated").ToLowerInvariant(),
            MinNodes = aml.ScaleSettings?.MinNodeCount ?? 0,
            MaxNodes = aml.ScaleSettings?.MaxNodeCount ?? 1,
            IdleSecondsBeforeScaledown = (int)(ArmValues.Seconds(aml.ScaleSettings?.NodeIdleTimeBeforeScaleDown) ?? 1800),
            Location = resource.Location ?? p.ComputeLocation,
            Description = p.Description,
            Tags = ArmValues.ToRecord(resource.Tags),
            Settings = Settings(aml),
            ProvisioningState = p.ProvisioningState ?? "Unknown",
            CreatedTime = p.CreatedOn ?? default,
            ModifiedTime = p.ModifiedOn ?? p.CreatedOn ?? default,
        };
    }

    /// <summary>The node counts the service reports; queued runs are not part of the compute resource.</summary>
    public static ComputeNodeCounts ToNodeCounts(ArmResource<ComputeProperties> resource)
    {
        AmlComputeProperties aml = resource.Properties?.Properties ?? new AmlComputeProperties();
        NodeStateCounts counts = aml.NodeStateCounts ?? new NodeStateCounts();
        return new ComputeNodeCounts(aml.CurrentNodeCount ?? 0, counts.RunningNodeCount ?? 0, counts.IdleNodeCount ?? 0, QueuedRuns: 0);
    }

    /// <summary>The create body of an AmlCompute cluster; the admin password, if any, is passed separately and never stored in a record.</summary>
    public static ArmResource<ComputeProperties> ToResource(ComputeRecord record, string? adminPassword = null)
    {
        record.Settings.TryGetValue("adminUserName", out string? admin);
        record.Settings.TryGetValue("adminUserSshPublicKey", out string? sshKey);
        record.Settings.TryGetValue("subnetId", out string? subnet);
        record.Settings.TryGetValue("remoteLoginPortPublicAccess", out string? remoteLogin);
        return new ArmResource<ComputeProperties>
        {
            Location = record.Location,
            Tags = record.Tags.Count == 0 ? null : ArmValues.ToService(record.Tags),
            Properties = new ComputeProperties
            {
                ComputeType = record.ComputeType,
                Description = record.Description,
                Properties = new AmlComputeProperties
                {
                    VmSize = record.VmSize,
                    VmPriority = record.VmPriority.Equals("lowpriority", StringComparison.OrdinalIgnoreCase) ? "LowPriority" : "Dedicated",
                    ScaleSettings = Scale(record.MinNodes, record.MaxNodes, record.IdleSecondsBeforeScaledown),
                    Subnet = subnet is null ? null : new ResourceIdReference { Id = subnet },
                    RemoteLoginPortPublicAccess = remoteLogin,
                    UserAccountCredentials = admin is null ? null : new UserAccountCredentials { AdminUserName = admin, AdminUserSshPublicKey = sshKey, AdminUserPassword = adminPassword },
                },
            },
        };
    }

    /// <summary>The PATCH body that changes the scale settings, keeping what is not given from <paramref name="current"/>.</summary>
    public static ClusterUpdateParameters ToScaleUpdate(ComputeRecord current, int? minNodes, int? maxNodes, int? idleSeconds) => new()
    {
        Properties = new ClusterUpdateProperties
        {
            Properties = new ScaleSettingsInformation
            {
                ScaleSettings = Scale(minNodes ?? current.MinNodes, maxNodes ?? current.MaxNodes, idleSeconds ?? current.IdleSecondsBeforeScaledown),
            },
        },
    };

    private static ScaleSettings Scale(int min, int max, int idleSeconds)
        => new() { MinNodeCount = min, MaxNodeCount = max, NodeIdleTimeBeforeScaleDown = ArmValues.Duration(idleSeconds) };

    private static IReadOnlyDictionary<string, string> Settings(AmlComputeProperties aml)
    {
        var settings = new Dictionary<string, string>(StringComparer.Ordinal);
        if (aml.UserAccountCredentials?.AdminUserName is { } admin) settings["adminUserName"] = admin;
        if (aml.Subnet?.Id is { } subnet) settings["subnetId"] = subnet;
        if (aml.RemoteLoginPortPublicAccess is { } remote) settings["remoteLoginPortPublicAccess"] = remote;
        if (aml.AllocationState is { } allocation) settings["allocationState"] = allocation;
        if (aml.TargetNodeCount is { } target) settings["targetNodeCount"] = target.ToString(CultureInfo.InvariantCulture);
        return settings;
    }
}
