using System.Globalization;
using System.Text;
using System.Text.Json;
using AlaSpark.Engine.DuckDb.Compilation;
using AlaSpark.Types;
using DuckDB.NET.Data;

namespace AlaSpark.Engine.DuckDb.Scans;

/// <summary>
/// Reads JSON lines with Spark's semantics. Each line is parsed and checked against the schema
/// here, so a malformed line is known by file and line number; good rows are normalised into a
/// temporary file that DuckDB loads with the exact column types. Without a schema, types are
/// inferred as Spark does (integers as bigint, fields sorted by name).
/// </summary>
internal static class JsonScanner
{
    public delegate ScanReport BadRecordHandler(IReadOnlyList<string> files, long passed, IReadOnlyList<BadRecord> bad, string mode, string? badRecordsPath);

    public static ScanResult Scan(DuckDBConnection connection, IReadOnlyList<string> files, StructType? schema, ReadOptions options, string name,
        BadRecordHandler onBad, Func<ScanReport, ScanReport> report)
    {
        var multiLine = options.Bool("multiLine", false);
        var inferred = schema is null;
        schema ??= Infer(files, multiLine);
        if (schema.Count == 0)
            throw new AlaSparkException($"No JSON object with fields was found in {string.Join(", ", files)}; give the reader a schema.");
        var bindings = schema.Fields.Select(f => new ColumnBinding(f.Name, f.Name, f.DataType, f.Nullable)).ToList();
        var select = string.Join(", ", bindings.Select(b => SqlText.Ident(b.SqlName)).Append(SqlText.Ident(CompiledRelation.InputFileColumn)));
        var relation = new CompiledRelation($"SELECT {select} FROM {SqlText.Ident(name)}", bindings, CompiledRelation.InputFileColumn);
        var known = schema;
        ScanReport Stage() => report(Load(connection, files, known, options, name, onBad, multiLine));
        return inferred ? new ScanResult(relation, Stage(), name) : new ScanResult(relation, Stage, name);
    }

    private static ScanReport Load(DuckDBConnection connection, IReadOnlyList<string> files, StructType schema, ReadOptions options, string name,
        BadRecordHandler onBad, bool multiLine)
    {
        var bad = new List<BadRecord>();
        var temp = Path.Combine(Path.GetTempPath(), $"{name}_{Guid.NewGuid():N}.json");
        long passed = 0;
        try
        {
            using (var output = new StreamWriter(temp, false, new UTF8Encoding(false)))
            using (var writer = new Utf8JsonWriter(output.BaseStream))
            {
                foreach (var file in files)
                {
                    foreach (var (line, text, element, error) in Records(file, multiLine))
                    {
                        string? reason = error;
                        if (reason is null && element is { ValueKind: not JsonValueKind.Object })
                            reason = $"expected a JSON object, found {element.Value.ValueKind}";
                        if (reason is null)
                        {
                            reason = Validate(element!.Value, schema, "");
                        }
                        if (reason is not null)
                        {
                            bad.Add(new BadRecord(file, line, text, reason));
                            continue;
                        }
                        writer.WriteStartObject();
                        WriteFields(writer, element!.Value, schema);
                        writer.WriteString(CompiledRelation.InputFileColumn, file);
                        writer.WriteEndObject();
                        writer.Flush();
                        writer.Reset();
                        output.BaseStream.WriteByte((byte)'\n');
                        passed++;
                    }
                }
            }
            var report = onBad(files, passed, bad, options.Mode, options.BadRecordsPath);
            var columns = schema.Fields.Select(f => $"{SqlText.String(f.Name)}: {SqlText.String(TypeMapping.ToDuckDb(f.DataType))}")
                .Append($"{SqlText.String(CompiledRelation.InputFileColumn)}: 'VARCHAR'");
            connection.Execute(
                $"CREATE TEMP TABLE {SqlText.Ident(name)} AS SELECT * FROM read_json({SqlText.String(temp)}, format = 'newline_delimited', columns = {{{string.Join(", ", columns)}}})");
            return report;
        }
        finally
        {
            File.Delete(temp);
        }
    }

    private static IEnumerable<(long Line, string Text, JsonElement? Element, string? Error)> Records(string file, bool multiLine)
    {
        if (multiLine)
        {
            var text = File.ReadAllText(file);
            JsonDocument doc;
            string? error = null;
            try { doc = JsonDocument.Parse(text); }
            catch (JsonException e) { doc = null!; error = "malformed JSON: " + e.Message; }
            if (error is not null) { yield return (1, text, null, error); yield break; }
            using (doc)
            {
                if (doc.RootElement.ValueKind == JsonValueKind.Array)
                {
                    var i = 0;
                    foreach (var item in doc.RootElement.EnumerateArray())
                        yield return (++i, item.GetRawText(), item.Clone(), null);
                }
                else yield return (1, text, doc.RootElement.Clone(), null);
            }
            yield break;
        }
        long number = 0;
        foreach (var line in File.ReadLines(file))
        {
            number++;
            if (string.IsNullOrWhiteSpace(line)) continue;
            JsonElement? element = null;
            string? error = null;
            try
            {
                using var doc = JsonDocument.Parse(line);
                element = doc.RootElement.Clone();
            }
            catch (JsonException e)
            {
                error = "malformed JSON: " + e.Message;
            }
            yield return (number, line, element, error);
        }
    }

    private static JsonElement? Property(JsonElement obj, string name)
    {
        if (obj.TryGetProperty(name, out var exact)) return exact;
        foreach (var p in obj.EnumerateObject())
            if (string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase)) return p.Value;
        return null;
    }

    /// <summary>Null when the value fits the type; otherwise why not.</summary>
    private static string? Validate(JsonElement value, DataType type, string path)
    {
        if (value.ValueKind == JsonValueKind.Null) return null;
        switch (type)
        {
            case StructType st:
                if (value.ValueKind != JsonValueKind.Object) return $"{Where(path)}expected an object, found {Describe(value)}";
                foreach (var f in st.Fields)
                    if (Property(value, f.Name) is { } v && Validate(v, f.DataType, path.Length == 0 ? f.Name : path + "." + f.Name) is { } why)
                        return why;
                return null;
            case ArrayType at:
                if (value.ValueKind != JsonValueKind.Array) return $"{Where(path)}expected an array, found {Describe(value)}";
                var i = 0;
                foreach (var item in value.EnumerateArray())
                    if (Validate(item, at.ElementType, $"{path}[{i++}]") is { } why) return why;
                return null;
            case MapType mt:
                if (value.ValueKind != JsonValueKind.Object) return $"{Where(path)}expected an object, found {Describe(value)}";
                foreach (var p in value.EnumerateObject())
                    if (Validate(p.Value, mt.ValueType, $"{path}.{p.Name}") is { } why) return why;
                return null;
            case StringType:
                return null;
            case BooleanType:
                return value.ValueKind is JsonValueKind.True or JsonValueKind.False ? null : Expected(path, "a boolean", value);
            case ByteType or ShortType or IntegerType or LongType:
            {
                if (value.ValueKind != JsonValueKind.Number || !value.TryGetInt64(out var l)) return Expected(path, type.SimpleString, value);
                var (min, max) = type switch
                {
                    ByteType => ((long)sbyte.MinValue, (long)sbyte.MaxValue),
                    ShortType => (short.MinValue, short.MaxValue),
                    IntegerType => (int.MinValue, int.MaxValue),
                    _ => (long.MinValue, long.MaxValue),
                };
                return l >= min && l <= max ? null : $"{Where(path)}{l} is out of range for {type.SimpleString}";
            }
            case FloatType or DoubleType:
                return value.ValueKind == JsonValueKind.Number || value.ValueKind == JsonValueKind.String && value.GetString() is "NaN" or "Infinity" or "-Infinity"
                    ? null : Expected(path, type.SimpleString, value);
            case DecimalType d:
            {
                if (value.ValueKind is not (JsonValueKind.Number or JsonValueKind.String)) return Expected(path, type.SimpleString, value);
                var text = value.ValueKind == JsonValueKind.Number ? value.GetRawText() : value.GetString()!;
                if (!decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var m)) return Expected(path, type.SimpleString, value);
                var integralDigits = Math.Truncate(Math.Abs(m)).ToString(CultureInfo.InvariantCulture).TrimStart('0').Length;
                return integralDigits <= d.Precision - d.Scale ? null : $"{Where(path)}{text} does not fit {type.SimpleString}";
            }
            case DateType:
                return value.ValueKind == JsonValueKind.String && ParseDate(value.GetString()!) is not null ? null : Expected(path, "a date (yyyy-MM-dd)", value);
            case TimestampType or TimestampNtzType:
                return value.ValueKind == JsonValueKind.String && ParseTimestamp(value.GetString()!) is not null ? null : Expected(path, "a timestamp", value);
            default:
                return $"{Where(path)}the type {type.SimpleString} can't be read from JSON";
        }
    }

    private static string Where(string path) => path.Length == 0 ? "" : $"field '{path}': ";

    private static string Expected(string path, string what, JsonElement value) => $"{Where(path)}expected {what}, found {Describe(value)}";

    private static string Describe(JsonElement value)
    {
        var raw = value.GetRawText();
        return raw.Length > 60 ? raw[..60] + "..." : raw;
    }

    private static DateOnly? ParseDate(string text) =>
        DateOnly.TryParseExact(text.Trim(), ["yyyy-MM-dd", "yyyy-M-d"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;

    private static DateTime? ParseTimestamp(string text) =>
        DateTime.TryParse(text.Trim(), CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var t) ? t : null;

    private static void WriteFields(Utf8JsonWriter writer, JsonElement obj, StructType schema)
    {
        foreach (var f in schema.Fields)
        {
            writer.WritePropertyName(f.Name);
            WriteValue(writer, Property(obj, f.Name), f.DataType);
        }
    }

    private static void WriteValue(Utf8JsonWriter writer, JsonElement? value, DataType type)
    {
        if (value is not { } v || v.ValueKind == JsonValueKind.Null) { writer.WriteNullValue(); return; }
        switch (type)
        {
            case StructType st:
                writer.WriteStartObject();
                WriteFields(writer, v, st);
                writer.WriteEndObject();
                break;
            case ArrayType at:
                writer.WriteStartArray();
                foreach (var item in v.EnumerateArray()) WriteValue(writer, item, at.ElementType);
                writer.WriteEndArray();
                break;
            case MapType mt:
                writer.WriteStartObject();
                foreach (var p in v.EnumerateObject()) { writer.WritePropertyName(p.Name); WriteValue(writer, p.Value, mt.ValueType); }
                writer.WriteEndObject();
                break;
            case StringType:
                // Spark keeps a non-string value of a string field as its JSON text.
                writer.WriteStringValue(v.ValueKind == JsonValueKind.String ? v.GetString() : v.GetRawText());
                break;
            case DateType:
                writer.WriteStringValue(ParseDate(v.GetString()!)!.Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                break;
            case TimestampType or TimestampNtzType:
                writer.WriteStringValue(ParseTimestamp(v.GetString()!)!.Value.ToString("yyyy-MM-dd HH:mm:ss.ffffff", CultureInfo.InvariantCulture));
                break;
            default:
                v.WriteTo(writer);
                break;
        }
    }

    /// <summary>Spark's JSON schema inference: integers are bigint, other numbers double, objects
    /// structs with fields sorted by name, conflicting types widen to string.</summary>
    private static StructType Infer(IReadOnlyList<string> files, bool multiLine)
    {
        DataType? result = null;
        foreach (var file in files)
            foreach (var (_, _, element, error) in Records(file, multiLine))
                if (error is null && element is { ValueKind: JsonValueKind.Object } e)
                    result = Merge(result, InferType(e));
        return result as StructType ?? StructType.Empty;
    }

    private static DataType? InferType(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Null => null,
        JsonValueKind.True or JsonValueKind.False => BooleanType.Instance,
        JsonValueKind.String => StringType.Instance,
        JsonValueKind.Number => value.TryGetInt64(out _) ? LongType.Instance : DoubleType.Instance,
        JsonValueKind.Array => new ArrayType(value.EnumerateArray().Select(InferType).Aggregate((DataType?)null, Merge) ?? StringType.Instance),
        JsonValueKind.Object => new StructType(value.EnumerateObject()
            .Select(p => new StructField(p.Name, InferType(p.Value) ?? StringType.Instance))
            .OrderBy(f => f.Name, StringComparer.Ordinal)),
        _ => StringType.Instance,
    };

    private static DataType? Merge(DataType? a, DataType? b)
    {
        if (a is null) return b;
        if (b is null || a.Equals(b)) return a;
        if (a is LongType && b is DoubleType || a is DoubleType && b is LongType) return DoubleType.Instance;
        if (a is StructType sa && b is StructType sb)
        {
            var names = sa.FieldNames.Union(sb.FieldNames, StringComparer.Ordinal).Order(StringComparer.Ordinal);
            return new StructType(names.Select(n => new StructField(n, Merge(sa.Find(n)?.DataType, sb.Find(n)?.DataType) ?? StringType.Instance)));
        }
        if (a is ArrayType aa && b is ArrayType ab) return new ArrayType(Merge(aa.ElementType, ab.ElementType) ?? StringType.Instance);
        return StringType.Instance;
    }
}
