using System.Collections;
using System.Diagnostics.CodeAnalysis;

namespace AzureML.Core.Internal;

/// <summary>
/// A read-only dictionary whose missing-key error names the key and lists the keys there are, so
/// <c>ws.Datasets["typo"]</c> says what to use instead.
/// </summary>
internal sealed class NamedCollection<T> : IReadOnlyDictionary<string, T>
{
    private readonly Dictionary<string, T> _items;
    private readonly string _what;
    private readonly string? _hint;

    /// <param name="items">The entries by name.</param>
    /// <param name="what">What an entry is, for the message ("dataset", "compute target").</param>
    /// <param name="comparer">How names compare; default ordinal.</param>
    /// <param name="hint">What to do about a missing name, appended to the message.</param>
    public NamedCollection(IEnumerable<KeyValuePair<string, T>> items, string what, IEqualityComparer<string>? comparer = null, string? hint = null)
    {
        _items = new Dictionary<string, T>(items, comparer ?? StringComparer.Ordinal);
        _what = what;
        _hint = hint;
    }

    public T this[string key] => _items.TryGetValue(key, out T? value)
        ? value
        : throw new KeyNotFoundException(
            $"No {_what} named '{key}' in this workspace. Registered: {(_items.Count == 0 ? "none" : string.Join(", ", _items.Keys.Order(StringComparer.Ordinal)))}." +
            (_hint is null ? "" : " " + _hint));

    public IEnumerable<string> Keys => _items.Keys;
    public IEnumerable<T> Values => _items.Values;
    public int Count => _items.Count;
    public bool ContainsKey(string key) => _items.ContainsKey(key);
    public bool TryGetValue(string key, [MaybeNullWhen(false)] out T value) => _items.TryGetValue(key, out value);
    public IEnumerator<KeyValuePair<string, T>> GetEnumerator() => _items.GetEnumerator();
    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
