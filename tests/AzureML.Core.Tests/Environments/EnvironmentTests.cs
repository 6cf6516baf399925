using AzureML.TestUtilities;
using NUnit.Framework;

namespace AzureML.Core.Tests.Environments;

public class EnvironmentTests
{
    [Test]
    public void Ctor_Name_HasAzuremlCoreDefaults()
    {
        var environment = new Environment("myenv");

        Assert.Multiple(() =>
        {
            Assert.That(environment.Name, Is.EqualTo("myenv"));
            Assert.That(environment.Version, Is.Null);
            Assert.That(environment.Python.UserManagedDependencies, Is.False);
            Assert.That(environment.Python.InterpreterPath, Is.EqualTo("python"));
            Assert.That(environment.Docker.Enabled, Is.False);
            Assert.That(environment.Docker.BaseImage, Is.EqualTo(DockerSection.DefaultCpuImage));
            Assert.That(environment.EnvironmentVariables, Is.Empty);
        });
    }

    [Test]
    public void FromCondaSpecification_File_ReadsDependencies()
    {
        var environment = Environment.FromCondaSpecification(name: "myenv", filePath: Fixtures.Path("environments", "sklearn-env.yml"));
        environment.Docker.Enabled = true;

        Assert.Multiple(() =>
        {
            Assert.That(environment.Name, Is.EqualTo("myenv"));
            Assert.That(environment.Docker.Enabled, Is.True);
            Assert.That(environment.Python.CondaDependencies!.PythonVersion, Is.EqualTo("3.10"));
            Assert.That(environment.Python.CondaDependencies.CondaPackages, Does.Contain("scikit-learn=1.3.2"));
            Assert.That(environment.Python.CondaDependencies.PipPackages, Does.Contain("joblib==1.3.2"));
        });
    }

    [Test]
    public void FromCondaSpecification_BrokenFile_ThrowsNamingFileAndLine()
    {
        string path = Fixtures.Path("environments", "broken-conda.yml");

        var error = Assert.Throws<UserErrorException>(() => Environment.FromCondaSpecification("broken", path));

        Assert.That(error!.Message, Does.Contain(path).And.Contain("line 6"));
    }

    [Test]
    public void FromPipRequirements_File_ReadsPackagesOptionsAndIncludes()
    {
        var environment = Environment.FromPipRequirements("pipenv", Fixtures.Path("environments", "requirements.txt"), pipVersion: "23.3.1");

        CondaDependencies conda = environment.Python.CondaDependencies!;
        Assert.Multiple(() =>
        {
            Assert.That(conda.PipPackages, Is.EqualTo(new[]
            {
                "numpy==1.26.4", "pandas", "scikit-learn==1.3.2", "matplotlib>=3.7 ; python_version >= \"3.8\"", "requests[socks]     ==2.31.0",
            }));
            Assert.That(conda.PipOptions, Is.EqualTo(new[] { "--index-url https://pypi.example.org/simple" }));
            Assert.That(conda.CondaPackages, Is.EqualTo(new[] { "pip=23.3.1" }));
            Assert.That(conda.PythonVersion, Is.Not.Null);
        });
    }

    [Test]
    public void FromPipRequirements_MissingInclude_ThrowsNamingIncludingLine()
    {
        using var folder = new TestFolder();
        string path = folder.Write("requirements.txt", "numpy\n-r other.txt\n");

        var error = Assert.Throws<UserErrorException>(() => Environment.FromPipRequirements("x", path));

        Assert.That(error!.Message, Does.Contain(path).And.Contain("line 2").And.Contain("other.txt"));
    }

    [Test]
    public void FromDockerImage_NoPackageFiles_UsesImagePythonAsIs()
    {
        var registry = new ContainerRegistry { Address = "myregistry.azurecr.io", Username = "me", Password = "secret" };

        var environment = Environment.FromDockerImage("img", "myregistry.azurecr.io/train:1", containerRegistry: registry);

        Assert.Multiple(() =>
        {
            Assert.That(environment.Docker.BaseImage, Is.EqualTo("myregistry.azurecr.io/train:1"));
            Assert.That(environment.Docker.BaseImageRegistry!.Address, Is.EqualTo("myregistry.azurecr.io"));
            Assert.That(environment.Python.UserManagedDependencies, Is.True);
            Assert.That(environment.Python.CondaDependencies, Is.Null);
        });
    }

    [Test]
    public void FromDockerImage_CondaAndPip_MergesBoth()
    {
        var environment = Environment.FromDockerImage("img", "ubuntu:22.04",
            condaSpecification: Fixtures.Path("environments", "sklearn-env.yml"),
            pipRequirements: Fixtures.Path("environments", "base-requirements.txt"));

        Assert.Multiple(() =>
        {
            Assert.That(environment.Python.UserManagedDependencies, Is.False);
            Assert.That(environment.Python.CondaDependencies!.PipPackages, Is.EqualTo(new[] { "azureml-core", "joblib==1.3.2", "numpy==1.26.4", "pandas" }));
        });
    }

    [Test]
    public void FromDockerfile_PathOrText_SetsDockerfileAndClearsImage()
    {
        using var folder = new TestFolder();
        string path = folder.Write("Dockerfile", "FROM python:3.11-slim\nRUN pip install numpy\n");

        var fromPath = Environment.FromDockerfile("a", path, pipRequirements: Fixtures.Path("environments", "base-requirements.txt"));
        var fromText = Environment.FromDockerfile("b", "FROM python:3.11-slim\n");

        Assert.Multiple(() =>
        {
            Assert.That(fromPath.Docker.BaseDockerfile, Is.EqualTo("FROM python:3.11-slim\nRUN pip install numpy\n"));
            Assert.That(fromPath.Docker.BaseImage, Is.Null);
            Assert.That(fromPath.Python.CondaDependencies!.PipPackages, Is.EqualTo(new[] { "numpy==1.26.4", "pandas" }));
            Assert.That(fromText.Docker.BaseDockerfile, Is.EqualTo("FROM python:3.11-slim\n"));
            Assert.That(fromText.Python.UserManagedDependencies, Is.True);
        });
    }

    [Test]
    public void Clone_Environment_CopiesEverythingAndSharesNothing()
    {
        var original = Environment.FromCondaSpecification("orig", Fixtures.Path("environments", "sklearn-env.yml"));
        original.EnvironmentVariables["A"] = "1";
        original.Docker.Arguments.Add("--gpus=all");

        Environment copy = original.Clone("copy");
        copy.Python.CondaDependencies!.AddPipPackage("lightgbm");
        copy.EnvironmentVariables["B"] = "2";

        Assert.Multiple(() =>
        {
            Assert.That(copy.Name, Is.EqualTo("copy"));
            Assert.That(copy.Version, Is.Null);
            Assert.That(copy.EnvironmentVariables["A"], Is.EqualTo("1"));
            Assert.That(copy.Docker.Arguments, Is.EqualTo(new[] { "--gpus=all" }));
            Assert.That(original.Python.CondaDependencies!.PipPackages, Does.Not.Contain("lightgbm"));
            Assert.That(original.EnvironmentVariables, Does.Not.ContainKey("B"));
        });
    }

    [Test]
    public void SaveToDirectory_ThenLoad_RoundTrips()
    {
        using var folder = new TestFolder();
        var environment = Environment.FromCondaSpecification("myenv", Fixtures.Path("environments", "sklearn-env.yml"));
        environment.EnvironmentVariables["MODE"] = "train";
        environment.Python.InterpreterPath = "/usr/bin/python3";
        environment.Docker.Enabled = true;
        environment.Docker.BaseImage = null;
        environment.Docker.BaseDockerfile = "FROM ubuntu:22.04\nRUN apt-get update\n";
        environment.Docker.ShmSize = "4g";
        environment.InferencingStackVersion = "latest";

        environment.SaveToDirectory(folder.Combine("env"));
        Environment loaded = Environment.LoadFromDirectory(folder.Combine("env"));

        Assert.Multiple(() =>
        {
            Assert.That(File.Exists(folder.Combine("env", "azureml_environment.json")), Is.True);
            Assert.That(File.ReadAllText(folder.Combine("env", "conda_dependencies.yml")), Is.EqualTo(environment.Python.CondaDependencies!.SerializeToString()));
            Assert.That(loaded.Name, Is.EqualTo("myenv"));
            Assert.That(loaded.EnvironmentVariables["MODE"], Is.EqualTo("train"));
            Assert.That(loaded.Python.InterpreterPath, Is.EqualTo("/usr/bin/python3"));
            Assert.That(loaded.Python.CondaDependencies!.PipOptions, Is.EqualTo(environment.Python.CondaDependencies.PipOptions));
            Assert.That(loaded.Docker.Enabled, Is.True);
            Assert.That(loaded.Docker.BaseImage, Is.Null);
            Assert.That(loaded.Docker.BaseDockerfile, Is.EqualTo("FROM ubuntu:22.04\nRUN apt-get update\n"));
            Assert.That(loaded.Docker.ShmSize, Is.EqualTo("4g"));
            Assert.That(loaded.InferencingStackVersion, Is.EqualTo("latest"));
        });
    }

    [Test]
    public void SaveToDirectory_ExistingFiles_RefusesUnlessOverwrite()
    {
        using var folder = new TestFolder();
        var environment = new Environment("myenv");
        environment.SaveToDirectory(folder.Path);

        var error = Assert.Throws<UserErrorException>(() => environment.SaveToDirectory(folder.Path));
        environment.Name = "renamed";
        environment.SaveToDirectory(folder.Path, overwrite: true);

        Assert.Multiple(() =>
        {
            Assert.That(error!.Message, Does.Contain("azureml_environment.json").And.Contain("overwrite: true"));
            Assert.That(Environment.LoadFromDirectory(folder.Path).Name, Is.EqualTo("renamed"));
        });
    }

    [Test]
    public void SaveToDirectory_ImageAndDockerfile_ThrowsSayingTheyExcludeEachOther()
    {
        using var folder = new TestFolder();
        var environment = new Environment("both") { Docker = { BaseDockerfile = "FROM ubuntu\n" } };

        var error = Assert.Throws<UserErrorException>(() => environment.SaveToDirectory(folder.Path));

        Assert.That(error!.Message, Does.Contain("'both'").And.Contain("mutually exclusive"));
    }

    [Test]
    public void LoadFromDirectory_InferenceConfigDefinition_ReadsItAndKeepsOtherSections()
    {
        using var folder = new TestFolder();
        Fixtures.CopyTo(folder, "environments", "inference-environment.json", "azureml_environment.json");

        Environment loaded = Environment.LoadFromDirectory(folder.Path);
        loaded.SaveToDirectory(folder.Combine("again"));
        string written = File.ReadAllText(folder.Combine("again", "azureml_environment.json"));

        Assert.Multiple(() =>
        {
            Assert.That(loaded.Name, Is.EqualTo("scoring-env"));
            Assert.That(loaded.Version, Is.EqualTo("2"));
            Assert.That(loaded.EnvironmentVariables["AZUREML_ENTRY_SCRIPT"], Is.EqualTo("score.py"));
            Assert.That(loaded.Python.CondaDependencies!.PipPackages, Is.EqualTo(new[] { "azureml-defaults", "onnxruntime==1.16.3" }));
            Assert.That(loaded.InferencingStackVersion, Is.EqualTo("latest"));
            Assert.That(written, Does.Contain("\"databricks\"").And.Contain("\"precachePackages\": true"));
        });
    }

    [TestCase("{\"name\": \"x\", \"python\": {\"userManagedDependencies\": \"sometimes\"}}", "line 1", "'python.userManagedDependencies' must be true or false")]
    [TestCase("{\"name\": \"x\",\n \"docker\": {\"arguments\": {\"a\": 1}}}", "line 2", "'docker.arguments' must be a list")]
    [TestCase("{\"name\": \"x\",\n \"environmentVariables\": [1, 2]}", "line 2", "'environmentVariables' must be a mapping")]
    [TestCase("[1, 2]", "line 1", "expected an environment definition")]
    public void LoadFromDirectory_WrongTypes_ThrowsNamingFileKeyAndLine(string json, string line, string problem)
    {
        using var folder = new TestFolder();
        string path = folder.Write("azureml_environment.json", json);

        var error = Assert.Throws<UserErrorException>(() => Environment.LoadFromDirectory(folder.Path));

        Assert.That(error!.Message, Does.Contain(path).And.Contain(line).And.Contain(problem));
    }

    [Test]
    public void LoadFromDirectory_NoDefinition_ThrowsNamingFolder()
    {
        using var folder = new TestFolder();

        var error = Assert.Throws<UserErrorException>(() => Environment.LoadFromDirectory(folder.Path));

        Assert.That(error!.Message, Does.Contain(folder.Path).And.Contain("azureml_environment.json"));
    }
}
