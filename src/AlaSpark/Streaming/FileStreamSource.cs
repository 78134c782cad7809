using System.Globalization;
using System.Text.Json.Nodes;
using AlaSpark.Plan;

namespace AlaSpark;

/// <summary>
/// Reads new files of a folder as a stream, as Spark's file source does: each batch lists the folder, takes
/// the files that no earlier batch took (oldest first, up to the per-batch limits) and records them in the
/// checkpoint's source log (<c>sources/0/&lt;batchId&gt;</c>) before the batch runs, so every file is read once
/// across restarts. A file that is still being written (modified within <see cref="FileStreamReader.FileStableAfter"/>
/// and changed when listed again) is left for a later batch.
/// </summary>
internal sealed class FileStreamSource : StreamSource
{
    private readonly FileStreamReader _reader;
    private readonly SourceTable _table;
    private readonly Dictionary<string, long> _seen = new(StringComparer.Ordinal);
    private HashSet<string>? _availableNow;
    private string _logFolder = "";

    public FileStreamSource(FileStreamReader reader, SourceTable table)
    {
        _reader = reader;
        _table = table;
        if (!Directory.Exists(table.Location) && !File.Exists(table.Location))
            throw new AlaSparkException(
                $"[PATH_NOT_FOUND] The {reader.Format} stream source {table.FullName} reads the folder '{table.Location}', which does not exist. Create it, or fix the table's location (or Path).");
    }

    public override SourceTable Table => _table;

    private sealed record FileEntry(string Path, long Size, long ModificationTime);

    public override void Restore(StreamCheckpoint checkpoint, int index, long? lastPlannedBatch)
    {
        _logFolder = checkpoint.SourceFolder(index);
        _seen.Clear();
        if (lastPlannedBatch is not { } last) return;
        for (var batch = 0L; batch <= last; batch++)
            foreach (var entry in ReadLog(batch))
                _seen[entry.Path] = batch;
    }

    public override void BoundToAvailableNow() =>
        _availableNow = List().Select(f => f.Path).Where(p => !_seen.ContainsKey(p)).ToHashSet(StringComparer.Ordinal);

    public override string? PlanBatch(long batchId, bool respectLimits)
    {
        var candidates = List().Where(f => !_seen.ContainsKey(f.Path) && (_availableNow is null || _availableNow.Contains(f.Path)))
            .OrderBy(f => f.ModificationTime).ThenBy(f => f.Path, StringComparer.Ordinal).ToList();
        candidates = LeaveFilesStillBeingWritten(candidates);
        var chosen = new List<FileEntry>();
        long bytes = 0;
        foreach (var file in candidates)
        {
            if (respectLimits && _reader.MaxFilesPerTrigger is { } maxFiles && chosen.Count >= maxFiles) break;
            if (respectLimits && _reader.MaxBytesPerTrigger is { } maxBytes && chosen.Count > 0 && bytes + file.Size > maxBytes) break;
            chosen.Add(file);
            bytes += file.Size;
        }
        if (chosen.Count == 0) return null;
        // The log of a batch that was planned but never got its offsets (a crash in between) is replaced.
        StreamCheckpoint.WriteLog(StreamCheckpoint.BatchFile(_logFolder, batchId), chosen.Select(ToJson), overwrite: true);
        foreach (var file in chosen) _seen[file.Path] = batchId;
        return new JsonObject { ["logOffset"] = batchId }.ToJsonString();
    }

    public override ProcessedTable GetBatch(long batchId, string offset, string? quarantineFolder)
    {
        var files = ReadLog(LogOffset(offset));
        foreach (var file in files)
        {
            var info = new FileInfo(file.Path);
            if (!info.Exists)
                throw new AlaSparkException(
                    $"The file {file.Path} of batch {batchId} of the stream {_table.FullName} was deleted after the batch was planned. " +
                    "The batch must read the same files every time it runs, so it stops here. Put the file back, or start with a new checkpoint.");
            if (info.Length != file.Size)
                throw new AlaSparkException(
                    $"The file {file.Path} of batch {batchId} of the stream {_table.FullName} changed size after the batch was planned ({file.Size} bytes then, {info.Length} now). " +
                    "Files of a stream must not change once written: write them elsewhere and move them into the folder when complete.");
        }
        var reader = _reader.CreateBatchReader();
        if (quarantineFolder is not null) reader.BadRecordsPath = quarantineFolder;
        var whole = reader.Read(_table);
        if (whole.DataFrame.Plan is not Read { Source: { } source })
            throw new InvalidOperationException($"The {reader.Format} reader's plan is not a read of files.");
        var batch = new Read(source with { Paths = files.Select(f => f.Path).ToValueList() }, IsStreaming: true);
        return whole with { DataFrame = new DataFrame(whole.DataFrame.Engine, batch) };
    }

    public override string? QuarantineFolder(Guid queryId, long batchId)
    {
        if (_reader.BadRecords != BadRecordsMode.Quarantine || _reader.Format == "parquet") return null;
        var root = _reader.BadRecordsPath ?? Path.Combine(_table.Session.BadRecordsPath, _table.Database, _table.Name);
        return Path.Combine(root, queryId.ToString("N"), batchId.ToString(CultureInfo.InvariantCulture));
    }

    public override string Describe(long batchId, string offset)
    {
        var files = ReadLog(LogOffset(offset));
        return $"{files.Count} {_reader.Format} file(s) of {_table.Location}";
    }

    private long LogOffset(string offset)
    {
        try
        {
            return JsonNode.Parse(offset)?["logOffset"]?.GetValue<long>() ?? throw new FormatException("no logOffset");
        }
        catch (Exception e) when (e is System.Text.Json.JsonException or FormatException or InvalidOperationException)
        {
            throw new AlaSparkException($"The offset {offset} of the file stream {_table.FullName} is not a file source offset ({{\"logOffset\":<batch>}}): {e.Message}. Was the checkpoint written by another kind of source?");
        }
    }

    private List<FileEntry> ReadLog(long batchId)
    {
        var path = StreamCheckpoint.BatchFile(_logFolder, batchId);
        if (!File.Exists(path)) throw StreamCheckpoint.Malformed(path, "the source log of a planned batch is missing");
        var result = new List<FileEntry>();
        foreach (var line in StreamCheckpoint.ReadLog(path))
        {
            try
            {
                var node = JsonNode.Parse(line)!;
                result.Add(new FileEntry(node["path"]!.GetValue<string>(), node["size"]!.GetValue<long>(), node["modificationTime"]!.GetValue<long>()));
            }
            catch (Exception e) when (e is NullReferenceException or InvalidOperationException or FormatException)
            {
                throw StreamCheckpoint.Malformed(path, $"the entry {line} lacks a path, size or modificationTime");
            }
        }
        return result;
    }

    private static string ToJson(FileEntry file) =>
        new JsonObject { ["path"] = file.Path, ["size"] = file.Size, ["modificationTime"] = file.ModificationTime }.ToJsonString();

    /// <summary>Files modified within the stable period are listed again once it has passed; those that changed wait for a later batch.</summary>
    private List<FileEntry> LeaveFilesStillBeingWritten(List<FileEntry> candidates)
    {
        var stableAfter = (long)_reader.FileStableAfter.TotalMilliseconds;
        var now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        var recent = candidates.Where(f => now - f.ModificationTime < stableAfter).ToList();
        if (recent.Count == 0) return candidates;
        var wait = stableAfter - (now - recent.Max(f => f.ModificationTime));
        Thread.Sleep(TimeSpan.FromMilliseconds(Math.Clamp(wait, 0, stableAfter)));
        var changed = recent.Where(f => Entry(new FileInfo(f.Path)) is not { } again || again != f).Select(f => f.Path).ToHashSet(StringComparer.Ordinal);
        return candidates.Where(f => !changed.Contains(f.Path)).ToList();
    }

    private static FileEntry? Entry(FileInfo info) =>
        info.Exists ? new FileEntry(info.FullName, info.Length, new DateTimeOffset(info.LastWriteTimeUtc).ToUnixTimeMilliseconds()) : null;

    /// <summary>The files under the source's location, skipping hidden ones (names starting with '.' or '_'), as Spark does.</summary>
    private List<FileEntry> List()
    {
        var location = _table.Location;
        if (File.Exists(location)) return [Entry(new FileInfo(location))!];
        if (!Directory.Exists(location))
            throw new AlaSparkException($"[PATH_NOT_FOUND] The folder '{location}' of the stream {_table.FullName} no longer exists.");
        var result = new List<FileEntry>();
        var pending = new Stack<DirectoryInfo>([new DirectoryInfo(location)]);
        while (pending.Count > 0)
        {
            var folder = pending.Pop();
            foreach (var item in folder.EnumerateFileSystemInfos())
            {
                if (item.Name.StartsWith('.') || item.Name.StartsWith('_')) continue;
                if (item is DirectoryInfo sub) pending.Push(sub);
                else if (item is FileInfo file && Entry(file) is { } entry) result.Add(entry);
            }
        }
        return result;
    }
}
