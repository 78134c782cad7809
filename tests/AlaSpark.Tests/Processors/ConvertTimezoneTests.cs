using static AlaSpark.Tests.Processors.ProcessorTables;

namespace AlaSpark.Tests.Processors;

/// <summary>ConvertTimezone on the embedded engine, and the time-zone ids it reads as Spark reads them.</summary>
public class ConvertTimezoneTests
{
    private static DateTime At(string text) => DateTime.SpecifyKind(DateTime.Parse(text, System.Globalization.CultureInfo.InvariantCulture), DateTimeKind.Utc);

    private static List<string> Convert(LocalLake lake, string from, string to, params string?[] times)
    {
        var table = FromRows(lake, "id INT, t TIMESTAMP", times.Select((t, i) => new object?[] { i, t is null ? null : At(t) }).ToArray());
        return table.Apply(new ConvertTimezone("t", from, to)).DataFrame.OrderBy("id").Select("t").Collect()
            .Select(r => ValueFormatter.Format(r[0])).ToList();
    }

    [Fact]
    public void Moves_wall_clock_times_between_zones_with_daylight_saving()
    {
        using var lake = new LocalLake();
        Assert.Equal(["2016-08-31 09:00:00", "2016-12-31 09:00:00.123456", "NULL"],
            Convert(lake, "UTC", "Asia/Seoul", "2016-08-31 00:00:00", "2016-12-31 00:00:00.123456", null));
        // New York is 6 hours behind Paris except in the weeks when only one of them has changed its clocks.
        Assert.Equal(["2026-01-15 18:00:00", "2026-03-10 17:00:00", "2026-07-01 18:00:00"],
            Convert(lake, "America/New_York", "Europe/Paris", "2026-01-15 12:00:00", "2026-03-10 12:00:00", "2026-07-01 12:00:00"));
        Assert.Equal(["2026-07-01 04:00:00"], Convert(lake, "+08:00", "GMT-4", "2026-07-01 16:00:00"));
    }

    [Fact]
    public void A_time_in_a_gap_moves_later_and_a_time_in_an_overlap_takes_the_earlier_offset()
    {
        using var lake = new LocalLake();
        Assert.Equal(["2024-03-10 07:30:00", "2024-11-03 05:30:00", "2024-11-03 07:30:00"],
            Convert(lake, "America/New_York", "UTC", "2024-03-10 02:30:00", "2024-11-03 01:30:00", "2024-11-03 02:30:00"));
        Assert.Equal(["2024-03-10 03:30:00"], Convert(lake, "America/New_York", "America/New_York", "2024-03-10 02:30:00"));
    }

    [Fact]
    public void Keeps_the_schema_and_works_on_empty_input()
    {
        using var lake = new LocalLake();
        var table = FromRows(lake, "t TIMESTAMP, note STRING").Apply(new ConvertTimezone("t", "PST", "UTC"));
        Assert.Equal("t timestamp, note string", Schema(table));
        Assert.Empty(Rows(table));
        Assert.Equal("ConvertTimezone(\"t\", \"PST\", \"UTC\")", table.Lineage[^1].ToString());
    }

    [Theory]
    [InlineData("Nowhere/Land", "'Nowhere/Land' is not a time zone")]
    [InlineData("Pacific Standard Time", "'Pacific Standard Time' is not a time zone")]
    [InlineData("+19:00", "'+19:00' is not an offset Spark reads")]
    [InlineData("+05:300", "'+05:300' is not an offset Spark reads")]
    [InlineData("", "the time zone is empty")]
    public void Refuses_a_zone_Spark_would_refuse(string zone, string reason)
    {
        var error = ConstructorFailure(() => new ConvertTimezone("t", "UTC", zone));
        Assert.StartsWith("ConvertTimezone: toZone: ", error);
        Assert.Contains(reason, error);
    }

    [Fact]
    public void Refuses_a_column_that_is_not_a_timestamp()
    {
        using var lake = new LocalLake();
        var error = Failure(FromRows(lake, "t STRING", ["2026-01-01 00:00:00"]), new ConvertTimezone("t", "UTC", "Europe/Paris"));
        Assert.Contains("the column 't' is string; ConvertTimezone works on a timestamp column", error);
        Assert.Contains("ParseTimestamp(\"t\"", error);
    }

    [Theory]
    [InlineData("UTC", 0)]
    [InlineData("Z", 0)]
    [InlineData("GMT", 0)]
    [InlineData("+8", 480)]
    [InlineData("+8:00", 480)]
    [InlineData("+08:3", 483)]
    [InlineData("-0530", -330)]
    [InlineData("UTC+05:45", 345)]
    [InlineData("UT-2", -120)]
    [InlineData("EST", -300)]
    [InlineData("CTT", 480)]
    [InlineData("Asia/Kolkata", 330)]
    public void Reads_zone_ids_as_Spark_does(string id, int minutesInJanuary)
    {
        Assert.True(SparkTimeZone.TryResolve(id, out var zone, out var error), error);
        Assert.Equal(TimeSpan.FromMinutes(minutesInJanuary), zone.GetUtcOffset(new DateTime(2026, 1, 15, 0, 0, 0, DateTimeKind.Utc)));
    }
}
