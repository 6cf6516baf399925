using System.Text.Json.Nodes;
using AzureML.Cli.Infrastructure;
using AzureML.TestUtilities;
using NUnit.Framework;

namespace AzureML.Cli.Tests;

/// <summary>
/// A fixture base for running azml commands in this process: each test gets a temporary project folder (the current
/// folder of its commands) and its own list of local workspaces.
/// </summary>
[NonParallelizable] // the list of local workspaces is found through a process-wide variable
public abstract class CliTest
{
    private const string WorkspacesVariable = "AZUREML_LOCAL_WORKSPACES";
    private string? _previousWorkspaces;

    protected TestFolder Folder { get; private set; } = null!;

    /// <summary>The project folder commands run in.</summary>
    protected string Project => Folder.Combine("project");

    [SetUp]
    public void CreateFolders()
    {
        Folder = new TestFolder();
        Directory.CreateDirectory(Project);
        _previousWorkspaces = System.Environment.GetEnvironmentVariable(WorkspacesVariable);
        System.Environment.SetEnvironmentVariable(WorkspacesVariable, Folder.Combine("workspaces"));
    }

    [TearDown]
    public void DeleteFolders()
    {
        System.Environment.SetEnvironmentVariable(WorkspacesVariable, _previousWorkspaces);
        Folder.Dispose();
    }

    /// <summary>Runs <c>azml</c> with <paramref name="args"/> in the project folder.</summary>
    protected static CliResult AzmlIn(string workingDirectory, params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        int exitCode = AzmlApp.RunAsync(args, new CliContext(output, error, workingDirectory)).GetAwaiter().GetResult();
        return new CliResult(exitCode, output.ToString(), error.ToString());
    }

    protected CliResult Azml(params string[] args) => AzmlIn(Project, args);

    /// <summary>A local workspace named <paramref name="name"/> that the project folder is attached to.</summary>
    protected void AttachedWorkspace(string name = "myws", string group = "myrg")
    {
        Azml("workspace", "create", "-w", name, "-g", group).ShouldSucceed();
        Azml("folder", "attach", "-w", name, "-g", group, "-e", "cli-tests").ShouldSucceed();
    }
}

/// <summary>What a command printed and how it exited.</summary>
public sealed record CliResult(int ExitCode, string Output, string Error)
{
    public JsonNode? Json => JsonNode.Parse(Output);

    public CliResult ShouldSucceed()
    {
        Assert.That(ExitCode, Is.EqualTo(0), $"azml failed.\nstdout:\n{Output}\nstderr:\n{Error}");
        return this;
    }

    public override string ToString() => $"exit {ExitCode}\nstdout:\n{Output}\nstderr:\n{Error}";
}
