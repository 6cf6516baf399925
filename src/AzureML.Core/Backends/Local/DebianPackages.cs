namespace AzureML.Core.Backends.Local;

/// <summary>
/// The Debian packages that give Debian's <c>/usr/bin/python3</c> a Python distribution or module, as far as
/// this machine's package manager knows them, so an install hint never names a package that does not exist.
/// </summary>
internal static class DebianPackages
{
    private static readonly TimeSpan s_timeout = TimeSpan.FromSeconds(20);

    // Where Debian's name is not python3-<name>: distributions and import names that differ from the package.
    private static readonly Dictionary<string, string> s_named = new(StringComparer.OrdinalIgnoreCase)
    {
        ["scikit-learn"] = "python3-sklearn",
        ["scikit-image"] = "python3-skimage",
        ["pyyaml"] = "python3-yaml",
        ["pillow"] = "python3-pil",
        ["beautifulsoup4"] = "python3-bs4",
        ["opencv-python"] = "python3-opencv",
        ["cv2"] = "python3-opencv",
        ["python-dateutil"] = "python3-dateutil",
    };

    /// <summary>
    /// The package that provides each of <paramref name="names"/> (distribution or import names), for those apt
    /// has a candidate for; <c>null</c> when this machine has no <c>apt-cache</c> to ask.
    /// </summary>
    public static IReadOnlyDictionary<string, string>? Find(IEnumerable<string> names)
    {
        Dictionary<string, string> guesses = names.Distinct(StringComparer.Ordinal).ToDictionary(n => n, Guess, StringComparer.Ordinal);
        string? policy = ShortCommand.Run("apt-cache", guesses.Values.Distinct().Prepend("policy"), s_timeout);
        if (policy is null) return null;
        HashSet<string> available = Available(policy);
        return guesses.Where(g => available.Contains(g.Value)).ToDictionary(g => g.Key, g => g.Value, StringComparer.Ordinal);
    }

    private static string Guess(string name)
        => s_named.TryGetValue(name, out string? package) ? package : "python3-" + PythonEnvironmentResolver.Normalize(name);

    // `apt-cache policy a b` prints "a:" then "  Candidate: <version>" for each package it knows, nothing for the others.
    private static HashSet<string> Available(string policy)
    {
        var available = new HashSet<string>(StringComparer.Ordinal);
        string? current = null;
        foreach (string line in policy.Split('\n'))
        {
            if (line.Length > 1 && !char.IsWhiteSpace(line[0]) && line.TrimEnd().EndsWith(':')) current = line.TrimEnd()[..^1];
            else if (current is not null && line.Trim().StartsWith("Candidate:", StringComparison.Ordinal) && !line.Contains("(none)", StringComparison.Ordinal)) available.Add(current);
        }

        return available;
    }
}
