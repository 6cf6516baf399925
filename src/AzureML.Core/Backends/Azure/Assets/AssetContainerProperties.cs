namespace AzureML.Core.Backends.Azure.Assets;

/// <summary><c>AssetContainer</c> properties of codes, environments, models and data: latest and next version.</summary>
internal sealed class AssetContainerProperties
{
    public string? Description { get; set; }
    public Dictionary<string, string?>? Tags { get; set; }
    public Dictionary<string, string?>? Properties { get; set; }
    public bool? IsArchived { get; set; }
    public string? LatestVersion { get; set; }
    public string? NextVersion { get; set; }
    public string? DataType { get; set; }
    public string? ProvisioningState { get; set; }
}
