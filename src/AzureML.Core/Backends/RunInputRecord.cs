namespace AzureML.Core.Backends;

/// <summary>A dataset a run received: the input name, the dataset id (when registered), how and where.</summary>
internal sealed record RunInputRecord(string Name, string? DatasetId, string Mechanism, string Path);
