using Azure.Core;
using AzureML.Core.Backends;
using AzureML.Core.Backends.Azure.Endpoints;
using AzureML.Core.Tests.Backends.Azure.Infrastructure;
using AzureML.Core.Webservices;
using NUnit.Framework;

namespace AzureML.Core.Tests.Backends.Azure;

/// <summary>Managed online endpoints and deployments (a web service), their keys and logs, and the scoring call.</summary>
public class EndpointClientTests : AzureContractTest
{
    public EndpointClientTests(bool isAsync) : base(isAsync) { }

    private static ServiceDeploymentRequest Request(double? cpu = 1, double? memory = 2) => new()
    {
        Name = "iris-svc",
        Models = new[] { new ModelReference("sklearn-iris", "4", "ScikitLearn") },
        EntryScript = "score.py",
        AuthEnabled = true,
        CpuCores = cpu,
        MemoryGb = memory,
        Description = "iris",
        Tags = new Dictionary<string, string> { ["seed"] = "004" },
    };

    [Test]
    public void Endpoint_AndDeployment_BodiesMatchTheirSchemas()
    {
        Transport
            .Expect(RequestMethod.Put, Ws("onlineEndpoints/iris-svc"), r =>
            {
                Schemas.AssertValid("OnlineEndpoint", r);
                return Examples.Ok("onlineendpoint-get");
            })
            .Expect(RequestMethod.Put, Ws("onlineEndpoints/iris-svc/deployments/default"), r =>
            {
                Schemas.AssertValid("OnlineDeployment.Managed", r);
                return Examples.Ok("onlinedeployment-get");
            });

        Run(a => Client.OnlineEndpoints.CreateOrUpdateAsync("iris-svc", EndpointConverter.ToEndpoint(Request(), "eastus2"), a, CancellationToken.None));
        Run(a => Client.OnlineDeployments.CreateOrUpdateAsync("iris-svc", "default",
            EndpointConverter.ToDeployment(Request(), "eastus2", Ws("models/sklearn-iris/versions/4"), Ws("codes/score/versions/1"), Ws("environments/sklearn-env/versions/3")),
            a, CancellationToken.None));

        var endpoint = Transport.Requests[0].Json().GetProperty("properties");
        var deployment = Transport.Requests[1].Json();
        Assert.Multiple(() =>
        {
            Assert.That(endpoint.GetProperty("authMode").GetString(), Is.EqualTo("Key"));
            Assert.That(endpoint.GetProperty("traffic").EnumerateObject(), Is.Empty, "no traffic before a deployment exists");
            Assert.That(deployment.GetProperty("sku").GetProperty("capacity").GetInt32(), Is.EqualTo(1));
            Assert.That(deployment.GetProperty("properties").GetProperty("instanceType").GetString(), Is.EqualTo("Standard_DS1_v2"));
            Assert.That(deployment.GetProperty("properties").GetProperty("codeConfiguration").GetProperty("scoringScript").GetString(), Is.EqualTo("score.py"));
        });
    }

    [Test]
    public void Traffic_IsAGetThenPut_WithoutReadOnlyFields()
    {
        Transport
            .Expect(RequestMethod.Get, Ws("onlineEndpoints/iris-svc"), Examples.Ok("onlineendpoint-get"))
            .Expect(RequestMethod.Put, Ws("onlineEndpoints/iris-svc"), r =>
            {
                Schemas.AssertValid("OnlineEndpoint", r);
                return Examples.Ok("onlineendpoint-get");
            });

        var current = Run(a => Client.OnlineEndpoints.GetAsync("iris-svc", a, CancellationToken.None))!;
        Run(a => Client.OnlineEndpoints.CreateOrUpdateAsync("iris-svc", EndpointConverter.WithAllTrafficTo(current, "green"), a, CancellationToken.None));

        var sent = Transport.Requests[1].Json();
        Assert.That(sent.GetProperty("properties").GetProperty("traffic").GetProperty("green").GetInt32(), Is.EqualTo(100));
        Assert.That(sent.GetProperty("properties").TryGetProperty("scoringUri", out _), Is.False);
    }

    [Test]
    public void GetEndpointAndDeployment_BecomeAHealthyServiceRecord()
    {
        Transport
            .Expect(RequestMethod.Get, Ws("onlineEndpoints/iris-svc"), Examples.Ok("onlineendpoint-get"))
            .Expect(RequestMethod.Get, Ws("onlineEndpoints/iris-svc/deployments/default"), Examples.Ok("onlinedeployment-get"));

        var endpoint = Run(a => Client.OnlineEndpoints.GetAsync("iris-svc", a, CancellationToken.None))!;
        var deployment = Run(a => Client.OnlineDeployments.GetAsync("iris-svc", "default", a, CancellationToken.None));
        ServiceRecord record = EndpointConverter.ToRecord(endpoint, deployment);

        Assert.Multiple(() =>
        {
            Assert.That((record.Name, record.State, record.AuthEnabled), Is.EqualTo(("iris-svc", WebserviceState.Healthy.ToString(), true)));
            Assert.That(record.ScoringUri, Is.EqualTo(new Uri("https://iris-svc.eastus2.inference.ml.azure.com/score")));
            Assert.That(record.Models.Single().Id, Is.EqualTo("sklearn-iris:4"));
            Assert.That(record.EntryScript, Is.EqualTo("score.py"));
        });
    }

    [Test]
    public void ListByTags_SendsTheTagFilterAndFollowsEveryPage()
    {
        string endpoint = Examples.Read("onlineendpoint-get");
        string page2 = "https://management.azure.com" + Ws("onlineEndpoints") + "?api-version=2025-12-01&$skipToken=page2";
        Transport
            .Expect(RequestMethod.Get, Ws("onlineEndpoints"), new ScriptedResponse(200, $"{{\"value\":[{endpoint}],\"nextLink\":\"{page2}\"}}"))
            .Expect(RequestMethod.Get, Ws("onlineEndpoints"), new ScriptedResponse(200, $"{{\"value\":[{endpoint}]}}"));

        var endpoints = All(Client.OnlineEndpoints.List("team=vision,seed"));

        Assert.Multiple(() =>
        {
            Assert.That(Transport.Requests[0].Query("tags"), Is.EqualTo("team=vision,seed"));
            Assert.That(Transport.Requests[1].Query("$skipToken"), Is.EqualTo("page2"));
            Assert.That(endpoints.Select(e => e.Name), Is.EqualTo(new[] { "iris-svc", "iris-svc" }));
        });
    }

    [TestCase("Succeeded", "Creating", "Transitioning")]
    [TestCase("Succeeded", "Failed", "Failed")]
    [TestCase("Succeeded", "Succeeded", "Healthy")]
    [TestCase("Creating", null, "Transitioning")]
    public void ServiceState_FollowsBothProvisioningStates(string endpoint, string? deployment, string expected)
        => Assert.That(EndpointConverter.State(endpoint, deployment), Is.EqualTo(expected));

    [Test]
    public void Keys_Regenerate_AndLogs()
    {
        string location = $"/subscriptions/{Subscription}/providers/Microsoft.MachineLearningServices/locations/eastus2/mfeOperationResults/rk:op";
        Transport
            .Expect(RequestMethod.Post, Ws("onlineEndpoints/iris-svc/listKeys"), Examples.Ok("onlineendpoint-listKeys"))
            .Expect(RequestMethod.Post, Ws("onlineEndpoints/iris-svc/regenerateKeys"), r =>
            {
                Schemas.AssertValid("RegenerateEndpointKeysRequest", r);
                return new ScriptedResponse(202, null, ("Location", $"https://management.azure.com{location}?api-version=2025-12-01"));
            })
            .Expect(RequestMethod.Get, location, new ScriptedResponse(200, "{}"))
            .Expect(RequestMethod.Post, Ws("onlineEndpoints/iris-svc/deployments/default/getLogs"), r =>
            {
                Schemas.AssertValid("DeploymentLogsRequest", r);
                return Examples.Ok("onlinedeployment-getLogs");
            });

        var keys = Run(a => Client.OnlineEndpoints.ListKeysAsync("iris-svc", a, CancellationToken.None));
        Run(a => Client.OnlineEndpoints.RegenerateKeysAsync("iris-svc", "Primary", null, a, CancellationToken.None));
        string logs = Run(a => Client.OnlineDeployments.GetLogsAsync("iris-svc", "default", "InferenceServer", 50, a, CancellationToken.None));

        Assert.That(keys.PrimaryKey, Is.EqualTo("PRIMARY-ENDPOINT-KEY"));
        Assert.That(Transport.Requests[1].Json().GetProperty("keyType").GetString(), Is.EqualTo("Primary"));
        Assert.That(logs, Does.Contain("score.py init() done"));
    }

    [Test]
    public void Score_SendsTheKeyAndDeployment_WithoutTheArmToken()
    {
        var scoring = new Uri("https://iris-svc.eastus2.inference.ml.azure.com/score");
        Transport
            .Expect(RequestMethod.Post, "/score", r =>
            {
                Assert.That(r.Header("Authorization"), Is.EqualTo("Bearer PRIMARY-ENDPOINT-KEY"));
                Assert.That(r.Header("azureml-model-deployment"), Is.EqualTo("default"));
                Assert.That(r.BodyText, Is.EqualTo("""{"data": [[5.1, 3.5, 1.4, 0.2]]}"""));
                return new ScriptedResponse(200, "[0]");
            }, apiVersion: null)
            .Expect(RequestMethod.Post, "/score", new ScriptedResponse(401, """{"message":"key auth failed"}"""), apiVersion: null);

        var result = Run(a => Client.Scoring.ScoreAsync("iris-svc", scoring, "PRIMARY-ENDPOINT-KEY", BinaryData.FromString("""{"data": [[5.1, 3.5, 1.4, 0.2]]}"""), "default", a, CancellationToken.None));
        var ex = Assert.Throws<WebserviceException>(() => Run(a => Client.Scoring.ScoreAsync("iris-svc", scoring, "WRONG", BinaryData.FromString("{}"), null, a, CancellationToken.None)));

        Assert.That(result.ToString(), Is.EqualTo("[0]"));
        Assert.That((ex!.StatusCode, ex.ErrorCode), Is.EqualTo(((int?)401, AzureMLErrorCode.AuthenticationFailed)));
        Assert.That(ex.Message, Does.Contain("iris-svc").And.Not.Contain("WRONG"));
    }

    [TestCase(null, null, "Standard_DS2_v2")]
    [TestCase(0.1, 0.5, "Standard_DS1_v2")]
    [TestCase(2.0, 6.0, "Standard_DS2_v2")]
    [TestCase(4.0, 16.0, "Standard_F8s_v2")]
    public void InstanceType_IsTheSmallestThatFits(double? cpu, double? memory, string expected)
        => Assert.That(ManagedInstanceTypes.For(cpu, memory), Is.EqualTo(expected));

    [Test]
    public void InstanceType_TooLarge_IsRefused()
        => Assert.That(() => ManagedInstanceTypes.For(64, 512), Throws.TypeOf<WebserviceException>().With.Message.Contains("Standard_F32s_v2"));
}
