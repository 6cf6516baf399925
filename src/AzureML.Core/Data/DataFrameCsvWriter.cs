using System.Text;

namespace AzureML.Core.Data;

/// <summary>Writes a table as RFC 4180 CSV.</summary>
internal static class DataFrameCsvWriter
{
    private static readonly char[] CharactersNeedingQuotes = [',', '"', '\r', '\n'];

    public static void Write(DataFrame frame, Stream stream)
    {
        using var writer = new StreamWriter(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), bufferSize: 1 << 16, leaveOpen: true)
        {
            NewLine = "\r\n",
        };
        WriteRecord(writer, frame.ColumnNames);
        var fields = new string[frame.ColumnCount];
        for (int row = 0; row < frame.RowCount; row++)
        {
            for (int c = 0; c < fields.Length; c++) fields[c] = CellFormatter.FormatForCsv(frame.Columns[c], row);
            WriteRecord(writer, fields);
        }
    }

    private static void WriteRecord(StreamWriter writer, IReadOnlyList<string> fields)
    {
        // A one-field record with an empty value would be a blank line, which readers skip: quote it.
        if (fields.Count == 1 && fields[0].Length == 0)
        {
            writer.WriteLine("\"\"");
            return;
        }

        for (int i = 0; i < fields.Count; i++)
        {
            if (i > 0) writer.Write(',');
            string field = fields[i];
            if (field.IndexOfAny(CharactersNeedingQuotes) < 0)
            {
                writer.Write(field);
            }
            else
            {
                writer.Write('"');
                writer.Write(field.Replace("\"", "\"\"", StringComparison.Ordinal));
                writer.Write('"');
            }
        }
        writer.WriteLine();
    }
}
