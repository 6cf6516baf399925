using System.Diagnostics;

namespace AzureML.TestUtilities.Packaging;

/// <summary>Runs a program (the <c>dotnet</c> CLI, a shell script, an installed tool) and captures what it prints.</summary>
public static class ProcessCommand
{
    // A test run's MSBuild settings (from `dotnet test`) must not leak into an independent build or tool.
    private static readonly string[] s_inheritedMSBuildVariables = ["MSBuildSDKsPath", "MSBuildExtensionsPath", "MSBUILD_EXE_PATH", "MSBuildLoadMicrosoftTargetsReadOnly"];

    /// <summary>Runs <paramref name="program"/> in <paramref name="workingDirectory"/>, bounded by <paramref name="timeout"/>.</summary>
    /// <param name="program">The program, a path or a name found on PATH.</param>
    /// <param name="workingDirectory">Where to run.</param>
    /// <param name="environment">Variables to set (a null value removes one).</param>
    /// <param name="timeout">How long it may take; the process tree is killed after that.</param>
    /// <param name="arguments">The arguments, passed as a list (no shell).</param>
    public static CommandResult Run(string program, string workingDirectory, IReadOnlyDictionary<string, string?> environment, TimeSpan timeout, params string[] arguments)
    {
        var start = new ProcessStartInfo(program)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (string argument in arguments) start.ArgumentList.Add(argument);
        foreach (string inherited in s_inheritedMSBuildVariables)
            start.Environment.Remove(inherited);
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        foreach ((string name, string? value) in environment)
        {
            if (value is null) start.Environment.Remove(name);
            else start.Environment[name] = value;
        }

        using Process process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {program}.");
        Task<string> output = process.StandardOutput.ReadToEndAsync();
        Task<string> errors = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
            throw new TimeoutException($"`{program} {string.Join(' ', arguments)}` did not finish within {timeout}.\n{output.Result}\n{errors.Result}");
        }

        return new CommandResult(process.ExitCode, output.Result, errors.Result);
    }
}
