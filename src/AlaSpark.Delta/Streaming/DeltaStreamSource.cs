using System.Globalization;
using System.Text.Json.Nodes;
using AlaSpark.Delta.Actions;
using AlaSpark.Plan;

namespace AlaSpark.Delta;

/// <summary>
/// The source of a <see cref="DeltaStreamReader"/>: offsets are <c>{startVersion, reservoirVersion, isStartingVersion}</c>.
/// A start given by a version, <c>latest</c> or a timestamp is decided when the query first runs with its checkpoint
/// and recorded in the source's folder of it (<c>sources/0/start</c>), so that a restart before the first batch
/// starts at the same version; once a batch is planned, its offsets say where the next one starts.
/// </summary>
internal sealed class DeltaStreamSource(DeltaStreamSettings settings, SourceTable table) : StreamSource
{
    private readonly DeltaTable _delta = DeltaTable.ForPath(table.Location);

    /// <summary>The last version read by a planned batch; null before the first.</summary>
    private long? _lastVersion;

    /// <summary>The first version the first batch reads the changes of; null when it reads the table as it is.</summary>
    private long? _startVersion;

    private long? _availableNowEnd;

    // The table as last seen: each batch reads only the commits after it (see DeltaTable.Refresh).
    private Snapshot? _latest;

    private long LatestVersion() => (_latest = _latest is null ? _delta.LatestSnapshot() : _delta.Refresh(_latest)).Version;

    public override SourceTable Table => table;

    public override void Restore(StreamCheckpoint checkpoint, int index, long? lastPlannedBatch)
    {
        _lastVersion = lastPlannedBatch is { } batch ? Parse(checkpoint.ReadOffsets(batch)).End : null;
        _startVersion = _lastVersion is null && settings.Start is { } start ? RecordedStart(Path.Combine(checkpoint.SourceFolder(index), "start"), start) : null;
    }

    /// <summary>The version recorded in <paramref name="file"/>; or <paramref name="start"/> decided now, and recorded there.</summary>
    private long RecordedStart(string file, DeltaStreamStart start)
    {
        if (File.Exists(file))
        {
            var line = StreamCheckpoint.ReadLog(file).FirstOrDefault();
            return line is not null && JsonNode.Parse(line) is JsonObject json && json["startingVersion"] is JsonValue value && value.TryGetValue<long>(out var recorded) && recorded >= 0
                ? recorded
                : throw StreamCheckpoint.Malformed(file, "it holds no starting version (expected {\"startingVersion\":<version>,\"from\":\"<option>\"})");
        }
        var version = start.Version ?? (start.Latest ? LatestVersion() + 1 : FirstVersionAtOrAfter(start.Timestamp!.Value));
        StreamCheckpoint.WriteLog(file, [new JsonObject { ["startingVersion"] = version, ["from"] = start.ToString() }.ToJsonString()], overwrite: false);
        return version;
    }

    private long FirstVersionAtOrAfter(DateTimeOffset timestamp)
    {
        try
        {
            return _delta.FirstVersionCommittedAtOrAfter(timestamp);
        }
        catch (DeltaVersionNotFoundException e)
        {
            throw new AlaSparkException(
                $"The Delta stream {table.FullName} can't start at its startingTimestamp: {e.Message} " +
                "Give a time at or before the latest commit, or startingVersion=latest to read only the versions committed from now on.", e);
        }
    }

    public override void BoundToAvailableNow() => _availableNowEnd = LatestVersion();

    public override string? PlanBatch(long batchId, bool respectLimits)
    {
        var latest = _availableNowEnd ?? LatestVersion();
        if (_lastVersion is null && _startVersion is null)
        {
            // The first batch: the table as it is now.
            _lastVersion = latest;
            return Offset(latest, latest, snapshot: true);
        }
        var start = _lastVersion + 1 ?? _startVersion!.Value;
        if (start > latest) return null;
        var files = 0;
        var end = start - 1;
        foreach (var change in _delta.GetChanges(start).TakeWhile(c => c.Version <= latest))
        {
            if (end >= start && respectLimits && files >= settings.MaxFilesPerTrigger) break;
            files += change.Actions.OfType<AddFile>().Count(a => a.DataChange);
            end = change.Version;
        }
        _lastVersion = end;
        return Offset(start, end, snapshot: false);
    }

    public override ProcessedTable GetBatch(long batchId, string offset, string? quarantineFolder)
    {
        var (start, end, snapshot) = Parse(offset);
        var options = new Dictionary<string, string> { ["versionAsOf"] = end.ToString(CultureInfo.InvariantCulture) };
        if (snapshot) return Frame(options, empty: false);
        var versions = _delta.GetChanges(start).TakeWhile(c => c.Version <= end).Where(Reads).Select(c => c.Version).ToList();
        // A batch of skipped versions reads no row (it is still committed, so that the next batch starts after it).
        if (versions.Count == 0) return Frame(options, empty: true);
        options[DeltaStreamReader.ChangeVersionsOption] = string.Join(",", versions.Select(v => v.ToString(CultureInfo.InvariantCulture)));
        return Frame(options, empty: false);
    }

    private ProcessedTable Frame(Dictionary<string, string> options, bool empty)
    {
        var read = new Read(new DataSource("delta", ValueList.Of(table.Location), null, new ValueMap(options)), IsStreaming: true);
        var frame = new DataFrame(table.Session.Engine, read);
        return new ProcessedTable(table, empty ? frame.Limit(0) : frame);
    }

    /// <summary>True when the batch reads the files a version adds; false for a version it skips; an error for a change it can't stream.</summary>
    private bool Reads(DeltaVersionChanges change)
    {
        var removes = change.Actions.OfType<RemoveFile>().Any(r => r.DataChange);
        if (!removes) return true;
        var adds = change.Actions.OfType<AddFile>().Any(a => a.DataChange);
        if (settings.SkipChangeCommits || (settings.IgnoreDeletes && !adds)) return false;
        throw new AlaSparkException(
            $"[DELTA_SOURCE_TABLE_IGNORE_CHANGES] Detected a data {(adds ? "update" : "deletion")} ({change.CommitInfo?.Operation ?? "a commit that removes files"}) in the source table {table.FullName} at version {change.Version}. " +
            "A stream reads appends only. " + (adds
                ? "Set SkipChangeCommits to skip versions that change existing rows, or start a new stream (new checkpoint) from a later version."
                : "Set IgnoreDeletes to skip versions that only delete (or SkipChangeCommits), or start a new stream from a later version."));
    }

    public override string? QuarantineFolder(Guid queryId, long batchId) => null;

    public override string Describe(long batchId, string offset)
    {
        var (start, end, snapshot) = Parse(offset);
        return snapshot ? $"{table.Location} as of version {end}" : start == end ? $"{table.Location} version {end}" : $"{table.Location} versions {start} to {end}";
    }

    private static string Offset(long start, long end, bool snapshot) =>
        new JsonObject { ["startVersion"] = start, ["reservoirVersion"] = end, ["isStartingVersion"] = snapshot }.ToJsonString();

    private (long Start, long End, bool Snapshot) Parse(string offset)
    {
        try
        {
            var node = JsonNode.Parse(offset)!;
            return (node["startVersion"]!.GetValue<long>(), node["reservoirVersion"]!.GetValue<long>(), node["isStartingVersion"]!.GetValue<bool>());
        }
        catch (Exception e) when (e is System.Text.Json.JsonException or NullReferenceException or InvalidOperationException or FormatException)
        {
            throw new AlaSparkException($"The offset {offset} of the Delta stream {table.FullName} is not a Delta source offset (startVersion, reservoirVersion, isStartingVersion). Was the checkpoint written by another kind of source?");
        }
    }
}
