using System.Diagnostics;
using AzureML.Core.Backends.Local;
using NUnit.Framework;

namespace AzureML.Core.Tests.Faults;

/// <summary>
/// A run, from <c>Queued</c> to its end, depends on no process but its own supervisor: the program that submitted it
/// may leave at once, a supervisor killed part-way is replaced by whoever waits next, a script killed part-way keeps
/// every metric it was told was logged, and reading a run never changes it.
/// </summary>
[Category("Integration")]
[Category(FaultSuite.Category)]
public class RunLifecycleFaultTests : LocalWorkspaceTest
{
    private static readonly TimeSpan s_patience = TimeSpan.FromMinutes(2);

    [Test]
    public void Submit_SubmitterExitsAtOnce_TheRunRunsToCompletionWithoutIt()
    {
        string release = Folder.Combine("release");
        string source = Folder.Combine("src");
        // The script waits until the test has seen the submitter gone: the run cannot have finished inside its lifetime.
        Folder.Write("src/release.txt", release);
        Folder.Write("src/wait.py", "import os, time\nwhile not os.path.exists(open('release.txt').read()): time.sleep(0.05)\nprint('ran after the submitter left')\n");

        using FaultProbe submitter = FaultProbe.Start("submit", Folder.Combine("ws"), source, "wait.py");
        (int exitCode, string output, string error) = submitter.WaitForExit();
        Assert.That(exitCode, Is.EqualTo(0), error);
        File.WriteAllText(release, "");
        Run run = Ws.GetRun(output.Trim());
        RunDetails details = run.WaitForCompletion(raiseOnError: false);

        Assert.Multiple(() =>
        {
            Assert.That(details.Status, Is.EqualTo(RunStatus.Completed), details.Error?.Message);
            Assert.That(FaultProbe.ReadArtifact(run, "user_logs/std_log.txt"), Does.Contain("ran after the submitter left"));
        });
        FaultTable.Record("submitter exits right after Submit", "the run still starts, runs and completes",
            $"{details.Status}; history {string.Join(" > ", details.StatusHistory.Select(h => h.Status))}");
    }

    [Test]
    public void Run_SupervisorKilledWhileTheScriptRuns_ReadsLeaveItAloneAndTheNextWaiterFinishesIt()
    {
        string release = Folder.Combine("release"), started = Folder.Combine("started");
        Folder.Write("src/hold.py", "import os, sys, time\nopen(sys.argv[2], 'w').close()\nwhile not os.path.exists(sys.argv[1]): time.sleep(0.05)\nprint('done')\n");
        Run run = new Experiment(Ws, "orphaned").Submit(new ScriptRunConfig(Folder.Combine("src"), "hold.py", arguments: new object[] { release, started }));
        var nodes = new LocalRunNodeProcesses(((LocalBackend)Ws.Backend).Database);
        // Killed while the script runs: it has started and the supervisor has recorded its process.
        FaultProbe.WaitUntil(() => File.Exists(started) && nodes.List(run.Id).Count > 0, s_patience, "the script to start");
        var processes = new LocalRunProcesses(((LocalBackend)Ws.Backend).Database);
        RunProcessRecord supervisor = processes.Get(run.Id)!;

        using (Process killed = Process.GetProcessById(supervisor.SupervisorPid))
        {
            killed.Kill(); // that process alone, as kill -9 does: the script it started keeps running
            killed.WaitForExit();
        }

        string before = RunRow(run.Id);
        RunStatus read = run.GetStatus();
        IReadOnlyList<Run> listed = new Experiment(Ws, "orphaned").GetRuns();
        RunDetails detailsRead = run.GetDetails();
        string after = RunRow(run.Id);
        File.WriteAllText(release, "");
        RunDetails finished = run.WaitForCompletion(raiseOnError: false);
        RunProcessRecord successor = processes.Get(run.Id)!;

        Assert.Multiple(() =>
        {
            Assert.That(read, Is.EqualTo(RunStatus.Running));
            Assert.That(listed.Single().Status, Is.EqualTo(RunStatus.Running));
            Assert.That(detailsRead.Status, Is.EqualTo(RunStatus.Running));
            Assert.That(after, Is.EqualTo(before), "reading the run changed it");
            Assert.That(finished.Status, Is.EqualTo(RunStatus.Completed), finished.Error?.Message);
            Assert.That(successor.SupervisorPid, Is.Not.EqualTo(supervisor.SupervisorPid), "a new supervisor took the run");
            Assert.That(FaultProbe.ReadArtifact(run, "user_logs/std_log.txt"), Does.Contain("done"));
        });
        FaultTable.Record("kill -9 of a run's supervisor mid-script", "reads (GetStatus, GetRuns, GetDetails) change nothing; the next waiter hands the run to a new supervisor",
            $"record unchanged by reads; ended {finished.Status}");
    }

    // The supervisor starts a run's node held at a gate, records it, marks the run Running and only then lets it
    // through; dying before that closes the gate's pipe, exactly as closing it here does.
    [TestCase(false, TestName = "Run_SupervisorEndsBeforeLettingTheNodeThrough_TheScriptNeverRunsAndNoExitIsRecorded")]
    [TestCase(true, TestName = "Run_SupervisorLetsTheNodeThrough_TheScriptRunsMarkedStartedWithItsExitCode")]
    public void Run_NodeGate(bool letThrough)
    {
        string control = Folder.Combine("control"), ran = Folder.Combine("ran");
        Directory.CreateDirectory(control);
        string exitFile = Path.Combine(control, "exit_code");
        ProcessStartInfo start = SessionProcess.StartInfo(LocalRunSupervisor.WrapperScript, "azureml-run", Folder.Path, "touch", [ran],
            new Dictionary<string, string>
            {
                ["AZUREML_LOCAL_LOG_FILE"] = Path.Combine(control, "log.txt"),
                ["AZUREML_LOCAL_STDERR_FILE"] = Path.Combine(control, "stderr.txt"),
                ["AZUREML_LOCAL_EXIT_FILE"] = exitFile,
            });

        using (Process node = Process.Start(start)!)
        {
            if (letThrough) node.StandardInput.WriteLine("go");
            node.StandardInput.Close();
            Assert.That(node.WaitForExit(s_patience), Is.True, "the node's wrapper did not exit");
        }

        Assert.Multiple(() =>
        {
            Assert.That(File.Exists(ran), Is.EqualTo(letThrough), "the script ran");
            Assert.That(File.Exists(exitFile + ".started"), Is.EqualTo(letThrough), "the start mark a successor reads");
            Assert.That(File.Exists(exitFile) ? File.ReadAllText(exitFile) : null, Is.EqualTo(letThrough ? "0" : null), "the exit code a successor reads");
        });
        if (!letThrough)
        {
            FaultTable.Record("supervisor ends between starting a node and letting it through", "the script never runs; no start mark and no exit code, so the successor says the script never ran",
                "script not run; no start mark; no exit code");
        }
    }

    [Test]
    public void Run_ScriptKilledWhileLogging_EveryAcknowledgedMetricIsKept()
    {
        string ack = Folder.Combine("acknowledged");
        Folder.Write("src/log.py", """
            import sys
            from azureml.core import Run
            run = Run.get_context()
            i = 0
            while True:
                run.log("m", i)
                with open(sys.argv[1] + ".tmp", "w") as f:
                    f.write(str(i))
                import os
                os.replace(sys.argv[1] + ".tmp", sys.argv[1])
                i += 1
            """);
        Run run = new Experiment(Ws, "killed-logging").Submit(new ScriptRunConfig(Folder.Combine("src"), "log.py", arguments: new object[] { ack }));
        FaultProbe.WaitUntil(() => File.Exists(ack) && int.Parse(File.ReadAllText(ack)) >= 300, s_patience, "300 metrics logged");
        int script = ProcessTable.FindByCommandLine("log.py", ack).Single();

        Process.GetProcessById(script).Kill();
        RunDetails details = run.WaitForCompletion(raiseOnError: false);
        int acknowledged = int.Parse(File.ReadAllText(ack)) + 1;
        var logged = (IReadOnlyList<object?>)run.GetMetrics()["m"];

        Assert.Multiple(() =>
        {
            Assert.That(details.Status, Is.EqualTo(RunStatus.Failed));
            Assert.That(logged, Has.Count.GreaterThanOrEqualTo(acknowledged));
            Assert.That(logged.Take(acknowledged), Is.EqualTo(Enumerable.Range(0, acknowledged).Select(i => (object)(long)i)), "in order, none missing");
        });
        FaultTable.Record("kill -9 of a script while it logs", "every metric whose log() returned is stored, in order",
            $"{acknowledged} acknowledged, {logged.Count} stored, 0 lost; run {details.Status} ({details.Error?.Message})");
    }

    [Test]
    public void Submit_ScriptOutsideTheSourceDirectory_RefusedNamingIt()
    {
        Folder.Write("src/train.py", "print('in the snapshot')\n");
        string outside = Folder.Write("x/check.py", "print('outside')\n");
        var experiment = new Experiment(Ws, "outside");

        UserErrorException? absolute = Assert.Throws<UserErrorException>(() => experiment.Submit(new ScriptRunConfig(Folder.Combine("src"), outside)));
        UserErrorException? climbing = Assert.Throws<UserErrorException>(() => experiment.Submit(new ScriptRunConfig(Folder.Combine("src"), "../x/check.py")));
        Run inside = experiment.Submit(new ScriptRunConfig(Folder.Combine("src"), Folder.Combine("src", "train.py")));
        RunDetails details = inside.WaitForCompletion(raiseOnError: false);

        Assert.Multiple(() =>
        {
            Assert.That(absolute!.Message, Does.Contain(outside).And.Contain($"outside the source directory '{Folder.Combine("src")}'"));
            Assert.That(climbing!.Message, Does.Contain("'../x/check.py'").And.Contain($"outside the source directory '{Folder.Combine("src")}'"));
            Assert.That(experiment.GetRuns(), Has.Count.EqualTo(1), "nothing was created for the refused ones");
            Assert.That(details.Status, Is.EqualTo(RunStatus.Completed));
            Assert.That(details.RunDefinition, Does.Contain("\"script\":\"train.py\"").And.Not.Contain(Folder.Path), "the definition names no folder of this machine");
        });
        FaultTable.Record("script outside the source directory (absolute, ../)", "refused at submit naming the source directory; an absolute path inside runs from the snapshot",
            "both refused, no run created; inside one ran as train.py");
    }

    [Test]
    public void Submit_AmlIgnoreExcludesTheScript_RefusedNamingTheRule()
    {
        Folder.Write("src/train.py", "print('x')\n");
        Folder.Write("src/.amlignore", "# nothing of the folder\n*\n");

        UserErrorException? refused = Assert.Throws<UserErrorException>(() => new Experiment(Ws, "ignored").Submit(new ScriptRunConfig(Folder.Combine("src"), "train.py")));

        Assert.That(refused!.Message, Does.Contain("'train.py' is not in the snapshot").And.Contain("rule 2 of .amlignore ('*') excludes it"));
        FaultTable.Record(".amlignore that excludes the script", "refused at submit naming the rule", refused.Message[..Math.Min(120, refused.Message.Length)] + "…");
    }

    // The run's row and status history as stored, to compare before and after reads.
    private string RunRow(string runId) => ((LocalBackend)Ws.Backend).Database.Read(connection =>
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT status, end_utc, error, (SELECT COUNT(*) FROM run_status_history WHERE run_id = $id), " +
            "(SELECT supervisor_pid FROM run_processes WHERE run_id = $id) FROM runs WHERE run_id = $id;";
        command.Parameters.AddWithValue("$id", runId);
        using var reader = command.ExecuteReader();
        reader.Read();
        return string.Join("|", Enumerable.Range(0, reader.FieldCount).Select(i => reader.IsDBNull(i) ? "null" : reader.GetValue(i).ToString()));
    });
}
