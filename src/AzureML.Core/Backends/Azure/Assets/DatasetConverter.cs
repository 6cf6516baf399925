using AzureML.Core.Backends.Azure.Rest;
using AzureML.Core.Data;

namespace AzureML.Core.Backends.Azure.Assets;

/// <summary>
/// <see cref="DatasetRegistration"/>/<see cref="DatasetRecord"/> ↔ data version DTO: a dataset is a <c>uri_file</c>
/// (one file) or a <c>uri_folder</c>; the SDK's definition (sources, parsing, steps, tabular or file) rides along in
/// properties. An <c>mltable</c> would need an MLTable file beside the data, which azureml-core datasets do not have.
/// </summary>
internal static class DatasetConverter
{
    public static ArmResource<DataVersionProperties> ToResource(DatasetRegistration registration, string dataUri, bool singleFile)
    {
        var properties = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            [AssetProperties.DatasetType] = registration.DatasetType,
            [AssetProperties.DatasetDefinition] = registration.DefinitionJson,
        };
        return new ArmResource<DataVersionProperties>
        {
            Properties = new DataVersionProperties
            {
                DataType = singleFile ? "uri_file" : "uri_folder",
                DataUri = dataUri,
                Description = registration.Description,
                Tags = ArmValues.ToService(registration.Tags),
                Properties = properties,
            },
        };
    }

    public static DatasetRecord ToRecord(string name, ArmResource<DataVersionProperties> resource)
    {
        DataVersionProperties p = resource.Properties ?? new DataVersionProperties();
        var props = ArmValues.ToRecord(p.Properties);
        string type = props.TryGetValue(AssetProperties.DatasetType, out string? t) ? t : p.DataType == "mltable" ? DatasetDefinition.TabularType : DatasetDefinition.FileType;
        string definition = props.TryGetValue(AssetProperties.DatasetDefinition, out string? d) ? d : DefinitionFromUri(type, p.DataUri);
        return new DatasetRecord(resource.Id ?? $"{name}:{resource.Name}", name, ArmValues.IntVersion(resource.Name) ?? 0, type, definition,
            p.Description, ArmValues.ToRecord(p.Tags), resource.SystemData?.CreatedAt ?? default);
    }

    /// <summary>A data asset registered by other tools has only its URI; it becomes a one-source definition.</summary>
    private static string DefinitionFromUri(string type, string? uri) => new DatasetDefinition
    {
        DatasetType = type,
        Sources = [new DatasetSource { Kind = DatasetSource.UrlKind, Path = uri }],
    }.ToJson();
}
