using AzureML.Core.Backends.Azure.Rest;
using AzureML.Core.Internal;

namespace AzureML.Core.Backends.Azure.Compute;

/// <summary>Compute targets of an Azure workspace: <c>{ws}/computes</c> (LRO pattern B).</summary>
internal sealed class AzureComputeStore : ComputeStore
{
    private readonly AzureWorkspaceClient _client;

    public AzureComputeStore(AzureWorkspaceClient client) => _client = client;

    private ComputeRestClient Computes => _client.Computes;

    /// <remarks>
    /// The service replaces a target of the same name, so the name is checked first; the call returns as soon as the
    /// service has accepted the target (<c>Creating</c>), and <c>WaitForCompletion</c> follows its provisioning.
    /// </remarks>
    public override async Task<ComputeRecord> CreateAsync(ComputeRecord compute, CancellationToken cancellationToken)
    {
        bool async = !SynchronousCall.IsActive;
        if (await Computes.GetAsync(compute.Name, async, cancellationToken).ConfigureAwait(false) is { } existing)
        {
            throw new ComputeTargetException(
                $"A compute target named '{compute.Name}' ({existing.Properties?.ComputeType}) already exists in workspace '{_client.Scope.WorkspaceName}'. " +
                $"Open it with ComputeTarget.Get(ws, \"{compute.Name}\"), or choose another name.")
            {
                ErrorCode = AzureMLErrorCode.Conflict,
                Status = 409,
            };
        }

        string? location = compute.Location ?? (await _client.GetInfoAsync(async, cancellationToken).ConfigureAwait(false)).Location;
        ArmResource<ComputeProperties> created = await Computes.CreateOrUpdateAsync(compute.Name, ComputeConverter.ToResource(compute with { Location = location }),
            async, cancellationToken, wait: false).ConfigureAwait(false);
        return ComputeConverter.ToRecord(created);
    }

    public override async Task<ComputeRecord?> GetAsync(string name, CancellationToken cancellationToken)
        => await Computes.GetAsync(name, !SynchronousCall.IsActive, cancellationToken).ConfigureAwait(false) is { } resource ? ComputeConverter.ToRecord(resource) : null;

    public override IAsyncEnumerable<ComputeRecord> ListAsync(CancellationToken cancellationToken)
        => Computes.List().EnumerateAsync(!SynchronousCall.IsActive, cancellationToken).Select(ComputeConverter.ToRecord);

    public override async Task<ComputeRecord> UpdateScaleAsync(string name, int? minNodes, int? maxNodes, int? idleSecondsBeforeScaledown, CancellationToken cancellationToken)
    {
        bool async = !SynchronousCall.IsActive;
        ArmResource<ComputeProperties> current = await Computes.GetAsync(name, async, cancellationToken).ConfigureAwait(false) ?? throw NotFound(name);
        ArmResource<ComputeProperties> updated = await Computes.UpdateAsync(name,
            ComputeConverter.ToScaleUpdate(ComputeConverter.ToRecord(current), minNodes, maxNodes, idleSecondsBeforeScaledown), async, cancellationToken).ConfigureAwait(false);
        return ComputeConverter.ToRecord(updated);
    }

    /// <remarks>The service refuses (409) while jobs run on the target; that error reaches the caller as it is.</remarks>
    public override async Task DeleteAsync(string name, CancellationToken cancellationToken)
        => await Computes.DeleteAsync(name, detach: false, !SynchronousCall.IsActive, cancellationToken).ConfigureAwait(false);

    public override async Task<ComputeNodeCounts> GetNodeCountsAsync(string name, CancellationToken cancellationToken)
        => ComputeConverter.ToNodeCounts(await Computes.GetAsync(name, !SynchronousCall.IsActive, cancellationToken).ConfigureAwait(false) ?? throw NotFound(name));
}
