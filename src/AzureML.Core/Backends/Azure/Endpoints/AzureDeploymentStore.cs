using AzureML.Core.Backends.Azure.Assets;
using AzureML.Core.Backends.Azure.Rest;
using AzureML.Core.Backends.Local;
using AzureML.Core.Internal;

namespace AzureML.Core.Backends.Azure.Endpoints;

/// <summary>
/// Web services of an Azure workspace as managed online endpoints (LRO pattern C): one endpoint per service with one
/// deployment, <c>default</c>, taking all traffic. Managed endpoints always check a key, so a service reports
/// <see cref="ServiceRecord.AuthEnabled"/> and scoring fetches the key itself.
/// </summary>
internal sealed class AzureDeploymentStore : DeploymentStore
{
    /// <summary>The curated environment a no-code scikit-learn deployment runs in (the <c>azureml</c> registry's latest).</summary>
    public const string NoCodeSklearnEnvironment = "azureml://registries/azureml/environments/sklearn-1.5/labels/latest";

    private static readonly EmbeddedFolder s_noCodeScoring = new("NoCodeScoring/", "no-code-scoring");
    private readonly AzureWorkspaceClient _client;
    private readonly AzureEnvironmentStore _environments;
    private readonly CodeUploader _code;

    public AzureDeploymentStore(AzureWorkspaceClient client, AzureEnvironmentStore environments, CodeUploader code)
    {
        _client = client;
        _environments = environments;
        _code = code;
    }

    private OnlineEndpointRestClient Endpoints => _client.OnlineEndpoints;
    private OnlineDeploymentRestClient Deployments => _client.OnlineDeployments;

    /// <remarks>
    /// A managed deployment can take traffic only once it exists, so this waits for the endpoint, then the
    /// deployment, then the traffic change: the service is <c>Healthy</c> (or the call failed) when it returns.
    /// </remarks>
    public override async Task<ServiceRecord> DeployAsync(ServiceDeploymentRequest request, CancellationToken cancellationToken)
    {
        bool async = !SynchronousCall.IsActive;
        if (request.Models.Count != 1)
        {
            throw new UserErrorException($"Service '{request.Name}' serves {request.Models.Count} models; a managed online deployment serves exactly one. Deploy one model per service.")
            {
                ErrorCode = AzureMLErrorCode.NotSupported,
            };
        }

        if (!request.Overwrite && await Endpoints.GetAsync(request.Name, async, cancellationToken).ConfigureAwait(false) is { } existing)
        {
            throw new WebserviceException(
                $"A service named '{request.Name}' already exists ({existing.Properties?.ProvisioningState}, {existing.Properties?.ScoringUri}). " +
                "Pass overwrite: true to replace it, call Update() on it to keep its scoring URI, or choose another name.")
            {
                ErrorCode = AzureMLErrorCode.Conflict,
                Status = 409,
            };
        }

        string location = (await _client.GetInfoAsync(async, cancellationToken).ConfigureAwait(false)).Location
            ?? throw new AzureMLException($"Workspace '{_client.Scope.WorkspaceName}' reports no region.") { ErrorCode = AzureMLErrorCode.UnexpectedResponse };
        ArmResource<OnlineEndpointProperties> endpoint = await Endpoints.CreateOrUpdateAsync(request.Name, EndpointConverter.ToEndpoint(request, location), async, cancellationToken)
            .ConfigureAwait(false);
        ArmResource<OnlineDeploymentProperties> deployment = await DeployModelAsync(request, location, async, cancellationToken).ConfigureAwait(false);
        endpoint = await Endpoints.CreateOrUpdateAsync(request.Name, EndpointConverter.WithAllTrafficTo(endpoint, EndpointConverter.DefaultDeployment), async, cancellationToken)
            .ConfigureAwait(false);
        return EndpointConverter.ToRecord(endpoint, deployment);
    }

    public override async Task<ServiceRecord?> GetAsync(string name, CancellationToken cancellationToken)
    {
        bool async = !SynchronousCall.IsActive;
        ArmResource<OnlineEndpointProperties>? endpoint = await Endpoints.GetAsync(name, async, cancellationToken).ConfigureAwait(false);
        return endpoint is null ? null : await WithDeploymentAsync(endpoint, async, cancellationToken).ConfigureAwait(false);
    }

    public override IAsyncEnumerable<ServiceRecord> ListAsync(ServiceQuery query, CancellationToken cancellationToken)
        => ListCoreAsync(query, !SynchronousCall.IsActive, cancellationToken);

    public override async Task<ServiceRecord> UpdateAsync(string name, ServiceDeploymentRequest? redeploy, string? description,
        IReadOnlyDictionary<string, string>? tags, IReadOnlyDictionary<string, string>? properties, bool? authEnabled, CancellationToken cancellationToken)
    {
        bool async = !SynchronousCall.IsActive;
        if (authEnabled == false)
        {
            throw new WebserviceException($"Service '{name}' is a managed online endpoint, which always checks a key; key authentication cannot be turned off.")
            {
                ErrorCode = AzureMLErrorCode.NotSupported,
            };
        }

        ArmResource<OnlineEndpointProperties> endpoint = await Endpoints.GetAsync(name, async, cancellationToken).ConfigureAwait(false) ?? throw NotFound(name);
        if (redeploy is not null)
        {
            await DeployModelAsync(redeploy with { Name = name }, endpoint.Location ?? "", async, cancellationToken).ConfigureAwait(false);
        }

        if (description is not null || tags is not null || properties is not null)
        {
            ArmResource<OnlineEndpointProperties> body = EndpointConverter.WithAllTrafficTo(endpoint, EndpointConverter.DefaultDeployment);
            if (description is not null) body.Properties!.Description = description;
            if (tags is not null) body.Tags = ArmValues.ToService(tags);
            if (properties is not null) body.Properties!.Properties = ArmValues.ToService(properties);
            endpoint = await Endpoints.CreateOrUpdateAsync(name, body, async, cancellationToken).ConfigureAwait(false);
        }

        return await WithDeploymentAsync(endpoint, async, cancellationToken).ConfigureAwait(false);
    }

    public override async Task DeleteAsync(string name, CancellationToken cancellationToken)
        => await Endpoints.DeleteAsync(name, !SynchronousCall.IsActive, cancellationToken).ConfigureAwait(false);

    public override async Task<string> GetLogsAsync(string name, int numLines, CancellationToken cancellationToken)
        => await Deployments.GetLogsAsync(name, EndpointConverter.DefaultDeployment, "InferenceServer", numLines, !SynchronousCall.IsActive, cancellationToken).ConfigureAwait(false);

    public override async Task<(string Primary, string Secondary)> GetKeysAsync(string name, CancellationToken cancellationToken)
    {
        EndpointAuthKeys keys = await Endpoints.ListKeysAsync(name, !SynchronousCall.IsActive, cancellationToken).ConfigureAwait(false);
        return (keys.PrimaryKey ?? "", keys.SecondaryKey ?? "");
    }

    public override async Task RegenerateKeyAsync(string name, string key, string? setKey, CancellationToken cancellationToken)
    {
        string keyType = key.ToLowerInvariant() switch
        {
            "primary" => "Primary",
            "secondary" => "Secondary",
            _ => throw new UserErrorException($"Key '{key}' is neither 'Primary' nor 'Secondary'."),
        };
        await Endpoints.RegenerateKeysAsync(name, keyType, setKey, !SynchronousCall.IsActive, cancellationToken).ConfigureAwait(false);
    }

    public override async Task<string> ScoreAsync(ServiceRecord service, string body, CancellationToken cancellationToken)
    {
        bool async = !SynchronousCall.IsActive;
        EndpointAuthKeys keys = await Endpoints.ListKeysAsync(service.Name, async, cancellationToken).ConfigureAwait(false);
        BinaryData answer = await _client.Scoring.ScoreAsync(service.Name, service.ScoringUri!, keys.PrimaryKey, BinaryData.FromString(body), EndpointConverter.DefaultDeployment,
            async, cancellationToken).ConfigureAwait(false);
        return answer.ToString();
    }

    private async Task<ArmResource<OnlineDeploymentProperties>> DeployModelAsync(ServiceDeploymentRequest request, string location, bool async, CancellationToken cancellationToken)
    {
        ModelReference model = request.Models[0];
        string modelId = _client.Scope.AssetVersionId("models", model.Name, model.Version);
        (string? codeId, string? entryScript, string? environmentId) = await ServingAsync(request, model, async, cancellationToken).ConfigureAwait(false);
        ArmResource<OnlineDeploymentProperties> body = EndpointConverter.ToDeployment(request with { EntryScript = entryScript }, location, modelId, codeId, environmentId);
        return await Deployments.CreateOrUpdateAsync(request.Name, EndpointConverter.DefaultDeployment, body, async, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// What serves the model: the entry script's folder as a code asset and its environment; for a scikit-learn model
    /// without one, the local no-code scorer behind an entry script in a curated scikit-learn environment; an MLflow
    /// model needs neither.
    /// </summary>
    private async Task<(string? CodeId, string? EntryScript, string? EnvironmentId)> ServingAsync(ServiceDeploymentRequest request, ModelReference model, bool async,
        CancellationToken cancellationToken)
    {
        if (request.EntryScript is not null)
        {
            Environment environment = request.Environment ?? throw new UserErrorException(
                $"Service '{request.Name}' has an entry script but no environment; a managed online deployment needs both. Pass InferenceConfig(entryScript, environment: …).");
            // The entry script is a path on this machine; the deployment names it inside the uploaded folder.
            string folder = request.SourceDirectory ?? Path.GetDirectoryName(request.EntryScript)!;
            string codeId = await _code.UploadAsync(folder, SnapshotLimits.Default, async, cancellationToken).ConfigureAwait(false);
            string environmentId = await _environments.IdOfAsync(environment, $"{request.Name}-environment", cancellationToken).ConfigureAwait(false);
            return (codeId, Path.GetRelativePath(folder, request.EntryScript).Replace('\\', '/'), environmentId);
        }

        switch (model.Framework)
        {
            case Model.Framework.ScikitLearn:
                string codeId = await _code.UploadAsync(NoCodeFolder(), SnapshotLimits.Default, async, cancellationToken).ConfigureAwait(false);
                return (codeId, "score.py", NoCodeSklearnEnvironment);
            case "MLflow":
                return (null, null, null);
            default:
                throw new UserErrorException(
                    $"Model '{model.Id}' has the framework '{model.Framework}'; on Azure a deployment without an inference configuration serves ScikitLearn and MLflow models. " +
                    "Pass an InferenceConfig with an entry script and an environment.")
                {
                    ErrorCode = AzureMLErrorCode.NotSupported,
                };
        }
    }

    /// <summary>The no-code entry script beside the local host's scorer it runs, in a folder named after both versions.</summary>
    private static string NoCodeFolder()
    {
        string root = Path.Combine(Path.GetTempPath(), "azureml-sdk");
        string entry = s_noCodeScoring.Install(root);
        string host = EmbeddedFolder.ScoringHost.Install(root);
        string folder = Path.Combine(root, "no-code-sklearn", $"{Path.GetFileName(entry)}-{Path.GetFileName(host)}");
        if (!Directory.Exists(folder))
        {
            FileWriting.CreateFolderAtomically(folder, temp =>
            {
                File.Copy(Path.Combine(entry, "score.py"), Path.Combine(temp, "score.py"));
                File.Copy(Path.Combine(host, "scoring_host.py"), Path.Combine(temp, "scoring_host.py"));
            });
        }

        return folder;
    }

    private async Task<ServiceRecord> WithDeploymentAsync(ArmResource<OnlineEndpointProperties> endpoint, bool async, CancellationToken cancellationToken)
    {
        ArmResource<OnlineDeploymentProperties>? deployment = await Deployments.GetAsync(endpoint.Name ?? "", EndpointConverter.DefaultDeployment, async, cancellationToken)
            .ConfigureAwait(false);
        return EndpointConverter.ToRecord(endpoint, deployment);
    }

    private async IAsyncEnumerable<ServiceRecord> ListCoreAsync(ServiceQuery query, bool async, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        string? tags = query.Tags is { Count: > 0 } wanted ? string.Join(",", wanted.Select(t => t.Value is null ? t.Key : $"{t.Key}={t.Value}")) : null;
        await foreach (ArmResource<OnlineEndpointProperties> endpoint in Endpoints.List(tags).EnumerateAsync(async, cancellationToken).ConfigureAwait(false))
        {
            ServiceRecord record = await WithDeploymentAsync(endpoint, async, cancellationToken).ConfigureAwait(false);
            if (query.Matches(record)) yield return record;
        }
    }

    private WebserviceException NotFound(string name)
        => new($"There is no service named '{name}' in workspace '{_client.Scope.WorkspaceName}'.") { ErrorCode = AzureMLErrorCode.ResourceNotFound };
}
