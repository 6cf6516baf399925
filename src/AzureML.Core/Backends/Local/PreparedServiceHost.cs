namespace AzureML.Core.Backends.Local;

/// <summary>A laid-out service generation and the command that starts its host.</summary>
internal sealed record PreparedServiceHost(LocalServiceLayout Layout, string Program, IReadOnlyList<string> Arguments, IReadOnlyDictionary<string, string> Variables);
