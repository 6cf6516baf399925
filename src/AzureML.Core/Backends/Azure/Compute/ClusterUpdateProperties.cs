namespace AzureML.Core.Backends.Azure.Compute;

/// <summary><c>ClusterUpdateProperties</c>: what a compute update may change.</summary>
internal sealed class ClusterUpdateProperties
{
    public ScaleSettingsInformation? Properties { get; set; }
}
