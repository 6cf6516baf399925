namespace AzureML.Core.Backends.Azure.Compute;

/// <summary>AmlCompute <c>ScaleSettings</c>; <c>nodeIdleTimeBeforeScaleDown</c> is an ISO-8601 duration.</summary>
internal sealed class ScaleSettings
{
    public int MaxNodeCount { get; set; }
    public int? MinNodeCount { get; set; }
    public string? NodeIdleTimeBeforeScaleDown { get; set; }
}
