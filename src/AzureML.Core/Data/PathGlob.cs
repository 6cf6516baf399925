using System.Text;
using System.Text.RegularExpressions;

namespace AzureML.Core.Data;

/// <summary>
/// A '/'-separated path that may contain wildcards as azureml accepts them: <c>*</c> (within a folder),
/// <c>**</c> (any depth) and <c>?</c> (one character). It splits into the folder to list and a pattern
/// that listed paths must match.
/// </summary>
internal sealed class PathGlob
{
    private readonly Regex? _pattern;

    public PathGlob(string path)
    {
        string[] segments = path.Split('/');
        int firstWild = Array.FindIndex(segments, s => s.IndexOfAny(['*', '?']) >= 0);
        if (firstWild < 0)
        {
            // A folder named with a trailing '/' is the same folder: names below it must not lose a character.
            Base = path.Length > 1 ? path.TrimEnd('/') : path;
            return;
        }

        Base = string.Join('/', segments.Take(firstWild));
        _pattern = new Regex("^" + ToRegex(path) + "$", RegexOptions.CultureInvariant);
        ListingDepth = path.Contains("**", StringComparison.Ordinal) ? null : segments.Length - firstWild - 1;
    }

    /// <summary>The longest leading part without wildcards: the folder (or file) to list.</summary>
    public string Base { get; }

    /// <summary>True when the path has wildcards.</summary>
    public bool HasWildcards => _pattern is not null;

    /// <summary>True when <paramref name="path"/> (a listed path, same root as the glob) is selected; without wildcards, everything listed under <see cref="Base"/> is.</summary>
    public bool Matches(string path) => _pattern?.IsMatch(path) ?? true;

    /// <summary>True when <paramref name="candidate"/> is what the glob names: a wildcard match, or exactly the path when there are none.</summary>
    public bool MatchesExactly(string candidate) => _pattern?.IsMatch(candidate) ?? candidate == Base;

    /// <summary>
    /// How deep below <see cref="Base"/> a listing must go: unlimited for <c>**</c> or no wildcards (a folder means
    /// everything in it), else the number of segments after the base minus one.
    /// </summary>
    public int? ListingDepth { get; private init; }

    /// <summary>
    /// The name a matched file keeps below the glob: relative to <see cref="Base"/> for wildcards and folders,
    /// the file name when the glob named one file.
    /// </summary>
    public string RelativeName(string path)
    {
        if (path == Base) return path[(path.LastIndexOf('/') + 1)..];
        return Base.Length == 0 ? path : path[(Base.Length + 1)..];
    }

    private static string ToRegex(string glob)
    {
        var regex = new StringBuilder();
        for (int i = 0; i < glob.Length; i++)
        {
            char c = glob[i];
            if (c == '*' && i + 1 < glob.Length && glob[i + 1] == '*')
            {
                bool folderPrefix = i + 2 < glob.Length && glob[i + 2] == '/';
                regex.Append(folderPrefix ? "(?:.*/)?" : ".*");
                i += folderPrefix ? 2 : 1;
            }
            else if (c == '*') regex.Append("[^/]*");
            else if (c == '?') regex.Append("[^/]");
            else regex.Append(Regex.Escape(c.ToString()));
        }

        return regex.ToString();
    }
}
