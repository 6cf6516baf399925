namespace AzureML.Core.Backends;

/// <summary>One entry of a run's status history.</summary>
internal sealed record StatusChange(string Status, DateTimeOffset Time);
