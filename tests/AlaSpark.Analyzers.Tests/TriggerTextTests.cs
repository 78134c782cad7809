namespace AlaSpark.Analyzers.Tests;

/// <summary>The shared trigger parser (src/AlaSpark/Streaming/TriggerText.cs), as the analyzers link it.</summary>
public class TriggerTextTests
{
    [Theory]
    [InlineData("5 minutes", 300_000)]
    [InlineData("30 seconds", 30_000)]
    [InlineData("1 second", 1_000)]
    [InlineData("250 milliseconds", 250)]
    [InlineData("  2 Hours  ", 7_200_000)]
    [InlineData("1 day", 86_400_000)]
    [InlineData("interval 1 minute 30 seconds", 90_000)]
    [InlineData("0 seconds", 0)]
    [InlineData("1 week", 604_800_000)]
    [InlineData("1.5 seconds", 1_500)]
    [InlineData("1.0 hours", 3_600_000)]
    [InlineData("+5 minutes", 300_000)]
    [InlineData("1 day - 1 hour", 82_800_000)]
    public void Intervals_are_processing_time_triggers(string text, long milliseconds)
    {
        Assert.True(TriggerText.TryParse(text, out var trigger, out var problem));
        Assert.Null(problem);
        Assert.Equal(TriggerKind.ProcessingTime, trigger!.Kind);
        Assert.Equal(TimeSpan.FromMilliseconds(milliseconds), trigger.Interval);
    }

    [Theory]
    [InlineData("available-now", nameof(TriggerKind.AvailableNow))]
    [InlineData("Available-Now", nameof(TriggerKind.AvailableNow))]
    [InlineData(null, nameof(TriggerKind.AvailableNow))]
    [InlineData("", nameof(TriggerKind.AvailableNow))]
    [InlineData("once", nameof(TriggerKind.Once))]
    [InlineData(" ONCE ", nameof(TriggerKind.Once))]
    public void Keywords_are_their_kinds(string? text, string kind) // the kind's name: TriggerKind is internal
    {
        Assert.True(TriggerText.TryParse(text, out var trigger, out _));
        Assert.Equal(kind, trigger!.Kind.ToString());
        Assert.Equal(TimeSpan.Zero, trigger.Interval);
    }

    [Theory]
    [InlineData("5", "the number 5 has no unit")]
    [InlineData("minutes", "the unit 'minutes' has no number before it")]
    [InlineData("5minutes", "put a space between the number and the unit ('5 minutes')")]
    [InlineData("5 mins", "'mins' is not a unit (microsecond, millisecond, second, minute, hour, day, week, month, year; singular or plural)")]
    [InlineData("5 MINS", "'MINS' is not a unit")]
    [InlineData("-5 seconds", "the interval is negative")]
    [InlineData("1 hour -2 hours", "the interval is negative")]
    [InlineData("1 month", "the interval counts months or years, whose length varies")]
    [InlineData("1 year", "the interval counts months or years, whose length varies")]
    [InlineData("1.5 minutes", "'1.5 minutes' has a fraction; only seconds may have one")]
    [InlineData("five minutes", "'five' is not a number")]
    [InlineData("-", "the sign '-' has no number after it")]
    [InlineData("interval", "it has no number and unit")]
    [InlineData("AvailableNow", "write \"available-now\" (with a hyphen)")]
    [InlineData("available_now", "write \"available-now\" (with a hyphen)")]
    [InlineData("available now", "write \"available-now\" (with a hyphen)")]
    [InlineData("99999999999999 days", "the interval is too long")]
    [InlineData("100000000 weeks", "the interval is too long")]
    [InlineData("5 minutes 3", "the number 3 has no unit")]
    public void Bad_text_says_what_is_wrong(string text, string problemStart)
    {
        Assert.False(TriggerText.TryParse(text, out var trigger, out var problem));
        Assert.Null(trigger);
        Assert.StartsWith(problemStart, problem);
    }
}
