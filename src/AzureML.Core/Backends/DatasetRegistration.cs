namespace AzureML.Core.Backends;

/// <summary>What <see cref="DatasetStore.RegisterAsync"/> is asked to register.</summary>
internal sealed record DatasetRegistration(
    string Name,
    string DatasetType,
    string DefinitionJson,
    string? Description,
    IReadOnlyDictionary<string, string> Tags,
    bool CreateNewVersion);
