using System.Text.Json;

namespace AzureML.Core.Backends.Local;

/// <summary>
/// What the supervisor of a submitted run needs to run it, kept beside the run (<c>run_processes.job</c>) so a
/// supervisor in another process, or one that takes over a run later, can carry it out. The experiment, target and
/// environment are the run record's own.
/// </summary>
internal sealed record LocalJob
{
    /// <summary>The snapshot the run's working copy is made from.</summary>
    public required string SnapshotId { get; init; }

    /// <summary>The script relative to the snapshot, or <c>null</c> when <see cref="Command"/> is set.</summary>
    public string? Script { get; init; }

    public IReadOnlyList<string> Arguments { get; init; } = Array.Empty<string>();
    public IReadOnlyList<string>? Command { get; init; }
    public int NodeCount { get; init; } = 1;
    public long? MaxRunDurationSeconds { get; init; }
    public IReadOnlyDictionary<string, DatasetInput> DatasetInputs { get; init; } = new Dictionary<string, DatasetInput>();

    public static LocalJob From(JobSubmission submission, string snapshotId) => new()
    {
        SnapshotId = snapshotId,
        Script = submission.Script,
        Arguments = submission.Arguments,
        Command = submission.Command,
        NodeCount = submission.NodeCount,
        MaxRunDurationSeconds = submission.MaxRunDurationSeconds,
        DatasetInputs = submission.DatasetInputs,
    };

    public string ToJson() => JsonSerializer.Serialize(this, Internal.SdkJsonContext.Default.LocalJob);

    public static LocalJob FromJson(string json) => JsonSerializer.Deserialize(json, Internal.SdkJsonContext.Default.LocalJob)!;
}
