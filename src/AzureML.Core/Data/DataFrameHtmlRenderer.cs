using System.Net;
using System.Text;

namespace AzureML.Core.Data;

/// <summary>Renders a table as HTML in the shape of pandas' <c>to_html</c>, escaping every name and value.</summary>
internal static class DataFrameHtmlRenderer
{
    private const string Gap = "...";

    public static string Render(DataFrame frame) => Render(DisplayLayout.For(frame));

    public static string Render(DataFrame frame, int startRow, int rowCount) => Render(DisplayLayout.ForRows(frame, startRow, rowCount));

    private static string Render(DisplayLayout layout)
    {
        string[][] cells = layout.Columns.Select(c => CellFormatter.FormatForDisplay(c, layout.Rows)).ToArray();
        string[] labels = layout.RowLabels();

        var html = new StringBuilder("<table border=\"1\" class=\"dataframe\">\n  <thead>\n    <tr style=\"text-align: right;\">\n      <th></th>\n");
        AppendCells(html, "th", layout.Columns.Select(c => c.Name).ToArray(), layout.ColumnGapAfter);
        html.Append("    </tr>\n  </thead>\n  <tbody>\n");
        for (int r = 0; r < layout.Rows.Count; r++)
        {
            AppendRow(html, labels[r], cells.Select(column => column[r]).ToArray(), layout.ColumnGapAfter);
            if (r == layout.RowGapAfter) AppendRow(html, Gap, Enumerable.Repeat(Gap, cells.Length).ToArray(), layout.ColumnGapAfter);
        }
        html.Append("  </tbody>\n</table>");
        if (layout.Footer is not null) html.Append("\n<p>").Append(WebUtility.HtmlEncode(layout.Footer)).Append("</p>");
        return html.ToString();
    }

    private static void AppendRow(StringBuilder html, string label, string[] values, int? gapAfter)
    {
        html.Append("    <tr>\n      <th>").Append(WebUtility.HtmlEncode(label)).Append("</th>\n");
        AppendCells(html, "td", values, gapAfter);
        html.Append("    </tr>\n");
    }

    private static void AppendCells(StringBuilder html, string tag, string[] values, int? gapAfter)
    {
        for (int i = 0; i < values.Length; i++)
        {
            html.Append("      <").Append(tag).Append('>').Append(WebUtility.HtmlEncode(values[i])).Append("</").Append(tag).Append(">\n");
            if (i == gapAfter) html.Append("      <").Append(tag).Append('>').Append(Gap).Append("</").Append(tag).Append(">\n");
        }
    }
}
