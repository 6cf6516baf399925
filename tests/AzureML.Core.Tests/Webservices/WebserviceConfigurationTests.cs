using AzureML.Core.Webservices;
using AzureML.TestUtilities;
using NUnit.Framework;

namespace AzureML.Core.Tests.Webservices;

public class WebserviceConfigurationTests
{
    private TestFolder _folder = null!;

    [SetUp]
    public void SetUp() => _folder = new TestFolder();

    [TearDown]
    public void TearDown() => _folder.Dispose();

    [Test]
    public void AciDeployConfiguration_Defaults_AreTheServicesDefaults()
    {
        AciServiceDeploymentConfiguration config = AciWebservice.DeployConfiguration();

        Assert.Multiple(() =>
        {
            Assert.That(config.ComputeType, Is.EqualTo("ACI"));
            Assert.That(config.CpuCores, Is.EqualTo(0.1));
            Assert.That(config.MemoryGb, Is.EqualTo(0.5));
            Assert.That(config.AuthEnabled, Is.False);
        });
    }

    [TestCase(0.0, 1.0, "cpuCores")]
    [TestCase(1.0, -2.0, "memoryGb")]
    public void AciDeployConfiguration_NonPositiveResources_NameTheArgument(double cpu, double memory, string argument)
    {
        Assert.That(() => AciWebservice.DeployConfiguration(cpuCores: cpu, memoryGb: memory), Throws.TypeOf<UserErrorException>().With.Message.Contains(argument));
    }

    [TestCase(0)]
    [TestCase(70000)]
    public void LocalDeployConfiguration_PortOutOfRange_IsRefused(int port)
    {
        Assert.That(() => LocalWebservice.DeployConfiguration(port), Throws.TypeOf<UserErrorException>().With.Message.Contains("between 1 and 65535"));
    }

    [Test]
    public void Load_AciDeploymentConfigYaml_AsTheCliWritesIt()
    {
        string file = _folder.Write("aciDeploymentConfig.yml", """
            ---
            containerResourceRequirements:
              cpu: 1
              memoryInGB: 1.5
            computeType: ACI
            authEnabled: true
            tags:
              team: vision
            """);

        var config = (AciServiceDeploymentConfiguration)WebserviceDeploymentConfiguration.Load(file);

        Assert.Multiple(() =>
        {
            Assert.That(config.CpuCores, Is.EqualTo(1.0));
            Assert.That(config.MemoryGb, Is.EqualTo(1.5));
            Assert.That(config.AuthEnabled, Is.True);
            Assert.That(config.Tags["team"], Is.EqualTo("vision"));
        });
    }

    [Test]
    public void Load_LocalDeploymentConfigJson_KeepsThePort()
    {
        string file = _folder.Write("deploymentconfig.json", """{"computeType": "local", "port": 32267}""");

        WebserviceDeploymentConfiguration config = WebserviceDeploymentConfiguration.Load(file);

        Assert.That(config, Is.TypeOf<LocalWebserviceDeploymentConfiguration>().And.Property("Port").EqualTo(32267));
    }

    [TestCase("computeType: ECS\n", "computeType")]
    [TestCase("containerResourceRequirements:\n  cpu: lots\n", "containerResourceRequirements.cpu")]
    [TestCase("containerResourceRequirements: [1, 2\n", "not valid YAML")]
    public void Load_BadDeploymentConfig_NamesTheKey(string content, string expected)
    {
        string file = _folder.Write("bad.yml", content);

        Assert.That(() => WebserviceDeploymentConfiguration.Load(file), Throws.TypeOf<UserErrorException>().With.Message.Contains(expected).And.Message.Contains("bad.yml"));
    }

    [Test]
    public void LoadInferenceConfig_CurrentForm_WithEnvironment()
    {
        _folder.Write("src/score.py", "def init(): pass\ndef run(raw): return raw\n");
        string file = _folder.Write("inferenceConfig.json", """
            {
              "entryScript": "score.py",
              "sourceDirectory": "src",
              "environment": {
                "name": "scoring-env",
                "python": {"userManagedDependencies": false, "condaDependencies": {"dependencies": ["python=3.11", "scikit-learn", {"pip": ["azureml-defaults"]}]}},
                "docker": {"enabled": false}
              }
            }
            """);

        InferenceConfig config = InferenceConfig.Load(file);

        Assert.Multiple(() =>
        {
            Assert.That(config.EntryScript, Is.EqualTo("score.py"));
            Assert.That(config.SourceDirectory, Is.EqualTo(_folder.Combine("src")));
            Assert.That(config.Environment!.Name, Is.EqualTo("scoring-env"));
            Assert.That(config.Environment.Python.CondaDependencies!.CondaPackages, Does.Contain("scikit-learn"));
            Assert.That(config.Environment.Python.CondaDependencies.PipPackages, Does.Contain("azureml-defaults"));
        });
    }

    [Test]
    public void LoadInferenceConfig_LegacyForm_BuildsTheEnvironmentFromTheCondaFile()
    {
        _folder.Write("score.py", "def init(): pass\ndef run(raw): return raw\n");
        _folder.Write("scoring-env.yml", "name: scoring\ndependencies:\n  - python=3.11\n  - numpy\n");
        string file = _folder.Write("inferenceConfig.yml", """
            entryScript: score.py
            runtime: python
            condaFile: scoring-env.yml
            extraDockerfileSteps:
            schemaFile:
            sourceDirectory:
            enableGpu: False
            baseImage:
            baseImageRegistry:
            """);

        InferenceConfig config = InferenceConfig.Load(file);

        Assert.Multiple(() =>
        {
            Assert.That(config.EntryScript, Is.EqualTo(_folder.Combine("score.py")));
            Assert.That(config.Environment!.Python.CondaDependencies!.CondaPackages, Does.Contain("numpy"));
            Assert.That(config.EnableGpu, Is.False);
        });
    }

    [Test]
    public void InferenceConfig_EnvironmentAndLegacyArguments_AreExclusive()
    {
        Assert.Multiple(() =>
        {
            Assert.That(() => new InferenceConfig(entryScript: "score.py", runtime: "python", environment: new Environment("e")),
                Throws.TypeOf<UserErrorException>().With.Message.Contains("not both"));
            Assert.That(() => new InferenceConfig(entryScript: "score.py", runtime: "spark-py"),
                Throws.TypeOf<UserErrorException>().With.Message.Contains("'spark-py'"));
        });
    }
}
