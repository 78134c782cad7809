using AlaSpark.Analyzers.Tests.Support;

namespace AlaSpark.Analyzers.Tests;

/// <summary>
/// ALS3001-ALS3006, from the shared parser (binding to a constructor) and schema tracker (the columns
/// at each step of the chain), each on the argument it is about.
/// </summary>
public class ProcessorTests
{
    private const string Row = """
        public sealed record Row(string Id, string UserEmail, int Age, DateTime EventTime);

        """;

    [Fact]
    public Task Processors_over_columns_that_exist_report_nothing() => Verify.AnalyzerAsync(Row + """
        [Pipeline("p")]
        [CsvSource("raw__a", "b", Schema = typeof(Row))]
        [Processor(typeof(HashColumn), "user_email", HashAlgorithm.Sha256)]
        [Processor(typeof(AddPartition), "event_date", "event_time")]
        [Processor(typeof(AlterDataType), "age", "bigint")]
        [Processor(typeof(DropColumns), new[] { "age" })]
        [Processor(typeof(WithColumn), "age", "1")]
        [Processor(typeof(DropDuplicates), new[] { "id", "event_date" })]
        [Processor(typeof(SelectColumns), new[] { "id", "user_email", "event_date" })]
        [DeltaSink("cooked__a", "b", PartitionBy = new[] { "event_date" })]
        public partial class P;
        """);

    [Fact]
    public Task A_column_that_does_not_exist_at_that_step_is_ALS3001_on_the_argument() => Verify.AnalyzerAsync(Row + """
        [Pipeline("p")]
        [CsvSource("raw__a", "b", Schema = typeof(Row))]
        [Processor(typeof(HashColumn), {|#0:"email"|})]
        [DeltaSink("cooked__a", "b")]
        public partial class P;
        """, expected: Verify.Diagnostic("ALS3001").WithLocation(0).WithMessage(
            "HashColumn: the column 'email' does not exist at this step (columns here: id, user_email, age, event_time); "
            + "check the name and the processors before this one"));

    [Fact]
    public Task A_column_removed_earlier_in_the_chain_is_ALS3001_on_the_element_that_names_it() => Verify.AnalyzerAsync(Row + """
        [Pipeline("p")]
        [CsvSource("raw__a", "b", Schema = typeof(Row))]
        [Processor(typeof(DropColumns), new[] { "age" })]
        [Processor(typeof(DropDuplicates), new[] { "id", {|ALS3001:"age"|} })]
        [Processor(typeof(AddWatermark), {|ALS3001:"age"|}, "10 minutes")]
        [DeltaSink("cooked__a", "b")]
        public partial class P;
        """);

    [Fact]
    public Task A_column_in_an_explicit_object_array_is_located_in_it() => Verify.AnalyzerAsync(Row + """
        [Pipeline("p")]
        [CsvSource("raw__a", "b", Schema = typeof(Row))]
        [Processor(typeof(AddPartition), new object[] { "event_date", {|ALS3001:"event_timestamp"|} })]
        [DeltaSink("cooked__a", "b")]
        public partial class P;
        """);

    [Fact]
    public Task Arguments_that_match_no_constructor_are_ALS3002_on_the_arguments() => Verify.AnalyzerAsync(Row + """
        [Pipeline("p")]
        [CsvSource("raw__a", "b", Schema = typeof(Row))]
        [Processor(typeof(HashColumn), {|#0:"user_email", "sha256"|})]
        [Processor(typeof(DropDuplicates), {|ALS3002:new[] { "id" }, new[] { "age" }|})]
        [{|ALS3002:Processor(typeof(WithColumn))|}]
        [DeltaSink("cooked__a", "b")]
        public partial class P;
        """, expected: Verify.Diagnostic("ALS3002").WithLocation(0).WithMessage(
            "HashColumn(\"user_email\", \"sha256\") matches no public constructor of HashColumn: argument 2, \"sha256\" (string), can't be the HashAlgorithm 'algorithm' "
            + "of (string column, HashAlgorithm algorithm = HashAlgorithm.Sha256); constructors: (string column, HashAlgorithm algorithm = HashAlgorithm.Sha256)"));

    [Fact]
    public Task A_type_that_is_not_a_ToTableProcessor_is_ALS3003_on_the_type() => Verify.AnalyzerAsync(Row + """
        public sealed class NotAProcessor
        {
        }

        [Pipeline("p")]
        [CsvSource("raw__a", "b", Schema = typeof(Row))]
        [Processor({|#0:typeof(NotAProcessor)|}, "id")]
        [DeltaSink("cooked__a", "b")]
        public partial class P;
        """, expected: Verify.Diagnostic("ALS3003").WithLocation(0).WithMessage(
            "NotAProcessor does not derive from AlaSpark.ToTableProcessor, so [Processor] can't apply it; derive it from ToTableProcessor, or use a processor that does"));

    [Fact]
    public Task A_column_of_the_wrong_type_is_ALS3004_on_the_argument() => Verify.AnalyzerAsync(Row + """
        [Pipeline("p")]
        [CsvSource("raw__a", "b", Schema = typeof(Row))]
        [Processor(typeof(HashColumn), {|#0:"age"|})]
        [Processor(typeof(AddWatermark), {|ALS3004:"id"|}, "10 minutes")]
        [DeltaSink("cooked__a", "b")]
        public partial class P;
        """, expected: Verify.Diagnostic("ALS3004").WithLocation(0).WithMessage(
            "HashColumn: the column 'age' is int, but HashColumn takes a string (or binary) column; cast it first ([Processor(typeof(AlterDataType), \"age\", \"...\")]) or pick another column"));

    [Fact]
    public Task A_custom_processor_that_declares_no_effect_is_the_info_ALS3005_on_its_type() => Verify.AnalyzerAsync(Row + """
        public sealed class Enrich : ToTableProcessor
        {
            public override ProcessedTable Apply(ProcessedTable table) => table;
        }

        [Pipeline("p")]
        [CsvSource("raw__a", "b", Schema = typeof(Row))]
        [Processor({|#0:typeof(Enrich)|})]
        [Processor(typeof(HashColumn), "anything_goes_after_it")]
        [DeltaSink("cooked__a", "b")]
        public partial class P;
        """, expected: Verify.Diagnostic("ALS3005").WithLocation(0).WithSeverity(Microsoft.CodeAnalysis.DiagnosticSeverity.Info).WithMessage(
            "The schema is unknown after Enrich: it declares no schema effect, so the columns after it are not checked; declare it with [AddsColumn], [RemovesColumn] or [PreservesSchema]"));

    [Fact]
    public Task A_custom_processor_that_declares_its_effect_is_followed_by_the_checks() => Verify.AnalyzerAsync(Row + """
        [AddsColumn("country", typeof(string))]
        [RemovesColumn("age")]
        public sealed class Enrich : ToTableProcessor
        {
            public override ProcessedTable Apply(ProcessedTable table) => table;
        }

        [PreservesSchema]
        public sealed class Clean : ToTableProcessor
        {
            public override ProcessedTable Apply(ProcessedTable table) => table;
        }

        [Pipeline("p")]
        [CsvSource("raw__a", "b", Schema = typeof(Row))]
        [Processor(typeof(Enrich))]
        [Processor(typeof(Clean))]
        [Processor(typeof(HashColumn), "country")]
        [Processor(typeof(DropColumns), new[] { {|ALS3001:"age"|} })]
        [DeltaSink("cooked__a", "b")]
        public partial class P;
        """);

    [Fact]
    public Task A_value_the_processor_cannot_use_is_ALS3006_on_the_argument() => Verify.AnalyzerAsync(Row + """
        [Pipeline("p")]
        [CsvSource("raw__a", "b", Schema = typeof(Row))]
        [Processor(typeof(AlterDataType), "age", {|ALS3006:"decimal(10,"|})]
        [Processor(typeof(AddCurrentTimestamp), {|#0:""|})]
        [Processor(typeof(AddPartition), "day", "event_time", {|ALS3006:(PartitionGranularity)77|})]
        [DeltaSink("cooked__a", "b")]
        public partial class P;
        """, expected: Verify.Diagnostic("ALS3006").WithLocation(0).WithMessage("AddCurrentTimestamp: the column \"\" is not valid: a column needs a name"));

    [Fact]
    public Task A_null_column_name_is_ALS3006_on_the_element() => Verify.AnalyzerAsync(Row + """
        [Pipeline("p")]
        [CsvSource("raw__a", "b", Schema = typeof(Row))]
        [Processor(typeof(DropDuplicates), new[] { "id", {|#0:null|} })]
        [DeltaSink("cooked__a", "b")]
        public partial class P;
        """, expected: Verify.Diagnostic("ALS3006").WithLocation(0).WithMessage("DropDuplicates: the columns null is not valid: a column name is needed"));
}
