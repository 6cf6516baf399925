using AzureML.Core.Internal;
namespace AzureML.Core.Backends.Local;

/// <summary>
/// Which processes own a run: the supervisor (the process that submitted it and watches it) and the
/// script's wrapper. Lets any process tell whether a run is still being looked after, and end or finish
/// it when not.
/// </summary>
internal sealed record RunProcessRecord(int SupervisorPid, long SupervisorStartTicks, int? Pid, long? StartTicks, DateTimeOffset? Deadline)
{
    public bool SupervisorAlive => ProcessIdentity.IsAlive(SupervisorPid, SupervisorStartTicks);

    public bool ScriptAlive => Pid is int pid && ProcessIdentity.IsAlive(pid, StartTicks ?? 0);
}
