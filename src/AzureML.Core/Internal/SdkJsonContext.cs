using System.Text.Json.Serialization;
using AzureML.Core.Backends.Local;
using AzureML.Core.Data;
using AzureML.Core.Webservices.Hosting;

namespace AzureML.Core.Internal;

/// <summary>
/// Source-generated JSON for every type the SDK stores or exchanges. Reflection-based serialization is off
/// in trimmed and native-AOT apps (C# file-based apps among them), so nothing here may depend on it.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    UseStringEnumConverter = true)]
[JsonSerializable(typeof(Dictionary<string, string>))]
[JsonSerializable(typeof(Dictionary<string, string?>))]
[JsonSerializable(typeof(IReadOnlyDictionary<string, string>))]
[JsonSerializable(typeof(string[]))]
[JsonSerializable(typeof(RunError))]
[JsonSerializable(typeof(ServiceHostConfig))]
[JsonSerializable(typeof(LocalServiceDefinition))]
[JsonSerializable(typeof(LocalJob))]
[JsonSerializable(typeof(DatasetDefinition))]
internal sealed partial class SdkJsonContext : JsonSerializerContext
{
}
