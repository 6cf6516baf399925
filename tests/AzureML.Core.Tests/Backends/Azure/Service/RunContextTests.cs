using AzureML.Core.Tests.Backends.Azure.Infrastructure;
using NUnit.Framework;

namespace AzureML.Core.Tests.Backends.Azure.Service;

/// <summary>
/// <see cref="Run.GetContext(bool)"/> in a job's process on Azure: the workspace and the run come from the variables the
/// service sets (<c>MLFLOW_TRACKING_URI</c>, <c>MLFLOW_RUN_ID</c>, <c>AZUREML_RUN_TOKEN</c>), and the run's calls carry
/// the run's own token.
/// </summary>
public class RunContextTests
{
    private const string RunToken = "run-token-from-the-service";
    private const string TrackingUri = "azureml://" + FakeAzureMLService.ApiHost + "/mlflow/v1.0" + AzureContractTest.WorkspacePath;

    private static AzureMLClientOptions Options(FakeAzureMLService service) => new() { Transport = service };

    private static Run StartRun(FakeAzureMLService service)
    {
        Workspace ws = Workspace.Get(AzureContractTest.WorkspaceName, auth: new FakeTokenCredential(), subscriptionId: AzureContractTest.Subscription,
            resourceGroup: AzureContractTest.ResourceGroup, options: Options(service));
        return new Experiment(ws, "train-in-job").StartLogging();
    }

    [Test]
    public void GetContext_InAJobOnAzure_IsTheJobsRun_AndLogsWithTheRunToken()
    {
        var service = new FakeAzureMLService();
        Run submitted = StartRun(service);
        int before = service.Requests.Count;
        service.Token = RunToken;
        var variables = new Dictionary<string, string>
        {
            ["MLFLOW_TRACKING_URI"] = TrackingUri,
            ["MLFLOW_RUN_ID"] = submitted.Id,
            ["AZUREML_RUN_TOKEN"] = RunToken,
            ["AZUREML_RUN_TOKEN_EXPIRY"] = DateTimeOffset.UtcNow.AddHours(1).ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture),
        };

        Run context = Run.GetContext(allowOffline: false, name => variables.GetValueOrDefault(name), Options(service));
        context.Log("loss", 0.25);

        service.AssertNoFailures();
        Assert.That(context.IsOffline, Is.False);
        Assert.That(context.Id, Is.EqualTo(submitted.Id));
        Assert.That(context.Experiment.Name, Is.EqualTo("train-in-job"));
        Assert.That(context.Workspace.Name, Is.EqualTo(AzureContractTest.WorkspaceName));
        Assert.That(service.Mlflow.Metrics(submitted.Id), Is.EqualTo(new[] { ("loss", 0.25, 0L) }));
        IReadOnlyList<string> calls = service.Requests.Skip(before).Select(r => r.ToString()).ToList();
        Assert.That(calls, Has.None.EndsWith("/discovery"), "the tracking URI names the host: no discovery from inside the job");
        Assert.That(calls, Has.None.EqualTo("GET management.azure.com" + AzureContractTest.WorkspacePath), "nor a workspace read");
    }

    [Test]
    public void GetContext_WithoutTheJobVariables_AndNoOfflineRun_SaysWhichVariablesAreMissing()
    {
        var variables = new Dictionary<string, string> { ["MLFLOW_TRACKING_URI"] = TrackingUri };

        Assert.That(() => Run.GetContext(allowOffline: false, name => variables.GetValueOrDefault(name), Options(new FakeAzureMLService())),
            Throws.TypeOf<UserErrorException>().With.Message.Contains("MLFLOW_RUN_ID").And.Message.Contains("MLFLOW_TRACKING_URI"));
    }

    [Test]
    public void GetContext_WithATrackingUriThatNamesNoWorkspace_IsOffline()
    {
        var variables = new Dictionary<string, string> { ["MLFLOW_TRACKING_URI"] = "http://127.0.0.1:5000", ["MLFLOW_RUN_ID"] = "abc" };

        Run context = Run.GetContext(allowOffline: true, name => variables.GetValueOrDefault(name), Options(new FakeAzureMLService()));

        Assert.That(context.IsOffline, Is.True);
    }
}
