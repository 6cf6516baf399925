using System.Collections.Concurrent;
using NUnit.Framework;

namespace AzureML.Core.Tests.Faults;

/// <summary>
/// The fault suite's table: every probe adds a row (what it did, what it checked, what it found), and the table is
/// printed once the suite has run (<see cref="FaultSuite"/>), and written to <c>fault-table.md</c> beside the tests.
/// </summary>
internal static class FaultTable
{
    private static readonly ConcurrentQueue<(string Probe, string Checked, string Result)> s_rows = new();

    /// <summary>Adds a row and echoes it into the test's own output.</summary>
    public static void Record(string probe, string checkedWhat, string result)
    {
        s_rows.Enqueue((probe, checkedWhat, result));
        TestContext.Out.WriteLine($"{probe} | {checkedWhat} | {result}");
    }

    public static bool IsEmpty => s_rows.IsEmpty;

    public static string ToMarkdown()
    {
        var lines = new List<string> { "| Probe | Checked | Result |", "|---|---|---|" };
        lines.AddRange(s_rows.OrderBy(r => r.Probe, StringComparer.Ordinal).Select(r => $"| {r.Probe} | {r.Checked} | {r.Result} |"));
        return string.Join("\n", lines);
    }
}
