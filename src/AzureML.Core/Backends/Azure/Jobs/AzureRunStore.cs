using AzureML.Core.Backends.Azure.Rest;
using AzureML.Core.Backends.Azure.Tracking;
using AzureML.Core.Internal;

namespace AzureML.Core.Backends.Azure.Jobs;

/// <summary>
/// Runs of an Azure workspace. A submitted run is a job (<c>{ws}/jobs/{id}</c>: its status is the service's); an
/// interactive or child run exists only in MLflow tracking. Tags, properties (MLflow params) and metrics of both go
/// through MLflow, whose run id is the job name; lists are MLflow searches, filtered by the service on experiment,
/// status and tags.
/// </summary>
internal sealed class AzureRunStore : RunStore
{
    private readonly AzureWorkspaceClient _client;
    private readonly AzureExperimentStore _experiments;

    public AzureRunStore(AzureWorkspaceClient client, AzureExperimentStore experiments)
    {
        _client = client;
        _experiments = experiments;
    }

    public override async Task<RunRecord> CreateAsync(RunCreateRequest request, CancellationToken cancellationToken)
    {
        bool async = !SynchronousCall.IsActive;
        MlflowClient mlflow = await _client.GetMlflowAsync(async, cancellationToken).ConfigureAwait(false);
        ExperimentRecord experiment = await _experiments.GetOrCreateAsync(request.ExperimentName, cancellationToken).ConfigureAwait(false);
        var tags = new List<MlflowKeyValue> { new() { Key = MlflowRunConverter.RunTypeTag, Value = request.RunType } };
        if (request.Target is not null) tags.Add(new MlflowKeyValue { Key = MlflowRunConverter.TargetTag, Value = request.Target });
        if (request.ParentRunId is not null) tags.Add(new MlflowKeyValue { Key = MlflowRunConverter.ParentRunTag, Value = request.ParentRunId });
        tags.AddRange((request.Tags ?? new Dictionary<string, string>()).Select(t => new MlflowKeyValue { Key = t.Key, Value = t.Value }));
        MlflowRun run = await mlflow.CreateRunAsync(new MlflowCreateRunRequest
        {
            ExperimentId = experiment.Id,
            StartTime = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds(),
            RunName = request.DisplayName,
            Tags = tags,
        }, async, cancellationToken).ConfigureAwait(false);
        string runId = run.Info?.RunId ?? run.Info?.RunUuid ?? throw new AzureMLException("MLflow created a run without an id.") { ErrorCode = AzureMLErrorCode.UnexpectedResponse };
        if (request.Properties is { Count: > 0 } properties) await AddPropertiesAsync(runId, properties, cancellationToken).ConfigureAwait(false);
        return await GetAsync(runId, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>A job with what MLflow adds (times, properties, tags), or an MLflow-only run.</summary>
    public override async Task<RunRecord> GetAsync(string runId, CancellationToken cancellationToken)
    {
        bool async = !SynchronousCall.IsActive;
        ArmResource<JobProperties>? job = await _client.Jobs.GetAsync(runId, async, cancellationToken).ConfigureAwait(false);
        MlflowClient mlflow = await _client.GetMlflowAsync(async, cancellationToken).ConfigureAwait(false);
        MlflowRun? tracked = await mlflow.FindRunAsync(runId, async, cancellationToken).ConfigureAwait(false);
        if (job is null && tracked is null) throw new RunNotFoundException(runId);
        if (job is null)
        {
            string experimentId = tracked!.Info?.ExperimentId ?? "";
            MlflowExperiment? experiment = await mlflow.GetExperimentAsync(experimentId, async, cancellationToken).ConfigureAwait(false);
            return MlflowRunConverter.ToRecord(tracked, experiment?.Name ?? experimentId);
        }

        RunRecord record = JobConverter.ToRecord(job);
        if (tracked is null) return record;
        RunRecord fromTracking = MlflowRunConverter.ToRecord(tracked, record.ExperimentName);
        return record with
        {
            StartTime = fromTracking.StartTime,
            EndTime = new RunStatus(record.Status).IsTerminal ? fromTracking.EndTime : null,
            Tags = fromTracking.Tags.Count > 0 ? fromTracking.Tags : record.Tags,
            Properties = record.Properties.Concat(fromTracking.Properties.Where(p => !record.Properties.ContainsKey(p.Key)))
                .ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal),
            DisplayName = record.DisplayName ?? fromTracking.DisplayName,
            Error = fromTracking.Error,
        };
    }

    public override IAsyncEnumerable<RunRecord> ListAsync(RunQuery query, CancellationToken cancellationToken) => ListCoreAsync(query, !SynchronousCall.IsActive, cancellationToken);

    /// <remarks>
    /// A job's status is the service's: the only change it takes is a cancel. An MLflow run moves to any status MLflow
    /// has (running, finished, failed, killed).
    /// </remarks>
    public override async Task<RunRecord> SetStatusAsync(string runId, RunStatus status, RunError? error, CancellationToken cancellationToken)
    {
        bool async = !SynchronousCall.IsActive;
        RunRecord current = await GetAsync(runId, cancellationToken).ConfigureAwait(false);
        if (new RunStatus(current.Status).IsTerminal) return current;
        if (await _client.Jobs.GetAsync(runId, async, cancellationToken).ConfigureAwait(false) is not null)
        {
            if (status != RunStatus.Canceled)
            {
                throw new UserErrorException($"Run '{runId}' is a job; the service sets its status as the job runs. A job can only be canceled.")
                {
                    ErrorCode = AzureMLErrorCode.NotSupported,
                };
            }

            await _client.Jobs.CancelAsync(runId, async, cancellationToken).ConfigureAwait(false);
            return await GetAsync(runId, cancellationToken).ConfigureAwait(false);
        }

        MlflowClient mlflow = await _client.GetMlflowAsync(async, cancellationToken).ConfigureAwait(false);
        if (error is not null) await RecordErrorAsync(runId, error, cancellationToken).ConfigureAwait(false);
        await mlflow.UpdateRunAsync(new MlflowUpdateRunRequest
        {
            RunId = runId,
            Status = MlflowRunConverter.ToMlflowStatus(status),
            EndTime = status.IsTerminal ? DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() : null,
        }, async, cancellationToken).ConfigureAwait(false);
        return await GetAsync(runId, cancellationToken).ConfigureAwait(false);
    }

    public override async Task RecordErrorAsync(string runId, RunError error, CancellationToken cancellationToken)
    {
        bool async = !SynchronousCall.IsActive;
        MlflowClient mlflow = await _client.GetMlflowAsync(async, cancellationToken).ConfigureAwait(false);
        await mlflow.LogBatchAsync(runId, Array.Empty<MlflowMetric>(), Array.Empty<MlflowKeyValue>(),
        [
            new MlflowKeyValue { Key = MlflowRunConverter.ErrorCodeTag, Value = error.Code },
            new MlflowKeyValue { Key = MlflowRunConverter.ErrorMessageTag, Value = error.Message },
        ], async, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The times the service reports: created, started, ended.</summary>
    public override async Task<IReadOnlyList<StatusChange>> GetStatusHistoryAsync(string runId, CancellationToken cancellationToken)
    {
        RunRecord run = await GetAsync(runId, cancellationToken).ConfigureAwait(false);
        var history = new List<StatusChange> { new(RunStatus.NotStarted.ToString(), run.CreatedTime) };
        if (run.StartTime is { } started) history.Add(new StatusChange(RunStatus.Running.ToString(), started));
        if (run.EndTime is { } ended && new RunStatus(run.Status).IsTerminal) history.Add(new StatusChange(run.Status, ended));
        return history;
    }

    public override async Task UpdateTagsAsync(string runId, IReadOnlyDictionary<string, string> set, IReadOnlyCollection<string> remove, CancellationToken cancellationToken)
    {
        bool async = !SynchronousCall.IsActive;
        MlflowClient mlflow = await _client.GetMlflowAsync(async, cancellationToken).ConfigureAwait(false);
        if (set.Count > 0)
        {
            await mlflow.LogBatchAsync(runId, Array.Empty<MlflowMetric>(), Array.Empty<MlflowKeyValue>(),
                set.Select(t => new MlflowKeyValue { Key = t.Key, Value = t.Value }).ToList(), async, cancellationToken).ConfigureAwait(false);
        }

        foreach (string key in remove) await mlflow.DeleteTagAsync(runId, key, async, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Properties are MLflow params, which are write-once as azureml-core's properties are; MLflow refuses a changed value.</summary>
    public override async Task AddPropertiesAsync(string runId, IReadOnlyDictionary<string, string> properties, CancellationToken cancellationToken)
    {
        bool async = !SynchronousCall.IsActive;
        MlflowClient mlflow = await _client.GetMlflowAsync(async, cancellationToken).ConfigureAwait(false);
        await mlflow.LogBatchAsync(runId, Array.Empty<MlflowMetric>(), properties.Select(p => new MlflowKeyValue { Key = p.Key, Value = p.Value }).ToList(),
            Array.Empty<MlflowKeyValue>(), async, cancellationToken).ConfigureAwait(false);
    }

    public override async Task SetDisplayNameAsync(string runId, string displayName, CancellationToken cancellationToken)
    {
        bool async = !SynchronousCall.IsActive;
        MlflowClient mlflow = await _client.GetMlflowAsync(async, cancellationToken).ConfigureAwait(false);
        await mlflow.UpdateRunAsync(new MlflowUpdateRunRequest { RunId = runId, RunName = displayName }, async, cancellationToken).ConfigureAwait(false);
    }

    public override async Task LogMetricsAsync(string runId, IReadOnlyList<MetricRecord> metrics, CancellationToken cancellationToken)
    {
        bool async = !SynchronousCall.IsActive;
        List<MlflowMetric> points = metrics.SelectMany(MetricConverter.ToMlflow).ToList();
        MlflowClient mlflow = await _client.GetMlflowAsync(async, cancellationToken).ConfigureAwait(false);
        await mlflow.LogBatchAsync(runId, points, Array.Empty<MlflowKeyValue>(), Array.Empty<MlflowKeyValue>(), async, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Every point of each metric (or of <paramref name="name"/>), oldest first.</summary>
    public override async Task<IReadOnlyList<MetricRecord>> GetMetricsAsync(string runId, string? name, CancellationToken cancellationToken)
    {
        bool async = !SynchronousCall.IsActive;
        MlflowClient mlflow = await _client.GetMlflowAsync(async, cancellationToken).ConfigureAwait(false);
        IEnumerable<string> keys = name is not null
            ? new[] { name }
            : ((await mlflow.FindRunAsync(runId, async, cancellationToken).ConfigureAwait(false))?.Data?.Metrics ?? new List<MlflowMetric>()).Select(m => m.Key).Distinct(StringComparer.Ordinal);
        var points = new List<(MlflowMetric Point, int Order)>();
        foreach (string key in keys)
        {
            foreach (MlflowMetric point in await mlflow.GetMetricHistoryAsync(runId, key, async, cancellationToken).ConfigureAwait(false)) points.Add((point, points.Count));
        }

        return points.OrderBy(p => p.Point.Timestamp).ThenBy(p => p.Order).Select(p => MetricConverter.ToRecord(p.Point)).ToList();
    }

    private async IAsyncEnumerable<RunRecord> ListCoreAsync(RunQuery query, bool async, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        MlflowClient mlflow = await _client.GetMlflowAsync(async, cancellationToken).ConfigureAwait(false);
        string? experimentName = query.ExperimentName;
        if (experimentName is null && query.ParentRunId is not null)
        {
            experimentName = (await GetAsync(query.ParentRunId, cancellationToken).ConfigureAwait(false)).ExperimentName;
        }

        if (experimentName is null)
        {
            throw new UserErrorException("Runs of an Azure workspace are listed per experiment; give the experiment (or the parent run).") { ErrorCode = AzureMLErrorCode.NotSupported };
        }

        ExperimentRecord? experiment = await _experiments.GetAsync(experimentName, cancellationToken).ConfigureAwait(false);
        if (experiment is null) yield break;
        await foreach (MlflowRun run in mlflow.SearchRunsAsync([experiment.Id], RunFilter.For(query), async, cancellationToken).ConfigureAwait(false))
        {
            RunRecord record = MlflowRunConverter.ToRecord(run, experimentName);
            if (query.ParentRunId is null && !query.IncludeChildren && record.ParentRunId is not null) continue;
            if (query.ParentRunId is not null && record.ParentRunId != query.ParentRunId) continue;
            if (query.RunType is not null && record.RunType != query.RunType) continue;
            if (query.Status is not null && record.Status != query.Status) continue;
            if (!TagFilter.Matches(record.Tags, query.Tags) || !TagFilter.Matches(record.Properties, query.Properties)) continue;
            yield return record;
        }
    }
}
