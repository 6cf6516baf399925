using System.Text;
using System.Text.RegularExpressions;

namespace AzureML.Core.Backends.Local;

/// <summary>
/// The patterns of an <c>.amlignore</c> (or, when there is none, <c>.gitignore</c>) file at the root of a
/// source directory, with gitignore semantics: <c>#</c> comments, <c>!</c> negation, trailing <c>/</c> for
/// folders only, a leading or inner <c>/</c> anchors to the root, <c>*</c>, <c>?</c>, <c>[…]</c> and <c>**</c>.
/// The last matching pattern decides. A folder with neither file that holds a .NET project file leaves out the
/// project's build output (<c>bin/</c>, <c>obj/</c>), as the standard .NET <c>.gitignore</c> does.
/// </summary>
internal sealed class IgnoreRules
{
    /// <summary>The patterns of .NET build output.</summary>
    public static IReadOnlyList<string> DotnetBuildOutput { get; } = ["bin/", "obj/"];

    private static readonly string[] s_projectPatterns = ["*.csproj", "*.fsproj", "*.vbproj"];

    private readonly List<(Regex Pattern, bool Negated, bool DirectoryOnly)> _rules = new();

    private IgnoreRules(string? sourceFile, string? defaultReason)
    {
        SourceFile = sourceFile;
        DefaultReason = defaultReason;
    }

    /// <summary>The file the rules came from, or <c>null</c> when there was none.</summary>
    public string? SourceFile { get; }

    /// <summary>Why rules apply without an ignore file (the .NET project they protect), or <c>null</c>.</summary>
    public string? DefaultReason { get; }

    public static IgnoreRules Load(string sourceDirectory)
    {
        foreach (string name in new[] { ".amlignore", ".gitignore" })
        {
            string path = Path.Combine(sourceDirectory, name);
            if (File.Exists(path))
            {
                var rules = new IgnoreRules(path, null);
                foreach (string line in File.ReadLines(path)) rules.Add(line);
                return rules;
            }
        }

        if (ProjectFileIn(sourceDirectory) is not string project) return new IgnoreRules(null, null);
        var dotnet = new IgnoreRules(null, $"the folder holds the .NET project {project} and has no .amlignore or .gitignore");
        foreach (string pattern in DotnetBuildOutput) dotnet.Add(pattern);
        return dotnet;
    }

    /// <summary>The name of a .NET project file directly in <paramref name="folder"/>, or <c>null</c>.</summary>
    public static string? ProjectFileIn(string folder)
        => s_projectPatterns.SelectMany(p => Directory.EnumerateFiles(folder, p)).Select(Path.GetFileName).Order(StringComparer.Ordinal).FirstOrDefault();

    private void Add(string line)
    {
        string pattern = line.TrimEnd();
        if (pattern.Length == 0 || pattern.StartsWith('#')) return;
        bool negated = pattern.StartsWith('!');
        if (negated) pattern = pattern[1..];
        if (pattern.StartsWith("\\#", StringComparison.Ordinal) || pattern.StartsWith("\\!", StringComparison.Ordinal)) pattern = pattern[1..];
        bool directoryOnly = pattern.EndsWith('/');
        pattern = pattern.TrimEnd('/');
        if (pattern.Length == 0) return;
        bool anchored = pattern.Contains('/');
        pattern = pattern.TrimStart('/');
        string regex = (anchored ? "^" : "^(?:.*/)?") + GlobToRegex(pattern) + "$";
        _rules.Add((new Regex(regex, RegexOptions.CultureInvariant), negated, directoryOnly));
    }

    /// <summary>True when the relative path (forward slashes) is ignored by the rules.</summary>
    public bool IsIgnored(string relativePath, bool isDirectory)
    {
        bool ignored = false;
        foreach ((Regex pattern, bool negated, bool directoryOnly) in _rules)
        {
            if (directoryOnly && !isDirectory) continue;
            if (pattern.IsMatch(relativePath)) ignored = !negated;
        }

        return ignored;
    }

    private static string GlobToRegex(string glob)
    {
        var sb = new StringBuilder();
        for (int i = 0; i < glob.Length; i++)
        {
            char c = glob[i];
            switch (c)
            {
                case '*' when i + 1 < glob.Length && glob[i + 1] == '*':
                    bool slashAfter = i + 2 < glob.Length && glob[i + 2] == '/';
                    sb.Append(slashAfter ? "(?:.*/)?" : ".*");
                    i += slashAfter ? 2 : 1;
                    break;
                case '*':
                    sb.Append("[^/]*");
                    break;
                case '?':
                    sb.Append("[^/]");
                    break;
                case '[':
                    int close = glob.IndexOf(']', i + 1);
                    if (close < 0) { sb.Append("\\["); break; }
                    string set = glob[(i + 1)..close].Replace("\\", "\\\\");
                    sb.Append('[').Append(set.StartsWith('!') ? "^" + set[1..] : set).Append(']');
                    i = close;
                    break;
                case '\\' when i + 1 < glob.Length:
                    sb.Append(Regex.Escape(glob[++i].ToString()));
                    break;
                default:
                    sb.Append(Regex.Escape(c.ToString()));
                    break;
            }
        }

        return sb.ToString();
    }
}
