namespace AzureML.Core;

/// <summary>
/// Reads a pip <c>requirements.txt</c>: comments and blank lines are skipped, continued lines joined,
/// <c>-r</c>/<c>--requirement</c> files included (relative to the including file), and other option lines
/// (<c>--index-url</c>, <c>--extra-index-url</c>, <c>-f</c>…) kept as pip options.
/// </summary>
internal static class PipRequirementsFile
{
    /// <summary>The entries (packages and option lines) in file order.</summary>
    public static IReadOnlyList<string> Read(string path)
    {
        var entries = new List<string>();
        Read(Path.GetFullPath(path), entries, new HashSet<string>(StringComparer.Ordinal), includedFrom: null);
        return entries;
    }

    private static void Read(string file, List<string> entries, HashSet<string> visiting, string? includedFrom)
    {
        if (!File.Exists(file))
        {
            throw new UserErrorException(includedFrom is null
                ? $"The pip requirements file '{file}' does not exist."
                : $"{includedFrom} includes the pip requirements file '{file}', which does not exist.");
        }

        // A file that includes itself, directly or through others, is read once.
        if (!visiting.Add(file)) return;
        foreach ((int number, string line) in LogicalLines(File.ReadAllLines(file)))
        {
            string? included = IncludedFile(line);
            if (included is not null)
            {
                Read(Path.GetFullPath(Path.Combine(Path.GetDirectoryName(file)!, included)), entries, visiting, $"'{file}', line {number},");
            }
            else
            {
                entries.Add(line);
            }
        }
    }

    private static IEnumerable<(int Number, string Line)> LogicalLines(string[] lines)
    {
        string pending = "";
        int start = 0;
        for (int i = 0; i < lines.Length; i++)
        {
            if (pending.Length == 0) start = i + 1;
            string line = lines[i];
            if (line.EndsWith('\\'))
            {
                pending += line[..^1];
                continue;
            }

            string text = StripComment(pending + line).Trim();
            pending = "";
            if (text.Length > 0) yield return (start, text);
        }

        string last = StripComment(pending).Trim();
        if (last.Length > 0) yield return (start, last);
    }

    // pip treats '#' as a comment at the start of a line or after whitespace; inside a URL it is a fragment.
    private static string StripComment(string line)
    {
        for (int i = 0; i < line.Length; i++)
        {
            if (line[i] == '#' && (i == 0 || char.IsWhiteSpace(line[i - 1]))) return line[..i];
        }

        return line;
    }

    private static string? IncludedFile(string line)
    {
        foreach (string option in new[] { "--requirement", "-r" })
        {
            if (!line.StartsWith(option, StringComparison.Ordinal)) continue;
            string rest = line[option.Length..].TrimStart('=', ' ', '\t');
            if (rest.Length > 0) return rest;
        }

        return null;
    }
}
