using System.Text.Json;
using System.Text.Json.Serialization;

namespace AzureML.Core.Data;

/// <summary>
/// What a dataset is, as stored with each registered version: its type, its sources, how tabular files are
/// read and the steps applied to the rows. Kept as canonical JSON so equal definitions compare equal as text.
/// </summary>
internal sealed record DatasetDefinition
{
    public const string TabularType = "Tabular";
    public const string FileType = "File";

    public required string DatasetType { get; init; }
    public required IReadOnlyList<DatasetSource> Sources { get; init; }
    public DelimitedSettings? Delimited { get; init; }
    public IReadOnlyList<DatasetStep> Steps { get; init; } = [];

    public DatasetDefinition WithStep(DatasetStep step) => this with { Steps = [.. Steps, step] };

    public string ToJson() => JsonSerializer.Serialize(this, Internal.SdkJsonContext.Default.DatasetDefinition);

    /// <exception cref="AzureMLException">The stored text is not a definition this SDK can read.</exception>
    public static DatasetDefinition FromJson(string json, string what)
    {
        try
        {
            return JsonSerializer.Deserialize(json, Internal.SdkJsonContext.Default.DatasetDefinition) ?? throw new JsonException("null");
        }
        catch (JsonException ex)
        {
            throw new AzureMLException($"The stored definition of {what} cannot be read: {ex.Message}", ex);
        }
    }
}
