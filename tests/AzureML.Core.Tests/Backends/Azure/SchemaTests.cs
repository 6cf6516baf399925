using System.Text.Json;
using AzureML.Core.Tests.Backends.Azure.Infrastructure;
using NUnit.Framework;

namespace AzureML.Core.Tests.Backends.Azure;

/// <summary>The request schemas themselves: each names its spec definition, and each rejects what the spec forbids.</summary>
public class SchemaTests
{
    private static IEnumerable<string> AllSchemas()
        => Directory.GetFiles(Path.Combine(TestContext.CurrentContext.TestDirectory, "TestData", "azure", "schemas"), "*.schema.json")
            .Select(f => Path.GetFileName(f)[..^".schema.json".Length]);

    [TestCaseSource(nameof(AllSchemas))]
    public void EverySchema_NamesTheDefinitionItCameFrom(string schema)
    {
        var root = JsonDocument.Parse(File.ReadAllText(Path.Combine(TestContext.CurrentContext.TestDirectory, "TestData", "azure", "schemas", schema + ".schema.json"))).RootElement;

        Assert.That(Schemas.Title(schema), Is.Not.Empty);
        Assert.That(root.GetProperty("$comment").GetString(), Does.Contain("#/definitions/").Or.Contain("service.proto"));
    }

    [TestCase("JobBaseResource.CommandJob", """{"properties":{"jobType":"Command","command":"python train.py"}}""", TestName = "CommandJob without environmentId")]
    [TestCase("JobBaseResource.CommandJob", """{"properties":{"jobType":"Command","command":"python train.py","environmentId":"e","nodeCount":2}}""", TestName = "CommandJob with a field the spec does not have")]
    [TestCase("JobBaseResource.CommandJob", """{"properties":{"jobType":"Command","command":"c","environmentId":"e","inputs":{"lr":{"jobInputType":"literal"}}}}""", TestName = "literal input without value")]
    [TestCase("JobBaseResource.CommandJob", """{"properties":{"jobType":"Command","command":"c","environmentId":"e","limits":{"jobLimitsType":"Command","timeout":"2 hours"}}}""", TestName = "timeout that is not an ISO-8601 duration")]
    [TestCase("CodeVersionResource", """{"properties":{"codeUri":"https://x","provisioningState":"Succeeded"}}""", TestName = "read-only provisioningState sent back")]
    [TestCase("ComputeResource.AmlCompute", """{"properties":{"computeType":"AmlCompute","properties":{"vmPriority":"Cheap","scaleSettings":{"maxNodeCount":1}}}}""", TestName = "vmPriority outside its enum")]
    [TestCase("ComputeResource.AmlCompute", """{"properties":{"computeType":"AmlCompute","properties":{"scaleSettings":{"minNodeCount":0}}}}""", TestName = "scaleSettings without maxNodeCount")]
    [TestCase("OnlineEndpoint", """{"properties":{"authMode":"Key"}}""", TestName = "tracked resource without location")]
    [TestCase("OnlineDeployment.Managed", """{"location":"eastus","properties":{"endpointComputeType":"Managed","codeConfiguration":{"codeId":"c"}}}""", TestName = "code configuration without scoringScript")]
    [TestCase("DataVersionBaseResource", """{"properties":{"dataType":"csv","dataUri":"x"}}""", TestName = "dataType outside its enum")]
    [TestCase("LogBatch", """{"metrics":[]}""", TestName = "log-batch without run_id")]
    public void Schema_RejectsWhatTheSpecForbids(string schema, string body)
        => Assert.That(Schemas.IsValid(schema, JsonDocument.Parse(body).RootElement), Is.False);
}
