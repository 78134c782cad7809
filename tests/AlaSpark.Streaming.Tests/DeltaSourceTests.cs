using AlaSpark.Catalog;
using AlaSpark.Delta;

namespace AlaSpark.Streaming.Tests;

/// <summary>A Delta table <c>raw__shop.orders</c> streamed into <c>cooked__shop.orders</c>.</summary>
public sealed class DeltaSourceTests
{
    internal static string SourcePath(StreamLake lake) => Path.Combine(lake.Root, "raw", "orders");

    /// <summary>Appends ids to the source table; returns the version committed.</summary>
    internal static long Append(StreamLake lake, params int[] ids)
    {
        var frame = lake.Session.CreateDataFrame(StreamLake.Schema, ids.Select(id => new object?[] { id, $"o{id}" }));
        var version = DeltaWriter.WriteToPath(frame, SourcePath(lake), new WriteOptions()).Version;
        lake.Session.Catalog.CreateOrUpdateTable(new CatalogTable("raw__shop", "orders", SourcePath(lake), "delta", StreamLake.Schema));
        return version;
    }

    internal static long Overwrite(StreamLake lake, params int[] ids)
    {
        var frame = lake.Session.CreateDataFrame(StreamLake.Schema, ids.Select(id => new object?[] { id, $"o{id}" }));
        return DeltaWriter.WriteToPath(frame, SourcePath(lake), new WriteOptions { Mode = WriteMode.Overwrite }).Version;
    }

    internal static long DeleteEverything(StreamLake lake)
    {
        var txn = DeltaTable.ForPath(SourcePath(lake)).StartTransaction();
        txn.RemoveAllFiles();
        return txn.Commit("DELETE", new Dictionary<string, string?>(), new Dictionary<string, long>()).Version;
    }

    internal static StreamingQuery Run(StreamLake lake, Action<DeltaStreamReader>? configure = null)
    {
        var query = lake.Session.Catalog.Database("raw__shop").Table("orders").Read(configure)
            .Write<DeltaStreamWriter>(lake.Session.Catalog.Database("cooked__shop"), new StreamWriteOptions { CheckpointLocation = lake.CheckpointFolder });
        query.AwaitTermination();
        return query;
    }

    internal static List<int> Ids(StreamLake lake) =>
        lake.Session.Table("cooked__shop.orders").Collect().Select(r => (int)r[0]!).Order().ToList();

    [Fact]
    public void TheFirstBatchIsTheTableAsItIs_ThenEachBatchReadsTheNewVersions_AcrossRestarts()
    {
        using var lake = new StreamLake();
        Append(lake, 1, 2);
        Append(lake, 3);
        var first = Run(lake);
        Append(lake, 4);
        Append(lake, 5, 6);

        var second = Run(lake);
        var third = Run(lake);

        Assert.Equal(3L, first.RecentProgress.Single().NumInputRows);
        Assert.Equal([1L], second.RecentProgress.Select(p => p.BatchId));
        Assert.Equal(3L, second.LastProgress!.NumInputRows);
        Assert.Empty(third.RecentProgress);
        Assert.Equal([1, 2, 3, 4, 5, 6], Ids(lake));
    }

    [Fact]
    public void StartingVersion_ReadsTheChangesFromThatVersion()
    {
        using var lake = new StreamLake();
        Append(lake, 1);
        Append(lake, 2);
        Append(lake, 3);

        Run(lake, r => r.StartingVersion = 1);

        Assert.Equal([2, 3], Ids(lake));
    }

    [Fact]
    public void MaxFilesPerTrigger_SplitsTheVersionsIntoBatches()
    {
        using var lake = new StreamLake();
        for (var i = 0; i < 5; i++) Append(lake, i);

        var query = Run(lake, r =>
        {
            r.StartingVersion = 0;
            r.MaxFilesPerTrigger = 2;
        });

        Assert.Equal([2L, 2L, 1L], query.RecentProgress.Select(p => p.NumInputRows));
        Assert.Equal([0, 1, 2, 3, 4], Ids(lake));
    }

    [Fact]
    public void AnUpdateInTheSource_IsAnErrorNamingTheVersion_UnlessSkipChangeCommits()
    {
        using var lake = new StreamLake();
        Append(lake, 1);
        Run(lake);
        var overwrite = Overwrite(lake, 7);
        Append(lake, 8);

        var error = Assert.Throws<AlaSparkException>(() => Run(lake));
        Assert.Contains($"at version {overwrite}", error.Message);
        Assert.Contains("raw__shop.orders", error.Message);
        Assert.Equal([1], Ids(lake));

        Run(lake, r => r.SkipChangeCommits = true);
        Assert.Equal([1, 8], Ids(lake));
    }

    [Fact]
    public void ADeleteInTheSource_IsAnError_UnlessIgnoreDeletes()
    {
        using var lake = new StreamLake();
        Append(lake, 1);
        Run(lake);
        var delete = DeleteEverything(lake);
        Append(lake, 2);

        var error = Assert.Throws<AlaSparkException>(() => Run(lake));
        Assert.Contains($"at version {delete}", error.Message);
        Assert.Contains("IgnoreDeletes", error.Message);

        Run(lake, r => r.IgnoreDeletes = true);
        Assert.Equal([1, 2], Ids(lake));
    }

    [Fact]
    public void ANonDeltaTable_IsRefused()
    {
        using var lake = new StreamLake();

        var error = Assert.Throws<AlaSparkException>(() => lake.Session.Catalog.Database("raw__shop").Table("events").Read<DeltaStreamReader>());

        Assert.Contains("csv", error.Message);
    }
}
