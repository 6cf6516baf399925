using System.Text;

namespace AzureML.Core.Data;

/// <summary>Prints a table as right-aligned text columns like pandas' <c>repr</c>.</summary>
internal static class DataFrameTextRenderer
{
    private const string Gap = "...";
    private const string ColumnSeparator = "  ";

    public static string Render(DataFrame frame)
    {
        DisplayLayout layout = DisplayLayout.For(frame);
        var blocks = new List<string[]> { WithGap([string.Empty, .. layout.RowLabels()], layout.RowGapAfter, "..") };
        for (int c = 0; c < layout.Columns.Count; c++)
        {
            DataFrameColumn column = layout.Columns[c];
            blocks.Add(WithGap([column.Name, .. CellFormatter.FormatForDisplay(column, layout.Rows)], layout.RowGapAfter, Gap));
            if (c == layout.ColumnGapAfter) blocks.Add(Enumerable.Repeat(Gap, blocks[0].Length).ToArray());
        }

        int[] widths = blocks.Select(b => b.Max(cell => cell.Length)).ToArray();
        var text = new StringBuilder();
        for (int line = 0; line < blocks[0].Length; line++)
        {
            // Row labels are left-aligned and values right-aligned, as pandas prints them.
            var cells = blocks.Select((block, b) => b == 0 ? block[line].PadRight(widths[b]) : block[line].PadLeft(widths[b]));
            text.Append(string.Join(ColumnSeparator, cells).TrimEnd()).Append('\n');
        }
        if (layout.Footer is not null) text.Append('\n').Append('[').Append(layout.Footer).Append("]\n");
        return text.ToString(0, text.Length - 1);
    }

    // The header is line 0, so a gap after shown row r goes after line r + 1.
    private static string[] WithGap(string[] lines, int? gapAfterRow, string filler)
        => gapAfterRow is { } r ? [.. lines[..(r + 2)], filler, .. lines[(r + 2)..]] : lines;
}
