using AlaSpark.Delta.Log;
using static AlaSpark.Delta.Tests.Writing.WriteTestData;

namespace AlaSpark.Delta.Tests.Robustness;

/// <summary>
/// A damaged log never reads as other rows: each damage is a <see cref="DeltaException"/> naming the table path
/// and the version.
/// </summary>
public class BadInputTests
{
    /// <summary>A table of <paramref name="appends"/> appends of one row each (id = version).</summary>
    private static DeltaTable Table(TempTable temp, int appends)
    {
        var table = Create(temp.Path);
        for (var i = 1; i <= appends; i++) Append(table, $"f{i}", "p" + (i % 2), i);
        return table;
    }

    private static void AssertFails(string tablePath, long version, Action read, string because)
    {
        var e = Assert.ThrowsAny<DeltaException>(read);
        Assert.Contains(tablePath, e.Message, StringComparison.Ordinal);
        Assert.Matches($@"\bversion {version}\b", e.Message);
        Assert.Contains(because, e.Message, StringComparison.Ordinal);
    }

    private static string CommitPath(TempTable temp, long version) => Path.Combine(temp.Log, LogFileName.Commit(version));

    [Fact]
    public void Garbage_in_the_middle_of_a_commit_names_the_table_and_the_version()
    {
        using var temp = new TempTable();
        var table = Table(temp, 4);
        var lines = File.ReadAllLines(CommitPath(temp, 2)).ToList();
        lines.Insert(1, "{\"add\":{\"path\":\"x.parquet\",\"partitionValues\":{}, GARBAGE ]]");
        File.WriteAllLines(CommitPath(temp, 2), lines);
        AssertFails(temp.Path, 2, () => table.LatestSnapshot(), "can't be read");
        AssertFails(temp.Path, 2, () => table.SnapshotAt(3), "can't be read");
        Assert.Equal([1L], Ids(table.SnapshotAt(1))); // versions before the damage still read
    }

    [Fact]
    public void A_commit_cut_short_in_its_last_line_names_the_table_and_the_version()
    {
        using var temp = new TempTable();
        var table = Table(temp, 3);
        var text = File.ReadAllText(CommitPath(temp, 3));
        File.WriteAllText(CommitPath(temp, 3), text[..(text.Length - 20)]);
        AssertFails(temp.Path, 3, () => table.LatestSnapshot(), "can't be read");
    }

    [Fact]
    public void A_missing_version_between_others_names_the_table_and_the_version()
    {
        using var temp = new TempTable();
        var table = Table(temp, 5);
        File.Delete(CommitPath(temp, 3));
        AssertFails(temp.Path, 3, () => table.LatestSnapshot(), "missing");
        AssertFails(temp.Path, 3, () => table.SnapshotAt(4), "missing");
        Assert.Equal([1L, 2], Ids(table.SnapshotAt(2)));
    }

    [Fact]
    public void A_missing_version_before_a_checkpoint_fails_only_the_versions_that_need_it()
    {
        using var temp = new TempTable();
        var table = Table(temp, 12);
        File.Delete(CommitPath(temp, 5));
        Assert.Equal(Enumerable.Range(1, 12).Select(i => (long)i), Ids(table.LatestSnapshot())); // from the checkpoint at 10
        AssertFails(temp.Path, 5, () => table.SnapshotAt(7), "missing");
    }

    [Fact]
    public void A_truncated_checkpoint_named_by_last_checkpoint_names_the_table_and_the_version()
    {
        using var temp = new TempTable();
        var table = Table(temp, 12);
        Assert.NotNull(table.Log.ReadLastCheckpoint());
        var checkpoint = Path.Combine(temp.Log, LogFileName.ClassicCheckpoint(10));
        var bytes = File.ReadAllBytes(checkpoint);
        File.WriteAllBytes(checkpoint, bytes[..(bytes.Length / 2)]);
        AssertFails(temp.Path, 10, () => table.LatestSnapshot(), "can't be read");
        AssertFails(temp.Path, 10, () => table.SnapshotAt(11), "can't be read");
    }

    [Fact]
    public void A_garbage_checkpoint_without_last_checkpoint_names_the_table_and_the_version()
    {
        using var temp = new TempTable();
        var table = Table(temp, 11);
        File.Delete(Path.Combine(temp.Log, LogFileName.LastCheckpoint));
        File.WriteAllText(Path.Combine(temp.Log, LogFileName.ClassicCheckpoint(10)), "PAR1 this is not a parquet file PAR1");
        AssertFails(temp.Path, 10, () => table.LatestSnapshot(), "can't be read");
    }

    /// <summary>
    /// A valid checkpoint of another version under the name of the one _last_checkpoint names (a stale copy): it
    /// used to read silently as the older version's files — rows 1..10 instead of 1..20.
    /// </summary>
    [Fact]
    public void A_checkpoint_whose_content_does_not_match_last_checkpoint_is_not_read_as_other_rows()
    {
        using var temp = new TempTable();
        var table = Table(temp, 21);
        Assert.Equal(20, table.Log.ReadLastCheckpoint()!.Version);
        File.Copy(Path.Combine(temp.Log, LogFileName.ClassicCheckpoint(10)), Path.Combine(temp.Log, LogFileName.ClassicCheckpoint(20)), overwrite: true);
        AssertFails(temp.Path, 20, () => table.LatestSnapshot(), "add actions, but _last_checkpoint records 20");
        AssertFails(temp.Path, 20, () => table.SnapshotAt(20), "_last_checkpoint");
        // Before the damaged checkpoint the table still reads (from the checkpoint at 10).
        Assert.Equal(Enumerable.Range(1, 15).Select(i => (long)i), Ids(table.SnapshotAt(15)));
    }

    [Fact]
    public void Garbage_json_in_a_commit_after_the_checkpoint_names_the_table_and_the_version()
    {
        using var temp = new TempTable();
        var table = Table(temp, 12);
        File.WriteAllText(CommitPath(temp, 11), "{\"commitInfo\":{}}\nnot json at all\n{\"add\":{}}\n");
        AssertFails(temp.Path, 11, () => table.LatestSnapshot(), "can't be read");
    }
}
