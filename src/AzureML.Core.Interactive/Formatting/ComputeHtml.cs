using AzureML.Core.Compute;

namespace AzureML.Core.Interactive.Formatting;

/// <summary>A compute cluster and its status as HTML.</summary>
internal static class ComputeHtml
{
    public static string Render(AmlCompute cluster)
        => Html.View("amlcompute", Html.Heading($"AmlCompute {cluster.Name}", cluster.Location) + Html.Properties(StatusRows(cluster.GetStatus())));

    public static string Render(AmlComputeStatus status)
        => Html.View("amlcompute-status", Html.Heading("AmlCompute status") + Html.Properties(StatusRows(status)));

    private static IEnumerable<(string, string)> StatusRows(AmlComputeStatus status)
    {
        yield return ("Provisioning", Html.Badge(status.ProvisioningState));
        yield return ("Allocation", Html.Encode(status.AllocationState));
        yield return ("Nodes", Html.Encode($"{status.CurrentNodeCount} current, {status.TargetNodeCount} target ({status.NodeStateCounts})"));
        yield return ("VM", Html.Encode($"{status.VmSize}, {status.VmPriority}"));
        yield return ("Scale", Html.Encode(status.ScaleSettings.ToString()));
        yield return ("Created", Html.Time(status.CreationTime));
        if (status.Errors.Count > 0) yield return ("Errors", Html.Encode(string.Join("; ", status.Errors)));
    }
}
