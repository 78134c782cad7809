using AlaSpark.Delta.Actions;
using AlaSpark.Delta.Log;
using AlaSpark.Delta.Writing;
using AlaSpark.Types;
using Parquet.Schema;
using Parquet.Serialization;
using static AlaSpark.Delta.Tests.Writing.WriteTestData;

namespace AlaSpark.Delta.Tests.Robustness;

/// <summary>Every action the transaction API writes holds the protocol's required fields with their JSON types.</summary>
public class ProtocolValidityTests
{
    private static readonly StructType Flat = StructType.FromDdl("id BIGINT, at TIMESTAMP_NTZ");

    /// <summary>An unpartitioned data file of ids (the <c>at</c> column is absent from the file: read as null).</summary>
    private static AddFile FlatFile(DeltaTransaction txn, string name, params long[] ids)
    {
        var file = Path.Combine(txn.Table.Path, name + ".parquet");
        using (var stream = File.Create(file))
            ParquetSerializer.SerializeUntypedAsync(ids.Select(i => (IDictionary<string, object?>)new Dictionary<string, object?> { ["id"] = i }).ToList(),
                new ParquetSchema(new DataField<long>("id")), stream).GetAwaiter().GetResult();
        return txn.AddFileFor(new WrittenFile(name + ".parquet", new Dictionary<string, string?>(), new FileInfo(file).Length, ids.Length)
        {
            Statistics = new Dictionary<string, ColumnStatistics> { ["id"] = new(ids.Min(), ids.Max(), 0) },
        });
    }

    [Fact]
    public void Create_appends_overwrite_txn_and_checkpoint_of_a_partitioned_table_are_valid()
    {
        using var temp = new TempTable();
        var table = Create(temp.Path, new Dictionary<string, string> { ["delta.appendOnly"] = "false" });
        ProtocolValidator.AssertValid(temp.Path);
        for (var i = 0; i < 6; i++) Append(table, $"a{i}", i % 2 == 0 ? "x" : "y z/%", i * 10, i * 10 + 1);
        // a txn write
        var txn = table.StartTransaction();
        txn.AddFile(DataFile(temp.Path, "t1", "x", 100));
        txn.SetTransaction(new TransactionId("loader", 1));
        txn.Commit("WRITE", new Dictionary<string, string?> { ["mode"] = "Append" });
        // an overwrite
        var overwrite = table.StartTransaction();
        Assert.Equal(7, overwrite.RemoveAllFiles());
        overwrite.AddFile(DataFile(temp.Path, "o1", "x", 200, 201));
        overwrite.Commit("WRITE", new Dictionary<string, string?> { ["mode"] = "Overwrite" });
        // past the checkpoint at 10, with a schema change (merge: a new column)
        for (var i = 0; i < 3; i++) Append(table, $"b{i}", "y", 300 + i);
        var merge = table.StartTransaction();
        merge.UpdateMetadata(MetadataFactory.WithSchema(merge.Metadata!, StructType.FromDdl("id BIGINT, part STRING, extra INT")));
        merge.Commit("WRITE", new Dictionary<string, string?> { ["mode"] = "Append" });
        Append(table, "c0", "x", 400);

        var snapshot = table.LatestSnapshot();
        Assert.Equal(13, snapshot.Version);
        Assert.Equal(10, snapshot.CheckpointVersion);
        Assert.True(File.Exists(Path.Combine(temp.Log, LogFileName.ClassicCheckpoint(10))));
        ProtocolValidator.AssertValid(temp.Path);
        Assert.Equal([200L, 201, 300, 301, 302, 400], Ids(snapshot));
    }

    [Fact]
    public void An_unpartitioned_table_with_reader_features_and_txns_is_valid()
    {
        using var temp = new TempTable();
        var table = DeltaTable.Create(temp.Path, Flat);
        Assert.Equal(3, table.LatestSnapshot().Protocol.MinReaderVersion); // timestamp_ntz: features at 3/7
        for (var i = 0; i < 11; i++)
        {
            var txn = table.StartTransaction();
            txn.AddFile(FlatFile(txn, $"f{i}", i, i + 100));
            txn.SetTransaction(new TransactionId("app-" + (i % 3), i));
            txn.Commit("WRITE", new Dictionary<string, string?> { ["mode"] = "Append", ["partitionBy"] = "[]" });
        }
        ProtocolValidator.AssertValid(temp.Path);
        var snapshot = table.LatestSnapshot();
        Assert.Equal((11L, 10L), (snapshot.Version, snapshot.CheckpointVersion!.Value));
        Assert.Equal(Enumerable.Range(0, 11).SelectMany(i => new long[] { i, i + 100 }).Order(), Ids(snapshot));
        Assert.Equal(10L, snapshot.TxnVersion("app-1"));
    }

    /// <summary>The validator itself: each kind of broken action is reported (so the tests above can fail).</summary>
    [Theory]
    [InlineData("""{"protocol":{"minReaderVersion":"1","minWriterVersion":2}}""", "minReaderVersion")]
    [InlineData("""{"protocol":{"minReaderVersion":1,"minWriterVersion":2,"writerFeatures":["x"]}}""", "writerFeatures with minWriterVersion 2")]
    [InlineData("""{"protocol":{"minReaderVersion":3,"minWriterVersion":7,"readerFeatures":["timestampNtz"],"writerFeatures":[]}}""", "not also a writer feature")]
    [InlineData("""{"metaData":{"id":"5b2f9a3e-5c1a-4e6f-9a1b-2f2c3d4e5f60","format":{"provider":"parquet","options":{}},"schemaString":"{\"type\":\"struct\",\"fields\":[{\"name\":\"id\",\"type\":\"long\",\"nullable\":true,\"metadata\":{}}]}","partitionColumns":["nope"],"configuration":{},"createdTime":1}}""", "partition column 'nope'")]
    [InlineData("""{"metaData":{"id":"5b2f9a3e-5c1a-4e6f-9a1b-2f2c3d4e5f60","format":{"provider":"parquet","options":{}},"schemaString":"not json","partitionColumns":[],"configuration":{"a":1},"createdTime":1}}""", "schemaString does not parse")]
    [InlineData("""{"add":{"path":"f.parquet","partitionValues":{},"size":"10","modificationTime":1,"dataChange":true}}""", "'size' is missing or not a long")]
    [InlineData("""{"add":{"path":"f.parquet","partitionValues":{"p":"1"},"size":10,"modificationTime":1,"dataChange":true}}""", "not exactly the partition columns")]
    [InlineData("""{"add":{"path":"f.parquet","partitionValues":{},"size":10,"modificationTime":1,"dataChange":"true"}}""", "dataChange")]
    [InlineData("""{"add":{"path":"f.parquet","partitionValues":{},"size":10,"modificationTime":1,"dataChange":true,"stats":"{\"minValues\":{}}"}}""", "numRecords")]
    [InlineData("""{"add":{"path":"f.parquet","partitionValues":{},"size":10,"modificationTime":1,"dataChange":true,"stats":{"numRecords":1}}}""", "stats is not a string")]
    [InlineData("""{"add":{"path":"missing file.parquet","partitionValues":{},"size":10,"modificationTime":1,"dataChange":true}}""", "unescaped space")]
    [InlineData("""{"remove":{"path":"f.parquet","dataChange":true}}""", "deletionTimestamp")]
    [InlineData("""{"txn":{"appId":"a","version":1.5}}""", "'version' is missing or not a long")]
    [InlineData("""{"commitInfo":{"timestamp":1}}""", "2 commitInfo actions")]
    public void The_validator_reports_each_broken_action(string line, string expected)
    {
        using var temp = new TempTable();
        var table = DeltaTable.Create(temp.Path, StructType.FromDdl("id BIGINT"));
        File.WriteAllBytes(Path.Combine(temp.Path, "f.parquet"), [1]);
        Assert.Empty(ProtocolValidator.Validate(temp.Path));
        temp.Commit(1, """{"commitInfo":{"timestamp":1}}""", line);
        temp.Commit(2, """{"txn":{"appId":"a","version":1}}""", """{"commitInfo":{"timestamp":1}}""");
        var problems = ProtocolValidator.Validate(temp.Path);
        Assert.Contains(problems, p => p.Contains(expected, StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("00000000000000000002.json: commitInfo is not the first action", StringComparison.Ordinal));
        _ = table;
    }

    [Fact]
    public void The_validator_reports_a_gap_two_commit_infos_and_a_bad_checkpoint()
    {
        using var temp = new TempTable();
        DeltaTable.Create(temp.Path, StructType.FromDdl("id BIGINT"));
        temp.Commit(1, """{"commitInfo":{}}""", """{"commitInfo":{}}""");
        temp.Commit(3, """{"commitInfo":{}}""");
        File.WriteAllText(Path.Combine(temp.Log, LogFileName.ClassicCheckpoint(1)), "not parquet");
        var problems = ProtocolValidator.Validate(temp.Path);
        Assert.Contains(problems, p => p.Contains("2 commitInfo actions", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("not contiguous", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("not a readable Parquet file", StringComparison.Ordinal));
    }
}
