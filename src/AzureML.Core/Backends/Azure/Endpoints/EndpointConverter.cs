using AzureML.Core.Backends.Azure.Rest;
using AzureML.Core.Webservices;

namespace AzureML.Core.Backends.Azure.Endpoints;

/// <summary>
/// <see cref="ServiceDeploymentRequest"/> → managed online endpoint and deployment DTOs, and the pair back to a
/// <see cref="ServiceRecord"/>. A web service is one endpoint with one deployment taking all traffic.
/// </summary>
internal static class EndpointConverter
{
    /// <summary>The compute type services on managed online endpoints report.</summary>
    public const string ManagedComputeType = "Managed";

    /// <summary>The deployment name a web service uses.</summary>
    public const string DefaultDeployment = "default";

    public static ArmResource<OnlineEndpointProperties> ToEndpoint(ServiceDeploymentRequest request, string location) => new()
    {
        Location = location,
        Kind = ManagedComputeType,
        Identity = new ArmIdentity { Type = "SystemAssigned" },
        Tags = ArmValues.ToService(request.Tags),
        Properties = new OnlineEndpointProperties
        {
            AuthMode = "Key",
            Description = request.Description,
            Properties = ArmValues.ToService(request.Properties),
            Traffic = new Dictionary<string, int>(),
        },
    };

    public static ArmResource<OnlineDeploymentProperties> ToDeployment(ServiceDeploymentRequest request, string location, string modelId, string? codeId, string? environmentId) => new()
    {
        Location = location,
        Kind = ManagedComputeType,
        Sku = new ArmSku { Name = "Default", Capacity = 1 },
        Properties = new OnlineDeploymentProperties
        {
            EndpointComputeType = ManagedComputeType,
            Model = modelId,
            CodeConfiguration = codeId is null || request.EntryScript is null ? null : new CodeConfiguration { CodeId = codeId, ScoringScript = request.EntryScript },
            EnvironmentId = environmentId,
            InstanceType = ManagedInstanceTypes.For(request.CpuCores, request.MemoryGb),
            ScaleSettings = new DeploymentScaleSettings { ScaleType = "Default" },
            AppInsightsEnabled = false,
            Description = request.Description,
        },
    };

    /// <summary>
    /// The PUT body that gives <paramref name="deployment"/> all traffic (traffic changes are a GET-then-PUT): the
    /// endpoint's writable fields as read, without the read-only ones (ids, scoring URI, state, system data).
    /// </summary>
    public static ArmResource<OnlineEndpointProperties> WithAllTrafficTo(ArmResource<OnlineEndpointProperties> endpoint, string deployment)
    {
        OnlineEndpointProperties p = endpoint.Properties ?? new OnlineEndpointProperties();
        return new ArmResource<OnlineEndpointProperties>
        {
            Location = endpoint.Location,
            Kind = endpoint.Kind,
            Tags = endpoint.Tags,
            Sku = endpoint.Sku,
            Identity = endpoint.Identity is null ? null : new ArmIdentity
            {
                Type = endpoint.Identity.Type,
                UserAssignedIdentities = endpoint.Identity.UserAssignedIdentities?.ToDictionary(kv => kv.Key, _ => new ArmUserAssignedIdentity()),
            },
            Properties = new OnlineEndpointProperties
            {
                AuthMode = p.AuthMode,
                Description = p.Description,
                PublicNetworkAccess = p.PublicNetworkAccess,
                Properties = p.Properties,
                MirrorTraffic = p.MirrorTraffic,
                Compute = p.Compute,
                Traffic = new Dictionary<string, int> { [deployment] = 100 },
            },
        };
    }

    public static ServiceRecord ToRecord(ArmResource<OnlineEndpointProperties> endpoint, ArmResource<OnlineDeploymentProperties>? deployment)
    {
        OnlineEndpointProperties p = endpoint.Properties ?? new OnlineEndpointProperties();
        string? state = deployment?.Properties?.ProvisioningState ?? p.ProvisioningState;
        return new ServiceRecord
        {
            Name = endpoint.Name ?? ArmValues.LastSegment(endpoint.Id) ?? "",
            ComputeType = ManagedComputeType,
            State = State(p.ProvisioningState, deployment?.Properties?.ProvisioningState),
            ScoringUri = Uri.TryCreate(p.ScoringUri, UriKind.Absolute, out Uri? scoring) ? scoring : null,
            SwaggerUri = Uri.TryCreate(p.SwaggerUri, UriKind.Absolute, out Uri? swagger) ? swagger : null,
            AuthEnabled = p.AuthMode is "Key" or "AADToken",
            Models = deployment?.Properties?.Model is { } model ? new[] { ModelReference(model) } : Array.Empty<ModelReference>(),
            CreatedTime = endpoint.SystemData?.CreatedAt ?? default,
            UpdatedTime = endpoint.SystemData?.LastModifiedAt ?? endpoint.SystemData?.CreatedAt ?? default,
            Description = p.Description,
            Tags = ArmValues.ToRecord(endpoint.Tags),
            Properties = ArmValues.ToRecord(p.Properties),
            Error = state is "Failed" ? $"The {(deployment?.Properties?.ProvisioningState == "Failed" ? "deployment" : "endpoint")} ended Failed; see Webservice.GetLogs()." : null,
            EntryScript = deployment?.Properties?.CodeConfiguration?.ScoringScript,
        };
    }

    /// <summary>azureml-core's service states from the two provisioning states.</summary>
    public static string State(string? endpointState, string? deploymentState)
    {
        string?[] states = { endpointState, deploymentState };
        if (states.Any(s => s is "Failed")) return WebserviceState.Failed.ToString();
        if (states.Any(s => s is "Creating" or "Updating" or "Scaling" or "Deleting")) return WebserviceState.Transitioning.ToString();
        if (states.Any(s => s is "Canceled")) return WebserviceState.Unhealthy.ToString();
        return deploymentState is null ? WebserviceState.Transitioning.ToString() : WebserviceState.Healthy.ToString();
    }

    private static ModelReference ModelReference(string modelId)
    {
        // …/models/{name}/versions/{version}
        string[] parts = modelId.TrimEnd('/').Split('/');
        return parts.Length >= 4 && parts[^2] == "versions"
            ? new ModelReference(parts[^3], parts[^1], "Custom")
            : new ModelReference(modelId, "", "Custom");
    }
}
