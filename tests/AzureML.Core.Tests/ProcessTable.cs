namespace AzureML.Core.Tests;

/// <summary>
/// Reads /proc directly, independently of the SDK's own process code, so tests can check that nothing is left
/// running: local service hosts by their folder on the command line, and whether a pid is alive.
/// </summary>
internal static class ProcessTable
{
    public static int[] FindServiceHosts(string serviceName)
    {
        string marker = $"/services/{serviceName}/";
        var pids = new List<int>();
        foreach (string dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out int pid)) continue;
            try
            {
                string commandLine = File.ReadAllText(Path.Combine(dir, "cmdline")).Replace('\0', ' ');
                if (commandLine.Contains(marker, StringComparison.Ordinal) && !commandLine.Contains("bash -c", StringComparison.Ordinal)) pids.Add(pid);
            }
            catch (IOException)
            {
                // The process ended while we looked.
            }
            catch (UnauthorizedAccessException)
            {
            }
        }

        return pids.ToArray();
    }

    /// <summary>Processes whose command line contains every one of <paramref name="parts"/>, not counting wrapper shells.</summary>
    public static int[] FindByCommandLine(params string[] parts)
    {
        var pids = new List<int>();
        foreach (string dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out int pid) || pid == System.Environment.ProcessId) continue;
            try
            {
                string commandLine = File.ReadAllText(Path.Combine(dir, "cmdline")).Replace('\0', ' ');
                if (parts.All(p => commandLine.Contains(p, StringComparison.Ordinal)) && !commandLine.Contains("bash -c", StringComparison.Ordinal)) pids.Add(pid);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // The process ended while we looked.
            }
        }

        return pids.ToArray();
    }

    public static bool IsAlive(int pid)
    {
        try
        {
            string stat = File.ReadAllText($"/proc/{pid}/stat");
            return stat[stat.LastIndexOf(')') + 2] != 'Z';
        }
        catch (IOException)
        {
            return false;
        }
    }
}
