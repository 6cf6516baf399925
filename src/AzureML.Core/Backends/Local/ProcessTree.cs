using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using AzureML.Core.Internal;

namespace AzureML.Core.Backends.Local;

/// <summary>
/// Finds, identifies and ends the processes of a run. A run's wrapper is started with <c>setsid</c>, so it
/// leads its own process group; ending the group and every descendant leaves nothing behind even when
/// the script forked.
/// </summary>
internal static partial class ProcessTree
{
    private const int SigKill = 9;

    /// <summary>
    /// Kills the process group led by <paramref name="pid"/> and every descendant of it, then waits (up to
    /// <paramref name="timeout"/>) until none of them is alive.
    /// </summary>
    public static void Kill(int pid, long startTicks, TimeSpan timeout)
    {
        if (!ProcessIdentity.IsAlive(pid, startTicks)) return;
        List<int> victims = OperatingSystem.IsLinux() ? Descendants(pid) : new List<int>();
        victims.Insert(0, pid);
        if (!OperatingSystem.IsWindows())
        {
            _ = SendSignal(-pid, SigKill); // the whole group
            foreach (int victim in victims) _ = SendSignal(victim, SigKill);
        }
        else
        {
            try
            {
                using Process process = Process.GetProcessById(pid);
                process.Kill(entireProcessTree: true);
            }
            catch (ArgumentException)
            {
                // Already gone.
            }
        }

        // Reaping is asynchronous: the kernel, init or our own Process wrapper collects the zombies.
        var clock = Stopwatch.StartNew();
        while (victims.Any(v => ProcessIdentity.IsAlive(v, 0)) && clock.Elapsed < timeout)
        {
            Thread.Sleep(20);
        }
    }

    /// <summary>
    /// Kills whatever is left in the process group <paramref name="groupId"/> (a run's session leader has exited,
    /// but background children it started may remain), then waits up to <paramref name="timeout"/> for the
    /// group to empty. A group id cannot be reused while any member is alive, so no liveness check is needed.
    /// </summary>
    public static void KillGroup(int groupId, TimeSpan timeout)
    {
        if (OperatingSystem.IsWindows()) return;

        // The leader is gone; a live process with its id means the id was reused, and Linux never reuses an id
        // while its process group exists, so there is nothing of ours left to end.
        if (OperatingSystem.IsLinux() && (ProcessIdentity.IsAlive(groupId, 0) || !GroupMembers(groupId).Any())) return;
        _ = SendSignal(-groupId, SigKill);
        var clock = Stopwatch.StartNew();
        while (OperatingSystem.IsLinux() && GroupMembers(groupId).Any(p => ProcessIdentity.IsAlive(p, 0)) && clock.Elapsed < timeout)
        {
            Thread.Sleep(20);
        }
    }

    private static IEnumerable<int> GroupMembers(int groupId)
    {
        foreach (string dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), NumberStyles.None, CultureInfo.InvariantCulture, out int pid)) continue;
            string stat;
            try
            {
                stat = File.ReadAllText(Path.Combine(dir, "stat"));
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                continue; // ended while we looked
            }

            if (int.TryParse(stat[(stat.LastIndexOf(')') + 2)..].Split(' ')[2], NumberStyles.Integer, CultureInfo.InvariantCulture, out int group) && group == groupId)
            {
                yield return pid;
            }
        }
    }

    private static List<int> Descendants(int root)
    {
        var children = new Dictionary<int, List<int>>();
        foreach (string dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), NumberStyles.None, CultureInfo.InvariantCulture, out int pid)) continue;
            try
            {
                string stat = File.ReadAllText(Path.Combine(dir, "stat"));
                int parent = int.Parse(stat[(stat.LastIndexOf(')') + 2)..].Split(' ')[1], CultureInfo.InvariantCulture);
                if (!children.TryGetValue(parent, out List<int>? list)) children[parent] = list = new List<int>();
                list.Add(pid);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or FormatException)
            {
                // The process ended while we looked.
            }
        }

        var result = new List<int>();
        var pending = new Queue<int>(new[] { root });
        while (pending.Count > 0)
        {
            if (!children.TryGetValue(pending.Dequeue(), out List<int>? list)) continue;
            foreach (int child in list)
            {
                result.Add(child);
                pending.Enqueue(child);
            }
        }

        return result;
    }

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int SendSignal(int pid, int signal);
}
