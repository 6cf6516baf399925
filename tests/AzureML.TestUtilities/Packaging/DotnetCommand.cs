using System.Diagnostics;

namespace AzureML.TestUtilities.Packaging;

/// <summary>Runs the <c>dotnet</c> CLI and captures what it prints.</summary>
public static class DotnetCommand
{
    /// <summary>Runs <c>dotnet &lt;arguments&gt;</c> in <paramref name="workingDirectory"/>, bounded by <paramref name="timeout"/>.</summary>
    /// <param name="workingDirectory">Where to run.</param>
    /// <param name="environment">Variables to set (a null value removes one).</param>
    /// <param name="timeout">How long it may take; the process tree is killed after that.</param>
    /// <param name="arguments">The CLI arguments, passed as a list (no shell).</param>
    public static CommandResult Run(string workingDirectory, IReadOnlyDictionary<string, string?> environment, TimeSpan timeout, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (string argument in arguments) start.ArgumentList.Add(argument);
        // A test run's MSBuild settings (from `dotnet test`) must not leak into an independent build.
        foreach (string inherited in new[] { "MSBuildSDKsPath", "MSBuildExtensionsPath", "MSBUILD_EXE_PATH", "MSBuildLoadMicrosoftTargetsReadOnly" })
            start.Environment.Remove(inherited);
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        foreach ((string name, string? value) in environment)
        {
            if (value is null) start.Environment.Remove(name);
            else start.Environment[name] = value;
        }

        using Process process = Process.Start(start) ?? throw new InvalidOperationException("Could not start dotnet.");
        Task<string> output = process.StandardOutput.ReadToEndAsync();
        Task<string> errors = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
            throw new TimeoutException($"`dotnet {string.Join(' ', arguments)}` did not finish within {timeout}.\n{output.Result}\n{errors.Result}");
        }

        return new CommandResult(process.ExitCode, output.Result, errors.Result);
    }
}
