using Azure;
using Azure.Core;
using AzureML.Core.Backends.Azure.Rest;

namespace AzureML.Core.Backends.Azure.Endpoints;

/// <summary>
/// Calls an online endpoint's scoring URI with its key (<c>Authorization: Bearer &lt;key&gt;</c>), optionally
/// pinned to one deployment with <c>azureml-model-deployment</c>. Sent without the Resource Manager credential,
/// over the pipeline that never logs content.
/// </summary>
internal sealed class ScoringClient
{
    private readonly AzureMLPipelines _pipelines;

    public ScoringClient(AzureMLPipelines pipelines) => _pipelines = pipelines;

    internal HttpMessage CreateScoreRequest(Uri scoringUri, string? key, BinaryData body, string? deployment)
    {
        var uri = new RequestUriBuilder();
        uri.Reset(scoringUri);
        HttpMessage message = RestCall.CreateMessage(_pipelines.AnonymousSecrets, RequestMethod.Post, uri);
        message.Request.Headers.Add("Content-Type", "application/json");
        if (key is not null) message.Request.Headers.Add("Authorization", "Bearer " + key);
        if (deployment is not null) message.Request.Headers.Add("azureml-model-deployment", deployment);
        message.Request.Content = RequestContent.Create(body);
        return message;
    }

    /// <summary>Scores <paramref name="body"/>; a non-2xx answer is a <see cref="WebserviceException"/> with the service's text.</summary>
    public async ValueTask<BinaryData> ScoreAsync(string service, Uri scoringUri, string? key, BinaryData body, string? deployment, bool async, CancellationToken cancellationToken)
    {
        using HttpMessage message = CreateScoreRequest(scoringUri, key, body, deployment);
        Response response = await RestCall.SendAsync(_pipelines.AnonymousSecrets, message, async, cancellationToken).ConfigureAwait(false);
        if (response.Status is >= 200 and < 300) return response.Content;
        throw new WebserviceException(
            $"Service '{service}' rejected the scoring request at {RestCall.Redact(scoringUri)}: HTTP {response.Status}. {response.Content}".TrimEnd(),
            new RequestFailedException(response))
        {
            Status = response.Status,
            ErrorCode = response.Status switch { 401 => AzureMLErrorCode.AuthenticationFailed, 403 => AzureMLErrorCode.AuthorizationFailed, _ => null },
        };
    }
}
