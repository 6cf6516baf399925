using System.Text.Json;
using AzureML.Core.Backends.Azure.Rest;

namespace AzureML.Core.Backends.Azure.Assets;

/// <summary>
/// <see cref="ModelRegistration"/>/<see cref="ModelRecord"/> ↔ model version DTO. The files live under
/// <c>modelUri</c>; their relative names, the framework and the producing experiment are kept in properties.
/// </summary>
internal static class ModelConverter
{
    public static ArmResource<ModelVersionProperties> ToResource(ModelRegistration registration, string modelUri, IReadOnlyList<string> files, string? filesBase = null)
    {
        var properties = ArmValues.ToService(registration.Properties);
        if (filesBase is not null) properties[AssetProperties.ModelFilesBase] = filesBase;
        properties[AssetProperties.ModelFramework] = registration.Framework;
        if (registration.FrameworkVersion is not null) properties[AssetProperties.ModelFrameworkVersion] = registration.FrameworkVersion;
        if (registration.ExperimentName is not null) properties[AssetProperties.ModelExperimentName] = registration.ExperimentName;
        if (registration.ResourceConfiguration is not null) properties[AssetProperties.ModelResourceConfiguration] = registration.ResourceConfiguration.Serialize();
        properties[AssetProperties.ModelFiles] = JsonSerializer.Serialize(files.ToArray(), Internal.SdkJsonContext.Default.StringArray);
        return new ArmResource<ModelVersionProperties>
        {
            Properties = new ModelVersionProperties
            {
                ModelType = registration.Framework.Equals("MLflow", StringComparison.OrdinalIgnoreCase) ? "mlflow_model" : "custom_model",
                ModelUri = modelUri,
                JobName = registration.RunId,
                Description = registration.Description,
                Tags = ArmValues.ToService(registration.Tags),
                Properties = properties,
            },
        };
    }

    /// <summary>Where the files named in <see cref="ModelRecord.Files"/> sit: an <c>azureml://</c> folder they are relative to, or <c>null</c>.</summary>
    public static string? FilesBase(ArmResource<ModelVersionProperties> resource)
        => resource.Properties?.Properties is { } all && all.TryGetValue(AssetProperties.ModelFilesBase, out string? value) ? value : null;

    /// <summary>The version's writable fields as read, for a PUT that changes some of them.</summary>
    public static ArmResource<ModelVersionProperties> Writable(ArmResource<ModelVersionProperties> resource)
    {
        ModelVersionProperties p = resource.Properties ?? new ModelVersionProperties();
        return new ArmResource<ModelVersionProperties>
        {
            Properties = new ModelVersionProperties
            {
                ModelType = p.ModelType,
                ModelUri = p.ModelUri,
                Flavors = p.Flavors,
                JobName = p.JobName,
                Description = p.Description,
                Tags = p.Tags is null ? new Dictionary<string, string?>() : new Dictionary<string, string?>(p.Tags, StringComparer.Ordinal),
                Properties = p.Properties is null ? new Dictionary<string, string?>() : new Dictionary<string, string?>(p.Properties, StringComparer.Ordinal),
                IsArchived = p.IsArchived,
                Stage = p.Stage,
            },
        };
    }

    public static ModelRecord ToRecord(string name, ArmResource<ModelVersionProperties> resource)
    {
        ModelVersionProperties p = resource.Properties ?? new ModelVersionProperties();
        var all = ArmValues.ToRecord(p.Properties);
        string? Take(string key) => all.TryGetValue(key, out string? v) ? v : null;
        string[] files = Take(AssetProperties.ModelFiles) is { } json
            ? JsonSerializer.Deserialize(json, Internal.SdkJsonContext.Default.StringArray) ?? Array.Empty<string>()
            : Array.Empty<string>();
        return new ModelRecord
        {
            Name = name,
            Version = ArmValues.IntVersion(resource.Name) ?? throw new AzureMLException(
                $"Model '{name}' has version '{resource.Name}', which is not a whole number; this SDK reads models with numbered versions.")
            {
                ErrorCode = AzureMLErrorCode.UnexpectedResponse,
            },
            Description = p.Description,
            Framework = Take(AssetProperties.ModelFramework) ?? (p.ModelType == "mlflow_model" ? "MLflow" : "Custom"),
            FrameworkVersion = Take(AssetProperties.ModelFrameworkVersion),
            RunId = p.JobName,
            ExperimentName = Take(AssetProperties.ModelExperimentName),
            ResourceConfiguration = Take(AssetProperties.ModelResourceConfiguration) is { } rc ? ResourceConfiguration.Deserialize(rc) : null,
            CreatedTime = resource.SystemData?.CreatedAt ?? default,
            Url = p.ModelUri ?? "",
            Tags = ArmValues.ToRecord(p.Tags),
            Properties = all.Where(kv => !kv.Key.StartsWith("azureml.sdk.", StringComparison.Ordinal)).ToDictionary(kv => kv.Key, kv => kv.Value, StringComparer.Ordinal),
            Files = files.OrderBy(f => f, StringComparer.Ordinal).ToArray(),
        };
    }
}
