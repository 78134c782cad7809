using AlaSpark.Analyzers.CodeFixes;
using AlaSpark.Analyzers.Tests.Support;

namespace AlaSpark.Analyzers.Tests;

/// <summary>
/// The code fixes. Each test applies the fix one diagnostic at a time and, as the testing library
/// does by default, with Fix All in the document, the project and the solution: all must give the
/// fixed source.
/// </summary>
public class CodeFixTests
{
    [Fact]
    public Task A_pipeline_name_is_renamed_to_snake_case() => Verify.CodeFixAsync<RenameToSnakeCaseCodeFix>("""
        [Pipeline({|ALS1001:"RawToCooked"|})]
        [CsvSource("raw__a", "b")]
        [DeltaSink("cooked__a", "b")]
        public partial class P;
        """, """
        [Pipeline("raw_to_cooked")]
        [CsvSource("raw__a", "b")]
        [DeltaSink("cooked__a", "b")]
        public partial class P;
        """);

    [Fact]
    public Task A_database_gets_its_layer_separator_and_a_snake_case_domain() => Verify.CodeFixAsync<RenameToSnakeCaseCodeFix>("""
        [Pipeline("p")]
        [CsvSource({|ALS1002:"raw_web_events"|}, "b")]
        [DeltaSink({|ALS1002:"cooked__WebEvents"|}, "b")]
        public partial class P;
        """, """
        [Pipeline("p")]
        [CsvSource("raw__web_events", "b")]
        [DeltaSink("cooked__web_events", "b")]
        public partial class P;
        """);

    [Fact]
    public Task A_database_gets_the_configured_prefix() => Verify.CodeFixAsync<RenameToSnakeCaseCodeFix>("""
        [Pipeline("p")]
        [CsvSource("glue_raw__a", "b")]
        [DeltaSink({|ALS1002:"cooked__a"|}, "b")]
        public partial class P;
        """, """
        [Pipeline("p")]
        [CsvSource("glue_raw__a", "b")]
        [DeltaSink("glue_cooked__a", "b")]
        public partial class P;
        """, editorConfig: "alaspark.database_prefix = glue_\n");

    [Fact]
    public Task A_database_with_an_unknown_layer_has_no_fix() => Verify.CodeFixAsync<RenameToSnakeCaseCodeFix>("""
        [Pipeline("p")]
        [CsvSource({|ALS1002:"bronze__a"|}, "b")]
        [DeltaSink("cooked__a", "b")]
        public partial class P;
        """, """
        [Pipeline("p")]
        [CsvSource({|ALS1002:"bronze__a"|}, "b")]
        [DeltaSink("cooked__a", "b")]
        public partial class P;
        """);

    [Fact]
    public Task Table_names_are_renamed_to_snake_case() => Verify.CodeFixAsync<RenameToSnakeCaseCodeFix>("""
        [Pipeline("p")]
        [CsvSource("raw__a", {|ALS1003:"WebEvents"|})]
        [DeltaSink("cooked__a", {|ALS1003:"HTTPRequests"|})]
        public partial class P;
        """, """
        [Pipeline("p")]
        [CsvSource("raw__a", "web_events")]
        [DeltaSink("cooked__a", "http_requests")]
        public partial class P;
        """);

    [Fact]
    public Task A_Column_name_is_rewritten_in_snake_case() => Verify.CodeFixAsync<RenameToSnakeCaseCodeFix>("""
        [Pipeline("p")]
        [CsvSource("raw__a", "b", Schema = typeof(Row))]
        [DeltaSink("cooked__a", "b")]
        public partial class P;

        public sealed record Row([Column({|ALS1004:"EventID"|})] string Id, [Column({|ALS1004:"userIDs"|})] string Users);
        """, """
        [Pipeline("p")]
        [CsvSource("raw__a", "b", Schema = typeof(Row))]
        [DeltaSink("cooked__a", "b")]
        public partial class P;

        public sealed record Row([Column("event_id")] string Id, [Column("user_ids")] string Users);
        """);

    [Fact]
    public Task A_name_a_metastore_refuses_is_renamed_when_a_valid_name_can_be_derived() => Verify.CodeFixAsync<RenameToSnakeCaseCodeFix>("""
        [Pipeline({|ALS1005:"raw-to-cooked"|})]
        [CsvSource("raw__a", {|ALS1005:"web events"|})]
        [DeltaSink("cooked__a", "b")]
        public partial class P;
        """, """
        [Pipeline("raw_to_cooked")]
        [CsvSource("raw__a", "web_events")]
        [DeltaSink("cooked__a", "b")]
        public partial class P;
        """);

    [Fact]
    public Task A_name_with_nothing_to_convert_has_no_fix() => Verify.CodeFixAsync<RenameToSnakeCaseCodeFix>("""
        [Pipeline("p")]
        [CsvSource("raw__a", "b")]
        [DeltaSink("cooked__a", {|ALS1005:"--"|})]
        public partial class P;
        """, """
        [Pipeline("p")]
        [CsvSource("raw__a", "b")]
        [DeltaSink("cooked__a", {|ALS1005:"--"|})]
        public partial class P;
        """);

    [Fact]
    public Task A_name_from_a_constant_is_not_rewritten() => Verify.CodeFixAsync<RenameToSnakeCaseCodeFix>("""
        static class Names { public const string Table = "WebEvents"; }

        [Pipeline("p")]
        [CsvSource("raw__a", {|ALS1003:Names.Table|})]
        [DeltaSink("cooked__a", "b")]
        public partial class P;
        """, """
        static class Names { public const string Table = "WebEvents"; }

        [Pipeline("p")]
        [CsvSource("raw__a", {|ALS1003:Names.Table|})]
        [DeltaSink("cooked__a", "b")]
        public partial class P;
        """);

    [Fact]
    public Task Fix_all_renames_every_kind_of_name_across_pipelines() => Verify.CodeFixAsync<RenameToSnakeCaseCodeFix>("""
        [Pipeline({|ALS1001:"RawToCooked"|})]
        [CsvSource({|ALS1002:"raw__WebEvents"|}, {|ALS1003:"PageViews"|}, Schema = typeof(Row))]
        [DeltaSink({|ALS1002:"Cooked__WebEvents"|}, {|ALS1003:"PageViews"|})]
        public partial class P;

        [Pipeline({|ALS1001:"CookedToServed"|})]
        [DeltaSource("cooked__web_events", "page_views")]
        [ParquetSink("served__web_events", {|ALS1003:"DailyViews"|})]
        public partial class Q;

        public sealed record Row([Column({|ALS1004:"PageURL"|})] string Url);
        """, """
        [Pipeline("raw_to_cooked")]
        [CsvSource("raw__web_events", "page_views", Schema = typeof(Row))]
        [DeltaSink("cooked__web_events", "page_views")]
        public partial class P;

        [Pipeline("cooked_to_served")]
        [DeltaSource("cooked__web_events", "page_views")]
        [ParquetSink("served__web_events", "daily_views")]
        public partial class Q;

        public sealed record Row([Column("page_url")] string Url);
        """);

    [Fact]
    public Task A_class_is_made_partial_after_its_modifiers() => Verify.CodeFixAsync<MakePartialCodeFix>("""
        [Pipeline("p")]
        [CsvSource("raw__a", "b")]
        [DeltaSink("cooked__a", "b")]
        public sealed class {|ALS0001:P|}
        {
        }
        """, """
        [Pipeline("p")]
        [CsvSource("raw__a", "b")]
        [DeltaSink("cooked__a", "b")]
        public sealed partial class P
        {
        }
        """);

    [Fact]
    public Task A_class_without_modifiers_keeps_its_indentation() => Verify.CodeFixAsync<MakePartialCodeFix>("""
        namespace Jobs
        {
            [Pipeline("p")]
            [CsvSource("raw__a", "b")]
            [DeltaSink("cooked__a", "b")]
            class {|ALS0001:P|};

            [Pipeline("q")]
            [CsvSource("raw__a", "c")]
            [DeltaSink("cooked__a", "c")]
            internal record {|ALS0001:Q|};
        }
        """, """
        namespace Jobs
        {
            [Pipeline("p")]
            [CsvSource("raw__a", "b")]
            [DeltaSink("cooked__a", "b")]
            partial class P;

            [Pipeline("q")]
            [CsvSource("raw__a", "c")]
            [DeltaSink("cooked__a", "c")]
            internal partial record Q;
        }
        """);

    [Fact]
    public Task A_repeated_partition_column_is_removed() => Verify.CodeFixAsync<RemoveDuplicatePartitionColumnCodeFix>("""
        [Pipeline("p")]
        [CsvSource("raw__a", "b")]
        [DeltaSink("cooked__a", "b", PartitionBy = new[] { "day", {|ALS2004:"day"|} })]
        public partial class P;
        """, """
        [Pipeline("p")]
        [CsvSource("raw__a", "b")]
        [DeltaSink("cooked__a", "b", PartitionBy = new[] { "day" })]
        public partial class P;
        """);

    [Fact]
    public Task Fix_all_removes_neighbouring_repeats_in_one_list_and_in_collection_expressions() => Verify.CodeFixAsync<RemoveDuplicatePartitionColumnCodeFix>("""
        [Pipeline("p")]
        [CsvSource("raw__a", "b")]
        [DeltaSink("cooked__a", "b", PartitionBy = new[] { "a", {|ALS2004:"a"|}, {|ALS2004:"A"|}, "b", {|ALS2004:"b"|} })]
        [DeltaSink("cooked__a", "c", PartitionBy = ["x", {|ALS2004:"x"|}, "y"])]
        public partial class P;
        """, """
        [Pipeline("p")]
        [CsvSource("raw__a", "b")]
        [DeltaSink("cooked__a", "b", PartitionBy = new[] { "a", "b" })]
        [DeltaSink("cooked__a", "c", PartitionBy = ["x", "y"])]
        public partial class P;
        """);
}
