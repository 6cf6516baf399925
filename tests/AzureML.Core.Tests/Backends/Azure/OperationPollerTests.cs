using Azure.Core;
using AzureML.Core.Backends;
using AzureML.Core.Backends.Azure.Assets;
using AzureML.Core.Backends.Azure.Compute;
using AzureML.Core.Backends.Azure.Endpoints;
using AzureML.Core.Backends.Azure.Rest;
using AzureML.Core.Backends.Azure.Workspaces;
using AzureML.Core.Tests.Backends.Azure.Infrastructure;
using NUnit.Framework;

namespace AzureML.Core.Tests.Backends.Azure;

/// <summary>The one poller through the spec's four long-running-operation patterns, their failures, deadlines and cancellation.</summary>
public class OperationPollerTests : AzureContractTest
{
    public OperationPollerTests(bool isAsync) : base(isAsync) { }

    private static string ArmUrl(string path) => "https://management.azure.com" + path + "?api-version=2025-12-01";

    [Test]
    public void PatternA_WorkspacePut_FollowsLocationWithRetryAfter_ThenReadsTheWorkspace()
    {
        string location = $"/subscriptions/{Subscription}/providers/Microsoft.MachineLearningServices/locations/eastus2/workspaceOperationsStatus/op-1";
        Transport
            .Expect(RequestMethod.Put, WorkspacePath, new ScriptedResponse(202, null, ("Location", ArmUrl(location)), ("Retry-After", "10")))
            .Expect(RequestMethod.Get, location, new ScriptedResponse(202, null, ("Location", ArmUrl(location)), ("Retry-After", "20")))
            .Expect(RequestMethod.Get, location, new ScriptedResponse(200, "{}"))
            .Expect(RequestMethod.Get, WorkspacePath, Examples.Ok("workspace-get"));

        var body = WorkspaceConverter.ToResource(new WorkspaceCreateRequest { Location = "eastus2" });
        var created = Run(a => Client.Workspaces.CreateOrUpdateAsync(ResourceGroup, WorkspaceName, body, a, CancellationToken.None));

        Assert.That(created.Properties!.ProvisioningState, Is.EqualTo("Succeeded"));
        Assert.That(Clock.Waits, Is.EqualTo(new[] { TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(20) }));
    }

    [Test]
    public void PatternB_ComputePut_PollsAzureAsyncOperation_AtThePollingInterval_ThenReadsTheCompute()
    {
        string status = $"/subscriptions/{Subscription}/providers/Microsoft.MachineLearningServices/locations/eastus2/computeOperationsStatus/op-2";
        Transport
            .Expect(RequestMethod.Put, Ws("computes/cpu-cluster"), Examples.Created("compute-create-creating", ("Azure-AsyncOperation", ArmUrl(status))))
            .Expect(RequestMethod.Get, status, new ScriptedResponse(200, """{"status":"InProgress"}"""))
            .Expect(RequestMethod.Get, status, new ScriptedResponse(200, """{"status":"Succeeded"}"""))
            .Expect(RequestMethod.Get, Ws("computes/cpu-cluster"), Examples.Ok("compute-get-amlcompute"));

        var record = new ComputeRecord { Name = "cpu-cluster", ComputeType = "AmlCompute", VmSize = "STANDARD_DS3_V2", MaxNodes = 4, Location = "eastus2" };
        var compute = Run(a => Client.Computes.CreateOrUpdateAsync("cpu-cluster", ComputeConverter.ToResource(record), a, CancellationToken.None));

        Assert.That(compute.Properties!.ProvisioningState, Is.EqualTo("Succeeded"));
        Assert.That(Clock.Waits, Is.EqualTo(new[] { TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(5) }));
    }

    [Test]
    public void PatternB_ComputeDelete_WithBothHeaders_StopsWhenTheStatusSucceeds()
    {
        string status = $"/subscriptions/{Subscription}/providers/Microsoft.MachineLearningServices/locations/eastus2/computeOperationsStatus/op-3";
        Transport
            .Expect(RequestMethod.Delete, Ws("computes/cpu-cluster"), new ScriptedResponse(202, null, ("Azure-AsyncOperation", ArmUrl(status)), ("Location", ArmUrl(status + "/result"))))
            .Expect(RequestMethod.Get, status, new ScriptedResponse(200, """{"status":"Succeeded"}"""));

        Run(a => Client.Computes.DeleteAsync("cpu-cluster", detach: false, a, CancellationToken.None));

        Assert.That(Transport.Requests[0].Query("underlyingResourceAction"), Is.EqualTo("Delete"));
    }

    [Test]
    public void PatternC_EndpointDelete_FollowsLocationUntil204()
    {
        string location = $"/subscriptions/{Subscription}/providers/Microsoft.MachineLearningServices/locations/eastus2/mfeOperationResults/oe:op-4";
        Transport
            .Expect(RequestMethod.Delete, Ws("onlineEndpoints/iris-svc"), new ScriptedResponse(202, null, ("Location", ArmUrl(location)), ("Retry-After", "3"), ("x-ms-async-operation-timeout", "PT1H")))
            .Expect(RequestMethod.Get, location, new ScriptedResponse(202, null, ("Retry-After", "4")))
            .Expect(RequestMethod.Get, location, new ScriptedResponse(204));

        Run(a => Client.OnlineEndpoints.DeleteAsync("iris-svc", a, CancellationToken.None));

        Assert.That(Clock.Waits, Is.EqualTo(new[] { TimeSpan.FromSeconds(3), TimeSpan.FromSeconds(4) }));
    }

    [Test]
    public void PatternC_FailedStatus_RaisesTheServiceErrorCode()
    {
        string status = $"/subscriptions/{Subscription}/providers/Microsoft.MachineLearningServices/locations/eastus2/mfeOperationsStatus/oe:op-5";
        Transport
            .Expect(RequestMethod.Put, Ws("onlineEndpoints/iris-svc"), new ScriptedResponse(201, Examples.Read("onlineendpoint-get"), ("Azure-AsyncOperation", ArmUrl(status))))
            .Expect(RequestMethod.Get, status, new ScriptedResponse(200, """{"status":"Failed","error":{"code":"QuotaExceeded","message":"Not enough quota for Standard_DS2_v2."}}"""));

        var ex = Assert.Throws<WebserviceException>(() => Run(a => Client.OnlineEndpoints.CreateOrUpdateAsync("iris-svc", NewEndpoint(), a, CancellationToken.None)));

        Assert.That(ex!.ErrorCode, Is.EqualTo("QuotaExceeded"));
        Assert.That(ex.Message, Does.Contain("online endpoint 'iris-svc'").And.Contain("ended Failed").And.Contain("Not enough quota"));
    }

    [Test]
    public void CanceledStatus_RaisesOperationCanceled()
    {
        string status = $"/subscriptions/{Subscription}/providers/Microsoft.MachineLearningServices/locations/eastus2/computeOperationsStatus/op-6";
        Transport
            .Expect(RequestMethod.Put, Ws("computes/cpu-cluster"), Examples.Created("compute-create-creating", ("Azure-AsyncOperation", ArmUrl(status))))
            .Expect(RequestMethod.Get, status, new ScriptedResponse(200, """{"status":"Canceled"}"""));

        var ex = Assert.Throws<ComputeTargetException>(() => Run(a => Client.Computes.CreateOrUpdateAsync("cpu-cluster", NewCompute(), a, CancellationToken.None)));

        Assert.That(ex!.ErrorCode, Is.EqualTo(AzureMLErrorCode.OperationCanceled));
    }

    [Test]
    public void AsyncOperationTimeout_IsTheDeadline()
    {
        string status = $"/subscriptions/{Subscription}/providers/Microsoft.MachineLearningServices/locations/eastus2/mfeOperationsStatus/oe:op-7";
        Transport
            .Expect(RequestMethod.Put, Ws("onlineEndpoints/iris-svc"),
                new ScriptedResponse(201, Examples.Read("onlineendpoint-get"), ("Azure-AsyncOperation", ArmUrl(status)), ("x-ms-async-operation-timeout", "PT10S"), ("Retry-After", "6")))
            .Expect(RequestMethod.Get, status, new ScriptedResponse(200, """{"status":"InProgress"}""", ("Retry-After", "6")));

        var ex = Assert.Throws<WebserviceException>(() => Run(a => Client.OnlineEndpoints.CreateOrUpdateAsync("iris-svc", NewEndpoint(), a, CancellationToken.None)));

        Assert.That(ex!.ErrorCode, Is.EqualTo(AzureMLErrorCode.OperationTimedOut));
        Assert.That(Clock.Waits, Is.EqualTo(new[] { TimeSpan.FromSeconds(6) }));
    }

    [Test]
    public void Cancellation_StopsPolling()
    {
        string status = $"/subscriptions/{Subscription}/providers/Microsoft.MachineLearningServices/locations/eastus2/computeOperationsStatus/op-8";
        using var cts = new CancellationTokenSource();
        Clock.OnWait = n =>
        {
            if (n == 2) cts.Cancel();
        };
        Transport
            .Expect(RequestMethod.Put, Ws("computes/cpu-cluster"), Examples.Created("compute-create-creating", ("Azure-AsyncOperation", ArmUrl(status))))
            .Expect(RequestMethod.Get, status, new ScriptedResponse(200, """{"status":"InProgress"}"""));

        Assert.That(() => Run(a => Client.Computes.CreateOrUpdateAsync("cpu-cluster", NewCompute(), a, cts.Token)), Throws.InstanceOf<OperationCanceledException>());
        Assert.That(Clock.Waits, Has.Count.EqualTo(2));
    }

    [Test]
    public void PatternD_SynchronousPut_DoesNotPoll()
    {
        Transport.Expect(RequestMethod.Put, Ws("codes/train-sklearn/versions/1"), Examples.Created("codeversion-createOrUpdate"));

        var body = new ArmResource<CodeVersionProperties> { Properties = new CodeVersionProperties { CodeUri = "https://testsa.blob.core.windows.net/c/LocalUpload/abc123" } };
        var version = Run(a => Client.Codes.CreateOrUpdateVersionAsync("train-sklearn", "1", body, a, CancellationToken.None));

        Assert.That(version.Properties!.ProvisioningState, Is.EqualTo("Succeeded"));
        Assert.That(Clock.Waits, Is.Empty);
    }

    [Test]
    public void NoHeaders_ButProvisioningStateStillMoving_PollsTheResourceUntilItSettles()
    {
        string deployment = Ws("onlineEndpoints/iris-svc/deployments/default");
        string creating = Examples.Read("onlinedeployment-get").Replace("\"provisioningState\": \"Succeeded\"", "\"provisioningState\": \"Creating\"");
        string updating = creating.Replace("\"Creating\"", "\"Updating\"");
        Transport
            .Expect(RequestMethod.Put, deployment, new ScriptedResponse(201, creating))
            .Expect(RequestMethod.Get, deployment, new ScriptedResponse(200, updating))
            .Expect(RequestMethod.Get, deployment, Examples.Ok("onlinedeployment-get"));

        var result = Run(a => Client.OnlineDeployments.CreateOrUpdateAsync("iris-svc", "default", NewDeployment(), a, CancellationToken.None));

        Assert.That(result.Properties!.ProvisioningState, Is.EqualTo("Succeeded"));
        Assert.That(Clock.Waits, Has.Count.EqualTo(2));
    }

    [Test]
    public void EndpointBodyAsyncOperationUri_IsFollowedWhenTheHeaderIsMissing()
    {
        string status = $"/subscriptions/{Subscription}/providers/Microsoft.MachineLearningServices/locations/eastus2/mfeOperationsStatus/oe:op-9";
        string creating = Examples.Read("onlineendpoint-get")
            .Replace("\"provisioningState\": \"Succeeded\"", "\"provisioningState\": \"Creating\"")
            .Replace("\"properties\": {},", $"\"properties\": {{\"AzureAsyncOperationUri\": \"{ArmUrl(status)}\"}},");
        Transport
            .Expect(RequestMethod.Put, Ws("onlineEndpoints/iris-svc"), new ScriptedResponse(201, creating))
            .Expect(RequestMethod.Get, status, new ScriptedResponse(200, """{"status":"Succeeded"}"""))
            .Expect(RequestMethod.Get, Ws("onlineEndpoints/iris-svc"), Examples.Ok("onlineendpoint-get"));

        var endpoint = Run(a => Client.OnlineEndpoints.CreateOrUpdateAsync("iris-svc", NewEndpoint(), a, CancellationToken.None));

        Assert.That(endpoint.Properties!.ScoringUri, Is.EqualTo("https://iris-svc.eastus2.inference.ml.azure.com/score"));
    }

    [Test]
    public void Accepted_WithoutAnyUrlToFollow_IsAClearError()
    {
        Transport.Expect(RequestMethod.Put, Ws("computes/cpu-cluster"), new ScriptedResponse(202));

        var ex = Assert.Throws<ComputeTargetException>(() => Run(a => Client.Computes.CreateOrUpdateAsync("cpu-cluster", NewCompute(), a, CancellationToken.None)));

        Assert.That(ex!.ErrorCode, Is.EqualTo(AzureMLErrorCode.UnexpectedResponse));
        Assert.That(ex.Message, Does.Contain("no Azure-AsyncOperation or Location"));
    }

    [Test]
    public void ThrottlingAndUnavailable_AreRetriedAfterTheTimeTheServiceAsks()
    {
        Transport
            .Expect(RequestMethod.Get, Ws("computes/cpu-cluster"), new ScriptedResponse(503, null, ("retry-after-ms", "200")))
            .Expect(RequestMethod.Get, Ws("computes/cpu-cluster"), new ScriptedResponse(429, null, ("Retry-After", "1")))
            .Expect(RequestMethod.Get, Ws("computes/cpu-cluster"), Examples.Ok("compute-get-amlcompute"));

        var compute = Run(a => Client.Computes.GetAsync("cpu-cluster", a, CancellationToken.None));

        Assert.That(compute, Is.Not.Null);
        IReadOnlyList<TimeSpan> attempts = Retries.Attempts;
        Assert.That(attempts, Has.Count.EqualTo(3));
        // Timers may fire a tick early; the margin is far below the waits asked for, far above the 1 ms base delay.
        TimeSpan tick = TimeSpan.FromMilliseconds(15);
        Assert.That(attempts[1] - attempts[0], Is.GreaterThanOrEqualTo(TimeSpan.FromMilliseconds(200) - tick), "waited retry-after-ms after the 503");
        Assert.That(attempts[2] - attempts[1], Is.GreaterThanOrEqualTo(TimeSpan.FromSeconds(1) - tick), "waited Retry-After after the 429");
    }

    [Test]
    public void JobCancel_PostWithLocation_WaitsForTheFinalAnswer()
    {
        string location = $"/subscriptions/{Subscription}/providers/Microsoft.MachineLearningServices/locations/eastus2/mfeOperationResults/jc:op-10";
        Transport
            .Expect(RequestMethod.Post, Ws("jobs/run-1/cancel"), new ScriptedResponse(202, null, ("Location", ArmUrl(location))))
            .Expect(RequestMethod.Get, location, new ScriptedResponse(200, "{}"));

        Run(a => Client.Jobs.CancelAsync("run-1", a, CancellationToken.None));

        Assert.That(Transport.Requests[0].Body, Is.Empty);
    }

    private static ArmResource<ComputeProperties> NewCompute()
        => ComputeConverter.ToResource(new ComputeRecord { Name = "cpu-cluster", ComputeType = "AmlCompute", VmSize = "STANDARD_DS3_V2", MaxNodes = 4, Location = "eastus2" });

    private static ArmResource<OnlineEndpointProperties> NewEndpoint()
        => EndpointConverter.ToEndpoint(new ServiceDeploymentRequest { Name = "iris-svc", Models = Array.Empty<ModelReference>(), AuthEnabled = true }, "eastus2");

    private static ArmResource<OnlineDeploymentProperties> NewDeployment()
        => EndpointConverter.ToDeployment(new ServiceDeploymentRequest { Name = "iris-svc", Models = Array.Empty<ModelReference>() }, "eastus2", Ws("models/sklearn-iris/versions/4"), null, null);
}
