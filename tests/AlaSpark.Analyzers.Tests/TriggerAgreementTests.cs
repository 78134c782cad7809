using AlaSpark.Analyzers.Tests.Support;
using Microsoft.CodeAnalysis.CSharp;

namespace AlaSpark.Analyzers.Tests;

/// <summary>
/// The analyzers and the runtime on the same trigger texts: what ALS4003 lets through, the runtime's
/// <see cref="Trigger.Parse"/> reads as the same trigger; what it refuses, Trigger.Parse refuses with the same words.
/// </summary>
public class TriggerAgreementTests
{
    public static TheoryData<string> Texts => new()
    {
        // Read.
        "", "available-now", "Available-Now", "once", " ONCE ",
        "5 minutes", "30 seconds", "1 second", "250 milliseconds 7 microseconds", "  2 Hours  ", "interval 1 hour 30 minutes",
        "1 week", "1.5 seconds", "1.0 hours", "+5 minutes", "- 1 hour 2 hours", "1 day -1 microsecond", "0 seconds",
        // Refused.
        "AvailableNow", "available_now", "available now", "every 5 minutes", "5", "minutes", "5minutes", "5 mins", "5 MINS",
        "-5 seconds", "1 hour -2 hours", "1 month", "1 year 2 days", "1.5 minutes", "1.1234567891 seconds", "interval", "-",
        "5 minutes 3", "99999999999999 days", "100000000 weeks", "99999999999999999999 seconds",
    };

    [Theory]
    [MemberData(nameof(Texts))]
    public void The_linked_reader_and_Trigger_Parse_read_the_same_trigger_or_refuse_with_the_same_words(string text)
    {
        if (TriggerText.TryParse(text, out var parsed, out var problem))
        {
            var expected = parsed!.Kind switch
            {
                TriggerKind.AvailableNow => Trigger.AvailableNow,
                TriggerKind.Once => Trigger.Once,
                _ => Trigger.ProcessingTime(parsed.Interval),
            };
            Assert.Equal(expected, Trigger.Parse(text));
        }
        else
        {
            var error = Assert.Throws<AlaSparkException>(() => Trigger.Parse(text));
            Assert.Equal($"The trigger \"{text}\" cannot be parsed: {problem}.", error.Message);
        }
    }

    [Theory]
    [MemberData(nameof(Texts))]
    public Task ALS4003_reports_exactly_what_Trigger_Parse_refuses_with_its_words(string text)
    {
        var literal = SymbolDisplay.FormatLiteral(text, quote: true);
        string? problem = null;
        try
        {
            Trigger.Parse(text);
        }
        catch (AlaSparkException e)
        {
            var prefix = $"The trigger \"{text}\" cannot be parsed: ";
            Assert.StartsWith(prefix, e.Message);
            Assert.EndsWith(".", e.Message);
            problem = e.Message.Substring(prefix.Length, e.Message.Length - prefix.Length - 1);
        }
        if (problem is null) return Verify.AnalyzerAsync(Pipeline(literal));
        return Verify.AnalyzerAsync(Pipeline("{|#0:" + literal + "|}"), expected: Verify.Diagnostic("ALS4003").WithLocation(0)
            .WithMessage($"The trigger '{text}' of the sink 'cooked__a.b' cannot be parsed: {problem}"));
    }

    private static string Pipeline(string trigger) => $$"""
        [Pipeline("p")]
        [CsvStreamSource("raw__a", "b")]
        [DeltaStreamSink("cooked__a", "b", Trigger = {{trigger}})]
        public partial class P;
        """;
}
