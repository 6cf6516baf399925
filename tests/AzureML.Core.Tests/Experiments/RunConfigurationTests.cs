using AzureML.Core.Tests.Environments;
using AzureML.TestUtilities;
using NUnit.Framework;

namespace AzureML.Core.Tests.Experiments;

public class RunConfigurationTests
{
    private static RunConfiguration LoadMnist(TestFolder folder)
    {
        Fixtures.CopyTo(folder, "runconfig", "mnist.runconfig", ".azureml/mnist.runconfig");
        Fixtures.CopyTo(folder, "runconfig", "conda_dependencies.yml", ".azureml/conda_dependencies.yml");
        return RunConfiguration.Load(folder.Path, "mnist");
    }

    [Test]
    public void Load_CliMnistFile_ReadsTopLevelFields()
    {
        using var folder = new TestFolder();

        RunConfiguration config = LoadMnist(folder);

        Assert.Multiple(() =>
        {
            Assert.That(config.Script, Is.EqualTo("train.py"));
            Assert.That(config.Arguments, Is.EqualTo(new object[] { "--data-folder", "DatasetConsumptionConfig:mnist", "--regularization", 0.5 }));
            Assert.That(config.Target, Is.EqualTo("cpu-cluster"));
            Assert.That(config.Framework, Is.EqualTo("Python"));
            Assert.That(config.Communicator, Is.EqualTo("None"));
            Assert.That(config.MaxRunDurationSeconds, Is.Null);
            Assert.That(config.NodeCount, Is.EqualTo(4));
            Assert.That(config.Command, Is.Empty);
        });
    }

    [Test]
    public void Load_CliMnistFile_ReadsEnvironmentAndCondaFile()
    {
        using var folder = new TestFolder();

        Environment environment = LoadMnist(folder).Environment;

        Assert.Multiple(() =>
        {
            Assert.That(environment.Name, Is.EqualTo("mnist-env"));
            Assert.That(environment.Version, Is.Null);
            Assert.That(environment.EnvironmentVariables["EXAMPLE_ENV_VAR"], Is.EqualTo("EXAMPLE_VALUE"));
            Assert.That(environment.Python.UserManagedDependencies, Is.False);
            Assert.That(environment.Python.InterpreterPath, Is.EqualTo("python"));
            Assert.That(environment.Python.CondaDependenciesFile, Is.EqualTo(".azureml/conda_dependencies.yml"));
            Assert.That(environment.Python.CondaDependencies!.PythonVersion, Is.EqualTo("3.8.13"));
            Assert.That(environment.Python.CondaDependencies.CondaPackages, Is.EqualTo(new[] { "scikit-learn=0.24.2" }));
            Assert.That(environment.Python.CondaDependencies.PipPackages, Is.EqualTo(new[] { "azureml-defaults", "joblib==1.1.0" }));
            Assert.That(environment.Docker.Enabled, Is.True);
            Assert.That(environment.Docker.BaseImage, Is.EqualTo("mcr.microsoft.com/azureml/openmpi4.1.0-ubuntu20.04"));
            Assert.That(environment.Docker.ShmSize, Is.EqualTo("2g"));
            Assert.That(environment.Docker.BaseImageRegistry, Is.Null);
        });
    }

    [Test]
    public void Load_CliMnistFile_ReadsSections()
    {
        using var folder = new TestFolder();

        RunConfiguration config = LoadMnist(folder);

        Assert.Multiple(() =>
        {
            Assert.That(config.History.OutputCollection, Is.True);
            Assert.That(config.History.SnapshotProject, Is.False);
            Assert.That(config.History.DirectoriesToWatch, Is.EqualTo(new[] { "logs", "checkpoints" }));
            Assert.That(config.Spark.Configuration["spark.app.name"], Is.EqualTo("MNIST training"));
            Assert.That(config.Spark.Configuration["spark.yarn.maxAppAttempts"], Is.EqualTo("1"));
            Assert.That(config.Hdi.YarnDeployMode, Is.EqualTo("client"));
            Assert.That(config.Tensorflow.WorkerCount, Is.EqualTo(2));
            Assert.That(config.Tensorflow.ParameterServerCount, Is.EqualTo(1));
            Assert.That(config.Mpi.ProcessCountPerNode, Is.EqualTo(2));
            Assert.That(config.AmlCompute.VmSize, Is.EqualTo("Standard_D2_v2"));
            Assert.That(config.AmlCompute.VmPriority, Is.EqualTo("lowpriority"));
            Assert.That(config.AmlCompute.ClusterMaxNodeCount, Is.EqualTo(4));
            Assert.That(config.SourceDirectoryDataStore, Is.Null);
        });
    }

    [Test]
    public void Load_CliMnistFile_ReadsDataInputsAndReferences()
    {
        using var folder = new TestFolder();

        RunConfiguration config = LoadMnist(folder);

        RunConfigurationData mnist = config.Data["mnist"];
        RunConfigurationData labels = config.Data["labels"];
        DataReferenceConfiguration validation = config.DataReferences["validation"];
        Assert.Multiple(() =>
        {
            Assert.That(mnist.DataLocation.Dataset!.Id, Is.EqualTo("ed4b4117-8eec-4a5f-afb6-481bd5ef0017"));
            Assert.That(mnist.DataLocation.DataPath, Is.Null);
            Assert.That(mnist.Mechanism, Is.EqualTo("mount"));
            Assert.That(mnist.EnvironmentVariableName, Is.EqualTo("mnist"));
            Assert.That(mnist.PathOnCompute, Is.EqualTo("/mnt/mnist"));
            Assert.That(mnist.Overwrite, Is.True);
            Assert.That(mnist.CreateOutputDirectories, Is.False);
            Assert.That(labels.DataLocation.Dataset!.Name, Is.EqualTo("mnist-labels"));
            Assert.That(labels.DataLocation.Dataset.Version, Is.EqualTo("3"));
            Assert.That(labels.Mechanism, Is.EqualTo("download"));
            Assert.That(validation.DatastoreName, Is.EqualTo("myblobstore"));
            Assert.That(validation.Mode, Is.EqualTo("download"));
            Assert.That(validation.PathOnDatastore, Is.EqualTo("images/validation"));
        });
    }

    [Test]
    public void Save_LoadedMnistFile_RoundTripsEveryValue()
    {
        using var folder = new TestFolder();
        RunConfiguration original = LoadMnist(folder);
        string copyFolder = folder.Combine("copy");
        Directory.CreateDirectory(copyFolder);

        original.Save(copyFolder, "mnist");
        RunConfiguration copy = RunConfiguration.Load(copyFolder, "mnist");

        Assert.Multiple(() =>
        {
            Assert.That(copy.Arguments, Is.EqualTo(original.Arguments));
            Assert.That(copy.NodeCount, Is.EqualTo(4));
            Assert.That(copy.Environment.Docker.Enabled, Is.True);
            Assert.That(copy.Environment.Python.CondaDependencies!.SerializeToString(), Is.EqualTo(original.Environment.Python.CondaDependencies!.SerializeToString()));
            Assert.That(copy.Data["mnist"].DataLocation.Dataset!.Id, Is.EqualTo("ed4b4117-8eec-4a5f-afb6-481bd5ef0017"));
            Assert.That(copy.Data["labels"].DataLocation.Dataset!.Version, Is.EqualTo("3"));
            Assert.That(copy.History.DirectoriesToWatch, Is.EqualTo(new[] { "logs", "checkpoints" }));
            Assert.That(copy.Spark.Configuration, Is.EquivalentTo(original.Spark.Configuration));
            Assert.That(copy.DataReferences["validation"].PathOnDatastore, Is.EqualTo("images/validation"));
        });
    }

    [Test]
    public void Save_LoadedMnistFile_KeepsEnvironmentSparkAndDatabricksSections()
    {
        using var folder = new TestFolder();
        RunConfiguration config = LoadMnist(folder);

        string written = File.ReadAllText(config.Save(folder.Combine("out.runconfig")));

        Assert.That(written, Does.Contain("  spark:\n    repositories: []\n    packages: []\n    precachePackages: true"));
        Assert.That(written, Does.Contain("  databricks:\n    mavenLibraries: []"));
    }

    [Test]
    public void Save_FolderAndName_WritesAzuremlFolderAndCondaFile()
    {
        using var folder = new TestFolder();
        var config = new RunConfiguration(script: "train.py", arguments: new object[] { "--epochs", 5 });
        config.Environment.Python.CondaDependencies = CondaDependencies.Create(condaPackages: new[] { "scikit-learn" });

        string file = config.Save(folder.Path, "train");

        string written = File.ReadAllText(file);
        Assert.Multiple(() =>
        {
            Assert.That(file, Is.EqualTo(folder.Combine(".azureml", "train.runconfig")));
            Assert.That(written, Does.StartWith("script: train.py\narguments:\n- --epochs\n- 5\ntarget: local\nframework: Python\n"));
            Assert.That(written, Does.Contain("condaDependenciesFile: .azureml/conda_dependencies.yml"));
            Assert.That(written, Does.Not.Contain("condaDependencies:"));
            Assert.That(File.ReadAllText(folder.Combine(".azureml", "conda_dependencies.yml")), Does.Contain("- scikit-learn"));
        });
    }

    [Test]
    public void Save_ProjectWithAmlConfigFolder_WritesThere()
    {
        using var folder = new TestFolder();
        Directory.CreateDirectory(folder.Combine("aml_config"));
        var config = new RunConfiguration(script: "train.py");
        config.Environment.Python.CondaDependencies = CondaDependencies.Create();

        string file = config.Save(folder.Path, "train.runconfig");

        Assert.Multiple(() =>
        {
            Assert.That(file, Is.EqualTo(folder.Combine("aml_config", "train.runconfig")));
            Assert.That(File.Exists(folder.Combine("aml_config", "conda_dependencies.yml")), Is.True);
            Assert.That(RunConfiguration.Load(folder.Path, "train").Environment.Python.CondaDependenciesFile, Is.EqualTo("aml_config/conda_dependencies.yml"));
        });
    }

    [Test]
    public void Save_FilePath_WritesThatFileAndCondaFileBesideIt()
    {
        using var folder = new TestFolder();
        var config = new RunConfiguration(script: "train.py");
        config.Environment.Python.CondaDependencies = CondaDependencies.Create(pipPackages: new[] { "lightgbm" });

        string file = config.Save(folder.Combine("configs", "gpu.runconfig"));

        RunConfiguration loaded = RunConfiguration.Load(file);
        Assert.Multiple(() =>
        {
            Assert.That(file, Is.EqualTo(folder.Combine("configs", "gpu.runconfig")));
            Assert.That(loaded.Environment.Python.CondaDependenciesFile, Is.EqualTo("conda_dependencies.yml"));
            Assert.That(loaded.Environment.Python.CondaDependencies!.PipPackages, Does.Contain("lightgbm"));
        });
    }

    [Test]
    public void Save_FolderWithoutName_ThrowsNamingTheFolder()
    {
        using var folder = new TestFolder();

        var error = Assert.Throws<UserErrorException>(() => new RunConfiguration("train.py").Save(folder.Path));

        Assert.That(error!.Message, Does.Contain(folder.Path).And.Contain("without a name"));
    }

    [Test]
    public void Save_RunEnvironmentVariables_WrittenIntoEnvironment()
    {
        using var folder = new TestFolder();
        var config = new RunConfiguration("train.py") { EnvironmentVariables = { ["RUN_LEVEL"] = "1" } };
        config.Environment.EnvironmentVariables["ENV_LEVEL"] = "2";

        RunConfiguration loaded = RunConfiguration.Load(config.Save(folder.Combine("a.runconfig")));

        Assert.That(loaded.Environment.EnvironmentVariables, Is.EquivalentTo(new Dictionary<string, string> { ["ENV_LEVEL"] = "2", ["RUN_LEVEL"] = "1" }));
    }

    [Test]
    public void Save_NewConfiguration_RoundTripsSettableSections()
    {
        using var folder = new TestFolder();
        var config = new RunConfiguration(command: new[] { "python", "train.py", "--lr", "0.01" })
        {
            Target = "gpu-cluster",
            Framework = "PyTorch",
            Communicator = "Nccl",
            MaxRunDurationSeconds = 3600,
            NodeCount = 2,
            Priority = 5,
            Docker = new DockerConfiguration(useDocker: true, shmSize: "16g", arguments: new[] { "--ipc=host" }),
            PyTorch = { CommunicationBackend = "gloo", ProcessCount = 4 },
            CredentialPassthrough = true,
            OutputData = { ["model"] = new OutputData { Mechanism = "upload", EnvironmentVariableName = "MODEL_DIR", PathOnCompute = "outputs/model" } },
        };
        config.Data["images"] = new RunConfigurationData
        {
            DataLocation = new DataLocation { DataPath = new DataPathReference { DatastoreName = "workspaceblobstore", RelativePath = "images/" } },
            Mechanism = "download",
        };

        RunConfiguration loaded = RunConfiguration.Load(config.Save(folder.Combine("pt.runconfig")));

        Assert.Multiple(() =>
        {
            Assert.That(loaded.Command, Is.EqualTo(new[] { "python", "train.py", "--lr", "0.01" }));
            Assert.That(loaded.Script, Is.Null);
            Assert.That(loaded.Target, Is.EqualTo("gpu-cluster"));
            Assert.That(loaded.Framework, Is.EqualTo("PyTorch"));
            Assert.That(loaded.Communicator, Is.EqualTo("Nccl"));
            Assert.That(loaded.MaxRunDurationSeconds, Is.EqualTo(3600));
            Assert.That(loaded.Priority, Is.EqualTo(5));
            Assert.That(loaded.Docker.UseDocker, Is.True);
            Assert.That(loaded.Docker.SharedVolumes, Is.Null);
            Assert.That(loaded.Docker.ShmSize, Is.EqualTo("16g"));
            Assert.That(loaded.Docker.Arguments, Is.EqualTo(new[] { "--ipc=host" }));
            Assert.That(loaded.PyTorch.CommunicationBackend, Is.EqualTo("gloo"));
            Assert.That(loaded.PyTorch.ProcessCount, Is.EqualTo(4));
            Assert.That(loaded.CredentialPassthrough, Is.True);
            Assert.That(loaded.OutputData["model"].Mechanism, Is.EqualTo("upload"));
            Assert.That(loaded.OutputData["model"].PathOnCompute, Is.EqualTo("outputs/model"));
            Assert.That(loaded.Data["images"].DataLocation.DataPath!.RelativePath, Is.EqualTo("images/"));
            Assert.That(loaded.Environment.Python.CondaDependencies, Is.Null);
        });
    }

    [Test]
    public void Load_MinimalFile_UsesDefaults()
    {
        RunConfiguration config = RunConfiguration.Load(Fixtures.Path("runconfig", "minimal.runconfig"));

        Assert.Multiple(() =>
        {
            Assert.That(config.Script, Is.EqualTo("score.py"));
            Assert.That(config.Arguments, Is.Empty);
            Assert.That(config.Target, Is.EqualTo("local"));
            Assert.That(config.Framework, Is.EqualTo("Python"));
            Assert.That(config.NodeCount, Is.EqualTo(1));
            Assert.That(config.History.OutputCollection, Is.True);
            Assert.That(config.Environment.Python.InterpreterPath, Is.EqualTo("python"));
            Assert.That(config.Data, Is.Empty);
        });
    }

    [Test]
    public void Load_JsonFileWithInlineCondaDependencies_ReadsThem()
    {
        RunConfiguration config = RunConfiguration.Load(Fixtures.Path("runconfig", "inline-conda.runconfig"));

        CondaDependencies conda = config.Environment.Python.CondaDependencies!;
        Assert.Multiple(() =>
        {
            Assert.That(config.Arguments, Is.EqualTo(new object[] { "--alpha", 0.1, "--verbose", true }));
            Assert.That(conda.PythonVersion, Is.EqualTo("3.9"));
            Assert.That(conda.CondaPackages, Is.EqualTo(new[] { "numpy" }));
            Assert.That(conda.PipPackages, Is.EqualTo(new[] { "pandas==1.5.3" }));
            Assert.That(conda.CondaChannels, Is.EqualTo(new[] { "conda-forge" }));
        });
    }

    [Test]
    public void Load_LegacyTitleCaseFile_ReadsMainKeys()
    {
        using var folder = new TestFolder();
        Fixtures.CopyTo(folder, "runconfig", "legacy.runconfig", "aml_config/legacy.runconfig");
        Fixtures.CopyTo(folder, "runconfig", "conda_dependencies.yml", "aml_config/conda_dependencies.yml");

        RunConfiguration config = RunConfiguration.Load(folder.Path, "legacy");

        Assert.Multiple(() =>
        {
            Assert.That(config.Script, Is.EqualTo("train.py"));
            Assert.That(config.Arguments, Is.EqualTo(new object[] { "--epochs", "5" }));
            Assert.That(config.Target, Is.EqualTo("local"));
            Assert.That(config.Framework, Is.EqualTo("Python"));
            Assert.That(config.History.OutputCollection, Is.False);
            Assert.That(config.Environment.EnvironmentVariables["EXAMPLE_ENV_VAR"], Is.EqualTo("EXAMPLE_VALUE"));
            Assert.That(config.Environment.Python.CondaDependencies!.CondaPackages, Does.Contain("scikit-learn=0.24.2"));
        });
    }

    [Test]
    public void Load_LegacyFileWithComputeFile_ReadsTargetSettings()
    {
        using var folder = new TestFolder();
        Fixtures.CopyTo(folder, "runconfig", "legacy.runconfig", "aml_config/legacy.runconfig");
        Fixtures.CopyTo(folder, "runconfig", "local.compute", "aml_config/local.compute");

        RunConfiguration config = RunConfiguration.Load(folder.Path, "legacy");

        Assert.Multiple(() =>
        {
            Assert.That(config.Environment.Docker.Enabled, Is.True);
            Assert.That(config.Environment.Docker.BaseImage, Is.EqualTo("continuumio/miniconda3"));
            Assert.That(config.Environment.Docker.SharedVolumes, Is.False);
            Assert.That(config.Environment.Python.InterpreterPath, Is.EqualTo("/opt/conda/bin/python"));
            Assert.That(config.Environment.Python.UserManagedDependencies, Is.True);
            Assert.That(config.NodeCount, Is.EqualTo(2));
        });
    }

    [Test]
    public void Save_FileWithUnknownKeys_WritesThemBack()
    {
        using var folder = new TestFolder();
        RunConfiguration config = RunConfiguration.Load(Fixtures.Path("runconfig", "unknown-keys.runconfig"));

        RunConfiguration again = RunConfiguration.Load(config.Save(folder.Combine("again.runconfig")));
        string written = File.ReadAllText(again.Save(folder.Combine("twice.runconfig")));

        Assert.Multiple(() =>
        {
            Assert.That(written, Does.Contain("jobName: nightly-training"));
            Assert.That(written, Does.Contain("datacaches: []"));
            Assert.That(written, Does.Contain("kubernetescompute:\n  instanceType: cpu-small"));
            Assert.That(written, Does.Contain("    futureFlag: enabled"));
            Assert.That(written, Does.Contain("    platform:\n      os: Linux\n      architecture: amd64"));
            Assert.That(written, Does.Contain("  r:\n    rVersion: 4.0.0"));
            Assert.That(written, Does.Contain("  streamLogs: always"));
            Assert.That(written, Does.Contain("      uri:\n        path: https://example.blob.core.windows.net/mnist\n        isFile: false"));
            Assert.That(written, Does.Contain("    options:\n      cacheSize: 2048"));
            Assert.That(again.Environment.Python.InterpreterPath, Is.EqualTo("/opt/venv/bin/python"));
        });
    }

    [TestCase("broken-syntax.runconfig", "line 2", "not valid YAML")]
    [TestCase("wrong-framework.runconfig", "line 3", "'framework' allows Python, PySpark, TensorFlow, PyTorch, CNTK; found 'Jython'")]
    [TestCase("wrong-node-count.runconfig", "line 5", "'nodeCount' must be a whole number of at least 1; found 'four'")]
    [TestCase("wrong-mechanism.runconfig", "line 7", "'data.mnist.mechanism' allows direct, mount, download, hdfs; found 'stream'")]
    public void Load_BrokenFile_ThrowsNamingFileLineAndKey(string file, string line, string problem)
    {
        string path = Fixtures.Path("runconfig", file);

        var error = Assert.Throws<UserErrorException>(() => RunConfiguration.Load(path));

        Assert.That(error!.Message, Does.Contain(path).And.Contain(line).And.Contain(problem));
    }

    [TestCase("script: [a, b]\n", "line 1", "'script' must be a single value")]
    [TestCase("script: t.py\nhistory:\n  outputCollection: maybe\n", "line 3", "'history.outputCollection' must be true or false; found 'maybe'")]
    [TestCase("script: t.py\nenvironment:\n  python:\n    userManagedDependencies: 3\n", "line 4", "'environment.python.userManagedDependencies' must be true or false")]
    [TestCase("script: t.py\narguments:\n- a\n- [b, c]\n", "line 4", "'arguments' must be a list of single values")]
    [TestCase("script: t.py\ndataReferences:\n  x:\n    mode: copy\n", "line 4", "'dataReferences.x.mode' allows mount, download, upload")]
    [TestCase("- just\n- a list\n", "line 1", "expected a run configuration")]
    [TestCase("script: t.py\nenvironment:\n  python:\n    condaDependencies:\n      dependencies: 3\n", "line 5", "'environment.python.condaDependencies.dependencies' must be a list")]
    public void Load_WrongType_ThrowsNamingKeyLineAndWhatIsAllowed(string yaml, string line, string problem)
    {
        using var folder = new TestFolder();
        string path = folder.Write("bad.runconfig", yaml);

        var error = Assert.Throws<UserErrorException>(() => RunConfiguration.Load(path));

        Assert.That(error!.Message, Does.Contain(path).And.Contain(line).And.Contain(problem));
    }

    [Test]
    public void Load_MissingCondaFile_ThrowsNamingKeyAndPath()
    {
        using var folder = new TestFolder();
        string path = Fixtures.CopyTo(folder, "runconfig", "mnist.runconfig", ".azureml/mnist.runconfig");

        var error = Assert.Throws<UserErrorException>(() => RunConfiguration.Load(path));

        Assert.That(error!.Message, Does.Contain("environment.python.condaDependenciesFile").And.Contain(".azureml/conda_dependencies.yml"));
    }

    [Test]
    public void Load_NameNotFound_ThrowsListingWhereItLooked()
    {
        using var folder = new TestFolder();

        var error = Assert.Throws<UserErrorException>(() => RunConfiguration.Load(folder.Path, "missing"));

        Assert.That(error!.Message, Does.Contain("missing.runconfig").And.Contain(".azureml"));
    }

    [Test]
    public void Load_NameAtProjectRoot_IsFound()
    {
        using var folder = new TestFolder();
        Fixtures.CopyTo(folder, "runconfig", "minimal.runconfig", "score.runconfig");

        Assert.That(RunConfiguration.Load(folder.Path, "score").Script, Is.EqualTo("score.py"));
    }

    [Test]
    public void Delete_SavedConfiguration_RemovesFile()
    {
        using var folder = new TestFolder();
        string file = new RunConfiguration("train.py").Save(folder.Path, "train");

        RunConfiguration.Delete(folder.Path, "train");

        Assert.That(File.Exists(file), Is.False);
    }

    [Test]
    public void Delete_Missing_ThrowsNamingIt()
    {
        using var folder = new TestFolder();

        var error = Assert.Throws<UserErrorException>(() => RunConfiguration.Delete(folder.Path, "ghost"));

        Assert.That(error!.Message, Does.Contain("'ghost'"));
    }
}
