namespace AzureML.Core.Backends;

/// <summary>A registered environment version; <see cref="DefinitionJson"/> is the <c>azureml_environment.json</c> form.</summary>
internal sealed record EnvironmentRecord(string Name, string Version, string DefinitionJson, DateTimeOffset CreatedTime);
