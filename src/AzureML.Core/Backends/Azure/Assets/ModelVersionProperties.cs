namespace AzureML.Core.Backends.Azure.Assets;

/// <summary><c>ModelVersion</c> properties: the model's type, files and producing job.</summary>
internal sealed class ModelVersionProperties
{
    public string? ModelType { get; set; }
    public string? ModelUri { get; set; }
    public Dictionary<string, FlavorData>? Flavors { get; set; }
    public string? JobName { get; set; }
    public string? Description { get; set; }
    public Dictionary<string, string?>? Tags { get; set; }
    public Dictionary<string, string?>? Properties { get; set; }
    public bool? IsAnonymous { get; set; }
    public bool? IsArchived { get; set; }
    public string? Stage { get; set; }
    public string? ProvisioningState { get; set; }
}
