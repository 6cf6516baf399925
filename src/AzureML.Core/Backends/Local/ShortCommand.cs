using System.Diagnostics;

namespace AzureML.Core.Backends.Local;

/// <summary>Runs a short helper command (an interpreter probe, <c>apt-cache</c>) and captures what it prints.</summary>
internal static class ShortCommand
{
    /// <summary>
    /// The standard output of <paramref name="program"/>, or <c>null</c> when it cannot be started, exits with a
    /// non-zero code or outlives <paramref name="timeout"/> (it is then killed).
    /// </summary>
    public static string? Run(string program, IEnumerable<string> arguments, TimeSpan timeout)
    {
        var start = new ProcessStartInfo(program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (string argument in arguments) start.ArgumentList.Add(argument);
        try
        {
            using Process process = Process.Start(start)!;
            process.StandardInput.Close();
            Task<string> stderr = process.StandardError.ReadToEndAsync();
            Task<string> stdout = process.StandardOutput.ReadToEndAsync();
            if (!process.WaitForExit(timeout))
            {
                process.Kill(entireProcessTree: true);
                return null;
            }

            _ = stderr.Result;
            return process.ExitCode == 0 ? stdout.Result : null;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null; // not installed
        }
    }
}
