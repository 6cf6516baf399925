namespace AzureML.Core.Backends.Azure.Jobs;

/// <summary><c>TableVerticalFeaturizationSettings</c>.</summary>
internal sealed class FeaturizationSettings
{
    public string? Mode { get; set; }
    public List<string>? BlockedTransformers { get; set; }
    public bool? EnableDnnFeaturization { get; set; }
}
