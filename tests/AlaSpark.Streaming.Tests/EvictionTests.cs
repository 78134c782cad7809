using System.Globalization;
using System.Text.Json.Nodes;
using AlaSpark.Types;

namespace AlaSpark.Streaming.Tests;

/// <summary>
/// The DropDuplicates state over a long stream of fresh keys. The batches come from a source made in memory and go
/// to a memory sink (Spark's <c>memory</c> format for tests): 1,000 CSV files and Delta commits would take a minute.
/// They go through the same query, checkpoint and state store; the sink runs each batch's plan on DuckDB.
/// </summary>
public sealed class EvictionTests
{
    private static readonly StructType Schema = StructType.FromDdl("id INT, name STRING, ts TIMESTAMP");
    private static readonly DateTime Start = new(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    /// <summary>Batch <c>n</c> holds <c>keysPerBatch</c> new ids, with the event time <c>Start + n seconds</c>, and one id of the batch before.</summary>
    private sealed class FreshKeysSource(SourceTable table, int batches, int keysPerBatch) : StreamSource
    {
        public override SourceTable Table => table;

        public override void Restore(StreamCheckpoint checkpoint, int index, long? lastPlannedBatch) { }

        public override void BoundToAvailableNow() { }

        public override string? PlanBatch(long batchId, bool respectLimits) =>
            batchId < batches ? new JsonObject { ["batch"] = batchId }.ToJsonString() : null;

        public override ProcessedTable GetBatch(long batchId, string offset, string? quarantineFolder)
        {
            var n = JsonNode.Parse(offset)!["batch"]!.GetValue<long>();
            var time = Start.AddSeconds(n);
            var ids = Enumerable.Range((int)n * keysPerBatch, keysPerBatch).ToList();
            if (n > 0) ids.Add((int)n * keysPerBatch - 1); // a duplicate of the batch before, still within the watermark
            var rows = ids.Select(id => new object?[] { id, "n" + id.ToString(CultureInfo.InvariantCulture), time });
            return new ProcessedTable(table, table.Session.CreateDataFrame(Schema, rows));
        }

        public override string? QuarantineFolder(Guid queryId, long batchId) => null;

        public override string Describe(long batchId, string offset) => "fresh keys " + offset;
    }

    /// <summary>Keeps each batch's rows in memory, once per transaction.</summary>
    private sealed class MemorySink : StreamingWriter
    {
        public List<Row> Rows { get; } = [];
        private long _lastBatch = -1;

        public override bool IsCommitted(AlaSparkSession session, string database, string table, TransactionId txn) => txn.Version <= _lastBatch;

        public override WrittenTable WriteBatch(ProcessedTable batch, string database, StreamWriteOptions options, TransactionId txn)
        {
            var rows = batch.DataFrame.Collect();
            Rows.AddRange(rows);
            _lastBatch = txn.Version;
            return new WrittenTable(database, "memory", "", "memory", batch.DataFrame.Schema, [], rows.Count, 0, 0, TimeSpan.Zero, batch.Lineage);
        }
    }

    [Fact]
    public void WithAWatermark_TheStateStaysBounded_Over1000BatchesOfFreshKeys()
    {
        const int batches = 1000, keysPerBatch = 3, delaySeconds = 10;
        using var lake = new StreamLake();
        var source = new FreshKeysSource(lake.Session.Catalog.Database("raw__shop").Table("events"), batches, keysPerBatch);
        var sink = new MemorySink();

        var query = new StreamingTable(source, [])
            .Apply(new AddWatermark("ts", $"{delaySeconds} seconds"))
            .Apply(new DropDuplicates(["id"]))
            .Write(sink, "cooked__shop", new StreamWriteOptions { CheckpointLocation = lake.CheckpointFolder, ProgressToKeep = batches });
        query.AwaitTermination();

        // Batch n runs with the watermark Start + (n - 1 - delay) seconds and evicts the keys at or before it: the
        // keys of the last delay + 1 batches stay, whatever the number of batches.
        const int bound = (delaySeconds + 1) * keysPerBatch;
        var sizes = query.RecentProgress.Select(p => p.StateRowsTotal).ToList();
        Assert.Equal(batches, sizes.Count);
        Assert.Equal(bound, sizes.Max());
        Assert.Equal(bound, sizes[^1]);
        var stateFiles = Directory.GetFiles(Path.Combine(lake.CheckpointFolder, "state", "1"));
        Assert.Equal([batches - 1L, batches], stateFiles.Select(f => long.Parse(Path.GetFileName(f), CultureInfo.InvariantCulture)).Order());
        Assert.All(stateFiles, f => Assert.InRange(new FileInfo(f).Length, 1, 100 * bound));
        Assert.Equal(Start.AddSeconds(batches - 2 - delaySeconds), query.LastProgress!.Watermark!.Value.UtcDateTime);
        // Every id once: the duplicate in each batch was dropped by the state.
        Assert.Equal(batches * keysPerBatch, sink.Rows.Count);
        Assert.Equal(batches * keysPerBatch, sink.Rows.Select(r => (int)r[0]!).Distinct().Count());
    }

    [Fact]
    public void WithoutAWatermark_TheStateKeepsEveryKey()
    {
        using var lake = new StreamLake();
        var source = new FreshKeysSource(lake.Session.Catalog.Database("raw__shop").Table("events"), 20, 3);

        var query = new StreamingTable(source, [])
            .Apply(new DropDuplicates(["id"]))
            .Write(new MemorySink(), "cooked__shop", new StreamWriteOptions { CheckpointLocation = lake.CheckpointFolder });
        query.AwaitTermination();

        Assert.Equal(60L, query.LastProgress!.StateRowsTotal);
    }
}
