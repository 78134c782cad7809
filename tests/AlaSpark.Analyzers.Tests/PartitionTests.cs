using AlaSpark.Analyzers.Tests.Support;
using Microsoft.CodeAnalysis;

namespace AlaSpark.Analyzers.Tests;

/// <summary>
/// ALS2001-ALS2005, from the shared schema tracker: the partition columns of each sink against the
/// schema that reaches it.
/// </summary>
public class PartitionTests
{
    /// <summary>A schema with a column of every kind a partition column's type is checked for.</summary>
    private const string Event = """
        public sealed record Address(string City);

        public sealed record Event(
            string EventId, DateTime EventTime, DateOnly Day, int Year, float Ratio, double Amount,
            byte[] Payload, string[] Tags, Dictionary<string, string> Labels, Address Home);
        """;

    [Fact]
    public Task Partition_columns_that_reach_the_sink_report_nothing() => Verify.AnalyzerAsync(Event + """

        [Pipeline("p")]
        [CsvSource("raw__a", "b", Schema = typeof(Event))]
        [Processor(typeof(AddPartition), "event_date", "event_time")]
        [DeltaSink("cooked__a", "b", PartitionBy = new[] { "event_date", "year", "day" })]
        [DeltaSink("cooked__a", "c", PartitionBy = new string[0])]
        [DeltaSink("cooked__a", "d", PartitionBy = null)]
        [DeltaSink("cooked__a", "e")]
        public partial class P;
        """);

    [Fact]
    public Task A_partition_column_not_in_the_schema_is_ALS2001_on_its_element() => Verify.AnalyzerAsync("""
        public sealed record Row(string Id, DateTime EventTime);

        [Pipeline("p")]
        [CsvSource("raw__a", "b", Schema = typeof(Row))]
        [Processor(typeof(AddCurrentTimestamp))]
        [DeltaSink("cooked__a", "b", PartitionBy = new[] { "id", {|#0:"event_date"|} })]
        public partial class P;
        """, expected: Verify.Diagnostic("ALS2001").WithLocation(0).WithMessage(
            "The partition column 'event_date' of cooked__a.b does not exist in the schema that reaches the sink (id, event_time, processed_at); "
            + "partition by one of these columns, or add it (AddPartition)"));

    [Fact]
    public Task Without_a_schema_record_a_partition_column_is_not_known_to_be_missing() => Verify.AnalyzerAsync("""
        [Pipeline("p")]
        [CsvSource("raw__a", "b")]
        [DeltaSink("cooked__a", "b", PartitionBy = new[] { "event_date" })]
        public partial class P;
        """);

    [Fact]
    public Task A_partition_column_a_processor_dropped_is_ALS2002_at_that_processor() => Verify.AnalyzerAsync("""
        public sealed record Row(string Id, string Country, DateTime EventTime);

        [Pipeline("p")]
        [CsvSource("raw__a", "b", Schema = typeof(Row))]
        [Processor(typeof(DropColumns), new[] { "id", {|#0:"country"|} })]
        [DeltaSink("cooked__a", "b", PartitionBy = new[] { "country" })]
        public partial class P;
        """, expected: Verify.Diagnostic("ALS2002").WithLocation(0).WithMessage(
            "DropColumns removes the column 'country', which cooked__a.b is partitioned by; keep the column, or partition by another"));

    [Fact]
    public Task A_partition_column_a_selection_left_out_is_ALS2002_on_the_selection() => Verify.AnalyzerAsync("""
        public sealed record Row(string Id, string Country);

        [Pipeline("p")]
        [CsvSource("raw__a", "b", Schema = typeof(Row))]
        [Processor(typeof(SelectColumns), {|ALS2002:new[] { "id" }|})]
        [DeltaSink("cooked__a", "b", PartitionBy = new[] { "country" })]
        public partial class P;
        """);

    [Fact]
    public Task A_custom_processor_that_declares_the_removal_has_ALS2002_on_its_attribute() => Verify.AnalyzerAsync("""
        public sealed record Row(string Id, string Country);

        [RemovesColumn("country")]
        public sealed class Anonymise : ToTableProcessor
        {
            public override ProcessedTable Apply(ProcessedTable table) => table;
        }

        [Pipeline("p")]
        [CsvSource("raw__a", "b", Schema = typeof(Row))]
        [{|ALS2002:Processor(typeof(Anonymise))|}]
        [DeltaSink("cooked__a", "b", PartitionBy = new[] { "country" })]
        public partial class P;
        """);

    [Fact]
    public Task A_column_dropped_and_added_again_reaches_the_sink() => Verify.AnalyzerAsync("""
        public sealed record Row(string Id, string Country);

        [Pipeline("p")]
        [CsvSource("raw__a", "b", Schema = typeof(Row))]
        [Processor(typeof(DropColumns), new[] { "country" })]
        [Processor(typeof(WithColumn), "country", "'nl'")]
        [DeltaSink("cooked__a", "b", PartitionBy = new[] { "country" })]
        public partial class P;
        """);

    [Theory]
    [InlineData("ratio", "float")]
    [InlineData("amount", "double")]
    [InlineData("payload", "binary")]
    [InlineData("tags", "array<string>")]
    [InlineData("labels", "map<string,string>")]
    [InlineData("home", "struct<city:string>")]
    public Task A_partition_column_of_a_type_that_cannot_partition_is_the_error_ALS2003(string column, string type) => Verify.AnalyzerAsync(Event + $$"""

        [Pipeline("p")]
        [CsvSource("raw__a", "b", Schema = typeof(Event))]
        [DeltaSink("cooked__a", "b", PartitionBy = new[] { {|#0:"{{column}}"|} })]
        public partial class P;
        """, expected: Verify.Diagnostic("ALS2003").WithLocation(0).WithSeverity(DiagnosticSeverity.Error).WithMessage(
            $"The partition column '{column}' of cooked__a.b is {type}, which can't be a partition value; partition by a date, string or integer column"));

    private const string TimestampMessage =
        "The partition column 'event_time' of cooked__a.b is a timestamp: one partition per distinct instant; partition by a date derived from it instead "
        + "([Processor(typeof(AddPartition), \"event_time_date\", \"event_time\")])";

    private const string TimestampPartition = Event + """

        [Pipeline("p")]
        [CsvSource("raw__a", "b", Schema = typeof(Event))]
        [DeltaSink("cooked__a", "b", PartitionBy = new[] { {|#0:"event_time"|} })]
        public partial class P;
        """;

    [Fact]
    public Task A_timestamp_partition_column_is_ALS2003_as_a_warning_that_suggests_a_date() =>
        Verify.AnalyzerAsync(TimestampPartition, expected: Verify.Diagnostic("ALS2003").WithLocation(0).WithSeverity(DiagnosticSeverity.Warning).WithMessage(TimestampMessage));

    [Theory]
    [InlineData("suggestion", DiagnosticSeverity.Info)]
    [InlineData("warning", DiagnosticSeverity.Warning)]
    // 'error' is the id's default severity: the compiler leaves the diagnostic's own (the timestamp warning) as it is.
    [InlineData("error", DiagnosticSeverity.Warning)]
    public Task The_editorconfig_severity_of_ALS2003_applies_to_the_timestamp_case_unless_it_is_the_default(string configured, DiagnosticSeverity expected) =>
        Verify.AnalyzerAsync(TimestampPartition, "dotnet_diagnostic.ALS2003.severity = " + configured, Verify.Diagnostic("ALS2003").WithLocation(0).WithSeverity(expected)
            .WithMessage(TimestampMessage));

    [Fact]
    public Task WarningsAsErrors_makes_the_timestamp_case_an_error()
    {
        var test = Verify.AnalyzerTestFor(TimestampPartition);
        // What <WarningsAsErrors>ALS2003</WarningsAsErrors> gives the compiler (csc -warnaserror:ALS2003).
        test.SolutionTransforms.Add((solution, project) => solution.WithProjectCompilationOptions(project,
            solution.GetProject(project)!.CompilationOptions!.WithSpecificDiagnosticOptions([new("ALS2003", ReportDiagnostic.Error)])));
        test.ExpectedDiagnostics.Add(Verify.Diagnostic("ALS2003").WithLocation(0).WithSeverity(DiagnosticSeverity.Error)
            .WithMessage(TimestampMessage));
        return test.RunAsync();
    }

    [Fact]
    public Task An_hourly_AddPartition_without_PartitionBy_is_the_ALS2003_warning_on_the_sink() => Verify.AnalyzerAsync("""
        public sealed record Row(string Id, DateTime EventTime);

        [Pipeline("p")]
        [CsvSource("raw__a", "b", Schema = typeof(Row))]
        [Processor(typeof(AddPartition), "event_hour", "event_time", PartitionGranularity.Hour)]
        [{|ALS2003:DeltaSink("cooked__a", "b")|}]
        public partial class P;
        """);

    [Fact]
    public Task A_repeated_partition_column_is_ALS2004_on_the_repeat() => Verify.AnalyzerAsync("""
        [Pipeline("p")]
        [CsvSource("raw__a", "b")]
        [DeltaSink("cooked__a", "b", PartitionBy = new[] { "day", "hour", {|#0:"day"|} })]
        public partial class P;
        """, expected: Verify.Diagnostic("ALS2004").WithLocation(0).WithMessage(
            "The partition column 'day' of cooked__a.b is listed twice; remove the duplicate"));

    [Fact]
    public Task Names_that_differ_only_in_case_repeat_a_column_as_Spark_sees_it() => Verify.AnalyzerAsync("""
        [Pipeline("p")]
        [CsvSource("raw__a", "b")]
        [ParquetSink("cooked__a", "b", PartitionBy = new string[] { "day", {|ALS2004:"Day"|}, {|ALS2004:"DAY"|} })]
        public partial class P;
        """);

    [Fact]
    public Task Collection_expressions_are_located_too() => Verify.AnalyzerAsync("""
        [Pipeline("p")]
        [CsvSource("raw__a", "b")]
        [DeltaSink("cooked__a", "b", PartitionBy = ["day", {|ALS2004:"day"|}])]
        public partial class P;
        """);

    [Fact]
    public Task Partitioning_by_every_column_is_ALS2005_on_the_sink() => Verify.AnalyzerAsync("""
        public sealed record Row(string Country, int Year);

        [Pipeline("p")]
        [CsvSource("raw__a", "b", Schema = typeof(Row))]
        [{|#0:DeltaSink("cooked__a", "b", PartitionBy = new[] { "year", "country" })|}]
        [DeltaSink("cooked__a", "c", PartitionBy = new[] { "year" })]
        public partial class P;
        """, expected: Verify.Diagnostic("ALS2005").WithLocation(0).WithMessage(
            "Every column of cooked__a.b is a partition column; at least one column must hold data"));

    [Fact]
    public Task After_a_custom_processor_without_a_declared_effect_partition_columns_are_not_checked() => Verify.AnalyzerAsync("""
        public sealed record Row(string Id);

        public sealed class Enrich : ToTableProcessor
        {
            public override ProcessedTable Apply(ProcessedTable table) => table;
        }

        [Pipeline("p")]
        [CsvSource("raw__a", "b", Schema = typeof(Row))]
        [Processor({|ALS3005:typeof(Enrich)|})]
        [DeltaSink("cooked__a", "b", PartitionBy = new[] { "region" })]
        public partial class P;
        """);
}
