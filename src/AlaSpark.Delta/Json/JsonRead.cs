using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace AlaSpark.Delta.Json;

/// <summary>
/// Tolerant readers for the fields of Delta actions. A malformed field is an
/// <see cref="InvalidDataException"/> naming the field; the log replay adds the table, version and file.
/// </summary>
internal static class JsonRead
{
    public static readonly JsonSerializerOptions Compact = new() { WriteIndented = false };

    public static JsonNode? Field(JsonObject obj, string name) => obj.TryGetPropertyValue(name, out var node) ? node : null;

    public static string RequiredString(JsonObject obj, string name, string action) =>
        String(obj, name) ?? throw new InvalidDataException($"The '{action}' action has no '{name}'.");

    public static string? String(JsonObject obj, string name) => AsString(Field(obj, name), name);

    public static string? AsString(JsonNode? node, string name)
    {
        switch (node)
        {
            case null: return null;
            case JsonValue value:
                if (value.TryGetValue<string>(out var s)) return s;
                // Numbers and booleans written where a string belongs: keep their JSON text.
                return value.ToJsonString();
            default:
                // A JSON object or array where a string belongs (e.g. stats written as an object): keep the text.
                return node.ToJsonString(Compact);
        }
    }

    public static long RequiredLong(JsonObject obj, string name, string action) =>
        Long(obj, name) ?? throw new InvalidDataException($"The '{action}' action has no '{name}'.");

    public static long? Long(JsonObject obj, string name) => AsLong(Field(obj, name), name);

    public static long? AsLong(JsonNode? node, string name)
    {
        if (node is null) return null;
        if (node is JsonValue value)
        {
            if (value.TryGetValue<long>(out var l)) return l;
            if (value.TryGetValue<JsonElement>(out var e) && e.ValueKind == JsonValueKind.Number)
            {
                if (e.TryGetInt64(out l)) return l;
                if (e.TryGetDouble(out var d) && d == Math.Floor(d) && Math.Abs(d) < 9.2e18) return (long)d;
            }
            if (value.TryGetValue<int>(out var i)) return i;
            if (value.TryGetValue<string>(out var s) && long.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out l)) return l;
        }
        throw new InvalidDataException($"'{name}' is not a whole number: {node.ToJsonString()}.");
    }

    public static int? Int(JsonObject obj, string name)
    {
        var l = Long(obj, name);
        if (l is null) return null;
        if (l < int.MinValue || l > int.MaxValue) throw new InvalidDataException($"'{name}' is out of range: {l}.");
        return (int)l.Value;
    }

    public static bool? Bool(JsonObject obj, string name)
    {
        var node = Field(obj, name);
        if (node is null) return null;
        if (node is JsonValue value)
        {
            if (value.TryGetValue<bool>(out var b)) return b;
            if (value.TryGetValue<string>(out var s) && bool.TryParse(s, out b)) return b;
        }
        throw new InvalidDataException($"'{name}' is not a boolean: {node.ToJsonString()}.");
    }

    /// <summary>A JSON map of strings; JSON null values are kept as null (partition values use them).</summary>
    public static IReadOnlyDictionary<string, string?>? NullableStringMap(JsonObject obj, string name)
    {
        var node = Field(obj, name);
        if (node is null) return null;
        if (node is not JsonObject map) throw new InvalidDataException($"'{name}' is not a JSON object: {node.ToJsonString()}.");
        var result = new Dictionary<string, string?>(map.Count, StringComparer.Ordinal);
        foreach (var (key, value) in map) result[key] = AsString(value, name);
        return result;
    }

    /// <summary>A JSON map of strings where null values carry no meaning (configuration, options): they are dropped.</summary>
    public static IReadOnlyDictionary<string, string>? StringMap(JsonObject obj, string name)
    {
        var nullable = NullableStringMap(obj, name);
        if (nullable is null) return null;
        var result = new Dictionary<string, string>(nullable.Count, StringComparer.Ordinal);
        foreach (var (key, value) in nullable)
            if (value is not null) result[key] = value;
        return result;
    }

    public static IReadOnlyList<string>? StringList(JsonObject obj, string name)
    {
        var node = Field(obj, name);
        if (node is null) return null;
        if (node is not JsonArray array) throw new InvalidDataException($"'{name}' is not a JSON array: {node.ToJsonString()}.");
        return array.Select(item => AsString(item, name) ?? throw new InvalidDataException($"'{name}' holds a null.")).ToArray();
    }

    public static JsonObject? Object(JsonObject obj, string name)
    {
        var node = Field(obj, name);
        return node switch
        {
            null => null,
            JsonObject o => o,
            _ => throw new InvalidDataException($"'{name}' is not a JSON object: {node.ToJsonString()}."),
        };
    }

    public static JsonObject ToJsonObject<TValue>(IReadOnlyDictionary<string, TValue> map)
    {
        var obj = new JsonObject();
        foreach (var (key, value) in map) obj[key] = value is null ? null : JsonValue.Create(value.ToString());
        return obj;
    }

    public static JsonArray ToJsonArray(IEnumerable<string> items) => new(items.Select(i => (JsonNode?)JsonValue.Create(i)).ToArray());
}
