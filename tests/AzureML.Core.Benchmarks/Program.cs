// Benchmarks that print numbers; never assertions. Run with:
//   dotnet run -c Release --project tests/AzureML.Core.Benchmarks -- [runs|scoring|data|blobs]
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
    case "data":
        DataBenchmarks.Execute();
        break;
    case "blobs":
        BlobBenchmarks.Execute();
        break;
    default:
        Console.Error.WriteLine($"Unknown benchmark '{which}'. Available: runs, scoring, data, blobs");
        return 2;
}

return 0;
