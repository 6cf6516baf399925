using AzureML.Core.Backends.Azure.Rest;

namespace AzureML.Core.Backends.Azure.Workspaces;

/// <summary>Workspace DTO ↔ <see cref="AzureWorkspaceInfo"/> and the create body.</summary>
internal static class WorkspaceConverter
{
    public static AzureWorkspaceInfo ToInfo(ArmResource<WorkspaceProperties> resource, string subscriptionId, string resourceGroup)
    {
        WorkspaceProperties p = resource.Properties ?? new WorkspaceProperties();
        return new AzureWorkspaceInfo
        {
            Name = resource.Name ?? ArmValues.LastSegment(resource.Id) ?? "",
            SubscriptionId = SegmentAfter(resource.Id, "subscriptions") ?? subscriptionId,
            ResourceGroup = SegmentAfter(resource.Id, "resourceGroups") ?? resourceGroup,
            Location = resource.Location,
            WorkspaceId = p.WorkspaceId,
            FriendlyName = p.FriendlyName,
            Description = p.Description,
            Sku = resource.Sku?.Name,
            Kind = resource.Kind,
            DiscoveryUrl = Uri.TryCreate(p.DiscoveryUrl, UriKind.Absolute, out Uri? discovery) ? discovery : null,
            MlflowTrackingUri = p.MlFlowTrackingUri,
            ProvisioningState = p.ProvisioningState,
            StorageAccount = p.StorageAccount,
            KeyVault = p.KeyVault,
            ApplicationInsights = p.ApplicationInsights,
            ContainerRegistry = p.ContainerRegistry,
            Tags = ArmValues.ToRecord(resource.Tags),
        };
    }

    public static ArmResource<WorkspaceProperties> ToResource(WorkspaceCreateRequest request) => new()
    {
        Location = request.Location,
        Identity = new ArmIdentity { Type = "SystemAssigned" },
        Sku = new ArmSku { Name = request.Sku, Tier = request.Sku },
        Tags = request.Tags is null ? null : ArmValues.ToService(request.Tags),
        Properties = new WorkspaceProperties
        {
            FriendlyName = request.FriendlyName,
            Description = request.Description,
            StorageAccount = request.StorageAccount,
            KeyVault = request.KeyVault,
            ApplicationInsights = request.ApplicationInsights,
            ContainerRegistry = request.ContainerRegistry,
            HbiWorkspace = request.HbiWorkspace,
        },
    };

    private static string? SegmentAfter(string? id, string name)
    {
        if (id is null) return null;
        string[] parts = id.Split('/');
        int i = Array.FindIndex(parts, s => s.Equals(name, StringComparison.OrdinalIgnoreCase));
        return i >= 0 && i + 1 < parts.Length ? parts[i + 1] : null;
    }
}
