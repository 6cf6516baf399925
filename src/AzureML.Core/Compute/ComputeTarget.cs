using AzureML.Core.Backends;
using AzureML.Core.Internal;

namespace AzureML.Core.Compute;

/// <summary>
/// A place runs execute: a cluster (<see cref="AmlCompute"/>) or a single machine
/// (<see cref="ComputeInstance"/>). Mirrors <c>azureml.core.ComputeTarget</c>. On a local workspace a
/// target is a pool of node slots on this machine: runs that target it wait in <c>Queued</c> while every
/// slot is busy.
/// </summary>
/// <remarks>
/// azureml-core's <c>ComputeTarget(workspace, name)</c> returns the right subclass; a C# constructor cannot,
/// so that is <see cref="Get(Workspace, string)"/>, while <c>new AmlCompute(ws, name)</c> works as in Python.
/// </remarks>
public abstract class ComputeTarget
{
    private static readonly TimeSpan s_nodePollInterval = TimeSpan.FromMilliseconds(500);

    private protected ComputeTarget(Workspace workspace, ComputeRecord record)
    {
        Workspace = workspace;
        Record = record;
    }

    /// <summary>For mocking.</summary>
    protected ComputeTarget()
    {
        Workspace = null!;
        Record = null!;
    }

    private protected ComputeRecord Record { get; set; }

    /// <summary>The workspace the target belongs to.</summary>
    public virtual Workspace Workspace { get; }

    /// <summary>The target's name.</summary>
    public virtual string Name => Record.Name;

    /// <summary>The compute type as the service names it: <c>AmlCompute</c> or <c>ComputeInstance</c>.</summary>
    public virtual string Type => Record.ComputeType;

    /// <summary>The region the target lives in (<c>local</c> on a local workspace).</summary>
    public virtual string? Location => Record.Location;

    /// <summary>The description given at creation.</summary>
    public virtual string? Description => Record.Description;

    /// <summary>The tags given at creation.</summary>
    public virtual IReadOnlyDictionary<string, string> Tags => Record.Tags;

    /// <summary>The provisioning state as last read: <c>Creating</c>, <c>Succeeded</c>, <c>Failed</c>….</summary>
    public virtual string ProvisioningState => Record.ProvisioningState;

    /// <summary>The VM size of each node.</summary>
    public virtual string VmSize => Record.VmSize;

    /// <summary>
    /// Creates a compute target. The call returns once the service accepted it; call
    /// <see cref="WaitForCompletion(bool, int?, int)"/> to wait for provisioning to finish.
    /// </summary>
    /// <param name="workspace">The workspace.</param>
    /// <param name="name">The target's name, unique in the workspace.</param>
    /// <param name="provisioningConfiguration">What to create, from <see cref="AmlCompute.ProvisioningConfiguration"/> or <see cref="ComputeInstance.ProvisioningConfiguration"/>.</param>
    /// <returns>An <see cref="AmlCompute"/> or <see cref="ComputeInstance"/>.</returns>
    /// <exception cref="ComputeTargetException">The name is invalid or taken, the VM size is unknown, or the scale settings are inconsistent.</exception>
    public static ComputeTarget Create(Workspace workspace, string name, ComputeTargetProvisioningConfiguration provisioningConfiguration)
        => SynchronousCall.Run(() => CreateAsync(workspace, name, provisioningConfiguration));

    /// <inheritdoc cref="Create(Workspace, string, ComputeTargetProvisioningConfiguration)"/>
    /// <param name="workspace">The workspace.</param>
    /// <param name="name">The target's name, unique in the workspace.</param>
    /// <param name="provisioningConfiguration">What to create.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public static async Task<ComputeTarget> CreateAsync(Workspace workspace, string name, ComputeTargetProvisioningConfiguration provisioningConfiguration,
        CancellationToken cancellationToken = default)
    {
        Argument.NotNull(workspace, nameof(workspace));
        Argument.NotNull(name, nameof(name));
        Argument.NotNull(provisioningConfiguration, nameof(provisioningConfiguration));
        ComputeRecord record = provisioningConfiguration.ToRecord(name, workspace.Location);
        record = await workspace.Backend.Compute.CreateAsync(record, cancellationToken).ConfigureAwait(false);
        return FromRecord(workspace, record);
    }

    /// <summary>Returns the target called <paramref name="name"/> as its own type (Python's <c>ComputeTarget(workspace, name)</c>).</summary>
    /// <param name="workspace">The workspace.</param>
    /// <param name="name">The target's name.</param>
    /// <exception cref="ComputeTargetException">No target has that name (<see cref="AzureMLException.ErrorCode"/> <see cref="AzureMLErrorCode.ResourceNotFound"/>).</exception>
    public static ComputeTarget Get(Workspace workspace, string name) => SynchronousCall.Run(() => GetAsync(workspace, name));

    /// <inheritdoc cref="Get(Workspace, string)"/>
    /// <param name="workspace">The workspace.</param>
    /// <param name="name">The target's name.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public static async Task<ComputeTarget> GetAsync(Workspace workspace, string name, CancellationToken cancellationToken = default)
        => FromRecord(workspace, await LoadAsync(workspace, name, cancellationToken).ConfigureAwait(false));

    /// <summary>Every compute target of the workspace, by name (this machine's <c>local</c> is not one of them).</summary>
    /// <param name="workspace">The workspace.</param>
    public static IReadOnlyList<ComputeTarget> List(Workspace workspace) => SynchronousCall.Run(() => ListAsync(workspace));

    /// <inheritdoc cref="List(Workspace)"/>
    /// <param name="workspace">The workspace.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public static async Task<IReadOnlyList<ComputeTarget>> ListAsync(Workspace workspace, CancellationToken cancellationToken = default)
    {
        Argument.NotNull(workspace, nameof(workspace));
        IReadOnlyList<ComputeRecord> records = await workspace.Backend.Compute.ListAsync(cancellationToken).ToListAsync(cancellationToken).ConfigureAwait(false);
        return records.Select(r => FromRecord(workspace, r)).ToList();
    }

    /// <summary>
    /// Waits until provisioning has finished and, with <paramref name="minNodeCount"/>, until at least that
    /// many nodes are allocated.
    /// </summary>
    /// <param name="showOutput">Print the provisioning state and node counts to the console.</param>
    /// <param name="minNodeCount">Also wait until this many nodes are allocated.</param>
    /// <param name="timeoutInMinutes">Give up after this long.</param>
    /// <exception cref="ComputeTargetException">Provisioning failed, or the wait timed out.</exception>
    public virtual void WaitForCompletion(bool showOutput = false, int? minNodeCount = null, int timeoutInMinutes = 25)
        => SynchronousCall.Run(() => WaitForCompletionAsync(showOutput, minNodeCount, timeoutInMinutes));

    /// <inheritdoc cref="WaitForCompletion(bool, int?, int)"/>
    /// <param name="showOutput">Print the provisioning state and node counts to the console.</param>
    /// <param name="minNodeCount">Also wait until this many nodes are allocated.</param>
    /// <param name="timeoutInMinutes">Give up after this long.</param>
    /// <param name="cancellationToken">Stops waiting (provisioning goes on).</param>
    public virtual Task WaitForCompletionAsync(bool showOutput = false, int? minNodeCount = null, int timeoutInMinutes = 25, CancellationToken cancellationToken = default)
        => WaitForCompletionAsync(showOutput ? Console.Out.WriteLine : null, minNodeCount, timeoutInMinutes, cancellationToken);

    /// <summary>
    /// Waits as <see cref="WaitForCompletion(bool, int?, int)"/> does, sending each progress line to
    /// <paramref name="output"/> (for notebooks and loggers that are not the console).
    /// </summary>
    /// <param name="output">Receives each progress line.</param>
    /// <param name="minNodeCount">Also wait until this many nodes are allocated.</param>
    /// <param name="timeoutInMinutes">Give up after this long.</param>
    /// <param name="cancellationToken">Stops waiting (provisioning goes on).</param>
    /// <exception cref="ComputeTargetException">Provisioning failed, <paramref name="minNodeCount"/> exceeds the node limit, or the wait timed out.</exception>
    public virtual async Task WaitForCompletionAsync(Action<string>? output, int? minNodeCount = null, int timeoutInMinutes = 25, CancellationToken cancellationToken = default)
    {
        DateTimeOffset deadline = DateTimeOffset.UtcNow.AddMinutes(timeoutInMinutes);
        await RefreshStateAsync(cancellationToken).ConfigureAwait(false);
        while (!IsProvisioningFinished(ProvisioningState))
        {
            output?.Invoke($"{ProvisioningState}..");
            ThrowIfPast(deadline, timeoutInMinutes, $"provisioning is still {ProvisioningState}");
            await Workspace.Backend.WaitToPollAsync(s_nodePollInterval, cancellationToken).ConfigureAwait(false);
            await RefreshStateAsync(cancellationToken).ConfigureAwait(false);
        }

        output?.Invoke($"Provisioning operation finished, operation \"{ProvisioningState}\"");
        if (ProvisioningState != "Succeeded")
        {
            throw new ComputeTargetException($"'{Name}' ended provisioning as {ProvisioningState}.") { ErrorCode = AzureMLErrorCode.OperationFailed };
        }

        if (minNodeCount is int wanted)
        {
            if (wanted > Record.MaxNodes)
            {
                throw new ComputeTargetException($"minNodeCount {wanted} can never be reached: '{Name}' has at most {Record.MaxNodes} nodes (maxNodes).");
            }

            ComputeNodeCounts counts = await Workspace.Backend.Compute.GetNodeCountsAsync(Name, cancellationToken).ConfigureAwait(false);
            while (counts.Current < wanted)
            {
                ThrowIfPast(deadline, timeoutInMinutes, $"{counts.Current} of the {wanted} requested nodes are allocated");
                await Workspace.Backend.WaitToPollAsync(s_nodePollInterval, cancellationToken).ConfigureAwait(false);
                counts = await Workspace.Backend.Compute.GetNodeCountsAsync(Name, cancellationToken).ConfigureAwait(false);
            }

            output?.Invoke("Minimum number of nodes requested have been provisioned");
        }

        ComputeNodeCounts final = await Workspace.Backend.Compute.GetNodeCountsAsync(Name, cancellationToken).ConfigureAwait(false);
        output?.Invoke($"{Type} '{Name}': {Record.VmSize}, nodes {final.Current} (running {final.Running}, idle {final.Idle}), scale {Record.MinNodes}–{Record.MaxNodes}");
        output?.Invoke($"{Type} wait for completion finished");
    }

    /// <summary>Reads the target's state from the workspace again.</summary>
    public virtual void RefreshState() => SynchronousCall.Run(() => RefreshStateAsync());

    /// <inheritdoc cref="RefreshState"/>
    /// <param name="cancellationToken">Cancels the call.</param>
    public virtual async Task RefreshStateAsync(CancellationToken cancellationToken = default)
        => Record = await LoadAsync(Workspace, Name, cancellationToken).ConfigureAwait(false);

    /// <summary>
    /// Deletes the target; a no-op when it is already gone. On a local workspace a target that runs use or
    /// wait for is not deleted: cancel or finish those runs first.
    /// </summary>
    /// <exception cref="ComputeTargetException">Runs still use or wait for the target.</exception>
    public virtual void Delete() => SynchronousCall.Run(() => DeleteAsync());

    /// <inheritdoc cref="Delete"/>
    /// <param name="cancellationToken">Cancels the call.</param>
    public virtual Task DeleteAsync(CancellationToken cancellationToken = default) => Workspace.Backend.Compute.DeleteAsync(Name, cancellationToken);

    /// <inheritdoc />
    public override string ToString() => $"{Type}(workspace={Workspace.Name}, name={Name}, provisioning_state={ProvisioningState})";

    internal static ComputeTarget FromRecord(Workspace workspace, ComputeRecord record) => record.ComputeType switch
    {
        AmlCompute.ComputeType => new AmlCompute(workspace, record),
        ComputeInstance.ComputeType => new ComputeInstance(workspace, record),
        _ => throw new ComputeTargetException($"The compute target '{record.Name}' has the type '{record.ComputeType}', which this SDK does not support."),
    };

    /// <summary>Reads the record of <paramref name="name"/>, checking it has <paramref name="expectedType"/> when given.</summary>
    private protected static async Task<ComputeRecord> LoadAsync(Workspace workspace, string name, CancellationToken cancellationToken, string? expectedType = null)
    {
        Argument.NotNull(workspace, nameof(workspace));
        Argument.NotNullOrEmpty(name, nameof(name));
        ComputeRecord record = await workspace.Backend.Compute.GetAsync(name, cancellationToken).ConfigureAwait(false) ?? throw ComputeStore.NotFound(name);
        if (expectedType is not null && record.ComputeType != expectedType)
        {
            throw new ComputeTargetException($"The compute target '{record.Name}' is a {record.ComputeType}, not a {expectedType}; open it with ComputeTarget.Get(ws, \"{record.Name}\").");
        }

        return record;
    }

    private static bool IsProvisioningFinished(string state) => state is "Succeeded" or "Failed" or "Canceled";

    private void ThrowIfPast(DateTimeOffset deadline, int timeoutInMinutes, string situation)
    {
        if (DateTimeOffset.UtcNow > deadline)
        {
            throw new ComputeTargetException($"Waiting for '{Name}' timed out after {timeoutInMinutes} minutes: {situation}.") { ErrorCode = AzureMLErrorCode.OperationTimedOut };
        }
    }
}
