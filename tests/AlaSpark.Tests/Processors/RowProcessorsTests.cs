using AlaSpark.Plan;
using static AlaSpark.Tests.Processors.ProcessorTables;

namespace AlaSpark.Tests.Processors;

/// <summary>DeduplicateMicrobatch, FilterNulls, SortRows and LimitRows on the embedded engine.</summary>
public class RowProcessorsTests
{
    private const string Ddl = "id STRING, region STRING, updated_at TIMESTAMP, amount DOUBLE, note STRING";

    private static DateTime At(int hour, int micros = 0) => new DateTime(2026, 5, 1, hour, 0, 0, DateTimeKind.Utc).AddTicks(micros * 10);

    private static ProcessedTable Updates(LocalLake lake) => FromRows(lake, Ddl,
        ["a", "eu", At(9), 1.0, "first"],
        ["a", "eu", At(11), 2.0, "latest"],
        ["a", "eu", At(10), 3.0, "middle"],
        ["a", "us", At(8), 4.0, "other region"],
        ["b", "eu", null, 5.0, "no time"],
        ["b", "eu", At(7), 6.0, "has a time"],
        ["c", null, null, 7.0, "only null time"],
        [null, null, At(1), 8.0, "null key, older"],
        [null, null, At(2), 9.0, "null key, newer"],
        ["d", "日本", At(5, 1), 10.0, "tie, 1 µs later"],
        ["d", "日本", At(5), 11.0, "tie lost by a microsecond"]);

    [Fact]
    public void DeduplicateMicrobatch_keeps_the_latest_row_per_key()
    {
        using var lake = new LocalLake();
        var table = Updates(lake).Apply(new DeduplicateMicrobatch(["id", "region"], "updated_at"));
        Assert.Equal(Schema(Updates(lake)), Schema(table));
        Assert.Equal(
        [
            "NULL|NULL|2026-05-01 02:00:00|9.0|null key, newer",
            "a|eu|2026-05-01 11:00:00|2.0|latest",
            "a|us|2026-05-01 08:00:00|4.0|other region",
            "b|eu|2026-05-01 07:00:00|6.0|has a time",
            "c|NULL|NULL|7.0|only null time",
            "d|日本|2026-05-01 05:00:00.000001|10.0|tie, 1 µs later",
        ], Rows(table));
        Assert.Equal("DeduplicateMicrobatch([\"id\", \"region\"], \"updated_at\")", table.Lineage[^1].ToString());
    }

    [Fact]
    public void DeduplicateMicrobatch_keeps_one_of_rows_that_tie_the_same_on_every_run_and_keeps_partitions()
    {
        using var lake = new LocalLake();
        var ties = FromRows(lake, "k INT, v INT, note STRING", [1, 5, "x"], [1, 5, "y"], [1, 4, "z"], [2, null, "n1"], [2, null, "n2"]);
        var first = Rows(ties.Apply(new DeduplicateMicrobatch(["k"], "v")));
        Assert.Equal(2, first.Count);
        Assert.Contains(first[0], new[] { "1|5|x", "1|5|y" });
        Assert.StartsWith("2|NULL|n", first[1]);
        for (var run = 0; run < 3; run++) Assert.Equal(first, Rows(ties.Apply(new DeduplicateMicrobatch(["k"], "v"))));

        var partitioned = Updates(lake).Apply(new AddPartition("day", "updated_at")).Apply(new DeduplicateMicrobatch(["id"], "amount"));
        Assert.Equal(["day"], partitioned.PartitionColumns);
        Assert.Empty(Rows(FromRows(lake, Ddl).Apply(new DeduplicateMicrobatch(["id"], "updated_at"))));
    }

    [Fact]
    public void DeduplicateMicrobatch_checks_its_arguments_and_columns()
    {
        Assert.Contains("orderBy 'ID' is also a key", ConstructorFailure(() => new DeduplicateMicrobatch(["id"], "ID")));
        Assert.Contains("keys is empty", ConstructorFailure(() => new DeduplicateMicrobatch([], "t")));
        using var lake = new LocalLake();
        Assert.Contains("the column 'version' does not exist", Failure(Updates(lake), new DeduplicateMicrobatch(["id"], "version")));
        var arrays = FromJson(lake, "id INT, versions ARRAY<INT>", """{"id": 1, "versions": [1]}""");
        Assert.Contains("the latest row is found by a column of single values", Failure(arrays, new DeduplicateMicrobatch(["id"], "versions")));
    }

    [Fact]
    public void FilterNulls_keeps_rows_without_nulls_in_the_columns_and_keeps_NaN()
    {
        using var lake = new LocalLake();
        var table = FromRows(lake, "a STRING, b DOUBLE", ["x", 1.0], [null, 2.0], ["日本", double.NaN], ["", null], [null, null]);
        Assert.Equal(["x|1.0", "日本|NaN"], Rows(table.Apply(new FilterNulls([]))));
        Assert.Equal(["x|1.0", "|NULL", "日本|NaN"], Rows(table.Apply(new FilterNulls(["a"]))));
        Assert.Equal(Schema(table), Schema(table.Apply(new FilterNulls(["b"]))));
        Assert.Contains("the column 'c' does not exist", Failure(table, new FilterNulls(["c"])));
        Assert.Empty(Rows(FromRows(lake, "a STRING").Apply(new FilterNulls([]))));
    }

    [Fact]
    public void SortRows_sorts_with_Sparks_null_order_in_each_direction()
    {
        using var lake = new LocalLake();
        var table = FromRows(lake, "g STRING, n INT", ["b", 2], ["a", null], ["b", null], [null, 1], ["a", 3], ["é", 0]);
        Assert.Equal(["NULL|1", "a|3", "a|NULL", "b|2", "b|NULL", "é|0"], InOrder(table.Apply(new SortRows(["g", "n desc"]))));
        Assert.Equal(["b|NULL", "a|NULL", "é|0", "NULL|1", "b|2", "a|3"], InOrder(table.Apply(new SortRows(["n ASC", "g DESC"]))));
        Assert.Equal("SortRows([\"g\", \"n DESC\"])", table.Apply(new SortRows(["g", "n desc"])).Lineage[^1].ToString());
    }

    [Fact]
    public void SortRows_checks_its_columns()
    {
        Assert.Contains("\"n sideways\" is not a column to sort by", ConstructorFailure(() => new SortRows(["n sideways"])));
        Assert.Contains("sorts by 'n' twice", ConstructorFailure(() => new SortRows(["n", "N DESC"])));
        using var lake = new LocalLake();
        var maps = FromJson(lake, "m MAP<STRING, INT>", """{"m": {"a": 1}}""");
        Assert.Contains("a map can't be sorted by", Failure(maps, new SortRows(["m"])));
    }

    [Fact]
    public void LimitRows_keeps_at_most_n_rows()
    {
        using var lake = new LocalLake();
        var table = Updates(lake);
        Assert.Equal(["a|eu|2026-05-01 11:00:00|2.0|latest", "a|eu|2026-05-01 10:00:00|3.0|middle"],
            InOrder(table.Apply(new SortRows(["updated_at DESC"])).Apply(new LimitRows(2))));
        Assert.Empty(Rows(table.Apply(new LimitRows(0))));
        Assert.Equal(11, Rows(table.Apply(new LimitRows(100))).Count);
        Assert.Equal("LimitRows: n is -1; it is the most rows to keep, 0 or more.", ConstructorFailure(() => new LimitRows(-1)));
    }

    [Fact]
    public void SortRows_and_LimitRows_refuse_a_stream()
    {
        using var lake = new LocalLake();
        var batch = Updates(lake);
        var streamRead = new Read(new DataSource("json", ValueList.Of(Path.Combine(lake.Root, "stream")), batch.DataFrame.Schema, new ValueMap(new Dictionary<string, string>())), IsStreaming: true);
        var stream = batch with { DataFrame = new DataFrame(lake.Session.Engine, streamRead) };
        foreach (ToTableProcessor processor in new ToTableProcessor[] { new SortRows(["id"]), new LimitRows(10) })
        {
            var error = Failure(stream, processor);
            Assert.StartsWith($"{processor.Name}(", error);
            Assert.Contains("needs the whole table, so it can't run on a stream (ALS4004)", error);
        }
    }
}
