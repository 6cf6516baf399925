using NUnit.Framework;

namespace AzureML.Core.Tests.Faults;

/// <summary>Prints the fault table once every probe of the suite has run.</summary>
[SetUpFixture]
public sealed class FaultSuite
{
    /// <summary>The category of the probes: <c>dotnet test --filter Category=Fault</c> runs them alone.</summary>
    public const string Category = "Fault";

    [OneTimeTearDown]
    public void PrintTable()
    {
        if (FaultTable.IsEmpty) return;
        string table = FaultTable.ToMarkdown();
        string file = Path.Combine(AppContext.BaseDirectory, "fault-table.md");
        File.WriteAllText(file, table + "\n");
        TestContext.Progress.WriteLine($"Fault suite ({file}):\n{table}");
    }
}
