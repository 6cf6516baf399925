using AzureML.Core.Backends;
using AzureML.Core.Internal;

namespace AzureML.Core;

public partial class Run
{
    /// <summary>The run's child runs, oldest first.</summary>
    /// <param name="recursive">Also the children's children.</param>
    public virtual IReadOnlyList<Run> GetChildren(bool recursive = false) => SynchronousCall.Run(() => GetChildrenAsync(recursive));

    /// <inheritdoc cref="GetChildren"/>
    /// <param name="recursive">Also the children's children.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public virtual async Task<IReadOnlyList<Run>> GetChildrenAsync(bool recursive = false, CancellationToken cancellationToken = default)
    {
        var result = new List<Run>();
        var pending = new Queue<string>(new[] { Id });
        while (pending.Count > 0)
        {
            IReadOnlyList<RunRecord> children = await Workspace.Backend.Runs.ListAsync(
                new RunQuery { ParentRunId = pending.Dequeue(), IncludeChildren = true }, cancellationToken).ToListAsync(cancellationToken).ConfigureAwait(false);
            foreach (RunRecord child in children.OrderBy(c => c.Number))
            {
                result.Add(FromRecord(Workspace, child));
                if (recursive) pending.Enqueue(child.RunId);
            }
        }

        return result;
    }

    /// <summary>Creates a child run in <c>Running</c>, to log to and end with <see cref="Complete"/>.</summary>
    /// <param name="name">An optional display name.</param>
    /// <param name="runId">An optional run id; default generated.</param>
    public virtual Run Child(string? name = null, string? runId = null) => SynchronousCall.Run(() => ChildAsync(name, runId));

    /// <inheritdoc cref="Child"/>
    /// <param name="name">An optional display name.</param>
    /// <param name="runId">An optional run id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public virtual async Task<Run> ChildAsync(string? name = null, string? runId = null, CancellationToken cancellationToken = default)
    {
        RunRecord record = await Workspace.Backend.Runs.CreateAsync(new RunCreateRequest
        {
            ExperimentName = _record.ExperimentName,
            RunId = runId,
            DisplayName = name,
            ParentRunId = Id,
            RunType = "azureml.childrun",
            Target = _record.Target,
        }, cancellationToken).ConfigureAwait(false);
        record = await Workspace.Backend.Runs.SetStatusAsync(record.RunId, RunStatus.Running, null, cancellationToken).ConfigureAwait(false);
        return FromRecord(Workspace, record);
    }

    /// <summary>Creates several child runs at once.</summary>
    /// <param name="count">How many; ignored when <paramref name="tagValues"/> is given.</param>
    /// <param name="tagKey">A tag key to put on each child.</param>
    /// <param name="tagValues">One child per value, tagged <paramref name="tagKey"/> = value.</param>
    public virtual IReadOnlyList<Run> CreateChildren(int? count = null, string? tagKey = null, IEnumerable<string>? tagValues = null)
    {
        List<string?> values = tagValues?.Select(v => (string?)v).ToList() ?? Enumerable.Repeat<string?>(null, count ?? 1).ToList();
        if (tagValues is not null && tagKey is null) throw new UserErrorException("CreateChildren: tagValues needs a tagKey.");
        var children = new List<Run>();
        foreach (string? value in values)
        {
            Run child = Child();
            if (tagKey is not null) child.Tag(tagKey, value);
            children.Add(child);
        }

        return children;
    }
}
