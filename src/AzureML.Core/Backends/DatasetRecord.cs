namespace AzureML.Core.Backends;

/// <summary>A registered dataset version; <see cref="DefinitionJson"/> says where its data is and how it is read.</summary>
internal sealed record DatasetRecord(
    string Id,
    string Name,
    long Version,
    string DatasetType,
    string DefinitionJson,
    string? Description,
    IReadOnlyDictionary<string, string> Tags,
    DateTimeOffset CreatedTime);
