namespace AzureML.Core;

/// <summary>One step of a run's status history.</summary>
/// <param name="Status">The status entered.</param>
/// <param name="Time">When it was entered (UTC).</param>
public sealed record RunStatusChange(RunStatus Status, DateTimeOffset Time);
