namespace AzureML.Core.Backends;

/// <summary>An experiment as a backend stores it.</summary>
internal sealed record ExperimentRecord(
    string Id,
    string Name,
    DateTimeOffset CreatedTime,
    DateTimeOffset? ArchivedTime,
    IReadOnlyDictionary<string, string> Tags);
