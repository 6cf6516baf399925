using System.Diagnostics;

namespace AzureML.Core.Benchmarks;

/// <summary>
/// Local run engine numbers: submit → Running latency, runs started per second, and metric points logged
/// per second through the Python shim and through C#.
/// </summary>
internal static class RunBenchmarks
{
    private const int SequentialRuns = 15;
    private const int BurstRuns = 20;
    private const int Points = 5000;

    public static void Execute()
    {
        string root = Directory.CreateTempSubdirectory("azureml-bench-").FullName;
        try
        {
            Workspace ws = Workspace.Local(Path.Combine(root, "ws"));
            string source = Directory.CreateDirectory(Path.Combine(root, "src")).FullName;
            File.WriteAllText(Path.Combine(source, "trivial.py"), "print('ok')\n");
            File.WriteAllText(Path.Combine(source, "metrics.py"),
                "import time\nfrom azureml.core import Run\nrun = Run.get_context()\nstart = time.perf_counter()\n" +
                $"for i in range({Points}):\n    run.log('m', i)\n" +
                "print('elapsed', time.perf_counter() - start)\n");
            var experiment = new Experiment(ws, "bench");

            // Warm-up: interpreter probe, shim install, JIT.
            experiment.Submit(new ScriptRunConfig(source, "trivial.py")).WaitForCompletion();

            var latencies = new List<double>();
            for (int i = 0; i < SequentialRuns; i++)
            {
                Run run = experiment.Submit(new ScriptRunConfig(source, "trivial.py"));
                RunDetails details = run.WaitForCompletion();
                DateTimeOffset created = details.StatusHistory.First().Time;
                DateTimeOffset running = details.StatusHistory.First(h => h.Status == RunStatus.Running).Time;
                latencies.Add((running - created).TotalMilliseconds);
            }

            Console.WriteLine($"submit -> Running latency (trivial .py, {SequentialRuns} sequential runs): p50 {Stats.Percentile(latencies, 50):F1} ms, p95 {Stats.Percentile(latencies, 95):F1} ms");

            var clock = Stopwatch.StartNew();
            List<Run> burst = Enumerable.Range(0, BurstRuns).Select(_ => experiment.Submit(new ScriptRunConfig(source, "trivial.py"))).ToList();
            double submitSeconds = clock.Elapsed.TotalSeconds;
            List<RunDetails> ended = burst.Select(r => r.WaitForCompletion()).ToList();
            double startedSeconds = (ended.Max(d => d.StatusHistory.First(h => h.Status == RunStatus.Running).Time) - ended.Min(d => d.StatusHistory.First().Time)).TotalSeconds;
            Console.WriteLine($"runs submitted per second ({BurstRuns} at once): {BurstRuns / submitSeconds:F1}/s; runs started (reached Running) per second: {BurstRuns / startedSeconds:F1}/s; all completed after {clock.Elapsed.TotalSeconds:F2} s");

            var lines = new List<string>();
            Run metricsRun = experiment.Submit(new ScriptRunConfig(source, "metrics.py"));
            metricsRun.WaitForCompletionAsync(lines.Add).GetAwaiter().GetResult();
            double pythonSeconds = double.Parse(lines.First(l => l.StartsWith("elapsed", StringComparison.Ordinal)).Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture);
            int stored = ((System.Collections.ICollection)metricsRun.GetMetrics()["m"]!).Count;
            Console.WriteLine($"metric points per second through the Python shim: {Points / pythonSeconds:F0}/s ({stored} stored)");

            Run interactive = experiment.StartLogging();
            clock.Restart();
            for (int i = 0; i < Points; i++) interactive.Log("m", i);
            double csharpSeconds = clock.Elapsed.TotalSeconds;
            Console.WriteLine($"metric points per second through C# Run.Log: {Points / csharpSeconds:F0}/s ({((System.Collections.ICollection)interactive.GetMetrics()["m"]!).Count} stored)");
            interactive.Complete();
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }
}
