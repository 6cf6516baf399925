namespace AzureML.Core.Backends.Azure.Assets;

/// <summary><c>EnvironmentVersion</c> properties: a Docker image or build context and the conda file content.</summary>
internal sealed class EnvironmentVersionProperties
{
    public string? Image { get; set; }
    public string? CondaFile { get; set; }
    public string? OsType { get; set; }
    public string? Description { get; set; }
    public Dictionary<string, string?>? Tags { get; set; }
    public Dictionary<string, string?>? Properties { get; set; }
    public bool? IsAnonymous { get; set; }
    public bool? IsArchived { get; set; }
    public BuildContext? Build { get; set; }
    public InferenceContainerProperties? InferenceConfig { get; set; }
    public string? EnvironmentType { get; set; }
    public string? ProvisioningState { get; set; }
    public string? AutoRebuild { get; set; }
    public string? Stage { get; set; }
}
