using System.Collections;
using System.Collections.Immutable;

namespace AlaSpark.Plan;

/// <summary>An immutable string map with case-insensitive keys and value equality (reader options).</summary>
public readonly struct ValueMap : IReadOnlyDictionary<string, string>, IEquatable<ValueMap>
{
    private readonly ImmutableSortedDictionary<string, string>? _items;

    public ValueMap(IEnumerable<KeyValuePair<string, string>> items) =>
        _items = ImmutableSortedDictionary.CreateRange(StringComparer.OrdinalIgnoreCase, items);

    public static ValueMap Empty => new(Array.Empty<KeyValuePair<string, string>>());

    private ImmutableSortedDictionary<string, string> Items =>
        _items ?? ImmutableSortedDictionary<string, string>.Empty.WithComparers(StringComparer.OrdinalIgnoreCase);

    public ValueMap Set(string key, string value) => new(Items.SetItem(key, value));

    public string? Get(string key) => Items.TryGetValue(key, out var v) ? v : null;

    public bool GetBool(string key, bool defaultValue) =>
        Get(key) is { } v ? v.Equals("true", StringComparison.OrdinalIgnoreCase) : defaultValue;

    public string this[string key] => Items[key];
    public IEnumerable<string> Keys => Items.Keys;
    public IEnumerable<string> Values => Items.Values;
    public int Count => Items.Count;
    public bool ContainsKey(string key) => Items.ContainsKey(key);
    public bool TryGetValue(string key, out string value) => Items.TryGetValue(key, out value!);

    public bool Equals(ValueMap other) =>
        Count == other.Count && Items.All(kv => other.TryGetValue(kv.Key, out var v) && v == kv.Value);

    public override bool Equals(object? obj) => obj is ValueMap other && Equals(other);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var kv in Items) { hash.Add(kv.Key.ToLowerInvariant()); hash.Add(kv.Value); }
        return hash.ToHashCode();
    }

    public static bool operator ==(ValueMap left, ValueMap right) => left.Equals(right);
    public static bool operator !=(ValueMap left, ValueMap right) => !left.Equals(right);

    public IEnumerator<KeyValuePair<string, string>> GetEnumerator() => Items.GetEnumerator();
    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public override string ToString() => "{" + string.Join(", ", Items.Select(kv => $"{kv.Key}={kv.Value}")) + "}";
}
