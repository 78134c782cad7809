using System;
using System.Collections.Generic;
using System.Linq;
using AlaSpark.Generators.Model;

namespace AlaSpark.Generators.Tracking;

/// <summary>Where a processor removed a column: the place ALS2002 points at when a sink partitions by it.</summary>
internal readonly record struct RemovalSite(string Processor, int AttributeIndex, int ArgumentIndex, int ElementIndex);

/// <summary>
/// The schema as the tracker changes it, one processor at a time. Names compare ignoring case, as
/// Spark resolves them; a replaced column keeps its position and takes the new name.
/// </summary>
internal sealed class WorkingSchema
{
    private readonly List<ColumnModel> _columns = new();
    private readonly List<string> _partitions = new();
    private readonly Dictionary<string, RemovalSite> _removedAt = new(StringComparer.OrdinalIgnoreCase);

    public WorkingSchema(SchemaModel? source)
    {
        IsComplete = source is not null;
        if (source is not null) _columns.AddRange(source.Columns);
    }

    /// <summary>True while every column is known (see <see cref="SchemaStep.IsComplete"/>).</summary>
    public bool IsComplete { get; private set; }

    public IReadOnlyList<ColumnModel> Columns => _columns;

    public IReadOnlyList<string> Partitions => _partitions;

    public ColumnModel? Find(string name)
    {
        var index = IndexOf(name);
        return index < 0 ? null : _columns[index];
    }

    public void AddOrReplace(ColumnModel column)
    {
        var index = IndexOf(column.Name);
        if (index < 0) _columns.Add(column);
        else _columns[index] = column;
        _removedAt.Remove(column.Name);
    }

    public void Remove(string name, RemovalSite site)
    {
        var index = IndexOf(name);
        if (index >= 0) _columns.RemoveAt(index);
        _partitions.RemoveAll(p => string.Equals(p, name, StringComparison.OrdinalIgnoreCase));
        _removedAt[name] = site;
    }

    /// <summary>Keeps <paramref name="kept"/>, in that order: the schema is then complete again.</summary>
    public void KeepOnly(IReadOnlyList<ColumnModel> kept, RemovalSite site)
    {
        foreach (var column in _columns.Where(c => !kept.Any(k => Same(k.Name, c.Name))).ToList())
            Remove(column.Name, site);
        _columns.Clear();
        _columns.AddRange(kept);
        _partitions.RemoveAll(p => !kept.Any(k => Same(k.Name, p)));
        IsComplete = true;
    }

    public void MarkPartition(string name)
    {
        if (!_partitions.Any(p => Same(p, name))) _partitions.Add(name);
    }

    /// <summary>After a processor whose effect is unknown: nothing is known any more.</summary>
    public void Forget()
    {
        IsComplete = false;
        _columns.Clear();
        _partitions.Clear();
    }

    public bool TryGetRemoval(string name, out RemovalSite site) => _removedAt.TryGetValue(name, out site);

    /// <summary>The column names for messages: <c>a, b, c</c>, or a note that the schema is not fully known.</summary>
    public string Describe() =>
        (_columns.Count == 0 ? "none" : string.Join(", ", _columns.Select(c => c.Name))) + (IsComplete ? "" : ", and columns not known at compile time");

    public SchemaStep Snapshot() => new(IsComplete, _columns.ToEquatableArray(), _partitions.ToEquatableArray());

    private int IndexOf(string name) => _columns.FindIndex(c => Same(c.Name, name));

    private static bool Same(string a, string b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);
}
