using System.Text.Json.Nodes;

namespace AlaSpark.Streaming.Tests;

public sealed class CheckpointTests
{
    private static string CheckpointFile(StreamLake lake, string relative) => Path.Combine(lake.CheckpointFolder, relative);

    [Fact]
    public void TheQueryId_IsWrittenOnce_AndKeptAcrossRestarts()
    {
        using var lake = new StreamLake();
        lake.AddRows("a.csv", 0, 1);
        var first = lake.RunAvailableNow();
        var metadata = File.ReadAllText(CheckpointFile(lake, "metadata"));

        var second = lake.RunAvailableNow();

        Assert.Equal(first.Id.ToString(), JsonNode.Parse(metadata)!["id"]!.GetValue<string>());
        Assert.Equal(first.Id, second.Id);
        Assert.Equal(metadata, File.ReadAllText(CheckpointFile(lake, "metadata")));
    }

    [Fact]
    public void OffsetsAndTheSourceLog_AreWrittenInSparksFormat()
    {
        using var lake = new StreamLake();
        var file = lake.AddRows("a.csv", 0, 1);
        lake.RunAvailableNow();

        var offsets = File.ReadAllLines(CheckpointFile(lake, "offsets/0"));
        Assert.Equal("v1", offsets[0]);
        Assert.NotNull(JsonNode.Parse(offsets[1])!["batchTimestampMs"]);
        Assert.Equal(0, JsonNode.Parse(offsets[2])!["logOffset"]!.GetValue<long>());
        var log = File.ReadAllLines(CheckpointFile(lake, "sources/0/0"));
        Assert.Equal("v1", log[0]);
        Assert.Equal(file, JsonNode.Parse(log[1])!["path"]!.GetValue<string>());
        Assert.Equal(new FileInfo(file).Length, JsonNode.Parse(log[1])!["size"]!.GetValue<long>());
        Assert.Equal("v1", File.ReadAllLines(CheckpointFile(lake, "commits/0"))[0]);
        Assert.Empty(Directory.GetFiles(lake.CheckpointFolder, ".*", SearchOption.AllDirectories));
    }

    [Fact]
    public void APlannedBatchWithoutCommit_IsReplayedWithTheSameFiles_AndNotWrittenTwice()
    {
        using var lake = new StreamLake();
        lake.AddFile("a.csv", [StreamLake.Row(1), "oops,bad"]);
        lake.AddRows("b.csv", 10, 2);
        var first = lake.RunAvailableNow(r => r.MaxFilesPerTrigger = 1);
        // As if the process died after the sink committed batch 1 and before the commit file was written.
        File.Delete(CheckpointFile(lake, "commits/1"));
        lake.AddRows("c.csv", 20, 2);

        var second = lake.RunAvailableNow(r => r.MaxFilesPerTrigger = 5);

        Assert.Equal([1L, 2L], second.RecentProgress.Select(p => p.BatchId));
        Assert.True(second.RecentProgress[0].SkippedAlreadyCommitted);
        Assert.Equal(2L, second.RecentProgress[1].NumInputRows);
        Assert.Equal(["1,name-1", "10,name-10", "11,name-11", "20,name-20", "21,name-21"], lake.TargetRows());
        Assert.Equal(["oops,bad"], lake.QuarantinedRecords());
        Assert.Equal(first.Id, second.Id);
    }

    /// <summary>The checkpoint after a crash between planning batch <paramref name="batch"/> (of <paramref name="files"/>) and the sink's commit.</summary>
    private static Guid PlanBatchByHand(StreamLake lake, long batch, params string[] files)
    {
        var queryId = Guid.NewGuid();
        Directory.CreateDirectory(lake.CheckpointFolder);
        File.WriteAllText(CheckpointFile(lake, "metadata"), $"{{\"id\":\"{queryId}\"}}\n");
        var checkpoint = new StreamCheckpoint(lake.CheckpointFolder);
        StreamCheckpoint.WriteLog(StreamCheckpoint.BatchFile(checkpoint.SourceFolder(0), batch),
            files.Select(f => new JsonObject { ["path"] = f, ["size"] = new FileInfo(f).Length, ["modificationTime"] = 0 }.ToJsonString()),
            overwrite: false);
        checkpoint.WriteOffsets(batch, $"{{\"logOffset\":{batch}}}");
        return queryId;
    }

    [Fact]
    public void AReplayedBatchTheSinkNeverCommitted_QuarantinesItsMalformedRowsOnce()
    {
        using var lake = new StreamLake();
        var file = lake.AddFile("a.csv", [StreamLake.Row(1), "oops,bad"]);
        var queryId = PlanBatchByHand(lake, 0, file);
        // The interrupted run had already set the bad row aside.
        var stale = Path.Combine(lake.BadRecordsFolder, queryId.ToString("N"), "0", "20260101T000000", "bad_records");
        Directory.CreateDirectory(stale);
        File.WriteAllText(Path.Combine(stale, "part-00000-x.json"), "{\"path\":\"a.csv\",\"line\":3,\"record\":\"oops,bad\",\"reason\":\"r\"}\n");

        var query = lake.RunAvailableNow();

        Assert.Equal(queryId, query.Id);
        Assert.False(query.RecentProgress.Single().SkippedAlreadyCommitted);
        Assert.Equal(["1,name-1"], lake.TargetRows());
        Assert.Equal(["oops,bad"], lake.QuarantinedRecords());
    }

    [Theory]
    [InlineData("offsets/1", "garbage")]
    [InlineData("offsets/1", "v1\n{\"batchTimestampMs\":1}\n{not json\n")]
    [InlineData("commits/1", "")]
    [InlineData("sources/0/1", "v2\n")]
    [InlineData("metadata", "{\"id\":\"not-a-guid\"}")]
    [InlineData("offsets/x", "v1\n")]
    public void AMalformedCheckpointFile_IsAClearErrorNamingIt_AndNothingIsWrittenTwice(string file, string content)
    {
        using var lake = new StreamLake();
        lake.AddRows("a.csv", 0, 2);
        lake.AddRows("b.csv", 10, 2);
        lake.RunAvailableNow(r => r.MaxFilesPerTrigger = 1);
        var path = CheckpointFile(lake, file);
        File.WriteAllText(path, content);
        if (file.StartsWith("sources", StringComparison.Ordinal)) File.Delete(CheckpointFile(lake, "commits/1"));
        lake.AddRows("c.csv", 20, 2);

        var error = Record.Exception(() => lake.RunAvailableNow());

        var clear = Assert.IsType<AlaSparkException>(error);
        Assert.Contains(Path.GetFullPath(path), clear.Message);
        Assert.Contains("malformed", clear.Message);
        Assert.Equal(["0,name-0", "1,name-1", "10,name-10", "11,name-11"], lake.TargetRows());
    }

    [Fact]
    public void ACommitWithoutItsOffsets_IsAnError()
    {
        using var lake = new StreamLake();
        lake.AddRows("a.csv", 0, 2);
        lake.RunAvailableNow();
        File.Delete(CheckpointFile(lake, "offsets/0"));

        var error = Assert.Throws<AlaSparkException>(() => lake.RunAvailableNow());

        Assert.Contains("commits", error.Message);
        Assert.Contains("batch 0 is committed but its offsets are missing", error.Message);
    }

    [Fact]
    public void AFileDeletedAfterItsBatchWasPlanned_IsAnErrorNamingTheFileAndTheBatch_AndNothingIsWritten()
    {
        using var lake = new StreamLake();
        var kept = lake.AddRows("a.csv", 0, 2);
        var doomed = lake.AddRows("b.csv", 10, 2);
        PlanBatchByHand(lake, 0, kept, doomed);
        File.Delete(doomed);

        var query = lake.Start(Trigger.AvailableNow);
        var error = Assert.Throws<AlaSparkException>(query.AwaitTermination);

        Assert.Contains(doomed, error.Message);
        Assert.Contains("batch 0", error.Message);
        Assert.Empty(lake.TargetRows());
        Assert.False(File.Exists(CheckpointFile(lake, "commits/0")));
        Assert.Same(error, query.Exception);
    }

    [Fact]
    public void AFileThatChangedSizeAfterItsBatchWasPlanned_IsAnError()
    {
        using var lake = new StreamLake();
        var file = lake.AddRows("a.csv", 0, 2);
        PlanBatchByHand(lake, 0, file);
        File.AppendAllLines(file, [StreamLake.Row(2)]);

        var error = Assert.Throws<AlaSparkException>(lake.Start(Trigger.AvailableNow).AwaitTermination);

        Assert.Contains(file, error.Message);
        Assert.Contains("changed size", error.Message);
        Assert.Empty(lake.TargetRows());
    }

    [Fact]
    public void TwoQueriesOnOneCheckpoint_CannotBothPlanABatch()
    {
        using var lake = new StreamLake();
        var checkpoint = new StreamCheckpoint(lake.CheckpointFolder);
        checkpoint.WriteOffsets(0, "{\"logOffset\":0}");

        var error = Assert.Throws<AlaSparkException>(() => checkpoint.WriteOffsets(0, "{\"logOffset\":0}"));

        Assert.Contains("another query", error.Message);
    }
}
