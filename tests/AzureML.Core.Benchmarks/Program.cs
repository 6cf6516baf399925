// Benchmarks that print numbers; never assertions. Run with:
//   dotnet run -c Release --project tests/AzureML.Core.Benchmarks -- [runs|scoring|scoring-memory [requests per round] [onnx|python|all]|data|blobs]
using AzureML.Core.Benchmarks;

string which = args.Length > 0 ? args[0] : "runs";
switch (which)
{
    case "runs":
        RunBenchmarks.Execute();
        break;
    case "scoring":
        ScoringBenchmarks.Execute();
        break;
    case "scoring-memory":
        ScoringMemoryBenchmarks.Execute(
            args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 10_000,
            args.Length > 2 ? args[2] : "all");
        break;
    case "data":
        DataBenchmarks.Execute();
        break;
    case "blobs":
        BlobBenchmarks.Execute();
        break;
    default:
        Console.Error.WriteLine($"Unknown benchmark '{which}'. Available: runs, scoring, scoring-memory, data, blobs");
        return 2;
}

return 0;
