namespace AzureML.Core.Backends.Local;

/// <summary>What a run's process gets for its dataset inputs: arguments with placeholders replaced, and variables to set.</summary>
/// <param name="Arguments">The script arguments, placeholders replaced by paths.</param>
/// <param name="EnvironmentVariables">The variables to set for the script.</param>
/// <param name="PythonModules">Modules a Python script needs to use its inputs (pandas for tabular datasets).</param>
internal sealed record DatasetInputsResult(IReadOnlyList<string> Arguments, IReadOnlyDictionary<string, string> EnvironmentVariables, IReadOnlyList<string> PythonModules);
