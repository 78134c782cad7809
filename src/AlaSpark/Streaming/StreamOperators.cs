using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using AlaSpark.Types;
using static AlaSpark.Functions;

namespace AlaSpark;

/// <summary>
/// Applies a stream's processors to each micro-batch. Most are applied as on a batch; an <see cref="AddWatermark"/>
/// sets the query's event-time watermark, and a <see cref="DropDuplicates"/> keeps its keys in a
/// <see cref="DeduplicationState"/> so a key is kept once across batches.
/// </summary>
internal sealed class StreamOperators
{
    private readonly IReadOnlyList<ToTableProcessor> _processors;
    private readonly Dictionary<int, DeduplicationState> _states = [];
    private readonly int _watermarkIndex = -1;
    private readonly AddWatermark? _watermark;
    private readonly long _delayMs;

    public StreamOperators(IReadOnlyList<ToTableProcessor> processors, StreamCheckpoint checkpoint, string where)
    {
        _processors = processors;
        for (var i = 0; i < processors.Count; i++)
        {
            if (processors[i] is DropDuplicates) _states[i] = new DeduplicationState(checkpoint.StateFolder(i));
            if (processors[i] is not AddWatermark watermark) continue;
            if (_watermark is not null)
                throw new AlaSparkException(
                    $"The stream from {where} has two AddWatermark processors ({_watermark.DescribeArguments()} and {watermark.DescribeArguments()}); " +
                    "a stream on the embedded engine has one event-time watermark. Keep one AddWatermark.");
            _watermark = watermark;
            _watermarkIndex = i;
            // A malformed delay fails when the processor is applied to the first batch, with its own message.
            if (SparkInterval.TryParse(watermark.Delay, out var delay, out _))
                _delayMs = (long)(delay.TotalMicroseconds / 1_000);
        }
    }

    /// <summary>True when a processor keeps state across batches.</summary>
    public bool HasState => _states.Count > 0;

    /// <summary>True when the stream has an event-time watermark.</summary>
    public bool HasWatermark => _watermark is not null;

    /// <summary>The keys held in every state store now.</summary>
    public long StateRows => _states.Values.Sum(s => s.Count);

    /// <summary>
    /// Applies the processors to batch <paramref name="batchId"/>, which runs with the watermark <paramref name="watermarkMs"/>.
    /// Returns the batch, and the rows the watermark sees (to find the batch's latest event time), null without a watermark.
    /// </summary>
    public (ProcessedTable Batch, DataFrame? EventTimes) Apply(ProcessedTable batch, long batchId, long watermarkMs)
    {
        DataFrame? eventTimes = null;
        for (var i = 0; i < _processors.Count; i++)
        {
            if (_states.TryGetValue(i, out var state))
            {
                var keys = ((DropDuplicates)_processors[i]).KeyColumns(batch);
                var eventTime = i > _watermarkIndex && _watermarkIndex >= 0 ? EventTime(batch.DataFrame) : null;
                state.Load(batchId);
                batch = batch with { DataFrame = state.Apply(batch.Session, batch.DataFrame, keys, eventTime, watermarkMs) };
                batch = batch with { Lineage = [.. batch.Lineage, new LineageStep(_processors[i].Name, _processors[i].DescribeArguments())] };
            }
            else
            {
                batch = batch.Apply(_processors[i]);
            }
            if (i == _watermarkIndex) eventTimes = batch.DataFrame;
        }
        return (batch, eventTimes);
    }

    /// <summary>The watermark after a batch: the latest event time seen minus the delay, never moving back (Spark's rule).</summary>
    public long NextWatermark(DataFrame? eventTimes, long watermarkMs)
    {
        if (eventTimes is null) return watermarkMs;
        var latest = eventTimes.Agg(Max(EventTime(eventTimes)!)).Collect()[0][0];
        return latest is DateTime time ? Math.Max(watermarkMs, ToMs(time) - _delayMs) : watermarkMs;
    }

    /// <summary>Writes each state store's version after batch <paramref name="batchId"/>: before the sink, so a replay finds it.</summary>
    public void Save(long batchId, long nextWatermarkMs)
    {
        foreach (var state in _states.Values) state.Save(batchId + 1, nextWatermarkMs);
    }

    /// <summary>
    /// For a batch the sink had committed before a restart: the watermark recorded with its state, or
    /// <paramref name="watermarkMs"/> when the stream keeps no state (nothing then depends on the watermark).
    /// </summary>
    public long RecordedWatermark(long batchId, long watermarkMs)
    {
        foreach (var state in _states.Values) return state.ReadWatermark(batchId + 1);
        return watermarkMs;
    }

    /// <summary>The column the watermark's event time is in: a timestamp, or a window's <c>end</c>.</summary>
    private Column? EventTime(DataFrame frame) =>
        _watermark is null ? null
        : frame.Schema.Find(_watermark.EventTimeColumn) is { DataType: StructType } window ? Col(window.Name + ".end")
        : Col(_watermark.EventTimeColumn);

    internal static long ToMs(DateTime time) => new DateTimeOffset(DateTime.SpecifyKind(time, DateTimeKind.Utc)).ToUnixTimeMilliseconds();
}

/// <summary>
/// The state of one streaming <see cref="DropDuplicates"/>: the keys seen, each with the event time of its first row.
/// Version <c>v</c> is the state at the start of batch <c>v</c>, a file <c>state/&lt;operator&gt;/&lt;v&gt;</c> of the
/// checkpoint written (atomically) before the batch reaches the sink; a batch replayed after a crash reads the
/// version it read the first time and writes the next one again, so nothing is applied twice. Older versions are
/// deleted once a newer one is written. Keys are compared by their text (a cast to string), so keys of any type
/// can be kept in a file of JSON lines.
/// </summary>
internal sealed class DeduplicationState(string folder)
{
    private const string KeyPrefix = "__alaspark_state_key";
    private const long NoEventTime = long.MinValue;
    private Dictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private Dictionary<string, Entry>? _next;
    private long _loadedVersion = -1;

    private sealed record Entry(string?[] Key, long EventMs);

    public int Count => _entries.Count;

    public string VersionFile(long version) => StreamCheckpoint.BatchFile(folder, version);

    /// <summary>Loads the state at the start of batch <paramref name="batchId"/> (version 0 is empty).</summary>
    public void Load(long batchId)
    {
        _next = null;
        if (_loadedVersion == batchId) return;
        var entries = new Dictionary<string, Entry>(StringComparer.Ordinal);
        if (batchId > 0)
        {
            var path = VersionFile(batchId);
            if (!File.Exists(path))
                throw StreamCheckpoint.Malformed(path,
                    $"the DropDuplicates state at the start of batch {batchId} is missing (was the processor added to a query that had run before?)");
            var lines = StreamCheckpoint.ReadLog(path);
            for (var i = 1; i < lines.Count; i++)
            {
                if (JsonNode.Parse(lines[i]) is not JsonArray { Count: > 1 } array || array[0] is not JsonValue time || !time.TryGetValue<long>(out var eventMs))
                    throw StreamCheckpoint.Malformed(path, $"line {i + 2} is not [eventTimeMs, key...]");
                if (array.Skip(1).Any(k => k is not null && k.GetValueKind() != JsonValueKind.String))
                    throw StreamCheckpoint.Malformed(path, $"line {i + 2} has a key that is not a string or null");
                var key = array.Skip(1).Select(k => k?.GetValue<string>()).ToArray();
                entries[Text(key)] = new Entry(key, eventMs);
            }
        }
        _entries = entries;
        _loadedVersion = batchId;
    }

    /// <summary>
    /// Drops late rows (event time at or before the watermark), duplicates within the batch, and rows whose key the
    /// state holds; then adds the batch's new keys and evicts the keys at or before the watermark (kept until
    /// <see cref="Save"/>).
    /// </summary>
    public DataFrame Apply(AlaSparkSession session, DataFrame frame, string[] keys, Column? eventTime, long watermarkMs)
    {
        var watermarked = eventTime is not null && watermarkMs > 0;
        if (watermarked) frame = frame.Filter(eventTime!.Gt(Lit(DateTimeOffset.FromUnixTimeMilliseconds(watermarkMs).UtcDateTime)));
        frame = frame.DropDuplicates(keys);
        if (_entries.Count > 0)
        {
            var schema = new StructType([.. keys.Select((_, i) => new StructField(KeyPrefix + i.ToString(CultureInfo.InvariantCulture), StringType.Instance))]);
            var seen = session.CreateDataFrame(schema, _entries.Values.Select(e => e.Key.Cast<object?>().ToArray()));
            var matches = keys.Select((k, i) => Col(k).Cast(StringType.Instance).EqNullSafe(Col(KeyPrefix + i.ToString(CultureInfo.InvariantCulture))))
                .Aggregate((all, next) => all.And(next));
            frame = frame.Join(seen, matches, JoinType.LeftAnti);
        }
        var next = new Dictionary<string, Entry>(_entries, StringComparer.Ordinal);
        foreach (var row in frame.Select([.. keys.Select(k => Col(k).Cast(StringType.Instance)), eventTime ?? Lit(null)]).Collect())
        {
            var key = Enumerable.Range(0, keys.Length).Select(i => (string?)row[i]).ToArray();
            next[Text(key)] = new Entry(key, row[keys.Length] is DateTime time ? StreamOperators.ToMs(time) : NoEventTime);
        }
        if (watermarked)
            foreach (var (text, entry) in next.Where(e => e.Value.EventMs != NoEventTime && e.Value.EventMs <= watermarkMs).ToList())
                next.Remove(text);
        _next = next;
        return frame;
    }

    /// <summary>Writes version <paramref name="version"/> (what <see cref="Apply"/> left) and deletes the versions before it.</summary>
    public void Save(long version, long nextWatermarkMs)
    {
        var entries = _next ?? throw new InvalidOperationException("DeduplicationState.Save before Apply");
        var header = new JsonObject { ["nextBatchWatermarkMs"] = nextWatermarkMs }.ToJsonString();
        var lines = entries.Values.Select(e => new JsonArray([JsonValue.Create(e.EventMs), .. e.Key.Select(k => (JsonNode?)JsonValue.Create(k))]).ToJsonString());
        StreamCheckpoint.WriteLog(VersionFile(version), [header, .. lines], overwrite: true);
        _entries = entries;
        _next = null;
        _loadedVersion = version;
        // The version a replay of this batch reads (version - 1) stays; older ones are no longer read.
        for (var old = version - 2; old > 0 && File.Exists(VersionFile(old)); old--) File.Delete(VersionFile(old));
    }

    /// <summary>The watermark recorded with version <paramref name="version"/>.</summary>
    public long ReadWatermark(long version)
    {
        var path = VersionFile(version);
        if (!File.Exists(path))
            throw StreamCheckpoint.Malformed(path, $"the sink committed batch {version - 1} but its DropDuplicates state is missing");
        var header = StreamCheckpoint.ReadLog(path)[0];
        return JsonNode.Parse(header)?["nextBatchWatermarkMs"]?.GetValue<long>()
            ?? throw StreamCheckpoint.Malformed(path, "its first JSON line has no nextBatchWatermarkMs");
    }

    private static string Text(string?[] key) => JsonSerializer.Serialize(key);
}
