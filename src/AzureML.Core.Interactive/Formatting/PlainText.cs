using System.Text;

namespace AzureML.Core.Interactive.Formatting;

/// <summary>Aligned text tables for <c>ToString</c> and text notebook output.</summary>
internal static class PlainText
{
    /// <summary>Columns padded to their widest cell, two spaces apart, trailing spaces trimmed.</summary>
    public static string Table(IReadOnlyList<string> headers, IReadOnlyList<IReadOnlyList<string>> rows)
    {
        int[] widths = headers.Select((h, i) => Math.Max(h.Length, rows.Count == 0 ? 0 : rows.Max(r => r[i].Length))).ToArray();
        var text = new StringBuilder();
        AppendRow(text, headers, widths);
        foreach (IReadOnlyList<string> row in rows) AppendRow(text.Append('\n'), row, widths);
        return text.ToString();
    }

    private static void AppendRow(StringBuilder text, IReadOnlyList<string> cells, int[] widths)
    {
        var line = new StringBuilder();
        for (int i = 0; i < cells.Count; i++) line.Append(cells[i].PadRight(widths[i])).Append("  ");
        text.Append(line.ToString().TrimEnd());
    }
}
