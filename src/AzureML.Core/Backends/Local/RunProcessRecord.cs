using AzureML.Core.Internal;
namespace AzureML.Core.Backends.Local;

/// <summary>
/// Who looks after a submitted run: the supervisor process, and the script's wrapper once it runs; and the job the
/// supervisor carries out (<c>null</c> for runs recorded before jobs were kept). Lets any process tell whether a run
/// is still being looked after, and hand it to a new supervisor when not.
/// </summary>
internal sealed record RunProcessRecord(int SupervisorPid, long SupervisorStartTicks, int? Pid, long? StartTicks, DateTimeOffset? Deadline, LocalJob? Job)
{
    public bool SupervisorAlive => ProcessIdentity.IsAlive(SupervisorPid, SupervisorStartTicks);

    /// <summary>True when the process <paramref name="pid"/> started at <paramref name="startTicks"/> supervises the run.</summary>
    public bool IsSupervisor(int pid, long startTicks) => SupervisorPid == pid && SupervisorStartTicks == startTicks;
}
