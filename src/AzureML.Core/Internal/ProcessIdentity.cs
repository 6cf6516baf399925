using System.Diagnostics;
using System.Globalization;

namespace AzureML.Core.Internal;

/// <summary>
/// Tells processes apart across time: a pid with the kernel's start time of its process, so a record of "process
/// 1234" never mistakes a later process that reused the id for the one it meant.
/// </summary>
internal static class ProcessIdentity
{
    /// <summary>This process: its id and start time.</summary>
    public static (int Pid, long StartTicks) Current { get; } = (System.Environment.ProcessId, StartTicks(System.Environment.ProcessId));

    /// <summary>
    /// The kernel's start time of a process (clock ticks since boot), used with the pid to tell a run's
    /// process from a later one that reused its pid. Zero where <c>/proc</c> is not available.
    /// </summary>
    public static long StartTicks(int pid)
    {
        try
        {
            string stat = File.ReadAllText($"/proc/{pid}/stat");
            // Field 2 (comm) may hold spaces and parentheses; fields after the last ')' are plain.
            string[] fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return long.Parse(fields[19], CultureInfo.InvariantCulture);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or FormatException or IndexOutOfRangeException)
        {
            return 0;
        }
    }

    /// <summary>True when <paramref name="pid"/> is alive (not a zombie) and is the process that started at <paramref name="startTicks"/>.</summary>
    public static bool IsAlive(int pid, long startTicks)
    {
        if (OperatingSystem.IsLinux())
        {
            try
            {
                string stat = File.ReadAllText($"/proc/{pid}/stat");
                char state = stat[stat.LastIndexOf(')') + 2];
                return state != 'Z' && state != 'X' && (startTicks == 0 || StartTicks(pid) == startTicks);
            }
            catch (IOException)
            {
                return false;
            }
        }

        try
        {
            using Process process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

}
