using AlaSpark.Catalog;
using AlaSpark.Types;

namespace AlaSpark.Tests.Processors;

/// <summary>AddWatermark on the embedded engine: on a batch it keeps every row, and it checks its column and delay.</summary>
public class AddWatermarkTests
{
    private static readonly StructType Schema = StructType.FromDdl("event_id STRING, event_time TIMESTAMP, event_day DATE, label STRING");

    private static readonly object?[][] Rows =
    [
        ["a", new DateTime(2026, 11, 1, 10, 0, 0, DateTimeKind.Utc), new DateOnly(2026, 11, 1), "first"],
        ["b", new DateTime(2026, 11, 1, 9, 0, 0, DateTimeKind.Utc), new DateOnly(2026, 11, 1), "an hour late"],
        ["a", new DateTime(2026, 11, 1, 10, 0, 0, DateTimeKind.Utc), new DateOnly(2026, 11, 1), "first"],
        ["c", null, null, "no time"],
    ];

    private static ProcessedTable Table(LocalLake lake)
    {
        var entry = new CatalogTable("raw__web_events", "events", Path.Combine(lake.Root, "events"), "parquet", Schema);
        return new ProcessedTable(new SourceTable(lake.Session, entry, "raw_to_cooked"), lake.Session.CreateDataFrame(Schema, Rows));
    }

    private static List<string> Collect(ProcessedTable table) =>
        table.DataFrame.Collect().Select(r => string.Join("|", r.Values.Select(v => v?.ToString() ?? "null"))).Order(StringComparer.Ordinal).ToList();

    [Fact]
    public void On_a_batch_every_row_and_column_stays_as_it_was()
    {
        using var lake = new LocalLake();
        var before = Table(lake);
        var after = before.Apply(new AddWatermark("event_time", "10 minutes"));

        Assert.Equal(Collect(before), Collect(after));
        Assert.Equal(4, Collect(after).Count);
        Assert.Equal(before.DataFrame.Schema, after.DataFrame.Schema);
        Assert.Contains("WithWatermark event_time, 10 minutes", after.DataFrame.Explain());
        Assert.Equal("AddWatermark(\"event_time\", \"10 minutes\")", after.Lineage[^1].ToString());
    }

    [Fact]
    public void DropDuplicates_after_it_drops_duplicates_as_on_any_batch()
    {
        using var lake = new LocalLake();
        var table = Table(lake).Apply(new AddWatermark("event_time", "1 hour")).Apply(new DropDuplicates(["event_id"]));
        Assert.Equal(["a", "b", "c"], table.DataFrame.Collect().Select(r => (string)r["event_id"]!).Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("10 minutes")]
    [InlineData("1 hour")]
    [InlineData("30 seconds")]
    [InlineData("interval 1 day 2 hours")]
    [InlineData("0 seconds")]
    public void Takes_any_Spark_interval(string delay)
    {
        using var lake = new LocalLake();
        Assert.Equal(4, Table(lake).Apply(new AddWatermark("event_time", delay)).DataFrame.Count());
    }

    [Theory]
    [InlineData("10 minuts", "'minuts' is not a unit")]
    [InlineData("ten minutes", "'ten' is not a number")]
    [InlineData("10", "has no unit")]
    [InlineData("", "no number and unit")]
    [InlineData("1.5 hours", "only seconds")]
    public void A_delay_that_is_not_an_interval_names_the_processor_the_column_and_the_value(string delay, string reason)
    {
        using var lake = new LocalLake();
        var error = Assert.Throws<AlaSparkException>(() => Table(lake).Apply(new AddWatermark("event_time", delay)));
        Assert.StartsWith($"AddWatermark(\"event_time\", \"{delay}\") in pipeline 'raw_to_cooked' (table raw__web_events.events)", error.Message);
        Assert.Contains($"the delay \"{delay}\" is not a Spark interval", error.Message);
        Assert.Contains(reason, error.Message);
        Assert.Contains("such as \"10 minutes\"", error.Message);
    }

    [Fact]
    public void A_negative_delay_is_refused()
    {
        using var lake = new LocalLake();
        var error = Assert.Throws<AlaSparkException>(() => Table(lake).Apply(new AddWatermark("event_time", "-5 minutes")));
        Assert.Contains("the delay \"-5 minutes\" is negative", error.Message);
    }

    [Theory]
    [InlineData("label", "string")]
    [InlineData("event_day", "date")]
    public void A_column_that_is_not_a_timestamp_is_refused(string column, string type)
    {
        using var lake = new LocalLake();
        var error = Assert.Throws<AlaSparkException>(() => Table(lake).Apply(new AddWatermark(column, "10 minutes")));
        Assert.Contains($"the column '{column}' is {type}", error.Message);
        Assert.Contains("raw_to_cooked", error.Message);
        Assert.Contains($"AlterDataType(\"{column}\", \"timestamp\")", error.Message);
    }

    [Fact]
    public void A_missing_column_is_named_with_the_columns_that_exist()
    {
        using var lake = new LocalLake();
        var error = Assert.Throws<AlaSparkException>(() => Table(lake).Apply(new AddWatermark("event_ts", "10 minutes")));
        Assert.Contains("AddWatermark: the column 'event_ts' does not exist", error.Message);
        Assert.Contains("event_id, event_time, event_day, label", error.Message);
    }
}
