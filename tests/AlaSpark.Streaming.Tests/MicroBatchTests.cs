namespace AlaSpark.Streaming.Tests;

public sealed class MicroBatchTests
{
    private static List<string> Rows(params (int First, int Count)[] ranges) =>
        ranges.SelectMany(r => Enumerable.Range(r.First, r.Count)).Select(StreamLake.Row).Order(StringComparer.Ordinal).ToList();

    [Fact]
    public void AvailableNow_ReadsEverythingInBatchesOfTheLimit_ThenStops()
    {
        using var lake = new StreamLake();
        for (var i = 0; i < 5; i++) lake.AddRows($"f{i}.csv", i * 10, 3);

        var query = lake.RunAvailableNow(r => r.MaxFilesPerTrigger = 2);

        Assert.False(query.IsActive);
        Assert.Equal([0L, 1L, 2L], query.RecentProgress.Select(p => p.BatchId));
        Assert.Equal([6L, 6L, 3L], query.RecentProgress.Select(p => p.NumInputRows));
        Assert.Equal(Rows((0, 3), (10, 3), (20, 3), (30, 3), (40, 3)), lake.TargetRows());
        Assert.Equal(["0", "1", "2"], Directory.GetFiles(Path.Combine(lake.CheckpointFolder, "offsets")).Select(Path.GetFileName).Order());
        Assert.Equal(["0", "1", "2"], Directory.GetFiles(Path.Combine(lake.CheckpointFolder, "commits")).Select(Path.GetFileName).Order());
        Assert.Equal(query.Id.ToString(), lake.TargetDelta().LatestSnapshot().Transactions.Keys.Single());
        Assert.Equal(2L, lake.TargetDelta().LatestSnapshot().TxnVersion(query.Id.ToString()));
        var progress = query.LastProgress!;
        Assert.Contains("triggerExecution", progress.DurationMs.Keys);
        Assert.Contains("addBatch", progress.DurationMs.Keys);
        Assert.True(progress.ProcessedRowsPerSecond > 0);
        Assert.Equal("Stopped", query.Status.Message);
    }

    [Fact]
    public void MaxBytesPerTrigger_LimitsABatch_ButTakesAtLeastOneFile()
    {
        using var lake = new StreamLake();
        for (var i = 0; i < 4; i++) lake.AddRows($"f{i}.csv", i * 100, 20);

        var query = lake.RunAvailableNow(r => r.MaxBytesPerTrigger = 10);

        Assert.Equal(4, query.RecentProgress.Count);
        Assert.All(query.RecentProgress, p => Assert.Equal(20L, p.NumInputRows));
    }

    [Fact]
    public void Once_ReadsEverythingInOneBatch_IgnoringTheLimits()
    {
        using var lake = new StreamLake();
        for (var i = 0; i < 3; i++) lake.AddRows($"f{i}.csv", i * 10, 2);

        var query = lake.Start(Trigger.Once, r => r.MaxFilesPerTrigger = 1);
        query.AwaitTermination();

        Assert.Equal(6L, query.RecentProgress.Single().NumInputRows);
        Assert.Equal(6, lake.TargetRows().Count);
    }

    [Fact]
    public void RestartAfterACleanStop_ContinuesWhereItLeftOff()
    {
        using var lake = new StreamLake();
        lake.AddRows("a.csv", 0, 3);
        lake.AddRows("b.csv", 10, 3);
        var first = lake.RunAvailableNow(r => r.MaxFilesPerTrigger = 1);
        lake.AddRows("c.csv", 20, 3);

        var second = lake.RunAvailableNow(r => r.MaxFilesPerTrigger = 1);
        var third = lake.RunAvailableNow();

        Assert.Equal(first.Id, second.Id);
        Assert.NotEqual(first.RunId, second.RunId);
        Assert.Equal([2L], second.RecentProgress.Select(p => p.BatchId));
        Assert.Equal(3L, second.LastProgress!.NumInputRows);
        Assert.Empty(third.RecentProgress);
        Assert.Equal(Rows((0, 3), (10, 3), (20, 3)), lake.TargetRows());
    }

    [Fact]
    public void ProcessingTime_PicksUpAFileAddedWhileTheQueryRuns_AndStopEndsIt()
    {
        using var lake = new StreamLake();
        lake.AddRows("a.csv", 0, 2);
        using var query = lake.Start(Trigger.ProcessingTime(TimeSpan.FromMilliseconds(50)));
        query.ProcessAllAvailable();
        Assert.Equal(Rows((0, 2)), lake.TargetRows());

        lake.AddRows("b.csv", 10, 2);
        query.ProcessAllAvailable();

        Assert.True(query.IsActive);
        Assert.Equal(Rows((0, 2), (10, 2)), lake.TargetRows());
        Assert.Equal(2L, query.LastProgress!.NumInputRows);
        query.Stop();
        Assert.False(query.IsActive);
        Assert.Equal("Stopped", query.Status.Message);
    }

    [Fact]
    public void AnotherWriterBetweenBatches_IsSeenByTheNextBatch_WhichCommitsAfterIt()
    {
        // The query's writer keeps the table's snapshot between batches and reads only the commits after it:
        // an overwrite by a batch job in between must be in the table the next batch appends to.
        using var lake = new StreamLake();
        lake.AddRows("a.csv", 0, 2);
        using var query = lake.Start(Trigger.ProcessingTime(TimeSpan.FromMilliseconds(50)));
        query.ProcessAllAvailable();
        var versionAfterFirst = lake.TargetDelta().LatestSnapshot().Version;

        var other = lake.Session.CreateDataFrame(StreamLake.Schema, [[100, "name-100"]]);
        AlaSpark.Delta.DeltaWriter.WriteToPath(other, lake.TargetDelta().Path, new WriteOptions { Mode = WriteMode.Overwrite });
        lake.AddRows("b.csv", 10, 2);
        query.ProcessAllAvailable();
        query.Stop();

        Assert.Equal(Rows((10, 2), (100, 1)), lake.TargetRows());
        var latest = lake.TargetDelta().LatestSnapshot();
        Assert.Equal(versionAfterFirst + 2, latest.Version);
        Assert.Equal(1L, latest.TxnVersion(query.Id.ToString()));
        Assert.Equal("WRITE", lake.TargetDelta().History(2)[1].Operation);
    }

    [Fact]
    public void ACancellationToken_StopsAProcessingTimeQuery()
    {
        using var lake = new StreamLake();
        lake.AddRows("a.csv", 0, 2);
        using var cancel = new CancellationTokenSource();
        var query = lake.Start(Trigger.ProcessingTime(TimeSpan.FromMinutes(5)), cancellationToken: cancel.Token);
        query.ProcessAllAvailable();

        cancel.Cancel();

        Assert.True(query.AwaitTermination(TimeSpan.FromSeconds(10)));
        Assert.Equal(Rows((0, 2)), lake.TargetRows());
    }

    [Fact]
    public void AFileStillBeingWritten_IsLeftForALaterBatch_AndThenReadWhole()
    {
        using var lake = new StreamLake();
        lake.AddRows("done.csv", 0, 2);
        var growing = Path.Combine(lake.RawFolder, "growing.csv");
        var written = 0;
        using (var writer = new StreamWriter(growing))
        {
            writer.WriteLine("id,name");
            writer.Flush();
            // The file grows (a row every 25 ms) for as long as the first query runs, however slow the machine is.
            using var queryDone = new ManualResetEventSlim();
            var appending = new Thread(() =>
            {
                do
                {
                    writer.WriteLine(StreamLake.Row(100 + written));
                    writer.Flush();
                    written++;
                }
                while (!queryDone.Wait(25));
            });
            appending.Start();
            var query = lake.RunAvailableNow(r => r.FileStableAfter = TimeSpan.FromSeconds(1));
            queryDone.Set();
            appending.Join();

            Assert.Equal(Rows((0, 2)), lake.TargetRows());
            Assert.Equal(2L, query.RecentProgress.Sum(p => p.NumInputRows));
        }

        var later = lake.RunAvailableNow(r => r.FileStableAfter = TimeSpan.Zero);

        Assert.Equal(written, later.LastProgress!.NumInputRows);
        Assert.Equal(Rows((0, 2), (100, written)), lake.TargetRows());
    }

    [Fact]
    public void MalformedRows_AreQuarantinedOncePerBatch_UnderTheQueryAndBatch()
    {
        using var lake = new StreamLake();
        lake.AddFile("a.csv", [StreamLake.Row(1), "oops,bad-a", StreamLake.Row(2)]);
        lake.AddFile("b.csv", ["1,2,3", StreamLake.Row(3)]);

        var query = lake.RunAvailableNow(r => r.MaxFilesPerTrigger = 1);

        Assert.Equal(Rows((1, 3)), lake.TargetRows());
        Assert.Equal(["1,2,3", "oops,bad-a"], lake.QuarantinedRecords());
        Assert.Equal([1L, 1L], query.RecentProgress.Select(p => p.RowsQuarantined));
        Assert.True(Directory.Exists(Path.Combine(lake.BadRecordsFolder, query.Id.ToString("N"), "0")));
        Assert.True(Directory.Exists(Path.Combine(lake.BadRecordsFolder, query.Id.ToString("N"), "1")));
    }

    [Fact]
    public void ProcessorsApplyToEveryBatch()
    {
        using var lake = new StreamLake();
        lake.AddRows("a.csv", 0, 2);
        lake.AddRows("b.csv", 10, 2);

        var query = lake.Start(Trigger.AvailableNow, r => r.MaxFilesPerTrigger = 1, processors: [new AddSourceFilename()]);
        query.AwaitTermination();

        var entry = lake.Session.Catalog.GetTable("cooked__shop", "events");
        var files = lake.Session.Read.Format("delta").Load(entry.Location).Collect().Select(r => Path.GetFileName((string)r[2]!)).Order().ToList();
        Assert.Equal(["a.csv", "a.csv", "b.csv", "b.csv"], files);
    }

    [Fact]
    public void AProcessorThatNeedsTheWholeTable_FailsOnAStream()
    {
        using var lake = new StreamLake();
        lake.AddRows("a.csv", 0, 2);

        var query = lake.Start(Trigger.AvailableNow, processors: [new LimitRows(1)]);

        var error = Assert.Throws<AlaSparkException>(query.AwaitTermination);
        Assert.Contains("ALS4004", error.Message);
        Assert.Empty(lake.TargetRows());
    }

    [Fact]
    public void OutputModesOtherThanAppend_AreRefusedAtStart()
    {
        using var lake = new StreamLake();
        var stream = lake.Session.Catalog.Database("raw__shop").Table("events").Read<CsvStreamReader>();

        var error = Assert.Throws<AlaSparkException>(() => stream.Write<Delta.DeltaStreamWriter>(lake.Session.Catalog.Database("cooked__shop"),
            new StreamWriteOptions { OutputMode = OutputMode.Complete, CheckpointLocation = lake.CheckpointFolder }));
        Assert.Contains("Append", error.Message);
    }

    [Theory]
    [InlineData("5 minutes", 300_000)]
    [InlineData("30 seconds", 30_000)]
    [InlineData("1 hour 30 minutes", 5_400_000)]
    [InlineData("1.5 seconds", 1_500)]
    [InlineData("1 week", 604_800_000)]
    public void Trigger_ParsesIntervals(string text, long milliseconds) =>
        Assert.Equal(TimeSpan.FromMilliseconds(milliseconds), Assert.IsType<ProcessingTimeTrigger>(Trigger.Parse(text)).Interval);

    [Fact]
    public void Trigger_ParsesTheNamedTriggers_AndNamesWhatIsWrong()
    {
        Assert.Same(Trigger.AvailableNow, Trigger.Parse("available-now"));
        Assert.Same(Trigger.Once, Trigger.Parse("ONCE"));
        var error = Assert.Throws<AlaSparkException>(() => Trigger.Parse("every 5 minutes"));
        Assert.Contains("\"every 5 minutes\"", error.Message);
        Assert.Contains("months or years, whose length varies", Assert.Throws<AlaSparkException>(() => Trigger.Parse("1 month")).Message);
        Assert.Same(Trigger.AvailableNow, Trigger.Parse(" "));
        // One spelling, as ALS4003 wants it (the analyzers read triggers with the same code).
        Assert.Contains("write \"available-now\" (with a hyphen)", Assert.Throws<AlaSparkException>(() => Trigger.Parse("availableNow")).Message);
    }
}
