using Azure;
using Azure.Core;
using AzureML.Core.Backends.Azure.Rest;

namespace AzureML.Core.Backends.Azure.Jobs;

/// <summary>
/// <c>{ws}/jobs</c>: create (synchronous; the job starts when it is created), get, list and cancel
/// (<c>final-state-via: location</c>). The job name is the run id of run history and MLflow.
/// </summary>
internal sealed class JobRestClient : ArmRestClient
{
    public JobRestClient(AzureMLPipelines pipelines, WorkspaceScope scope) : base(pipelines, scope.ResourceId, scope.WorkspaceName) { }

    internal HttpMessage CreateGetRequest(string id) => CreateRequest(RequestMethod.Get, ScopedUri("jobs", id));

    internal HttpMessage CreateCreateOrUpdateRequest(string id, ArmResource<JobProperties> body)
    {
        HttpMessage message = CreateRequest(RequestMethod.Put, ScopedUri("jobs", id));
        RestCall.SetJson(message, body, ArmJsonContext.Default.ArmResourceJobProperties);
        return message;
    }

    internal HttpMessage CreateListRequest(JobListOptions? options)
    {
        RequestUriBuilder uri = ScopedUri("jobs");
        if (options?.JobType is { } type) uri.AppendQuery("jobType", type, escapeValue: true);
        if (options?.Tag is { } tag) uri.AppendQuery("tag", tag, escapeValue: true);
        if (options?.ListViewType is { } view) uri.AppendQuery("listViewType", view, escapeValue: true);
        return CreateRequest(RequestMethod.Get, uri);
    }

    internal HttpMessage CreateCancelRequest(string id) => CreateRequest(RequestMethod.Post, ScopedUri("jobs", id, "cancel"));

    /// <summary>Creates the job, which starts it.</summary>
    public ValueTask<ArmResource<JobProperties>> CreateOrUpdateAsync(string id, ArmResource<JobProperties> body, bool async, CancellationToken cancellationToken)
        => SendAsync(CreateCreateOrUpdateRequest(id, body), ArmJsonContext.Default.ArmResourceJobProperties, "create", Ref(id), async, cancellationToken);

    /// <summary>The job with its status, or <c>null</c> when there is none with that id.</summary>
    public ValueTask<ArmResource<JobProperties>?> GetAsync(string id, bool async, CancellationToken cancellationToken)
        => GetOrNullAsync(CreateGetRequest(id), ArmJsonContext.Default.ArmResourceJobProperties, Ref(id), async, cancellationToken);

    /// <summary>The workspace's jobs, page by page.</summary>
    public ArmPager<ArmResource<JobProperties>> List(JobListOptions? options = null)
        => Pager(() => CreateListRequest(options), ArmJsonContext.Default.ArmListArmResourceJobProperties, Ref("*"));

    /// <summary>Asks the service to cancel the job and waits until it has accepted; the job then moves to <c>Canceled</c>.</summary>
    public async ValueTask CancelAsync(string id, bool async, CancellationToken cancellationToken)
        => await StartOperationAsync(CreateCancelRequest(id), FinalStateVia.Location, "cancel", Ref(id), async, cancellationToken).ConfigureAwait(false);

    private static ArmResourceRef Ref(string id) => new(ArmResourceKind.Job, id);
}
