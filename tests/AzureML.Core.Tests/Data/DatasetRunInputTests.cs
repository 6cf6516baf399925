using AzureML.Core.Compute;
using AzureML.Core.Data;
using NUnit.Framework;

namespace AzureML.Core.Tests.Data;

[Category("Integration")]
public class DatasetRunInputTests : LocalWorkspaceTest
{
    private const string ListingScript = """
        import os, sys
        from azureml.core import Run
        run = Run.get_context()
        path = sys.argv[sys.argv.index("--data-folder") + 1]
        variable = os.environ.get("MNIST_PATH") or os.environ.get("mnist")
        def listing(p):
            return sorted(os.path.relpath(os.path.join(d, f), p) for d, _, fs in os.walk(p) for f in fs)
        print("argument:", listing(path))
        print("variable:", listing(variable))
        print("input_datasets:", listing(run.input_datasets["mnist"]))
        print("same path:", os.path.realpath(path) == os.path.realpath(variable) == os.path.realpath(run.input_datasets["mnist"]))
        """;

    private FileDataset _dataset = null!;

    [SetUp]
    public void SetUp()
    {
        Folder.Write("raw/train-images.gz", "images");
        Folder.Write("raw/labels/train-labels.gz", "labels");
        Datastore datastore = Ws.GetDefaultDatastore();
        datastore.Upload(Folder.Combine("raw"), targetPath: "mnist", showProgress: false);
        _dataset = (FileDataset)Dataset.File.FromFiles((datastore, "mnist/**")).Register(Ws, "mnist-dataset");
        Folder.Write("src/train.py", ListingScript);
    }

    [Test]
    public void Submit_ArgumentPlaceholderAsMount_ScriptReceivesThePath()
    {
        var config = new ScriptRunConfig(Folder.Combine("src"), "train.py",
            arguments: new object[] { "--data-folder", _dataset.AsNamedInput("mnist").AsMount() });

        Run run = new Experiment(Ws, "dataset-input").Submit(config);
        var lines = new List<string>();
        RunDetails details = run.WaitForCompletionAsync(lines.Add, raiseOnError: false).GetAwaiter().GetResult();

        Assert.Multiple(() =>
        {
            Assert.That(details.Status, Is.EqualTo(RunStatus.Completed), string.Join("\n", lines));
            Assert.That(lines, Has.Some.EqualTo("argument: ['labels/train-labels.gz', 'train-images.gz']"));
            Assert.That(lines, Has.Some.EqualTo("variable: ['labels/train-labels.gz', 'train-images.gz']"));
            Assert.That(lines, Has.Some.EqualTo("same path: True"));
            Assert.That(run.InputDatasets.Keys, Is.EquivalentTo(new[] { "mnist" }));
        });
    }

    [Test]
    public void Submit_Seed002RunConfigDataSection_RunsOnTheClusterWithTheDownloadedDataset()
    {
        var cluster = (AmlCompute)ComputeTarget.Create(Ws, "cpu-cluster", AmlCompute.ProvisioningConfiguration(vmSize: "Standard_D2_v2", maxNodes: 4));
        cluster.WaitForCompletion();
        Folder.Write("src/.azureml/mnist.runconfig", $"""
            script: train.py
            arguments: [--data-folder, DatasetConsumptionConfig:mnist]
            target: cpu-cluster
            framework: Python
            communicator: None
            nodeCount: 1
            environment:
              name: mnist-env
              python:
                userManagedDependencies: false
                interpreterPath: python
            data:
              mnist:
                dataLocation:
                  dataset:
                    id: {_dataset.Id}
                  datapath:
                createOutputDirectories: false
                mechanism: download
                environmentVariableName: MNIST_PATH
                pathOnCompute: inputs/mnist
                overwrite: false
            """);
        RunConfiguration runConfig = RunConfiguration.Load(Folder.Combine("src"), "mnist");

        Run run = new Experiment(Ws, "tutorial-cli").Submit(new ScriptRunConfig(Folder.Combine("src"), runConfig: runConfig));
        var lines = new List<string>();
        RunDetails details = run.WaitForCompletionAsync(lines.Add, raiseOnError: false).GetAwaiter().GetResult();

        Assert.Multiple(() =>
        {
            Assert.That(details.Status, Is.EqualTo(RunStatus.Completed), string.Join("\n", lines));
            Assert.That(details.Target, Is.EqualTo("cpu-cluster"));
            Assert.That(lines, Has.Some.EqualTo("argument: ['labels/train-labels.gz', 'train-images.gz']"));
            Assert.That(lines, Has.Some.EqualTo("same path: True"));
            Assert.That(run.InputDatasets["mnist"], Does.EndWith("inputs/mnist"));
        });
    }
}
