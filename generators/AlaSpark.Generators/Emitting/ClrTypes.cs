using AlaSpark.Generators.Model;

namespace AlaSpark.Generators.Emitting;

/// <summary>
/// The C# types of a column's values, as the runtime's <c>Row</c> holds them: string, int, long,
/// short, sbyte, bool, float, double, decimal, DateTime (timestamp), DateOnly (date), byte[]
/// (binary), arrays, read-only dictionaries (map), and the schema's record for a struct.
/// </summary>
internal static class ClrTypes
{
    private const string Dictionary = "global::System.Collections.Generic.IReadOnlyDictionary";

    /// <summary>
    /// The <c>T</c> of a typed <c>Column&lt;T&gt;</c>: the value type, never nullable (nullability is
    /// the column's, not the type's, so that typed functions taking <c>Column&lt;DateTime&gt;</c>
    /// take every timestamp column). Null when not known: unknown types, structs without a public record.
    /// </summary>
    public static string? ColumnType(ColumnType type) => type.Kind switch
    {
        DataTypeKind.Array => ColumnType(type.Element!) is { } element ? element + "[]" : null,
        DataTypeKind.Map => KeyType(type) is { } key && ColumnType(type.Element!) is { } value ? Dictionary + "<" + key + ", " + value + ">" : null,
        DataTypeKind.Struct => type.ClrTypeName.Length > 0 ? type.ClrTypeName : null,
        _ => Scalar(type.Kind),
    };

    /// <summary>
    /// The type of an <c>OutputRow</c> property: <c>T?</c> for a nullable column; elements of arrays
    /// and values of maps nullable (Spark's arrays and maps may hold nulls); <c>Row</c> for a struct
    /// without a public record; <c>object</c> for an unknown type.
    /// </summary>
    public static string RowType(ColumnType type, bool nullable)
    {
        var name = type.Kind switch
        {
            DataTypeKind.Array => RowType(type.Element!, nullable: true) + "[]",
            DataTypeKind.Map => Dictionary + "<" + (KeyType(type) ?? "object") + ", " + RowType(type.Element!, nullable: true) + ">",
            DataTypeKind.Struct => type.ClrTypeName.Length > 0 ? type.ClrTypeName : "global::AlaSpark.Row",
            _ => Scalar(type.Kind) ?? "object",
        };
        return nullable ? name + "?" : name;
    }

    private static string? KeyType(ColumnType map) => map.Key is null ? "string" : ColumnType(map.Key);

    private static string? Scalar(DataTypeKind kind) => kind switch
    {
        DataTypeKind.String => "string",
        DataTypeKind.Integer => "int",
        DataTypeKind.Long => "long",
        DataTypeKind.Short => "short",
        DataTypeKind.Byte => "sbyte",
        DataTypeKind.Boolean => "bool",
        DataTypeKind.Float => "float",
        DataTypeKind.Double => "double",
        DataTypeKind.Decimal => "decimal",
        DataTypeKind.Timestamp or DataTypeKind.TimestampNtz => "global::System.DateTime",
        DataTypeKind.Date => "global::System.DateOnly",
        DataTypeKind.Binary => "byte[]",
        _ => null,
    };
}
