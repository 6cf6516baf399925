using System.Globalization;
using AzureML.Core;
using AzureML.Core.Backends;
using AzureML.Core.Internal;
using AzureML.Train.AutoML.Local;

namespace AzureML.Train.AutoML;

/// <summary>
/// An AutoML experiment run: the parent of its iterations (<c>&lt;id&gt;_0</c>, <c>_1</c>, …, after <c>&lt;id&gt;_setup</c>),
/// each a child run with its algorithm, hyperparameters, metrics and <c>outputs/model.onnx</c>. Returned by
/// <c>experiment.Submit(automlConfig)</c>. Mirrors azureml's <c>AutoMLRun</c>.
/// </summary>
public partial class AutoMLRun : Run
{
    /// <summary>Gets an existing AutoML run (azureml's <c>AutoMLRun(experiment, run_id)</c>).</summary>
    /// <param name="experiment">The experiment the run belongs to.</param>
    /// <param name="runId">The parent run's id.</param>
    /// <exception cref="UserErrorException">The run is not an AutoML run.</exception>
    /// <exception cref="RunNotFoundException">No run has this id.</exception>
    public AutoMLRun(Experiment experiment, string runId)
        : this(Argument.NotNull(experiment, nameof(experiment)).Workspace,
            experiment.Workspace.Backend.Jobs.GetAsync(Argument.NotNullOrEmpty(runId, nameof(runId)), CancellationToken.None).EnsureCompleted())
    {
        if (Type != AutoMLConfig.RunType) throw new UserErrorException($"Run '{runId}' is a {Type} run, not an AutoML run.");
    }

    internal AutoMLRun(Workspace workspace, RunRecord record)
        : base(workspace, record)
    {
    }

    /// <summary>For mocking.</summary>
    protected AutoMLRun()
    {
    }

    /// <summary>The metric iterations are ranked by.</summary>
    public virtual string PrimaryMetric => Properties.GetValueOrDefault("primary_metric", "");

    /// <summary>Cancels the experiment: the runner stops at once and every iteration still running ends <c>Canceled</c>.</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    public override async Task CancelAsync(CancellationToken cancellationToken = default)
    {
        await base.CancelAsync(cancellationToken).ConfigureAwait(false);
        await SettleChildrenAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The iteration runs (not the setup run), in iteration order.</summary>
    internal async Task<IReadOnlyList<Run>> IterationsAsync(CancellationToken cancellationToken)
    {
        IReadOnlyList<Run> children = await GetChildrenAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        return children.Where(c => c.Properties.ContainsKey(ChildRunContract.Iteration))
            .OrderBy(c => int.Parse(c.Properties[ChildRunContract.Iteration], CultureInfo.InvariantCulture))
            .ToList();
    }

    /// <summary>
    /// Iterations still marked running under a parent that has ended were stopped with it (the runner was canceled
    /// or died): they end <c>Canceled</c>, so nobody waits for them.
    /// </summary>
    internal async Task SettleChildrenAsync(CancellationToken cancellationToken)
    {
        if (!(await GetStatusAsync(cancellationToken).ConfigureAwait(false)).IsTerminal) return;
        foreach (Run child in await GetChildrenAsync(cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            if (!child.Status.IsTerminal)
            {
                await Workspace.Backend.Runs.SetStatusAsync(child.Id, RunStatus.Canceled, null, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <inheritdoc />
    public override string ToString() => $"AutoMLRun(Experiment: {Experiment.Name}, Id: {Id}, Status: {Status}, PrimaryMetric: {PrimaryMetric})";
}
