namespace AzureML.Core;

/// <summary>What <see cref="Run.GetDetails()"/> returns: the run's definition, timing, status and error.</summary>
public sealed class RunDetails
{
    internal RunDetails() { }

    /// <summary>The run id.</summary>
    public string RunId { get; internal init; } = "";

    /// <summary>The compute target the run used (<c>local</c> for this machine).</summary>
    public string? Target { get; internal init; }

    /// <summary>The status when the details were read.</summary>
    public RunStatus Status { get; internal init; }

    /// <summary>When the script started.</summary>
    public DateTimeOffset? StartTimeUtc { get; internal init; }

    /// <summary>When the run reached a terminal status.</summary>
    public DateTimeOffset? EndTimeUtc { get; internal init; }

    /// <summary>The run's properties.</summary>
    public IReadOnlyDictionary<string, string> Properties { get; internal init; } = new Dictionary<string, string>();

    /// <summary>The run's tags.</summary>
    public IReadOnlyDictionary<string, string> Tags { get; internal init; } = new Dictionary<string, string>();

    /// <summary>The run definition (script, arguments, target, environment) as JSON, when the run was submitted.</summary>
    public string? RunDefinition { get; internal init; }

    /// <summary>Names of the run's log files (artifact names under <c>logs/</c>, <c>user_logs/</c> and <c>azureml-logs/</c>).</summary>
    public IReadOnlyList<string> LogFiles { get; internal init; } = Array.Empty<string>();

    /// <summary>Every status the run went through, oldest first, with times.</summary>
    public IReadOnlyList<RunStatusChange> StatusHistory { get; internal init; } = Array.Empty<RunStatusChange>();

    /// <summary>Why the run failed or was canceled; <c>null</c> otherwise.</summary>
    public RunError? Error { get; internal init; }
}
