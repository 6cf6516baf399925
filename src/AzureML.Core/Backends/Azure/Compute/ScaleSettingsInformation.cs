namespace AzureML.Core.Backends.Azure.Compute;

/// <summary><c>ScaleSettingsInformation</c>: new scale settings of a cluster.</summary>
internal sealed class ScaleSettingsInformation
{
    public ScaleSettings? ScaleSettings { get; set; }
}
