using System.Globalization;
using AzureML.Core.Backends.Azure.Assets;
using AzureML.Core.Backends.Azure.Rest;
using AzureML.Core.Backends.Azure.Tracking;
using AzureML.Core.Internal;

namespace AzureML.Core.Backends.Azure.Jobs;

/// <summary>
/// Submits script runs as command jobs: the source folder becomes a code asset, the environment a workspace
/// environment version (or a curated one's registry id), the datasets job inputs; then <c>PUT jobs/{runId}</c>, which
/// starts it. Waiting streams the job's primary log as azure-ai-ml does.
/// </summary>
internal sealed class AzureJobLauncher : JobLauncher
{
    private static readonly TimeSpan s_minLogInterval = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan s_maxLogInterval = TimeSpan.FromSeconds(60);
    private readonly AzureWorkspaceClient _client;
    private readonly AzureRunStore _runs;
    private readonly AzureEnvironmentStore _environments;
    private readonly AzureDatasetStore _datasets;
    private readonly CodeUploader _code;

    public AzureJobLauncher(AzureWorkspaceClient client, AzureRunStore runs, AzureEnvironmentStore environments, AzureDatasetStore datasets, CodeUploader code)
    {
        _client = client;
        _runs = runs;
        _environments = environments;
        _datasets = datasets;
        _code = code;
    }

    /// <summary>The environment a run without one gets: the SDK's default image and Python, registered once per workspace.</summary>
    public const string DefaultEnvironmentName = "azureml-sdk-default";

    public override async Task<RunRecord> SubmitAsync(JobSubmission submission, CancellationToken cancellationToken)
    {
        bool async = !SynchronousCall.IsActive;
        if (string.Equals(submission.Target, "local", StringComparison.OrdinalIgnoreCase))
        {
            throw new UserErrorException(
                $"Workspace '{_client.Scope.WorkspaceName}' is an Azure workspace, where runs execute on compute targets. Set RunConfig.Target to a cluster " +
                "(ComputeTarget.Create(ws, \"cpu-cluster\", AmlCompute.ProvisioningConfiguration(...)) makes one).")
            {
                ErrorCode = AzureMLErrorCode.NotSupported,
            };
        }

        if (await _client.Computes.GetAsync(submission.Target, async, cancellationToken).ConfigureAwait(false) is null) throw ComputeStore.NotFound(submission.Target);
        if (submission.Script is not null && !File.Exists(Path.Combine(submission.SourceDirectory, submission.Script)))
        {
            throw new UserErrorException($"The script '{submission.Script}' does not exist in the source directory '{submission.SourceDirectory}'.");
        }

        var inputs = new Dictionary<string, JobInput>(StringComparer.Ordinal);
        foreach ((string name, DatasetInput input) in submission.DatasetInputs)
        {
            inputs[name] = await _datasets.ToJobInputAsync(input, cancellationToken).ConfigureAwait(false);
        }

        string codeId = await _code.UploadAsync(submission.SourceDirectory, submission.SnapshotLimits, async, cancellationToken).ConfigureAwait(false);
        string environmentId = await _environments.IdOfAsync(submission.Environment ?? new Environment(DefaultEnvironmentName), DefaultEnvironmentName, cancellationToken)
            .ConfigureAwait(false);
        string runId = NewRunId(submission.ExperimentName);
        ArmResource<JobProperties> job = await _client.Jobs.CreateOrUpdateAsync(runId,
            JobConverter.ToCommandJob(submission, codeId, environmentId, _client.Scope.ComputeId(submission.Target), inputs, JobConverter.Distribution(submission)),
            async, cancellationToken).ConfigureAwait(false);
        return JobConverter.ToRecord(job);
    }

    public override Task<RunRecord> GetAsync(string runId, CancellationToken cancellationToken) => _runs.GetAsync(runId, cancellationToken);

    /// <summary>Asks the service to cancel the job and waits until it has ended.</summary>
    public override async Task CancelAsync(string runId, CancellationToken cancellationToken)
    {
        bool async = !SynchronousCall.IsActive;
        RunRecord run = await _runs.GetAsync(runId, cancellationToken).ConfigureAwait(false);
        if (new RunStatus(run.Status).IsTerminal) return;
        if (await _client.Jobs.GetAsync(runId, async, cancellationToken).ConfigureAwait(false) is null)
        {
            await _runs.SetStatusAsync(runId, RunStatus.Canceled, null, cancellationToken).ConfigureAwait(false);
            return;
        }

        await _client.Jobs.CancelAsync(runId, async, cancellationToken).ConfigureAwait(false);
        while (!new RunStatus((await _runs.GetAsync(runId, cancellationToken).ConfigureAwait(false)).Status).IsTerminal)
        {
            await _client.Pipelines.Options.Clock.WaitAsync(_client.Pipelines.Options.PollingInterval, async, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Follows the job with run history, printing each new line of its primary log when <paramref name="output"/> is given.</summary>
    public override async Task<RunRecord> WaitForCompletionAsync(string runId, Action<string>? output, CancellationToken cancellationToken)
    {
        bool async = !SynchronousCall.IsActive;
        RunHistoryClient history = await _client.GetRunHistoryAsync(async, cancellationToken).ConfigureAwait(false);
        var streamer = new RunLogStreamer(history, _client.Pipelines.Options.Clock, s_minLogInterval, s_maxLogInterval);
        await streamer.StreamAsync(runId, output ?? (_ => { }), async, cancellationToken).ConfigureAwait(false);
        return await _runs.GetAsync(runId, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>azureml-core's run id form: <c>{experiment}_{unix seconds}_{8 hex}</c>.</summary>
    private static string NewRunId(string experiment)
        => $"{experiment}_{DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture)}_{Guid.NewGuid().ToString("N")[..8]}";
}
