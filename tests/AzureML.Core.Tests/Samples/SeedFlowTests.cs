using AzureML.Core.Webservices;
using AzureML.TestUtilities;
using NUnit.Framework;
using Environment = AzureML.Core.Environment;

namespace AzureML.Core.Tests.Samples;

/// <summary>
/// The seed scenarios' C# lines, run as written (the API contract): relative paths resolve against the
/// current directory, so the fixture runs alone.
/// </summary>
[Category("Integration")]
[NonParallelizable]
public class SeedFlowTests
{
    private string _previousDirectory = null!;
    private TestFolder _project = null!;

    [SetUp]
    public void SetUp()
    {
        _project = new TestFolder();
        _project.Write(".azureml/config.json", """{"workspace_name": "seed-ws", "local_path": "local"}""");
        _project.Write("sklearn-env.yml", "name: sklearn-training-env\ndependencies:\n  - python=3.6.2\n  - scikit-learn\n  - numpy\n  - pip:\n    - azureml-defaults\n");
        File.Copy(Path.Combine(RepositoryPaths.Root, "samples", "QuickStart", "scripts", "train_iris.py"), _project.Combine("train_iris.py"));
        _previousDirectory = Directory.GetCurrentDirectory();
        Directory.SetCurrentDirectory(_project.Path);
    }

    [TearDown]
    public void TearDown()
    {
        Directory.SetCurrentDirectory(_previousDirectory);
        _project.Dispose();
    }

    [Test]
    public void Seed000_ScikitLearnIris_TrainRegisterDeployScore()
    {
        var ws = Workspace.FromConfig();                                   // config.json search rules

        var myenv = Environment.FromCondaSpecification(name: "myenv", filePath: "sklearn-env.yml");
        myenv.Docker.Enabled = true;
        var curated = Environment.Get(ws, name: "AzureML-Tutorial");       // curated environment

        var sklearnconfig = new ScriptRunConfig(sourceDirectory: ".", script: "train_iris.py");
        sklearnconfig.RunConfig.Environment = myenv;                      // or .RunConfig.Target = "cpu-cluster"

        var run = new Experiment(ws, "train-sklearn").Submit(sklearnconfig);
        run.WaitForCompletion(showOutput: true);                           // streams the script's output

        IReadOnlyDictionary<string, object> metrics = run.GetMetrics();

        var model = run.RegisterModel(
            modelName: "sklearn-iris",
            modelPath: "outputs/model.joblib",
            modelFramework: Model.Framework.ScikitLearn,
            modelFrameworkVersion: "0.19.1",
            resourceConfiguration: new ResourceConfiguration(cpu: 1, memoryInGB: 0.5));

        Webservice webService = Model.Deploy(ws, "scikit-learn-service", new[] { model });   // no-code deploy
        webService.WaitForDeployment(showOutput: true);
        string result = webService.Run("{\"data\": [[5.1, 3.5, 1.4, 0.2]]}");

        try
        {
            Assert.Multiple(() =>
            {
                Assert.That(ws.Name, Is.EqualTo("seed-ws"));
                Assert.That(curated.Name, Is.EqualTo("AzureML-Tutorial"));
                Assert.That(metrics.Keys, Is.SupersetOf(new[] { "Kernel type", "Penalty", "Accuracy" }));
                Assert.That(model.Id, Is.EqualTo("sklearn-iris:1"));
                Assert.That(result, Does.StartWith("{\"result\": [0]"));
                Assert.That(run.GetFileNames(), Does.Contain("azureml-logs/preparation.txt"));
            });
        }
        finally
        {
            webService.Delete();
        }
    }
}
