using System.Text.Json;
using Json.Schema;
using NUnit.Framework;

namespace AzureML.Core.Tests.Backends.Azure.Infrastructure;

/// <summary>
/// Validates request bodies against the JSON Schemas in <c>TestData/azure/schemas</c>, each derived from one
/// definition of the Machine Learning services spec (stable/2025-12-01) and naming it in its <c>title</c>.
/// </summary>
internal static class Schemas
{
    private static readonly Dictionary<string, JsonSchema> s_cache = new(StringComparer.Ordinal);

    /// <summary>Fails with every violation when <paramref name="body"/> does not match the schema.</summary>
    public static void AssertValid(string schemaName, RecordedRequest request)
    {
        Assert.That(request.Header("Content-Type"), Does.StartWith("application/json"), $"{request}: content type");
        AssertValid(schemaName, request.Json());
    }

    /// <inheritdoc cref="AssertValid(string, RecordedRequest)"/>
    public static void AssertValid(string schemaName, JsonElement body)
    {
        EvaluationResults results = Load(schemaName).Evaluate(body, new EvaluationOptions { OutputFormat = OutputFormat.List });
        Assert.That(results.IsValid, Is.True, () => $"Body does not match {schemaName}:\n{string.Join("\n", Errors(results))}\n{body}");
    }

    /// <summary>True when the body matches; for tests that prove a schema rejects what the spec forbids.</summary>
    public static bool IsValid(string schemaName, JsonElement body) => Load(schemaName).Evaluate(body, new EvaluationOptions()).IsValid;

    /// <summary>The schema's title, the spec definition it came from.</summary>
    public static string Title(string schemaName)
        => JsonDocument.Parse(File.ReadAllText(PathOf(schemaName))).RootElement.GetProperty("title").GetString()!;

    private static JsonSchema Load(string name)
    {
        lock (s_cache)
        {
            if (!s_cache.TryGetValue(name, out JsonSchema? schema))
            {
                schema = JsonSchema.FromText(File.ReadAllText(PathOf(name)), new BuildOptions(), new Uri($"https://schemas.test/{name}"));
                s_cache[name] = schema;
            }

            return schema;
        }
    }

    private static string PathOf(string name) => Path.Combine(TestContext.CurrentContext.TestDirectory, "TestData", "azure", "schemas", name + ".schema.json");

    private static IEnumerable<string> Errors(EvaluationResults results)
        => (results.Details ?? new List<EvaluationResults>())
            .Where(d => d.Errors is { Count: > 0 })
            .SelectMany(d => d.Errors!.Select(e => $"  {d.InstanceLocation}: {e.Key}: {e.Value}"));
}
