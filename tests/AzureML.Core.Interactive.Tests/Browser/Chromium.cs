using System.Diagnostics;

namespace AzureML.Core.Interactive.Tests.Browser;

/// <summary>
/// Debian's chromium, installed on first use (as root, with apt-get) so that the browser checks need no set-up step;
/// Playwright drives it instead of downloading a browser of its own.
/// </summary>
internal static class Chromium
{
    public const string ExecutablePath = "/usr/bin/chromium";

    /// <summary>
    /// Flags for a closed network and a container: no sandbox (root), no GPU, and none of the background connections
    /// Chromium would otherwise try (and be refused) at every start.
    /// </summary>
    public static readonly string[] Arguments =
    [
        "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
    ];

    private static readonly Lazy<string> s_installed = new(Install, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>Returns the browser's path, installing Debian's <c>chromium</c> first when it is missing.</summary>
    public static string EnsureInstalled() => s_installed.Value;

    private static string Install()
    {
        if (File.Exists(ExecutablePath)) return ExecutablePath;
        if (!OperatingSystem.IsLinux() || !File.Exists("/usr/bin/apt-get"))
            throw new InvalidOperationException($"The browser checks need Chromium at {ExecutablePath}; on Debian or Ubuntu run: sudo apt-get install -y chromium");
        if (System.Environment.UserName != "root")
            throw new InvalidOperationException($"The browser checks need Chromium at {ExecutablePath}. Install it once with: sudo apt-get install -y chromium");
        if (AptGet("install", "-y", "--no-install-recommends", "chromium") != 0)
        {
            // A fresh machine may have no package lists yet.
            AptGet("update");
            int code = AptGet("install", "-y", "--no-install-recommends", "chromium");
            if (code != 0) throw new InvalidOperationException($"apt-get install chromium failed with exit code {code}; install it by hand: apt-get install -y chromium");
        }

        return File.Exists(ExecutablePath) ? ExecutablePath
            : throw new InvalidOperationException($"apt-get installed chromium but {ExecutablePath} is missing.");
    }

    private static int AptGet(params string[] arguments)
    {
        var start = new ProcessStartInfo("apt-get") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (string argument in arguments) start.ArgumentList.Add(argument);
        start.Environment["DEBIAN_FRONTEND"] = "noninteractive";
        using Process process = Process.Start(start)!;
        Task<string> output = process.StandardOutput.ReadToEndAsync();
        Task<string> errors = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(10)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"apt-get {string.Join(' ', arguments)} took more than 10 minutes.\n{output.Result}\n{errors.Result}");
        }

        return process.ExitCode;
    }
}
