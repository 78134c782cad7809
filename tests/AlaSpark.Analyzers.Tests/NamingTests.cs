using AlaSpark.Analyzers.Tests.Support;

namespace AlaSpark.Analyzers.Tests;

/// <summary>ALS1001-ALS1003, ALS1005, ALS1006 on the names written on the pipeline's attributes, and the .editorconfig options.</summary>
public class NamingTests
{
    [Fact]
    public Task A_pipeline_name_that_is_not_snake_case_is_ALS1001() => Verify.AnalyzerAsync("""
        [Pipeline({|ALS1001:"RawToCooked"|})]
        [CsvSource("raw__a", "b")]
        [DeltaSink("cooked__a", "b")]
        public partial class P;
        """);

    [Fact]
    public Task The_message_is_the_runtime_message_with_the_suggested_fix() => Verify.AnalyzerAsync("""
        [Pipeline("p")]
        [CsvSource("raw__a", {|#0:"WebEvents"|})]
        [DeltaSink("cooked__a", "b")]
        public partial class P;
        """, expected: Verify.Diagnostic("ALS1003").WithLocation(0).WithMessage(
            "Invalid table name 'WebEvents': it contains upper-case letters. Rule: table names are snake_case: lower-case letters and digits in words "
            + "joined by single underscores, starting with a letter (^[a-z][a-z0-9]*(_[a-z0-9]+)*$), at most 255 characters. "
            + "Suggested fix: rename it to 'web_events'."));

    [Fact]
    public Task Database_names_of_sources_and_sinks_are_ALS1002() => Verify.AnalyzerAsync("""
        [Pipeline("p")]
        [CsvSource({|ALS1002:"raw_web_events"|}, "b")]
        [DeltaSink({|ALS1002:"bronze__a"|}, "b")]
        [DeltaSink({|ALS1002:"cooked__WebEvents"|}, "c")]
        [ParquetSink({|ALS1002:"web_events"|}, "d")]
        public partial class P;
        """);

    [Fact]
    public Task Table_names_of_sources_and_sinks_are_ALS1003() => Verify.AnalyzerAsync("""
        [Pipeline("p")]
        [CsvSource("raw__a", {|ALS1003:"WebEvents"|})]
        [DeltaSink("cooked__a", {|ALS1003:"web__events"|})]
        [DeltaSink("cooked__a", {|ALS1003:"2nd_table"|})]
        public partial class P;
        """);

    [Fact]
    public Task Names_a_metastore_refuses_are_ALS1005_errors() => Verify.AnalyzerAsync($$"""
        [Pipeline({|ALS1005:"raw-to-cooked"|})]
        [CsvSource({|ALS1005:"raw__web events"|}, {|ALS1005:""|})]
        [DeltaSink("cooked__a", {|ALS1005:"{{new string('a', 256)}}"|})]
        [DeltaSink("cooked__a", {|ALS1005:"x'; DROP TABLE t; --"|})]
        public partial class P;
        """);

    [Fact]
    public Task Names_that_are_constants_are_checked_where_they_are_used() => Verify.AnalyzerAsync("""
        static class Names { public const string Table = "WebEvents"; }

        [Pipeline("p")]
        [CsvSource("raw__a", {|ALS1003:Names.Table|})]
        [DeltaSink("cooked__a", "b")]
        public partial class P;
        """);

    [Fact]
    public Task Arguments_written_by_name_are_located() => Verify.AnalyzerAsync("""
        [Pipeline(name: "p")]
        [CsvSource(table: {|ALS1003:"Bad"|}, database: {|ALS1002:"Raw__a"|})]
        [DeltaSink("cooked__a", "b")]
        public partial class P;
        """);

    [Fact]
    public Task Writing_to_an_earlier_layer_is_ALS1006_on_the_sink_database() => Verify.AnalyzerAsync("""
        [Pipeline("p")]
        [DeltaSource("served__menu", "items")]
        [DeltaSink({|#0:"cooked__menu"|}, "items")]
        [DeltaSink("served__menu", "items_copy")]
        public partial class P;
        """, expected: Verify.Diagnostic("ALS1006").WithLocation(0).WithMessage(
            "The pipeline reads 'served__menu' (layer 'served') and writes 'cooked__menu' (layer 'cooked'), an earlier layer. "
            + "Rule: data flows forward through the layers raw -> cooked -> served: a pipeline never writes to a layer earlier than one it reads. "
            + "Write to the source's layer or a later one."));

    [Fact]
    public Task A_layer_that_cannot_be_read_is_ALS1002_only() => Verify.AnalyzerAsync("""
        [Pipeline("p")]
        [DeltaSource("served__menu", "items")]
        [DeltaSink({|ALS1002:"landing__menu"|}, "items")]
        public partial class P;
        """);

    [Fact]
    public Task Configured_layers_replace_the_defaults() => Verify.AnalyzerAsync("""
        [Pipeline("p")]
        [DeltaSource("silver__orders", "b")]
        [DeltaSink("gold__orders", "b")]
        [DeltaSink({|ALS1006:"bronze__orders"|}, "c")]
        [DeltaSink({|ALS1002:"cooked__orders"|}, "d")]
        public partial class P;
        """, editorConfig: "alaspark.layers = landing, bronze, silver, gold\n");

    [Fact]
    public Task A_configured_prefix_is_required() => Verify.AnalyzerAsync("""
        [Pipeline("p")]
        [DeltaSource("glue_raw__summit", "b")]
        [DeltaSink({|ALS1002:"cooked__summit"|}, "b")]
        public partial class P;
        """, editorConfig: "alaspark.database_prefix = glue_\n");

    [Fact]
    public Task Without_a_configured_prefix_a_prefixed_name_has_an_unknown_layer() => Verify.AnalyzerAsync("""
        [Pipeline("p")]
        [DeltaSource({|ALS1002:"glue_raw__summit"|}, "b")]
        [DeltaSink("cooked__summit", "b")]
        public partial class P;
        """, editorConfig: "alaspark.database_prefix =\n");

    [Fact]
    public Task An_invalid_configuration_is_ALS1000_and_the_defaults_apply() => Verify.AnalyzerAsync("""
        [{|#0:Pipeline("p")|}]
        [DeltaSource("raw__a", "b")]
        [DeltaSink({|ALS1002:"gold__a"|}, "b")]
        public partial class P;
        """, editorConfig: "alaspark.layers = Raw,cooked\n", expected: Verify.Diagnostic("ALS1000").WithLocation(0).WithMessage(
            "The setting 'alaspark.layers = Raw,cooked' is not valid: the layer 'Raw' is not snake_case (^[a-z][a-z0-9]*(_[a-z0-9]+)*$) (in .editorconfig). "
            + "The analyzers use the default naming options (alaspark.layers = raw,cooked,served, no database prefix) until it is fixed."));
}
