using System.Text.Json;

namespace AzureML.Core.Backends.Local;

/// <summary>What a local service serves and how; kept as JSON in the <c>services</c> table so any process can restart it.</summary>
internal sealed record LocalServiceDefinition
{
    public required IReadOnlyList<ModelReference> Models { get; init; }
    public string? EntryScript { get; init; }
    public string? SourceDirectory { get; init; }
    public string? EnvironmentJson { get; init; }
    public double? CpuCores { get; init; }
    public double? MemoryGb { get; init; }

    public string ToJson() => JsonSerializer.Serialize(this, Internal.SdkJsonContext.Default.LocalServiceDefinition);

    public static LocalServiceDefinition FromJson(string json) => JsonSerializer.Deserialize(json, Internal.SdkJsonContext.Default.LocalServiceDefinition)!;

    public static LocalServiceDefinition From(ServiceDeploymentRequest request) => new()
    {
        Models = request.Models,
        EntryScript = request.EntryScript,
        SourceDirectory = request.SourceDirectory,
        EnvironmentJson = request.Environment is null ? null : StoredEnvironment.Prepare(AzureML.Core.EnvironmentJson.Serialize(request.Environment)),
        CpuCores = request.CpuCores,
        MemoryGb = request.MemoryGb,
    };
}
