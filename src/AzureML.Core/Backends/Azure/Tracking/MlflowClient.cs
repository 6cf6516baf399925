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

    /// <summary>The experiment of that name, or <c>null</c> when there is none.</summary>
    public async ValueTask<MlflowExperiment?> GetExperimentByNameAsync(string name, bool async, CancellationToken cancellationToken)
    {
        RequestUriBuilder uri = Api("experiments/get-by-name");
        uri.AppendQuery("experiment_name", name, escapeValue: true);
        using HttpMessage message = RestCall.CreateMessage(_pipelines.Arm, RequestMethod.Get, uri);
        Response? response = await SendOrNotFoundAsync(message, "get", name, ArmResourceKind.Experiment, async, cancellationToken).ConfigureAwait(false);
        return response is null ? null : RestCall.Read(response, MlflowJsonContext.Default.MlflowExperimentResponse, $"get experiment '{name}'").Experiment;
    }

    /// <summary>The experiment with that id, or <c>null</c> when there is none.</summary>
    public async ValueTask<MlflowExperiment?> GetExperimentAsync(string experimentId, bool async, CancellationToken cancellationToken)
    {
        RequestUriBuilder uri = Api("experiments/get");
        uri.AppendQuery("experiment_id", experimentId, escapeValue: true);
        using HttpMessage message = RestCall.CreateMessage(_pipelines.Arm, RequestMethod.Get, uri);
        Response? response = await SendOrNotFoundAsync(message, "get", experimentId, ArmResourceKind.Experiment, async, cancellationToken).ConfigureAwait(false);
        return response is null ? null : RestCall.Read(response, MlflowJsonContext.Default.MlflowExperimentResponse, $"get experiment '{experimentId}'").Experiment;
    }

    /// <summary>Creates an experiment and returns its id.</summary>
    public async ValueTask<string> CreateExperimentAsync(string name, bool async, CancellationToken cancellationToken)
    {
        using HttpMessage message = Post("experiments/create", new MlflowCreateExperimentRequest { Name = name }, MlflowJsonContext.Default.MlflowCreateExperimentRequest);
        Response response = await SendAsync(message, "create", name, async, cancellationToken, ArmResourceKind.Experiment).ConfigureAwait(false);
        return RestCall.Read(response, MlflowJsonContext.Default.MlflowCreateExperimentResponse, $"create experiment '{name}'").ExperimentId
            ?? throw RestCall.Unexpected(response, $"create experiment '{name}'", "no experiment_id", null);
    }

    /// <summary>Every experiment (archived ones too with <paramref name="includeDeleted"/>), page by page.</summary>
    public async IAsyncEnumerable<MlflowExperiment> SearchExperimentsAsync(bool includeDeleted, bool async,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        string? token = null;
        do
        {
            var body = new MlflowSearchExperimentsRequest { MaxResults = MlflowLimits.PageSize, PageToken = token, ViewType = includeDeleted ? "ALL" : "ACTIVE_ONLY" };
            MlflowSearchExperimentsResponse page;
            using (HttpMessage message = Post("experiments/search", body, MlflowJsonContext.Default.MlflowSearchExperimentsRequest))
            {
                Response response = await SendAsync(message, "list", "*", async, cancellationToken, ArmResourceKind.Experiment).ConfigureAwait(false);
                page = RestCall.Read(response, MlflowJsonContext.Default.MlflowSearchExperimentsResponse, "list experiments");
            }

            foreach (MlflowExperiment experiment in page.Experiments ?? new List<MlflowExperiment>()) yield return experiment;
            token = string.IsNullOrEmpty(page.NextPageToken) ? null : page.NextPageToken;
        }
        while (token is not null);
    }

    /// <summary>Sets one tag on an experiment.</summary>
    public async ValueTask SetExperimentTagAsync(string experimentId, string key, string value, bool async, CancellationToken cancellationToken)
    {
        using HttpMessage message = Post("experiments/set-experiment-tag", new MlflowSetExperimentTagRequest { ExperimentId = experimentId, Key = key, Value = value },
            MlflowJsonContext.Default.MlflowSetExperimentTagRequest);
        await SendAsync(message, "tag", experimentId, async, cancellationToken, ArmResourceKind.Experiment).ConfigureAwait(false);
    }

    /// <summary>Creates a run (an interactive or child run: no job behind it) and returns it.</summary>
    public async ValueTask<MlflowRun> CreateRunAsync(MlflowCreateRunRequest body, bool async, CancellationToken cancellationToken)
    {
        using HttpMessage message = Post("runs/create", body, MlflowJsonContext.Default.MlflowCreateRunRequest);
        Response response = await SendAsync(message, "create a run in", body.ExperimentId, async, cancellationToken, ArmResourceKind.Experiment).ConfigureAwait(false);
        return RestCall.Read(response, MlflowJsonContext.Default.MlflowCreateRunResponse, "create a run").Run
            ?? throw RestCall.Unexpected(response, "create a run", "no 'run' in the body", null);
    }

    /// <summary>Changes a run's status, end time or name.</summary>
    public async ValueTask UpdateRunAsync(MlflowUpdateRunRequest body, bool async, CancellationToken cancellationToken)
    {
        using HttpMessage message = Post("runs/update", body, MlflowJsonContext.Default.MlflowUpdateRunRequest);
        await SendAsync(message, "update", body.RunId, async, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Removes one tag of a run.</summary>
    public async ValueTask DeleteTagAsync(string runId, string key, bool async, CancellationToken cancellationToken)
    {
        using HttpMessage message = Post("runs/delete-tag", new MlflowSetTagRequest { RunId = runId, Key = key }, MlflowJsonContext.Default.MlflowSetTagRequest);
        await SendAsync(message, "untag", runId, async, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The run, or <c>null</c> when MLflow knows no run of that id.</summary>
    public async ValueTask<MlflowRun?> FindRunAsync(string runId, bool async, CancellationToken cancellationToken)
    {
        using HttpMessage message = CreateGetRunRequest(runId);
        Response? response = await SendOrNotFoundAsync(message, "get", runId, ArmResourceKind.Job, async, cancellationToken).ConfigureAwait(false);
        return response is null ? null : RestCall.Read(response, MlflowJsonContext.Default.MlflowGetRunResponse, $"get run '{runId}'").Run;
    }

    /// <summary>The runs of experiments that pass <paramref name="filter"/> (MLflow's search syntax), newest first, page by page.</summary>
    public async IAsyncEnumerable<MlflowRun> SearchRunsAsync(IReadOnlyList<string> experimentIds, string? filter, bool async,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        string? token = null;
        do
        {
            var body = new MlflowSearchRunsRequest
            {
                ExperimentIds = experimentIds.ToList(),
                Filter = filter,
                MaxResults = MlflowLimits.PageSize,
                OrderBy = new List<string> { "attributes.start_time DESC" },
                PageToken = token,
            };
            MlflowSearchRunsResponse page;
            using (HttpMessage message = Post("runs/search", body, MlflowJsonContext.Default.MlflowSearchRunsRequest))
            {
                Response response = await SendAsync(message, "search the runs of", string.Join(",", experimentIds), async, cancellationToken, ArmResourceKind.Experiment).ConfigureAwait(false);
                page = RestCall.Read(response, MlflowJsonContext.Default.MlflowSearchRunsResponse, "search runs");
            }

            foreach (MlflowRun run in page.Runs ?? new List<MlflowRun>()) yield return run;
            token = string.IsNullOrEmpty(page.NextPageToken) ? null : page.NextPageToken;
        }
        while (token is not null);
    }

    private HttpMessage Post<T>(string path, T body, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> typeInfo)
    {
        HttpMessage message = RestCall.CreateMessage(_pipelines.Arm, RequestMethod.Post, Api(path));
        RestCall.SetJson(message, body, typeInfo);
        return message;
    }

    private async ValueTask<Response?> SendOrNotFoundAsync(HttpMessage message, string action, string name, ArmResourceKind kind, bool async, CancellationToken cancellationToken)
    {
        Response response = await RestCall.SendAsync(_pipelines.Arm, message, async, cancellationToken).ConfigureAwait(false);
        return response.Status switch
        {
            200 => response,
            404 => null,
            _ => throw ArmErrors.FromResponse(response, action, new ArmResourceRef(kind, name), _workspaceName),
        };
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

    private async ValueTask<Response> SendAsync(HttpMessage message, string action, string name, bool async, CancellationToken cancellationToken,
        ArmResourceKind kind = ArmResourceKind.Job)
    {
        Response response = await RestCall.SendAsync(_pipelines.Arm, message, async, cancellationToken).ConfigureAwait(false);
        if (response.Status != 200) throw ArmErrors.FromResponse(response, action, new ArmResourceRef(kind, name), _workspaceName);
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
