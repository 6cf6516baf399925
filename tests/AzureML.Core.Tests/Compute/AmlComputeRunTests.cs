using System.Globalization;
using AzureML.Core.Backends;
using AzureML.Core.Backends.Local;
using AzureML.Core.Compute;
using NUnit.Framework;
using AzureML.Core.Internal;

namespace AzureML.Core.Tests.Compute;

[Category("Integration")]
public class AmlComputeRunTests : LocalWorkspaceTest
{
    private static readonly TimeSpan s_wait = TimeSpan.FromSeconds(60);

    private AmlCompute Cluster(int maxNodes, int idleSecondsBeforeScaledown = 1800)
        => (AmlCompute)ComputeTarget.Create(Ws, "cpu-cluster",
            AmlCompute.ProvisioningConfiguration(vmSize: "Standard_D2_v2", maxNodes: maxNodes, idleSecondsBeforeScaledown: idleSecondsBeforeScaledown));

    private string Source(string name, string content)
    {
        Folder.Write(Path.Combine("src", name), content);
        return Folder.Combine("src");
    }

    private static void WaitUntil(Func<bool> condition, string what)
        => Assert.That(SpinWait.SpinUntil(condition, s_wait), Is.True, $"timed out waiting until {what}");

    [Test]
    public void Submit_FiveRunsOnTwoNodes_AtMostTwoRunAtOnceAndTheRestQueue()
    {
        AmlCompute cluster = Cluster(maxNodes: 2);
        string intervals = Folder.Combine("intervals.txt");
        string source = Source("work.py",
            "import sys, time\n" +
            "start = time.time()\n" +
            "time.sleep(1.5)\n" +
            "with open(sys.argv[1], 'a') as f: f.write('%f %f\\n' % (start, time.time()))\n");
        var experiment = new Experiment(Ws, "queue");

        List<Run> runs = Enumerable.Range(0, 5)
            .Select(_ => experiment.Submit(new ScriptRunConfig(cluster, source, "work.py", arguments: new object[] { intervals })))
            .ToList();
        List<RunDetails> details = runs.Select(r => r.WaitForCompletion()).ToList();

        List<(double Start, double End)> spans = File.ReadAllLines(intervals)
            .Select(l => l.Split(' ').Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray())
            .Select(v => (v[0], v[1])).ToList();
        int mostAtOnce = spans.Max(s => spans.Count(o => o.Start <= s.Start && s.Start < o.End));
        List<TimeSpan> queued = details.Select(d =>
            d.StatusHistory.First(h => h.Status == RunStatus.Preparing).Time - d.StatusHistory.First(h => h.Status == RunStatus.Queued).Time).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(details.Select(d => d.Status), Is.All.EqualTo(RunStatus.Completed));
            Assert.That(spans, Has.Count.EqualTo(5));
            Assert.That(mostAtOnce, Is.InRange(1, 2));
            foreach (RunDetails d in details)
            {
                List<RunStatus> history = d.StatusHistory.Select(h => h.Status).ToList();
                Assert.That(history.IndexOf(RunStatus.Queued), Is.LessThan(history.IndexOf(RunStatus.Preparing)), d.RunId);
            }

            Assert.That(queued.Count(q => q >= TimeSpan.FromSeconds(1)), Is.GreaterThanOrEqualTo(3), string.Join(", ", queued));
            Assert.That(cluster.GetStatus().NodeStateCounts.RunningNodeCount, Is.EqualTo(0));
        });
    }

    [Test]
    public void Submit_TwoNodeRun_StartsOneProcessPerRankAndLogsEachNode()
    {
        AmlCompute cluster = Cluster(maxNodes: 2);
        string source = Source("dist.py",
            "import os\n" +
            "os.makedirs('outputs', exist_ok=True)\n" +
            "keys = ['RANK', 'WORLD_SIZE', 'LOCAL_RANK', 'MASTER_ADDR', 'MASTER_PORT', 'OMPI_COMM_WORLD_RANK', 'AZ_BATCHAI_TASK_INDEX']\n" +
            "line = ' '.join([str(os.getpid())] + [os.environ[k] for k in keys])\n" +
            "open('outputs/rank_%s.txt' % os.environ['RANK'], 'w').write(line)\n" +
            "print('node', os.environ['RANK'], 'done')\n");
        var config = new ScriptRunConfig(cluster, source, "dist.py");
        config.RunConfig.NodeCount = 2;

        Run run = new Experiment(Ws, "distributed").Submit(config);
        run.WaitForCompletion();
        string outputs = Folder.Combine("downloads");
        run.DownloadFiles(prefix: "outputs", outputDirectory: outputs);
        string[][] nodes = Enumerable.Range(0, 2)
            .Select(r => File.ReadAllText(Path.Combine(outputs, "outputs", $"rank_{r}.txt")).Split(' ')).ToArray();

        Assert.Multiple(() =>
        {
            Assert.That(nodes.Select(n => n[1]), Is.EqualTo(new[] { "0", "1" }), "RANK");
            Assert.That(nodes.Select(n => n[2]), Is.All.EqualTo("2"), "WORLD_SIZE");
            Assert.That(nodes.Select(n => n[3]), Is.All.EqualTo("0"), "LOCAL_RANK");
            Assert.That(nodes.Select(n => n[4]), Is.All.EqualTo("127.0.0.1"), "MASTER_ADDR");
            Assert.That(nodes[0][5], Is.EqualTo(nodes[1][5]).And.Not.EqualTo("0"), "MASTER_PORT");
            Assert.That(nodes.Select(n => n[6]), Is.EqualTo(new[] { "0", "1" }), "OMPI_COMM_WORLD_RANK");
            Assert.That(nodes.Select(n => n[7]), Is.EqualTo(new[] { "0", "1" }), "AZ_BATCHAI_TASK_INDEX");
            Assert.That(nodes[0][0], Is.Not.EqualTo(nodes[1][0]), "pids");
            Assert.That(run.GetFileNames(), Does.Contain("user_logs/std_log.txt").And.Contain("user_logs/std_log_node_1.txt"));
        });
    }

    [Test]
    public void Submit_OneNodeFails_RunFailsWithItsExitCodeAndTheOtherNodeIsStopped()
    {
        AmlCompute cluster = Cluster(maxNodes: 2);
        string source = Source("fail.py",
            "import os, sys, time\n" +
            "if os.environ['RANK'] == '0':\n" +
            "    open('rank0.tmp', 'w').write(str(os.getpid()))\n" +
            "    os.rename('rank0.tmp', 'rank0.pid')\n" +
            "    time.sleep(600)\n" +
            "while not os.path.exists('rank0.pid'):\n" +
            "    time.sleep(0.05)\n" +
            "print('rank 1 gives up', file=sys.stderr)\n" +
            "sys.exit(3)\n");
        var config = new ScriptRunConfig(cluster, source, "fail.py");
        config.RunConfig.NodeCount = 2;
        Run run = new Experiment(Ws, "node-fails").Submit(config);
        string pidFile = Path.Combine(Folder.Combine("ws"), "runs", run.Id, "working", "rank0.pid");
        WaitUntil(() => File.Exists(pidFile), "rank 0 started");
        int rank0 = int.Parse(File.ReadAllText(pidFile), CultureInfo.InvariantCulture);

        RunDetails details = run.WaitForCompletion(raiseOnError: false);

        Assert.Multiple(() =>
        {
            Assert.That(details.Status, Is.EqualTo(RunStatus.Failed));
            Assert.That(details.Error!.ExitCode, Is.EqualTo(3));
            Assert.That(details.Error.Message, Does.Contain("rank 1 gives up"));
            Assert.That(ProcessTable.IsAlive(rank0), Is.False, "rank 0 still running after rank 1 failed");
        });
    }

    [Test]
    public void Cancel_TwoNodeRun_KillsEveryNode()
    {
        AmlCompute cluster = Cluster(maxNodes: 2);
        string source = Source("sleep.py",
            "import os, time\n" +
            "open('pid%s.tmp' % os.environ['RANK'], 'w').write(str(os.getpid()))\n" +
            "os.rename('pid%s.tmp' % os.environ['RANK'], 'pid%s.ready' % os.environ['RANK'])\n" +
            "time.sleep(600)\n");
        var config = new ScriptRunConfig(cluster, source, "sleep.py");
        config.RunConfig.NodeCount = 2;
        Run run = new Experiment(Ws, "cancel-nodes").Submit(config);
        string working = Path.Combine(Folder.Combine("ws"), "runs", run.Id, "working");
        WaitUntil(() => File.Exists(Path.Combine(working, "pid0.ready")) && File.Exists(Path.Combine(working, "pid1.ready")), "both nodes started");
        int[] pids = new[] { 0, 1 }.Select(r => int.Parse(File.ReadAllText(Path.Combine(working, $"pid{r}.ready")), CultureInfo.InvariantCulture)).ToArray();

        run.Cancel();

        Assert.Multiple(() =>
        {
            Assert.That(run.GetStatus(), Is.EqualTo(RunStatus.Canceled));
            Assert.That(pids.Where(ProcessTable.IsAlive), Is.Empty, "node processes alive after Cancel()");
            Assert.That(cluster.GetStatus().NodeStateCounts.RunningNodeCount, Is.EqualTo(0));
        });
    }

    [Test]
    public void GetStatus_WhileARunHoldsANodeAndAfter_CountsRunningIdleAndScalesDown()
    {
        AmlCompute cluster = Cluster(maxNodes: 3);
        string source = Source("hold.py",
            "import os, time\n" +
            "open('started', 'w').close()\n" +
            "while not os.path.exists(os.environ['RELEASE_FILE']):\n" +
            "    time.sleep(0.05)\n");
        string release = Folder.Combine("release");
        var config = new ScriptRunConfig(cluster, source, "hold.py");
        config.RunConfig.EnvironmentVariables["RELEASE_FILE"] = release;
        Run run = new Experiment(Ws, "hold").Submit(config);
        WaitUntil(() => File.Exists(Path.Combine(Folder.Combine("ws"), "runs", run.Id, "working", "started")), "the run started");

        AmlComputeStatus busy = cluster.GetStatus();
        Assert.That(() => cluster.Delete(), Throws.TypeOf<ComputeTargetException>().With.Message.Contains("nodes busy: 1"));
        File.WriteAllText(release, "");
        run.WaitForCompletion();
        AmlComputeStatus warm = cluster.GetStatus();
        cluster.Update(idleSecondsBeforeScaledown: 0);
        AmlComputeStatus scaledDown = cluster.GetStatus();

        Assert.Multiple(() =>
        {
            Assert.That((busy.CurrentNodeCount, busy.NodeStateCounts.RunningNodeCount, busy.NodeStateCounts.IdleNodeCount), Is.EqualTo((1, 1, 0)), "busy");
            Assert.That((warm.CurrentNodeCount, warm.NodeStateCounts.RunningNodeCount, warm.NodeStateCounts.IdleNodeCount), Is.EqualTo((1, 0, 1)), "within the idle time");
            Assert.That((scaledDown.CurrentNodeCount, scaledDown.NodeStateCounts.IdleNodeCount), Is.EqualTo((0, 0)), "after the idle time");
        });
    }

    [Test]
    public void Cancel_QueuedRun_CanceledWithoutStartingAndTheNextRunStarts()
    {
        AmlCompute cluster = Cluster(maxNodes: 1);
        string release = Folder.Combine("release");
        string source = Source("hold.py",
            "import os, sys, time\n" +
            "open('started', 'w').close()\n" +
            "while not os.path.exists(sys.argv[1]):\n" +
            "    time.sleep(0.05)\n");
        var experiment = new Experiment(Ws, "cancel-queued");
        Run holder = experiment.Submit(new ScriptRunConfig(cluster, source, "hold.py", arguments: new object[] { release }));
        WaitUntil(() => File.Exists(Path.Combine(Folder.Combine("ws"), "runs", holder.Id, "working", "started")), "the first run started");
        Run queued = experiment.Submit(new ScriptRunConfig(cluster, source, "hold.py", arguments: new object[] { release }));
        Run next = experiment.Submit(new ScriptRunConfig(cluster, source, "hold.py", arguments: new object[] { release }));
        Assert.That(queued.GetStatus(), Is.EqualTo(RunStatus.Queued), "the only node is held");

        queued.Cancel();
        File.WriteAllText(release, "");
        RunDetails nextDetails = next.WaitForCompletion();
        RunDetails canceled = queued.GetDetails();

        Assert.Multiple(() =>
        {
            Assert.That(canceled.Status, Is.EqualTo(RunStatus.Canceled));
            Assert.That(canceled.StatusHistory.Select(h => h.Status), Does.Not.Contain(RunStatus.Preparing).And.Not.Contain(RunStatus.Running));
            Assert.That(nextDetails.Status, Is.EqualTo(RunStatus.Completed));
            Assert.That(holder.WaitForCompletion().Status, Is.EqualTo(RunStatus.Completed));
        });
    }

    [Test]
    public void Submit_NodeReleasedByAnotherProcess_QueuedRunStarts()
    {
        Cluster(maxNodes: 1);
        var backend = (LocalBackend)Ws.Backend;
        using var otherProcess = System.Diagnostics.Process.Start("sleep", "600");
        try
        {
            string foreignRun = HoldNode(backend, otherProcess.Id, ProcessIdentity.StartTicks(otherProcess.Id));
            string source = Source("ok.py", "print('ran')\n");

            Run run = new Experiment(Ws, "after-foreign").Submit(new ScriptRunConfig(source, "ok.py", computeTarget: "cpu-cluster"));
            Assert.That(run.GetStatus(), Is.EqualTo(RunStatus.Queued), "the only node is held by the other process's run");
            // What the other process's supervisor does when its run ends; nothing signals this process.
            backend.Database.Write((connection, transaction) => LocalRunStore.Execute(connection, transaction,
                "UPDATE compute_nodes SET run_id = NULL, idle_since_utc = '2026-01-01T00:00:00.000000Z' WHERE run_id = $p0;", foreignRun));

            Assert.That(run.WaitForCompletion().Status, Is.EqualTo(RunStatus.Completed));
        }
        finally
        {
            otherProcess.Kill();
        }
    }

    /// <summary>Records a run of another process holding node 0 of <c>cpu-cluster</c>, as that process's claim would.</summary>
    private static string HoldNode(LocalBackend backend, int supervisorPid, long supervisorStartTicks)
    {
        RunRecord run = backend.Runs.CreateAsync(new RunCreateRequest
        {
            ExperimentName = "other-process",
            RunType = "azureml.scriptrun",
            Target = "cpu-cluster",
        }, CancellationToken.None).GetAwaiter().GetResult();
        backend.Database.Write((connection, transaction) =>
        {
            LocalRunStore.Execute(connection, transaction,
                "INSERT INTO run_processes (run_id, supervisor_pid, supervisor_start_ticks) VALUES ($p0, $p1, $p2);", run.RunId, supervisorPid, supervisorStartTicks);
            return LocalRunStore.Execute(connection, transaction,
                "INSERT INTO compute_nodes (compute_name, node_id, run_id) VALUES ('cpu-cluster', 0, $p0);", run.RunId);
        });
        return run.RunId;
    }

    [Test]
    public void Submit_NodeHeldByADeadProcess_IsReclaimed()
    {
        Cluster(maxNodes: 1);
        // A supervisor that is gone: this pid with start ticks it never had.
        HoldNode((LocalBackend)Ws.Backend, System.Environment.ProcessId, supervisorStartTicks: 1);
        string source = Source("ok.py", "print('ran')\n");

        Run run = new Experiment(Ws, "after-orphan").Submit(new ScriptRunConfig(source, "ok.py", computeTarget: "cpu-cluster"));

        Assert.That(run.WaitForCompletion().Status, Is.EqualTo(RunStatus.Completed));
    }
}
