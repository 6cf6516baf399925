using System.Globalization;
using System.Text.Json;
using AzureML.Core.Webservices;
using AzureML.TestUtilities;

namespace AzureML.Core.Benchmarks;

/// <summary>
/// What malformed requests do to a scoring host's memory: VmRSS of the host process at the start (after a few valid
/// requests), after 10,000 malformed requests (every class of <see cref="MalformedScoringRequests"/> in turn, eight at
/// a time), and after a second 10,000, for the ONNX host and the Python host. Numbers only, never assertions.
/// </summary>
internal static class ScoringMemoryBenchmarks
{
    private const int DefaultRequestsPerRound = 10_000;
    private const int Concurrency = 8;

    /// <param name="requestsPerRound">Malformed requests per round (10,000 unless given).</param>
    /// <param name="hosts">"onnx", "python" or "all".</param>
    public static void Execute(int requestsPerRound = DefaultRequestsPerRound, string hosts = "all")
    {
        string root = Directory.CreateTempSubdirectory("azureml-memory-bench-").FullName;
        try
        {
            Workspace ws = Workspace.Local(Path.Combine(root, "ws"));
            if (hosts is "all" or "onnx")
            {
                Model onnx = Model.Register(ws, BenchmarkModels.CopyIrisClassifier(Path.Combine(root, "model")), "bench-onnx", modelFramework: Model.Framework.Onnx);
                Measure(ws, "ONNX host", Model.Deploy(ws, "bench-onnx", new[] { onnx }), floatInput: true, requestsPerRound);
            }

            if (hosts is not ("all" or "python")) return;

            string? sklearn = BenchmarkModels.TrainSklearnIris(Path.Combine(root, "sklearn"));
            if (sklearn is null)
            {
                Console.WriteLine("Python host: skipped (no python3 with scikit-learn)");
                return;
            }

            Model sk = Model.Register(ws, sklearn, "bench-sklearn", modelFramework: Model.Framework.ScikitLearn);
            Measure(ws, "Python host", Model.Deploy(ws, "bench-sklearn", new[] { sk }), floatInput: false, requestsPerRound);
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    private static void Measure(Workspace ws, string host, Webservice service, bool floatInput, int requestsPerRound)
    {
        service.WaitForDeployment();
        try
        {
            int pid = HostPid(ws, service.Name);
            int port = new Uri(service.ScoringUri!).Port;
            for (int i = 0; i < 100; i++) service.Run("{\"data\": [[5.1, 3.5, 1.4, 0.2]]}");
            List<MalformedRequestClass> classes = MalformedScoringRequests.All.Where(c => floatInput || !c.FloatInputOnly).ToList();
            long start = VmRssKb(pid);
            (TimeSpan first, Dictionary<string, int> unexpected1) = Round(classes, port, requestsPerRound);
            long afterFirst = VmRssKb(pid);
            (TimeSpan second, Dictionary<string, int> unexpected2) = Round(classes, port, requestsPerRound);
            long afterSecond = VmRssKb(pid);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{host}: VmRSS start {start / 1024.0:0.0} MB, after {requestsPerRound:N0} malformed requests {afterFirst / 1024.0:0.0} MB ({first.TotalSeconds:0.0} s), " +
                $"after another {requestsPerRound:N0} {afterSecond / 1024.0:0.0} MB ({second.TotalSeconds:0.0} s); {classes.Count} classes in turn, {Concurrency} at a time; still answers: {service.Run("{\"data\": [[5.1, 3.5, 1.4, 0.2]]}")}"));
            foreach ((string name, int count) in unexpected1.Concat(unexpected2).GroupBy(p => p.Key).Select(g => (g.Key, g.Sum(p => p.Value))))
            {
                Console.WriteLine($"  unexpected answers to '{name}': {count}");
            }
        }
        finally
        {
            service.Delete();
        }
    }

    // Every class in turn, so each round sends about the same number of each.
    private static (TimeSpan Elapsed, Dictionary<string, int> Unexpected) Round(IReadOnlyList<MalformedRequestClass> classes, int port, int requests)
    {
        var unexpected = new System.Collections.Concurrent.ConcurrentDictionary<string, int>();
        var clock = System.Diagnostics.Stopwatch.StartNew();
        Parallel.For(0, requests, new ParallelOptions { MaxDegreeOfParallelism = Concurrency }, i =>
        {
            MalformedRequestClass kind = classes[i % classes.Count];
            int? status = kind.SendAsync(port).GetAwaiter().GetResult();
            if (kind.ExpectedStatus is int expected && status != expected) unexpected.AddOrUpdate($"{kind.Name} -> {status?.ToString(CultureInfo.InvariantCulture) ?? "no answer"}", 1, (_, n) => n + 1);
        });
        return (clock.Elapsed, unexpected.ToDictionary());
    }

    private static int HostPid(Workspace ws, string service)
    {
        string ready = Directory.EnumerateFiles(Path.Combine(ws.LocalPath!, "services", service), "ready.json", SearchOption.AllDirectories).Single();
        using JsonDocument document = JsonDocument.Parse(File.ReadAllText(ready));
        return document.RootElement.GetProperty("pid").GetInt32();
    }

    private static long VmRssKb(int pid)
    {
        string line = File.ReadLines($"/proc/{pid}/status").First(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
        return long.Parse(line["VmRSS:".Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
    }
}
