using System.Text;

namespace AzureML.Core.Data.Delimited;

/// <summary>
/// Reads one or more delimited files with the same columns into a <see cref="DataFrame"/>, streaming: text
/// is decoded and split a block at a time and each field goes straight into its typed column, so memory
/// follows the size of the typed table, not of the file. Types are inferred in the same pass (see
/// <see cref="InferringFieldColumn"/>); a column found to be text late in the data restarts the read once.
/// </summary>
internal static class DelimitedFileReader
{
    /// <summary>Reads local files.</summary>
    public static DataFrame Read(IEnumerable<string> paths, DelimitedReadOptions options)
        => Read(paths.Select(DelimitedSource.FromFile).ToArray(), options);

    /// <summary>Reads files in order; with a header, every file must start with the same header.</summary>
    /// <exception cref="UserErrorException">An option is invalid, or a file is malformed, empty or unreadable
    /// in the chosen encoding; the message names the file and the line.</exception>
    public static DataFrame Read(IReadOnlyList<DelimitedSource> sources, DelimitedReadOptions options)
    {
        ArgumentNullException.ThrowIfNull(sources);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        if (sources.Count == 0) throw new UserErrorException("No delimited file to read: the path list is empty.");
        Encoding encoding = DelimitedEncodings.Resolve(options.Encoding);

        var textColumns = new HashSet<int>();
        while (true)
        {
            DataFrame? frame = TryRead(sources, options, encoding, textColumns, out int textColumn);
            if (frame is not null) return frame;
            textColumns.Add(textColumn);
        }
    }

    private static DataFrame? TryRead(
        IReadOnlyList<DelimitedSource> sources, DelimitedReadOptions options, Encoding encoding, HashSet<int> textColumns, out int textColumn)
    {
        textColumn = -1;
        DelimitedTableBuilder? table = null;
        int rows = 0;
        foreach (DelimitedSource source in sources)
        {
            if (table is not null && rows >= options.MaxRows) break;
            using var text = new DecodedTextSource(source, encoding, options.Encoding);
            var tokenizer = new DelimitedTokenizer(text, options.Separator, source.Name);
            bool hasRecord = tokenizer.ReadRecord();
            if (hasRecord && (options.Header || table is null))
            {
                string[] names = options.Header ? HeaderNames(tokenizer) : GeneratedNames(tokenizer.FieldCount);
                if (table is null) table = new DelimitedTableBuilder(CheckedNames(names, options, source.Name), options, textColumns);
                else CheckSameHeader(table.Names, names, source.Name);
                if (options.Header) hasRecord = tokenizer.ReadRecord();
            }
            for (; hasRecord && !(rows >= options.MaxRows); hasRecord = tokenizer.ReadRecord(), rows++)
            {
                if (table!.AppendRecord(tokenizer, source.Name) is { } column)
                {
                    textColumn = column;
                    return null;
                }
            }
            table?.EndFile(source.Name);
        }
        return table?.Build() ?? throw new UserErrorException(
            $"{string.Join(", ", sources.Select(s => s.Name))}: no {(options.Header ? "header row" : "row")} to read; the file(s) are empty.");
    }

    // Blank and repeated names are made unique the way pandas does ("Column3", "age.1").
    private static string[] HeaderNames(DelimitedTokenizer header)
    {
        var names = new string[header.FieldCount];
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (int i = 0; i < names.Length; i++)
        {
            string name = header.GetField(i).ToString();
            if (name.Length == 0) name = $"Column{i + 1}";
            string unique = name;
            for (int n = 1; !seen.Add(unique); n++) unique = $"{name}.{n}";
            names[i] = unique;
        }
        return names;
    }

    private static string[] GeneratedNames(int count) => Enumerable.Range(1, count).Select(i => $"Column{i}").ToArray();

    private static string[] CheckedNames(string[] names, DelimitedReadOptions options, string file)
    {
        if (options.IncludePath && names.Contains(DelimitedReadOptions.PathColumnName))
        {
            throw new UserErrorException(
                $"{file} already has a column named '{DelimitedReadOptions.PathColumnName}', which includePath would add; rename it or read without includePath.");
        }
        string[] unknown = options.SetColumnTypes?.Keys.Where(k => !names.Contains(k)).ToArray() ?? [];
        if (unknown.Length > 0)
        {
            throw new UserErrorException(
                $"setColumnTypes names {string.Join(", ", unknown.Select(u => $"'{u}'"))}, which {file} does not have. " +
                $"Columns: {string.Join(", ", names.Select(n => $"'{n}'"))}.");
        }
        return names;
    }

    private static void CheckSameHeader(IReadOnlyList<string> expected, string[] actual, string file)
    {
        if (!expected.SequenceEqual(actual))
        {
            throw new UserErrorException(
                $"{file}, line 1: the header ({string.Join(", ", actual)}) differs from the first file's ({string.Join(", ", expected)}); " +
                "all files read together must have the same columns.");
        }
    }
}
