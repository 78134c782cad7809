using System.Diagnostics;
using AlaSpark.Catalog;
using AlaSpark.Delta.Actions;
using AlaSpark.Delta.Writing;
using AlaSpark.Logging;
using AlaSpark.Types;

namespace AlaSpark.Delta;

/// <summary>
/// Writes a table as a Delta table and registers it in the catalog with the format <c>delta</c>. The engine
/// writes the Parquet data files (partitioned in <c>column=value/</c> folders, never overwriting a file);
/// then one commit adds them — and, for an overwrite, removes every file the table had (the files stay on disk
/// for time travel). Modes: <c>Append</c> (the default), <c>Overwrite</c>, <c>ErrorIfExists</c>, <c>Ignore</c>.
/// <c>MergeSchema</c> adds new columns (nullable); without it a different schema fails listing the differences.
/// With <see cref="WriteOptions.Txn"/> the write is idempotent: a version of the application already committed is
/// skipped before any file is written. Appends racing with other writers are retried at the next version.
/// </summary>
public sealed class DeltaWriter : Writer
{
    // The snapshot the last write of this writer read: the next write reads only the commits after it. A streaming
    // query keeps one writer, so a micro-batch does not read the table's checkpoint and commits again.
    private Snapshot? _lastRead;

    public override WrittenTable Write(ProcessedTable table, string database, WriteOptions options)
    {
        var session = table.Session;
        var watch = Stopwatch.StartNew();
        var (name, defaultLocation, preparedPartitions, schema) = Prepare(table, database, options);
        var target = $"{database}.{name}";
        var entry = ExistingTable(session, database, name, "delta", "Delta");
        var location = entry?.Location ?? defaultLocation;
        var log = new PipelineLog(session.Logger).ForTable(table.Source.FullName);
        if (table.PipelineName is { } pipeline) log = log.ForPipeline(pipeline);

        var result = Write(table.DataFrame, location, preparedPartitions, schema, options, target, log, _lastRead);
        _lastRead = result.ReadSnapshot;
        if (result.Outcome is DeltaWriteOutcome.Written or DeltaWriteOutcome.SkippedTxnCommitted && !IsRegistered(entry, location, result))
            Register(session.Catalog, database, name, location, result.Schema, result.PartitionColumns);
        if (result.Skipped)
            return new WrittenTable(database, name, location, "delta", result.Schema, result.PartitionColumns, 0, 0, 0, watch.Elapsed, table.Lineage)
            {
                Version = result.Version,
                Skipped = true,
                SourceTable = table.Source.FullName,
            };
        var written = new WrittenTable(database, name, location, "delta", result.Schema, result.PartitionColumns, result.Rows, result.Files, result.Bytes, watch.Elapsed, table.Lineage)
        {
            Version = result.Version,
            SourceScan = SourceScan(table),
            SourceTable = table.Source.FullName,
            Partitions = result.Partitions,
        };
        log.TableWritten(target, written.Rows, written.Files, written.Bytes, watch.Elapsed);
        return written;
    }

    /// <summary>
    /// Writes <paramref name="frame"/> to the Delta table at <paramref name="path"/> (created when there is none),
    /// without a catalog: the same files and commit as <see cref="Write(ProcessedTable, string, WriteOptions)"/>,
    /// with <see cref="WriteOptions.Mode"/>, <see cref="WriteOptions.PartitionBy"/> (none when null),
    /// <see cref="WriteOptions.MergeSchema"/> and <see cref="WriteOptions.Txn"/> (<see cref="WriteOptions.TableName"/> is
    /// not used). Invalid partition columns fail with an <see cref="AlaSparkException"/> before anything is written.
    /// </summary>
    public static DeltaWriteResult WriteToPath(DataFrame frame, string path, WriteOptions options, PipelineLog? log = null)
    {
        ArgumentNullException.ThrowIfNull(frame);
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(options);
        var schema = frame.Schema;
        var partitions = PartitionColumns.Validate(options.PartitionBy ?? [], schema, path);
        return Write(frame, path, partitions, schema, options, path, log ?? PipelineLog.None);
    }

    private static DeltaWriteResult Write(
        DataFrame frame, string location, IReadOnlyList<string> preparedPartitions, StructType schema, WriteOptions options, string target, PipelineLog log,
        Snapshot? lastRead = null)
    {
        var delta = DeltaTable.ForPath(location);
        FileWriteResult? files = null;
        IReadOnlyList<string>? filePartitions = null;
        for (var attempt = 1; ; attempt++)
        {
            var txn = attempt == 1 && lastRead is not null && lastRead.TablePath == delta.Path
                ? new DeltaTransaction(delta, delta.Refresh(lastRead))
                : delta.StartTransaction();
            var snapshot = txn.Snapshot;
            if (snapshot is not null && options.Mode == WriteMode.ErrorIfExists)
                throw new AlaSparkException($"The table {target} already exists at {location} (Delta version {snapshot.Version}; mode ErrorIfExists). Use Append or Overwrite.");
            if (snapshot is not null && options.Mode == WriteMode.Ignore)
            {
                log.Logger.Information("Skipped writing {Table}: it exists and the mode is Ignore", target);
                return DeltaWriteResult.SkippedAt(location, snapshot, DeltaWriteOutcome.SkippedIgnore);
            }
            if (options.Txn is { } appTxn && txn.IsCommitted(appTxn))
            {
                log.Logger.Information("Skipped writing {Table}: version {TxnVersion} of the application {AppId} is already committed (the table holds version {Committed})",
                    target, appTxn.Version, appTxn.AppId, snapshot!.TxnVersion(appTxn.AppId));
                return DeltaWriteResult.SkippedAt(location, snapshot, DeltaWriteOutcome.SkippedTxnCommitted);
            }

            var (_, partitions, metadata) = Plan(snapshot, schema, preparedPartitions, options, target);
            if (files is null)
            {
                files = frame.Engine.WriteFiles(frame.Plan, new FileWriteRequest(location, "parquet", partitions, Overwrite: false));
                filePartitions = partitions;
            }
            else if (!filePartitions!.SequenceEqual(partitions, StringComparer.OrdinalIgnoreCase))
                throw new AlaSparkException($"The table {target} was created by another writer meanwhile, partitioned by [{string.Join(", ", partitions)}]; this write partitioned its files by [{string.Join(", ", filePartitions!)}]. Write again.");

            if (metadata is not null) txn.UpdateMetadata(metadata);
            var removed = options.Mode == WriteMode.Overwrite ? txn.RemoveAllFiles() : 0;
            var modificationTime = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
            txn.AddFiles(files.Files.Select(f => txn.AddFileFor(f, modificationTime)));
            if (options.Txn is { } t) txn.SetTransaction(t);
            var metrics = new Dictionary<string, long>
            {
                ["numFiles"] = files.Files.Count,
                ["numOutputRows"] = files.Rows,
                ["numOutputBytes"] = files.Bytes,
            };
            if (options.Mode == WriteMode.Overwrite) metrics["numRemovedFiles"] = removed;
            CommitResult commit;
            try
            {
                commit = txn.Commit("WRITE", new Dictionary<string, string?>
                {
                    ["mode"] = options.Mode.ToString(),
                    ["partitionBy"] = MetadataFactory.JsonList(partitions),
                }, metrics);
            }
            catch (DeltaConcurrentModificationException) when (attempt == 1 && snapshot is null)
            {
                // Another writer created the table first: write to it as it now is (the files are already written).
                continue;
            }
            if (commit.CheckpointError is { } checkpointError)
                log.Logger.Warning("The checkpoint of {Table} at version {Version} was not written: {Reason}", target, commit.Version, checkpointError);
            if (commit.Skipped)
            {
                log.Logger.Information("Skipped writing {Table}: the application transaction was committed meanwhile", target);
                return DeltaWriteResult.SkippedAt(location, delta.LatestSnapshot(), DeltaWriteOutcome.SkippedTxnCommittedMeanwhile);
            }

            return new DeltaWriteResult(location, txn.Schema, txn.Metadata!.PartitionColumns, commit.Version, files.Rows, files.Files.Count, files.Bytes)
            {
                Outcome = DeltaWriteOutcome.Written,
                ReadSnapshot = snapshot,
                Partitions = files.Files.Select(f => Path.GetDirectoryName(f.RelativePath) ?? "").Where(p => p.Length > 0).Distinct().Order(StringComparer.Ordinal).ToList(),
            };
        }
    }

    /// <summary>The schema, partitioning and new metadata (null when unchanged) of a write.</summary>
    private static (StructType Schema, IReadOnlyList<string> Partitions, Metadata? Metadata) Plan(
        Snapshot? snapshot, StructType incoming, IReadOnlyList<string> prepared, WriteOptions options, string target)
    {
        if (snapshot is null)
            return (incoming, prepared, MetadataFactory.New(incoming, prepared));
        var existing = snapshot.Schema;
        var existingPartitions = snapshot.PartitionColumns;
        var explicitPartitions = options.PartitionBy is not null;
        if (options.Mode == WriteMode.Overwrite)
        {
            // An overwrite replaces the rows and, unless MergeSchema asks to keep the old columns, the schema and partitioning.
            var schema = options.MergeSchema ? MergeSchemas(existing, incoming, target) : incoming;
            var partitions = explicitPartitions || !prepared.SequenceEqual(existingPartitions, StringComparer.OrdinalIgnoreCase) && prepared.Count > 0
                ? prepared
                : existingPartitions.Where(p => schema.Find(p) is not null).ToList();
            partitions = PartitionColumns.Validate(partitions, schema, target);
            var changed = !schema.Equals(existing) || !partitions.SequenceEqual(existingPartitions, StringComparer.Ordinal);
            return (schema, partitions, changed ? MetadataFactory.WithSchema(snapshot.Metadata, schema, partitions) : null);
        }

        // Append: the table's partitioning; its schema, plus new columns with MergeSchema.
        if (explicitPartitions && !prepared.SequenceEqual(existingPartitions, StringComparer.OrdinalIgnoreCase))
            throw new AlaSparkException(
                $"The table {target} is partitioned by [{string.Join(", ", existingPartitions)}]; this write partitions by [{string.Join(", ", prepared)}]. Use the same partition columns, or Overwrite.");
        var differences = new List<string>();
        var added = new List<StructField>();
        foreach (var field in incoming.Fields)
        {
            var old = existing.Find(field.Name);
            if (old is null) added.Add(field);
            else if (!old.DataType.Equals(field.DataType))
                differences.Add($"column '{field.Name}' changes type from {old.DataType.SimpleString} to {field.DataType.SimpleString}");
        }
        foreach (var field in existing.Fields)
            if (incoming.Find(field.Name) is null && (!field.Nullable || existingPartitions.Contains(field.Name, StringComparer.OrdinalIgnoreCase)))
                differences.Add($"column '{field.Name}' is missing ({(field.Nullable ? "a partition column" : "it is NOT NULL")})");
        if (!options.MergeSchema)
            differences.InsertRange(0, added.Select(f => $"new column '{f.Name}' ({f.DataType.SimpleString})"));
        if (differences.Count > 0)
            throw new AlaSparkException(
                $"The schema written to the Delta table {target} differs from the table's (version {snapshot.Version}): {string.Join("; ", differences)}. " +
                (options.MergeSchema ? "MergeSchema only adds new columns; cast the columns back, or Overwrite the table." : "Set MergeSchema to add new columns, or Overwrite the table."));
        if (added.Count == 0) return (existing, existingPartitions, null);
        var merged = new StructType(existing.Fields.Concat(added.Select(f => f with { Nullable = true })));
        return (merged, existingPartitions, MetadataFactory.WithSchema(snapshot.Metadata, merged));
    }

    /// <summary>True when the catalog entry already says what the write left: no catalog write needed (an append of the same schema).</summary>
    private static bool IsRegistered(CatalogTable? entry, string location, DeltaWriteResult result) =>
        entry is not null && entry.Format == "delta" && entry.Location == location && entry.Properties.Count == 0
        && Equals(entry.Schema, result.Schema) && entry.PartitionColumns.SequenceEqual(result.PartitionColumns, StringComparer.Ordinal);

    private static void Register(ICatalog catalog, string database, string name, string location, StructType schema, IReadOnlyList<string> partitions) =>
        catalog.CreateOrUpdateTable(new CatalogTable(database, name, location, "delta", schema, partitions));
}

/// <summary>What <see cref="DeltaWriter.WriteToPath"/> did: the table's location, schema and partition columns after the
/// write, the version it committed (or, when skipped, the table's latest version), and the rows, files and bytes it
/// added (0 when skipped).</summary>
public sealed record DeltaWriteResult(
    string Location, StructType Schema, IReadOnlyList<string> PartitionColumns, long Version, long Rows, int Files, long Bytes)
{
    /// <summary>Why the write committed nothing, or <see cref="DeltaWriteOutcome.Written"/>.</summary>
    public DeltaWriteOutcome Outcome { get; init; }

    /// <summary>True when nothing was written: <c>WriteMode.Ignore</c> on an existing table, or an application
    /// transaction (<see cref="WriteOptions.Txn"/>) already committed.</summary>
    public bool Skipped => Outcome != DeltaWriteOutcome.Written;

    /// <summary>The distinct partition folders written to.</summary>
    public IReadOnlyList<string> Partitions { get; init; } = [];

    /// <summary>The snapshot the write started from (null when it created the table).</summary>
    internal Snapshot? ReadSnapshot { get; init; }

    internal static DeltaWriteResult SkippedAt(string location, Snapshot snapshot, DeltaWriteOutcome outcome) =>
        new(location, snapshot.Schema, snapshot.PartitionColumns, snapshot.Version, 0, 0, 0) { Outcome = outcome, ReadSnapshot = snapshot };
}

/// <summary>How a Delta write ended.</summary>
public enum DeltaWriteOutcome
{
    /// <summary>A new version was committed.</summary>
    Written,

    /// <summary>Nothing was written: the table exists and the mode is <c>Ignore</c>.</summary>
    SkippedIgnore,

    /// <summary>Nothing was written: the application transaction was already committed when the write started.</summary>
    SkippedTxnCommitted,

    /// <summary>Nothing was committed: another writer committed the application transaction while the files were written.</summary>
    SkippedTxnCommittedMeanwhile,
}

/// <summary>
/// Reads a Delta table of the catalog (or at a location) at its latest version, or at an older one with the
/// options <c>versionAsOf</c> or <c>timestampAsOf</c> (<c>reader.Options["versionAsOf"] = "3"</c>), as Spark's
/// Delta reader takes them. The schema comes from the table's log, not the catalog.
/// </summary>
public sealed class DeltaReader : Reader
{
    public override string Format => "delta";

    public override ProcessedTable Read(SourceTable table)
    {
        var options = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (k, v) in table.Entry.Properties) options[k] = v;
        foreach (var (k, v) in Options) options[k] = v;
        var source = new Plan.DataSource(Format, Plan.ValueList.Of(table.Location), null, new Plan.ValueMap(options));
        return new ProcessedTable(table, new DataFrame(table.Session.Engine, new Plan.Read(source)));
    }
}
