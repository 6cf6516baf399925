namespace AzureML.Core.Backends.Azure.Workspaces;

/// <summary>
/// The data-plane hosts of a workspace: the <c>api</c> host from its discovery document (run history, registry
/// discovery) and the MLflow tracking base derived from its <c>mlFlowTrackingUri</c>.
/// </summary>
internal sealed record WorkspaceServiceEndpoints(Uri Api, Uri MlflowTracking)
{
    /// <summary>
    /// Builds the endpoints from the discovery document's <c>api</c> key and the workspace's tracking URI
    /// (<c>azureml://host/mlflow/v1.0/…</c> becomes <c>https://host/mlflow/v1.0/…</c>); without a tracking URI the
    /// MLflow base is <c>{api}/mlflow/v1.0{workspace id}</c>, the form the service documents.
    /// </summary>
    /// <summary>
    /// The hosts a job's process can tell from its MLflow tracking URI alone
    /// (<c>azureml://{region}.api.azureml.ms/mlflow/v1.0/…</c>): the API host is the tracking URI's.
    /// </summary>
    public static WorkspaceServiceEndpoints FromTrackingUri(Uri trackingUri)
    {
        var https = new UriBuilder(trackingUri) { Scheme = Uri.UriSchemeHttps, Port = trackingUri.Scheme == "azureml" ? -1 : trackingUri.Port };
        return new WorkspaceServiceEndpoints(new Uri(https.Uri.GetLeftPart(UriPartial.Authority) + "/"), https.Uri);
    }

    public static WorkspaceServiceEndpoints From(IReadOnlyDictionary<string, string> discovery, string? mlflowTrackingUri, string workspaceResourceId, string workspaceName)
    {
        if (!discovery.TryGetValue("api", out string? api) || !Uri.TryCreate(api, UriKind.Absolute, out Uri? apiUri))
        {
            throw new AzureMLException($"The discovery document of workspace '{workspaceName}' has no 'api' host (keys: {string.Join(", ", discovery.Keys)}).")
            {
                ErrorCode = AzureMLErrorCode.UnexpectedResponse,
            };
        }

        Uri tracking;
        if (!string.IsNullOrEmpty(mlflowTrackingUri) && Uri.TryCreate(mlflowTrackingUri, UriKind.Absolute, out Uri? given))
        {
            var builder = new UriBuilder(given) { Scheme = given.Scheme == "azureml" ? Uri.UriSchemeHttps : given.Scheme, Port = given.Scheme == "azureml" ? -1 : given.Port };
            tracking = builder.Uri;
        }
        else
        {
            tracking = new Uri(apiUri, "mlflow/v1.0" + workspaceResourceId);
        }

        return new WorkspaceServiceEndpoints(apiUri, tracking);
    }
}
