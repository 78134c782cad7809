using AlaSpark.Delta.Actions;
using AlaSpark.Delta.Log;

namespace AlaSpark.Delta.Tests;

public class TimeTravelTests
{
    private const long Start = 1540415658000L; // GoldenTables.scala: commits at start, start + 20 min, start + 40 min
    private static readonly long Minute = 60_000L;

    private static TempTable WithCommitTimes()
    {
        // The generator set each commit file's modification time; a copy loses them, so set them again.
        var copy = Golden.Copy("time-travel-start-start20-start40");
        for (var v = 0; v < 3; v++)
            File.SetLastWriteTimeUtc(Path.Combine(copy.Log, LogFileName.Commit(v)), DateTimeOffset.FromUnixTimeMilliseconds(Start + v * 20 * Minute).UtcDateTime);
        return copy;
    }

    private static DateTimeOffset At(long ms) => DateTimeOffset.FromUnixTimeMilliseconds(ms);

    [Fact]
    public void As_of_a_timestamp_is_the_latest_version_committed_at_or_before_it()
    {
        using var copy = WithCommitTimes();
        var table = DeltaTable.ForPath(copy.Path);
        Assert.Equal(0, table.SnapshotAsOf(At(Start)).Version);
        Assert.Equal(0, table.SnapshotAsOf(At(Start + 10 * Minute)).Version);
        Assert.Equal(1, table.SnapshotAsOf(At(Start + 20 * Minute)).Version);
        Assert.Equal(1, table.SnapshotAsOf(At(Start + 40 * Minute - 1)).Version);
        var last = table.SnapshotAsOf(At(Start + 40 * Minute));
        Assert.Equal(2, last.Version);
        Assert.Equal(At(Start + 40 * Minute), last.Timestamp);
        Assert.Equal(2, table.SnapshotAsOf(At(Start + 10 * Minute)).Files.Count);
    }

    [Fact]
    public void A_timestamp_outside_the_history_names_the_earliest_and_latest_versions()
    {
        using var copy = WithCommitTimes();
        var table = DeltaTable.ForPath(copy.Path);
        var before = Assert.Throws<DeltaVersionNotFoundException>(() => table.SnapshotAsOf(At(Start - 1)));
        Assert.Contains("before the earliest available version 0 (committed at 2018-10-24T21:14:18.000Z)", before.Message);
        Assert.Contains(copy.Path, before.Message);
        var after = Assert.Throws<DeltaVersionNotFoundException>(() => table.SnapshotAsOf(At(Start + 50 * Minute)));
        Assert.Contains("after the latest available version 2 (committed at 2018-10-24T21:54:18.000Z)", after.Message);
        Assert.Equal((0, 2), (after.EarliestVersion, after.LatestVersion));
    }

    [Fact]
    public void The_first_version_committed_at_or_after_a_time_starts_with_the_earliest_and_stops_at_the_latest()
    {
        using var copy = WithCommitTimes();
        var table = DeltaTable.ForPath(copy.Path);
        Assert.Equal(0, table.FirstVersionCommittedAtOrAfter(At(Start - 60 * Minute)));
        Assert.Equal(0, table.FirstVersionCommittedAtOrAfter(At(Start)));
        Assert.Equal(1, table.FirstVersionCommittedAtOrAfter(At(Start + 1)));
        Assert.Equal(1, table.FirstVersionCommittedAtOrAfter(At(Start + 20 * Minute)));
        Assert.Equal(2, table.FirstVersionCommittedAtOrAfter(At(Start + 40 * Minute)));
        var after = Assert.Throws<DeltaVersionNotFoundException>(() => table.FirstVersionCommittedAtOrAfter(At(Start + 40 * Minute + 1)));
        Assert.Contains("the latest version is 2, committed at 2018-10-24T21:54:18.000Z", after.Message);
        Assert.Equal((0, 2), (after.EarliestVersion, after.LatestVersion));
    }

    [Fact]
    public void Commit_times_that_go_backwards_are_made_increasing()
    {
        using var copy = WithCommitTimes();
        File.SetLastWriteTimeUtc(Path.Combine(copy.Log, LogFileName.Commit(1)), At(Start - Minute).UtcDateTime);
        var history = DeltaTable.ForPath(copy.Path).History();
        Assert.Equal(new[] { Start + 40 * Minute, Start + 1, Start }, history.Select(h => h.Timestamp.ToUnixTimeMilliseconds()));
    }

    [Fact]
    public void Copied_tables_can_travel_by_their_commit_info_timestamps()
    {
        // The golden files were copied, so their modification times say nothing; commitInfo.timestamp still does.
        var table = DeltaTable.ForPath(Golden.Table("time-travel-start-start20-start40"), new DeltaTableOptions { TimestampSource = CommitTimestampSource.CommitInfo });
        Assert.Equal(0, table.SnapshotAsOf(At(1603724019870)).Version);
        Assert.Equal(0, table.SnapshotAsOf(At(1603724021189)).Version);
        Assert.Equal(1, table.SnapshotAsOf(At(1603724021190)).Version);
        Assert.Equal(2, table.SnapshotAsOf(At(1603724022561)).Version);
        Assert.Equal(At(1603724021190), table.SnapshotAt(1).Timestamp);
        Assert.Throws<DeltaVersionNotFoundException>(() => table.SnapshotAsOf(At(1603724019869)));
    }

    [Fact]
    public void In_commit_timestamps_win_over_file_times_from_their_enablement_version()
    {
        using var temp = new TempTable();
        temp.Commit(0,
            """{"commitInfo":{"timestamp":1000,"operation":"CREATE TABLE"}}""",
            """{"protocol":{"minReaderVersion":1,"minWriterVersion":7,"writerFeatures":["inCommitTimestamp"]}}""",
            """{"metaData":{"id":"t","format":{"provider":"parquet","options":{}},"schemaString":"{\"type\":\"struct\",\"fields\":[]}","partitionColumns":[],"configuration":{}}}""");
        temp.Commit(1,
            """{"commitInfo":{"timestamp":5000,"inCommitTimestamp":500000,"operation":"SET TBLPROPERTIES"}}""",
            """{"metaData":{"id":"t","format":{"provider":"parquet","options":{}},"schemaString":"{\"type\":\"struct\",\"fields\":[]}","partitionColumns":[],"configuration":{"delta.enableInCommitTimestamps":"true","delta.inCommitTimestampEnablementVersion":"1","delta.inCommitTimestampEnablementTimestamp":"500000"}}}""");
        temp.Commit(2, """{"commitInfo":{"timestamp":9000,"inCommitTimestamp":600000,"operation":"WRITE"}}""");
        File.SetLastWriteTimeUtc(Path.Combine(temp.Log, LogFileName.Commit(0)), At(100_000).UtcDateTime);
        File.SetLastWriteTimeUtc(Path.Combine(temp.Log, LogFileName.Commit(1)), At(900_000).UtcDateTime);
        File.SetLastWriteTimeUtc(Path.Combine(temp.Log, LogFileName.Commit(2)), At(950_000).UtcDateTime);
        var table = DeltaTable.ForPath(temp.Path);
        Assert.Equal(new[] { 600_000L, 500_000L, 100_000L }, table.History().Select(h => h.Timestamp.ToUnixTimeMilliseconds()));
        Assert.Equal(1, table.SnapshotAsOf(At(550_000)).Version);
        Assert.Equal(2, table.FirstVersionCommittedAtOrAfter(At(550_000))); // the same times a stream's startingTimestamp compares with
        Assert.Equal(At(600_000), table.LatestSnapshot().Timestamp);
    }

    [Fact]
    public void History_lists_operations_newest_first()
    {
        var history = DeltaTable.ForPath(Golden.Table("basic-with-inserts-deletes-checkpoint")).History();
        Assert.Equal(14, history.Count);
        Assert.Equal(Enumerable.Range(0, 14).Reverse().Select(v => (long)v), history.Select(h => h.Version));
        Assert.Equal("DELETE", history[0].Operation);
        Assert.Equal("WRITE", history[^1].Operation);
        Assert.Equal("Append", history[^1].OperationParameters["mode"]!.GetValue<string>());
        Assert.Contains("numFiles", history[^1].OperationMetrics.Keys);
        Assert.Equal(3, DeltaTable.ForPath(Golden.Table("basic-with-inserts-deletes-checkpoint")).History(limit: 3).Count);

        var optimize = DeltaTable.ForPath(Golden.Table("commit-info-containing-arbitrary-operationParams-types")).History()[0];
        Assert.Equal("OPTIMIZE", optimize.Operation);
        Assert.False(optimize.OperationParameters["auto"]!.GetValue<bool>());
        Assert.Equal("[\"id\"]", optimize.OperationParameters["zOrderBy"]!.GetValue<string>());
    }

    [Fact]
    public void Older_versions_have_their_own_schema_and_partitioning()
    {
        var schema = DeltaTable.ForPath(Golden.Table("time-travel-schema-changes-b"));
        Assert.Equal("struct<id:bigint>", schema.SnapshotAt(0).Schema.SimpleString);
        Assert.Equal("struct<id:bigint,part:bigint>", schema.SnapshotAt(1).Schema.SimpleString);
        var partitions = DeltaTable.ForPath(Golden.Table("time-travel-partition-changes-b"));
        var v0 = partitions.SnapshotAt(0);
        Assert.Equal(new[] { "part5" }, v0.PartitionColumns);
        Assert.Equal(10, v0.Files.Count);
        Assert.Equal(new object[] { 0L, 1L, 2L, 3L, 4L }, v0.Files.Select(f => v0.PartitionValue(f, "part5")).Distinct().OrderBy(v => v));
        var latest = DeltaTable.ForPath(Golden.Table("log-replay-latest-metadata-protocol"));
        Assert.Equal((1, 2), (latest.SnapshotAt(0).Protocol.MinReaderVersion, latest.SnapshotAt(0).Protocol.MinWriterVersion));
        Assert.Equal("struct<col1:bigint>", latest.SnapshotAt(0).Schema.SimpleString);
    }

    [Fact]
    public void Changes_are_the_actions_of_each_version_in_order()
    {
        var table = DeltaTable.ForPath(Golden.Table("deltalog-getChanges"));
        var changes = table.GetChanges(0).ToList();
        Assert.Equal(new long[] { 0, 1, 2 }, changes.Select(c => c.Version));
        Assert.Equal("fake/path/1", Assert.Single(changes[0].Actions.OfType<AddFile>()).Path);
        var cdc = Assert.Single(changes[1].Actions.OfType<AddCdcFile>());
        Assert.Equal(("fake/path/2", "partition_bar", "tag_bar"), (cdc.Path, cdc.PartitionValues["partition_foo"], cdc.Tags!["tag_foo"]));
        Assert.Equal(100, Assert.Single(changes[1].Actions.OfType<RemoveFile>()).DeletionTimestamp);
        Assert.Equal(new SetTransaction("fakeAppId", 3, 200), Assert.Single(changes[2].Actions.OfType<SetTransaction>()));
        Assert.Single(changes[2].Actions.OfType<Protocol>());
        Assert.All(changes, c => Assert.Equal("Manual Update", c.CommitInfo!.Operation));
        Assert.Equal(new long[] { 1, 2 }, table.GetChanges(1).Select(c => c.Version));
    }

    [Fact]
    public void Changes_from_a_missing_version_name_what_is_available()
    {
        using var copy = Golden.Copy("basic-with-inserts-deletes-checkpoint");
        for (var v = 0; v < 10; v++) File.Delete(Path.Combine(copy.Log, LogFileName.Commit(v)));
        var table = DeltaTable.ForPath(copy.Path);
        var error = Assert.Throws<DeltaVersionNotFoundException>(() => table.GetChanges(3).ToList());
        Assert.Contains("earliest commit in its log is version 10", error.Message);
        Assert.Equal(new long[] { 10, 11, 12, 13 }, table.GetChanges(10).Select(c => c.Version));
        Assert.Empty(table.GetChanges(14)); // nothing new yet: what a stream polling for the next version sees
        Assert.Empty(table.GetChanges(20));
    }

    [Fact]
    public void Changes_refuse_a_protocol_AlaSpark_cannot_read()
    {
        var error = Assert.Throws<DeltaUnsupportedFeatureException>(() => DeltaTable.ForPath(Golden.Table("spark-variant-checkpoint")).GetChanges(0).ToList());
        Assert.Equal("variantType-preview", error.Feature);
        Assert.Equal(0, error.Version);
    }
}
