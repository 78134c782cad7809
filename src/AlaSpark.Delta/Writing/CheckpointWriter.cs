using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using AlaSpark.Delta.Actions;
using AlaSpark.Delta.Log;
using Parquet.Schema;
using Parquet.Serialization;

namespace AlaSpark.Delta.Writing;

/// <summary>
/// Writes a classic single-file checkpoint (<c>n.checkpoint.parquet</c>, V1 spec) of a version, then
/// <c>_last_checkpoint</c>. The Parquet file has the protocol's checkpoint schema: one nullable struct column per
/// action type — <c>txn</c>, <c>add</c>, <c>remove</c>, <c>metaData</c>, <c>protocol</c>, <c>domainMetadata</c> —
/// and one action per row. Maps (<c>partitionValues</c>, <c>tags</c>, <c>configuration</c>,
/// <c>format.options</c>) are Parquet maps of strings, <c>partitionColumns</c> and the feature lists Parquet
/// lists, <c>add.stats</c> the JSON string (<c>delta.checkpoint.writeStatsAsJson</c>; AlaSpark does not write
/// <c>stats_parsed</c>). <c>remove</c> rows are tombstones for VACUUM, without <c>stats</c> and <c>tags</c>,
/// kept until <c>delta.deletedFileRetentionDuration</c> (a week) has passed. <c>readerFeatures</c> and
/// <c>writerFeatures</c> are columns only when the protocol lists features. commitInfo and cdc actions are not kept.
/// </summary>
public static class CheckpointWriter
{
    public const string DeletedFileRetentionKey = "delta.deletedFileRetentionDuration";

    /// <summary>Writes the checkpoint of <paramref name="version"/>; returns what <c>_last_checkpoint</c> now says.</summary>
    public static LastCheckpoint Write(DeltaTable table, long version) => Write(table.SnapshotAt(version));

    /// <summary>Writes the checkpoint of <paramref name="snapshot"/>'s version; returns what <c>_last_checkpoint</c> now says.</summary>
    public static LastCheckpoint Write(Snapshot snapshot)
    {
        var table = snapshot.Table;
        var version = snapshot.Version;
        var rows = new List<IDictionary<string, object?>>();
        var features = snapshot.Protocol.MinReaderVersion >= 3 || snapshot.Protocol.MinWriterVersion >= 7;
        rows.Add(Row("protocol", ProtocolRow(snapshot.Protocol, features)));
        rows.Add(Row("metaData", MetadataRow(snapshot.Metadata)));
        foreach (var txn in snapshot.TransactionActions.OrderBy(t => t.AppId, StringComparer.Ordinal))
            rows.Add(Row("txn", new Dictionary<string, object?> { ["appId"] = txn.AppId, ["version"] = txn.Version, ["lastUpdated"] = txn.LastUpdated }));
        foreach (var domain in snapshot.DomainMetadata.Values.OrderBy(d => d.Domain, StringComparer.Ordinal))
            rows.Add(Row("domainMetadata", new Dictionary<string, object?> { ["domain"] = domain.Domain, ["configuration"] = domain.Configuration, ["removed"] = domain.Removed }));
        var writeStats = !(snapshot.Configuration.TryGetValue("delta.checkpoint.writeStatsAsJson", out var asJson) && asJson.Equals("false", StringComparison.OrdinalIgnoreCase));
        foreach (var file in snapshot.Files) rows.Add(Row("add", AddRow(file.Add, writeStats)));
        var expiry = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() - (long)Retention(snapshot.Configuration).TotalMilliseconds;
        foreach (var remove in snapshot.Tombstones.Where(r => (r.DeletionTimestamp ?? 0) > expiry).OrderBy(r => r.Path, StringComparer.Ordinal))
            rows.Add(Row("remove", RemoveRow(remove)));

        byte[] bytes;
        using (var stream = new MemoryStream())
        {
            ParquetSerializer.SerializeUntypedAsync(rows, Schema(features), stream).ConfigureAwait(false).GetAwaiter().GetResult();
            bytes = stream.ToArray();
        }
        // Two writers of the same checkpoint write the same content: the last one wins, as the protocol allows.
        table.Store.WriteAtomically(table.Log.LogFile(LogFileName.ClassicCheckpoint(version)), bytes);

        var last = new JsonObject
        {
            ["version"] = version,
            ["size"] = rows.Count,
            ["sizeInBytes"] = bytes.LongLength,
            ["numOfAddFiles"] = snapshot.Files.Count,
        };
        last["checksum"] = LastCheckpoint.ComputeChecksum(last);
        // Never move _last_checkpoint back to an older checkpoint another writer may have made meanwhile.
        if (table.Log.ReadLastCheckpoint() is not { } existing || existing.Version < version)
            table.Store.WriteAtomically(table.Log.LogFile(LogFileName.LastCheckpoint), Encoding.UTF8.GetBytes(last.ToJsonString()));
        return new LastCheckpoint(version, rows.Count, null, bytes.LongLength, snapshot.Files.Count, (string)last["checksum"]!);
    }

    /// <summary><c>delta.deletedFileRetentionDuration</c> (<c>interval 7 days</c> and the like), a week by default.</summary>
    internal static TimeSpan Retention(IReadOnlyDictionary<string, string> configuration)
    {
        if (!configuration.TryGetValue(DeletedFileRetentionKey, out var text)) return TimeSpan.FromDays(7);
        var m = System.Text.RegularExpressions.Regex.Match(text.Trim(), @"^(?:interval\s+)?(\d+)\s*(second|minute|hour|day|week)s?$", System.Text.RegularExpressions.RegexOptions.IgnoreCase);
        if (!m.Success) return TimeSpan.FromDays(7);
        var n = double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
        return m.Groups[2].Value.ToLowerInvariant() switch
        {
            "second" => TimeSpan.FromSeconds(n),
            "minute" => TimeSpan.FromMinutes(n),
            "hour" => TimeSpan.FromHours(n),
            "week" => TimeSpan.FromDays(7 * n),
            _ => TimeSpan.FromDays(n),
        };
    }

    /// <summary>The checkpoint's Parquet schema (the protocol's "Checkpoint Schema"); every field nullable.</summary>
    internal static ParquetSchema Schema(bool features)
    {
        var protocol = new List<Field> { new DataField<int?>("minReaderVersion"), new DataField<int?>("minWriterVersion") };
        if (features)
        {
            protocol.Add(StringList("readerFeatures"));
            protocol.Add(StringList("writerFeatures"));
        }
        return new ParquetSchema(
            new StructField("txn", new DataField<string>("appId"), new DataField<long?>("version"), new DataField<long?>("lastUpdated")),
            new StructField("add",
                new DataField<string>("path"),
                StringMap("partitionValues"),
                new DataField<long?>("size"),
                new DataField<long?>("modificationTime"),
                new DataField<bool?>("dataChange"),
                new DataField<string>("stats"),
                StringMap("tags"),
                DeletionVector(),
                new DataField<long?>("baseRowId"),
                new DataField<long?>("defaultRowCommitVersion"),
                new DataField<string>("clusteringProvider")),
            new StructField("remove",
                new DataField<string>("path"),
                new DataField<long?>("deletionTimestamp"),
                new DataField<bool?>("dataChange"),
                new DataField<bool?>("extendedFileMetadata"),
                StringMap("partitionValues"),
                new DataField<long?>("size"),
                DeletionVector(),
                new DataField<long?>("baseRowId"),
                new DataField<long?>("defaultRowCommitVersion")),
            new StructField("metaData",
                new DataField<string>("id"),
                new DataField<string>("name"),
                new DataField<string>("description"),
                new StructField("format", new DataField<string>("provider"), StringMap("options")),
                new DataField<string>("schemaString"),
                StringList("partitionColumns"),
                StringMap("configuration"),
                new DataField<long?>("createdTime")),
            new StructField("protocol", protocol.ToArray()),
            new StructField("domainMetadata", new DataField<string>("domain"), new DataField<string>("configuration"), new DataField<bool?>("removed")));
    }

    private static StructField DeletionVector() => new("deletionVector",
        new DataField<string>("storageType"),
        new DataField<string>("pathOrInlineDv"),
        new DataField<int?>("offset"),
        new DataField<int?>("sizeInBytes"),
        new DataField<long?>("cardinality"),
        new DataField<long?>("maxRowIndex"));

    private static MapField StringMap(string name) => new(name, new DataField<string>("key", false), new DataField<string>("value", true));

    private static ListField StringList(string name) => new(name, new DataField<string>("element", true));

    private static Dictionary<string, object?> Row(string column, Dictionary<string, object?> value) => new() { [column] = value };

    private static Dictionary<string, object?> ProtocolRow(Protocol protocol, bool features)
    {
        var row = new Dictionary<string, object?> { ["minReaderVersion"] = protocol.MinReaderVersion, ["minWriterVersion"] = protocol.MinWriterVersion };
        if (features)
        {
            row["readerFeatures"] = protocol.MinReaderVersion >= 3 ? List(protocol.ReaderFeatures ?? Array.Empty<string>()) : null;
            row["writerFeatures"] = protocol.MinWriterVersion >= 7 ? List(protocol.WriterFeatures ?? Array.Empty<string>()) : null;
        }
        return row;
    }

    private static Dictionary<string, object?> MetadataRow(Metadata metadata) => new()
    {
        ["id"] = metadata.Id,
        ["name"] = metadata.Name,
        ["description"] = metadata.Description,
        ["format"] = new Dictionary<string, object?> { ["provider"] = metadata.Format.Provider, ["options"] = StringMapOf(metadata.Format.Options) },
        ["schemaString"] = metadata.SchemaString,
        ["partitionColumns"] = List(metadata.PartitionColumns),
        ["configuration"] = StringMapOf(metadata.Configuration),
        ["createdTime"] = metadata.CreatedTime,
    };

    private static Dictionary<string, object?> AddRow(AddFile add, bool writeStats) => new()
    {
        ["path"] = add.Path,
        ["partitionValues"] = Map(add.PartitionValues),
        ["size"] = add.Size,
        ["modificationTime"] = add.ModificationTime,
        ["dataChange"] = add.DataChange,
        ["stats"] = writeStats ? add.Stats : null,
        ["tags"] = add.Tags is null ? null : Map(add.Tags),
        ["deletionVector"] = Dv(add.DeletionVector),
        ["baseRowId"] = add.BaseRowId,
        ["defaultRowCommitVersion"] = add.DefaultRowCommitVersion,
        ["clusteringProvider"] = add.ClusteringProvider,
    };

    private static Dictionary<string, object?> RemoveRow(RemoveFile remove) => new()
    {
        ["path"] = remove.Path,
        ["deletionTimestamp"] = remove.DeletionTimestamp,
        ["dataChange"] = remove.DataChange,
        ["extendedFileMetadata"] = remove.ExtendedFileMetadata,
        ["partitionValues"] = remove.PartitionValues is null ? null : Map(remove.PartitionValues),
        ["size"] = remove.Size,
        ["deletionVector"] = Dv(remove.DeletionVector),
        ["baseRowId"] = remove.BaseRowId,
        ["defaultRowCommitVersion"] = remove.DefaultRowCommitVersion,
    };

    private static Dictionary<string, object?>? Dv(DeletionVectorDescriptor? dv) => dv is null ? null : new Dictionary<string, object?>
    {
        ["storageType"] = dv.StorageType,
        ["pathOrInlineDv"] = dv.PathOrInlineDv,
        ["offset"] = dv.Offset,
        ["sizeInBytes"] = dv.SizeInBytes,
        ["cardinality"] = dv.Cardinality,
        ["maxRowIndex"] = null,
    };

    // Parquet.Net's untyped writer takes the strings of maps and lists as ReadOnlyMemory<char>.
    private static Dictionary<ReadOnlyMemory<char>, ReadOnlyMemory<char>?> Map(IEnumerable<KeyValuePair<string, string?>> entries)
    {
        var map = new Dictionary<ReadOnlyMemory<char>, ReadOnlyMemory<char>?>();
        foreach (var (key, value) in entries.OrderBy(e => e.Key, StringComparer.Ordinal))
            map[key.AsMemory()] = value?.AsMemory();
        return map;
    }

    private static Dictionary<ReadOnlyMemory<char>, ReadOnlyMemory<char>?> StringMapOf(IReadOnlyDictionary<string, string> entries) =>
        Map(entries.Select(e => new KeyValuePair<string, string?>(e.Key, e.Value)));

    private static List<ReadOnlyMemory<char>?> List(IEnumerable<string> items) => items.Select(i => (ReadOnlyMemory<char>?)i.AsMemory()).ToList();
}
