using AlaSpark.Delta.Actions;
using AlaSpark.Delta.DeletionVectors;
using AlaSpark.Delta.Log;
using AlaSpark.Types;

namespace AlaSpark.Delta;

/// <summary>
/// The state of a Delta table at one version: protocol, metadata and schema, the active files, tombstones,
/// application transactions and domain metadata. Immutable; built by <see cref="DeltaTable"/> from the log.
/// </summary>
public sealed class Snapshot
{
    private readonly Dictionary<string, StructField> _partitionFields;

    internal Snapshot(DeltaTable table, LogSegment segment, LogReplay replay, CommitInfo? commitInfo, DateTimeOffset timestamp)
    {
        Table = table;
        Version = segment.Version;
        CheckpointVersion = segment.Checkpoint?.Version;
        VersionCommit = segment.VersionCommit;
        Timestamp = timestamp;
        CommitInfo = commitInfo;
        var path = table.Path;
        Protocol = replay.Protocol ?? throw new DeltaLogCorruptException(path, Version,
            $"Table {path} at version {Version} has no protocol action: " +
            (segment.Checkpoint is null ? "no commit up to this version holds one" : $"neither the checkpoint of version {segment.Checkpoint.Version} nor a later commit holds one") +
            ", so the table can't be read.");
        Metadata = replay.Metadata ?? throw new DeltaLogCorruptException(path, Version,
            $"Table {path} at version {Version} has no metadata (metaData action): " +
            (segment.Checkpoint is null ? "no commit up to this version holds one" : $"neither the checkpoint of version {segment.Checkpoint.Version} nor a later commit holds one") +
            ", so the table can't be read.");

        ReaderFeatures.Check(Protocol, path, Version);

        Schema = ParseSchema(Metadata.SchemaString, path, Version);
        ColumnMappingMode = ReaderFeatures.AllowsColumnMapping(Protocol)
            ? ColumnMapping.ParseMode(Metadata.Configuration.GetValueOrDefault(ColumnMapping.ModeKey), path, Version)
            : ColumnMappingMode.None;
        ColumnMapping.Validate(Schema, ColumnMappingMode, path, Version);
        TypeWidening.Validate(Schema, path, Version);

        _partitionFields = new Dictionary<string, StructField>(StringComparer.OrdinalIgnoreCase);
        foreach (var column in Metadata.PartitionColumns)
        {
            var field = Schema.Find(column) ?? throw new DeltaException(
                $"Table {path} at version {Version} is partitioned by '{column}', which is not a column of its schema ({string.Join(", ", Schema.FieldNames)}).");
            _partitionFields[column] = field;
        }

        Files = replay.Files.Select(f => new DeltaFile(f.Add, f.Path)).OrderBy(f => f.Path, StringComparer.Ordinal).ToList();
        Tombstones = replay.Tombstones.ToList();
        Transactions = replay.Transactions.ToDictionary(t => t.Key, t => t.Value.Version, StringComparer.Ordinal);
        TransactionActions = replay.Transactions.Values.ToList();
        DomainMetadata = replay.Domains.ToDictionary(d => d.Key, d => d.Value, StringComparer.Ordinal);
    }

    /// <summary>The table this snapshot is of.</summary>
    public DeltaTable Table { get; }

    /// <summary>The table's root folder.</summary>
    public string TablePath => Table.Path;

    public long Version { get; }

    /// <summary>The commit time of this version (see <see cref="DeltaTableOptions.TimestampSource"/>).</summary>
    public DateTimeOffset Timestamp { get; }

    /// <summary>The version of the checkpoint the snapshot was read from, or null when it was replayed from commit 0.</summary>
    public long? CheckpointVersion { get; }

    /// <summary>The commit file of <see cref="Version"/> as it was listed (null when only a checkpoint holds the version).</summary>
    internal CommitFile? VersionCommit { get; }

    public Protocol Protocol { get; }

    public Metadata Metadata { get; }

    /// <summary>The commit information of this version's commit, when its commit file holds one.</summary>
    public CommitInfo? CommitInfo { get; }

    /// <summary>The table schema (logical names). Empty when an old writer left <c>schemaString</c> out.</summary>
    public StructType Schema { get; }

    /// <summary>The schema of the data files: physical names under column mapping, the table schema otherwise.</summary>
    public StructType PhysicalSchema => ColumnMappingMode == ColumnMappingMode.None ? Schema : ColumnMapping.PhysicalSchema(Schema);

    public IReadOnlyList<string> PartitionColumns => Metadata.PartitionColumns;

    public IReadOnlyDictionary<string, string> Configuration => Metadata.Configuration;

    public ColumnMappingMode ColumnMappingMode { get; }

    /// <summary>The active logical files (the table's data), ordered by path.</summary>
    public IReadOnlyList<DeltaFile> Files { get; }

    /// <summary>The <c>remove</c> tombstones still in the log (for VACUUM; never read).</summary>
    public IReadOnlyList<RemoveFile> Tombstones { get; }

    /// <summary>The latest transaction version of each application id.</summary>
    public IReadOnlyDictionary<string, long> Transactions { get; }

    /// <summary>The latest <c>txn</c> action of each application (with its <c>lastUpdated</c>), for checkpoints.</summary>
    internal IReadOnlyList<SetTransaction> TransactionActions { get; }

    /// <summary>Live domain metadata by domain.</summary>
    public IReadOnlyDictionary<string, DomainMetadata> DomainMetadata { get; }

    /// <summary>The reader features the table's protocol lists (empty below reader version 3).</summary>
    public IReadOnlyList<string> ReaderFeatureNames => Protocol.MinReaderVersion >= 3 ? Protocol.ReaderFeatures ?? Array.Empty<string>() : Array.Empty<string>();

    /// <summary>The latest transaction version recorded by an application, or null.</summary>
    /// <summary>The logical file of an <c>add</c> action of this table's log (one of any version, for streaming reads).</summary>
    public DeltaFile FileOf(AddFile add) => new(add, DeltaPaths.Resolve(TablePath, add.Path));

    public long? TxnVersion(string appId) => Transactions.TryGetValue(appId, out var version) ? version : null;

    /// <summary>The physical name of a column (its name when column mapping is off).</summary>
    public string PhysicalName(string column)
    {
        var field = Schema.Find(column) ?? throw NoColumn(column);
        return ColumnMappingMode == ColumnMappingMode.None ? field.Name : ColumnMapping.PhysicalName(field);
    }

    /// <summary>
    /// A file's value for a partition column, as the CLR value of the column's type (see
    /// <see cref="PartitionValues"/>); null for a null or empty value.
    /// </summary>
    public object? PartitionValue(DeltaFile file, string column)
    {
        if (!_partitionFields.TryGetValue(column, out var field))
            throw new DeltaException(Schema.Find(column) is null
                ? NoColumn(column).Message
                : $"Table {TablePath}: '{column}' is not a partition column (they are: {(PartitionColumns.Count == 0 ? "none" : string.Join(", ", PartitionColumns))}).");
        var key = ColumnMappingMode == ColumnMappingMode.None ? field.Name : ColumnMapping.PhysicalName(field);
        if (!file.RawPartitionValues.TryGetValue(key, out var raw) && !file.RawPartitionValues.TryGetValue(field.Name, out raw))
            raw = file.RawPartitionValues.FirstOrDefault(kv => string.Equals(kv.Key, key, StringComparison.OrdinalIgnoreCase)).Value;
        try
        {
            return PartitionValues.Parse(raw, field.DataType);
        }
        catch (FormatException e)
        {
            throw new DeltaException($"Table {TablePath} at version {Version}: the partition value of '{field.Name}' for {file.Path} can't be read: {e.Message}", e);
        }
    }

    /// <summary>All partition values of a file, by (logical) partition column.</summary>
    public IReadOnlyDictionary<string, object?> PartitionValuesOf(DeltaFile file) =>
        PartitionColumns.ToDictionary(c => c, c => PartitionValue(file, c), StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// The row indexes (0-based positions in the data file) that the file's deletion vector removes, ascending;
    /// empty without one. A scan must not return these rows.
    /// </summary>
    public long[] DeletedRows(DeltaFile file)
    {
        if (file.DeletionVector is null) return Array.Empty<long>();
        try
        {
            return DeletionVectorReader.Read(Table.Store, TablePath, file.DeletionVector);
        }
        catch (Exception e) when (e is InvalidDataException or IOException)
        {
            throw new DeltaException($"Table {TablePath} at version {Version}: the deletion vector of {file.Path} can't be read: {e.Message}", e);
        }
    }

    private static StructType ParseSchema(string? schemaString, string path, long version)
    {
        if (string.IsNullOrWhiteSpace(schemaString)) return StructType.Empty;
        try
        {
            return StructType.FromJson(schemaString);
        }
        catch (Exception e) when (e is AlaSparkException or System.Text.Json.JsonException or InvalidOperationException or ArgumentException)
        {
            throw new DeltaException($"Table {path} at version {version} has a schema AlaSpark can't read: {e.Message}", e);
        }
    }

    private DeltaException NoColumn(string column) =>
        new($"Table {TablePath}: there is no column '{column}' (columns: {string.Join(", ", Schema.FieldNames)}).");
}
