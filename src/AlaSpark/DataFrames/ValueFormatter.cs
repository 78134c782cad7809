using System.Globalization;
using System.Text;
using System.Text.Json;

namespace AlaSpark;

/// <summary>
/// Formats values the way the CLI and <c>Show</c> print them, and as JSON for <c>--json</c>:
/// dates <c>yyyy-MM-dd</c>, timestamps <c>yyyy-MM-dd HH:mm:ss[.ffffff]</c>, arrays as arrays,
/// structs as objects, null as null.
/// </summary>
public static class ValueFormatter
{
    public static string Format(object? value) => value switch
    {
        null => "NULL",
        string s => s,
        bool b => b ? "true" : "false",
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTime t => FormatTimestamp(t),
        byte[] bytes => "[" + string.Join(" ", bytes.Select(b => b.ToString("X2", CultureInfo.InvariantCulture))) + "]",
        double d => FormatDouble(d),
        float f => FormatDouble(f),
        Row r => "{" + string.Join(", ", r.Values.Select(Format)) + "}",
        IReadOnlyDictionary<object, object?> map => "{" + string.Join(", ", map.Select(kv => $"{Format(kv.Key)} -> {Format(kv.Value)}")) + "}",
        System.Collections.IList list => "[" + string.Join(", ", list.Cast<object?>().Select(Format)) + "]",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    public static string FormatTimestamp(DateTime t)
    {
        var text = t.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
        var ticks = t.Ticks % TimeSpan.TicksPerSecond;
        if (ticks == 0) return text;
        var micros = (ticks / 10).ToString("000000", CultureInfo.InvariantCulture).TrimEnd('0');
        return text + "." + micros;
    }

    /// <summary>Spark prints doubles like Java: <c>1.0</c>, <c>1.5E10</c>, <c>NaN</c>, <c>Infinity</c>.</summary>
    public static string FormatDouble(double d)
    {
        if (double.IsNaN(d)) return "NaN";
        if (double.IsPositiveInfinity(d)) return "Infinity";
        if (double.IsNegativeInfinity(d)) return "-Infinity";
        var abs = Math.Abs(d);
        if (abs != 0 && (abs >= 1e7 || abs < 1e-3))
        {
            var s = d.ToString("0.0################E0", CultureInfo.InvariantCulture);
            return s;
        }
        var r = d.ToString("R", CultureInfo.InvariantCulture);
        return r.Contains('.') || r.Contains('E') ? r : r + ".0";
    }

    /// <summary>Writes one value as JSON.</summary>
    public static void WriteJson(Utf8JsonWriter writer, object? value)
    {
        switch (value)
        {
            case null: writer.WriteNullValue(); break;
            case string s: writer.WriteStringValue(s); break;
            case bool b: writer.WriteBooleanValue(b); break;
            case byte or sbyte or short or ushort or int or uint or long:
                writer.WriteNumberValue(Convert.ToInt64(value, CultureInfo.InvariantCulture)); break;
            case ulong ul: writer.WriteNumberValue(ul); break;
            case decimal m: writer.WriteNumberValue(m); break;
            case double d when double.IsFinite(d): writer.WriteNumberValue(d); break;
            case float f when float.IsFinite(f): writer.WriteNumberValue(f); break;
            case double or float: writer.WriteStringValue(Format(value)); break;
            case DateOnly or DateTime: writer.WriteStringValue(Format(value)); break;
            case byte[] bytes: writer.WriteBase64StringValue(bytes); break;
            case Row row:
                writer.WriteStartObject();
                for (var i = 0; i < row.Length; i++)
                {
                    writer.WritePropertyName(row.Schema[i].Name);
                    WriteJson(writer, row[i]);
                }
                writer.WriteEndObject();
                break;
            case IReadOnlyDictionary<object, object?> map:
                writer.WriteStartObject();
                foreach (var kv in map)
                {
                    writer.WritePropertyName(Format(kv.Key));
                    WriteJson(writer, kv.Value);
                }
                writer.WriteEndObject();
                break;
            case System.Collections.IList list:
                writer.WriteStartArray();
                foreach (var item in list) WriteJson(writer, item);
                writer.WriteEndArray();
                break;
            default: writer.WriteStringValue(Format(value)); break;
        }
    }

    /// <summary>A row as one JSON object; keys are the column names exactly as they are.</summary>
    public static string RowToJson(Row row)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
            WriteJson(writer, row);
        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>A text table like Spark's <c>show()</c>.</summary>
    public static string Table(Types.StructType schema, IReadOnlyList<Row> rows, int truncate = 20)
    {
        string Cell(object? v)
        {
            var s = v is null ? "NULL" : Format(v);
            return truncate > 0 && s.Length > truncate ? s[..Math.Max(0, truncate - 3)] + "..." : s;
        }
        var widths = schema.Fields.Select(f => f.Name.Length).ToArray();
        var cells = rows.Select(r => r.Values.Select(Cell).ToArray()).ToList();
        foreach (var row in cells)
            for (var i = 0; i < row.Length; i++) widths[i] = Math.Max(widths[i], row[i].Length);
        var sb = new StringBuilder();
        var line = "+" + string.Join("+", widths.Select(w => new string('-', w))) + "+";
        sb.AppendLine(line);
        sb.AppendLine("|" + string.Join("|", schema.Fields.Select((f, i) => f.Name.PadLeft(widths[i]))) + "|");
        sb.AppendLine(line);
        foreach (var row in cells) sb.AppendLine("|" + string.Join("|", row.Select((c, i) => c.PadLeft(widths[i]))) + "|");
        sb.AppendLine(line);
        return sb.ToString();
    }
}
