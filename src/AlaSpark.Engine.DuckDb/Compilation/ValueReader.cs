using System.Collections;
using System.Data.Common;
using AlaSpark.Types;

namespace AlaSpark.Engine.DuckDb.Compilation;

/// <summary>Turns DuckDB result values into the CLR values of <see cref="Row"/> for a Spark type.</summary>
internal static class ValueReader
{
    public static object? Read(DbDataReader reader, int ordinal, DataType type)
    {
        if (reader.IsDBNull(ordinal)) return null;
        // DuckDB.NET reads a list or map of a value type (INTEGER[]) as List<int> and fails on a
        // NULL element; ask for nullable elements instead (List<int?>), as Spark arrays allow nulls.
        var clrType = reader.GetFieldType(ordinal);
        var nullable = WithNullableElements(clrType);
        return Convert(nullable == clrType ? reader.GetValue(ordinal) : GetFieldValue(reader, ordinal, nullable), type);
    }

    private static readonly System.Reflection.MethodInfo GetFieldValueMethod =
        typeof(DbDataReader).GetMethod(nameof(DbDataReader.GetFieldValue))!;

    private static object? GetFieldValue(DbDataReader reader, int ordinal, Type type) =>
        GetFieldValueMethod.MakeGenericMethod(type).Invoke(reader, [ordinal]);

    /// <summary><c>List&lt;int&gt;</c> to <c>List&lt;int?&gt;</c>, <c>Dictionary&lt;K, int&gt;</c> to <c>Dictionary&lt;K, int?&gt;</c>, nested.</summary>
    internal static Type WithNullableElements(Type type)
    {
        if (!type.IsGenericType) return type;
        var definition = type.GetGenericTypeDefinition();
        var args = type.GetGenericArguments();
        if (definition == typeof(List<>)) return typeof(List<>).MakeGenericType(Nullable(WithNullableElements(args[0])));
        if (definition == typeof(Dictionary<,>))
            return typeof(Dictionary<,>).MakeGenericType(args[0], Nullable(WithNullableElements(args[1])));
        return type;
    }

    private static Type Nullable(Type type) =>
        type.IsValueType && System.Nullable.GetUnderlyingType(type) is null ? typeof(Nullable<>).MakeGenericType(type) : type;

    public static object? Convert(object? value, DataType type)
    {
        if (value is null or DBNull) return null;
        switch (type)
        {
            case StringType: return value as string ?? value.ToString();
            case BooleanType: return System.Convert.ToBoolean(value);
            case ByteType: return System.Convert.ToSByte(value);
            case ShortType: return System.Convert.ToInt16(value);
            case IntegerType: return System.Convert.ToInt32(value);
            case LongType: return System.Convert.ToInt64(value);
            case FloatType: return System.Convert.ToSingle(value);
            case DoubleType: return System.Convert.ToDouble(value);
            case DecimalType: return value is System.Numerics.BigInteger big ? (decimal)big : System.Convert.ToDecimal(value);
            case DateType:
                return value switch
                {
                    DateOnly d => d,
                    DateTime t => DateOnly.FromDateTime(t),
                    _ => DateOnly.Parse(value.ToString()!, System.Globalization.CultureInfo.InvariantCulture),
                };
            case TimestampType or TimestampNtzType:
                return value switch
                {
                    DateTime t => DateTime.SpecifyKind(t, DateTimeKind.Utc),
                    DateTimeOffset o => o.UtcDateTime,
                    _ => DateTime.SpecifyKind(DateTime.Parse(value.ToString()!, System.Globalization.CultureInfo.InvariantCulture), DateTimeKind.Utc),
                };
            case BinaryType:
                if (value is byte[] bytes) return bytes;
                if (value is Stream stream)
                {
                    using var copy = new MemoryStream();
                    stream.CopyTo(copy);
                    return copy.ToArray();
                }
                return value;
            case ArrayType array:
                return ((IEnumerable)value).Cast<object?>().Select(v => Convert(v, array.ElementType)).ToList();
            case MapType map:
            {
                var result = new Dictionary<object, object?>();
                foreach (DictionaryEntry entry in (IDictionary)value)
                    result[Convert(entry.Key, map.KeyType)!] = Convert(entry.Value, map.ValueType);
                return (IReadOnlyDictionary<object, object?>)result;
            }
            case StructType st:
            {
                var dict = (IDictionary<string, object?>)value;
                var values = st.Fields.Select(f => dict.TryGetValue(f.Name, out var v) ? Convert(v, f.DataType) : null).ToArray();
                return new Row(st, values);
            }
            case NullType: return null;
            default: return value;
        }
    }
}
