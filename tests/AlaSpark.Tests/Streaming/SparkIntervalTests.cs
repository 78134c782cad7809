namespace AlaSpark.Tests.Streaming;

/// <summary>Interval strings as Spark's <c>withWatermark</c> reads them.</summary>
public class SparkIntervalTests
{
    private const long Second = 1_000_000;

    [Theory]
    [InlineData("10 minutes", 0, 0, 600 * Second)]
    [InlineData("1 hour", 0, 0, 3600 * Second)]
    [InlineData("30 seconds", 0, 0, 30 * Second)]
    [InlineData("1 second", 0, 0, Second)]
    [InlineData("10 MINUTES", 0, 0, 600 * Second)]
    [InlineData("  interval  2 days ", 0, 2, 0)]
    [InlineData("1 hour 30 minutes", 0, 0, 5400 * Second)]
    [InlineData("1 week 1 day", 0, 8, 0)]
    [InlineData("1 year 2 months", 14, 0, 0)]
    [InlineData("1.5 seconds", 0, 0, 1_500_000)]
    [InlineData("250 milliseconds 7 microseconds", 0, 0, 250_007)]
    [InlineData("- 1 day +3 hours", 0, -1, 3 * 3600 * Second)]
    [InlineData("0 seconds", 0, 0, 0)]
    [InlineData("1.0 hours", 0, 0, 3600 * Second)]
    public void Reads_numbers_and_units(string text, int months, int days, long micros)
    {
        Assert.True(SparkInterval.TryParse(text, out var interval, out var error), error);
        Assert.Equal(new SparkInterval(months, days, micros), interval);
    }

    [Theory]
    [InlineData("", "no number and unit")]
    [InlineData("interval", "no number and unit")]
    [InlineData("10", "the number 10 has no unit")]
    [InlineData("10 minuts", "'minuts' is not a unit")]
    [InlineData("10 MINUTS", "'MINUTS' is not a unit")]
    [InlineData("minutes", "the unit 'minutes' has no number before it")]
    [InlineData("10minutes", "put a space between the number and the unit ('10 minutes')")]
    [InlineData("ten minutes", "'ten' is not a number")]
    [InlineData("1.5 hours", "only seconds may have one")]
    [InlineData("1.5 milliseconds", "only seconds may have one")]
    [InlineData("-", "no number after it")]
    [InlineData("99999999999999999999 seconds", "too long")]
    [InlineData("3000000000 days", "too long")]
    [InlineData("1.1234567891 seconds", "'1.1234567891' is not a number")]
    public void Says_what_is_wrong(string text, string reason)
    {
        Assert.False(SparkInterval.TryParse(text, out _, out var error));
        Assert.Contains(reason, error);
    }

    [Theory]
    [InlineData("-5 minutes", true)]
    [InlineData("1 month -30 days", false)]
    [InlineData("1 month -32 days", true)]
    [InlineData("1 day -86400 seconds", false)]
    [InlineData("1 day -86401 seconds", true)]
    public void Is_negative_counts_a_month_as_31_days(string text, bool negative)
    {
        Assert.True(SparkInterval.TryParse(text, out var interval, out _));
        Assert.Equal(negative, interval.IsNegative);
    }

    [Theory]
    [InlineData("1 month 1 day 1 microsecond", 32 * 86_400 * Second + 1)]
    [InlineData("1 year", 12 * 31 * 86_400 * Second)]
    [InlineData("1 day -1 microsecond", 86_400 * Second - 1)]
    public void Total_microseconds_counts_a_month_as_31_days(string text, long micros)
    {
        Assert.True(SparkInterval.TryParse(text, out var interval, out _));
        Assert.Equal(micros, interval.TotalMicroseconds);
    }
}
