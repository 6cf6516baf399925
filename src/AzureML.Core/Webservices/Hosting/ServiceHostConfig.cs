using System.Text.Json;
using System.Text.Json.Serialization;

namespace AzureML.Core.Webservices.Hosting;

/// <summary>
/// What a local service host reads at start-up (<c>config.json</c> in the service folder). The same file
/// drives the .NET host (ONNX) and the Python host (entry scripts, scikit-learn), so names are camelCase.
/// </summary>
internal sealed record ServiceHostConfig
{
    public const string OnnxMode = "onnx";
    public const string SklearnMode = "sklearn";
    public const string EntryScriptMode = "entryScript";

    public required string ServiceName { get; init; }
    public required string Mode { get; init; }
    public string Host { get; init; } = "127.0.0.1";
    public int Port { get; init; }
    public string? ModelDir { get; init; }
    public string? ModelPath { get; init; }
    public string? EntryScript { get; init; }
    public string? SourceDirectory { get; init; }

    /// <summary>A JSON file <c>{"hashes": [base64 SHA-256 of each key]}</c>; <c>null</c> when auth is off. Hosts re-read it when it changes.</summary>
    public string? AuthFile { get; init; }

    public long MaxBodyBytes { get; init; } = 10 * 1024 * 1024;

    /// <summary>Written as <c>{"port": …, "pid": …}</c> once the host listens and the model is loaded.</summary>
    public required string ReadyFile { get; init; }

    /// <summary>Written as <c>{"error": …, "traceback": …}</c> when start-up fails.</summary>
    public required string FailedFile { get; init; }

    public string ToJson() => JsonSerializer.Serialize(this, Internal.SdkJsonContext.Default.ServiceHostConfig);

    public static ServiceHostConfig Read(string path) => JsonSerializer.Deserialize(File.ReadAllText(path), Internal.SdkJsonContext.Default.ServiceHostConfig)
        ?? throw new InvalidDataException($"'{path}' is not a service host configuration.");
}
