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

    /// <summary>
    /// The columns that may be partitions the tracker does not know of: the source's catalog entry may
    /// be partitioned (the runtime starts from its partition columns), so any column of the source,
    /// under its current name, may be one. Null when any column may be (the columns are not all known).
    /// </summary>
    private HashSet<string>? _maybePartitions;

    public WorkingSchema(SchemaModel? source)
    {
        IsComplete = source is not null;
        if (source is not null)
        {
            _columns.AddRange(source.Columns);
            _maybePartitions = new HashSet<string>(source.Columns.Select(c => c.Name), StringComparer.OrdinalIgnoreCase);
        }
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
        _partitions.RemoveAll(p => Same(p, name));
        _maybePartitions?.Remove(name);
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
        _maybePartitions = new HashSet<string>(kept.Select(k => k.Name).Where(n => _maybePartitions?.Contains(n) ?? true), StringComparer.OrdinalIgnoreCase);
        IsComplete = true;
    }

    /// <summary>
    /// Puts <paramref name="columns"/> in place of the columns, in that order, keeping the partition
    /// marks of those still there (a processor that reorders, flattens or retypes several at once).
    /// </summary>
    public void Replace(IReadOnlyList<ColumnModel> columns)
    {
        _columns.Clear();
        _columns.AddRange(columns);
        _partitions.RemoveAll(p => Find(p) is null);
        foreach (var column in columns) _removedAt.Remove(column.Name);
    }

    /// <summary>
    /// Renames columns at once (old name to new name), each in its place; partition marks move with
    /// them; the old names count as removed at <paramref name="sites"/>' places (for ALS2002).
    /// </summary>
    public void Rename(IReadOnlyList<(string Old, string New, RemovalSite Site)> renames)
    {
        string NewName(string name) => renames.FirstOrDefault(r => Same(r.Old, name)).New ?? name;
        for (var i = 0; i < _columns.Count; i++)
        {
            var name = NewName(_columns[i].Name);
            if (name != _columns[i].Name) _columns[i] = _columns[i] with { Name = name, PropertyName = "" };
        }
        for (var i = 0; i < _partitions.Count; i++) _partitions[i] = NewName(_partitions[i]);
        if (_maybePartitions is not null)
            _maybePartitions = new HashSet<string>(_maybePartitions.Select(NewName), StringComparer.OrdinalIgnoreCase);
        foreach (var (old, _, site) in renames)
        {
            if (!renames.Any(r => Same(r.New, old))) _removedAt[old] = site;
        }
        foreach (var (_, name, _) in renames) _removedAt.Remove(name);
    }

    /// <summary>After a processor that adds columns the tracker can't know (another table's): the listed ones still exist.</summary>
    public void MarkIncomplete() => IsComplete = false;

    /// <summary>
    /// True when <paramref name="name"/> is a partition at this step, or may be one the tracker does not
    /// know of (a source column: its catalog entry may be partitioned by it).
    /// </summary>
    public bool MayBePartition(string name) => _partitions.Any(p => Same(p, name)) || (_maybePartitions?.Contains(name) ?? true);

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
        _maybePartitions = null;
    }

    public bool TryGetRemoval(string name, out RemovalSite site) => _removedAt.TryGetValue(name, out site);

    /// <summary>The column names for messages: <c>a, b, c</c>, or a note that the schema is not fully known.</summary>
    public string Describe() =>
        (_columns.Count == 0 ? "none" : string.Join(", ", _columns.Select(c => c.Name))) + (IsComplete ? "" : ", and columns not known at compile time");

    public SchemaStep Snapshot() => new(IsComplete, _columns.ToEquatableArray(), _partitions.ToEquatableArray());

    private int IndexOf(string name) => _columns.FindIndex(c => Same(c.Name, name));

    private static bool Same(string a, string b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);
}
