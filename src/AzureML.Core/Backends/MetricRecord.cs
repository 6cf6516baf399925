using System.Text.Json.Nodes;

namespace AzureML.Core.Backends;

/// <summary>One logged metric point. <see cref="Value"/> keeps the JSON type the caller logged.</summary>
internal sealed record MetricRecord(string Name, MetricKind Kind, JsonNode? Value, long? Step, DateTimeOffset Time, string? Description);
