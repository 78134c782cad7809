using System.Globalization;
using System.Text.Json.Nodes;
using AlaSpark.Types;

namespace AlaSpark.Delta.Writing;

/// <summary>
/// The <c>stats</c> JSON of an <c>add</c> action (the protocol's "Per-file Statistics"), from what the engine
/// measured for a written file: <c>numRecords</c>, then <c>minValues</c>, <c>maxValues</c> and
/// <c>nullCount</c> mirroring the data schema (nested structs nested). As Delta on Spark does: minimum and maximum
/// only for numbers, dates, timestamps and strings (not booleans, binary, arrays or maps); dates as
/// <c>yyyy-MM-dd</c>; timestamps truncated to milliseconds, ISO 8601 in UTC (<c>...T10:00:00.123Z</c>), and
/// <c>timestamp_ntz</c> without a zone; strings cut to their first 32 characters for the minimum (a prefix is
/// never greater than the value), while a maximum that would have to be cut is left out (a prefix would be
/// smaller than the true maximum); NaN and infinities left out. Only the first <c>delta.dataSkippingNumIndexedCols</c>
/// leaf columns (32 by default; -1 for all) get statistics. Partition columns are not in the data files and get none.
/// </summary>
public static class FileStatistics
{
    /// <summary>The length strings are cut to (Delta's <c>dataSkippingStringPrefixLength</c>).</summary>
    public const int StringPrefixLength = 32;

    public const string NumIndexedColsKey = "delta.dataSkippingNumIndexedCols";

    private const int DefaultNumIndexedCols = 32;

    /// <summary>The statistics JSON of a file of <paramref name="rows"/> rows.</summary>
    /// <param name="dataSchema">The file's columns (the table schema less the partition columns).</param>
    /// <param name="statistics">Per leaf column, keyed by the column path with '.'; null when unknown.</param>
    public static string ToJson(long rows, StructType dataSchema, IReadOnlyDictionary<string, ColumnStatistics>? statistics,
        IReadOnlyDictionary<string, string>? configuration = null)
    {
        var result = new JsonObject { ["numRecords"] = rows };
        if (statistics is not null && statistics.Count > 0)
        {
            var budget = NumIndexedColumns(configuration);
            var min = new JsonObject();
            var max = new JsonObject();
            var nulls = new JsonObject();
            Collect(dataSchema, "", statistics, min, max, nulls, ref budget);
            if (min.Count > 0) result["minValues"] = min;
            if (max.Count > 0) result["maxValues"] = max;
            if (nulls.Count > 0) result["nullCount"] = nulls;
        }
        return result.ToJsonString(DeltaCommitter.CommitJson);
    }

    private static int NumIndexedColumns(IReadOnlyDictionary<string, string>? configuration) =>
        configuration is not null && configuration.TryGetValue(NumIndexedColsKey, out var text)
        && int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n)
            ? n < 0 ? int.MaxValue : n
            : DefaultNumIndexedCols;

    private static void Collect(StructType schema, string prefix, IReadOnlyDictionary<string, ColumnStatistics> statistics,
        JsonObject min, JsonObject max, JsonObject nulls, ref int budget)
    {
        foreach (var field in schema.Fields)
        {
            if (budget <= 0) return;
            var path = prefix.Length == 0 ? field.Name : prefix + "." + field.Name;
            if (field.DataType is StructType nested)
            {
                var nestedMin = new JsonObject();
                var nestedMax = new JsonObject();
                var nestedNulls = new JsonObject();
                Collect(nested, path, statistics, nestedMin, nestedMax, nestedNulls, ref budget);
                if (nestedMin.Count > 0) min[field.Name] = nestedMin;
                if (nestedMax.Count > 0) max[field.Name] = nestedMax;
                if (nestedNulls.Count > 0) nulls[field.Name] = nestedNulls;
                continue;
            }
            budget--;
            if (!statistics.TryGetValue(path, out var stats)) continue;
            if (stats.NullCount >= 0) nulls[field.Name] = stats.NullCount;
            if (MinValue(stats.Min, field.DataType) is { } lo) min[field.Name] = lo;
            if (MaxValue(stats.Max, field.DataType) is { } hi) max[field.Name] = hi;
        }
    }

    private static JsonNode? MinValue(object? value, DataType type) =>
        value is string s && type is StringType ? JsonValue.Create(Prefix(s, out _)) : Value(value, type);

    private static JsonNode? MaxValue(object? value, DataType type)
    {
        if (value is string s && type is StringType)
        {
            var prefix = Prefix(s, out var truncated);
            return truncated ? null : JsonValue.Create(prefix);
        }
        return Value(value, type);
    }

    /// <summary>The first <see cref="StringPrefixLength"/> characters (code points: a surrogate pair is never split).</summary>
    internal static string Prefix(string s, out bool truncated)
    {
        truncated = false;
        var count = 0;
        for (var i = 0; i < s.Length; i += char.IsSurrogatePair(s, i) ? 2 : 1)
        {
            if (count == StringPrefixLength)
            {
                truncated = true;
                return s[..i];
            }
            count++;
        }
        return s;
    }

    private static JsonNode? Value(object? value, DataType type)
    {
        var inv = CultureInfo.InvariantCulture;
        return (value, type) switch
        {
            (null, _) => null,
            (_, BooleanType or BinaryType or StringType) => null,
            (float f, FloatType) => float.IsFinite(f) ? JsonValue.Create(f) : null,
            (double d, FloatType or DoubleType) => double.IsFinite(d) ? JsonValue.Create(d) : null,
            (decimal m, DecimalType) => JsonValue.Create(m),
            (sbyte or byte or short or ushort or int or uint or long, ByteType or ShortType or IntegerType or LongType) =>
                JsonValue.Create(Convert.ToInt64(value, inv)),
            (DateOnly d, DateType) => JsonValue.Create(d.ToString("yyyy-MM-dd", inv)),
            (DateTime dt, DateType) => JsonValue.Create(dt.ToString("yyyy-MM-dd", inv)),
            (DateTime dt, TimestampType) => JsonValue.Create(Millis(dt.Kind == DateTimeKind.Local ? dt.ToUniversalTime() : dt).ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", inv)),
            (DateTimeOffset dto, TimestampType) => JsonValue.Create(Millis(dto.UtcDateTime).ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", inv)),
            (DateTime dt, TimestampNtzType) => JsonValue.Create(Millis(dt).ToString("yyyy-MM-dd'T'HH:mm:ss.fff", inv)),
            _ => null,
        };
    }

    /// <summary>Truncated down to the millisecond, as the protocol says timestamp statistics are.</summary>
    private static DateTime Millis(DateTime value) => new(value.Ticks - value.Ticks % TimeSpan.TicksPerMillisecond, value.Kind);
}
