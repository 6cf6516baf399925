using AzureML.Core.Data;

namespace AzureML.Core.Backends;

/// <summary>
/// A named dataset input of a submitted run: an entry of the run configuration's <c>data</c> section, or a
/// <see cref="DatasetConsumptionConfig"/> found in the arguments. The dataset is named by id, by name and version,
/// or (for an unregistered dataset) carried as its definition.
/// </summary>
internal sealed record DatasetInput
{
    public const string Direct = "direct";
    public const string Mount = "mount";
    public const string Download = "download";

    public required string Name { get; init; }

    /// <summary><see cref="Direct"/>, <see cref="Mount"/> or <see cref="Download"/>.</summary>
    public string Mechanism { get; init; } = Direct;

    public string? DatasetId { get; init; }
    public string? DatasetName { get; init; }

    /// <summary>The version of <see cref="DatasetName"/>; null for the latest.</summary>
    public string? DatasetVersion { get; init; }

    /// <summary>The definition of an unregistered dataset.</summary>
    public DatasetDefinition? Definition { get; init; }

    /// <summary>The variable holding the path; default <see cref="Name"/>.</summary>
    public string? EnvironmentVariableName { get; init; }

    /// <summary>Where the files go; relative to the run's working folder. Null for a generated folder.</summary>
    public string? PathOnCompute { get; init; }

    public bool Overwrite { get; init; }

    /// <summary>The input a consumption config in the arguments stands for.</summary>
    public static DatasetInput From(DatasetConsumptionConfig config) => new()
    {
        Name = config.Name,
        Mechanism = config.Mode switch
        {
            DatasetConsumptionMode.Mount => Mount,
            DatasetConsumptionMode.Download => Download,
            _ => Direct,
        },
        DatasetId = config.Dataset.Id,
        Definition = config.Dataset.Id is null ? config.Dataset.Definition : null,
        PathOnCompute = config.PathOnCompute,
    };
}
