using System.Text.Json.Nodes;
using Spectre.Console;

namespace AzureML.Cli.Output;

/// <summary>Prints a command's result to stdout in the <c>--output</c> format, after <c>--query</c>.</summary>
internal static class ResultWriter
{
    // Tables printed to a pipe or a file are not cut to a terminal's width.
    private const int RedirectedTableWidth = 400;

    public static void Write(TextWriter output, JsonNode? result, string format, string? query)
    {
        if (query is not null) result = JsonQuery.Apply(result, query);
        switch (format.ToLowerInvariant())
        {
            case OutputFormat.Table:
                WriteTable(output, ResultRows.From(result));
                break;
            case OutputFormat.Tsv:
                foreach (IReadOnlyList<string> row in ResultRows.From(result).Rows) output.WriteLine(string.Join('\t', row));
                break;
            default:
                output.WriteLine(JsonText.Format(result));
                break;
        }
    }

    private static void WriteTable(TextWriter output, ResultRows rows)
    {
        if (rows.Rows.Count == 0) return;
        IAnsiConsole console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(output),
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
        });
        if (ReferenceEquals(output, Console.Out) && !Console.IsOutputRedirected) console.Profile.Width = Console.WindowWidth;
        else console.Profile.Width = RedirectedTableWidth;

        var table = new Table { Border = TableBorder.Simple };
        IEnumerable<string> headers = rows.Columns.Count > 0 ? rows.Columns.Select(Header) : ["Result"];
        foreach (string header in headers) table.AddColumn(new TableColumn(Markup.Escape(header)) { NoWrap = true });
        foreach (IReadOnlyList<string> row in rows.Rows) table.AddRow(row.Select(cell => new Text(cell)).ToArray());
        console.Write(table);
    }

    // az titles columns by capitalising the key: "scoringUri" → "ScoringUri".
    private static string Header(string key) => key.Length == 0 ? key : char.ToUpperInvariant(key[0]) + key[1..];
}
