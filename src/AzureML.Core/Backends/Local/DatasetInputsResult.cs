namespace AzureML.Core.Backends.Local;

/// <summary>What a run's process gets for its dataset inputs: arguments with placeholders replaced, and variables to set.</summary>
internal sealed record DatasetInputsResult(IReadOnlyList<string> Arguments, IReadOnlyDictionary<string, string> EnvironmentVariables);
