using Azure.Core;
using AzureML.Core.Backends;
using AzureML.Core.Backends.Azure.Compute;
using AzureML.Core.Tests.Backends.Azure.Infrastructure;
using NUnit.Framework;

namespace AzureML.Core.Tests.Backends.Azure;

/// <summary>Compute targets: request bodies against the AmlCompute schema, the Get example parsed into a record.</summary>
public class ComputeClientTests : AzureContractTest
{
    public ComputeClientTests(bool isAsync) : base(isAsync) { }

    [Test]
    public void Create_BodyMatchesTheAmlComputeSchema_AndCarriesTheScaleSettings()
    {
        Transport.Expect(RequestMethod.Put, Ws("computes/cpu-cluster"), r =>
        {
            Schemas.AssertValid("ComputeResource.AmlCompute", r);
            return Examples.Ok("compute-get-amlcompute");
        });
        var record = new ComputeRecord
        {
            Name = "cpu-cluster", ComputeType = "AmlCompute", VmSize = "STANDARD_DS3_V2", VmPriority = "lowpriority", MinNodes = 0, MaxNodes = 4,
            IdleSecondsBeforeScaledown = 120, Location = "eastus2", Description = "cpu cluster",
            Settings = new Dictionary<string, string> { ["adminUserName"] = "azureuser" },
        };

        Run(a => Client.Computes.CreateOrUpdateAsync("cpu-cluster", ComputeConverter.ToResource(record, adminPassword: "P@ssw0rd!"), a, CancellationToken.None));

        var aml = Transport.Requests[0].Json().GetProperty("properties").GetProperty("properties");
        Assert.Multiple(() =>
        {
            Assert.That(aml.GetProperty("vmPriority").GetString(), Is.EqualTo("LowPriority"));
            Assert.That(aml.GetProperty("scaleSettings").GetProperty("nodeIdleTimeBeforeScaleDown").GetString(), Is.EqualTo("PT2M"));
            Assert.That(aml.GetProperty("scaleSettings").GetProperty("maxNodeCount").GetInt32(), Is.EqualTo(4));
            Assert.That(aml.GetProperty("userAccountCredentials").GetProperty("adminUserName").GetString(), Is.EqualTo("azureuser"));
        });
    }

    [Test]
    public void Get_ParsesTheExampleIntoARecordAndNodeCounts()
    {
        Transport.Expect(RequestMethod.Get, Ws("computes/cpu-cluster"), Examples.Ok("compute-get-amlcompute"));

        var resource = Run(a => Client.Computes.GetAsync("cpu-cluster", a, CancellationToken.None))!;
        ComputeRecord record = ComputeConverter.ToRecord(resource);
        ComputeNodeCounts counts = ComputeConverter.ToNodeCounts(resource);

        Assert.Multiple(() =>
        {
            Assert.That((record.Name, record.ComputeType, record.VmSize, record.VmPriority), Is.EqualTo(("cpu-cluster", "AmlCompute", "STANDARD_DS3_V2", "dedicated")));
            Assert.That((record.MinNodes, record.MaxNodes, record.IdleSecondsBeforeScaledown), Is.EqualTo((0, 4, 300)));
            Assert.That(record.ProvisioningState, Is.EqualTo("Succeeded"));
            Assert.That(record.Settings["allocationState"], Is.EqualTo("Resizing"));
            Assert.That(counts, Is.EqualTo(new ComputeNodeCounts(Current: 2, Running: 1, Idle: 1, QueuedRuns: 0)));
        });
    }

    [Test]
    public void Get_Missing_IsNull()
    {
        Transport.Expect(RequestMethod.Get, Ws("computes/nope"), new ScriptedResponse(404, """{"error":{"code":"ResourceNotFound","message":"nope"}}"""));

        Assert.That(Run(a => Client.Computes.GetAsync("nope", a, CancellationToken.None)), Is.Null);
    }

    [Test]
    public void List_ParsesEveryPage()
    {
        Transport.Expect(RequestMethod.Get, Ws("computes"), new ScriptedResponse(200, $"{{\"value\":[{Examples.Read("compute-get-amlcompute")}]}}"));

        Assert.That(All(Client.Computes.List()).Select(c => ComputeConverter.ToRecord(c).Name), Is.EqualTo(new[] { "cpu-cluster" }));
    }

    [Test]
    public void Update_SendsClusterUpdateParameters_KeepingUnchangedValues()
    {
        Transport.Expect(RequestMethod.Patch, Ws("computes/cpu-cluster"), r =>
        {
            Schemas.AssertValid("ClusterUpdateParameters", r);
            return Examples.Ok("compute-get-amlcompute");
        });
        var current = new ComputeRecord { Name = "cpu-cluster", ComputeType = "AmlCompute", VmSize = "x", MinNodes = 0, MaxNodes = 4, IdleSecondsBeforeScaledown = 300 };

        Run(a => Client.Computes.UpdateAsync("cpu-cluster", ComputeConverter.ToScaleUpdate(current, minNodes: 1, maxNodes: null, idleSeconds: null), a, CancellationToken.None));

        var scale = Transport.Requests[0].Json().GetProperty("properties").GetProperty("properties").GetProperty("scaleSettings");
        Assert.That((scale.GetProperty("minNodeCount").GetInt32(), scale.GetProperty("maxNodeCount").GetInt32(), scale.GetProperty("nodeIdleTimeBeforeScaleDown").GetString()),
            Is.EqualTo((1, 4, "PT5M")));
    }

    [Test]
    public void Delete_Missing_IsANoOp_AndDetachSaysSo()
    {
        Transport
            .Expect(RequestMethod.Delete, Ws("computes/gone"), new ScriptedResponse(204))
            .Expect(RequestMethod.Delete, Ws("computes/attached"), new ScriptedResponse(200));

        Run(a => Client.Computes.DeleteAsync("gone", detach: false, a, CancellationToken.None));
        Run(a => Client.Computes.DeleteAsync("attached", detach: true, a, CancellationToken.None));

        Assert.That(Transport.Requests[1].Query("underlyingResourceAction"), Is.EqualTo("Detach"));
    }
}
