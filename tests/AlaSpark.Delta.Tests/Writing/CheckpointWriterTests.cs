using System.Text.Json.Nodes;
using AlaSpark.Delta.Actions;
using AlaSpark.Delta.Log;
using AlaSpark.Delta.Writing;
using Parquet;
using Parquet.Schema;
using static AlaSpark.Delta.Tests.Writing.WriteTestData;

namespace AlaSpark.Delta.Tests.Writing;

public class CheckpointWriterTests
{
    /// <summary>Ten commits with appends, an overwrite (tombstones), application transactions and a domain.</summary>
    private static DeltaTable TenVersions(string path)
    {
        var table = Create(path);
        for (var v = 1; v <= 10; v++)
        {
            var txn = table.StartTransaction();
            if (v == 6) txn.RemoveAllFiles();
            txn.AddFile(DataFile(path, $"f{v}", v % 2 == 0 ? "even" : "odd wé/ird%", v));
            if (v is 3 or 7) txn.SetTransaction(new TransactionId("app-" + v, v * 10));
            if (v == 4) txn.Add(new DomainMetadata("my.domain", "{\"k\":1}", false));
            var result = txn.Commit("WRITE");
            Assert.Equal(v, result.Version);
            Assert.Equal(v == 10 ? 10L : null, result.Checkpoint);
            Assert.Null(result.CheckpointError);
        }
        return table;
    }

    [Fact]
    public void The_tenth_commit_writes_a_checkpoint_and_last_checkpoint()
    {
        using var temp = new TempTable();
        TenVersions(temp.Path);
        var checkpoint = Path.Combine(temp.Log, LogFileName.ClassicCheckpoint(10));
        Assert.True(File.Exists(checkpoint));
        Assert.Single(Directory.GetFiles(temp.Log, "*.checkpoint.parquet"));

        var text = File.ReadAllText(Path.Combine(temp.Log, LogFileName.LastCheckpoint));
        var json = (JsonObject)JsonNode.Parse(text)!;
        Assert.Equal(["version", "size", "sizeInBytes", "numOfAddFiles", "checksum"], json.Select(p => p.Key));
        Assert.Equal(LastCheckpoint.ComputeChecksum(json), (string?)json["checksum"]);
        var last = LastCheckpoint.TryParse(text)!;
        Assert.Equal(10L, last.Version);
        Assert.Equal(new FileInfo(checkpoint).Length, last.SizeInBytes);
        // protocol + metaData + 2 txn + 1 domain + 5 adds (versions 6..10) + 5 tombstones (versions 1..5)
        Assert.Equal(15L, last.Size);
        Assert.Equal(5L, last.NumOfAddFiles);
    }

    [Fact]
    public void The_snapshot_from_the_checkpoint_equals_the_snapshot_from_replaying_the_commits()
    {
        using var temp = new TempTable();
        TenVersions(temp.Path);
        var fromCheckpoint = DeltaTable.ForPath(temp.Path).LatestSnapshot();
        Assert.Equal(10L, fromCheckpoint.CheckpointVersion);

        using var copy = new TempTable();
        foreach (var file in Directory.EnumerateFiles(temp.Path, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(copy.Path, Path.GetRelativePath(temp.Path, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
        File.Delete(Path.Combine(copy.Log, LogFileName.ClassicCheckpoint(10)));
        File.Delete(Path.Combine(copy.Log, LogFileName.LastCheckpoint));
        var replayed = DeltaTable.ForPath(copy.Path).LatestSnapshot();
        Assert.Null(replayed.CheckpointVersion);

        Assert.Equal(replayed.Version, fromCheckpoint.Version);
        Assert.Equal(replayed.Protocol, fromCheckpoint.Protocol with { ReaderFeatures = null, WriterFeatures = null });
        Assert.Equal(replayed.Metadata.ToJson().ToJsonString(), fromCheckpoint.Metadata.ToJson().ToJsonString());
        Assert.Equal(replayed.Transactions, fromCheckpoint.Transactions);
        Assert.Equal(replayed.DomainMetadata, fromCheckpoint.DomainMetadata);
        Assert.Equal(Files(replayed), Files(fromCheckpoint));
        Assert.Equal(replayed.Tombstones.Select(Tombstone).Order(), fromCheckpoint.Tombstones.Select(Tombstone).Order());
        Assert.Equal(Ids(replayed), Ids(fromCheckpoint));
        Assert.Equal([6L, 7, 8, 9, 10], Ids(fromCheckpoint));
        Assert.Equal(["even", "odd wé/ird%"], fromCheckpoint.Files.Select(f => f.RawPartitionValues["part"]).Distinct().Order());
    }

    private static List<string> Files(Snapshot snapshot) =>
        snapshot.Files.Select(f => new JsonObject { ["p"] = Path.GetRelativePath(snapshot.TablePath, f.Path), ["a"] = f.Add.ToJson() }.ToJsonString()).Order().ToList();

    private static string Tombstone(RemoveFile r) => $"{r.Path}|{r.DeletionTimestamp}|{r.DataChange}|{r.Size}|{string.Join(",", r.PartitionValues!.Select(p => p.Key + "=" + p.Value))}";

    [Fact]
    public async Task The_checkpoint_has_the_protocols_schema()
    {
        using var temp = new TempTable();
        TenVersions(temp.Path);
        await using var stream = File.OpenRead(Path.Combine(temp.Log, LogFileName.ClassicCheckpoint(10)));
        await using var reader = await Parquet.ParquetReader.CreateAsync(stream);
        var schema = reader.Schema;
        Assert.Equal(["txn", "add", "remove", "metaData", "protocol", "domainMetadata"], schema.Fields.Select(f => f.Name));
        StructField Struct(string name) => (StructField)schema.Fields.Single(f => f.Name == name);
        Assert.Equal(["appId", "version", "lastUpdated"], Struct("txn").Fields.Select(f => f.Name));
        var add = Struct("add");
        Assert.Equal(["path", "partitionValues", "size", "modificationTime", "dataChange", "stats", "tags", "deletionVector", "baseRowId", "defaultRowCommitVersion", "clusteringProvider"],
            add.Fields.Select(f => f.Name));
        Assert.IsType<MapField>(add.Fields[1]);
        Assert.Equal(typeof(long), ((DataField)add.Fields[2]).ClrType);
        Assert.Contains(((DataField)add.Fields[5]).ClrType, new[] { typeof(string), typeof(ReadOnlyMemory<char>) });
        var remove = Struct("remove");
        Assert.DoesNotContain(remove.Fields, f => f.Name is "stats" or "tags"); // tombstones only
        Assert.Equal(["path", "deletionTimestamp", "dataChange", "extendedFileMetadata", "partitionValues", "size", "deletionVector", "baseRowId", "defaultRowCommitVersion"],
            remove.Fields.Select(f => f.Name));
        var metaData = Struct("metaData");
        Assert.Equal(["id", "name", "description", "format", "schemaString", "partitionColumns", "configuration", "createdTime"], metaData.Fields.Select(f => f.Name));
        Assert.IsType<ListField>(metaData.Fields[5]);
        Assert.IsType<MapField>(metaData.Fields[6]);
        Assert.Equal(["provider", "options"], ((StructField)metaData.Fields[3]).Fields.Select(f => f.Name));
        Assert.Equal(["minReaderVersion", "minWriterVersion"], Struct("protocol").Fields.Select(f => f.Name)); // no features: no feature columns
        Assert.Equal(typeof(int), ((DataField)Struct("protocol").Fields[0]).ClrType);
    }

    [Fact]
    public void A_table_features_protocol_is_checkpointed_with_its_feature_lists()
    {
        using var temp = new TempTable();
        var table = DeltaTable.Create(temp.Path, AlaSpark.Types.StructType.FromDdl("id BIGINT, at TIMESTAMP_NTZ"));
        CheckpointWriter.Write(table, 0);
        var snapshot = DeltaTable.ForPath(temp.Path).LatestSnapshot();
        Assert.Equal(0L, snapshot.CheckpointVersion);
        Assert.Equal(["timestampNtz"], snapshot.Protocol.ReaderFeatures!);
        Assert.Equal(["timestampNtz"], snapshot.Protocol.WriterFeatures!);
    }

    [Fact]
    public void Expired_tombstones_are_left_out_and_an_older_checkpoint_does_not_move_last_checkpoint_back()
    {
        using var temp = new TempTable();
        var table = Create(temp.Path, new Dictionary<string, string> { [CheckpointWriter.DeletedFileRetentionKey] = "interval 1 second", [DeltaCommitter.CheckpointIntervalKey] = "3" });
        Append(table, "a", "x", 1);
        var txn = table.StartTransaction();
        txn.RemoveAllFiles(deletionTimestamp: DateTimeOffset.UtcNow.AddMinutes(-1).ToUnixTimeMilliseconds());
        txn.Commit("DELETE");
        var third = Append(table, "b", "x", 2);
        Assert.Equal((3L, 3L), (third.Version, third.Checkpoint!.Value)); // delta.checkpointInterval = 3
        var snapshot = DeltaTable.ForPath(temp.Path).LatestSnapshot();
        Assert.Equal(3L, snapshot.CheckpointVersion);
        Assert.Empty(snapshot.Tombstones);

        CheckpointWriter.Write(table, 1);
        Assert.Equal(3L, table.Log.ReadLastCheckpoint()!.Version);
    }

    [Fact]
    public void Null_partition_values_tags_and_deletion_vectors_survive_a_checkpoint()
    {
        using var temp = new TempTable();
        var table = Create(temp.Path);
        var txn = table.StartTransaction();
        var add = DataFile(temp.Path, "n", "x", 1) with
        {
            PartitionValues = new Dictionary<string, string?> { ["part"] = null },
            Tags = new Dictionary<string, string?> { ["k"] = "v" },
            DeletionVector = new DeletionVectorDescriptor("i", "wi5b=000010000siXQKl0rr91000f55c8Xg0@@D72lkbi5=-{L", null, 40, 6),
        };
        txn.AddFile(add);
        txn.Commit("WRITE");
        CheckpointWriter.Write(table, 1);
        var file = DeltaTable.ForPath(temp.Path).LatestSnapshot().Files.Single();
        Assert.Null(file.RawPartitionValues["part"]);
        Assert.Equal("v", file.Add.Tags!["k"]);
        Assert.Equal(add.DeletionVector, file.DeletionVector);
        Assert.Equal(add.Stats, file.Add.Stats);
        Assert.Equal(1L, DeltaTable.ForPath(temp.Path).LatestSnapshot().CheckpointVersion);
    }

    [Theory]
    [InlineData("interval 2 days", 2 * 24 * 3600)]
    [InlineData("3 hours", 3 * 3600)]
    [InlineData("interval 1 week", 7 * 24 * 3600)]
    [InlineData("nonsense", 7 * 24 * 3600)]
    public void Retention_durations_are_read_as_delta_writes_them(string text, int seconds) =>
        Assert.Equal(TimeSpan.FromSeconds(seconds), CheckpointWriter.Retention(new Dictionary<string, string> { [CheckpointWriter.DeletedFileRetentionKey] = text }));
}
