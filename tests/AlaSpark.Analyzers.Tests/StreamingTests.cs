using AlaSpark.Analyzers.Tests.Support;

namespace AlaSpark.Analyzers.Tests;

/// <summary>ALS4001 (stream and batch mixed) and ALS4003 (trigger).</summary>
public class StreamingTests
{
    [Fact]
    public Task Stream_to_stream_and_batch_to_batch_report_nothing() => Verify.AnalyzerAsync("""
        [Pipeline("p")]
        [JsonStreamSource("raw__a", "b")]
        [DeltaStreamSink("cooked__a", "b")]
        public partial class P;

        [Pipeline("q")]
        [DeltaSource("raw__a", "b")]
        [DeltaSink("cooked__a", "c")]
        [ParquetSink("cooked__a", "d")]
        public partial class Q;
        """);

    [Fact]
    public Task A_stream_source_feeding_a_batch_sink_is_ALS4001_on_the_sink() => Verify.AnalyzerAsync("""
        [Pipeline("p")]
        [CsvStreamSource("raw__a", "b")]
        [DeltaStreamSink("cooked__a", "b")]
        [{|#0:DeltaSink("cooked__a", "c")|}]
        [{|#1:ParquetSink("cooked__a", "d")|}]
        public partial class P;
        """, expected:
        [
            Verify.Diagnostic("ALS4001").WithLocation(0).WithMessage(
                "The pipeline 'p' reads a stream ([CsvStreamSource]) but [DeltaSink] writes a batch: write with [DeltaStreamSink], or read the batch with [CsvSource]"),
            Verify.Diagnostic("ALS4001").WithLocation(1).WithMessage(
                "The pipeline 'p' reads a stream ([CsvStreamSource]) but [ParquetSink] writes a batch: write with a streaming sink such as [DeltaStreamSink], or read the batch with [CsvSource]"),
        ]);

    [Fact]
    public Task A_batch_source_feeding_a_stream_sink_is_ALS4001() => Verify.AnalyzerAsync("""
        [Pipeline("p")]
        [ParquetSource("raw__a", "b")]
        [{|#0:DeltaStreamSink("cooked__a", "b")|}]
        public partial class P;
        """, expected: Verify.Diagnostic("ALS4001").WithLocation(0).WithMessage(
            "The pipeline 'p' reads a batch ([ParquetSource]) but [DeltaStreamSink] writes a stream: write with [DeltaSink], or read the stream with [ParquetStreamSource]"));

    [Theory]
    [InlineData("5 minutes")]
    [InlineData("30 seconds")]
    [InlineData("1 hour 30 minutes")]
    [InlineData("available-now")]
    [InlineData("once")]
    public Task Valid_triggers_report_nothing(string trigger) => Verify.AnalyzerAsync($$"""
        [Pipeline("p")]
        [CsvStreamSource("raw__a", "b")]
        [DeltaStreamSink("cooked__a", "b", Trigger = "{{trigger}}")]
        public partial class P;
        """);

    [Theory]
    [InlineData("5 mins")]
    [InlineData("every minute")]
    [InlineData("5")]
    [InlineData("-5 seconds")]
    [InlineData("AvailableNow")]
    public Task An_unparseable_trigger_is_ALS4003_on_the_Trigger_argument(string trigger) => Verify.AnalyzerAsync($$"""
        [Pipeline("p")]
        [CsvStreamSource("raw__a", "b")]
        [DeltaStreamSink("cooked__a", "b", Trigger = {|ALS4003:"{{trigger}}"|})]
        public partial class P;
        """);

    [Fact]
    public Task The_ALS4003_message_says_what_to_write() => Verify.AnalyzerAsync("""
        [Pipeline("p")]
        [CsvStreamSource("raw__a", "b")]
        [DeltaStreamSink("cooked__a", "b", Trigger = {|#0:"5 parsecs"|})]
        public partial class P;
        """, expected: Verify.Diagnostic("ALS4003").WithLocation(0).WithMessage(
            "The trigger '5 parsecs' of the sink 'cooked__a.b' cannot be parsed: 'parsecs' is not a unit (milliseconds, seconds, minutes, hours, days); "
            + "write an interval such as \"5 minutes\" or \"30 seconds\" (units: milliseconds, seconds, minutes, hours, days), \"available-now\" or \"once\""));
}
