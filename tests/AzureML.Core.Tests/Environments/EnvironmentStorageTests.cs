using NUnit.Framework;

namespace AzureML.Core.Tests.Environments;

public class EnvironmentStorageTests : LocalWorkspaceTest
{
    [Test]
    public void Register_RegistryPassword_IsNotStored()
    {
        Environment environment = Environment.FromDockerImage("private-image", "myregistry.azurecr.io/train:1",
            containerRegistry: new ContainerRegistry { Address = "myregistry.azurecr.io", Username = "user", Password = "S3cretP@ss-registry" });

        environment.Register(Ws);

        // The database and its write-ahead log both.
        IEnumerable<string> contents = Directory.EnumerateFiles(Folder.Combine("ws"), "*", SearchOption.AllDirectories)
            .Select(f => System.Text.Encoding.UTF8.GetString(File.ReadAllBytes(f)));
        Assert.That(contents, Has.None.Contains("S3cretP@ss-registry"));
    }

    [Test]
    public void Register_SameVariablesInAnotherOrder_IsTheSameVersion()
    {
        var first = new Environment("ordered");
        first.EnvironmentVariables["A"] = "1";
        first.EnvironmentVariables["B"] = "2";
        var second = new Environment("ordered");
        second.EnvironmentVariables["B"] = "2";
        second.EnvironmentVariables["A"] = "1";

        Environment v1 = first.Register(Ws);
        Environment again = second.Register(Ws);

        Assert.That(again.Version, Is.EqualTo(v1.Version));
    }

    [Test]
    public void Submit_RunVariables_DoNotChangeTheCallersEnvironment()
    {
        Folder.Write("src/ok.sh", "echo $RUNLEVEL\n");
        var environment = new Environment("shared-env");
        var config = new ScriptRunConfig(Folder.Combine("src"), "ok.sh", environment: environment);
        config.RunConfig.EnvironmentVariables["RUNLEVEL"] = "x";

        new Experiment(Ws, "no-mutation").Submit(config).WaitForCompletion();

        Assert.That(environment.EnvironmentVariables, Does.Not.ContainKey("RUNLEVEL"));
    }
}
