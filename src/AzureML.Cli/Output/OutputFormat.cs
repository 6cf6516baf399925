namespace AzureML.Cli.Output;

/// <summary>The values of <c>--output</c>.</summary>
internal static class OutputFormat
{
    public const string Json = "json";
    public const string Table = "table";
    public const string Tsv = "tsv";

    public static readonly string[] All = [Json, Table, Tsv];
}
