using System.Text.Json.Nodes;
using AlaSpark.Types;

namespace AlaSpark.Delta;

/// <summary>How columns of the data files are found (<c>delta.columnMapping.mode</c>).</summary>
public enum ColumnMappingMode
{
    /// <summary>By the display name (the <c>name</c> of the schema field).</summary>
    None,
    /// <summary>By the physical name in <c>delta.columnMapping.physicalName</c>.</summary>
    Name,
    /// <summary>By the Parquet field id in <c>delta.columnMapping.id</c>.</summary>
    Id,
}

/// <summary>Column mapping: the physical names and ids of schema fields, from their metadata.</summary>
public static class ColumnMapping
{
    public const string ModeKey = "delta.columnMapping.mode";
    public const string PhysicalNameKey = "delta.columnMapping.physicalName";
    public const string IdKey = "delta.columnMapping.id";

    /// <summary>The field's physical name, or its display name when it has none.</summary>
    public static string PhysicalName(StructField field) =>
        field.Metadata.TryGetValue(PhysicalNameKey, out var node) && node is JsonValue v && v.TryGetValue<string>(out var name)
            ? name
            : field.Name;

    /// <summary>The field's column mapping id, or null.</summary>
    public static long? FieldId(StructField field)
    {
        if (!field.Metadata.TryGetValue(IdKey, out var node) || node is not JsonValue v) return null;
        if (v.TryGetValue<long>(out var id)) return id;
        if (v.TryGetValue<int>(out var i)) return i;
        return v.TryGetValue<string>(out var s) && long.TryParse(s, out id) ? id : null;
    }

    /// <summary>
    /// The schema with every field (nested ones too) renamed to its physical name: the schema of the data
    /// files in <c>name</c> mode.
    /// </summary>
    public static StructType PhysicalSchema(StructType schema) =>
        new(schema.Fields.Select(f => f with { Name = PhysicalName(f), DataType = Physical(f.DataType) }));

    private static DataType Physical(DataType type) => type switch
    {
        StructType s => PhysicalSchema(s),
        ArrayType a => a with { ElementType = Physical(a.ElementType) },
        MapType m => m with { KeyType = Physical(m.KeyType), ValueType = Physical(m.ValueType) },
        _ => type,
    };

    internal static ColumnMappingMode ParseMode(string? value, string tablePath, long version) => value?.ToLowerInvariant() switch
    {
        null or "" or "none" => ColumnMappingMode.None,
        "name" => ColumnMappingMode.Name,
        "id" => ColumnMappingMode.Id,
        _ => throw new DeltaException($"Table {tablePath} at version {version} has the column mapping mode '{value}'; the protocol knows none, name and id."),
    };

    /// <summary>Every field (nested ones too) must have a physical name, and in id mode an id.</summary>
    internal static void Validate(StructType schema, ColumnMappingMode mode, string tablePath, long version)
    {
        if (mode == ColumnMappingMode.None) return;
        foreach (var (path, field) in AllFields(schema, ""))
        {
            if (!field.Metadata.ContainsKey(PhysicalNameKey))
                throw new DeltaException($"Table {tablePath} at version {version} uses column mapping mode '{mode.ToString().ToLowerInvariant()}', but the column '{path}' has no physical name ({PhysicalNameKey}).");
            if (mode == ColumnMappingMode.Id && FieldId(field) is null)
                throw new DeltaException($"Table {tablePath} at version {version} uses column mapping mode 'id', but the column '{path}' has no id ({IdKey}).");
        }
    }

    internal static IEnumerable<(string Path, StructField Field)> AllFields(DataType type, string prefix)
    {
        switch (type)
        {
            case StructType s:
                foreach (var f in s.Fields)
                {
                    var path = prefix.Length == 0 ? f.Name : prefix + "." + f.Name;
                    yield return (path, f);
                    foreach (var inner in AllFields(f.DataType, path)) yield return inner;
                }
                break;
            case ArrayType a:
                foreach (var inner in AllFields(a.ElementType, prefix + ".element")) yield return inner;
                break;
            case MapType m:
                foreach (var inner in AllFields(m.KeyType, prefix + ".key")) yield return inner;
                foreach (var inner in AllFields(m.ValueType, prefix + ".value")) yield return inner;
                break;
        }
    }
}
