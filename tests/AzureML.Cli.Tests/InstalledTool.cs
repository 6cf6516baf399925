using System.Diagnostics;
using System.Reflection;
using AzureML.Core.Tests;

namespace AzureML.Cli.Tests;

/// <summary>
/// The azml tool as users get it: the project packed into a folder feed, then installed from it with
/// <c>dotnet tool install --tool-path</c>.
/// </summary>
internal sealed class InstalledTool
{
    private InstalledTool(string toolPath) => ToolPath = toolPath;

    /// <summary>The folder holding the <c>azml</c> command.</summary>
    public string ToolPath { get; }

    public static InstalledTool Install(string folder)
    {
        string configuration = typeof(InstalledTool).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "Configuration").Value!;
        string feed = Path.Combine(folder, "feed");
        string tools = Path.Combine(folder, "tools");
        string project = Path.Combine(RepositoryPaths.Root, "src", "AzureML.Cli", "AzureML.Cli.csproj");
        Run(RepositoryPaths.Root, "dotnet", "pack", project, "--no-build", "-c", configuration, "-o", feed);
        Run(folder, "dotnet", "tool", "install", "azml", "--tool-path", tools, "--add-source", feed);
        return new InstalledTool(tools);
    }

    /// <summary>Runs a program to its end; a non-zero exit fails with what it printed.</summary>
    public static (string Output, string Error) Run(string workingDirectory, string program, params string[] args)
        => Run(workingDirectory, new Dictionary<string, string>(), program, args);

    public static (string Output, string Error) Run(string workingDirectory, IReadOnlyDictionary<string, string> environment, string program, params string[] args)
    {
        (int exitCode, string output, string error) = Start(workingDirectory, environment, program, args);
        if (exitCode != 0) throw new InvalidOperationException($"'{program} {string.Join(' ', args)}' exited with {exitCode}.\nstdout:\n{output}\nstderr:\n{error}");
        return (output, error);
    }

    private static (int ExitCode, string Output, string Error) Start(string workingDirectory, IReadOnlyDictionary<string, string> environment, string program, string[] args)
    {
        var start = new ProcessStartInfo(program) { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (string arg in args) start.ArgumentList.Add(arg);
        foreach ((string key, string value) in environment) start.Environment[key] = value;
        using Process process = Process.Start(start)!;
        Task<string> error = process.StandardError.ReadToEndAsync();
        Task<string> output = process.StandardOutput.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(10)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"'{program} {string.Join(' ', args)}' did not finish within 10 minutes.\nstderr so far:\n{error.Result}");
        }

        return (process.ExitCode, output.Result, error.Result);
    }
}
