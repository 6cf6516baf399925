using AzureML.Core.Tests.Backends.Azure.Infrastructure;
using AzureML.Core.Tests.Backends.Azure.Service;
using NUnit.Framework;

namespace AzureML.Core.Tests.Backends.Contract;

/// <summary>
/// The backend contract on an Azure workspace, over the fake Azure ML service; and that the filters were the
/// service's to apply, not only the client's.
/// </summary>
public class AzureWorkspaceContractTests : WorkspaceContractTest
{
    private FakeAzureMLService _service = null!;

    protected override Workspace OpenWorkspace()
    {
        _service = new FakeAzureMLService();
        var options = new AzureMLClientOptions { Transport = _service };
        options.Clock = new FakeClock();
        return Workspace.Get(AzureContractTest.WorkspaceName, auth: new FakeTokenCredential(), subscriptionId: AzureContractTest.Subscription,
            resourceGroup: AzureContractTest.ResourceGroup, options: options);
    }

    [TearDown]
    public void NoRefusedRequests() => _service.AssertNoFailures();

    [Test]
    public void ComputeTargets_FollowTheServicesNextLinks()
    {
        CreateClusters(5);

        Assert.That(Ws.ComputeTargets, Has.Count.EqualTo(5));
        Assert.That(_service.Requests.Count(r => r.Method == global::Azure.Core.RequestMethod.Get && r.Path.EndsWith("/computes", StringComparison.Ordinal)), Is.EqualTo(3),
            "five computes in pages of two");
    }

    [Test]
    public void GetRuns_SendsTheTagAndStatusFilter_ToTheService()
    {
        var experiment = new Experiment(Ws, "filtered");
        experiment.StartLogging().Tag("team", "red");

        experiment.GetRuns(tags: new Dictionary<string, string?> { ["team"] = "red" }, status: RunStatus.Running);

        FakeRequest search = _service.Requests.Last(r => r.Path.EndsWith("/runs/search", StringComparison.Ordinal));
        Assert.That(search.Json()["filter"]!.GetValue<string>(), Is.EqualTo("attributes.status = 'RUNNING' AND tags.`team` = 'red'"));
    }
}
