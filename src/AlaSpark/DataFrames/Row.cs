using AlaSpark.Types;

namespace AlaSpark;

/// <summary>
/// One row of a result, with its schema. Values use the natural CLR types: string, bool, int, long,
/// double, decimal, DateOnly (date), DateTime in UTC (timestamp), byte[] (binary),
/// <see cref="IReadOnlyList{T}"/> of object (array), <see cref="Row"/> (struct) and
/// <see cref="IReadOnlyDictionary{TKey,TValue}"/> (map).
/// </summary>
public sealed class Row : IEquatable<Row>
{
    private readonly object?[] _values;

    public Row(StructType schema, object?[] values)
    {
        if (schema.Count != values.Length)
            throw new ArgumentException($"A row of {values.Length} values does not fit a schema of {schema.Count} columns.");
        Schema = schema;
        _values = values;
    }

    public StructType Schema { get; }

    public int Length => _values.Length;

    public object? this[int index] => _values[index];

    public object? this[string column] => _values[IndexOf(column)];

    public IReadOnlyList<object?> Values => _values;

    public T? Get<T>(string column) => (T?)this[column];

    public T? Get<T>(int index) => (T?)_values[index];

    public bool IsNull(string column) => this[column] is null;

    private int IndexOf(string column)
    {
        var index = Schema.IndexOf(column);
        if (index < 0)
            throw new AlaSparkException($"Row has no column '{column}'. Columns: {string.Join(", ", Schema.FieldNames)}.");
        return index;
    }

    public bool Equals(Row? other) =>
        other is not null && other._values.Length == _values.Length &&
        _values.Zip(other._values).All(p => ValueEquality.AreEqual(p.First, p.Second));

    public override bool Equals(object? obj) => obj is Row other && Equals(other);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var v in _values) hash.Add(ValueEquality.HashOf(v));
        return hash.ToHashCode();
    }

    public override string ToString() => "Row(" + string.Join(", ", Schema.Fields.Select((f, i) => $"{f.Name}={ValueFormatter.Format(_values[i])}")) + ")";
}

/// <summary>Structural equality for row values (arrays, maps and byte arrays by content).</summary>
internal static class ValueEquality
{
    public static bool AreEqual(object? a, object? b) => (a, b) switch
    {
        (null, null) => true,
        (null, _) or (_, null) => false,
        (byte[] x, byte[] y) => x.AsSpan().SequenceEqual(y),
        (string, _) or (_, string) => Equals(a, b),
        (IReadOnlyDictionary<object, object?> x, IReadOnlyDictionary<object, object?> y) =>
            x.Count == y.Count && x.All(kv => y.TryGetValue(kv.Key, out var v) && AreEqual(kv.Value, v)),
        (System.Collections.IList x, System.Collections.IList y) =>
            x.Count == y.Count && Enumerable.Range(0, x.Count).All(i => AreEqual(x[i], y[i])),
        _ => Equals(a, b),
    };

    public static int HashOf(object? value) => value switch
    {
        null => 0,
        byte[] bytes => bytes.Length,
        string s => s.GetHashCode(),
        System.Collections.IList list => list.Count,
        _ => value.GetHashCode(),
    };
}
