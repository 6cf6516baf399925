using System.Text;
using System.Text.Json.Nodes;

namespace AzureML.Train.AutoML;

/// <summary>
/// One of azureml's data guardrails: a check AutoML ran on the training data before training, whether it passed,
/// what it did about it and on which columns (<c>AutoMLRun.GetGuardrails</c>).
/// </summary>
/// <param name="Type">The check, e.g. <c>Class balancing detection</c>.</param>
/// <param name="Status"><c>PASSED</c> (nothing to do), <c>DONE</c> (AutoML changed the data) or <c>ALERTED</c> (you should look).</param>
/// <param name="Description">What was found, in azureml's words.</param>
/// <param name="Details">The findings, one row per column or class (column name → value).</param>
public sealed record DataGuardrail(string Type, string Status, string Description, IReadOnlyList<IReadOnlyDictionary<string, string>> Details)
{
    /// <summary>The guardrail's status when it found nothing.</summary>
    public const string Passed = "PASSED";

    /// <summary>The guardrail's status when AutoML changed the data.</summary>
    public const string Done = "DONE";

    /// <summary>The guardrail's status when the data needs your attention.</summary>
    public const string Alerted = "ALERTED";

    /// <summary>The guardrail as azureml prints it (TYPE, STATUS, DESCRIPTION, DETAILS).</summary>
    public override string ToString()
    {
        var text = new StringBuilder();
        text.AppendLine($"TYPE:         {Type}");
        text.AppendLine($"STATUS:       {Status}");
        text.AppendLine($"DESCRIPTION:  {Description}");
        if (Details.Count > 0)
        {
            string[] columns = Details[0].Keys.ToArray();
            int[] widths = columns.Select(c => Math.Max(c.Length, Details.Max(d => d.GetValueOrDefault(c)?.Length ?? 0))).ToArray();
            text.AppendLine("DETAILS:      ");
            text.AppendLine("+" + string.Join("+", widths.Select(w => new string('-', w + 2))) + "+");
            text.AppendLine("|" + string.Join("|", columns.Select((c, i) => " " + c.PadRight(widths[i]) + " ")) + "|");
            text.AppendLine("+" + string.Join("+", widths.Select(w => new string('=', w + 2))) + "+");
            foreach (IReadOnlyDictionary<string, string> row in Details)
            {
                text.AppendLine("|" + string.Join("|", columns.Select((c, i) => " " + row.GetValueOrDefault(c, "").PadRight(widths[i]) + " ")) + "|");
            }

            text.AppendLine("+" + string.Join("+", widths.Select(w => new string('-', w + 2))) + "+");
        }

        return text.ToString().TrimEnd();
    }

    /// <summary>Guardrails as the JSON the setup run stores.</summary>
    internal static string ToJson(IEnumerable<DataGuardrail> guardrails)
        => new JsonArray(guardrails.Select(g => (JsonNode)new JsonObject
        {
            ["type"] = g.Type,
            ["status"] = g.Status,
            ["description"] = g.Description,
            ["details"] = new JsonArray(g.Details.Select(row => (JsonNode)new JsonObject(row.Select(c => KeyValuePair.Create(c.Key, (JsonNode?)c.Value)))).ToArray()),
        }).ToArray()).ToJsonString();

    /// <summary>Reads what <see cref="ToJson"/> wrote.</summary>
    internal static IReadOnlyList<DataGuardrail> FromJson(string json)
        => JsonNode.Parse(json)!.AsArray().Select(g => new DataGuardrail(
            g!["type"]!.GetValue<string>(),
            g["status"]!.GetValue<string>(),
            g["description"]!.GetValue<string>(),
            g["details"]!.AsArray().Select(row => (IReadOnlyDictionary<string, string>)row!.AsObject().ToDictionary(c => c.Key, c => c.Value!.GetValue<string>())).ToList()))
            .ToList();
}
