namespace AzureML.Core.Backends.Azure.Workspaces;

/// <summary>What <c>Workspace.Create</c> asks Resource Manager for; dependent resources by ARM id.</summary>
internal sealed record WorkspaceCreateRequest
{
    public required string Location { get; init; }
    public string Sku { get; init; } = "Basic";
    public string? FriendlyName { get; init; }
    public string? Description { get; init; }
    public string? StorageAccount { get; init; }
    public string? KeyVault { get; init; }
    public string? ApplicationInsights { get; init; }
    public string? ContainerRegistry { get; init; }
    public bool HbiWorkspace { get; init; }
    public IReadOnlyDictionary<string, string>? Tags { get; init; }
}
