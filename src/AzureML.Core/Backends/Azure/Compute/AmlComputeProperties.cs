using AzureML.Core.Backends.Azure.Rest;

namespace AzureML.Core.Backends.Azure.Compute;

/// <summary><c>AmlComputeProperties</c>: VM size, priority, scale settings and the node counts the service reports.</summary>
internal sealed class AmlComputeProperties
{
    public string? OsType { get; set; }
    public string? VmSize { get; set; }
    public string? VmPriority { get; set; }
    public bool? IsolatedNetwork { get; set; }
    public bool? EnableNodePublicIp { get; set; }
    public string? RemoteLoginPortPublicAccess { get; set; }
    public ScaleSettings? ScaleSettings { get; set; }
    public ResourceIdReference? Subnet { get; set; }
    public UserAccountCredentials? UserAccountCredentials { get; set; }
    public string? AllocationState { get; set; }
    public DateTimeOffset? AllocationStateTransitionTime { get; set; }
    public int? CurrentNodeCount { get; set; }
    public int? TargetNodeCount { get; set; }
    public NodeStateCounts? NodeStateCounts { get; set; }
    public List<ArmErrorResponse>? Errors { get; set; }
}
