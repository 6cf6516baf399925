using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace AzureML.Train.AutoML.Benchmarks;

/// <summary>Runs peers/peers.py with Debian's python3 (after its set-up script) and reads its held-out predictions.</summary>
internal static class PeerRunner
{
    public const string Python = "/usr/bin/python3";

    public sealed record PeerFold(string Peer, int Fold, double FitSeconds, double[][] Predictions);

    public static void EnsureInstalled()
    {
        string script = Path.Combine(AppContext.BaseDirectory, "peers", "ensure-peers.sh");
        using Process process = Process.Start(new ProcessStartInfo("bash", new[] { script }) { UseShellExecute = false })!;
        process.WaitForExit();
        if (process.ExitCode != 0) throw new InvalidOperationException($"The peers' set-up ({script}) failed with exit code {process.ExitCode}; see its message above.");
    }

    public static (IReadOnlyList<string>? Classes, IReadOnlyList<PeerFold> Results) Run(BenchmarkDataset dataset, int[] folds, string workFolder)
    {
        string request = Path.Combine(workFolder, dataset.Name + "-peers.json");
        File.WriteAllText(request, new JsonObject
        {
            ["csv"] = dataset.Path,
            ["label"] = dataset.Label,
            ["task"] = dataset.Task,
            ["folds"] = new JsonArray(folds.Select(f => (JsonNode)f).ToArray()),
        }.ToJsonString());
        var start = new ProcessStartInfo(Python, new[] { Path.Combine(AppContext.BaseDirectory, "peers", "peers.py"), request })
        {
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        start.Environment["OMP_NUM_THREADS"] = System.Environment.ProcessorCount.ToString(System.Globalization.CultureInfo.InvariantCulture);
        using Process process = Process.Start(start)!;
        string output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0) throw new InvalidOperationException($"peers.py failed on {dataset.Name} with exit code {process.ExitCode}.");

        JsonNode root = JsonNode.Parse(output)!;
        List<string>? classes = root["classes"] is JsonArray array ? array.Select(c => c!.GetValue<string>()).ToList() : null;
        var results = root["results"]!.AsArray().Select(r => new PeerFold(
            r!["peer"]!.GetValue<string>(),
            r["fold"]!.GetValue<int>(),
            r["fit_seconds"]!.GetValue<double>(),
            r["predictions"]!.AsArray().Select(p => p is JsonArray row ? row.Select(v => v!.GetValue<double>()).ToArray() : new[] { p!.GetValue<double>() }).ToArray()))
            .ToList();
        return (classes, results);
    }
}
