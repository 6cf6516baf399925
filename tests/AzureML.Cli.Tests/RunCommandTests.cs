using System.Text.Json.Nodes;
using AzureML.Core;
using NUnit.Framework;

namespace AzureML.Cli.Tests;

public class RunCommandTests : CliTest
{
    [SetUp]
    public void Attach() => AttachedWorkspace();

    private Run LoggedRun(string experiment = "cli-tests")
    {
        string log = Folder.Write("train.log", "epoch 1\n");
        Run run = new Experiment(Workspace.FromConfig(Project), experiment).StartLogging();
        run.UploadFile("logs/train.log", log);
        run.Complete();
        return run;
    }

    [Test]
    public void Show_PrintsTheRunsDetails()
    {
        Run run = LoggedRun();

        JsonNode json = Azml("run", "show", "-r", run.Id).ShouldSucceed().Json!;

        Assert.Multiple(() =>
        {
            Assert.That((string?)json["runId"], Is.EqualTo(run.Id));
            Assert.That((string?)json["experimentName"], Is.EqualTo("cli-tests"));
            Assert.That((string?)json["status"], Is.EqualTo("Completed"));
            Assert.That(json["logFiles"]!.AsArray().Select(f => (string?)f), Does.Contain("logs/train.log"));
        });
    }

    [Test]
    public void List_FiltersByExperimentAndStatus_NewestFirst()
    {
        Run first = LoggedRun();
        Run second = LoggedRun();
        LoggedRun("other");
        Run running = new Experiment(Workspace.FromConfig(Project), "cli-tests").StartLogging();

        JsonArray all = Azml("run", "list", "-e", "cli-tests").ShouldSucceed().Json!.AsArray();
        JsonArray completed = Azml("run", "list", "-e", "cli-tests", "--status", "completed").ShouldSucceed().Json!.AsArray();
        JsonArray last = Azml("run", "list", "--last", "1").ShouldSucceed().Json!.AsArray();

        Assert.Multiple(() =>
        {
            Assert.That(all.Select(r => (string?)r!["runId"]), Is.EqualTo(new[] { running.Id, second.Id, first.Id }));
            Assert.That(completed.Select(r => (string?)r!["runId"]), Is.EqualTo(new[] { second.Id, first.Id }));
            Assert.That(last.Select(r => (string?)r!["runId"]), Is.EqualTo(new[] { running.Id }));
        });
    }

    [Test]
    public void List_UnknownExperiment_NamesTheOnesThatExist_AndCreatesNothing()
    {
        LoggedRun();

        CliResult result = Azml("run", "list", "-e", "nosuch");

        Assert.Multiple(() =>
        {
            Assert.That(result.ExitCode, Is.EqualTo(1));
            Assert.That(result.Error, Does.Contain("nosuch").And.Contain("cli-tests"));
            Assert.That(Workspace.FromConfig(Project).Experiments.Keys, Is.EquivalentTo(new[] { "cli-tests" }));
        });
    }

    [Test]
    public void List_UnknownStatus_ListsTheStatuses()
    {
        CliResult result = Azml("run", "list", "--status", "Done");

        Assert.Multiple(() =>
        {
            Assert.That(result.ExitCode, Is.EqualTo(2));
            Assert.That(result.Error, Does.Contain("argument --status: invalid choice: 'Done' (choose from ").And.Contain("'Completed'"));
        });
    }

    [Test]
    public void Cancel_EndsARunningRun()
    {
        Run running = new Experiment(Workspace.FromConfig(Project), "cli-tests").StartLogging();

        JsonNode json = Azml("run", "cancel", "-r", running.Id).ShouldSucceed().Json!;

        Assert.That((string?)json["status"], Is.EqualTo("Canceled"));
    }

    [Test]
    public void DownloadLogs_WritesTheLogFiles()
    {
        Run run = LoggedRun();

        JsonArray files = Azml("run", "download-logs", "-r", run.Id, "-d", "logs-out").ShouldSucceed().Json!.AsArray();

        Assert.Multiple(() =>
        {
            Assert.That(files.Select(f => (string?)f), Does.Contain(Path.Combine(Project, "logs-out", "logs", "train.log")));
            Assert.That(File.ReadAllText(Path.Combine(Project, "logs-out", "logs", "train.log")), Is.EqualTo("epoch 1\n"));
        });
    }

    [Test]
    public void SubmitScript_WithoutARunConfigurationOrScript_SaysWhatIsMissing()
    {
        CliResult result = Azml("run", "submit-script", "-e", "cli-tests");

        Assert.Multiple(() =>
        {
            Assert.That(result.ExitCode, Is.EqualTo(2));
            Assert.That(result.Error, Does.Contain("no script to run"));
        });
    }

    [Test]
    public void SubmitScript_UnknownRunConfiguration_NamesWhereItLooked()
    {
        CliResult result = Azml("run", "submit-script", "-c", "mnist", "-e", "cli-tests");

        Assert.Multiple(() =>
        {
            Assert.That(result.ExitCode, Is.EqualTo(2));
            Assert.That(result.Error, Does.Contain(Path.Combine(Project, ".azureml", "mnist.runconfig")));
        });
    }
}
