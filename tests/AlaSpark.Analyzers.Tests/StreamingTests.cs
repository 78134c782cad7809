using AlaSpark.Analyzers.Tests.Support;

namespace AlaSpark.Analyzers.Tests;

/// <summary>ALS4001 (stream and batch mixed), ALS4002 (DropDuplicates without a watermark), ALS4003 (trigger), ALS4004 (batch-only processors).</summary>
public class StreamingTests
{
    private const string Row = """
        public sealed record Row(string Id, DateTime EventTime, int Score);

        """;

    [Fact]
    public Task DropDuplicates_after_a_watermark_or_on_a_batch_reports_nothing() => Verify.AnalyzerAsync(Row + """
        [Pipeline("p")]
        [CsvStreamSource("raw__a", "b", Schema = typeof(Row))]
        [Processor(typeof(AddWatermark), "event_time", "10 minutes")]
        [Processor(typeof(HashColumn), "id")]
        [Processor(typeof(DropDuplicates), new[] { "id" })]
        [DeltaStreamSink("cooked__a", "b")]
        public partial class P;

        [Pipeline("q")]
        [CsvSource("raw__a", "b", Schema = typeof(Row))]
        [Processor(typeof(DropDuplicates), new[] { "id" })]
        [DeltaSink("cooked__a", "c")]
        public partial class Q;
        """);

    [Fact]
    public Task DropDuplicates_on_a_stream_without_a_watermark_before_it_is_ALS4002_on_its_attribute() => Verify.AnalyzerAsync(Row + """
        [Pipeline("p")]
        [JsonStreamSource("raw__a", "b", Schema = typeof(Row))]
        [{|#0:Processor(typeof(DropDuplicates), new[] { "id" })|}]
        [Processor(typeof(AddWatermark), "event_time", "10 minutes")]
        [DeltaStreamSink("cooked__a", "b")]
        public partial class P;
        """, expected: Verify.Diagnostic("ALS4002").WithLocation(0).WithArguments("raw__a.b", "event_time").WithMessage(
            "DropDuplicates on the stream raw__a.b has no watermark before it: it keeps every key it has seen, forever (unbounded state); "
            + "add [Processor(typeof(AddWatermark), \"event_time\", \"10 minutes\")] before it"));

    [Fact]
    public Task Without_a_timestamp_column_the_ALS4002_message_leaves_the_column_to_the_author() => Verify.AnalyzerAsync("""
        [Pipeline("p")]
        [DeltaStreamSource("raw__a", "b")]
        [{|#0:Processor(typeof(DropDuplicates), new[] { "id" })|}]
        [DeltaStreamSink("cooked__a", "b")]
        public partial class P;
        """, expected: Verify.Diagnostic("ALS4002").WithLocation(0).WithArguments("raw__a.b", "<event time column>"));

    [Fact]
    public Task Batch_only_processors_on_a_batch_and_look_alikes_of_other_namespaces_report_nothing()
    {
        var test = Verify.AnalyzerTestFor(Row + """
            namespace Mine
            {
                [PreservesSchema]
                public sealed class SortRows : ToTableProcessor
                {
                    public override ProcessedTable Apply(ProcessedTable table) => table;
                }

                [Pipeline("p")]
                [CsvSource("raw__a", "b", Schema = typeof(Row))]
                [Processor(typeof(AlaSpark.SortRows), new[] { "score" })]
                [Processor(typeof(LimitRows), 10)]
                [DeltaSink("cooked__a", "b")]
                public partial class P;

                [Pipeline("q")]
                [CsvStreamSource("raw__a", "b", Schema = typeof(Row))]
                [Processor(typeof(Mine.SortRows))]
                [DeltaStreamSink("cooked__a", "c")]
                public partial class Q;
            }
            """);
        return test.RunAsync();
    }

    [Fact]
    public Task A_batch_only_processor_on_a_stream_is_ALS4004_on_its_attribute()
    {
        var test = Verify.AnalyzerTestFor(Row + """
            [Pipeline("p")]
            [CsvStreamSource("raw__a", "b", Schema = typeof(Row))]
            [{|#0:Processor(typeof(SortRows), new[] { "score" })|}]
            [{|#1:Processor(typeof(LimitRows), 10)|}]
            [DeltaStreamSink("cooked__a", "b")]
            public partial class P;
            """);
        test.ExpectedDiagnostics.Add(Verify.Diagnostic("ALS4004").WithLocation(0).WithMessage(
            "SortRows can't run on the stream raw__a.b: it sorts the whole table, and a stream never has all its rows; sort in a batch pipeline that reads this pipeline's table"));
        test.ExpectedDiagnostics.Add(Verify.Diagnostic("ALS4004").WithLocation(1).WithMessage(
            "LimitRows can't run on the stream raw__a.b: it keeps the first rows of the whole table, and a stream has no end to count from; limit in a batch pipeline that reads this pipeline's table"));
        return test.RunAsync();
    }

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
            "The trigger '5 parsecs' of the sink 'cooked__a.b' cannot be parsed: 'parsecs' is not a unit (microsecond, millisecond, second, minute, hour, day, week, month, year; singular or plural); "
            + "write an interval such as \"5 minutes\" or \"30 seconds\" (units: microseconds, milliseconds, seconds, minutes, hours, days, weeks), \"available-now\" or \"once\""));
}
