using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace AlaSpark;

/// <summary>
/// A streaming query's checkpoint folder, laid out as Spark lays it out:
/// <list type="bullet">
/// <item><c>metadata</c>: the query's id (a GUID), written once and kept across restarts;</item>
/// <item><c>offsets/&lt;batchId&gt;</c>: what a batch reads, written before the batch runs;</item>
/// <item><c>commits/&lt;batchId&gt;</c>: written once the sink has committed the batch;</item>
/// <item><c>sources/0/&lt;batchId&gt;</c>: the source's own log (for a file source, the files of the batch).</item>
/// </list>
/// Every file is written to a temporary file first and then renamed, so a reader sees a whole file or none.
/// A batch with offsets and no commit was interrupted: a restart runs it again with the same offsets. A file
/// that can't be read is an error naming it; the query never silently starts again from scratch.
/// </summary>
public sealed class StreamCheckpoint
{
    private const string Version = "v1";

    public StreamCheckpoint(string location)
    {
        Location = Path.GetFullPath(location);
    }

    /// <summary>The checkpoint folder (absolute).</summary>
    public string Location { get; }

    private string OffsetsFolder => Path.Combine(Location, "offsets");
    private string CommitsFolder => Path.Combine(Location, "commits");
    private string MetadataFile => Path.Combine(Location, "metadata");

    /// <summary>The offsets file of batch <paramref name="batchId"/>.</summary>
    public string OffsetsFile(long batchId) => BatchFile(OffsetsFolder, batchId);

    /// <summary>The commit file of batch <paramref name="batchId"/>.</summary>
    public string CommitFile(long batchId) => BatchFile(CommitsFolder, batchId);

    /// <summary>The folder of source <paramref name="index"/>'s own log.</summary>
    public string SourceFolder(int index) => Path.Combine(Location, "sources", index.ToString(CultureInfo.InvariantCulture));

    /// <summary>The folder of the state store of the processor at <paramref name="operatorIndex"/> in the stream.</summary>
    public string StateFolder(int operatorIndex) => Path.Combine(Location, "state", operatorIndex.ToString(CultureInfo.InvariantCulture));

    /// <summary>The query's id: read from <c>metadata</c>, or created (a new GUID) with the checkpoint.</summary>
    public Guid LoadOrCreateQueryId()
    {
        if (File.Exists(MetadataFile))
        {
            var text = ReadText(MetadataFile);
            try
            {
                if (JsonNode.Parse(text)?["id"]?.GetValue<string>() is { } id && Guid.TryParse(id, out var guid)) return guid;
            }
            catch (Exception e) when (e is JsonException or InvalidOperationException or FormatException)
            {
                throw Malformed(MetadataFile, e.Message);
            }
            throw Malformed(MetadataFile, "it holds no query id (expected {\"id\":\"<guid>\"})");
        }
        Directory.CreateDirectory(Location);
        var created = Guid.NewGuid();
        WriteAtomically(MetadataFile, new JsonObject { ["id"] = created.ToString() }.ToJsonString() + "\n", overwrite: false);
        return created;
    }

    /// <summary>The highest batch id with offsets, or null when no batch was ever planned.</summary>
    public long? LatestOffsetsBatch() => LatestBatch(OffsetsFolder);

    /// <summary>The highest committed batch id, or null when no batch was ever committed.</summary>
    public long? LatestCommittedBatch() => LatestBatch(CommitsFolder);

    /// <summary>Records what batch <paramref name="batchId"/> reads, before it runs.</summary>
    public void WriteOffsets(long batchId, string sourceOffset, long batchWatermarkMs = 0)
    {
        var header = new JsonObject
        {
            ["batchWatermarkMs"] = batchWatermarkMs,
            ["batchTimestampMs"] = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds(),
        }.ToJsonString();
        WriteLog(OffsetsFile(batchId), [header, Compact(sourceOffset)], overwrite: false);
    }

    /// <summary>The source offset recorded for <paramref name="batchId"/>.</summary>
    public string ReadOffsets(long batchId)
    {
        var lines = ReadLog(OffsetsFile(batchId));
        if (lines.Count != 2) throw Malformed(OffsetsFile(batchId), $"expected a header line and one source offset, found {lines.Count} line(s)");
        return lines[1];
    }

    /// <summary>The event-time watermark batch <paramref name="batchId"/> runs with (Spark's <c>batchWatermarkMs</c>; 0 when none).</summary>
    public long ReadOffsetsWatermark(long batchId) => HeaderWatermark(OffsetsFile(batchId), "batchWatermarkMs");

    /// <summary>Records that the sink has committed <paramref name="batchId"/>, and the watermark the next batch runs with.</summary>
    public void WriteCommit(long batchId, long nextBatchWatermarkMs = 0) =>
        WriteLog(CommitFile(batchId), [new JsonObject { ["nextBatchWatermarkMs"] = nextBatchWatermarkMs }.ToJsonString()], overwrite: false);

    /// <summary>The watermark recorded with the commit of <paramref name="batchId"/> (Spark's <c>nextBatchWatermarkMs</c>).</summary>
    public long ReadCommitWatermark(long batchId) => HeaderWatermark(CommitFile(batchId), "nextBatchWatermarkMs");

    private static long HeaderWatermark(string path, string name)
    {
        var lines = ReadLog(path);
        if (lines.Count == 0) throw Malformed(path, "it has no JSON line after the version line");
        var value = JsonNode.Parse(lines[0])?[name];
        if (value is null) return 0; // written before watermarks were recorded
        return value is JsonValue number && number.TryGetValue<long>(out var ms) && ms >= 0
            ? ms
            : throw Malformed(path, $"'{name}' is {value.ToJsonString()}, not a number of milliseconds");
    }

    /// <summary>Checks the commit file of <paramref name="batchId"/> (a commit file that can't be read is an error).</summary>
    public void ValidateCommit(long batchId) => ReadLog(CommitFile(batchId));

    /// <summary>The path of batch <paramref name="batchId"/>'s file in <paramref name="folder"/>.</summary>
    public static string BatchFile(string folder, long batchId) => Path.Combine(folder, batchId.ToString(CultureInfo.InvariantCulture));

    /// <summary>Writes a log file: the version line, then one JSON document per line.</summary>
    public static void WriteLog(string path, IEnumerable<string> jsonLines, bool overwrite)
    {
        var text = new StringBuilder(Version).Append('\n');
        foreach (var line in jsonLines) text.Append(line).Append('\n');
        WriteAtomically(path, text.ToString(), overwrite);
    }

    /// <summary>Reads a log file's JSON lines, checking the version line and that each line is JSON.</summary>
    public static IReadOnlyList<string> ReadLog(string path)
    {
        var lines = ReadText(path).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        if (lines.Length == 0 || lines[0].TrimEnd('\r') != Version)
            throw Malformed(path, $"the first line must be '{Version}'" + (lines.Length == 0 ? " (the file is empty)" : $", not '{Truncate(lines[0])}'"));
        var result = new List<string>(lines.Length - 1);
        for (var i = 1; i < lines.Length; i++)
        {
            try
            {
                using var _ = JsonDocument.Parse(lines[i]);
            }
            catch (JsonException e)
            {
                throw Malformed(path, $"line {i + 1} is not JSON ({e.Message})");
            }
            result.Add(lines[i].TrimEnd('\r'));
        }
        return result;
    }

    /// <summary>An error for a checkpoint file that can't be read: what, where, and what to do.</summary>
    public static AlaSparkException Malformed(string path, string reason) => new(
        $"The streaming checkpoint file {path} is malformed: {reason}. The query stops rather than start again from scratch " +
        "(which would read every file again). Restore the file from a backup, or delete it and the batches after it " +
        "(only if the sink has not committed them), or start the query with a new checkpoint location.");

    private static string ReadText(string path)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (IOException e)
        {
            throw new AlaSparkException($"The streaming checkpoint file {path} can't be read: {e.Message}", e);
        }
    }

    private static long? LatestBatch(string folder)
    {
        if (!Directory.Exists(folder)) return null;
        long? latest = null;
        foreach (var file in Directory.EnumerateFiles(folder))
        {
            var name = Path.GetFileName(file);
            if (name.StartsWith('.')) continue; // a temporary file left by an interrupted write
            if (!long.TryParse(name, NumberStyles.None, CultureInfo.InvariantCulture, out var id))
                throw Malformed(file, "its name is not a batch id (a whole number)");
            if (latest is null || id > latest) latest = id;
        }
        return latest;
    }

    private static string Compact(string json)
    {
        try
        {
            return JsonNode.Parse(json)?.ToJsonString() ?? "null";
        }
        catch (JsonException e)
        {
            throw new ArgumentException($"A source offset must be JSON: {e.Message}", nameof(json), e);
        }
    }

    private static void WriteAtomically(string path, string text, bool overwrite)
    {
        var folder = Path.GetDirectoryName(path)!;
        Directory.CreateDirectory(folder);
        var temp = Path.Combine(folder, $".{Path.GetFileName(path)}.{Guid.NewGuid():N}.tmp");
        using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write))
        {
            stream.Write(Encoding.UTF8.GetBytes(text));
            stream.Flush(flushToDisk: true);
        }
        try
        {
            File.Move(temp, path, overwrite);
        }
        catch (IOException) when (!overwrite && File.Exists(path))
        {
            File.Delete(temp);
            throw new AlaSparkException(
                $"The streaming checkpoint file {path} already exists: another query is running with the checkpoint {Path.GetDirectoryName(Path.GetDirectoryName(path))}. " +
                "Run one query per checkpoint location.");
        }
    }

    private static string Truncate(string s) => s.Length > 80 ? s[..80] + "..." : s;
}
