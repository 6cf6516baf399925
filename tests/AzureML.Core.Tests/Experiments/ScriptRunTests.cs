using NUnit.Framework;

namespace AzureML.Core.Tests.Experiments;

[Category("Integration")]
public class ScriptRunTests : LocalWorkspaceTest
{

    private string SourceWith(string name, string content)
    {
        Folder.Write(System.IO.Path.Combine("src", name), content);
        return Folder.Combine("src");
    }

    private static string TestScript(string name) => File.ReadAllText(System.IO.Path.Combine(TestContext.CurrentContext.TestDirectory, "TestData", "scripts", name));

    [Test]
    public void Submit_UnmodifiedAzureMLScript_MetricsTagsPropertiesAndFilesReadBackExactly()
    {
        string source = SourceWith("train.py", TestScript("log_everything.py"));
        var config = new ScriptRunConfig(sourceDirectory: source, script: "train.py", arguments: new object[] { "--C", 0.5, "two words" });

        Run run = new Experiment(Ws, "train-sklearn").Submit(config);
        var lines = new List<string>();
        RunDetails details = run.WaitForCompletionAsync(lines.Add).GetAwaiter().GetResult();

        IReadOnlyDictionary<string, object> metrics = run.GetMetrics();
        Assert.Multiple(() =>
        {
            Assert.That(details.Status, Is.EqualTo(RunStatus.Completed), string.Join("\n", lines));
            Assert.That(metrics["accuracy"], Is.EqualTo(new object[] { 0.91, 0.93 }));
            Assert.That(metrics["epochs"], Is.EqualTo(10L));
            Assert.That(metrics["name"], Is.EqualTo("svc"));
            Assert.That(metrics["flag"], Is.EqualTo(true));
            Assert.That(metrics["losses"], Is.EqualTo(new object[] { 0.5, 0.25, 0.125 }));
            var perClass = (IReadOnlyDictionary<string, IReadOnlyList<object?>>)metrics["per_class"]!;
            Assert.That(perClass["cls"], Is.EqualTo(new object[] { "setosa", "virginica" }));
            Assert.That(perClass["f1"], Is.EqualTo(new object[] { 1.0, 0.9 }));
            var confusion = (IReadOnlyDictionary<string, IReadOnlyList<object?>>)metrics["confusion"]!;
            Assert.That(confusion["actual"], Is.EqualTo(new object[] { "a", "b" }));
            Assert.That(confusion["count"], Is.EqualTo(new object[] { 3L, 4L }));
            Assert.That((string)metrics["roc"]!, Does.StartWith("images/roc/").And.EndWith(".png"));
            Assert.That(run.GetTags(), Does.ContainKey("framework").WithValue("sklearn"));
            Assert.That(run.Tags["stage"], Is.EqualTo("dev"));
            Assert.That(run.GetProperties()["algorithm"], Is.EqualTo("svc"));
            Assert.That(run.GetFileNames(), Does.Contain("outputs/model.txt").And.Contain("extra/notes.txt").And.Contain("user_logs/std_log.txt").And.Contain((string)metrics["roc"]!));
            Assert.That(lines, Has.Some.EqualTo("args: ['--C', '0.5', 'two words']"));
            Assert.That(lines, Has.Some.StartWith("experiment: train-sklearn id: " + run.Id));
        });
    
    }

    [Test]
    public void Submit_ScriptExitsWithCode3_FailedWithExitCodeAndStderrTail()
    {
        string source = SourceWith("fail.py", "import sys\nprint('working')\nprint('bad input: row 7', file=sys.stderr)\nsys.exit(3)\n");

        Run run = new Experiment(Ws, "failing").Submit(new ScriptRunConfig(source, "fail.py"));
        RunDetails details = run.WaitForCompletion(raiseOnError: false);

        Assert.Multiple(() =>
        {
            Assert.That(details.Status, Is.EqualTo(RunStatus.Failed));
            Assert.That(details.Error!.ExitCode, Is.EqualTo(3));
            Assert.That(details.Error.LogTail, Is.EqualTo("bad input: row 7"));
            Assert.That(details.Error.Message, Does.Contain("code 3").And.Contain("bad input: row 7"));
            Assert.That(details.StatusHistory.Select(h => h.Status.ToString()),
                Is.EqualTo(new[] { "NotStarted", "Queued", "Preparing", "Running", "Finalizing", "Failed" }));
            Assert.That(details.StatusHistory.Select(h => h.Time), Is.Ordered);
            Assert.That(() => run.WaitForCompletion(), Throws.TypeOf<ActivityFailedException>().With.Message.Contains("code 3"));
        });
    }

    [Test]
    public void Cancel_SleepingScript_LeavesNoProcessBehind()
    {
        string source = SourceWith("sleep.py",
            "import os, subprocess, time\n" +
            "child = subprocess.Popen(['sleep', '600'])\n" +
            "open('pids.txt', 'w').write('%d %d' % (os.getpid(), child.pid))\n" +
            "os.rename('pids.txt', 'pids.ready')\n" +
            "time.sleep(600)\n");
        Run run = new Experiment(Ws, "cancel-me").Submit(new ScriptRunConfig(source, "sleep.py"));
        string pidFile = System.IO.Path.Combine(Folder.Combine("ws"), "runs", run.Id, "working", "pids.ready");
        SpinWait.SpinUntil(() => File.Exists(pidFile), TimeSpan.FromSeconds(60));
        int[] pids = File.ReadAllText(pidFile).Split(' ').Select(int.Parse).ToArray();

        run.Cancel();

        Assert.Multiple(() =>
        {
            Assert.That(run.GetStatus(), Is.EqualTo(RunStatus.Canceled));
            Assert.That(pids.Where(ProcessTable.IsAlive), Is.Empty, "processes still alive after Cancel()");
        });
    }

    [Test]
    public void GetMetrics_ValuesLoggedByPython_PrintTheirContentAndKeepTheirTypes()
    {
        string source = SourceWith("log.py", """
            import json
            from azureml.core import Run
            run = Run.get_context()
            run.log("Penalty", 1.0)
            run.log("accuracy", 0.91)
            run.log("accuracy", 0.93)
            run.log_list("Class counts", [10, 9, 11])
            run.log_row("per_class", cls="setosa", f1=1.0)
            run.log_row("per_class", cls="virginica", f1=0.8571428571428571)
            run.log_table("confusion", {"actual": ["a", "b"], "count": [3, 4]})
            print("in script: " + json.dumps(run.get_metrics()))
            """.Replace("            ", ""));

        Run run = new Experiment(Ws, "printing").Submit(new ScriptRunConfig(source, "log.py"));
        var lines = new List<string>();
        run.WaitForCompletionAsync(lines.Add).GetAwaiter().GetResult();
        IReadOnlyDictionary<string, object> metrics = run.GetMetrics();
        List<string> printed = metrics.Select(m => $"{m.Key}: {m.Value}").ToList();   // the README's loop

        Assert.Multiple(() =>
        {
            Assert.That(metrics["Penalty"], Is.TypeOf<double>().And.EqualTo(1.0), "a Python float stays a double");
            Assert.That(printed, Is.EqualTo(new[]
            {
                "Penalty: 1",
                "accuracy: [0.91, 0.93]",
                "Class counts: [10, 9, 11]",
                "per_class: {\"cls\": [\"setosa\", \"virginica\"], \"f1\": [1.0, 0.8571428571428571]}",
                "confusion: {\"actual\": [\"a\", \"b\"], \"count\": [3, 4]}",
            }), string.Join("\n", lines));
            string inScript = lines.Single(l => l.StartsWith("in script: ", StringComparison.Ordinal))["in script: ".Length..];
            Assert.That(System.Text.Json.Nodes.JsonNode.DeepEquals(System.Text.Json.Nodes.JsonNode.Parse(inScript), System.Text.Json.JsonSerializer.SerializeToNode(metrics)),
                Is.True, $"the script's get_metrics folds as Run.GetMetrics does: {inScript}");
        });
    }

    [Test]
    public void Submit_EightConcurrentRunsLogging1000MetricsEach_LoseNone()
    {
        string source = SourceWith("many.py",
            "from azureml.core import Run\nrun = Run.get_context()\nfor i in range(1000):\n    run.log('value', i)\n");
        var experiment = new Experiment(Ws, "concurrent");

        List<Run> runs = Enumerable.Range(0, 8).Select(_ => experiment.Submit(new ScriptRunConfig(source, "many.py"))).ToList();
        foreach (Run run in runs) run.WaitForCompletion();

        Assert.Multiple(() =>
        {
            foreach (Run run in runs)
            {
                Assert.That(run.GetMetrics()["value"], Is.EqualTo(Enumerable.Range(0, 1000).Select(i => (object)(long)i).ToList()), run.Id);
            }

            Assert.That(runs.Select(r => r.Number).Order(), Is.EqualTo(Enumerable.Range(1, 8).Select(i => (long)i)));
        });
    }

    [Test]
    public void Submit_SnapshotOverFileLimit_RefusedBeforeAnythingIsCopied()
    {
        SourceWith("train.py", "print('hi')\n");
        for (int i = 0; i < 12; i++) Folder.Write($"src/data/part{i}.csv", new string('x', 1000 * (i + 1)));
        var config = new ScriptRunConfig(Folder.Combine("src"), "train.py") { SnapshotLimits = new SnapshotLimits(MaxSizeBytes: 300 * 1024 * 1024, MaxFileCount: 10) };

        Assert.That(() => new Experiment(Ws, "too-big").Submit(config),
            Throws.TypeOf<UserErrorException>().With.Message.Contains("13 files")
                .And.Message.Contains("data/part11.csv").And.Message.Contains("data/ (12 files)").And.Message.Contains(".amlignore"));
        Assert.Multiple(() =>
        {
            Assert.That(Directory.Exists(Folder.Combine("ws", "snapshots")) ? Directory.GetFileSystemEntries(Folder.Combine("ws", "snapshots")) : Array.Empty<string>(), Is.Empty);
            Assert.That(new Experiment(Ws, "too-big").GetRuns(), Is.Empty);
        });
    }

    [Test]
    public void Submit_AmlIgnore_ExcludesFilesAndNeverWritesToTheSourceFolder()
    {
        string source = SourceWith("train.py",
            "import os\nprint(sorted(os.listdir('.')))\nos.makedirs('outputs', exist_ok=True)\nopen('outputs/a.txt', 'w').write('x')\n" +
            "os.makedirs('logs', exist_ok=True)\nopen('logs/train.log', 'w').write('z')\nopen('scratch.txt', 'w').write('y')\n");
        Folder.Write("src/.amlignore", "data/\n*.log\n!keep.log\n");
        Folder.Write("src/data/big.bin", "zzz");
        Folder.Write("src/debug.log", "d");
        Folder.Write("src/keep.log", "k");
        string[] before = Directory.GetFileSystemEntries(source, "*", SearchOption.AllDirectories).Order().ToArray();

        Run run = new Experiment(Ws, "ignore").Submit(new ScriptRunConfig(source, "train.py"));
        var lines = new List<string>();
        run.WaitForCompletionAsync(lines.Add).GetAwaiter().GetResult();

        Assert.Multiple(() =>
        {
            Assert.That(lines, Has.Some.EqualTo("['.amlignore', 'keep.log', 'train.py']"));
            Assert.That(Directory.GetFileSystemEntries(source, "*", SearchOption.AllDirectories).Order().ToArray(), Is.EqualTo(before));
            Assert.That(run.GetFileNames(), Does.Contain("outputs/a.txt").And.Contain("logs/train.log").And.Not.Contain("scratch.txt"));
        });
    }

    [Test]
    public void Submit_EnvironmentListsMissingPackages_FailsInPreparingListingThem()
    {
        string source = SourceWith("train.py", "print('never runs')\n");
        var environment = new Environment("needs-missing");
        environment.Python.CondaDependencies = new CondaDependencies();
        environment.Python.CondaDependencies.AddCondaPackage("definitely-not-installed-pkg==1.0");
        environment.Python.CondaDependencies.AddPipPackage("another-missing-dist>=2");
        environment.Python.CondaDependencies.AddPipPackage("azureml-defaults");

        Run run = new Experiment(Ws, "missing").Submit(new ScriptRunConfig(source, "train.py", environment: environment));
        RunDetails details = run.WaitForCompletion(raiseOnError: false);

        Assert.Multiple(() =>
        {
            Assert.That(details.Status, Is.EqualTo(RunStatus.Failed));
            Assert.That(details.StatusHistory.Select(h => h.Status.ToString()).TakeLast(2), Is.EqualTo(new[] { "Preparing", "Failed" }));
            Assert.That(details.Error!.Message, Does.Contain("Missing: definitely-not-installed-pkg, another-missing-dist"));
            Assert.That(details.Error.Message, Does.Not.Contain("azureml-defaults"));
        });
    }

    [Test]
    public void Submit_MaxRunDurationExceeded_FailsWithTimeout()
    {
        string source = SourceWith("slow.sh", "echo started\nsleep 600\n");

        Run run = new Experiment(Ws, "slow").Submit(new ScriptRunConfig(source, "slow.sh", maxRunDurationSeconds: 1));
        RunDetails details = run.WaitForCompletion(raiseOnError: false);

        Assert.Multiple(() =>
        {
            Assert.That(details.Status, Is.EqualTo(RunStatus.Failed));
            Assert.That(details.Error!.Code, Is.EqualTo("RunTimeout"));
            Assert.That(details.Error.Message, Does.Contain("1 seconds"));
        });
    }

    [Test]
    public void Submit_ShellScriptAndCommand_ArgumentsArriveIntactWithoutAShell()
    {
        string source = SourceWith("args.sh", "for a in \"$@\"; do echo \"<$a>\"; done\n");
        var experiment = new Experiment(Ws, "args");

        Run script = experiment.Submit(new ScriptRunConfig(source, "args.sh", arguments: new object[] { "a b", "$HOME", "; rm -rf /", 3 }));
        Run command = experiment.Submit(new ScriptRunConfig(source, command: new[] { "printf", "%s|", "x y", "$(id)" }));
        var scriptLines = new List<string>();
        var commandLines = new List<string>();
        script.WaitForCompletionAsync(scriptLines.Add).GetAwaiter().GetResult();
        command.WaitForCompletionAsync(commandLines.Add).GetAwaiter().GetResult();

        Assert.Multiple(() =>
        {
            Assert.That(scriptLines, Is.SupersetOf(new[] { "<a b>", "<$HOME>", "<; rm -rf />", "<3>" }));
            Assert.That(commandLines, Has.Some.StartsWith("x y|$(id)|"));
        });
    }

    [Test]
    public void Submit_UnknownScriptKindOrMissingScript_ClearErrors()
    {
        string source = SourceWith("model.R", "print(1)\n");
        var experiment = new Experiment(Ws, "errors");

        Assert.Multiple(() =>
        {
            Assert.That(() => experiment.Submit(new ScriptRunConfig(source, "model.R")),
                Throws.TypeOf<UserErrorException>().With.Message.Contains("'.r'").And.Message.Contains(".py, .cs, .sh"));
            Assert.That(() => experiment.Submit(new ScriptRunConfig(source, "missing.py")),
                Throws.TypeOf<UserErrorException>().With.Message.Contains("'missing.py' does not exist"));
            Assert.That(() => experiment.Submit(new ScriptRunConfig(source, "model.R", computeTarget: "gpu-cluster")),
                Throws.TypeOf<UserErrorException>().With.Message.Contains("'gpu-cluster'"));
        });
    }

    [Test]
    public void Submit_WithTagsAndEnvironment_RecordsThemOnTheRun()
    {
        string source = SourceWith("ok.py", "print('ok')\n");
        var environment = new Environment("tagged-env");
        environment.EnvironmentVariables["GREETING"] = "hello";

        Run run = new Experiment(Ws, "recorded").Submit(new ScriptRunConfig(source, "ok.py", environment: environment),
            tags: new Dictionary<string, string> { ["purpose"] = "test" });
        RunDetails details = run.WaitForCompletion();

        Assert.Multiple(() =>
        {
            Assert.That(run.GetTags()["purpose"], Is.EqualTo("test"));
            Assert.That(run.GetEnvironment()!.Name, Is.EqualTo("tagged-env"));
            Assert.That(run.GetEnvironment()!.EnvironmentVariables["GREETING"], Is.EqualTo("hello"));
            Assert.That(details.RunDefinition, Does.Contain("\"script\":\"ok.py\""));
            Assert.That(details.Target, Is.EqualTo("local"));
            Assert.That(details.LogFiles, Does.Contain("user_logs/std_log.txt"));
            Assert.That(details.StartTimeUtc, Is.LessThanOrEqualTo(details.EndTimeUtc!.Value));
        });
    }

    [Test]
    public void Run_ScriptLeavesABackgroundProcess_ItIsEndedWithTheRun()
    {
        string source = SourceWith("detach.sh", "nohup sleep 600 >/dev/null 2>&1 &\nmkdir -p outputs && echo $! > outputs/sleeper.pid\n");

        Run run = new Experiment(Ws, "detached").Submit(new ScriptRunConfig(source, "detach.sh"));
        run.WaitForCompletion();
        int sleeper = int.Parse(File.ReadAllText(Path.Combine(Folder.Path, "ws", "runs", run.Id, "artifacts", "outputs", "sleeper.pid")).Trim());

        Assert.That(ProcessTable.IsAlive(sleeper), Is.False, "a process the script left in the background outlived the run");
    }

    [Test]
    public void Shim_FailFromTheScriptAndLoggingFromThreads_AreRecorded()
    {
        string source = SourceWith("train.py",
            "import threading\nfrom azureml.core import Run\nrun = Run.get_context()\n" +
            "threads = [threading.Thread(target=lambda i=i: run.log('from_thread', i)) for i in range(4)]\n" +
            "[t.start() for t in threads]\n[t.join() for t in threads]\n" +
            "run.log('loss', float('nan'))\nrun.fail('bad input data')\nprint('still running after fail')\n");

        Run run = new Experiment(Ws, "shim-fail").Submit(new ScriptRunConfig(source, "train.py"));
        var lines = new List<string>();
        RunDetails details = run.WaitForCompletionAsync(lines.Add, raiseOnError: false).GetAwaiter().GetResult();
        IReadOnlyDictionary<string, object> metrics = run.GetMetrics();

        Assert.Multiple(() =>
        {
            Assert.That(details.Status, Is.EqualTo(RunStatus.Failed), string.Join("\n", lines));
            Assert.That(details.Error!.Message, Is.EqualTo("bad input data"));
            Assert.That(lines, Has.Some.EqualTo("still running after fail"));
            Assert.That(((IEnumerable<object>)metrics["from_thread"]).Order(), Is.EqualTo(new object[] { 0L, 1L, 2L, 3L }));
            Assert.That(metrics["loss"], Is.TypeOf<double>().And.NaN);
        });
    }

    [Test]
    public void Finalize_SymlinkInOutputs_LeavesTheLinkedDataWhereItIs()
    {
        string data = Folder.Write("precious/data.bin", "do not move");
        string source = SourceWith("link.py", $"import os\nos.makedirs('outputs', exist_ok=True)\nos.symlink({System.Text.Json.JsonSerializer.Serialize(Path.GetDirectoryName(data))}, 'outputs/data')\nopen('outputs/model.txt', 'w').write('m')\n");

        Run run = new Experiment(Ws, "symlink").Submit(new ScriptRunConfig(source, "link.py"));
        run.WaitForCompletion();

        Assert.Multiple(() =>
        {
            Assert.That(File.Exists(data), Is.True, "the linked folder's file was moved");
            Assert.That(run.GetFileNames(), Does.Contain("outputs/model.txt").And.Not.Contain("outputs/data/data.bin"));
        });
    }

    [Test]
    public void Complete_CalledWhileTheScriptRuns_TheRunStillEndsWithTheScript()
    {
        string source = SourceWith("slow.py", "import os, time\nwhile not os.path.exists('go'):\n    time.sleep(0.05)\nos.makedirs('outputs', exist_ok=True)\nopen('outputs/done.txt', 'w').write('x')\n");
        Run run = new Experiment(Ws, "early-complete").Submit(new ScriptRunConfig(source, "slow.py"));
        string working = Path.Combine(Folder.Path, "ws", "runs", run.Id, "working");
        SpinWait.SpinUntil(() => run.GetStatus() == RunStatus.Running, TimeSpan.FromSeconds(60));

        Ws.GetRun(run.Id).Complete();
        RunStatus whileRunning = run.GetStatus();
        File.WriteAllText(Path.Combine(working, "go"), "");
        run.WaitForCompletion();

        Assert.Multiple(() =>
        {
            Assert.That(whileRunning, Is.EqualTo(RunStatus.Running));
            Assert.That(run.GetFileNames(), Does.Contain("outputs/done.txt"));
        });
    }

    [Test]
    public void Submit_RunConfigCommandString_PythonGetsTheEnvironmentsInterpreterAndShellLinesRunInBash()
    {
        string source = SourceWith("train.py", "import sys\nfrom azureml.core import Run\nRun.get_context().log('args', ' '.join(sys.argv[1:]))\n");
        Folder.Write("src/.azureml/plain.runconfig", "command: python train.py --lr 0.1\n");
        Folder.Write("src/.azureml/shell.runconfig", "command: echo one && echo 'two words'\n");

        Run plain = new Experiment(Ws, "command-string").Submit(new ScriptRunConfig(source, runConfig: RunConfiguration.Load(source, "plain")));
        Run shell = new Experiment(Ws, "command-string").Submit(new ScriptRunConfig(source, runConfig: RunConfiguration.Load(source, "shell")));
        var lines = new List<string>();
        plain.WaitForCompletion();
        shell.WaitForCompletionAsync(lines.Add).GetAwaiter().GetResult();

        Assert.Multiple(() =>
        {
            Assert.That(plain.GetMetrics()["args"], Is.EqualTo("--lr 0.1"));
            Assert.That(lines, Is.SupersetOf(new[] { "one", "two words" }));
        });
    }
}
