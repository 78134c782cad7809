using System.Collections;
using System.Globalization;
using System.Text.Json.Nodes;
using AlaSpark.Delta.Actions;
using AlaSpark.Delta.Json;
using AlaSpark.Delta.Storage;
using Parquet.Serialization;

namespace AlaSpark.Delta.Log;

/// <summary>
/// Reads checkpoint files into actions. A Parquet checkpoint has one struct column per action type
/// (<c>add</c>, <c>remove</c>, <c>metaData</c>, <c>protocol</c>, <c>txn</c>, <c>domainMetadata</c>,
/// <c>checkpointMetadata</c>, <c>sidecar</c>); each row holds one action and nulls elsewhere. Rows are turned
/// into the JSON shape of commit lines and read by the same code as commits. <c>add.stats_parsed</c> and
/// <c>add.partitionValues_parsed</c> are dropped (the string forms are the reference); when a checkpoint has
/// only <c>stats_parsed</c>, it becomes the <c>stats</c> JSON.
/// </summary>
internal static class CheckpointReader
{
    // Decimals that System.Decimal can't hold (in stats_parsed) must not fail the read. (Strings come back as
    // ReadOnlyMemory<char>; Parquet.Net's switch for that is process-wide, so it is left alone.)
    private static readonly Parquet.ParquetOptions ReadOptions = new()
    {
        UseBigDecimal = true,
        UseDateOnlyTypeForDates = true,
    };

    public static IReadOnlyList<DeltaAction> ReadParquet(ILogStore store, string path)
    {
        using var stream = store.OpenRead(path);
        // Parquet.Net needs a seekable stream; local files are.
        Stream input = stream.CanSeek ? stream : Buffer(stream);
        var result = ParquetSerializer.DeserializeUntypedAsync(input, ReadOptions).ConfigureAwait(false).GetAwaiter().GetResult();
        var actions = new List<DeltaAction>(result.Data.Count);
        foreach (var row in result.Data)
        {
            var wrapped = new JsonObject();
            foreach (var (key, value) in row)
            {
                if (value is null) continue;
                var node = ToNode(value);
                if (node is JsonObject inner && key == AddFile.Key) FixStats(inner);
                wrapped[key] = node;
            }
            if (ActionJson.FromWrapped(wrapped) is { } action) actions.Add(action);
        }
        return actions;
    }

    public static IReadOnlyList<DeltaAction> ReadJson(ILogStore store, string path) =>
        ActionJson.ParseCommit(System.Text.Encoding.UTF8.GetString(store.Read(path)));

    private static MemoryStream Buffer(Stream stream)
    {
        var memory = new MemoryStream();
        stream.CopyTo(memory);
        memory.Position = 0;
        return memory;
    }

    private static void FixStats(JsonObject add)
    {
        var parsed = add["stats_parsed"];
        add.Remove("stats_parsed");
        add.Remove("partitionValues_parsed");
        if (add["stats"] is null && parsed is JsonObject stats)
            add["stats"] = stats.ToJsonString(JsonRead.Compact);
    }

    /// <summary>Converts a value of Parquet.Net's untyped reader (dictionaries, lists, primitives) to JSON.</summary>
    private static JsonNode? ToNode(object? value)
    {
        switch (value)
        {
            case null: return null;
            case string s: return JsonValue.Create(s);
            case ReadOnlyMemory<char> m: return JsonValue.Create(m.ToString());
            case bool b: return JsonValue.Create(b);
            case sbyte or byte or short or ushort or int: return JsonValue.Create(Convert.ToInt32(value, CultureInfo.InvariantCulture));
            case uint or long: return JsonValue.Create(Convert.ToInt64(value, CultureInfo.InvariantCulture));
            case ulong ul: return JsonValue.Create(ul);
            case float f: return float.IsFinite(f) ? JsonValue.Create(f) : JsonValue.Create(f.ToString(CultureInfo.InvariantCulture));
            case double d: return double.IsFinite(d) ? JsonValue.Create(d) : JsonValue.Create(d.ToString(CultureInfo.InvariantCulture));
            case decimal dec: return JsonValue.Create(dec);
            case DateTime dt: return JsonValue.Create(dt.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture));
            case DateTimeOffset dto: return JsonValue.Create(dto.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture));
            case DateOnly date: return JsonValue.Create(date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            case TimeSpan ts: return JsonValue.Create(ts.ToString("c", CultureInfo.InvariantCulture));
            case byte[] bytes: return JsonValue.Create(Convert.ToBase64String(bytes));
            case ReadOnlyMemory<byte> memory: return JsonValue.Create(Convert.ToBase64String(memory.Span));
            case IDictionary dictionary:
            {
                var obj = new JsonObject();
                foreach (DictionaryEntry entry in dictionary)
                {
                    var key = Convert.ToString(entry.Key, CultureInfo.InvariantCulture) ?? "";
                    obj[key] = ToNode(entry.Value);
                }
                return obj;
            }
            case IEnumerable items:
                return new JsonArray(items.Cast<object?>().Select(i => ToNode(i)).ToArray());
            default:
                return JsonValue.Create(Convert.ToString(value, CultureInfo.InvariantCulture));
        }
    }
}
