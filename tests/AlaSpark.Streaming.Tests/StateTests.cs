using System.Globalization;
using System.Text.Json.Nodes;
using AlaSpark.Catalog;
using AlaSpark.Delta;
using AlaSpark.Types;

namespace AlaSpark.Streaming.Tests;

/// <summary>Watermarks and the DropDuplicates state store, on real CSV files, a real checkpoint and a real Delta sink.</summary>
public sealed class StateTests
{
    private static readonly StructType ClickSchema = StructType.FromDdl("id INT, name STRING, ts TIMESTAMP");

    /// <summary>A second raw table with an event time, <c>raw__shop.clicks</c> (<c>id,name,ts</c>), in the lake's root.</summary>
    private static string ClicksFolder(StreamLake lake)
    {
        var folder = Path.Combine(lake.Root, "raw", "clicks");
        if (!Directory.Exists(folder))
        {
            Directory.CreateDirectory(folder);
            lake.Session.Catalog.CreateOrUpdateTable(new CatalogTable("raw__shop", "clicks", folder, "csv", ClickSchema, properties: [new("header", "true")]));
        }
        return folder;
    }

    private static void AddClicks(StreamLake lake, string name, params (int Id, string Time)[] rows)
    {
        var folder = ClicksFolder(lake);
        var temp = Path.Combine(lake.Root, name + ".partial");
        File.WriteAllLines(temp, ["id,name,ts", .. rows.Select(r => $"{r.Id.ToString(CultureInfo.InvariantCulture)},n{r.Id.ToString(CultureInfo.InvariantCulture)},2026-01-01 {r.Time}")]);
        File.Move(temp, Path.Combine(folder, name));
    }

    private static StreamingQuery RunClicks(StreamLake lake, StreamingWriter? writer = null, params ToTableProcessor[] processors)
    {
        ClicksFolder(lake);
        var stream = lake.Session.Catalog.Database("raw__shop").Table("clicks").Read<CsvStreamReader>(r =>
        {
            r.FileStableAfter = TimeSpan.Zero;
            r.MaxFilesPerTrigger = 1;
        });
        foreach (var processor in processors) stream = stream.Apply(processor);
        var query = stream.Write(writer ?? new DeltaStreamWriter(), "cooked__shop",
            new StreamWriteOptions { Trigger = Trigger.AvailableNow, CheckpointLocation = lake.CheckpointFolder });
        query.AwaitTermination(TimeSpan.FromMinutes(2));
        return query;
    }

    /// <summary>The clicks written, as <c>id@HH:mm</c>, sorted (with repeats).</summary>
    private static List<string> Clicks(StreamLake lake)
    {
        var location = lake.Session.Catalog.GetTable("cooked__shop", "clicks").Location;
        return lake.Session.Read.Format("delta").Load(location).Collect()
            .Select(r => $"{Convert.ToString(r[0], CultureInfo.InvariantCulture)}@{(DateTime)r[2]!:HH:mm}")
            .Order(StringComparer.Ordinal).ToList();
    }

    private static DateTimeOffset At(string time) =>
        new(DateTime.Parse("2026-01-01 " + time, CultureInfo.InvariantCulture), TimeSpan.Zero);

    [Fact]
    public void DropDuplicates_KeepsAKeyOnceAcrossBatchesAndRestarts()
    {
        using var lake = new StreamLake();
        lake.AddFile("a.csv", ["1,a", "2,a", "2,a"]);
        lake.AddFile("b.csv", ["2,b", "3,b"]);
        ToTableProcessor[] dedup = [new DropDuplicates(["id"])];
        var first = lake.Start(Trigger.AvailableNow, r => r.MaxFilesPerTrigger = 1, processors: dedup);
        first.AwaitTermination();
        lake.AddFile("c.csv", ["1,c", "3,c", "4,c"]);

        var second = lake.Start(Trigger.AvailableNow, processors: dedup);
        second.AwaitTermination();

        Assert.Equal(["1,a", "2,a", "3,b", "4,c"], lake.TargetRows());
        Assert.Equal([2L, 3L], first.RecentProgress.Select(p => p.StateRowsTotal));
        Assert.Equal(4L, second.LastProgress!.StateRowsTotal);
        Assert.Null(second.LastProgress.Watermark);
        // Only the latest version and the one before it (what a replay of the last batch reads) are kept.
        Assert.Equal(["2", "3"], Directory.GetFiles(Path.Combine(lake.CheckpointFolder, "state", "0")).Select(Path.GetFileName).Order());
    }

    /// <summary>A Delta sink that fails before writing batch <c>failAt</c>: the query stops after its state was written, before the sink and the commit.</summary>
    private sealed class FailingSink(long failAt) : StreamingWriter
    {
        private readonly DeltaStreamWriter _delta = new();

        public override bool IsCommitted(AlaSparkSession session, string database, string table, TransactionId txn) =>
            _delta.IsCommitted(session, database, table, txn);

        public override WrittenTable WriteBatch(ProcessedTable batch, string database, StreamWriteOptions options, TransactionId txn) =>
            txn.Version == failAt ? throw new IOException("disk unplugged") : _delta.WriteBatch(batch, database, options, txn);
    }

    /// <summary>A lake with a.csv (ids 1, 2) and b.csv (ids 2, 3), and a stream's DropDuplicates by id.</summary>
    private static StreamLake TwoFilesSharingKey2(out ToTableProcessor[] dedup)
    {
        var lake = new StreamLake();
        lake.AddFile("a.csv", ["1,a", "2,a"]);
        lake.AddFile("b.csv", ["2,b", "3,b"]);
        dedup = [new DropDuplicates(["id"])];
        return lake;
    }

    [Fact]
    public void AReplayedBatch_ReadsTheStateAsOfItsStart_SoItsKeysAreNotSeenTwice()
    {
        using var lake = TwoFilesSharingKey2(out var dedup);
        var crashed = lake.Session.Catalog.Database("raw__shop").Table("events").SetPipelineName("raw_to_cooked")
            .Read<CsvStreamReader>(r => { r.FileStableAfter = TimeSpan.Zero; r.MaxFilesPerTrigger = 1; })
            .Apply(dedup[0])
            .Write(new FailingSink(failAt: 1), "cooked__shop", new StreamWriteOptions { CheckpointLocation = lake.CheckpointFolder });
        Assert.Throws<IOException>(crashed.AwaitTermination);
        // The state after batch 1 (with key 3) was written; its commit was not.
        Assert.True(File.Exists(Path.Combine(lake.CheckpointFolder, "state", "0", "2")));
        Assert.False(File.Exists(Path.Combine(lake.CheckpointFolder, "commits", "1")));

        var replay = lake.Start(Trigger.AvailableNow, processors: dedup);
        replay.AwaitTermination();

        Assert.Equal(["1,a", "2,a", "3,b"], lake.TargetRows());
        Assert.Equal(3L, replay.LastProgress!.StateRowsTotal);
    }

    [Fact]
    public void ABatchTheSinkCommittedBeforeTheRestart_IsNotWrittenAgain_AndItsStateStays()
    {
        using var lake = TwoFilesSharingKey2(out var dedup);
        lake.Start(Trigger.AvailableNow, r => r.MaxFilesPerTrigger = 1, processors: dedup).AwaitTermination();
        File.Delete(Path.Combine(lake.CheckpointFolder, "commits", "1")); // a crash between the sink's commit and the checkpoint's
        lake.AddFile("c.csv", ["3,c", "4,c"]);

        var restarted = lake.Start(Trigger.AvailableNow, r => r.MaxFilesPerTrigger = 1, processors: dedup);
        restarted.AwaitTermination();

        Assert.True(restarted.RecentProgress[0].SkippedAlreadyCommitted);
        Assert.Equal(["1,a", "2,a", "3,b", "4,c"], lake.TargetRows());
    }

    [Fact]
    public void AMalformedStateFile_StopsTheQueryWithAnErrorNamingIt_AndNothingIsWritten()
    {
        using var lake = TwoFilesSharingKey2(out var dedup);
        lake.Start(Trigger.AvailableNow, r => r.MaxFilesPerTrigger = 1, processors: dedup).AwaitTermination();
        var state = Path.Combine(lake.CheckpointFolder, "state", "0", "2");
        File.WriteAllText(state, "v1\n{\"nextBatchWatermarkMs\":0}\n[\"not a time\",\"1\"]\n");
        lake.AddFile("c.csv", ["4,c"]);

        var query = lake.Start(Trigger.AvailableNow, processors: dedup);
        var error = Assert.Throws<AlaSparkException>(query.AwaitTermination);

        Assert.Contains(state, error.Message);
        Assert.Contains("is not [eventTimeMs, key...]", error.Message);
        Assert.Equal(["1,a", "2,a", "3,b"], lake.TargetRows());
    }

    [Fact]
    public void TheWatermark_AdvancesAfterEachBatch_DropsLateRows_AndEvictsOldKeys()
    {
        using var lake = new StreamLake();
        AddClicks(lake, "0.csv", (1, "10:00:00"), (2, "10:05:00"));
        AddClicks(lake, "1.csv", (3, "10:03:00"), (4, "10:06:00"), (1, "10:05:00"));
        AddClicks(lake, "2.csv", (1, "10:07:00"), (4, "10:07:00"));

        var query = RunClicks(lake, null, new AddWatermark("ts", "1 minute"), new DropDuplicates(["id"]));

        Assert.Null(query.Exception);
        // Batch 1 runs with the watermark 10:04 (10:05 - 1 minute): 3 at 10:03 is late; 1 is still in the state
        // (it is evicted at the end of batch 1); batch 2 runs with 10:05: 1 is new again, 4 (10:06) is still held.
        Assert.Equal(["1@10:00", "1@10:07", "2@10:05", "4@10:06"], Clicks(lake));
        Assert.Equal([DateTimeOffset.UnixEpoch, At("10:04:00"), At("10:05:00")], query.RecentProgress.Select(p => p.Watermark!.Value));
        Assert.Equal([2L, 2L, 2L], query.RecentProgress.Select(p => p.StateRowsTotal));
        var commit = File.ReadAllLines(Path.Combine(lake.CheckpointFolder, "commits", "2"));
        Assert.Equal(At("10:06:00").ToUnixTimeMilliseconds(), JsonNode.Parse(commit[1])!["nextBatchWatermarkMs"]!.GetValue<long>());
        var offsets = File.ReadAllLines(Path.Combine(lake.CheckpointFolder, "offsets", "2"));
        Assert.Equal(At("10:05:00").ToUnixTimeMilliseconds(), JsonNode.Parse(offsets[1])!["batchWatermarkMs"]!.GetValue<long>());
    }

    [Fact]
    public void TheWatermark_IsKeptAcrossARestart()
    {
        using var lake = new StreamLake();
        AddClicks(lake, "0.csv", (1, "10:00:00"), (2, "10:05:00"));
        ToTableProcessor[] processors = [new AddWatermark("ts", "1 minute"), new DropDuplicates(["id", "ts"])];
        RunClicks(lake, null, processors);
        AddClicks(lake, "1.csv", (3, "10:03:59"), (4, "10:04:01"), (2, "10:05:00"));

        var restarted = RunClicks(lake, null, processors);

        Assert.Equal(At("10:04:00"), restarted.LastProgress!.Watermark);
        Assert.Equal(["1@10:00", "2@10:05", "4@10:04"], Clicks(lake));
    }

    [Fact]
    public void DeduplicateMicrobatch_KeepsTheLatestRowPerKeyWithinEachBatch_WithoutState()
    {
        using var lake = new StreamLake();
        AddClicks(lake, "0.csv", (1, "10:00:00"), (1, "10:02:00"), (2, "10:01:00"));
        AddClicks(lake, "1.csv", (1, "09:00:00"));

        RunClicks(lake, null, new DeduplicateMicrobatch(["id"], "ts"));

        Assert.Equal(["1@09:00", "1@10:02", "2@10:01"], Clicks(lake));
        Assert.False(Directory.Exists(Path.Combine(lake.CheckpointFolder, "state")));
    }
}
