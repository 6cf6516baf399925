using System.Diagnostics;
using AzureML.Core.Internal;

namespace AzureML.Core.Backends.Local;

/// <summary>
/// The processes of one run, one per node, each in its own session through the wrapper script. The run
/// ends when every node exits 0, or as soon as one fails: the others are then stopped.
/// </summary>
internal sealed class LocalRunNodes : IDisposable
{
    private readonly List<Node> _nodes = new();

    private LocalRunNodes() { }

    /// <summary>Node 0's wrapper process id.</summary>
    public int LeaderPid => _nodes[0].Process.Id;

    /// <summary>
    /// Starts <c>nodeCount</c> processes held at their gate until <see cref="LetThrough"/>, recording each so any
    /// process can find and end them; <c>start</c>
    /// makes the start info of one node from its rank and its log and exit-code files.
    /// </summary>
    public static LocalRunNodes Start(LocalBackend backend, string runId, LocalRunLayout layout, int nodeCount, Func<int, string, string, ProcessStartInfo> start)
    {
        var nodes = new LocalRunNodes();
        var records = new LocalRunNodeProcesses(backend.Database);
        try
        {
            for (int rank = 0; rank < nodeCount; rank++)
            {
                // Node 0 writes where single-node runs write, so logs and exit codes read the same either way.
                string log = rank == 0 ? layout.LogFile : Path.Combine(layout.Artifacts, "user_logs", $"std_log_node_{rank}.txt");
                string exitFile = rank == 0 ? layout.ExitCodeFile : Path.Combine(layout.Control, $"exit_code_node_{rank}");
                Process process = Process.Start(start(rank, log, exitFile))
                    ?? throw new AzureMLException($"Could not start node {rank} of run {runId}.");
                var node = new Node(process, ProcessIdentity.StartTicks(process.Id), exitFile);
                nodes._nodes.Add(node);
                records.Record(runId, rank, process.Id, node.StartTicks);
            }
        }
        catch
        {
            nodes.KillAll(TimeSpan.FromSeconds(10));
            nodes.Dispose();
            throw;
        }

        return nodes;
    }

    /// <summary>
    /// Waits until every node has exited (0) or one has failed (its exit code; the others are killed).
    /// Returns <c>null</c> when <paramref name="stop"/> fires first.
    /// </summary>
    public async Task<int?> WaitAsync(CancellationToken stop)
    {
        var running = _nodes.ToDictionary(n => (Task)n.Process.WaitForExitAsync(CancellationToken.None), n => n);
        Task stopped = Task.Delay(Timeout.Infinite, stop);
        while (running.Count > 0)
        {
            Task done = await Task.WhenAny(running.Keys.Append(stopped)).ConfigureAwait(false);
            if (done == stopped) return null;
            Node node = running[done];
            running.Remove(done);
            int code = node.ExitCode;
            if (code != 0)
            {
                KillAll(TimeSpan.FromSeconds(10));
                return code;
            }
        }

        return 0;
    }

    /// <summary>Lets every node's wrapper, held at its gate since it started, run the script.</summary>
    public void LetThrough()
    {
        foreach (Node node in _nodes)
        {
            node.Process.StandardInput.WriteLine("go");
            node.Process.StandardInput.Close();
        }
    }

    /// <summary>Ends every node's process tree and waits for the wrappers to be reaped.</summary>
    public void KillAll(TimeSpan timeout)
    {
        foreach (Node node in _nodes) ProcessTree.Kill(node.Process.Id, node.StartTicks, timeout);
        foreach (Node node in _nodes) node.Process.WaitForExit(timeout);
    }

    /// <summary>Ends background children a node's script left in its process group after the node exited.</summary>
    public void KillLeftovers(TimeSpan timeout)
    {
        foreach (Node node in _nodes) ProcessTree.KillGroup(node.Process.Id, timeout);
    }

    public void Dispose()
    {
        foreach (Node node in _nodes) node.Process.Dispose();
    }

    private sealed record Node(Process Process, long StartTicks, string ExitFile)
    {
        /// <summary>The code the wrapper recorded, else the wrapper's own.</summary>
        public int ExitCode => File.Exists(ExitFile) && int.TryParse(File.ReadAllText(ExitFile).Trim(), out int code) ? code : Process.ExitCode;
    }
}
