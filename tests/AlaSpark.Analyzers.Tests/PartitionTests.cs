using AlaSpark.Analyzers.Tests.Support;

namespace AlaSpark.Analyzers.Tests;

/// <summary>ALS2004: a partition column listed twice.</summary>
public class PartitionTests
{
    [Fact]
    public Task Distinct_partition_columns_report_nothing() => Verify.AnalyzerAsync("""
        [Pipeline("p")]
        [CsvSource("raw__a", "b")]
        [DeltaSink("cooked__a", "b", PartitionBy = new[] { "year", "month", "day" })]
        [DeltaSink("cooked__a", "c", PartitionBy = new string[0])]
        [DeltaSink("cooked__a", "d", PartitionBy = null)]
        public partial class P;
        """);

    [Fact]
    public Task A_repeated_partition_column_is_ALS2004_on_the_repeat() => Verify.AnalyzerAsync("""
        [Pipeline("p")]
        [CsvSource("raw__a", "b")]
        [DeltaSink("cooked__a", "b", PartitionBy = new[] { "day", "hour", {|#0:"day"|} })]
        public partial class P;
        """, expected: Verify.Diagnostic("ALS2004").WithLocation(0).WithMessage(
            "The partition column 'day' is listed twice in PartitionBy of the sink 'cooked__a.b': remove the duplicate"));

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
}
