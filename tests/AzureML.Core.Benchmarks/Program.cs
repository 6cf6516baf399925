// Benchmarks that print numbers; never assertions. Run with:
//   dotnet run -c Release --project tests/AzureML.Core.Benchmarks -- [runs]
using AzureML.Core.Benchmarks;

string which = args.Length > 0 ? args[0] : "runs";
switch (which)
{
    case "runs":
        RunBenchmarks.Execute();
        break;
    default:
        Console.Error.WriteLine($"Unknown benchmark '{which}'. Available: runs");
        return 2;
}

return 0;
