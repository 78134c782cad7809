using AlaSpark.Delta.Tests;
using AlaSpark.Delta.Tests.Conformance;

namespace AlaSpark.Engine.DuckDb.Tests.Delta;

/// <summary>
/// The Delta golden tables' rows, read by the embedded engine: every table the log reader reads is
/// scanned (partition values as columns, column mapping, deletion vectors) and holds the rows that
/// what wrote it says it holds.
/// </summary>
public class GoldenTableDataTests
{
    public static TheoryData<string> ReadableTables()
    {
        var data = new TheoryData<string>();
        foreach (var e in Expectations.All.Where(e => e.Verdict == Verdict.Read && !e.Synthetic && e.Rows is not null))
            data.Add(e.Table);
        return data;
    }

    [Theory]
    [MemberData(nameof(ReadableTables))]
    public void The_engine_reads_the_rows_of_a_golden_table(string table)
    {
        var expected = Expectations.For(table);
        using var lake = new TempLake();
        var df = lake.Session.Read.Format("delta").Load(Golden.Table(table));
        Assert.Equal(expected.Schema, df.Schema.SimpleString);
        var rows = df.Collect();
        Assert.Equal(expected.Rows, rows.Count);
        Assert.Equal(expected.Rows, df.Count());
    }

    [Fact]
    public void Partition_values_and_time_travel_come_back_as_columns()
    {
        using var lake = new TempLake();
        var path = Golden.Table("data-reader-partition-values");
        var rows = lake.Session.Read.Format("delta").Load(path).Collect();
        Assert.NotEmpty(rows);
        var v0 = lake.Session.Read.Format("delta").Option("versionAsOf", "0").Load(Golden.Table("time-travel-start-start20")).Count();
        var latest = lake.Session.Read.Format("delta").Load(Golden.Table("time-travel-start-start20")).Count();
        Assert.True(v0 < latest, $"version 0 has {v0} rows, the latest {latest}");
    }
}
