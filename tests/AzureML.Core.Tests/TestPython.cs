using System.Diagnostics;
using NUnit.Framework;

namespace AzureML.Core.Tests;

/// <summary>Python interpreters for tests, found and made independently of the SDK's own resolver.</summary>
internal static class TestPython
{
    /// <summary>The first of <c>python3</c>, <c>/usr/bin/python3</c> that imports every one of <paramref name="modules"/>; fails the test when none does.</summary>
    public static string With(params string[] modules)
    {
        string[] candidates = ["python3", "/usr/bin/python3"];
        string? found = candidates.FirstOrDefault(c => CanImport(c, modules));
        if (found is null) Assert.Fail($"No python3 here imports {string.Join(", ", modules)} (tried {string.Join(", ", candidates)}); the build's prerequisite script installs them.");
        return found!;
    }

    /// <summary>
    /// A virtual environment in <paramref name="folder"/> made from <paramref name="basedOn"/> without pip and without
    /// the system's packages: an interpreter of the same version that has the standard library only.
    /// </summary>
    public static string BareVenv(string folder, string basedOn)
    {
        (int exitCode, string output) = Run(basedOn, "-m", "venv", "--without-pip", folder);
        Assert.That(exitCode, Is.Zero, $"'{basedOn} -m venv' failed: {output}");
        return Path.Combine(folder, "bin", "python");
    }

    /// <summary>
    /// An installed interpreter whose major.minor differs from <paramref name="version"/>'s, looked up where pyenv
    /// keeps them, as <c>(path, "3.6")</c>; <c>null</c> when this machine has only one Python version.
    /// </summary>
    public static (string Path, string MajorMinor)? OtherVersionThan(string version)
    {
        string root = System.Environment.GetEnvironmentVariable("PYENV_ROOT") ?? System.IO.Path.Combine(System.Environment.GetFolderPath(System.Environment.SpecialFolder.UserProfile), ".pyenv");
        string wanted = MajorMinor(version);
        if (!Directory.Exists(System.IO.Path.Combine(root, "versions"))) return null;
        foreach (string folder in Directory.EnumerateDirectories(System.IO.Path.Combine(root, "versions")).Order(StringComparer.Ordinal))
        {
            string name = System.IO.Path.GetFileName(folder);
            string interpreter = System.IO.Path.Combine(folder, "bin", "python3");
            if (name.StartsWith("3.", StringComparison.Ordinal) && MajorMinor(name) != wanted && File.Exists(interpreter)) return (interpreter, MajorMinor(name));
        }

        return null;
    }

    /// <summary>The version of <paramref name="interpreter"/>, e.g. <c>3.11.2</c>.</summary>
    public static string VersionOf(string interpreter)
        => Run(interpreter, "-c", "import sys; print('%d.%d.%d' % sys.version_info[:3])").Output.Trim();

    private static string MajorMinor(string version) => string.Join('.', version.Split('.').Take(2));

    /// <summary>True when <paramref name="interpreter"/> starts and imports every one of <paramref name="modules"/>.</summary>
    public static bool CanImport(string interpreter, params string[] modules)
    {
        try
        {
            return Run(interpreter, "-c", "import " + string.Join(", ", modules)).ExitCode == 0;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false; // not installed under that name
        }
    }

    /// <summary>Runs a program to its end; its exit code and everything it printed.</summary>
    public static (int ExitCode, string Output) Run(string program, params string[] arguments)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (string argument in arguments) start.ArgumentList.Add(argument);
        using Process process = Process.Start(start)!;
        Task<string> errors = process.StandardError.ReadToEndAsync();
        string output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, output + errors.Result);
    }
}
