using Parquet.Schema;
using Parquet.Serialization;

namespace AlaSpark.Delta.Tests;

public class CheckpointTests
{
    /// <summary>
    /// A checkpoint whose add rows carry only stats_parsed (writeStatsAsStruct=true, writeStatsAsJson=false),
    /// with partitionValues_parsed, and without txn, remove or domainMetadata columns (missing columns are null).
    /// </summary>
    [Fact]
    public async Task A_checkpoint_with_only_parsed_stats_and_missing_columns_is_read()
    {
        using var temp = new TempTable();
        Directory.CreateDirectory(temp.Log);
        var schema = new ParquetSchema(
            new StructField("protocol", new DataField<int>("minReaderVersion"), new DataField<int>("minWriterVersion")),
            new StructField("metaData", new DataField<string>("id"), new DataField<string>("schemaString"),
                new MapField("configuration", new DataField<string>("key", false), new DataField<string>("value"))),
            new StructField("add", new DataField<string>("path"),
                new MapField("partitionValues", new DataField<string>("key", false), new DataField<string>("value")),
                new DataField<long>("size"), new DataField<long>("modificationTime"), new DataField<bool>("dataChange"),
                new StructField("partitionValues_parsed", new DataField<int>("p")),
                new StructField("stats_parsed", new DataField<long>("numRecords"),
                    new StructField("minValues", new DataField<int>("a")))));
        var rows = new List<IDictionary<string, object?>>
        {
            new Dictionary<string, object?> { ["protocol"] = new Dictionary<string, object?> { ["minReaderVersion"] = 1, ["minWriterVersion"] = 2 } },
            new Dictionary<string, object?>
            {
                ["metaData"] = new Dictionary<string, object?>
                {
                    ["id"] = "t",
                    ["schemaString"] = """{"type":"struct","fields":[{"name":"a","type":"integer","nullable":true,"metadata":{}},{"name":"p","type":"integer","nullable":true,"metadata":{}}]}""",
                    ["configuration"] = Map(("delta.checkpoint.writeStatsAsStruct", "true")),
                },
            },
            new Dictionary<string, object?>
            {
                ["add"] = new Dictionary<string, object?>
                {
                    ["path"] = "p=7/f%20one.parquet",
                    ["partitionValues"] = Map(("p", "7")),
                    ["size"] = 10L, ["modificationTime"] = 20L, ["dataChange"] = false,
                    ["partitionValues_parsed"] = new Dictionary<string, object?> { ["p"] = 7 },
                    ["stats_parsed"] = new Dictionary<string, object?> { ["numRecords"] = 5L, ["minValues"] = new Dictionary<string, object?> { ["a"] = 1 } },
                },
            },
        };
        await using (var stream = File.Create(Path.Combine(temp.Log, "00000000000000000003.checkpoint.parquet")))
            await ParquetSerializer.SerializeUntypedAsync(rows, schema, stream);
        temp.Commit(4, """{"add":{"path":"p=8/g.parquet","partitionValues":{"p":"8"},"size":1,"modificationTime":1,"dataChange":true,"stats":"{\"numRecords\":2}"}}""");

        var snapshot = DeltaTable.ForPath(temp.Path).LatestSnapshot();
        Assert.Equal((4L, 3L), (snapshot.Version, snapshot.CheckpointVersion!.Value));
        Assert.Equal("struct<a:int,p:int>", snapshot.Schema.SimpleString);
        Assert.Equal("true", snapshot.Configuration["delta.checkpoint.writeStatsAsStruct"]);
        var fromCheckpoint = snapshot.Files.Single(f => f.Path.EndsWith("f one.parquet", StringComparison.Ordinal));
        Assert.Equal(5, fromCheckpoint.NumRecords);
        Assert.Equal("7", fromCheckpoint.RawPartitionValues["p"]);
        Assert.Equal(2, snapshot.Files.Single(f => f.Path.EndsWith("g.parquet", StringComparison.Ordinal)).NumRecords);
    }

    // Parquet.Net's untyped writer takes string maps as ReadOnlyMemory<char> keys and values.
    private static Dictionary<ReadOnlyMemory<char>, ReadOnlyMemory<char>?> Map(params (string Key, string Value)[] entries) =>
        entries.ToDictionary(e => e.Key.AsMemory(), e => (ReadOnlyMemory<char>?)e.Value.AsMemory());

    [Fact]
    public void An_unreadable_checkpoint_names_the_file_and_version()
    {
        using var temp = new TempTable();
        temp.Commit(0, """{"protocol":{"minReaderVersion":1,"minWriterVersion":2}}""");
        File.WriteAllText(Path.Combine(temp.Log, "00000000000000000000.checkpoint.parquet"), "not parquet");
        var error = Assert.Throws<DeltaLogCorruptException>(() => DeltaTable.ForPath(temp.Path).LatestSnapshot());
        Assert.Contains("the checkpoint 00000000000000000000.checkpoint.parquet (version 0) can't be read", error.Message);
    }

    [Fact]
    public void A_v2_checkpoint_reads_its_sidecars_and_a_missing_sidecar_is_an_error()
    {
        var snapshot = DeltaTable.ForPath(Golden.Table("v2-checkpoint-parquet")).LatestSnapshot();
        Assert.Equal(4, snapshot.Files.Count);
        using var copy = Golden.Copy("v2-checkpoint-json");
        foreach (var sidecar in Directory.GetFiles(Path.Combine(copy.Log, "_sidecars"), "*.parquet").Take(1)) File.Delete(sidecar);
        File.Delete(Path.Combine(copy.Log, "00000000000000000002.json")); // so the checkpoint is needed
        var error = Assert.Throws<DeltaLogCorruptException>(() => DeltaTable.ForPath(copy.Path).LatestSnapshot());
        Assert.Contains("checkpoint sidecar", error.Message);
    }
}
