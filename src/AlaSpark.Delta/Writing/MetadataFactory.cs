using System.Text.Json.Nodes;
using AlaSpark.Delta.Actions;
using AlaSpark.Types;

namespace AlaSpark.Delta.Writing;

/// <summary>Builds <c>metaData</c> actions and the JSON strings Delta puts in operation parameters.</summary>
public static class MetadataFactory
{
    /// <summary>The metadata of a new table: a new GUID, Parquet files, the Spark JSON schema, the partition columns.</summary>
    public static Metadata New(StructType schema, IReadOnlyList<string> partitionColumns, IReadOnlyDictionary<string, string>? configuration = null) =>
        new(Guid.NewGuid().ToString(), null, null, Format.Parquet, schema.Json, partitionColumns.ToList(),
            new Dictionary<string, string>(configuration ?? new Dictionary<string, string>(), StringComparer.Ordinal),
            DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());

    /// <summary>The same table with another schema (and partitioning): id, format, configuration and creation time kept.</summary>
    public static Metadata WithSchema(Metadata current, StructType schema, IReadOnlyList<string>? partitionColumns = null) =>
        current with { SchemaString = schema.Json, PartitionColumns = (partitionColumns ?? current.PartitionColumns).ToList() };

    /// <summary>A list as a JSON string, as Delta writes <c>partitionBy</c>: <c>["a","b"]</c>.</summary>
    public static string JsonList(IEnumerable<string> items) => new JsonArray(items.Select(i => (JsonNode?)JsonValue.Create(i)).ToArray()).ToJsonString(DeltaCommitter.CommitJson);

    /// <summary>A map as a JSON string.</summary>
    public static string JsonMap(IReadOnlyDictionary<string, string> map)
    {
        var obj = new JsonObject();
        foreach (var (k, v) in map) obj[k] = v;
        return obj.ToJsonString(DeltaCommitter.CommitJson);
    }
}
