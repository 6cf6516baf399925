namespace AzureML.Core.Backends.Azure.Assets;

/// <summary><c>CodeVersion</c> properties: where the snapshot was uploaded.</summary>
internal sealed class CodeVersionProperties
{
    public string? CodeUri { get; set; }
    public string? Description { get; set; }
    public Dictionary<string, string?>? Tags { get; set; }
    public Dictionary<string, string?>? Properties { get; set; }
    public bool? IsAnonymous { get; set; }
    public bool? IsArchived { get; set; }
    public string? ProvisioningState { get; set; }
}
