using System.Collections.Immutable;
using System.Text;
using AlaSpark.Types;

namespace AlaSpark.Catalog;

/// <summary>
/// A table's entry in the catalog: where its data lives, in what format, with what schema,
/// partitioning and options. Immutable; change it with <c>with</c>.
/// </summary>
/// <remarks>
/// Equality is by value and by content: the partition columns compare in order, the properties as
/// a set of key/value pairs (ordinal), the schema with <see cref="StructType"/>'s equality, the times
/// as instants. <see cref="Format"/> is kept lower-case.
/// </remarks>
public sealed record CatalogTable
{
    /// <summary>The formats a table can have.</summary>
    public static IReadOnlyList<string> SupportedFormats { get; } = ImmutableArray.Create("csv", "json", "parquet", "delta");

    private readonly string _format = "";
    private readonly IReadOnlyList<string> _partitionColumns = ImmutableArray<string>.Empty;
    private readonly IReadOnlyDictionary<string, string> _properties = ImmutableSortedDictionary<string, string>.Empty;

    public CatalogTable(
        string database,
        string name,
        string location,
        string format,
        StructType? schema = null,
        IEnumerable<string>? partitionColumns = null,
        IEnumerable<KeyValuePair<string, string>>? properties = null)
    {
        Database = database;
        Name = name;
        Location = location;
        Format = format;
        Schema = schema;
        PartitionColumns = partitionColumns?.ToImmutableArray() ?? ImmutableArray<string>.Empty;
        Properties = properties is null
            ? ImmutableSortedDictionary<string, string>.Empty
            : properties.ToImmutableSortedDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
    }

    /// <summary>The database, e.g. <c>raw__web_events</c>.</summary>
    public string Database { get; init; }

    /// <summary>The table name, e.g. <c>page_views</c>.</summary>
    public string Name { get; init; }

    /// <summary>The absolute path of the table's data.</summary>
    public string Location { get; init; }

    /// <summary>The storage format, lower-case: one of <see cref="SupportedFormats"/>.</summary>
    public string Format
    {
        get => _format;
        init => _format = (value ?? throw new ArgumentNullException(nameof(Format))).ToLowerInvariant();
    }

    /// <summary>The schema; null for a format that infers it when read.</summary>
    public StructType? Schema { get; init; }

    /// <summary>The partition columns, in directory order (outermost first).</summary>
    public IReadOnlyList<string> PartitionColumns
    {
        get => _partitionColumns;
        init => _partitionColumns = (value ?? throw new ArgumentNullException(nameof(PartitionColumns))).ToImmutableArray();
    }

    /// <summary>Options of the format and other properties, e.g. <c>header=true</c> for CSV. Sorted by key.</summary>
    public IReadOnlyDictionary<string, string> Properties
    {
        get => _properties;
        init => _properties = (value ?? throw new ArgumentNullException(nameof(Properties)))
            .ToImmutableSortedDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
    }

    /// <summary>When the catalog first recorded the table; <c>default</c> until it is stored.</summary>
    public DateTimeOffset CreatedTime { get; init; }

    /// <summary>When the catalog last changed the table's entry; <c>default</c> until it is stored.</summary>
    public DateTimeOffset UpdatedTime { get; init; }

    /// <summary><c>database.table</c>.</summary>
    public string FullName => $"{Database}.{Name}";

    public bool Equals(CatalogTable? other) =>
        other is not null
        && string.Equals(Database, other.Database, StringComparison.Ordinal)
        && string.Equals(Name, other.Name, StringComparison.Ordinal)
        && string.Equals(Location, other.Location, StringComparison.Ordinal)
        && string.Equals(Format, other.Format, StringComparison.Ordinal)
        && Equals(Schema, other.Schema)
        && PartitionColumns.SequenceEqual(other.PartitionColumns, StringComparer.Ordinal)
        && PropertiesEqual(Properties, other.Properties)
        && CreatedTime.Equals(other.CreatedTime)
        && UpdatedTime.Equals(other.UpdatedTime);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.Add(Database, StringComparer.Ordinal);
        hash.Add(Name, StringComparer.Ordinal);
        hash.Add(Location, StringComparer.Ordinal);
        hash.Add(Format, StringComparer.Ordinal);
        hash.Add(Schema);
        foreach (var column in PartitionColumns) hash.Add(column, StringComparer.Ordinal);
        // Properties are sorted by key, so this order is stable for equal dictionaries.
        foreach (var (key, value) in Properties)
        {
            hash.Add(key, StringComparer.Ordinal);
            hash.Add(value, StringComparer.Ordinal);
        }
        hash.Add(CreatedTime);
        hash.Add(UpdatedTime);
        return hash.ToHashCode();
    }

    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append("FullName = ").Append(FullName)
            .Append(", Location = ").Append(Location)
            .Append(", Format = ").Append(Format)
            .Append(", Schema = ").Append(Schema?.SimpleString ?? "(inferred)")
            .Append(", PartitionColumns = [").Append(string.Join(", ", PartitionColumns)).Append(']')
            .Append(", Properties = {").Append(string.Join(", ", Properties.Select(p => $"{p.Key}={p.Value}"))).Append('}')
            .Append(", CreatedTime = ").Append(CreatedTime.ToString("O"))
            .Append(", UpdatedTime = ").Append(UpdatedTime.ToString("O"));
        return true;
    }

    private static bool PropertiesEqual(IReadOnlyDictionary<string, string> a, IReadOnlyDictionary<string, string> b)
    {
        if (a.Count != b.Count) return false;
        foreach (var (key, value) in a)
            if (!b.TryGetValue(key, out var other) || !string.Equals(value, other, StringComparison.Ordinal))
                return false;
        return true;
    }
}
