namespace AzureML.Core.Internal;

/// <summary>The one rule for tag and property filters of list calls (runs, models, services).</summary>
internal static class TagFilter
{
    /// <summary>
    /// True when <paramref name="actual"/> holds every key of <paramref name="wanted"/>; a <c>null</c> wanted
    /// value matches any value of its key, and no filter matches everything.
    /// </summary>
    public static bool Matches(IReadOnlyDictionary<string, string> actual, IReadOnlyDictionary<string, string?>? wanted)
        => wanted is null || wanted.All(w => actual.TryGetValue(w.Key, out string? value) && (w.Value is null || w.Value == value));
}
