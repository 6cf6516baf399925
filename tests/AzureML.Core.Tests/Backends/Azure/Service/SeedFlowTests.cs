using AzureML.Core.Compute;
using AzureML.Core.Data;
using AzureML.Core.Tests.Backends.Azure.Blobs;
using AzureML.Core.Tests.Backends.Azure.Infrastructure;
using AzureML.Core.Webservices;
using NUnit.Framework;
using Environment = AzureML.Core.Environment;

namespace AzureML.Core.Tests.Backends.Azure.Service;

/// <summary>
/// The seed scenarios as a user writes them, against an Azure <c>config.json</c>: every call goes through the user's
/// <see cref="AzureMLClientOptions"/> to a fake Azure ML service (request bodies checked against the spec's schemas),
/// with a fake credential; blobs go to Azurite on loopback.
/// </summary>
[Category("Integration")]
[NonParallelizable]
public class SeedFlowTests
{
    private AzuriteServer _azurite = null!;
    private TestFolder _folder = null!;
    private FakeAzureMLService _service = null!;

    [OneTimeSetUp]
    public void StartAzurite() => _azurite = AzuriteServer.Start(RepositoryPaths.Root);

    [OneTimeTearDown]
    public void StopAzurite() => _azurite?.Dispose();

    [SetUp]
    public void NewService()
    {
        _folder = new TestFolder();
        _service = new FakeAzureMLService(_azurite);
    }

    [TearDown]
    public void DeleteFolder() => _folder.Dispose();

    private Workspace FromConfig()
    {
        File.WriteAllText(_folder.Combine("config.json"),
            $$"""{"subscription_id": "{{AzureContractTest.Subscription}}", "resource_group": "{{AzureContractTest.ResourceGroup}}", "workspace_name": "{{AzureContractTest.WorkspaceName}}"}""");
        var options = new AzureMLClientOptions { Transport = _service };
        options.Clock = new FakeClock();
        return Workspace.FromConfig(_folder.Path, auth: new FakeTokenCredential(), options: options);
    }

    [Test]
    public void Seed000_SubmitWaitMetricsRegisterDeployScore()
    {
        _service.OnJobSubmitted = job =>
        {
            job.Then("Running", "Loading iris").Then("Running", "Kernel type: linear", "Accuracy: 0.97").Then("Completed");
            _service.Mlflow.Log(job.Name, "Accuracy", 0.97);
            _service.WriteRunFile(job.Name, "outputs/model.joblib", "joblib bytes"u8.ToArray());
        };
        _service.Score = (endpoint, body) => endpoint == "scikit-learn-service" && body.Contains("5.1") ? "[0]" : "unexpected";
        _folder.Write("src/train_iris.py", "print('training')\n");

        Workspace ws = FromConfig();
        ComputeTarget.Create(ws, "cpu-cluster", AmlCompute.ProvisioningConfiguration(vmSize: "Standard_D2_v2", maxNodes: 2)).WaitForCompletion();
        var config = new ScriptRunConfig(sourceDirectory: _folder.Combine("src"), script: "train_iris.py", arguments: new object[] { "--kernel", "linear" });
        config.RunConfig.Target = "cpu-cluster";
        Run run = new Experiment(ws, "train-sklearn").Submit(config);
        var output = new StringWriter();
        TextWriter console = Console.Out;
        Console.SetOut(output);
        try
        {
            run.WaitForCompletion(showOutput: true);
        }
        finally
        {
            Console.SetOut(console);
        }

        IReadOnlyDictionary<string, object> metrics = run.GetMetrics();
        Model model = run.RegisterModel(modelName: "sklearn-iris", modelPath: "outputs/model.joblib", modelFramework: Model.Framework.ScikitLearn,
            modelFrameworkVersion: "1.5.1", resourceConfiguration: new ResourceConfiguration(cpu: 1, memoryInGB: 0.5));
        Webservice service = Model.Deploy(ws, "scikit-learn-service", new[] { model });
        service.WaitForDeployment(showOutput: false);
        string result = service.Run("{\"data\": [[5.1, 3.5, 1.4, 0.2]]}");

        _service.AssertNoFailures();
        Assert.That(run.GetStatus(), Is.EqualTo(RunStatus.Completed));
        Assert.That(output.ToString(), Does.Contain("Loading iris").And.Contain("Accuracy: 0.97"), "the job's log is streamed");
        Assert.That(metrics["Accuracy"], Is.EqualTo(0.97));
        Assert.That(model.Version, Is.EqualTo(1));
        Assert.That(result, Is.EqualTo("[0]"));
        Assert.That(_service.Requests.Where(r => !r.IsBlob && r.IsAsync).Select(r => r.ToString()), Is.Empty, "sync calls go through the pipeline's synchronous Send");
        FakeJob job = _service.Job(run.Id);
        Assert.That(job.Resource["properties"]!["command"]!.GetValue<string>(), Is.EqualTo("python train_iris.py --kernel linear"));
        AssertInOrder(_service.Calls(r => !r.IsBlob),
            "GET management.azure.com" + AzureContractTest.WorkspacePath,
            "PUT management.azure.com" + AzureContractTest.Ws("computes/cpu-cluster"),
            "POST management.azure.com" + AzureContractTest.Ws("codes/"),
            "PUT management.azure.com" + AzureContractTest.Ws("codes/"),
            "PUT management.azure.com" + AzureContractTest.Ws("jobs/" + run.Id),
            "GET " + FakeAzureMLService.ApiHost + "/history/v1.0" + AzureContractTest.WorkspacePath + "/runs/" + run.Id + "/details",
            "PUT management.azure.com" + AzureContractTest.Ws("models/sklearn-iris/versions/1"),
            "PUT management.azure.com" + AzureContractTest.Ws("onlineEndpoints/scikit-learn-service"),
            "PUT management.azure.com" + AzureContractTest.Ws("onlineEndpoints/scikit-learn-service/deployments/default"),
            "PUT management.azure.com" + AzureContractTest.Ws("onlineEndpoints/scikit-learn-service"),
            "POST scikit-learn-service." + FakeAzureMLService.Region + ".inference.ml.azure.com/score");
    }

    [Test]
    public void Seed003_ComputeGetOrCreate_AndARegisteredDatasetToDataFrame()
    {
        Workspace ws = FromConfig();
        AmlCompute amlCompute;
        bool created = false;
        try
        {
            amlCompute = new AmlCompute(ws, "heart-f-cluster");
        }
        catch (ComputeTargetException)
        {
            var amlConfig = AmlCompute.ProvisioningConfiguration(vmSize: "Standard_D2_v2", minNodes: 1, maxNodes: 3);
            amlCompute = (AmlCompute)ComputeTarget.Create(ws, "heart-f-cluster", amlConfig);
            amlCompute.WaitForCompletion(showOutput: false);
            created = true;
        }

        ComputeTarget computeTarget = ws.ComputeTargets["heart-f-cluster"];
        Datastore datastore = ws.GetDefaultDatastore();
        string csv = _folder.Write("heart.csv", "age,anaemia,DEATH_EVENT\n75,0,1\n55,0,1\n65,1,0\n");
        datastore.UploadFiles([csv], targetPath: "heart", showProgress: false);
        Dataset.Tabular.FromDelimitedFiles((datastore, "heart/heart.csv")).Register(ws, "heart-failure-records");
        Dataset dataset = ws.Datasets["heart-failure-records"];
        DataFrame df = ((TabularDataset)dataset).ToDataFrame();

        _service.AssertNoFailures();
        Assert.That(created, Is.True, "the first get of a missing cluster throws ComputeTargetException");
        Assert.That(new AmlCompute(ws, "heart-f-cluster").Name, Is.EqualTo("heart-f-cluster"), "the second get finds it");
        Assert.That(computeTarget.ProvisioningState, Is.EqualTo("Succeeded"));
        Assert.That(df.RowCount, Is.EqualTo(3));
        Assert.That(df.Columns.Select(c => c.Name), Is.EqualTo(new[] { "age", "anaemia", "DEATH_EVENT" }));
        AssertInOrder(_service.Calls(r => !r.IsBlob),
            "GET management.azure.com" + AzureContractTest.Ws("computes/heart-f-cluster"),
            "PUT management.azure.com" + AzureContractTest.Ws("computes/heart-f-cluster"),
            "GET management.azure.com" + AzureContractTest.Ws("computes"),
            "GET management.azure.com" + AzureContractTest.Ws("datastores"),
            "PUT management.azure.com" + AzureContractTest.Ws("data/heart-failure-records/versions/1"),
            "GET management.azure.com" + AzureContractTest.Ws("data"));
    }

    [Test]
    public async Task Seed004_ACuratedEnvironment_RunsByItsRegistryId_Async()
    {
        _service.AddCuratedEnvironment("AzureML-Tutorial", "89", "mcr.microsoft.com/azureml/openmpi4.1.0-ubuntu20.04");
        _service.OnJobSubmitted = job => job.Then("Running", "hello from the job").Then("Completed");
        _folder.Write("src/train_iris.py", "print('training')\n");

        Workspace ws = FromConfig();
        var experiment = new Experiment(ws, "train-sklearn"); // a constructor: its get-or-create is synchronous
        int opened = _service.Requests.Count;
        ComputeTarget cluster = await ComputeTarget.CreateAsync(ws, "cpu-cluster", AmlCompute.ProvisioningConfiguration(vmSize: "Standard_D2_v2", maxNodes: 2));
        Environment curated = await Environment.GetAsync(ws, name: "AzureML-Tutorial");
        var config = new ScriptRunConfig(sourceDirectory: _folder.Combine("src"), script: "train_iris.py");
        config.RunConfig.Environment = curated;
        config.RunConfig.Target = cluster.Name;
        Run run = await experiment.SubmitAsync(config);
        var lines = new List<string>();
        await run.WaitForCompletionAsync(output: lines.Add);

        _service.AssertNoFailures();
        Assert.That(curated.Version, Is.EqualTo("89"));
        Assert.That(await run.GetStatusAsync(), Is.EqualTo(RunStatus.Completed));
        Assert.That(_service.Job(run.Id).Resource["properties"]!["environmentId"]!.GetValue<string>(),
            Is.EqualTo("azureml://registries/azureml/environments/AzureML-Tutorial/versions/89"));
        Assert.That(lines, Does.Contain("hello from the job"));
        Assert.That(_service.Calls(), Has.None.Matches<string>(c => c.StartsWith("PUT", StringComparison.Ordinal) && c.Contains("/environments/")),
            "a curated environment is not registered in the workspace");
        Assert.That(_service.Requests.Skip(opened).Where(r => !r.IsBlob && !r.IsAsync).Select(r => r.ToString()), Is.Empty, "async calls go through the pipeline's SendAsync");
    }

    // Each expected call (a prefix of "METHOD host/path") appears after the previous one.
    private static void AssertInOrder(IReadOnlyList<string> calls, params string[] expected)
    {
        int at = 0;
        foreach (string call in expected)
        {
            while (at < calls.Count && !calls[at].StartsWith(call, StringComparison.Ordinal)) at++;
            Assert.That(at, Is.LessThan(calls.Count), $"Expected '{call}' after the calls before it. Calls:\n{string.Join("\n", calls)}");
            at++;
        }
    }
}
