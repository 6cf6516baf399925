using NUnit.Framework;

namespace AzureML.Core.Tests.Backends.Azure.Infrastructure;

/// <summary>
/// Response payloads shaped like the spec's x-ms-examples (stable/2025-12-01/examples), recreated as our own
/// fixtures in <c>TestData/azure/examples</c>; each file names the example it follows.
/// </summary>
internal static class Examples
{
    public static string Read(string name) => File.ReadAllText(Path.Combine(TestContext.CurrentContext.TestDirectory, "TestData", "azure", "examples", name + ".json"));

    public static ScriptedResponse Ok(string name, params (string, string)[] headers) => new(200, Read(name), headers);

    public static ScriptedResponse Created(string name, params (string, string)[] headers) => new(201, Read(name), headers);
}
