using System.Collections;
using System.Diagnostics.CodeAnalysis;

namespace AzureML.Core.Data;

/// <summary>
/// A read-only dictionary whose missing-key error names the key and lists the keys there are, so
/// <c>ws.Datasets["typo"]</c> says what to use instead.
/// </summary>
internal sealed class NamedCollection<T> : IReadOnlyDictionary<string, T>
{
    private readonly Dictionary<string, T> _items;
    private readonly string _what;

    public NamedCollection(IEnumerable<KeyValuePair<string, T>> items, string what)
    {
        _items = new Dictionary<string, T>(items, StringComparer.Ordinal);
        _what = what;
    }

    public T this[string key] => _items.TryGetValue(key, out T? value)
        ? value
        : throw new KeyNotFoundException(
            $"No {_what} named '{key}' in this workspace. Registered: {(_items.Count == 0 ? "none" : string.Join(", ", _items.Keys.Order(StringComparer.Ordinal)))}.");

    public IEnumerable<string> Keys => _items.Keys;
    public IEnumerable<T> Values => _items.Values;
    public int Count => _items.Count;
    public bool ContainsKey(string key) => _items.ContainsKey(key);
    public bool TryGetValue(string key, [MaybeNullWhen(false)] out T value) => _items.TryGetValue(key, out value);
    public IEnumerator<KeyValuePair<string, T>> GetEnumerator() => _items.GetEnumerator();
    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
