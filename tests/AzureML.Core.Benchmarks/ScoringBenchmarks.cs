using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using AzureML.Core.Onnx;
using AzureML.Core.Webservices;
using AzureML.Core.Hosting.Scoring;

namespace AzureML.Core.Benchmarks;

/// <summary>
/// Scoring numbers for one small ONNX classifier and the same single-row request: ONNX Runtime in-process
/// (the limit), the scorer in-process (JSON in, JSON out), each with the managed bytes one call allocates, then the
/// local service over loopback HTTP with
/// keep-alive (wrk when installed, else a .NET load loop), and the Python scoring host with a comparable
/// scikit-learn model.
/// </summary>
internal static partial class ScoringBenchmarks
{
    private const string Row = "{\"data\": [[5.1, 3.5, 1.4, 0.2]]}";
    private const int InProcessCalls = 200_000;

    public static void Execute()
    {
        string root = Directory.CreateTempSubdirectory("azureml-scoring-bench-").FullName;
        try
        {
            string modelPath = BenchmarkModels.CopyIrisClassifier(Path.Combine(root, "model"));
            InProcess(modelPath);
            Workspace ws = Workspace.Local(Path.Combine(root, "ws"));
            Model onnx = Model.Register(ws, modelPath, "bench-onnx", modelFramework: Model.Framework.Onnx);
            Webservice service = Model.Deploy(ws, "bench-onnx", new[] { onnx });
            service.WaitForDeployment();
            LoadTest("ONNX local service (.NET host)", service.ScoringUri!);
            service.Delete();

            string? sklearn = BenchmarkModels.TrainSklearnIris(Path.Combine(root, "sklearn"));
            if (sklearn is null)
            {
                Console.WriteLine("Python host: skipped (no python3 with scikit-learn)");
                return;
            }

            Model sk = Model.Register(ws, sklearn, "bench-sklearn", modelFramework: Model.Framework.ScikitLearn);
            Webservice python = Model.Deploy(ws, "bench-sklearn", new[] { sk });
            python.WaitForDeployment();
            LoadTest("scikit-learn local service (Python host)", python.ScoringUri!);
            python.Delete();
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    private static void InProcess(string modelPath)
    {
        using OnnxModel model = OnnxModel.Load(modelPath);
        var input = OnnxTensor.Create(new[] { 5.1f, 3.5f, 1.4f, 0.2f }, 1, 4);
        for (int i = 0; i < 10_000; i++) model.Run(input);
        double[] runLatencies = Measure(() => model.Run(input));
        Console.WriteLine($"ONNX Runtime Run, in-process (the limit): p50 {Us(runLatencies, 50)}, p99 {Us(runLatencies, 99)}, {BytesPerCall(() => model.Run(input))}");

        using var scorer = new OnnxScorer(OnnxModel.Load(modelPath), "bench", authEnabled: false);
        byte[] body = Encoding.UTF8.GetBytes(Row);
        for (int i = 0; i < 10_000; i++) scorer.Score(body);
        double[] scoreLatencies = Measure(() => scorer.Score(body));
        Console.WriteLine($"scorer in-process (JSON request -> JSON response): p50 {Us(scoreLatencies, 50)}, p99 {Us(scoreLatencies, 99)}, {BytesPerCall(() => scorer.Score(body))}");
    }

    // Managed bytes allocated per call on the calling thread: unlike a latency, load on the machine does not move it.
    private static string BytesPerCall(Action call)
    {
        const int Calls = 10_000;
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < Calls; i++) call();
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        return string.Create(CultureInfo.InvariantCulture, $"{allocated / (double)Calls:F0} bytes allocated per call");
    }

    private static double[] Measure(Action call)
    {
        var latencies = new double[InProcessCalls];
        for (int i = 0; i < latencies.Length; i++)
        {
            long start = Stopwatch.GetTimestamp();
            call();
            latencies[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        }

        return latencies;
    }

    private static void LoadTest(string label, string uri)
    {
        if (File.Exists("/usr/bin/wrk"))
        {
            string script = Path.Combine(Path.GetTempPath(), $"azureml-wrk-{Guid.NewGuid():N}.lua");
            File.WriteAllText(script, $"wrk.method = \"POST\"\nwrk.body = '{Row}'\nwrk.headers[\"Content-Type\"] = \"application/json\"\n");
            try
            {
                Console.WriteLine($"{label}, 1 connection (latency): {Wrk(uri, script, threads: 1, connections: 1, seconds: 5)}");
                Console.WriteLine($"{label}, 32 keep-alive connections (throughput): {Wrk(uri, script, threads: 1, connections: 32, seconds: 10)}");
            }
            finally
            {
                File.Delete(script);
            }

            return;
        }

        Console.WriteLine($"{label}: {DotnetLoad.Run(uri, Row, workers: 16, TimeSpan.FromSeconds(10))} (.NET load loop; install wrk for lower client overhead)");
    }

    private static string Wrk(string uri, string script, int threads, int connections, int seconds)
    {
        var start = new ProcessStartInfo("/usr/bin/wrk") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (string a in new[] { $"-t{threads}", $"-c{connections}", $"-d{seconds}s", "--latency", "-s", script, uri }) start.ArgumentList.Add(a);
        using Process wrk = Process.Start(start)!;
        string output = wrk.StandardOutput.ReadToEnd();
        wrk.WaitForExit();
        string p50 = Percentile().Match(output) is { Success: true } m50 ? m50.Groups[1].Value : "?";
        string p99 = Percentile99().Match(output) is { Success: true } m99 ? m99.Groups[1].Value : "?";
        string rps = Rate().Match(output) is { Success: true } r ? r.Groups[1].Value : "?";
        string errors = output.Contains("Non-2xx", StringComparison.Ordinal) ? " (non-2xx responses!)" : "";
        return $"p50 {p50}, p99 {p99}, {rps} requests/s{errors}";
    }

    private static string Us(double[] latencies, double percentile)
        => string.Create(CultureInfo.InvariantCulture, $"{Stats.Percentile(latencies, percentile) * 1000:F1} us");

    [GeneratedRegex(@"50%\s+(\S+)")]
    private static partial Regex Percentile();

    [GeneratedRegex(@"99%\s+(\S+)")]
    private static partial Regex Percentile99();

    [GeneratedRegex(@"Requests/sec:\s+(\S+)")]
    private static partial Regex Rate();
}
