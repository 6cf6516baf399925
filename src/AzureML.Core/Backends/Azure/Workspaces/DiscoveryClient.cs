using Azure;
using Azure.Core;
using AzureML.Core.Backends.Azure.Rest;

namespace AzureML.Core.Backends.Azure.Workspaces;

/// <summary>
/// Reads a workspace's discovery document (<c>properties.discoveryUrl</c>): service name → host. Sent without
/// a credential, as azure-ai-ml does.
/// </summary>
internal sealed class DiscoveryClient
{
    private readonly AzureMLPipelines _pipelines;

    public DiscoveryClient(AzureMLPipelines pipelines) => _pipelines = pipelines;

    internal HttpMessage CreateGetRequest(Uri discoveryUrl)
    {
        var uri = new RequestUriBuilder();
        uri.Reset(discoveryUrl);
        return RestCall.CreateMessage(_pipelines.Anonymous, RequestMethod.Get, uri);
    }

    /// <summary>The service hosts of the workspace, for example <c>api</c> and <c>history</c>.</summary>
    public async ValueTask<IReadOnlyDictionary<string, string>> GetAsync(Uri discoveryUrl, string workspaceName, bool async, CancellationToken cancellationToken)
    {
        using HttpMessage message = CreateGetRequest(discoveryUrl);
        Response response = await RestCall.SendAsync(_pipelines.Anonymous, message, async, cancellationToken).ConfigureAwait(false);
        if (response.Status != 200) throw ArmErrors.FromResponse(response, "discover the services of", new ArmResourceRef(ArmResourceKind.Workspace, workspaceName), null);
        return RestCall.Read(response, ArmJsonContext.Default.DictionaryStringString, $"discover the services of workspace '{workspaceName}'");
    }
}
