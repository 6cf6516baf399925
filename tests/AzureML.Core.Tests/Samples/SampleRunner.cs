using System.Diagnostics;
using AzureML.TestUtilities;

namespace AzureML.Core.Tests.Samples;

/// <summary>Runs a sample the way its README says (<c>dotnet run --project samples/&lt;name&gt;</c>) with a workspace folder argument.</summary>
internal static class SampleRunner
{
    public static (int ExitCode, string Output, string Errors) Run(string sample, string workingDirectory, string workspacePath)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = workingDirectory };
        foreach (string argument in new[] { "run", "--project", Path.Combine(RepositoryPaths.Root, "samples", sample), "--", workspacePath })
        {
            start.ArgumentList.Add(argument);
        }

        using Process process = Process.Start(start)!;
        Task<string> errors = process.StandardError.ReadToEndAsync();
        string output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, output, errors.Result);
    }
}
