namespace AzureML.Core;

/// <summary>
/// Package names inside conda and pip requirement specs, so that adding a package replaces the spec it
/// already has and removing one works whatever its version spec.
/// </summary>
internal static class PackageSpec
{
    /// <summary>The name in a conda spec such as <c>conda-forge::numpy&gt;=1.2</c> or <c>numpy 1.2.*</c>, lower case.</summary>
    public static string CondaName(string spec)
    {
        string text = spec.Trim();
        int channel = text.IndexOf("::", StringComparison.Ordinal);
        if (channel >= 0) text = text[(channel + 2)..];
        return NameBefore(text, "=<>!~ [").ToLowerInvariant();
    }

    /// <summary>
    /// The name in a pip spec such as <c>scikit-learn[alldeps]==1.0; python_version&gt;"3"</c>, normalized as
    /// PEP 503 does (lower case, runs of <c>-_.</c> as <c>-</c>). Options and editable installs are their own name.
    /// </summary>
    public static string PipName(string spec)
    {
        string text = spec.Trim();
        if (IsPipOption(text) || text.StartsWith("-e", StringComparison.Ordinal)) return text;
        string name = NameBefore(text, "=<>!~ [;@");
        var normalized = new System.Text.StringBuilder(name.Length);
        foreach (char c in name.ToLowerInvariant())
        {
            bool separator = c is '-' or '_' or '.';
            if (!separator) normalized.Append(c);
            else if (normalized.Length == 0 || normalized[^1] != '-') normalized.Append('-');
        }

        return normalized.ToString();
    }

    /// <summary>
    /// True for a pip option line such as <c>--index-url https://…</c> or <c>-f ./wheels</c>; editable installs
    /// (<c>-e</c>, <c>--editable</c>) are packages.
    /// </summary>
    public static bool IsPipOption(string entry)
    {
        string text = entry.TrimStart();
        return text.StartsWith('-') && !text.StartsWith("-e", StringComparison.Ordinal) && !text.StartsWith("--editable", StringComparison.Ordinal);
    }

    /// <summary>True when a pip spec constrains the version or source (<c>numpy==1.2</c>, <c>pkg @ https://…</c>).</summary>
    public static bool HasVersion(string spec) => spec.Trim().IndexOfAny("=<>!~@".ToCharArray()) >= 0;

    /// <summary>
    /// What makes two option lines the same option: pip honours one index URL, so <c>--index-url</c> (or
    /// <c>-i</c>) lines are one option whatever their value; extra indexes and find-links folders may repeat.
    /// </summary>
    public static string OptionKey(string option)
    {
        string text = option.Trim();
        string name = NameBefore(text, " =");
        return name is "-i" or "--index-url" ? "--index-url" : text;
    }

    /// <summary>The version part of a conda <c>python</c> spec: <c>3.8.10</c> for <c>python=3.8.10</c>, <c>&gt;=3.8</c> as is.</summary>
    public static string? PythonVersionOf(string spec)
    {
        string rest = spec.Trim()[CondaNameLength(spec)..].Trim();
        if (rest.Length == 0) return null;
        return rest.StartsWith("==", StringComparison.Ordinal) ? rest[2..] : rest.StartsWith('=') ? rest[1..] : rest;
    }

    private static int CondaNameLength(string spec)
    {
        string text = spec.Trim();
        int channel = text.IndexOf("::", StringComparison.Ordinal);
        int start = channel >= 0 ? channel + 2 : 0;
        return start + NameBefore(text[start..], "=<>!~ [").Length;
    }

    private static string NameBefore(string text, string stops)
    {
        int end = text.IndexOfAny(stops.ToCharArray());
        return (end < 0 ? text : text[..end]).Trim();
    }
}
