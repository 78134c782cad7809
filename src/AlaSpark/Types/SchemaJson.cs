using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace AlaSpark.Types;

/// <summary>Reads Spark's JSON schema format (the format of <c>DataType.json</c> in Spark).</summary>
internal static partial class SchemaJson
{
    public static DataType ReadType(JsonNode node)
    {
        if (node is JsonValue value && value.TryGetValue<string>(out var name))
            return AtomicFromJsonName(name);
        if (node is not JsonObject obj)
            throw new AlaSparkException($"Unrecognised schema JSON type: {node.ToJsonString()}");
        var kind = obj["type"]?.GetValue<string>();
        switch (kind)
        {
            case "struct":
                var fields = (obj["fields"] as JsonArray ?? new JsonArray()).Select(ReadField);
                return new StructType(fields);
            case "array":
                return new ArrayType(ReadType(Required(obj, "elementType")), obj["containsNull"]?.GetValue<bool>() ?? true);
            case "map":
                return new MapType(ReadType(Required(obj, "keyType")), ReadType(Required(obj, "valueType")),
                    obj["valueContainsNull"]?.GetValue<bool>() ?? true);
            case "udt":
                return ReadType(Required(obj, "sqlType"));
            default:
                throw new AlaSparkException($"Unsupported schema JSON type '{kind}' in {obj.ToJsonString()}");
        }
    }

    private static StructField ReadField(JsonNode? node)
    {
        if (node is not JsonObject obj) throw new AlaSparkException("A struct field in the schema JSON is not an object.");
        var name = obj["name"]?.GetValue<string>() ?? throw new AlaSparkException("A struct field in the schema JSON has no name.");
        var metadataObject = obj["metadata"] as JsonObject;
        var comment = metadataObject?["comment"]?.GetValue<string>();
        var field = new StructField(name, ReadType(Required(obj, "type")), obj["nullable"]?.GetValue<bool>() ?? true, comment);
        if (metadataObject is null || metadataObject.Count == 0) return field;
        var metadata = new Dictionary<string, JsonNode?>(StringComparer.Ordinal);
        foreach (var (key, value) in metadataObject) metadata[key] = value?.DeepClone();
        return field with { Metadata = new System.Collections.ObjectModel.ReadOnlyDictionary<string, JsonNode?>(metadata) };
    }

    private static JsonNode Required(JsonObject obj, string key) =>
        obj[key] ?? throw new AlaSparkException($"The schema JSON lacks '{key}': {obj.ToJsonString()}");

    public static DataType AtomicFromJsonName(string name)
    {
        switch (name)
        {
            case "string": return StringType.Instance;
            case "boolean": return BooleanType.Instance;
            case "byte": return ByteType.Instance;
            case "short": return ShortType.Instance;
            case "integer": return IntegerType.Instance;
            case "long": return LongType.Instance;
            case "float": return FloatType.Instance;
            case "double": return DoubleType.Instance;
            case "date": return DateType.Instance;
            case "timestamp": return TimestampType.Instance;
            case "timestamp_ntz": return TimestampNtzType.Instance;
            case "binary": return BinaryType.Instance;
            case "null": case "void": return NullType.Instance;
            case "decimal": return new DecimalType(10, 0);
        }
        var m = DecimalPattern().Match(name);
        if (m.Success) return new DecimalType(int.Parse(m.Groups[1].Value), int.Parse(m.Groups[2].Value));
        if (name.StartsWith("char(", StringComparison.Ordinal) || name.StartsWith("varchar(", StringComparison.Ordinal))
            return StringType.Instance;
        throw new AlaSparkException($"Unsupported data type '{name}' in schema JSON.");
    }

    [GeneratedRegex(@"^decimal\(\s*(\d+)\s*,\s*(\d+)\s*\)$")]
    private static partial Regex DecimalPattern();
}
