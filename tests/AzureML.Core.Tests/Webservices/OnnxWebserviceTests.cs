using AzureML.TestUtilities;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using AzureML.Core.Webservices;
using NUnit.Framework;

namespace AzureML.Core.Tests.Webservices;

[Category("Integration")]
public class OnnxWebserviceTests : LocalWorkspaceTest
{
    private static readonly HttpClient s_http = new();

    [TearDown]
    public void TearDown()
    {
        foreach (Webservice service in Webservice.List(Ws)) service.Delete();
    }

    private Model RegisterIris(string name = "iris-onnx", float biasShift = 0)
    {
        string file = ServiceTestModels.WriteIrisClassifier(Folder.Combine("models", Guid.NewGuid().ToString("N")), biasShift: biasShift);
        return Model.Register(Ws, file, name, modelFramework: Model.Framework.Onnx);
    }

    private Webservice DeployIris(string name, WebserviceDeploymentConfiguration? config = null)
    {
        Webservice service = Model.Deploy(Ws, name, new[] { RegisterIris() }, deploymentConfig: config);
        service.WaitForDeployment(timeoutSec: 60);
        return service;
    }

    [Test]
    public void Deploy_OnnxModelWithoutInferenceConfig_ScoresPositionalAndNamedRows()
    {
        Webservice service = DeployIris("iris-service");
        double[] row = { 5.1, 3.5, 1.4, 0.2 };

        string positional = service.Run("{\"data\": [[5.1, 3.5, 1.4, 0.2], [6.7, 3.0, 5.2, 2.3]]}");
        string named = service.Run("{\"data\": [{\"sepal_length\": \"5.1\", \"sepal_width\": 3.5, \"petal_length\": \"1.4\", \"petal_width\": 0.2}]}");

        using JsonDocument first = JsonDocument.Parse(positional);
        using JsonDocument second = JsonDocument.Parse(named);
        double[] expected = ServiceTestModels.ExpectedProbabilities(row);
        JsonElement probabilities = first.RootElement.GetProperty("probabilities")[0];
        Assert.Multiple(() =>
        {
            Assert.That(service.State, Is.EqualTo(WebserviceState.Healthy));
            Assert.That(service.ScoringUri, Does.StartWith("http://127.0.0.1:").And.EndWith("/score"));
            Assert.That(first.RootElement.GetProperty("result").EnumerateArray().Select(e => e.GetString()), Is.EqualTo(new[] { "setosa", "virginica" }));
            for (int c = 0; c < 3; c++)
            {
                Assert.That(probabilities.GetProperty(ServiceTestModels.IrisClasses[c]).GetDouble(), Is.EqualTo(expected[c]).Within(1e-5));
            }

            Assert.That(second.RootElement.GetProperty("result")[0].GetString(), Is.EqualTo("setosa"));
            Assert.That(service.GetLogs(), Does.Contain("listening on"));
        });
    }

    [Test]
    public async Task Score_BadRequests_AnswerWithStatusesThatNameTheProblem()
    {
        Webservice service = DeployIris("iris-errors");
        string uri = service.ScoringUri!;

        async Task<(HttpStatusCode, string)> Post(string body)
        {
            // Expect: 100-continue lets the server refuse an oversized body before the client sends it.
            using var request = new HttpRequestMessage(HttpMethod.Post, uri) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
            request.Headers.ExpectContinue = true;
            using HttpResponseMessage response = await s_http.SendAsync(request);
            return (response.StatusCode, await response.Content.ReadAsStringAsync());
        }

        (HttpStatusCode status, string body) badJson = await Post("{\"data\": [[1, 2,");
        (HttpStatusCode status, string body) noData = await Post("{\"rows\": []}");
        (HttpStatusCode status, string body) wrongWidth = await Post("{\"data\": [[1, 2, 3]]}");
        (HttpStatusCode status, string body) badValue = await Post("{\"data\": [{\"sepal_length\": \"tall\", \"sepal_width\": 1, \"petal_length\": 1, \"petal_width\": 1}]}");
        (HttpStatusCode status, string body) missingColumn = await Post("{\"data\": [{\"sepal_length\": 1, \"sepal_width\": 1, \"petal_length\": 1}]}");
        (HttpStatusCode status, string body) tooLarge = await Post("{\"data\": [[" + string.Join(",", Enumerable.Repeat("1.0", 3_000_000)) + "]]}");
        (HttpStatusCode status, string body) afterwards = await Post("{\"data\": [[5.1, 3.5, 1.4, 0.2]]}");

        Assert.Multiple(() =>
        {
            Expect(badJson, HttpStatusCode.BadRequest, "Invalid JSON");
            Expect(noData, HttpStatusCode.BadRequest, "'data'");
            Expect(wrongWidth, HttpStatusCode.BadRequest, "4 values", "has 3");
            Expect(badValue, HttpStatusCode.BadRequest, "'sepal_length'", "tall");
            Expect(missingColumn, HttpStatusCode.BadRequest, "no column 'petal_width'");
            Assert.That(tooLarge.status, Is.EqualTo(HttpStatusCode.RequestEntityTooLarge));
            Assert.That(afterwards.status, Is.EqualTo(HttpStatusCode.OK));
        });
    }

    private static void Expect((HttpStatusCode Status, string Body) answer, HttpStatusCode status, params string[] fragments)
    {
        Assert.That(answer.Status, Is.EqualTo(status), answer.Body);
        foreach (string fragment in fragments) Assert.That(answer.Body, Does.Contain(fragment));
    }

    [Test]
    public async Task AuthEnabled_RequestsNeedAValidKey_AndRegeneratedKeysTakeOver()
    {
        Webservice service = DeployIris("iris-auth", AciWebservice.DeployConfiguration(authEnabled: true));
        (string primary, string secondary) = service.GetKeys();

        async Task<HttpStatusCode> Post(string? key)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, service.ScoringUri) { Content = new StringContent("{\"data\": [[5.1, 3.5, 1.4, 0.2]]}") };
            if (key is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
            using HttpResponseMessage response = await s_http.SendAsync(request);
            return response.StatusCode;
        }

        HttpStatusCode none = await Post(null);
        HttpStatusCode wrong = await Post("not-a-key");
        HttpStatusCode withPrimary = await Post(primary);
        HttpStatusCode withSecondary = await Post(secondary);
        service.RegenKey("Primary");
        (string newPrimary, _) = service.GetKeys();
        bool oldRejected = SpinWait.SpinUntil(() => Post(primary).GetAwaiter().GetResult() == HttpStatusCode.Unauthorized, TimeSpan.FromSeconds(10));

        Assert.Multiple(async () =>
        {
            Assert.That(none, Is.EqualTo(HttpStatusCode.Unauthorized));
            Assert.That(wrong, Is.EqualTo(HttpStatusCode.Unauthorized));
            Assert.That(withPrimary, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(withSecondary, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(newPrimary, Is.Not.EqualTo(primary));
            Assert.That(oldRejected, Is.True, "the old primary key still works");
            Assert.That(await Post(newPrimary), Is.EqualTo(HttpStatusCode.OK));
            Assert.That(service.Run("{\"data\": [[5.1, 3.5, 1.4, 0.2]]}"), Does.Contain("setosa"));
            Assert.That(File.ReadAllBytes(Folder.Combine("ws", "workspace.db")).AsSpan().IndexOf(Encoding.UTF8.GetBytes(newPrimary)), Is.EqualTo(-1), "a key is stored in plain text");
        });
    }

    [Test]
    public void Deploy_SameNameWithoutOverwrite_SaysTheServiceExists()
    {
        DeployIris("iris-dup");

        Assert.That(() => Model.Deploy(Ws, "iris-dup", new[] { RegisterIris() }),
            Throws.TypeOf<WebserviceException>().With.Message.Contains("already exists").And.Message.Contains("overwrite: true")
                .And.Property(nameof(AzureMLException.ErrorCode)).EqualTo(AzureMLErrorCode.Conflict));
    }

    [Test]
    public void Update_NewModelVersion_KeepsTheScoringUri()
    {
        Webservice service = DeployIris("iris-update");
        string before = service.ScoringUri!;
        Model shifted = RegisterIris("iris-onnx", biasShift: 50); // version 2

        service.Update(models: new[] { shifted });
        service.WaitForDeployment(timeoutSec: 60);
        using JsonDocument answer = JsonDocument.Parse(service.Run("{\"data\": [[5.1, 3.5, 1.4, 0.2]]}"));
        double expected = ServiceTestModels.ExpectedProbabilities(new[] { 5.1, 3.5, 1.4, 0.2 }, biasShift: 50)[0];

        Assert.Multiple(() =>
        {
            Assert.That(service.ScoringUri, Is.EqualTo(before));
            Assert.That(service.ModelIds, Is.EqualTo(new[] { "iris-onnx:2" }));
            Assert.That(answer.RootElement.GetProperty("probabilities")[0].GetProperty("setosa").GetDouble(), Is.EqualTo(expected).Within(1e-5));
        });
    }

    [Test]
    public void Delete_StopsTheHost_AndGettingItAgainFails()
    {
        Webservice service = DeployIris("iris-delete");
        int[] hosts = ProcessTable.FindServiceHosts("iris-delete");

        service.Delete();

        Assert.Multiple(() =>
        {
            Assert.That(hosts, Has.Length.EqualTo(1));
            Assert.That(hosts.Where(ProcessTable.IsAlive), Is.Empty);
            Assert.That(() => new Webservice(Ws, "iris-delete"), Throws.TypeOf<WebserviceException>().With.Message.Contains("There is no service named 'iris-delete'")
                .And.Property(nameof(AzureMLException.ErrorCode)).EqualTo(AzureMLErrorCode.ResourceNotFound));
        });
    }

    [Test]
    public async Task Swagger_DescribesTheModelsInputsAndOutputs()
    {
        Webservice service = DeployIris("iris-swagger");

        using JsonDocument swagger = JsonDocument.Parse(await s_http.GetStringAsync(service.SwaggerUri));
        JsonElement input = swagger.RootElement.GetProperty("definitions").GetProperty("ServiceInput");

        Assert.Multiple(() =>
        {
            Assert.That(swagger.RootElement.GetProperty("swagger").GetString(), Is.EqualTo("2.0"));
            Assert.That(input.GetProperty("properties").GetProperty("data").GetProperty("items").GetProperty("properties").EnumerateObject().Select(p => p.Name),
                Is.EqualTo(ServiceTestModels.IrisFeatures));
            Assert.That(swagger.RootElement.GetProperty("paths").TryGetProperty("/score", out _), Is.True);
        });
    }

    [Test]
    public void List_FiltersByComputeTypeModelAndTags()
    {
        DeployIris("iris-aci", AciWebservice.DeployConfiguration(tags: new Dictionary<string, string> { ["team"] = "vision" }));
        DeployIris("iris-local", LocalWebservice.DeployConfiguration());

        Assert.Multiple(() =>
        {
            Assert.That(Webservice.List(Ws).Select(s => s.Name), Is.EqualTo(new[] { "iris-aci", "iris-local" }));
            Assert.That(Webservice.List(Ws, computeType: "Local").Single(), Is.InstanceOf<LocalWebservice>());
            Assert.That(Webservice.List(Ws, tags: new Dictionary<string, string?> { ["team"] = "vision" }).Single().Name, Is.EqualTo("iris-aci"));
            Assert.That(Webservice.List(Ws, modelName: "iris-onnx"), Has.Count.EqualTo(2));
            Assert.That(Webservice.List(Ws, modelName: "other"), Is.Empty);
            Assert.That(Ws.Webservices["iris-local"].Models.Single().Id, Does.StartWith("iris-onnx:"));
        });
    }

    [Test]
    public void LocalDeployConfiguration_Port_IsTheOneServed()
    {
        int port = FreePort();

        Webservice service = DeployIris("iris-port", LocalWebservice.DeployConfiguration(port));

        Assert.That(service.ScoringUri, Is.EqualTo($"http://127.0.0.1:{port}/score"));
    }

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    [Test]
    public void Deploy_FromAnotherProcessThatExits_ServiceKeepsAnswering()
    {
        RegisterIris();
        string program = Folder.Write("deployer/deploy.cs", $$"""
            #:project {{RepositoryPaths.CoreProject}}
            #:project {{RepositoryPaths.HostingProject}}
            using AzureML.Core;
            using AzureML.Core.Webservices;

            var ws = Workspace.Local(args[0]);
            Webservice service = Model.Deploy(ws, "survivor", new[] { new Model(ws, "iris-onnx") });
            service.WaitForDeployment();
            Console.WriteLine($"deployed {service.ScoringUri} from {System.Environment.ProcessId}");
            """);
        var start = new System.Diagnostics.ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (string argument in new[] { "run", program, "--", Folder.Combine("ws") }) start.ArgumentList.Add(argument);

        string output;
        int deployer;
        using (System.Diagnostics.Process process = System.Diagnostics.Process.Start(start)!)
        {
            Task<string> errors = process.StandardError.ReadToEndAsync();
            output = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            Assert.That(process.ExitCode, Is.EqualTo(0), output + errors.Result);
            deployer = int.Parse(output.Trim().Split(' ')[^1], System.Globalization.CultureInfo.InvariantCulture);
        }

        var service = new Webservice(Ws, "survivor");
        Assert.Multiple(() =>
        {
            Assert.That(ProcessTable.IsAlive(deployer), Is.False, "the deploying program should have exited");
            Assert.That(service.State, Is.EqualTo(WebserviceState.Healthy));
            Assert.That(output, Does.Contain(service.ScoringUri!));
            Assert.That(service.Run("{\"data\": [[5.1, 3.5, 1.4, 0.2]]}"), Does.Contain("setosa"));
        });
    }

    [Test]
    public void Update_WithAModelItCannotServe_LeavesTheRunningServiceAlone()
    {
        Webservice service = DeployIris("iris-keep");
        Model custom = Model.Register(Ws, Folder.Write("custom/weights.txt", "1"), "custom-model");

        Assert.That(() => service.Update(models: new[] { custom }, authEnabled: true, tags: new Dictionary<string, string> { ["t"] = "1" }),
            Throws.TypeOf<UserErrorException>().With.Message.Contains("'Custom'"));
        service.Refresh();

        Assert.Multiple(() =>
        {
            Assert.That(service.State, Is.EqualTo(WebserviceState.Healthy));
            Assert.That(service.AuthEnabled, Is.False, "a failed update must not claim key authentication the host doesn't enforce");
            Assert.That(service.Tags, Is.Empty);
            Assert.That(service.ModelIds, Is.EqualTo(new[] { "iris-onnx:1" }));
            Assert.That(service.Run("{\"data\": [[5.1, 3.5, 1.4, 0.2]]}"), Does.Contain("setosa"));
        });
    }

    [Test]
    public void RegenKey_NewKeyWorksOnTheVeryNextCall()
    {
        Webservice service = DeployIris("iris-regen", AciWebservice.DeployConfiguration(authEnabled: true));
        service.Run("{\"data\": [[5.1, 3.5, 1.4, 0.2]]}");

        service.RegenKey("Primary");
        service.RegenKey("Secondary", setKey: "my-own-secondary-key");

        Assert.Multiple(() =>
        {
            Assert.That(service.Run("{\"data\": [[5.1, 3.5, 1.4, 0.2]]}"), Does.Contain("setosa"));
            Assert.That(service.GetKeys().Secondary, Is.EqualTo("my-own-secondary-key"));
        });
    }

    [Test]
    public void DeleteModel_InUseByAService_IsRefused()
    {
        Webservice service = DeployIris("iris-in-use");
        Model model = service.Models.Single();

        Assert.That(() => model.Delete(), Throws.TypeOf<UserErrorException>().With.Message.Contains("iris-in-use"));
    }

    [Test]
    public async Task Score_NullValueAndTrailingText_AnswerCleanly()
    {
        Webservice service = DeployIris("iris-edges");

        using HttpResponseMessage withNull = await s_http.PostAsync(service.ScoringUri, new StringContent("{\"data\": [[null, 3.5, 1.4, 0.2]]}"));
        using HttpResponseMessage trailing = await s_http.PostAsync(service.ScoringUri, new StringContent("{\"data\": [[5.1, 3.5, 1.4, 0.2]]} garbage"));

        Assert.Multiple(async () =>
        {
            Assert.That(withNull.StatusCode, Is.EqualTo(HttpStatusCode.OK), await withNull.Content.ReadAsStringAsync());
            Assert.That(trailing.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(await trailing.Content.ReadAsStringAsync(), Does.Contain("after the JSON value"));
        });
    }
}
