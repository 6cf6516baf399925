using System.Globalization;
using Azure;
using Azure.Core;
using AzureML.Core.Backends.Azure.Rest;

namespace AzureML.Core.Backends.Azure.Tracking;

/// <summary>
/// The MLflow REST API on the workspace's tracking host: log-batch (split to MLflow's per-request limits),
/// metric history (followed across pages), runs/get and set-tag. The MLflow run id is the job name.
/// </summary>
internal sealed class MlflowClient
{
    private readonly AzureMLPipelines _pipelines;
    private readonly Uri _tracking;
    private readonly string? _workspaceName;

    public MlflowClient(AzureMLPipelines pipelines, Uri trackingBase, string? workspaceName)
    {
        _pipelines = pipelines;
        _tracking = trackingBase;
        _workspaceName = workspaceName;
    }

    internal HttpMessage CreateLogBatchRequest(MlflowLogBatchRequest body)
    {
        HttpMessage message = RestCall.CreateMessage(_pipelines.Arm, RequestMethod.Post, Api("runs/log-batch"));
        RestCall.SetJson(message, body, MlflowJsonContext.Default.MlflowLogBatchRequest);
        return message;
    }

    internal HttpMessage CreateSetTagRequest(MlflowSetTagRequest body)
    {
        HttpMessage message = RestCall.CreateMessage(_pipelines.Arm, RequestMethod.Post, Api("runs/set-tag"));
        RestCall.SetJson(message, body, MlflowJsonContext.Default.MlflowSetTagRequest);
        return message;
    }

    internal HttpMessage CreateGetMetricHistoryRequest(string runId, string key, string? pageToken)
    {
        RequestUriBuilder uri = Api("metrics/get-history");
        uri.AppendQuery("run_id", runId, escapeValue: true);
        uri.AppendQuery("metric_key", key, escapeValue: true);
        uri.AppendQuery("max_results", MlflowLimits.MetricsPerBatch.ToString(CultureInfo.InvariantCulture), escapeValue: false);
        if (pageToken is not null) uri.AppendQuery("page_token", pageToken, escapeValue: true);
        return RestCall.CreateMessage(_pipelines.Arm, RequestMethod.Get, uri);
    }

    internal HttpMessage CreateGetRunRequest(string runId)
    {
        RequestUriBuilder uri = Api("runs/get");
        uri.AppendQuery("run_id", runId, escapeValue: true);
        return RestCall.CreateMessage(_pipelines.Arm, RequestMethod.Get, uri);
    }

    /// <summary>
    /// Splits metrics, params and tags into as few log-batch requests as MLflow's limits allow (1,000 metrics,
    /// 100 params, 100 tags, 1,000 entities in all per request) and sends them in order.
    /// </summary>
    /// <returns>How many requests were sent.</returns>
    public async ValueTask<int> LogBatchAsync(string runId, IReadOnlyList<MlflowMetric> metrics, IReadOnlyList<MlflowKeyValue> parameters,
        IReadOnlyList<MlflowKeyValue> tags, bool async, CancellationToken cancellationToken)
    {
        int requests = 0;
        foreach (MlflowLogBatchRequest batch in Split(runId, metrics, parameters, tags))
        {
            using HttpMessage message = CreateLogBatchRequest(batch);
            await SendAsync(message, "log metrics to", runId, async, cancellationToken).ConfigureAwait(false);
            requests++;
        }

        return requests;
    }

    /// <summary>Sets one tag on the run.</summary>
    public async ValueTask SetTagAsync(string runId, string key, string value, bool async, CancellationToken cancellationToken)
    {
        using HttpMessage message = CreateSetTagRequest(new MlflowSetTagRequest { RunId = runId, Key = key, Value = value });
        await SendAsync(message, "tag", runId, async, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Every logged point of one metric, oldest first, across all pages.</summary>
    public async ValueTask<IReadOnlyList<MlflowMetric>> GetMetricHistoryAsync(string runId, string key, bool async, CancellationToken cancellationToken)
    {
        var points = new List<MlflowMetric>();
        string? token = null;
        do
        {
            using HttpMessage message = CreateGetMetricHistoryRequest(runId, key, token);
            Response response = await SendAsync(message, "read metric '" + key + "' of", runId, async, cancellationToken).ConfigureAwait(false);
            MlflowMetricHistory page = RestCall.Read(response, MlflowJsonContext.Default.MlflowMetricHistory, $"read metric '{key}' of run '{runId}'");
            if (page.Metrics is not null) points.AddRange(page.Metrics);
            token = string.IsNullOrEmpty(page.NextPageToken) ? null : page.NextPageToken;
        }
        while (token is not null);
        return points;
    }

    /// <summary>The run's info with its latest metric values, params and tags.</summary>
    public async ValueTask<MlflowRun> GetRunAsync(string runId, bool async, CancellationToken cancellationToken)
    {
        using HttpMessage message = CreateGetRunRequest(runId);
        Response response = await SendAsync(message, "get", runId, async, cancellationToken).ConfigureAwait(false);
        return RestCall.Read(response, MlflowJsonContext.Default.MlflowGetRunResponse, $"get run '{runId}'").Run
            ?? throw RestCall.Unexpected(response, $"get run '{runId}'", "no 'run' in the body", null);
    }

    /// <summary>The requests that carry everything within the limits, params and tags first (they are the scarcer).</summary>
    internal static IEnumerable<MlflowLogBatchRequest> Split(string runId, IReadOnlyList<MlflowMetric> metrics, IReadOnlyList<MlflowKeyValue> parameters, IReadOnlyList<MlflowKeyValue> tags)
    {
        if (metrics.Count == 0 && parameters.Count == 0 && tags.Count == 0) yield break;
        int m = 0, p = 0, t = 0;
        do
        {
            int takeParams = Math.Min(MlflowLimits.ParamsPerBatch, parameters.Count - p);
            int takeTags = Math.Min(MlflowLimits.TagsPerBatch, tags.Count - t);
            int takeMetrics = Math.Min(Math.Min(MlflowLimits.MetricsPerBatch, MlflowLimits.EntitiesPerBatch - takeParams - takeTags), metrics.Count - m);
            yield return new MlflowLogBatchRequest
            {
                RunId = runId,
                Metrics = metrics.Skip(m).Take(takeMetrics).ToList(),
                Params = parameters.Skip(p).Take(takeParams).ToList(),
                Tags = tags.Skip(t).Take(takeTags).ToList(),
            };
            (m, p, t) = (m + takeMetrics, p + takeParams, t + takeTags);
        }
        while (m < metrics.Count || p < parameters.Count || t < tags.Count);
    }

    private async ValueTask<Response> SendAsync(HttpMessage message, string action, string runId, bool async, CancellationToken cancellationToken)
    {
        Response response = await RestCall.SendAsync(_pipelines.Arm, message, async, cancellationToken).ConfigureAwait(false);
        if (response.Status != 200) throw ArmErrors.FromResponse(response, action, new ArmResourceRef(ArmResourceKind.Job, runId), _workspaceName);
        return response;
    }

    private RequestUriBuilder Api(string path)
    {
        var uri = new RequestUriBuilder();
        uri.Reset(_tracking);
        uri.AppendPath("/api/2.0/mlflow/" + path, escape: false);
        return uri;
    }
}
