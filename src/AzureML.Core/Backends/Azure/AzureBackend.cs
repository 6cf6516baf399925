using AzureML.Core.Backends.Azure.Assets;
using AzureML.Core.Backends.Azure.Compute;
using AzureML.Core.Backends.Azure.Datastores;
using AzureML.Core.Backends.Azure.Endpoints;
using AzureML.Core.Backends.Azure.Jobs;
using AzureML.Core.Backends.Azure.Tracking;
using AzureML.Core.Internal;

namespace AzureML.Core.Backends.Azure;

/// <summary>
/// An Azure Machine Learning workspace behind the seam: every store over the workspace's REST clients, so every
/// call goes through the pipelines built from the caller's <see cref="AzureMLClientOptions"/>. Creating it sends
/// nothing; the workspace is read when a store first needs its region or its data-plane hosts.
/// </summary>
internal sealed class AzureBackend : WorkspaceBackend
{
    private readonly AzureWorkspaceClient _client;

    public AzureBackend(AzureWorkspaceClient client)
    {
        _client = client;
        var code = new CodeUploader(client);
        var datastores = new AzureDatastoreStore(client);
        var experiments = new AzureExperimentStore(client);
        var environments = new AzureEnvironmentStore(client);
        var runs = new AzureRunStore(client, experiments);
        var artifacts = new AzureArtifactStore(datastores, client.Blobs);
        var datasets = new AzureDatasetStore(client);
        Experiments = experiments;
        Runs = runs;
        Artifacts = artifacts;
        Environments = environments;
        Jobs = new AzureJobLauncher(client, runs, environments, datasets, code);
        Models = new AzureModelStore(client, datastores, artifacts);
        Compute = new AzureComputeStore(client);
        Datastores = datastores;
        Datasets = datasets;
        Deployments = new AzureDeploymentStore(client, environments, code);
    }

    public override ExperimentStore Experiments { get; }
    public override RunStore Runs { get; }
    public override ArtifactStore Artifacts { get; }
    public override EnvironmentStore Environments { get; }
    public override JobLauncher Jobs { get; }
    public override ModelStore Models { get; }
    public override ComputeStore Compute { get; }
    public override DatastoreStore Datastores { get; }
    public override DatasetStore Datasets { get; }
    public override DeploymentStore Deployments { get; }
    public override string Kind => "azure";

    /// <summary>Waits the options' polling interval on their clock: the service changes in seconds, not in the local interval's milliseconds.</summary>
    public override async Task WaitToPollAsync(TimeSpan localInterval, CancellationToken cancellationToken)
        => await _client.Pipelines.Options.Clock.WaitAsync(_client.Pipelines.Options.PollingInterval, !SynchronousCall.IsActive, cancellationToken).ConfigureAwait(false);

    /// <summary>Fetches through the workspace's anonymous pipeline: the caller's transport, proxy and retries, no token sent to a third party.</summary>
    public override async Task<Stream> OpenUrlAsync(Uri url, CancellationToken cancellationToken)
        => await _client.Web.OpenAsync(url, !SynchronousCall.IsActive, cancellationToken).ConfigureAwait(false);
}
