using AzureML.Core.Internal;

namespace AzureML.Core.Backends.Azure.Tracking;

/// <summary>Experiments of an Azure workspace through its MLflow tracking API.</summary>
internal sealed class AzureExperimentStore : ExperimentStore
{
    private readonly AzureWorkspaceClient _client;

    public AzureExperimentStore(AzureWorkspaceClient client) => _client = client;

    public override async Task<ExperimentRecord> GetOrCreateAsync(string name, CancellationToken cancellationToken)
    {
        bool async = !SynchronousCall.IsActive;
        MlflowClient mlflow = await _client.GetMlflowAsync(async, cancellationToken).ConfigureAwait(false);
        if (await mlflow.GetExperimentByNameAsync(name, async, cancellationToken).ConfigureAwait(false) is { } existing) return ToRecord(existing);
        string id = await mlflow.CreateExperimentAsync(name, async, cancellationToken).ConfigureAwait(false);
        return new ExperimentRecord(id, name, DateTimeOffset.UtcNow, null, new Dictionary<string, string>());
    }

    public override async Task<ExperimentRecord?> GetAsync(string name, CancellationToken cancellationToken)
    {
        bool async = !SynchronousCall.IsActive;
        MlflowClient mlflow = await _client.GetMlflowAsync(async, cancellationToken).ConfigureAwait(false);
        return await mlflow.GetExperimentByNameAsync(name, async, cancellationToken).ConfigureAwait(false) is { } experiment ? ToRecord(experiment) : null;
    }

    public override async IAsyncEnumerable<ExperimentRecord> ListAsync(bool includeArchived,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        bool async = !SynchronousCall.IsActive;
        MlflowClient mlflow = await _client.GetMlflowAsync(async, cancellationToken).ConfigureAwait(false);
        await foreach (MlflowExperiment experiment in mlflow.SearchExperimentsAsync(includeArchived, async, cancellationToken).ConfigureAwait(false))
        {
            yield return ToRecord(experiment);
        }
    }

    public override Task<ExperimentRecord> SetArchivedAsync(string name, bool archived, CancellationToken cancellationToken)
        => throw new UserErrorException(
            $"Experiment '{name}' is in an Azure workspace, where this SDK does not archive or reactivate experiments; archive it in the studio.")
        {
            ErrorCode = AzureMLErrorCode.NotSupported,
        };

    public override async Task<ExperimentRecord> UpdateTagsAsync(string name, IReadOnlyDictionary<string, string> set, IReadOnlyCollection<string> remove,
        CancellationToken cancellationToken)
    {
        if (remove.Count > 0)
        {
            throw new UserErrorException($"Experiment '{name}' is in an Azure workspace, whose tracking API sets experiment tags but cannot remove them.")
            {
                ErrorCode = AzureMLErrorCode.NotSupported,
            };
        }

        bool async = !SynchronousCall.IsActive;
        MlflowClient mlflow = await _client.GetMlflowAsync(async, cancellationToken).ConfigureAwait(false);
        ExperimentRecord experiment = await GetAsync(name, cancellationToken).ConfigureAwait(false) ?? await GetOrCreateAsync(name, cancellationToken).ConfigureAwait(false);
        foreach ((string key, string value) in set) await mlflow.SetExperimentTagAsync(experiment.Id, key, value, async, cancellationToken).ConfigureAwait(false);
        return await GetAsync(name, cancellationToken).ConfigureAwait(false) ?? experiment;
    }

    public static ExperimentRecord ToRecord(MlflowExperiment experiment)
        => new(experiment.ExperimentId ?? "", experiment.Name ?? "",
            experiment.CreationTime is long created ? DateTimeOffset.FromUnixTimeMilliseconds(created) : default,
            experiment.LifecycleStage == "deleted" && experiment.LastUpdateTime is long updated ? DateTimeOffset.FromUnixTimeMilliseconds(updated) : null,
            MlflowRunConverter.UserTags(MlflowRunConverter.Pairs(experiment.Tags)));
}
