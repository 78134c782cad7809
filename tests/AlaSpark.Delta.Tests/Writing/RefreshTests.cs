using AlaSpark.Delta.Actions;
using AlaSpark.Delta.Storage;

namespace AlaSpark.Delta.Tests.Writing;

/// <summary>
/// <see cref="DeltaTable.Refresh"/>: the latest snapshot from an earlier one, reading only the commits after it —
/// what a streaming query's writer does between micro-batches instead of reading the checkpoint again.
/// </summary>
public class RefreshTests
{
    /// <summary>The local store, remembering which files were read (the reads are real).</summary>
    private sealed class ReadLog : ILogStore
    {
        private readonly ILogStore _store = LocalLogStore.Instance;
        public List<string> Reads { get; } = [];
        public IReadOnlyList<LogFileInfo> ListFrom(string path) => _store.ListFrom(path);
        public byte[] Read(string path) { Reads.Add(Path.GetFileName(path)); return _store.Read(path); }
        public Stream OpenRead(string path) { Reads.Add(Path.GetFileName(path)); return _store.OpenRead(path); }
        public LogFileInfo? Stat(string path) => _store.Stat(path);
        public bool DirectoryExists(string path) => _store.DirectoryExists(path);
        public void PutIfAbsent(string path, ReadOnlySpan<byte> content) => _store.PutIfAbsent(path, content);
        public void WriteAtomically(string path, ReadOnlySpan<byte> content) => _store.WriteAtomically(path, content);
    }

    private static void AssertSameTable(Snapshot expected, Snapshot actual)
    {
        Assert.Equal(expected.Version, actual.Version);
        Assert.Equal(expected.Files.Select(f => (f.Path, f.Add.Size)), actual.Files.Select(f => (f.Path, f.Add.Size)));
        Assert.Equal(expected.Tombstones.Select(t => t.Path).Order(), actual.Tombstones.Select(t => t.Path).Order());
        Assert.Equal(expected.Transactions.OrderBy(t => t.Key), actual.Transactions.OrderBy(t => t.Key));
        Assert.Equal(expected.Schema, actual.Schema);
        Assert.Equal(expected.Protocol, actual.Protocol);
        Assert.Equal(expected.Timestamp, actual.Timestamp);
        Assert.Equal(expected.CommitInfo?.Operation, actual.CommitInfo?.Operation);
        Assert.Equal(WriteTestData.Ids(expected), WriteTestData.Ids(actual));
    }

    [Fact]
    public void Refresh_reads_only_the_commits_after_the_known_snapshot_and_gives_the_latest_version()
    {
        using var temp = new TempTable();
        var writer = WriteTestData.Create(temp.Path);
        for (var i = 1; i <= 11; i++) WriteTestData.Append(writer, $"f{i}", $"p{i % 3}", i);
        var store = new ReadLog();
        var reader = DeltaTable.ForPath(temp.Path, new DeltaTableOptions { Store = store });
        var known = reader.LatestSnapshot();
        Assert.Equal((11L, 10L), (known.Version, known.CheckpointVersion!.Value));

        // Another writer: two appends, an application transaction, and an overwrite of one partition's file.
        WriteTestData.Append(writer, "f12", "p0", 12);
        var txn = writer.StartTransaction();
        txn.AddFile(WriteTestData.DataFile(temp.Path, "f13", "p1", 13));
        txn.SetTransaction(new TransactionId("query-a", 7));
        txn.Commit("STREAMING UPDATE");
        var remove = writer.StartTransaction();
        remove.RemoveFile(remove.Snapshot!.Files.First(f => f.Path.EndsWith("f3.parquet", StringComparison.Ordinal)).Add.ToRemove(1));
        remove.Commit("DELETE");

        store.Reads.Clear();
        var refreshed = reader.Refresh(known);
        Assert.Equal(["00000000000000000012.json", "00000000000000000013.json", "00000000000000000014.json"], store.Reads);
        AssertSameTable(DeltaTable.ForPath(temp.Path).LatestSnapshot(), refreshed);
        Assert.Equal(7, refreshed.TxnVersion("query-a"));
        Assert.Contains(refreshed.Tombstones, t => t.Path.EndsWith("f3.parquet", StringComparison.Ordinal));
        Assert.Equal(10, refreshed.CheckpointVersion);
    }

    [Fact]
    public void Refresh_of_an_unchanged_table_reads_nothing_and_returns_the_same_snapshot()
    {
        using var temp = new TempTable();
        var writer = WriteTestData.Create(temp.Path);
        WriteTestData.Append(writer, "a", "x", 1, 2);
        var store = new ReadLog();
        var reader = DeltaTable.ForPath(temp.Path, new DeltaTableOptions { Store = store });
        var known = reader.LatestSnapshot();
        store.Reads.Clear();

        Assert.Same(known, reader.Refresh(known));
        Assert.Empty(store.Reads);
    }

    [Fact]
    public void A_table_replaced_under_the_known_snapshot_is_read_again_from_its_log()
    {
        using var temp = new TempTable();
        var writer = WriteTestData.Create(temp.Path);
        for (var i = 1; i <= 3; i++) WriteTestData.Append(writer, $"old{i}", "x", i);
        var known = DeltaTable.ForPath(temp.Path).LatestSnapshot();

        // The table is deleted and created again: its version 3 is another file (or none), so nothing of the old
        // snapshot may be kept, and a writer must not commit version 4 after the new table's version 1.
        Directory.Delete(temp.Path, recursive: true);
        var again = WriteTestData.Create(temp.Path);
        WriteTestData.Append(again, "new1", "y", 100);
        var refreshed = DeltaTable.ForPath(temp.Path).Refresh(known);
        Assert.Equal(1, refreshed.Version);
        Assert.Equal([100L], WriteTestData.Ids(refreshed));

        // The same version number written again with other content is a replaced table too.
        WriteTestData.Append(again, "new2", "y", 101);
        WriteTestData.Append(again, "new3", "y", 102);
        var newKnown = DeltaTable.ForPath(temp.Path).LatestSnapshot();
        Directory.Delete(temp.Path, recursive: true);
        var third = WriteTestData.Create(temp.Path);
        for (var i = 1; i <= 4; i++) WriteTestData.Append(third, $"third{i}", "z", 200 + i, 300 + i);
        var afterReplace = DeltaTable.ForPath(temp.Path).Refresh(newKnown);
        AssertSameTable(DeltaTable.ForPath(temp.Path).LatestSnapshot(), afterReplace);
        Assert.Equal(8, WriteTestData.Ids(afterReplace).Count);
    }

    [Fact]
    public void A_checkpoint_written_after_a_commit_equals_the_one_read_from_the_whole_log()
    {
        using var temp = new TempTable();
        var writer = WriteTestData.Create(temp.Path);
        for (var i = 1; i <= 9; i++) WriteTestData.Append(writer, $"f{i}", $"p{i % 2}", i);
        var commit = WriteTestData.Append(writer, "f10", "p0", 10);
        Assert.Equal(10, commit.Checkpoint);

        // The committer built version 10 from the snapshot it read plus its own commit; read it back from the checkpoint alone.
        foreach (var json in Directory.GetFiles(temp.Log, "*.json").Where(f => !f.EndsWith("00000000000000000010.json", StringComparison.Ordinal)))
            File.Delete(json);
        var fromCheckpoint = DeltaTable.ForPath(temp.Path).LatestSnapshot();
        Assert.Equal((10L, 10L), (fromCheckpoint.Version, fromCheckpoint.CheckpointVersion!.Value));
        Assert.Equal(Enumerable.Range(1, 10).Select(i => (long)i), WriteTestData.Ids(fromCheckpoint));
    }

    [Fact]
    public void Refresh_refuses_a_snapshot_of_another_table()
    {
        using var one = new TempTable();
        using var two = new TempTable();
        WriteTestData.Create(one.Path);
        WriteTestData.Create(two.Path);
        var error = Assert.Throws<ArgumentException>(() => DeltaTable.ForPath(two.Path).Refresh(DeltaTable.ForPath(one.Path).LatestSnapshot()));
        Assert.Contains(one.Path, error.Message, StringComparison.Ordinal);
    }
}
