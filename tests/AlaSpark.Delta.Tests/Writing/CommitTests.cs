using System.Text.Json.Nodes;
using AlaSpark.Delta.Actions;
using AlaSpark.Delta.Log;
using AlaSpark.Delta.Writing;
using AlaSpark.Types;
using static AlaSpark.Delta.Tests.Writing.WriteTestData;

namespace AlaSpark.Delta.Tests.Writing;

public class CommitTests
{
    private static JsonObject Line(string tablePath, long version, string action) =>
        File.ReadAllLines(Path.Combine(tablePath, "_delta_log", LogFileName.Commit(version)))
            .Select(l => (JsonObject)JsonNode.Parse(l)!).Single(o => o.ContainsKey(action))[action]!.AsObject();

    [Fact]
    public void Create_table_writes_protocol_metadata_and_a_create_table_commit()
    {
        using var temp = new TempTable();
        var table = Create(temp.Path, new Dictionary<string, string> { ["delta.appendOnly"] = "false" });
        var snapshot = table.LatestSnapshot();
        Assert.Equal((0L, 1, 2), (snapshot.Version, snapshot.Protocol.MinReaderVersion, snapshot.Protocol.MinWriterVersion));
        Assert.Equal(Schema, snapshot.Schema);
        Assert.Equal(["part"], snapshot.PartitionColumns);
        Assert.Equal("false", snapshot.Configuration["delta.appendOnly"]);
        Assert.Empty(snapshot.Files);
        var info = Line(temp.Path, 0, "commitInfo");
        Assert.Equal("CREATE TABLE", (string?)info["operation"]);
        Assert.Equal("[\"part\"]", (string?)info["operationParameters"]!["partitionBy"]);
        Assert.False(info.ContainsKey("readVersion"));
        Assert.Equal(DeltaCommitter.EngineInfo, (string?)info["engineInfo"]);
        Assert.Throws<DeltaConcurrentModificationException>(() => Create(temp.Path));
    }

    [Fact]
    public void A_timestamp_ntz_column_needs_reader_3_and_writer_7_with_the_feature()
    {
        using var temp = new TempTable();
        var schema = StructType.FromDdl("id INT, nested STRUCT<at: TIMESTAMP_NTZ>");
        var snapshot = DeltaTable.Create(temp.Path, schema).LatestSnapshot();
        Assert.Equal((3, 7), (snapshot.Protocol.MinReaderVersion, snapshot.Protocol.MinWriterVersion));
        Assert.Equal(["timestampNtz"], snapshot.Protocol.ReaderFeatures!);
        Assert.Equal(["timestampNtz"], snapshot.Protocol.WriterFeatures!);

        // A timestamp_ntz column added later upgrades the protocol in the same commit.
        using var other = new TempTable();
        var table = Create(other.Path);
        var txn = table.StartTransaction();
        var wider = new StructType(Schema.Fields.Add(new StructField("at", TimestampNtzType.Instance)));
        txn.UpdateMetadata(MetadataFactory.WithSchema(txn.Metadata!, wider));
        txn.Commit("ADD COLUMNS");
        var upgraded = table.LatestSnapshot();
        Assert.Equal((3, 7), (upgraded.Protocol.MinReaderVersion, upgraded.Protocol.MinWriterVersion));
        Assert.Equal(["appendOnly", "invariants", "timestampNtz"], upgraded.Protocol.WriterFeatures!);
        Assert.Equal(["timestampNtz"], upgraded.Protocol.ReaderFeatures!);
    }

    [Fact]
    public void Appends_add_files_and_an_overwrite_removes_every_active_file()
    {
        using var temp = new TempTable();
        var table = Create(temp.Path);
        Assert.Equal(1L, Append(table, "a", "x", 1, 2).Version);
        Assert.Equal(2L, Append(table, "b", "y", 3).Version);
        Assert.Equal([1L, 2, 3], Ids(table.LatestSnapshot()));

        var txn = table.StartTransaction();
        Assert.Equal(2, txn.RemoveAllFiles());
        txn.AddFile(DataFile(temp.Path, "c", "z", 9));
        var result = txn.Commit("WRITE", new Dictionary<string, string?> { ["mode"] = "Overwrite", ["partitionBy"] = "[\"part\"]" });
        Assert.Equal((3L, false), (result.Version, result.Skipped));
        var snapshot = table.LatestSnapshot();
        Assert.Equal([9L], Ids(snapshot));
        Assert.Equal(2, snapshot.Tombstones.Count);
        Assert.All(snapshot.Tombstones, r => Assert.True(r.DataChange && r.ExtendedFileMetadata == true && r.Size > 0 && r.DeletionTimestamp > 0));
        Assert.Equal([1L, 2, 3], Ids(table.SnapshotAt(2)));
        Assert.False((bool)Line(temp.Path, 3, "commitInfo")["isBlindAppend"]!);
        Assert.Equal(2L, (long)Line(temp.Path, 3, "commitInfo")["readVersion"]!);
        Assert.True(File.Exists(Path.Combine(temp.Path, "part=x", "a.parquet"))); // data files are never deleted
    }

    [Fact]
    public void A_committed_application_transaction_is_skipped()
    {
        using var temp = new TempTable();
        var table = Create(temp.Path);
        var txn = table.StartTransaction();
        txn.AddFile(DataFile(temp.Path, "a", "x", 1));
        txn.SetTransaction(new TransactionId("stream-1", 5));
        Assert.Equal(1L, txn.Commit("STREAMING UPDATE").Version);
        var txnLine = Line(temp.Path, 1, "txn");
        Assert.Equal(("stream-1", 5L), ((string?)txnLine["appId"], (long)txnLine["version"]!));
        Assert.True((long)txnLine["lastUpdated"]! > 0);

        var again = table.StartTransaction();
        Assert.True(again.IsCommitted(new TransactionId("stream-1", 5)));
        Assert.True(again.IsCommitted(new TransactionId("stream-1", 4)));
        Assert.False(again.IsCommitted(new TransactionId("stream-1", 6)));
        Assert.False(again.IsCommitted(new TransactionId("stream-2", 0)));

        // The committer itself skips a committed transaction, writing nothing.
        var actions = new DeltaAction[] { DataFile(temp.Path, "b", "x", 2) };
        var skipped = DeltaCommitter.Commit(table, actions, new CommitRequest { Operation = "WRITE", ReadVersion = 1, IsBlindAppend = true, Txn = new TransactionId("stream-1", 5) });
        Assert.Equal((1L, true), (skipped.Version, skipped.Skipped));
        Assert.Equal(1L, table.LatestSnapshot().Version);
        Assert.Equal([1L], Ids(table.LatestSnapshot()));
    }

    [Fact]
    public void A_blind_append_that_loses_the_race_is_committed_at_the_next_version()
    {
        using var temp = new TempTable();
        var table = Create(temp.Path);
        var slow = table.StartTransaction();
        slow.AddFile(DataFile(temp.Path, "slow", "x", 1));
        Append(table, "fast1", "y", 2);
        Append(table, "fast2", "y", 3);
        var result = slow.Commit("WRITE");
        Assert.Equal((3L, 2), (result.Version, result.Attempts)); // version 1 taken; versions 1 and 2 read; 3 free
        Assert.Equal([1L, 2, 3], Ids(table.LatestSnapshot()));
        var info = Line(temp.Path, 3, "commitInfo");
        Assert.Equal(0L, (long)info["readVersion"]!);
        Assert.True((bool)info["isBlindAppend"]!);
    }

    [Fact]
    public void An_overwrite_that_loses_the_race_fails_naming_the_table_the_version_and_the_other_write()
    {
        using var temp = new TempTable();
        var table = Create(temp.Path);
        Append(table, "a", "x", 1);
        var overwrite = table.StartTransaction();
        overwrite.RemoveAllFiles();
        overwrite.AddFile(DataFile(temp.Path, "o", "x", 9));
        Append(table, "b", "x", 2);
        var error = Assert.Throws<DeltaConcurrentModificationException>(() => overwrite.Commit("WRITE"));
        Assert.Contains(table.Path, error.Message);
        Assert.Contains("version 2", error.Message);
        Assert.Contains("added 1 file", error.Message);
        Assert.Equal((1L, 2L), (error.ReadVersion, error.ConflictingVersion));
        Assert.Equal(2L, table.LatestSnapshot().Version);
        Assert.Equal([1L, 2], Ids(table.LatestSnapshot()));
    }

    [Fact]
    public void A_blind_append_fails_over_a_metadata_change_a_protocol_change_or_the_same_application()
    {
        using var temp = new TempTable();
        var table = Create(temp.Path);

        var append = table.StartTransaction();
        append.AddFile(DataFile(temp.Path, "a", "x", 1));
        var change = table.StartTransaction();
        change.UpdateMetadata(change.Metadata! with { Configuration = new Dictionary<string, string> { ["k"] = "v" } });
        change.Commit("SET TBLPROPERTIES");
        var metadataError = Assert.Throws<DeltaConcurrentModificationException>(() => append.Commit("WRITE"));
        Assert.Contains("changed the table's metadata", metadataError.Message);

        var append2 = table.StartTransaction();
        append2.AddFile(DataFile(temp.Path, "b", "x", 2));
        var upgrade = table.StartTransaction();
        upgrade.UpdateProtocol(new Protocol(1, 3));
        upgrade.Commit("UPGRADE PROTOCOL");
        Assert.Contains("changed the table's protocol", Assert.Throws<DeltaConcurrentModificationException>(() => append2.Commit("WRITE")).Message);

        var mine = table.StartTransaction();
        mine.AddFile(DataFile(temp.Path, "c", "x", 3));
        mine.SetTransaction(new TransactionId("app", 1));
        var theirs = table.StartTransaction();
        theirs.AddFile(DataFile(temp.Path, "d", "x", 4));
        theirs.SetTransaction(new TransactionId("app", 1));
        theirs.Commit("WRITE");
        Assert.Contains("same application transaction 'app'", Assert.Throws<DeltaConcurrentModificationException>(() => mine.Commit("WRITE")).Message);
        Assert.Equal([4L], Ids(table.LatestSnapshot()));
    }

    [Fact]
    public void Two_creators_race_and_one_fails()
    {
        using var temp = new TempTable();
        var first = DeltaTable.ForPath(temp.Path).StartTransaction();
        var second = DeltaTable.ForPath(temp.Path).StartTransaction();
        first.UpdateMetadata(MetadataFactory.New(Schema, ["part"]));
        second.UpdateMetadata(MetadataFactory.New(Schema, []));
        Assert.Equal(0L, first.Commit("CREATE TABLE").Version);
        var error = Assert.Throws<DeltaConcurrentModificationException>(() => second.Commit("CREATE TABLE"));
        Assert.Contains("created the table", error.Message);
        Assert.Equal(-1L, error.ReadVersion);
        Assert.Equal(["part"], DeltaTable.ForPath(temp.Path).LatestSnapshot().PartitionColumns);
    }

    [Fact]
    public void Bad_commits_are_refused_before_anything_is_written()
    {
        using var temp = new TempTable();
        var table = Create(temp.Path);
        var add = DataFile(temp.Path, "a", "x", 1);
        Assert.Throws<ArgumentException>(() => DeltaCommitter.Commit(table, [add, add], new CommitRequest { Operation = "WRITE", ReadVersion = 0 }));
        Assert.Throws<ArgumentException>(() => DeltaCommitter.Commit(table, [add with { PartitionValues = new Dictionary<string, string?>() }], new CommitRequest { Operation = "WRITE", ReadVersion = 0 }));
        Assert.Throws<ArgumentException>(() => DeltaCommitter.Commit(table, [new CommitInfo(new JsonObject())], new CommitRequest { Operation = "WRITE", ReadVersion = 0 }));
        using var empty = new TempTable();
        Assert.Throws<ArgumentException>(() => DeltaCommitter.Commit(DeltaTable.ForPath(empty.Path), [add], new CommitRequest { Operation = "WRITE" }));
        Assert.Equal(0L, table.LatestSnapshot().Version);
    }

    [Fact]
    public void An_append_only_table_is_not_overwritten()
    {
        using var temp = new TempTable();
        var table = Create(temp.Path, new Dictionary<string, string> { ["delta.appendOnly"] = "true" });
        Append(table, "a", "x", 1);
        var txn = table.StartTransaction();
        txn.RemoveAllFiles();
        var error = Assert.Throws<DeltaUnsupportedWriteException>(() => txn.Commit("WRITE"));
        Assert.Contains("append-only", error.Message);
    }

    [Theory]
    [InlineData("""{"protocol":{"minReaderVersion":1,"minWriterVersion":7,"writerFeatures":["rowTracking"]}}""", "'rowTracking'")]
    [InlineData("""{"protocol":{"minReaderVersion":1,"minWriterVersion":8}}""", "writer version 8")]
    [InlineData("""{"protocol":{"minReaderVersion":1,"minWriterVersion":4}}""", "generated column")]
    public void Tables_the_writer_can_not_honour_are_refused(string protocol, string reason)
    {
        using var temp = new TempTable();
        var schema = """{"type":"struct","fields":[{"name":"g","type":"integer","nullable":true,"metadata":{"delta.generationExpression":"1"}}]}""";
        temp.Commit(0, protocol,
            "{\"metaData\":{\"id\":\"t\",\"format\":{\"provider\":\"parquet\",\"options\":{}},\"schemaString\":" + JsonValue.Create(schema).ToJsonString() + ",\"partitionColumns\":[],\"configuration\":{}}}");
        var error = Assert.Throws<DeltaUnsupportedWriteException>(() => DeltaTable.ForPath(temp.Path).StartTransaction());
        Assert.Contains(reason, error.Message);
        Assert.Contains(temp.Path, error.Message);
    }

    [Fact]
    public void In_commit_timestamps_are_written_first_and_increase()
    {
        using var temp = new TempTable();
        temp.Commit(0, """{"commitInfo":{"inCommitTimestamp":4102444800000,"timestamp":1}}""",
            """{"protocol":{"minReaderVersion":1,"minWriterVersion":7,"writerFeatures":["inCommitTimestamp"]}}""",
            "{\"metaData\":{\"id\":\"t\",\"format\":{\"provider\":\"parquet\",\"options\":{}},\"schemaString\":" + JsonValue.Create(Schema.Json).ToJsonString() +
            ",\"partitionColumns\":[\"part\"],\"configuration\":{\"delta.enableInCommitTimestamps\":\"true\"}}}");
        var table = DeltaTable.ForPath(temp.Path);
        Append(table, "a", "x", 1);
        var first = File.ReadLines(Path.Combine(temp.Log, LogFileName.Commit(1))).First();
        Assert.StartsWith("{\"commitInfo\":{\"inCommitTimestamp\":4102444800001,", first);
    }
}
