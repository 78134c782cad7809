using System.Text;
using System.Text.Json.Nodes;
using AlaSpark.Delta.Actions;
using AlaSpark.Delta.Log;
using AlaSpark.Delta.Storage;

namespace AlaSpark.Delta;

/// <summary>Where a commit's timestamp comes from (tables with In-Commit Timestamps always use those).</summary>
public enum CommitTimestampSource
{
    /// <summary>The commit file's modification time, as the protocol says (and Delta on Spark does).</summary>
    FileModificationTime,

    /// <summary>
    /// <c>commitInfo.timestamp</c>, falling back to the file's modification time: for tables whose files were
    /// copied, which loses modification times.
    /// </summary>
    CommitInfo,
}

/// <summary>Options for reading a Delta table.</summary>
public sealed record DeltaTableOptions
{
    /// <summary>The file system the table is read through.</summary>
    public ILogStore Store { get; init; } = LocalLogStore.Instance;

    /// <summary>Where commit timestamps come from for time travel and history.</summary>
    public CommitTimestampSource TimestampSource { get; init; } = CommitTimestampSource.FileModificationTime;
}

/// <summary>One commit of the table's history.</summary>
public sealed record DeltaHistoryEntry(long Version, DateTimeOffset Timestamp, CommitInfo? CommitInfo)
{
    public string? Operation => CommitInfo?.Operation;
    public IReadOnlyDictionary<string, JsonNode?> OperationParameters => CommitInfo?.OperationParameters ?? new Dictionary<string, JsonNode?>();
    public IReadOnlyDictionary<string, JsonNode?> OperationMetrics => CommitInfo?.OperationMetrics ?? new Dictionary<string, JsonNode?>();
    public string? EngineInfo => CommitInfo?.EngineInfo;
    public string? ClientVersion => CommitInfo?.ClientVersion;
}

/// <summary>The actions of one committed version (what <see cref="DeltaTable.GetChanges"/> yields).</summary>
public sealed record DeltaVersionChanges(long Version, DateTimeOffset Timestamp, IReadOnlyList<DeltaAction> Actions)
{
    public CommitInfo? CommitInfo => Actions.OfType<CommitInfo>().FirstOrDefault();
}

/// <summary>
/// A Delta table at a path: snapshots (latest, by version, by timestamp), history and the changes of each
/// version. Reads only the log (<c>_delta_log</c>); reading the data files is the engine's part.
/// </summary>
public sealed class DeltaTable
{
    public const string EnableInCommitTimestampsKey = "delta.enableInCommitTimestamps";
    public const string InCommitTimestampEnablementVersionKey = "delta.inCommitTimestampEnablementVersion";

    private DeltaTable(string path, DeltaTableOptions options)
    {
        Path = path;
        Options = options;
        Log = new DeltaLog(path, options.Store);
    }

    /// <summary>The table at a local path (or <c>file:</c> URI). Nothing is read until a snapshot is asked for.</summary>
    public static DeltaTable ForPath(string path, DeltaTableOptions? options = null) =>
        new(DeltaPaths.NormalizeTablePath(path), options ?? new DeltaTableOptions());

    /// <summary>True when the path holds a <c>_delta_log</c> folder with at least one commit or checkpoint.</summary>
    public static bool IsDeltaTable(string path, DeltaTableOptions? options = null)
    {
        var table = ForPath(path, options);
        if (!table.Store.DirectoryExists(table.Log.LogPath)) return false;
        return table.Log.List(0).Any(f => f.Name.Kind == LogFileKind.Commit || f.Name.IsCheckpoint);
    }

    /// <summary>The table's root folder (absolute).</summary>
    public string Path { get; }

    public DeltaTableOptions Options { get; }

    public ILogStore Store => Options.Store;

    /// <summary>The table's log.</summary>
    public DeltaLog Log { get; }

    /// <summary>The latest version.</summary>
    public Snapshot LatestSnapshot() => Load(Log.Segment(null));

    /// <summary>The latest version, or null when there is no table at the path yet.</summary>
    public Snapshot? TryLatestSnapshot()
    {
        if (!Store.DirectoryExists(Log.LogPath)) return null;
        try
        {
            return LatestSnapshot();
        }
        catch (DeltaTableNotFoundException)
        {
            return null;
        }
    }

    /// <summary>
    /// Starts a write on the latest snapshot (a transaction that creates the table when there is none yet).
    /// Throws <see cref="DeltaUnsupportedWriteException"/> when AlaSpark can't write the table.
    /// </summary>
    public Writing.DeltaTransaction StartTransaction() => new(this, TryLatestSnapshot());

    /// <summary>
    /// Creates an empty table (version 0, operation <c>CREATE TABLE</c>) with the lowest protocol the schema
    /// needs; fails with <see cref="DeltaConcurrentModificationException"/> when the table exists.
    /// </summary>
    public static DeltaTable Create(string path, Types.StructType schema, IReadOnlyList<string>? partitionColumns = null,
        IReadOnlyDictionary<string, string>? configuration = null, DeltaTableOptions? options = null)
    {
        var table = ForPath(path, options);
        if (table.TryLatestSnapshot() is { } existing)
            throw new DeltaConcurrentModificationException(table.Path, -1, existing.Version, $"The Delta table {table.Path} already exists (version {existing.Version}).");
        var txn = new Writing.DeltaTransaction(table, null);
        var partitions = partitionColumns ?? Array.Empty<string>();
        txn.UpdateMetadata(Writing.MetadataFactory.New(schema, partitions, configuration));
        txn.Commit("CREATE TABLE", new Dictionary<string, string?>
        {
            ["partitionBy"] = Writing.MetadataFactory.JsonList(partitions),
            ["description"] = null,
            ["isManaged"] = "false",
            ["properties"] = Writing.MetadataFactory.JsonMap(configuration ?? new Dictionary<string, string>()),
        });
        return table;
    }

    /// <summary>The table at a version (time travel by version).</summary>
    public Snapshot SnapshotAt(long version) => Load(Log.Segment(version));

    /// <summary>
    /// The latest version, read from <paramref name="known"/> (an earlier snapshot of this table) on: only the
    /// commits after it are read, and nothing when the table has not changed, where <see cref="LatestSnapshot"/>
    /// reads the last checkpoint and every commit since. When the log no longer continues from
    /// <paramref name="known"/> (its commit file was replaced or is gone, or a version is missing), the table is
    /// read as <see cref="LatestSnapshot"/> does.
    /// </summary>
    public Snapshot Refresh(Snapshot known) => Advance(known, null);

    /// <summary>The snapshot at <paramref name="version"/> (the latest when null), read from <paramref name="known"/> on (see <see cref="Refresh"/>).</summary>
    internal Snapshot Advance(Snapshot known, long? version)
    {
        ArgumentNullException.ThrowIfNull(known);
        if (!string.Equals(known.TablePath, Path, StringComparison.Ordinal))
            throw new ArgumentException($"The snapshot is of the table {known.TablePath}, not {Path}.", nameof(known));
        if (version is { } target && target < known.Version) return SnapshotAt(target);
        var commits = known.VersionCommit is null ? [] : Log.Commits(known.Version);
        if (version is { } upTo) commits = commits.Where(c => c.Version <= upTo).ToList();
        // The log continues from the known snapshot when its commit is still the file that was read, and every
        // version after it follows without a gap.
        var continues = commits.Count > 0 && commits[0].Equals(known.VersionCommit)
            && commits.Select((c, i) => c.Version == known.Version + i).All(contiguous => contiguous)
            && (version is null || commits[^1].Version == version);
        if (!continues) return version is { } v ? SnapshotAt(v) : LatestSnapshot();
        if (commits.Count == 1) return known;

        var replay = LogReplay.From(known);
        CommitInfo? commitInfo = null;
        foreach (var commit in commits.Skip(1))
        {
            var actions = Log.ReadCommit(commit);
            replay.Apply(actions);
            commitInfo = actions.OfType<CommitInfo>().FirstOrDefault();
        }
        var last = commits[^1];
        var checkpoint = known.CheckpointVersion is { } cp ? new CheckpointInstance(cp, LogFileKind.ClassicCheckpoint, []) : null;
        var segment = new LogSegment(last.Version, checkpoint, commits.Skip(1).ToList(), last);
        return new Snapshot(this, segment, replay, commitInfo, CommitTimestamp(last, commitInfo, replay.Metadata?.Configuration, null));
    }

    /// <summary>
    /// The table as of a time: the latest version committed at or before it. A time before the earliest
    /// available commit or after the latest is an error naming the available range.
    /// </summary>
    public Snapshot SnapshotAsOf(DateTimeOffset timestamp)
    {
        var (range, timestamps) = AvailableCommitTimestamps();
        if (timestamps.Count == 0)
            return SnapshotAt(range.LatestVersion); // only a checkpoint is left
        var first = timestamps[0];
        var last = timestamps[^1];
        if (timestamp < first.Timestamp)
            throw new DeltaVersionNotFoundException(Path,
                $"Table {Path} has no version as of {Format(timestamp)}: that is before the earliest available version {first.Version} (committed at {Format(first.Timestamp)}). The latest is version {last.Version} (committed at {Format(last.Timestamp)}).",
                first.Version, last.Version);
        if (timestamp > last.Timestamp)
            throw new DeltaVersionNotFoundException(Path,
                $"Table {Path} has no version as of {Format(timestamp)}: that is after the latest available version {last.Version} (committed at {Format(last.Timestamp)}). The earliest is version {first.Version} (committed at {Format(first.Timestamp)}).",
                first.Version, last.Version);
        var version = timestamps.Last(t => t.Timestamp <= timestamp).Version;
        return SnapshotAt(version);
    }

    /// <summary>
    /// The first version committed at or after <paramref name="timestamp"/>, with commit times read as
    /// <see cref="SnapshotAsOf"/> reads them (a stream's <c>startingTimestamp</c>): the earliest available commit
    /// when the time is before every commit. A time after the latest commit is an error naming the latest version
    /// and its commit time.
    /// </summary>
    internal long FirstVersionCommittedAtOrAfter(DateTimeOffset timestamp)
    {
        var (range, timestamps) = AvailableCommitTimestamps();
        if (timestamps.Count == 0)
            throw new DeltaVersionNotFoundException(Path,
                $"Table {Path} has no commit files left to compare {Format(timestamp)} with (only the checkpoint of version {range.LatestVersion}).",
                range.EarliestVersion, range.LatestVersion);
        var last = timestamps[^1];
        if (timestamp > last.Timestamp)
            throw new DeltaVersionNotFoundException(Path,
                $"Table {Path} has no version committed at or after {Format(timestamp)}: the latest version is {last.Version}, committed at {Format(last.Timestamp)}.",
                timestamps[0].Version, last.Version);
        return timestamps.First(t => t.Timestamp >= timestamp).Version;
    }

    /// <summary>The log's version range and the times of its commit files (none when only a checkpoint is left).</summary>
    private (LogRange Range, List<(long Version, DateTimeOffset Timestamp)> Timestamps) AvailableCommitTimestamps()
    {
        var range = Log.Range();
        return (range, CommitTimestamps(Log.Commits(range.EarliestVersion), LatestMetadataConfiguration()));
    }

    /// <summary>The table's commits, newest first (what DESCRIBE HISTORY shows); at most <paramref name="limit"/>.</summary>
    public IReadOnlyList<DeltaHistoryEntry> History(int? limit = null)
    {
        Log.EnsureExists();
        var commits = Log.Commits(0);
        var configuration = LatestMetadataConfiguration();
        var timestamps = CommitTimestamps(commits, configuration);
        var result = new List<DeltaHistoryEntry>();
        for (var i = commits.Count - 1; i >= 0 && (limit is null || result.Count < limit); i--)
            result.Add(new DeltaHistoryEntry(commits[i].Version, timestamps[i].Timestamp, ReadCommitInfo(commits[i])));
        return result;
    }

    /// <summary>
    /// The actions of each version from <paramref name="fromVersion"/> to the latest, in order, read lazily (for
    /// streaming). Nothing when <paramref name="fromVersion"/> is after the latest version (no new commits yet).
    /// A version whose commit file is gone is an error naming the earliest available; so is a protocol change to
    /// a protocol AlaSpark can't read.
    /// </summary>
    public IEnumerable<DeltaVersionChanges> GetChanges(long fromVersion)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(fromVersion);
        Log.EnsureExists();
        var commits = Log.Commits(fromVersion);
        if (commits.Count == 0 || commits[0].Version != fromVersion)
        {
            var range = Log.Range();
            var earliestCommit = Log.Commits(0).FirstOrDefault()?.Version;
            if (fromVersion > range.LatestVersion) return Array.Empty<DeltaVersionChanges>();
            throw new DeltaVersionNotFoundException(Path,
                $"Table {Path} no longer has the commit of version {fromVersion}: the earliest commit in its log is version {earliestCommit?.ToString() ?? "none"} (the latest version is {range.LatestVersion}).",
                earliestCommit ?? range.EarliestVersion, range.LatestVersion);
        }
        return Changes(commits);
    }

    private IEnumerable<DeltaVersionChanges> Changes(IReadOnlyList<CommitFile> commits)
    {
        var configuration = LatestMetadataConfiguration();
        DateTimeOffset? previous = null;
        for (var i = 0; i < commits.Count; i++)
        {
            if (commits[i].Version != commits[0].Version + i)
                throw new DeltaLogCorruptException(Path, commits[0].Version + i,
                    $"Table {Path}: the log's versions are not contiguous: version {commits[0].Version + i} is missing.");
            var actions = Log.ReadCommit(commits[i]);
            foreach (var protocol in actions.OfType<Protocol>()) ReaderFeatures.Check(protocol, Path, commits[i].Version);
            var timestamp = CommitTimestamp(commits[i], actions.OfType<CommitInfo>().FirstOrDefault(), configuration, previous);
            previous = timestamp;
            yield return new DeltaVersionChanges(commits[i].Version, timestamp, actions);
        }
    }

    private Snapshot Load(LogSegment segment)
    {
        var replay = new LogReplay(Path);
        if (segment.Checkpoint is not null) replay.Apply(Log.ReadCheckpoint(segment));
        CommitInfo? commitInfo = null;
        foreach (var commit in segment.Commits)
        {
            var actions = Log.ReadCommit(commit);
            replay.Apply(actions);
            if (commit.Version == segment.Version) commitInfo = actions.OfType<CommitInfo>().FirstOrDefault();
        }
        if (commitInfo is null && segment.VersionCommit is not null && segment.Commits.Count == 0)
            commitInfo = ReadCommitInfo(segment.VersionCommit); // the version is the checkpoint's; its commit is still there
        var timestamp = segment.VersionCommit is not null
            ? CommitTimestamp(segment.VersionCommit, commitInfo, replay.Metadata?.Configuration, null)
            : segment.Checkpoint!.Files[0].ModificationTime;
        return new Snapshot(this, segment, replay, commitInfo, timestamp);
    }

    private IReadOnlyDictionary<string, string>? LatestMetadataConfiguration()
    {
        try
        {
            return LatestSnapshot().Configuration;
        }
        catch (DeltaException)
        {
            return null; // timestamps of a table that can't be read: no In-Commit Timestamps
        }
    }

    /// <summary>
    /// Commit timestamps, made strictly increasing (a timestamp not after the previous one becomes the previous
    /// plus a millisecond, as Delta does for file modification times).
    /// </summary>
    private List<(long Version, DateTimeOffset Timestamp)> CommitTimestamps(IReadOnlyList<CommitFile> commits, IReadOnlyDictionary<string, string>? configuration)
    {
        var result = new List<(long, DateTimeOffset)>(commits.Count);
        DateTimeOffset? previous = null;
        foreach (var commit in commits)
        {
            var needsCommitInfo = Options.TimestampSource == CommitTimestampSource.CommitInfo || UsesInCommitTimestamp(commit.Version, configuration);
            var timestamp = CommitTimestamp(commit, needsCommitInfo ? ReadCommitInfo(commit) : null, configuration, previous);
            previous = timestamp;
            result.Add((commit.Version, timestamp));
        }
        return result;
    }

    private DateTimeOffset CommitTimestamp(CommitFile commit, CommitInfo? commitInfo, IReadOnlyDictionary<string, string>? configuration, DateTimeOffset? previous)
    {
        if (UsesInCommitTimestamp(commit.Version, configuration) && commitInfo?.InCommitTimestamp is { } ict)
            return DateTimeOffset.FromUnixTimeMilliseconds(ict);
        var timestamp = Options.TimestampSource == CommitTimestampSource.CommitInfo && commitInfo?.Timestamp is { } ts
            ? DateTimeOffset.FromUnixTimeMilliseconds(ts)
            : commit.File.ModificationTime;
        timestamp = DateTimeOffset.FromUnixTimeMilliseconds(timestamp.ToUnixTimeMilliseconds());
        return previous is { } p && timestamp <= p ? p.AddMilliseconds(1) : timestamp;
    }

    private static bool UsesInCommitTimestamp(long version, IReadOnlyDictionary<string, string>? configuration)
    {
        if (configuration is null || !configuration.TryGetValue(EnableInCommitTimestampsKey, out var enabled)
            || !enabled.Equals("true", StringComparison.OrdinalIgnoreCase))
            return false;
        return !configuration.TryGetValue(InCommitTimestampEnablementVersionKey, out var since)
               || !long.TryParse(since, out var from) || version >= from;
    }

    /// <summary>The first <c>commitInfo</c> of a commit file (In-Commit Timestamps put it first), or null.</summary>
    private CommitInfo? ReadCommitInfo(CommitFile commit)
    {
        string text;
        try
        {
            text = Encoding.UTF8.GetString(Store.Read(commit.File.Path));
        }
        catch (IOException)
        {
            return null;
        }
        using var reader = new StringReader(text);
        while (reader.ReadLine() is { } line)
        {
            if (!line.Contains("\"commitInfo\"", StringComparison.Ordinal)) continue;
            try
            {
                if (ActionJson.ParseLine(line) is CommitInfo info) return info;
            }
            catch (InvalidDataException)
            {
                return null;
            }
        }
        return null;
    }

    /// <summary>A time as messages show it: UTC, to the millisecond (<c>2026-01-01T10:00:00.000Z</c>).</summary>
    internal static string Format(DateTimeOffset t) =>
        t.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", System.Globalization.CultureInfo.InvariantCulture);
}
