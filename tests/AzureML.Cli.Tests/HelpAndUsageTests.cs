using NUnit.Framework;

namespace AzureML.Cli.Tests;

public class HelpAndUsageTests : CliTest
{
    private static readonly string[] s_groups = ["workspace", "folder", "computetarget", "dataset", "run", "model", "service"];

    [Test]
    public void Help_ListsEveryCommandGroup()
    {
        CliResult result = Azml("--help").ShouldSucceed();

        Assert.That(result.Output, Does.Contain("Commands:"));
        foreach (string group in s_groups) Assert.That(result.Output, Does.Contain($"  {group} "), group);
    }

    [TestCase("workspace", "create", "show", "list")]
    [TestCase("computetarget", "create", "show", "list", "delete")]
    [TestCase("dataset", "register", "show", "list", "unregister")]
    [TestCase("run", "submit-script", "list", "show", "cancel", "download-logs")]
    [TestCase("model", "register", "show", "list", "delete", "download", "deploy")]
    [TestCase("service", "show", "list", "delete", "run", "get-keys", "regen-key", "get-logs")]
    public void Group_OnItsOwn_PrintsItsCommands(string group, params string[] commands)
    {
        CliResult result = Azml(group).ShouldSucceed();

        foreach (string command in commands) Assert.That(result.Output, Does.Contain($"  {command} "), command);
    }

    [Test]
    public void Version_PrintsTheToolVersion()
    {
        CliResult result = Azml("--version").ShouldSucceed();

        Assert.That(result.Output.Trim(), Does.Match(@"^\d+\.\d+\.\d+"));
    }

    [Test]
    public void InvalidChoice_IsAUsageError_NamingTheOptionAndTheAllowedValues()
    {
        CliResult result = Azml("workspace", "list", "-o", "xml");

        Assert.Multiple(() =>
        {
            Assert.That(result.ExitCode, Is.EqualTo(2));
            Assert.That(result.Output, Is.Empty);
            Assert.That(result.Error, Does.Contain("ERROR: argument --output/-o: invalid choice: 'xml' (choose from 'json', 'table', 'tsv')"));
            Assert.That(result.Error, Does.Contain("Try 'azml workspace list --help'"));
        });
    }

    [Test]
    public void MissingRequiredOptions_AreNamedTogether()
    {
        CliResult result = Azml("model", "deploy", "--ic", "inferenceConfig.json");

        Assert.Multiple(() =>
        {
            Assert.That(result.ExitCode, Is.EqualTo(2));
            Assert.That(result.Error, Does.Contain("ERROR: the following arguments are required: --name/-n, --model/-m"));
        });
    }

    [Test]
    public void ExclusiveSources_AreAUsageError()
    {
        CliResult neither = Azml("model", "register", "-n", "m");
        CliResult both = Azml("model", "register", "-n", "m", "-p", "model.pkl", "-r", "run-1", "--asset-path", "x");

        Assert.Multiple(() =>
        {
            Assert.That(neither.ExitCode, Is.EqualTo(2));
            Assert.That(neither.Error, Does.Contain("one of the arguments --run-metadata-file/-f, --model-path/-p, --run-id/-r is required"));
            Assert.That(both.ExitCode, Is.EqualTo(2));
            Assert.That(both.Error, Does.Contain("not allowed with argument"));
        });
    }

    [Test]
    public void UnknownOption_IsAUsageError()
    {
        CliResult result = Azml("workspace", "show", "--colour", "red");

        Assert.Multiple(() =>
        {
            Assert.That(result.ExitCode, Is.EqualTo(2));
            Assert.That(result.Error, Does.Contain("--colour"));
        });
    }

    [Test]
    public void InvalidQuery_IsRefusedBeforeAnythingRuns()
    {
        CliResult result = Azml("workspace", "create", "-w", "myws", "--query", "[0.name");

        Assert.Multiple(() =>
        {
            Assert.That(result.ExitCode, Is.EqualTo(2));
            Assert.That(result.Error, Does.Contain("argument --query: invalid jmespath_type value: '[0.name'"));
            Assert.That(Azml("workspace", "list").ShouldSucceed().Json!.AsArray(), Is.Empty);
        });
    }

    [Test]
    public void NumbersOutOfRange_NameTheOption()
    {
        CliResult zero = Azml("computetarget", "create", "amlcompute", "-n", "c", "--max-nodes", "0");
        CliResult inverted = Azml("computetarget", "create", "amlcompute", "-n", "c", "--max-nodes", "2", "--min-nodes", "3");

        Assert.Multiple(() =>
        {
            Assert.That(zero.ExitCode, Is.EqualTo(2));
            Assert.That(zero.Error, Does.Contain("argument --max-nodes/-M: must be 1 or more, got 0"));
            Assert.That(inverted.ExitCode, Is.EqualTo(2));
            Assert.That(inverted.Error, Does.Contain("argument --min-nodes/-m: must not be more than --max-nodes/-M (3 > 2)"));
        });
    }
}
