using System.Text.Json.Nodes;
using DevLab.JmesPath;

namespace AzureML.Cli.Output;

/// <summary><c>--query</c>: a JMESPath expression over the command's JSON result, by JmesPath.Net.</summary>
internal static class JsonQuery
{
    /// <summary>Null when <paramref name="expression"/> is valid JMESPath, else what is wrong with it.</summary>
    public static string? Check(string expression)
    {
        try
        {
            new JmesPath().Parse(expression);
            return null;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            return ex.Message;
        }
    }

    public static JsonNode? Apply(JsonNode? result, string expression)
    {
        string transformed = new JmesPath().Transform(result?.ToJsonString() ?? "null", expression);
        return JsonNode.Parse(transformed);
    }
}
