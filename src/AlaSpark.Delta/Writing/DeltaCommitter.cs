using System.Globalization;
using System.Reflection;
using System.Text;
using System.Text.Json.Nodes;
using AlaSpark.Delta.Actions;
using AlaSpark.Delta.Log;

namespace AlaSpark.Delta.Writing;

/// <summary>What a commit is: the operation and its provenance, the version it read, whether it is a blind append.</summary>
public sealed record CommitRequest
{
    /// <summary>The operation as <c>commitInfo.operation</c> records it: <c>WRITE</c>, <c>CREATE TABLE</c>...</summary>
    public required string Operation { get; init; }

    /// <summary>
    /// <c>commitInfo.operationParameters</c>. Values are written as JSON strings (null as null), as Delta on Spark
    /// writes them: <c>{"mode":"Append","partitionBy":"[\"day\"]"}</c>.
    /// </summary>
    public IReadOnlyDictionary<string, string?> OperationParameters { get; init; } = new Dictionary<string, string?>();

    /// <summary><c>commitInfo.operationMetrics</c> (written as strings, as Delta on Spark writes them).</summary>
    public IReadOnlyDictionary<string, long> OperationMetrics { get; init; } = new Dictionary<string, long>();

    /// <summary>The version the transaction read; -1 when it creates the table (its commit is version 0).</summary>
    public long ReadVersion { get; init; } = -1;

    /// <summary>
    /// True when the transaction read none of the table's data: with only <c>add</c> (and <c>txn</c>) actions it is
    /// a blind append, which is retried at the next version when another writer commits first.
    /// </summary>
    public bool IsBlindAppend { get; init; }

    /// <summary>An application transaction: committed with the actions as a <c>txn</c>; a version at or below the
    /// one the table holds for the application is skipped.</summary>
    public TransactionId? Txn { get; init; }

    /// <summary>How many versions a blind append tries before giving up.</summary>
    public int MaxAttempts { get; init; } = 100;

    /// <summary><c>commitInfo.userMetadata</c>, when set.</summary>
    public string? UserMetadata { get; init; }
}

/// <summary>The outcome of a commit: the version written (or, when <see cref="Skipped"/>, the table's version, unchanged).</summary>
public sealed record CommitResult(long Version, bool Skipped)
{
    /// <summary>How many versions were tried (1 without a race).</summary>
    public int Attempts { get; init; } = 1;

    /// <summary>The version a checkpoint was written for after the commit, or null.</summary>
    public long? Checkpoint { get; init; }

    /// <summary>Why a due checkpoint could not be written (the commit itself succeeded), or null.</summary>
    public string? CheckpointError { get; init; }
}

/// <summary>
/// Commits actions to a Delta table's log, atomically and in order. The version file is created with
/// <see cref="Storage.ILogStore.PutIfAbsent"/>, so readers never see a part of it and a version is never
/// overwritten. When another writer took the version first, its commits are read: a blind append retries at the
/// next version unless one of them changed the protocol or metadata (or created the table) or committed the same
/// application transaction; any other transaction fails with <see cref="DeltaConcurrentModificationException"/>
/// naming the table, the version and what the other writer did. After a commit at a multiple of
/// <c>delta.checkpointInterval</c> (10) a checkpoint is written.
/// </summary>
public static class DeltaCommitter
{
    /// <summary><c>AlaSpark/&lt;version&gt;</c>, recorded as <c>commitInfo.engineInfo</c>.</summary>
    public static string EngineInfo { get; } = "AlaSpark/" + (typeof(DeltaCommitter).Assembly
        .GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
        ?? typeof(DeltaCommitter).Assembly.GetName().Version?.ToString() ?? "0");

    /// <summary>
    /// How commit lines are written: compact, UTF-8 as it is, and only what JSON requires escaped (quotes,
    /// backslashes, control characters), as Delta on Spark writes them.
    /// </summary>
    internal static readonly System.Text.Json.JsonSerializerOptions CommitJson = new()
    {
        WriteIndented = false,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public const string CheckpointIntervalKey = "delta.checkpointInterval";
    public const int DefaultCheckpointInterval = 10;

    /// <summary>
    /// Commits <paramref name="actions"/> (no <c>commitInfo</c>: it is made from <paramref name="request"/>).
    /// A table created by the commit needs its <c>protocol</c> and <c>metaData</c> among the actions.
    /// </summary>
    public static CommitResult Commit(DeltaTable table, IReadOnlyList<DeltaAction> actions, CommitRequest request)
    {
        Snapshot? snapshot = request.ReadVersion >= 0 ? table.SnapshotAt(request.ReadVersion) : null;
        return Commit(table, snapshot, actions, request);
    }

    internal static CommitResult Commit(DeltaTable table, Snapshot? readSnapshot, IReadOnlyList<DeltaAction> actions, CommitRequest request)
    {
        ArgumentNullException.ThrowIfNull(actions);
        ArgumentException.ThrowIfNullOrWhiteSpace(request.Operation);
        var path = table.Path;
        var readVersion = readSnapshot?.Version ?? -1;
        if (readVersion != request.ReadVersion)
            throw new ArgumentException($"The request reads version {request.ReadVersion}, the snapshot is version {readVersion}.", nameof(request));
        Validate(path, readSnapshot, actions);

        if (request.Txn is { } txn && readSnapshot?.TxnVersion(txn.AppId) is { } done && done >= txn.Version)
            return new CommitResult(readVersion, Skipped: true) { Attempts = 0 };

        var metadata = actions.OfType<Metadata>().FirstOrDefault() ?? readSnapshot!.Metadata;
        var protocol = actions.OfType<Protocol>().FirstOrDefault() ?? readSnapshot!.Protocol;
        // isBlindAppend as Delta records it: nothing of the table was read and every file action is an add. Only such
        // a commit without a protocol or metadata change of its own is retried over other writers' commits.
        var blind = request.IsBlindAppend && actions.All(a => a is not (RemoveFile or AddCdcFile or AddFile { DataChange: false }));
        var retryable = blind && !actions.Any(a => a is Metadata or Protocol);
        var now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        var ordered = Order(actions, request.Txn, now);
        var useIct = InCommitTimestampsEnabled(protocol, metadata);

        var version = readVersion + 1;
        var attempts = 0;
        long? lastIct = useIct && readSnapshot is not null ? PreviousInCommitTimestamp(table, readVersion) : null;
        while (true)
        {
            attempts++;
            var timestamp = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
            if (lastIct is { } previous && timestamp <= previous) timestamp = previous + 1;
            var commitInfo = CommitInfoJson(request, readVersion, blind, timestamp, useIct);
            var text = new StringBuilder().Append(new JsonObject { [CommitInfo.Key] = commitInfo }.ToJsonString(CommitJson)).Append('\n');
            foreach (var action in ordered) text.Append(new JsonObject { [action.ActionName] = action.ToJson() }.ToJsonString(CommitJson)).Append('\n');
            try
            {
                table.Store.PutIfAbsent(table.Log.LogFile(LogFileName.Commit(version)), Encoding.UTF8.GetBytes(text.ToString()));
                break;
            }
            catch (DeltaFileAlreadyExistsException)
            {
                // Another writer committed this version (and maybe more): read what it did.
                var winners = table.Log.Commits(version).TakeWhile((c, i) => c.Version == version + i).ToList();
                if (winners.Count == 0) winners = [new CommitFile(version, table.Store.Stat(table.Log.LogFile(LogFileName.Commit(version)))!)];
                foreach (var winner in winners)
                {
                    var winnerActions = table.Log.ReadCommit(winner);
                    var conflict = Conflict(winnerActions, retryable, request.Txn, readVersion);
                    if (conflict is not null)
                        throw new DeltaConcurrentModificationException(path, readVersion, winner.Version,
                            $"The commit to Delta table {path} failed: another writer committed version {winner.Version} first, and it {conflict}. " +
                            (retryable ? "" : $"This {request.Operation} {(readVersion < 0 ? "creates the table" : $"read version {readVersion}")} and is not a blind append of files alone, so it can't simply be retried at the next version. ") +
                            "Run it again on the table's new version.");
                    if (useIct && winnerActions.OfType<CommitInfo>().FirstOrDefault()?.InCommitTimestamp is { } ict) lastIct = ict;
                }
                version = winners[^1].Version + 1;
                if (attempts >= request.MaxAttempts)
                    throw new DeltaConcurrentModificationException(path, readVersion, version - 1,
                        $"The commit to Delta table {path} gave up after {attempts} attempts: other writers kept committing first (the latest is version {version - 1}).");
            }
        }

        var result = new CommitResult(version, Skipped: false) { Attempts = attempts };
        if (version > 0 && version % CheckpointInterval(metadata) == 0)
        {
            try
            {
                // The committed version is the read snapshot plus the commits after it (this one and any winners').
                CheckpointWriter.Write(readSnapshot is null ? table.SnapshotAt(version) : table.Advance(readSnapshot, version));
                result = result with { Checkpoint = version };
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or DeltaException or InvalidDataException)
            {
                // The commit is done; a missing checkpoint only makes reading slower.
                result = result with { CheckpointError = e.Message };
            }
        }
        return result;
    }

    /// <summary>The checkpoint interval of the table (<c>delta.checkpointInterval</c>, 10 by default).</summary>
    public static int CheckpointInterval(Metadata metadata) =>
        metadata.Configuration.TryGetValue(CheckpointIntervalKey, out var text) && int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n > 0
            ? n
            : DefaultCheckpointInterval;

    /// <summary>What a winning commit did that this transaction can't be retried over, or null when it can be.</summary>
    private static string? Conflict(IReadOnlyList<DeltaAction> winner, bool retryable, TransactionId? txn, long readVersion)
    {
        if (winner.OfType<Metadata>().Any())
            return readVersion < 0 ? "created the table (or replaced its metadata) at the same time" : "changed the table's metadata (schema, partitioning or properties)";
        if (winner.OfType<Protocol>().Any()) return "changed the table's protocol";
        if (txn is not null && winner.OfType<SetTransaction>().FirstOrDefault(t => t.AppId == txn.AppId) is { } same)
            return $"committed version {same.Version} of the same application transaction '{txn.AppId}'";
        if (retryable) return null;
        var adds = winner.OfType<AddFile>().Count();
        var removes = winner.OfType<RemoveFile>().Count();
        if (adds > 0 || removes > 0)
            return $"{(adds > 0 ? $"added {adds} file{(adds == 1 ? "" : "s")}" : "")}{(adds > 0 && removes > 0 ? " and " : "")}{(removes > 0 ? $"removed {removes} file{(removes == 1 ? "" : "s")}" : "")}";
        return null;
    }

    private static void Validate(string path, Snapshot? snapshot, IReadOnlyList<DeltaAction> actions)
    {
        string Bad(string what) => $"A commit to {path} can't hold {what}.";
        if (actions.OfType<CommitInfo>().Any()) throw new ArgumentException(Bad("a commitInfo action (it is written from the request)"));
        if (actions.Any(a => a is CheckpointMetadata or SidecarFile)) throw new ArgumentException(Bad("checkpoint actions"));
        if (actions.OfType<Metadata>().Count() > 1) throw new ArgumentException(Bad("two metaData actions"));
        if (actions.OfType<Protocol>().Count() > 1) throw new ArgumentException(Bad("two protocol actions"));
        if (actions.OfType<SetTransaction>().GroupBy(t => t.AppId).FirstOrDefault(g => g.Count() > 1) is { } twice)
            throw new ArgumentException(Bad($"two txn actions of the application '{twice.Key}'"));
        if (actions.OfType<AddFile>().GroupBy(a => a.Path).FirstOrDefault(g => g.Count() > 1) is { } addedTwice)
            throw new ArgumentException(Bad($"two add actions of '{addedTwice.Key}'"));
        if (actions.OfType<RemoveFile>().GroupBy(a => a.Path).FirstOrDefault(g => g.Count() > 1) is { } removedTwice)
            throw new ArgumentException(Bad($"two remove actions of '{removedTwice.Key}'"));
        if (snapshot is null && (!actions.OfType<Metadata>().Any() || !actions.OfType<Protocol>().Any()))
            throw new ArgumentException($"The commit creating the Delta table {path} needs a protocol and a metaData action.");
        var protocol = actions.OfType<Protocol>().FirstOrDefault() ?? snapshot!.Protocol;
        var metadata = actions.OfType<Metadata>().FirstOrDefault() ?? snapshot!.Metadata;
        if (metadata.PartitionColumns.Count > 0)
            foreach (var add in actions.OfType<AddFile>())
                if (metadata.PartitionColumns.FirstOrDefault(c => !add.PartitionValues.ContainsKey(c)) is { } missing)
                    throw new ArgumentException($"The file {add.Path} added to {path} has no value for the partition column '{missing}'.");
        if (snapshot is not null && actions.Any(a => a is RemoveFile { DataChange: true }) && WriterFeatures.IsAppendOnly(protocol, snapshot.Metadata))
            throw new DeltaUnsupportedWriteException(path, $"The Delta table {path} is append-only (delta.appendOnly=true): files can't be removed from it, so it can't be overwritten.");
    }

    /// <summary>protocol, metaData, txn, removes, adds, the rest (the order Delta writes them in).</summary>
    private static List<DeltaAction> Order(IReadOnlyList<DeltaAction> actions, TransactionId? txn, long now)
    {
        var result = new List<DeltaAction>();
        result.AddRange(actions.OfType<Protocol>());
        result.AddRange(actions.OfType<Metadata>());
        result.AddRange(actions.OfType<SetTransaction>());
        if (txn is not null && !actions.OfType<SetTransaction>().Any(t => t.AppId == txn.AppId))
            result.Add(new SetTransaction(txn.AppId, txn.Version, now));
        result.AddRange(actions.OfType<RemoveFile>());
        result.AddRange(actions.OfType<AddFile>());
        result.AddRange(actions.Where(a => a is not (Protocol or Metadata or SetTransaction or RemoveFile or AddFile)));
        return result;
    }

    private static JsonObject CommitInfoJson(CommitRequest request, long readVersion, bool blind, long timestamp, bool ict)
    {
        var obj = new JsonObject();
        if (ict) obj["inCommitTimestamp"] = timestamp;
        obj["timestamp"] = timestamp;
        obj["operation"] = request.Operation;
        var parameters = new JsonObject();
        foreach (var (key, value) in request.OperationParameters) parameters[key] = value;
        obj["operationParameters"] = parameters;
        if (readVersion >= 0) obj["readVersion"] = readVersion;
        obj["isolationLevel"] = "Serializable";
        obj["isBlindAppend"] = blind;
        var metrics = new JsonObject();
        foreach (var (key, value) in request.OperationMetrics) metrics[key] = value.ToString(CultureInfo.InvariantCulture);
        obj["operationMetrics"] = metrics;
        if (request.UserMetadata is not null) obj["userMetadata"] = request.UserMetadata;
        obj["engineInfo"] = EngineInfo;
        obj["txnId"] = Guid.NewGuid().ToString();
        return obj;
    }

    private static bool InCommitTimestampsEnabled(Protocol protocol, Metadata metadata) =>
        protocol.HasWriterFeature(WriterFeatures.InCommitTimestamp)
        && metadata.Configuration.TryGetValue(DeltaTable.EnableInCommitTimestampsKey, out var on) && on.Equals("true", StringComparison.OrdinalIgnoreCase);

    private static long? PreviousInCommitTimestamp(DeltaTable table, long version)
    {
        var file = table.Store.Stat(table.Log.LogFile(LogFileName.Commit(version)));
        if (file is null) return null;
        try
        {
            return table.Log.ReadCommit(new CommitFile(version, file)).OfType<CommitInfo>().FirstOrDefault()?.InCommitTimestamp
                   ?? file.ModificationTime.ToUnixTimeMilliseconds();
        }
        catch (DeltaException)
        {
            return file.ModificationTime.ToUnixTimeMilliseconds();
        }
    }
}
