using AlaSpark.Analyzers.Tests.Support;

namespace AlaSpark.Analyzers.Tests;

/// <summary>ALS1004 and ALS1005 for the column names of a source's Schema record.</summary>
public class ColumnNameTests
{
    private const string Pipeline = """
        [Pipeline("p")]
        [CsvSource("raw__a", "b", Schema = typeof(Row))]
        [DeltaSink("cooked__a", "b")]
        public partial class P;
        """;

    [Fact]
    public Task Property_names_become_snake_case_columns_and_report_nothing() => Verify.AnalyzerAsync(Pipeline + """

        public sealed record Row(string EventId, string HTTPStatus, int Top10Items, DateTime? EventTime)
        {
            public string UserEmail { get; init; } = "";
            public static string Ignored { get; } = "Not A Column";
            private string Hidden { get; } = "";
        }
        """);

    [Fact]
    public Task A_Column_name_on_a_record_parameter_is_ALS1004() => Verify.AnalyzerAsync(Pipeline + """

        public sealed record Row([Column({|ALS1004:"EventID"|})] string EventId, [Column("user_email")] string Email);
        """);

    [Fact]
    public Task A_Column_name_on_a_property_is_ALS1004() => Verify.AnalyzerAsync(Pipeline + """

        public sealed class Row
        {
            [Column({|ALS1004:"UserName"|})]
            public string Name { get; init; } = "";
        }
        """);

    [Fact]
    public Task Qualified_and_full_attribute_names_and_constructor_parameters_are_checked_too() => Verify.AnalyzerAsync(Pipeline + """

        public sealed class Row
        {
            public Row([ColumnAttribute({|ALS1004:"EventID"|})] string eventId) => EventId = eventId;

            [AlaSpark.Column({|ALS1004:"UserName"|})]
            public string Name { get; init; } = "";

            [global::AlaSpark.ColumnAttribute({|ALS1004:"Score2X"|})]
            public int Score { get; init; }

            public string EventId { get; }
        }
        """);

    [Fact]
    public Task A_Column_name_a_metastore_refuses_is_ALS1005() => Verify.AnalyzerAsync(Pipeline + """

        public sealed record Row([Column({|ALS1005:"event id"|})] string EventId);
        """);

    [Fact]
    public Task A_property_name_with_nothing_to_convert_is_ALS1005_on_the_Schema_argument() => Verify.AnalyzerAsync("""
        [Pipeline("p")]
        [CsvSource("raw__a", "b", Schema = {|#0:typeof(Row)|})]
        [DeltaSink("cooked__a", "b")]
        public partial class P;

        public sealed class Row
        {
            public string 名前 { get; init; } = "";
        }
        """, expected: Verify.Diagnostic("ALS1005").WithLocation(0).WithMessage(
            "In the schema record Row, property 名前: the column name is empty: the property's name has no ASCII letter or digit to convert "
            + "to snake_case, and a metastore refuses an empty name. Name the column with [Column(\"...\")] on Row.名前."));

    [Fact]
    public Task A_Column_name_is_checked_even_in_a_record_no_pipeline_reads() => Verify.AnalyzerAsync("""
        public sealed record Unused([Column({|ALS1004:"Unused_"|})] string Value)
        {
            [Column({|ALS1004:"OtherValue"|})]
            public int Other { get; init; }
        }
        """);

    [Fact]
    public Task Columns_of_nested_records_are_checked() => Verify.AnalyzerAsync(Pipeline + """

        public sealed record Row(string Id, Address Home, List<Address> Others, Dictionary<string, Tag>? Tags);
        public sealed record Address([Column({|ALS1004:"ZIP"|})] string Zip);
        public sealed record Tag([Column({|ALS1004:"Tag_"|})] string Value);
        """);

    [Fact]
    public Task A_record_shared_by_two_pipelines_is_reported_once() => Verify.AnalyzerAsync(Pipeline + """

        [Pipeline("q")]
        [JsonSource("raw__a", "c", Schema = typeof(Row))]
        [DeltaSink("cooked__a", "c")]
        public partial class Q;

        public sealed record Row([Column({|ALS1004:"EventID"|})] string EventId);
        """);

    [Fact]
    public Task A_record_from_another_assembly_is_reported_on_the_Schema_argument()
    {
        var test = Verify.AnalyzerTestFor("""
            [Pipeline("p")]
            [CsvSource("raw__a", "b", Schema = {|#0:typeof(Schemas.Row)|})]
            [DeltaSink("cooked__a", "b")]
            public partial class P;
            """);
        var schemas = test.TestState.AdditionalProjects["Schemas"];
        Verify.AddReferences(schemas);
        // The other project is analyzed too: there the [Column] itself is reported.
        schemas.Sources.Add("namespace Schemas; public sealed record Row([AlaSpark.Column({|ALS1004:\"EventID\"|})] string EventId);");
        test.TestState.AdditionalProjectReferences.Add("Schemas");
        test.ExpectedDiagnostics.Add(Verify.Diagnostic("ALS1004").WithLocation(0).WithMessage(
            "In the schema record Row, property EventId: Invalid column name 'EventID': it contains upper-case letters. Rule: column names are snake_case: "
            + "lower-case letters and digits in words joined by single underscores, starting with a letter (^[a-z][a-z0-9]*(_[a-z0-9]+)*$), "
            + "at most 255 characters. Suggested fix: rename it to 'event_id'."));
        return test.RunAsync();
    }

    [Fact]
    public Task Schemas_that_are_not_records_report_no_column() => Verify.AnalyzerAsync("""
        [Pipeline("p")]
        [CsvSource("raw__a", "b", Schema = typeof(string))]
        [DeltaSink("cooked__a", "b")]
        public partial class P;

        [Pipeline("q")]
        [JsonSource("raw__a", "c", Schema = typeof(List<int>))]
        [DeltaSink("cooked__a", "c")]
        public partial class Q;

        [Pipeline("r")]
        [ParquetSource("raw__a", "d", Schema = null)]
        [DeltaSink("cooked__a", "d")]
        public partial class R;
        """);
}
