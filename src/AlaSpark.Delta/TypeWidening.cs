using System.Text.Json.Nodes;
using AlaSpark.Types;

namespace AlaSpark.Delta;

/// <summary>A type change recorded in a field's <c>delta.typeChanges</c> metadata.</summary>
public sealed record TypeChange(string ColumnPath, string? FieldPath, DataType FromType, DataType ToType);

/// <summary>
/// Type widening: the type changes a table went through, and the check the protocol asks of readers, that
/// each is a supported widening (integers to wider integers, float or small integers to double, date to
/// timestamp_ntz, and the decimal widenings).
/// </summary>
public static class TypeWidening
{
    public const string TypeChangesKey = "delta.typeChanges";

    /// <summary>Every type change recorded in the schema (nested fields too).</summary>
    public static IReadOnlyList<TypeChange> Changes(StructType schema)
    {
        var changes = new List<TypeChange>();
        foreach (var (path, field) in ColumnMapping.AllFields(schema, ""))
        {
            if (!field.Metadata.TryGetValue(TypeChangesKey, out var node) || node is null) continue;
            if (node is not JsonArray array) throw new InvalidDataException($"'{TypeChangesKey}' of column '{path}' is not a JSON array.");
            foreach (var item in array)
            {
                if (item is not JsonObject change) throw new InvalidDataException($"'{TypeChangesKey}' of column '{path}' holds a non-object.");
                var from = change["fromType"] ?? throw new InvalidDataException($"A type change of column '{path}' has no fromType.");
                var to = change["toType"] ?? throw new InvalidDataException($"A type change of column '{path}' has no toType.");
                var fieldPath = change["fieldPath"] is JsonValue fp && fp.TryGetValue<string>(out var p) ? p : null;
                changes.Add(new TypeChange(path, fieldPath, DataType.FromJson(from), DataType.FromJson(to)));
            }
        }
        return changes;
    }

    /// <summary>True when the protocol lists the change as a supported widening.</summary>
    public static bool IsSupported(DataType from, DataType to) => (from, to) switch
    {
        (ByteType, ShortType or IntegerType or LongType) => true,
        (ShortType, IntegerType or LongType) => true,
        (IntegerType, LongType) => true,
        (FloatType, DoubleType) => true,
        (ByteType or ShortType or IntegerType, DoubleType) => true,
        (DateType, TimestampNtzType) => true,
        (DecimalType f, DecimalType t) => t.Scale >= f.Scale && t.Precision - f.Precision >= t.Scale - f.Scale,
        (ByteType or ShortType or IntegerType, DecimalType t) => t.Precision - 10 >= t.Scale,
        (LongType, DecimalType t) => t.Precision - 20 >= t.Scale,
        _ => false,
    };

    internal static void Validate(StructType schema, string tablePath, long version)
    {
        IReadOnlyList<TypeChange> changes;
        try
        {
            changes = Changes(schema);
        }
        catch (Exception e) when (e is InvalidDataException or AlaSparkException)
        {
            throw new DeltaException($"Table {tablePath} at version {version} has type change metadata AlaSpark can't read: {e.Message}", e);
        }
        foreach (var change in changes)
        {
            if (IsSupported(change.FromType, change.ToType)) continue;
            var where = change.FieldPath is null ? change.ColumnPath : change.ColumnPath + "." + change.FieldPath;
            throw new DeltaUnsupportedFeatureException(tablePath, version, ReaderFeatures.TypeWidening,
                $"Table {tablePath} at version {version} changed the type of '{where}' from {change.FromType.SimpleString} to {change.ToType.SimpleString}, a type change (feature 'typeWidening') that AlaSpark does not support.");
        }
    }
}
