using System.Text.Json;
using System.Text.Json.Nodes;

namespace AzureML.Cli.Output;

/// <summary>
/// A result seen as rows of scalar cells, for <c>--output table</c> and <c>tsv</c>: a list gives one row per item (a
/// list of lists, such as <c>--query "[].[name, location]"</c>, one cell per inner value), an object one row; nested
/// objects and lists inside objects are left out, as az leaves them out of tables.
/// </summary>
internal sealed class ResultRows
{
    private ResultRows(IReadOnlyList<string> columns, IReadOnlyList<IReadOnlyList<string>> rows)
    {
        Columns = columns;
        Rows = rows;
    }

    /// <summary>The column names in the order the result has them; empty for a list of scalars.</summary>
    public IReadOnlyList<string> Columns { get; }

    public IReadOnlyList<IReadOnlyList<string>> Rows { get; }

    public static ResultRows From(JsonNode? result)
    {
        IReadOnlyList<JsonNode?> items = result is JsonArray array ? array.ToList() : [result];
        var columns = new List<string>();
        foreach (JsonObject obj in items.OfType<JsonObject>())
        {
            foreach ((string key, JsonNode? value) in obj)
            {
                if (value is not JsonObject and not JsonArray && !columns.Contains(key)) columns.Add(key);
            }
        }

        var rows = items.Select(item => item switch
            {
                JsonObject obj => (IReadOnlyList<string>)columns.Select(c => Cell(obj[c])).ToList(),
                JsonArray cells => cells.Select(Cell).ToList(),
                _ => [Cell(item)],
            })
            .ToList();
        return new ResultRows(columns, rows);
    }

    private static string Cell(JsonNode? value) => value switch
    {
        null => "",
        JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>(),
        _ => value.ToJsonString(),
    };
}
