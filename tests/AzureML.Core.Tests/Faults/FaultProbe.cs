using System.Diagnostics;
using AzureML.Core.Internal;
using NUnit.Framework;

namespace AzureML.Core.Tests.Faults;

/// <summary>
/// Starts <c>AzureML.FaultProbes</c> (one workspace operation, then exit) as a process of its own, so a test can let
/// it leave at once or kill it part-way; and waits for conditions with a deadline.
/// </summary>
internal sealed class FaultProbe : IDisposable
{
    private readonly Process _process;

    private FaultProbe(Process process) => _process = process;

    public int Pid => _process.Id;

    public static FaultProbe Start(string operation, string workspace, string folder, string argument)
    {
        var start = new ProcessStartInfo(DotnetMuxer.Path) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (string arg in new[] { Path.Combine(AppContext.BaseDirectory, "AzureML.FaultProbes.dll"), operation, workspace, folder, argument })
        {
            start.ArgumentList.Add(arg);
        }

        return new FaultProbe(Process.Start(start)!);
    }

    /// <summary>Waits for the program to end by itself; returns its exit code, output and error output.</summary>
    public (int ExitCode, string Output, string Error) WaitForExit()
    {
        Task<string> output = _process.StandardOutput.ReadToEndAsync();
        Task<string> error = _process.StandardError.ReadToEndAsync();
        if (!_process.WaitForExit(TimeSpan.FromMinutes(3))) Assert.Fail($"The probe did not exit within 3 minutes. Its errors so far: {error.Result}");
        _process.WaitForExit();
        return (_process.ExitCode, output.Result, error.Result);
    }

    /// <summary>Ends the program with SIGKILL, as <c>kill -9</c> does: no handler of its runs.</summary>
    public void Kill()
    {
        _process.Kill();
        _process.WaitForExit();
    }

    public void Dispose()
    {
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        _process.Dispose();
    }

    /// <summary>Polls <paramref name="condition"/> until it holds; fails the test naming <paramref name="what"/> after <paramref name="timeout"/>.</summary>
    public static void WaitUntil(Func<bool> condition, TimeSpan timeout, string what)
    {
        var clock = Stopwatch.StartNew();
        while (!condition())
        {
            if (clock.Elapsed > timeout) Assert.Fail($"Gave up waiting after {timeout.TotalSeconds:0} s for {what}.");
            Thread.Sleep(1);
        }
    }

    /// <summary>The text of one of a run's files.</summary>
    public static string ReadArtifact(Run run, string name)
    {
        using Stream stream = run.Workspace.Backend.Artifacts.OpenReadAsync(run.Id, name, CancellationToken.None).GetAwaiter().GetResult();
        return new StreamReader(stream).ReadToEnd();
    }

    /// <summary>Sets the modification time of every file and folder under <paramref name="root"/> back by <paramref name="by"/>, as if that much time had passed.</summary>
    public static void AgeEverything(string root, TimeSpan by)
    {
        DateTime when = DateTime.UtcNow - by;
        foreach (string file in Directory.EnumerateFiles(root, "*", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0 }))
        {
            File.SetLastWriteTimeUtc(file, when);
        }

        foreach (string dir in Directory.EnumerateDirectories(root, "*", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0 }))
        {
            Directory.SetLastWriteTimeUtc(dir, when);
        }
    }
}
