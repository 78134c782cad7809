using System.Text;
using System.Text.Json.Nodes;
using AlaSpark.Delta.Log;
using AlaSpark.Delta.Storage;

namespace AlaSpark.Delta.Tests;

public class LogTests
{
    [Fact]
    public void The_last_checkpoint_checksum_is_the_protocols_canonical_JSON_MD5()
    {
        var json = JsonNode.Parse("""{"k0":"'v 0'", "checksum": "adsaskfljadfkjadfkj", "k1":{"k2": 2, "k3": ["v3", [1, 2], {"k4": "v4", "k5": ["v5", "v6", "v7"]}]}}""")!.AsObject();
        Assert.Equal("\"k0\"=\"%27v%200%27\",\"k1\"+\"k2\"=2,\"k1\"+\"k3\"+0=\"v3\",\"k1\"+\"k3\"+1+0=1,\"k1\"+\"k3\"+1+1=2,\"k1\"+\"k3\"+2+\"k4\"=\"v4\",\"k1\"+\"k3\"+2+\"k5\"+0=\"v5\",\"k1\"+\"k3\"+2+\"k5\"+1=\"v6\",\"k1\"+\"k3\"+2+\"k5\"+2=\"v7\"",
            LastCheckpoint.Canonicalize(json));
        Assert.Equal("6a92d155a59bf2eecbd4b4ec7fd1f875", LastCheckpoint.ComputeChecksum(json));
    }

    [Theory]
    [InlineData("v2-checkpoint-json", 2)]
    [InlineData("v2-checkpoint-parquet", 2)]
    [InlineData("spark-variant-checkpoint", 2)]
    [InlineData("multi-part-checkpoint", 1)]
    [InlineData("checkpoint", 10)]
    public void Golden_last_checkpoint_files_parse_and_their_checksums_match(string table, long version)
    {
        var text = File.ReadAllText(Path.Combine(Golden.Table(table), "_delta_log", "_last_checkpoint"));
        var last = LastCheckpoint.TryParse(text);
        Assert.NotNull(last);
        Assert.Equal(version, last.Version);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("{not json")]
    [InlineData("[1]")]
    [InlineData("""{"size":13}""")]
    [InlineData("""{"version":10,"size":13,"checksum":"00000000000000000000000000000000"}""")]
    public void A_corrupt_last_checkpoint_is_no_hint(string text) => Assert.Null(LastCheckpoint.TryParse(text));

    [Theory]
    [InlineData("")]
    [InlineData("{\"version\":10,\"size\":13")]
    [InlineData("{\"version\":99,\"size\":13}")]
    [InlineData("{\"version\":5,\"size\":13}")]
    public void A_corrupt_or_wrong_last_checkpoint_is_recovered_by_listing_the_log(string content)
    {
        using var copy = Golden.Copy("corrupted-last-checkpoint");
        var expected = DeltaTable.ForPath(copy.Path).LatestSnapshot();
        File.WriteAllText(Path.Combine(copy.Log, "_last_checkpoint"), content);
        var snapshot = DeltaTable.ForPath(copy.Path).LatestSnapshot();
        Assert.Equal(10, snapshot.Version);
        Assert.Equal(10, snapshot.CheckpointVersion);
        Assert.Equal(expected.Files.Select(f => f.Path), snapshot.Files.Select(f => f.Path));
    }

    [Fact]
    public void Without_last_checkpoint_the_newest_checkpoint_is_found_by_listing()
    {
        using var copy = Golden.Copy("basic-with-inserts-deletes-checkpoint");
        File.Delete(Path.Combine(copy.Log, "_last_checkpoint"));
        var snapshot = DeltaTable.ForPath(copy.Path).LatestSnapshot();
        Assert.Equal((13L, 10L, 7), (snapshot.Version, snapshot.CheckpointVersion!.Value, snapshot.Files.Count));
    }

    [Fact]
    public void A_multi_part_checkpoint_missing_a_part_is_ignored()
    {
        using var copy = Golden.Copy("multi-part-checkpoint");
        File.Delete(Path.Combine(copy.Log, "00000000000000000001.checkpoint.0000000002.0000000002.parquet"));
        var snapshot = DeltaTable.ForPath(copy.Path).LatestSnapshot();
        Assert.Null(snapshot.CheckpointVersion); // replayed from the commits instead
        Assert.Equal(10, snapshot.Files.Count);
    }

    [Fact]
    public void A_version_before_the_checkpoint_is_replayed_from_the_commits()
    {
        var table = DeltaTable.ForPath(Golden.Table("basic-with-inserts-deletes-checkpoint"));
        var v4 = table.SnapshotAt(4);
        Assert.Null(v4.CheckpointVersion);
        Assert.Equal(5, v4.Files.Count);
        Assert.Equal(50, v4.Files.Sum(f => f.NumRecords));
        var v10 = table.SnapshotAt(10);
        Assert.Equal(10, v10.CheckpointVersion);
        var v11 = table.SnapshotAt(11);
        Assert.Equal(v10.Files.Count + 1, v11.Files.Count);
    }

    [Fact]
    public void A_log_truncated_before_its_checkpoint_reads_from_the_checkpoint_and_refuses_older_versions()
    {
        using var copy = Golden.Copy("basic-with-inserts-deletes-checkpoint");
        for (var v = 0; v < 10; v++) File.Delete(Path.Combine(copy.Log, LogFileName.Commit(v)));
        var table = DeltaTable.ForPath(copy.Path);
        Assert.Equal(13, table.LatestSnapshot().Version);
        Assert.Equal(10, table.SnapshotAt(10).Version);
        var error = Assert.Throws<DeltaVersionNotFoundException>(() => table.SnapshotAt(5));
        Assert.Contains("earliest version the log can reconstruct is 10", error.Message);
        Assert.Equal((10, 13), (error.EarliestVersion, error.LatestVersion));
        var missing = Assert.Throws<DeltaVersionNotFoundException>(() => table.SnapshotAt(14));
        Assert.Contains("latest available version is 13", missing.Message);
    }

    [Fact]
    public void Log_file_names()
    {
        Assert.Equal(new LogFileName(LogFileKind.Commit, 7, Extension: "json"), LogFileName.Parse("00000000000000000007.json"));
        Assert.Equal(LogFileKind.ClassicCheckpoint, LogFileName.Parse("00000000000000000010.checkpoint.parquet")!.Kind);
        var part = LogFileName.Parse("00000000000000000010.checkpoint.0000000002.0000000003.parquet")!;
        Assert.Equal((LogFileKind.MultiPartCheckpoint, 10L, 2, 3), (part.Kind, part.Version, part.Part, part.Parts));
        var uuid = LogFileName.Parse("00000000000000000002.checkpoint.6374b053-df23-479b-b2cf-c9c550132b49.json")!;
        Assert.Equal((LogFileKind.UuidCheckpoint, "json"), (uuid.Kind, uuid.Extension));
        Assert.Equal(LogFileKind.Compaction, LogFileName.Parse("00000000000000000004.00000000000000000006.compacted.json")!.Kind);
        Assert.Equal(LogFileKind.Checksum, LogFileName.Parse("00000000000000000000.crc")!.Kind);
        Assert.Null(LogFileName.Parse("_last_checkpoint"));
        Assert.Null(LogFileName.Parse("0000000000000000000.json"));
        Assert.Null(LogFileName.Parse(".00000000000000000000.json.crc"));
        Assert.Equal("00000000000000000010.checkpoint.0000000001.0000000003.parquet", LogFileName.MultiPartCheckpoint(10, 1, 3));
    }
}

public class LogStoreTests
{
    [Fact]
    public void Read_returns_the_files_content()
    {
        var store = LocalLogStore.Instance;
        Assert.Equal("zero\nnone\n", Encoding.UTF8.GetString(store.Read(Path.Combine(Golden.Table("log-store-read"), "0"))));
        Assert.Equal("one\n", Encoding.UTF8.GetString(store.Read(Path.Combine(Golden.Table("log-store-read"), "1"))));
        Assert.Throws<FileNotFoundException>(() => store.Read(Path.Combine(Golden.Table("log-store-read"), "2")));
    }

    [Theory]
    [InlineData("0", new[] { "1", "2", "3" })]
    [InlineData("1", new[] { "1", "2", "3" })]
    [InlineData("2", new[] { "2", "3" })]
    [InlineData("3", new[] { "3" })]
    [InlineData("4", new string[0])]
    public void ListFrom_lists_the_files_at_or_after_a_name_in_order(string from, string[] expected)
    {
        var listed = LocalLogStore.Instance.ListFrom(Path.Combine(Golden.Table("log-store-listFrom"), from));
        Assert.Equal(expected, listed.Select(f => f.Name));
        Assert.All(listed, f => Assert.True(f.Size > 0));
    }

    [Fact]
    public void Put_if_absent_writes_once_and_the_second_writer_loses()
    {
        using var temp = new TempTable();
        var path = Path.Combine(temp.Log, LogFileName.Commit(0));
        var store = LocalLogStore.Instance;
        store.PutIfAbsent(path, "first\n"u8);
        var error = Assert.Throws<DeltaFileAlreadyExistsException>(() => store.PutIfAbsent(path, "second\n"u8));
        Assert.Equal(path, error.FilePath);
        Assert.Equal("first\n", File.ReadAllText(path));
        Assert.Single(Directory.GetFiles(temp.Log)); // no temporary file left behind

        var last = Path.Combine(temp.Log, LogFileName.LastCheckpoint);
        store.WriteAtomically(last, "{\"version\":1}"u8);
        store.WriteAtomically(last, "{\"version\":2}"u8);
        Assert.Equal("{\"version\":2}", File.ReadAllText(last));
        Assert.Null(store.Stat(Path.Combine(temp.Log, "nope")));
        Assert.Empty(store.ListFrom(Path.Combine(temp.Path, "missing", "x")));
    }

    [Fact]
    public void Racing_writers_commit_a_version_exactly_once()
    {
        using var temp = new TempTable();
        var path = Path.Combine(temp.Log, LogFileName.Commit(1));
        var wins = 0;
        Parallel.For(0, 16, i =>
        {
            try
            {
                LocalLogStore.Instance.PutIfAbsent(path, Encoding.UTF8.GetBytes($"writer {i}\n"));
                Interlocked.Increment(ref wins);
            }
            catch (DeltaFileAlreadyExistsException)
            {
            }
        });
        Assert.Equal(1, wins);
        Assert.StartsWith("writer ", File.ReadAllText(path));
    }
}
