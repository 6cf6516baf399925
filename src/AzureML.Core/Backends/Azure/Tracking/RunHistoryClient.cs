using Azure;
using Azure.Core;
using AzureML.Core.Backends.Azure.Rest;

namespace AzureML.Core.Backends.Azure.Tracking;

/// <summary>
/// The run-history data plane on the workspace's <c>api</c> host (no api-version): a run's details with its
/// log files as read SAS URLs, and the content of one log, read without a credential.
/// </summary>
internal sealed class RunHistoryClient
{
    private readonly AzureMLPipelines _pipelines;
    private readonly Uri _api;
    private readonly WorkspaceScope _scope;

    public RunHistoryClient(AzureMLPipelines pipelines, Uri api, WorkspaceScope scope)
    {
        _pipelines = pipelines;
        _api = api;
        _scope = scope;
    }

    internal HttpMessage CreateGetDetailsRequest(string runId)
    {
        var uri = new RequestUriBuilder();
        uri.Reset(_api);
        uri.AppendPath("/history/v1.0", escape: false);
        uri.AppendPath(_scope.ResourceId, escape: false);
        uri.AppendPath("/runs/", escape: false);
        uri.AppendPath(runId, escape: true);
        uri.AppendPath("/details", escape: false);
        return RestCall.CreateMessage(_pipelines.Secrets, RequestMethod.Get, uri);
    }

    internal HttpMessage CreateReadLogRequest(Uri sasUrl)
    {
        var uri = new RequestUriBuilder();
        uri.Reset(sasUrl);
        HttpMessage message = _pipelines.AnonymousSecrets.CreateMessage();
        message.Request.Method = RequestMethod.Get;
        message.Request.Uri = uri;
        return message;
    }

    /// <summary>The run's details; its <see cref="RunHistoryDetails.LogFiles"/> hold SAS URLs and travel over the pipeline that never logs content.</summary>
    public async ValueTask<RunHistoryDetails> GetDetailsAsync(string runId, bool async, CancellationToken cancellationToken)
    {
        using HttpMessage message = CreateGetDetailsRequest(runId);
        Response response = await RestCall.SendAsync(_pipelines.Secrets, message, async, cancellationToken).ConfigureAwait(false);
        if (response.Status != 200) throw ArmErrors.FromResponse(response, "get the details of", new ArmResourceRef(ArmResourceKind.Job, runId), _scope.WorkspaceName);
        return RestCall.Read(response, ArmJsonContext.Default.RunHistoryDetails, $"get the details of run '{runId}'");
    }

    /// <summary>The text of one log file, from its SAS URL, without a credential.</summary>
    public async ValueTask<string> ReadLogAsync(string logName, Uri sasUrl, bool async, CancellationToken cancellationToken)
    {
        using HttpMessage message = CreateReadLogRequest(sasUrl);
        Response response = await RestCall.SendAsync(_pipelines.AnonymousSecrets, message, async, cancellationToken).ConfigureAwait(false);
        if (response.Status != 200)
        {
            throw new AzureMLException($"Could not read log '{logName}' from {RestCall.Redact(sasUrl)}: HTTP {response.Status}.", new RequestFailedException(response))
            {
                Status = response.Status,
                ErrorCode = AzureMLErrorCode.TransferFailed,
            };
        }

        return response.Content.ToString();
    }
}
