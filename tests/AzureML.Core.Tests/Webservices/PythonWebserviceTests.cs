using System.Text.Json;
using AzureML.Core.Webservices;
using AzureML.TestUtilities;
using NUnit.Framework;

namespace AzureML.Core.Tests.Webservices;

[Category("Integration")]
public class PythonWebserviceTests : LocalWorkspaceTest
{

    [TearDown]
    public void TearDown()
    {
        foreach (Webservice service in Webservice.List(Ws)) service.Delete();
    }

    private Model TrainAndRegisterIris()
    {
        // The seed-000 flow: an unmodified azureml-core script trains the model in a run, then the run registers it.
        string source = Folder.Combine("src");
        Directory.CreateDirectory(source);
        File.Copy(Path.Combine(RepositoryPaths.Root, "samples", "QuickStart", "scripts", "train_iris.py"), Path.Combine(source, "train_iris.py"));
        var environment = new Environment("sklearn-env");
        environment.Python.CondaDependencies = new CondaDependencies();
        environment.Python.CondaDependencies.AddCondaPackage("scikit-learn");
        Run run = new Experiment(Ws, "train-sklearn").Submit(new ScriptRunConfig(source, "train_iris.py", environment: environment));
        run.WaitForCompletion();
        return run.RegisterModel(modelName: "sklearn-iris", modelPath: "outputs/model.joblib", modelFramework: Model.Framework.ScikitLearn,
            modelFrameworkVersion: "0.19.1", resourceConfiguration: new ResourceConfiguration(cpu: 1, memoryInGB: 0.5));
    }

    [Test]
    public void Deploy_ScikitLearnModelWithoutCode_ScoresTheSeedRequest()
    {
        Model model = TrainAndRegisterIris();

        Webservice service = Model.Deploy(Ws, "scikit-learn-service", new[] { model });
        service.WaitForDeployment(showOutput: true, timeoutSec: 120);
        string result = service.Run("{\"data\": [[5.1, 3.5, 1.4, 0.2], [6.7, 3.0, 5.2, 2.3], [5.9, 3.0, 4.2, 1.5]]}");

        using JsonDocument answer = JsonDocument.Parse(result);
        Assert.Multiple(() =>
        {
            Assert.That(service, Is.InstanceOf<AciWebservice>());
            Assert.That(service.State, Is.EqualTo(WebserviceState.Healthy));
            Assert.That(answer.RootElement.GetProperty("result").EnumerateArray().Select(e => e.GetInt64()), Is.EqualTo(new[] { 0L, 2L, 1L }));
            Assert.That(service.ModelIds, Is.EqualTo(new[] { "sklearn-iris:1" }));
            Assert.That(service.GetLogs(), Does.Match(@"Python: \S+ \(Python 3\.\d+\.\d+\) for environment 'sklearn-no-code', the first that has every package the environment lists"),
                "the log says which interpreter serves and why");
        });
    }

    [Test]
    public void Deploy_EntryScript_InitOnceRunPerRequest_And500CarriesTheError()
    {
        Model model = Model.Register(Ws, Folder.Write("model/weights.txt", "3"), "multiplier");
        Folder.Write("score/score.py", """
            import json, os
            from azureml.core.model import Model

            def init():
                global factor
                with open(Model.get_model_path("multiplier")) as f:
                    factor = float(f.read())

            def run(raw_data):
                data = json.loads(raw_data)["data"]
                if data == "boom":
                    raise ValueError("cannot score boom")
                return {"result": [x * factor for x in data], "missing": float("nan")}
            """);
        var inference = new InferenceConfig(entryScript: "score.py", sourceDirectory: Folder.Combine("score"));

        Webservice service = Model.Deploy(Ws, "multiplier-service", new[] { model }, inference, LocalWebservice.DeployConfiguration());
        service.WaitForDeployment(timeoutSec: 120);
        string scored = service.Run("{\"data\": [1, 2.5]}");
        WebserviceException? failure = Assert.Throws<WebserviceException>(() => service.Run("{\"data\": \"boom\"}"));

        Assert.Multiple(() =>
        {
            Assert.That(service, Is.InstanceOf<LocalWebservice>());
            Assert.That(scored, Is.EqualTo("{\"result\": [3.0, 7.5], \"missing\": null}"), "NaN is not JSON: it is answered as null");
            Assert.That(failure!.StatusCode, Is.EqualTo(500));
            Assert.That(failure.Message, Does.Contain("ValueError: cannot score boom"));
            Assert.That(failure.Message, Does.Not.Contain("Traceback").And.Not.Contain(Folder.Path).And.Not.Contain("scoring_host"),
                "the caller gets the message; the traceback stays in the service log");
            Assert.That(service.GetLogs(), Does.Contain("Traceback (most recent call last):").And.Contain("raise ValueError(\"cannot score boom\")"));
            Assert.That(service.Run("{\"data\": [2]}"), Is.EqualTo("{\"result\": [6.0], \"missing\": null}"), "the service must keep answering after a failing run()");
        });
    }

    [Test]
    public void Deploy_EntryScriptWhoseInitFails_FailedWithTheTraceback()
    {
        Model model = Model.Register(Ws, Folder.Write("model/weights.txt", "3"), "broken");
        Folder.Write("score/score.py", "def init():\n    raise RuntimeError('model file is corrupt')\n\ndef run(raw_data):\n    return raw_data\n");

        Webservice service = Model.Deploy(Ws, "broken-service", new[] { model }, new InferenceConfig(entryScript: Folder.Combine("score", "score.py")));

        WebserviceException? error = Assert.Throws<WebserviceException>(() => service.WaitForDeployment(timeoutSec: 120));
        Assert.Multiple(() =>
        {
            Assert.That(service.State, Is.EqualTo(WebserviceState.Failed));
            Assert.That(error!.Message, Does.Contain("current service state: Failed"));
            Assert.That(error.Message, Does.Contain("RuntimeError: model file is corrupt"));
            Assert.That(error.Message, Does.Contain("Traceback").And.Contain("score.py"));
            Assert.That(ProcessTable.FindServiceHosts("broken-service").Where(ProcessTable.IsAlive), Is.Empty);
        });
    }

    [Test]
    public void Deploy_CustomFrameworkWithoutInferenceConfig_SaysWhatToDo()
    {
        Model model = Model.Register(Ws, Folder.Write("model/weights.txt", "3"), "custom");

        Assert.That(() => Model.Deploy(Ws, "custom-service", new[] { model }), Throws.TypeOf<UserErrorException>()
            .With.Message.Contains("'Custom'").And.Message.Contains("InferenceConfig"));
    }

    [TestCase("Bad_Name")]
    [TestCase("ab")]
    [TestCase("ends-with-")]
    [TestCase("9starts-with-digit")]
    public void Deploy_InvalidServiceName_StatesTheRule(string name)
    {
        Model model = Model.Register(Ws, Folder.Write("model/weights.txt", "3"), "named");

        Assert.That(() => Model.Deploy(Ws, name, new[] { model }), Throws.TypeOf<UserErrorException>().With.Message.Contains("3 to 32 characters"));
    }

    [Test]
    public void Deploy_EntryScriptInAProjectHoldingTheWorkspace_CopiesTheSourceNotTheWorkspace()
    {
        // The usual layout: score.py at the project root, the local workspace in .azureml/local below it.
        Workspace ws = Workspace.Local(Folder.Combine("project", ".azureml", "local"));
        Model model = Model.Register(ws, Folder.Write("model/weights.txt", "2"), "doubler");
        Folder.Write("project/score.py", "import json\ndef init():\n    pass\ndef run(raw_data):\n    return {'result': [x * 2 for x in json.loads(raw_data)['data']]}\n");
        var inference = new InferenceConfig(entryScript: "score.py", sourceDirectory: Folder.Combine("project"));

        Webservice service = Model.Deploy(ws, "doubler-service", new[] { model }, inference);
        try
        {
            service.WaitForDeployment(timeoutSec: 120);
            string source = Folder.Combine("project", ".azureml", "local", "services", "doubler-service", "g1", "source");

            Assert.Multiple(() =>
            {
                Assert.That(service.Run("{\"data\": [1, 2]}"), Is.EqualTo("{\"result\": [2, 4]}"));
                Assert.That(Directory.GetFileSystemEntries(source).Select(Path.GetFileName), Is.EqualTo(new[] { "score.py" }));
            });
        }
        finally
        {
            service.Delete();
        }
    }

    [Test]
    public void Update_NewModelOnly_KeepsTheEntryScript()
    {
        Model first = Model.Register(Ws, Folder.Write("m1/weights.txt", "3"), "multiplier");
        Model second = Model.Register(Ws, Folder.Write("m2/weights.txt", "5"), "multiplier");
        Folder.Write("score/score.py", "import json\nfrom azureml.core.model import Model\ndef init():\n    global f\n    f = float(open(Model.get_model_path('multiplier')).read())\n" +
            "def run(raw_data):\n    return {'result': [x * f for x in json.loads(raw_data)['data']]}\n");
        Webservice service = Model.Deploy(Ws, "multiply", new[] { first }, new InferenceConfig(entryScript: "score.py", sourceDirectory: Folder.Combine("score")));
        service.WaitForDeployment(timeoutSec: 120);

        service.Update(models: new[] { second });
        service.WaitForDeployment(timeoutSec: 120);

        Assert.That(service.Run("{\"data\": [2]}"), Is.EqualTo("{\"result\": [10.0]}"));
    }
}
