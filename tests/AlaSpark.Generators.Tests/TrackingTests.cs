using AlaSpark.Generators.Model;
using AlaSpark.Generators.Tracking;

namespace AlaSpark.Generators.Tests;

/// <summary>The schema at every step, through built-in and custom processors, and the findings the tracker reports.</summary>
public class TrackingTests
{
    private const string InputColumns =
        "id int not null, name string not null, email string not null, amount decimal(10,2) not null, event_time timestamp not null, day date not null, score double not null, note string";

    private static IReadOnlyList<string> Steps(CheckedPipeline pipeline) => pipeline.Steps.Select(Pipelines.Columns).ToList();

    [Fact]
    public void The_dsl_pipeline_has_its_schema_known_at_every_step()
    {
        var pipeline = Pipelines.Check("WebEvents.WebEventsPipeline", Samples.WebEvents);

        const string source = "event_id string not null, user_email string not null, event_type string not null, page_url string not null, event_time timestamp not null, user_agent string";
        Assert.Equal(
            [
                source,
                source + ", source_filename string not null",
                source + ", source_filename string not null",
                source + ", source_filename string not null, event_date date not null partition",
                source + ", source_filename string not null, event_date date not null partition",
                source + ", source_filename string not null, event_date date not null partition",
                source + ", source_filename string not null, event_date date not null partition, processed_at timestamp not null",
            ],
            Steps(pipeline));
        Assert.Empty(pipeline.Findings);
        Assert.Same(pipeline.Steps[6], pipeline.SinkSchema);
    }

    [Theory]
    [InlineData("""[Processor(typeof(AddSourceFilename))]""", InputColumns + ", source_filename string not null")]
    [InlineData("""[Processor(typeof(AddSourcePath), "path")]""", InputColumns + ", path string not null")]
    [InlineData("""[Processor(typeof(AddCurrentTimestamp), "loaded_at")]""", InputColumns + ", loaded_at timestamp not null")]
    [InlineData("""[Processor(typeof(HashColumn), "NAME")]""",
        "id int not null, name string not null, email string not null, amount decimal(10,2) not null, event_time timestamp not null, day date not null, score double not null, note string")]
    [InlineData("""[Processor(typeof(AddPartition), "hour", "event_time", PartitionGranularity.Hour)]""", InputColumns + ", hour timestamp not null partition")]
    [InlineData("""[Processor(typeof(AddPartition), "month", "day", PartitionGranularity.Month)]""", InputColumns + ", month date not null partition")]
    [InlineData("""[Processor(typeof(AddPartition), "parsed", "note")]""", InputColumns + ", parsed date partition")]
    [InlineData("""[Processor(typeof(SelectColumns), new[] { "score", "ID" })]""", "score double not null, id int not null")]
    [InlineData("""[Processor(typeof(DropColumns), new[] { "email", "note" })]""",
        "id int not null, name string not null, amount decimal(10,2) not null, event_time timestamp not null, day date not null, score double not null")]
    [InlineData("""[Processor(typeof(FilterRows), "id > 1")]""", InputColumns)]
    [InlineData("""[Processor(typeof(DropDuplicates), new[] { "id", "day" })]""", InputColumns)]
    [InlineData("""[Processor(typeof(AddWatermark), "event_time", "10 minutes")]""", InputColumns)]
    [InlineData("""[Processor(typeof(AlterDataType), "id", "bigint")]""",
        "id bigint not null, name string not null, email string not null, amount decimal(10,2) not null, event_time timestamp not null, day date not null, score double not null, note string")]
    [InlineData("""[Processor(typeof(AlterDataType), "amount", "decimal(5,1)")]""",
        "id int not null, name string not null, email string not null, amount decimal(5,1), event_time timestamp not null, day date not null, score double not null, note string")]
    [InlineData("""[Processor(typeof(AlterDataType), "score", "decimal(10,2)")]""",
        "id int not null, name string not null, email string not null, amount decimal(10,2) not null, event_time timestamp not null, day date not null, score decimal(10,2), note string")]
    [InlineData("""[Processor(typeof(WithColumn), "id", "'x'")]""",
        "id string not null, name string not null, email string not null, amount decimal(10,2) not null, event_time timestamp not null, day date not null, score double not null, note string")]
    [InlineData("""[Processor(typeof(AddPartition), "d", "event_time")][Processor(typeof(SelectColumns), new[] { "id" })]""", "id int not null")]
    [InlineData("""[Processor(typeof(AddPartition), "d", "event_time")][Processor(typeof(DropColumns), new[] { "d" })]""", InputColumns)]
    public void Built_in_processors_change_the_schema_as_the_runtime_does(string processors, string expected)
    {
        var pipeline = Pipelines.WithProcessors(processors);

        Assert.Equal(expected, Pipelines.Columns(pipeline.SinkSchema!));
        Assert.DoesNotContain(pipeline.Findings, f => f.Severity == FindingSeverity.Error);
    }

    [Theory]
    [InlineData("name", "string not null")]
    [InlineData("`note`", "string")]
    [InlineData("(score)", "double not null")]
    [InlineData("'it''s'", "string not null")]
    [InlineData("\"text\"", "string not null")]
    [InlineData("42", "int not null")]
    [InlineData("-3000000000", "bigint not null")]
    [InlineData("7L", "bigint not null")]
    [InlineData("1.50", "decimal(3,2) not null")]
    [InlineData("0.5", "decimal(1,1) not null")]
    [InlineData("2.5D", "double not null")]
    [InlineData("1e3", "double not null")]
    [InlineData("true", "boolean not null")]
    [InlineData("null", "unknown")]
    [InlineData("CAST(id AS bigint)", "bigint not null")]
    [InlineData("cast(name as int)", "int")]
    [InlineData("cast(amount as decimal(4, 1))", "decimal(4,1)")]
    [InlineData("try_cast(id as string)", "string")]
    [InlineData("upper(name)", "string not null")]
    [InlineData("sha2(note, 256)", "string")]
    [InlineData("md5(CAST(id AS string))", "string not null")]
    [InlineData("length(note)", "int")]
    [InlineData("year(day)", "int not null")]
    [InlineData("to_date(event_time)", "date not null")]
    [InlineData("to_date(name)", "date")]
    [InlineData("current_timestamp()", "timestamp not null")]
    [InlineData("current_date", "date not null")]
    [InlineData("id + 1", "unknown")]
    [InlineData("coalesce(note, name)", "unknown")]
    [InlineData("upper(name) || 'x'", "unknown")]
    [InlineData("cast(name as nonsense)", "unknown")]
    public void WithColumn_types_the_expressions_it_can_and_leaves_the_others_unknown(string expression, string expected)
    {
        var pipeline = Pipelines.WithProcessors($$"""[Processor(typeof(WithColumn), "x", {{Microsoft.CodeAnalysis.CSharp.SymbolDisplay.FormatLiteral(expression, true)}})]""");

        var x = pipeline.SinkSchema!.Find("x")!;
        Assert.Equal(expected, x.Type.SparkName + (x.Nullable ? "" : " not null"));
        Assert.Empty(pipeline.Findings);
    }

    [Fact]
    public void A_source_without_a_schema_is_not_checked_and_SelectColumns_makes_it_known()
    {
        var pipeline = Pipelines.Check("P", """
            using AlaSpark;
            [Pipeline("p")][CsvSource("raw__t", "t")]
            [Processor(typeof(HashColumn), "email")]
            [Processor(typeof(AddCurrentTimestamp))]
            [Processor(typeof(SelectColumns), new[] { "email", "processed_at", "other" })]
            [DeltaSink("cooked__t", "t")]
            public partial class P;
            """);

        Assert.Equal(
            [" ...", "email string ...", "email string, processed_at timestamp not null ...", "email string, processed_at timestamp not null, other unknown"],
            Steps(pipeline));
        Assert.Empty(pipeline.Findings);
        Assert.True(pipeline.IsValid);
    }

    private const string CustomProcessors = """
        namespace Custom
        {
            using AlaSpark;
            [AddsColumn("country", typeof(string))]
            [AddsColumn("visits", typeof(long))]
            [AddsColumn("ratio", typeof(double?))]
            public sealed class Enrich : ToTableProcessor { }
            [RemovesColumn("email")]
            [RemovesColumn("note")]
            public sealed class Strip : ToTableProcessor { }
            [RemovesColumn("name")]
            [AddsColumn("name", typeof(int))]
            public sealed class Recode : ToTableProcessor { }
            [PreservesSchema]
            public sealed class Clean : ToTableProcessor { public Clean(string rule = "all") { } }
            public sealed class Opaque : ToTableProcessor { }
        }
        """;

    [Fact]
    public void Custom_processors_change_the_schema_as_they_declare()
    {
        var pipeline = Pipelines.WithProcessors("""
            [Processor(typeof(Custom.Enrich))]
            [Processor(typeof(Custom.Strip))]
            [Processor(typeof(Custom.Recode))]
            [Processor(typeof(Custom.Clean))]
            """, extra: CustomProcessors);

        Assert.Equal(
            [
                InputColumns,
                InputColumns + ", country string, visits bigint not null, ratio double",
                "id int not null, name string not null, amount decimal(10,2) not null, event_time timestamp not null, day date not null, score double not null, country string, visits bigint not null, ratio double",
                "id int not null, amount decimal(10,2) not null, event_time timestamp not null, day date not null, score double not null, country string, visits bigint not null, ratio double, name int not null",
                "id int not null, amount decimal(10,2) not null, event_time timestamp not null, day date not null, score double not null, country string, visits bigint not null, ratio double, name int not null",
            ],
            Steps(pipeline));
        Assert.Empty(pipeline.Findings);
        Assert.Equal(
            new DeclaredEffects(
                new[] { new ColumnModel("country", "", new ColumnType(DataTypeKind.String, "string", 0, 0, null, default), true),
                        new ColumnModel("visits", "", new ColumnType(DataTypeKind.Long, "long", 0, 0, null, default), false),
                        new ColumnModel("ratio", "", new ColumnType(DataTypeKind.Double, "double", 0, 0, null, default), true) }.ToEquatableArray(),
                default, false),
            pipeline.Model!.Processors[0].DeclaredEffects);
    }

    [Fact]
    public void A_custom_processor_without_a_declared_effect_is_ALS3005_and_checks_stop_after_it()
    {
        var pipeline = Pipelines.WithProcessors("""
            [Processor(typeof(HashColumn), "missing_before")]
            [Processor(typeof(Custom.Opaque))]
            [Processor(typeof(HashColumn), "missing_after")]
            [Processor(typeof(AddCurrentTimestamp))]
            """, sink: """[DeltaSink("cooked__t", "t", PartitionBy = new[] { "anything" })]""", extra: CustomProcessors);

        Assert.Equal(["ALS3001", "ALS3005"], pipeline.Findings.Select(f => f.Id));
        var info = pipeline.Findings[1];
        Assert.Equal((FindingSeverity.Info, FindingTarget.Attribute, 3), (info.Severity, info.Target, info.AttributeIndex));
        Assert.StartsWith("The schema is unknown after Opaque", info.Message);
        Assert.Equal([" ...", "missing_after string ...", "missing_after string, processed_at timestamp not null ..."],
            Steps(pipeline).Skip(2));
    }

    [Fact]
    public void ALS3001_points_at_the_argument_and_element_that_names_a_missing_column()
    {
        var pipeline = Pipelines.WithProcessors("""
            [Processor(typeof(HashColumn), "emial")]
            [Processor(typeof(DropDuplicates), new[] { "id", "nope" })]
            [Processor(typeof(AddPartition), "d", "when")]
            [Processor(typeof(WithColumn), "x", "missing")]
            """);

        Assert.Equal(
            [
                "ALS3001 Error ProcessorArgument(2,0,-1,): HashColumn: the column 'emial' does not exist at this step (columns here: id, name, email, amount, event_time, day, score, note); check the name and the processors before this one",
                "ALS3001 Error ProcessorArgument(3,0,1,): DropDuplicates: the column 'nope' does not exist at this step (columns here: id, name, email, amount, event_time, day, score, note); check the name and the processors before this one",
                "ALS3001 Error ProcessorArgument(4,1,-1,): AddPartition: the column 'when' does not exist at this step (columns here: id, name, email, amount, event_time, day, score, note); check the name and the processors before this one",
                "ALS3001 Error ProcessorArgument(5,1,-1,): WithColumn: the column 'missing' does not exist at this step (columns here: id, name, email, amount, event_time, day, score, note, d); check the name and the processors before this one",
            ],
            Pipelines.Findings(pipeline));
        Assert.False(pipeline.IsValid);
    }

    [Fact]
    public void ALS3001_follows_the_chain_a_column_dropped_earlier_is_missing_later()
    {
        var pipeline = Pipelines.WithProcessors("""
            [Processor(typeof(DropColumns), new[] { "email" })]
            [Processor(typeof(HashColumn), "email")]
            """);

        var finding = Pipelines.Single(pipeline, "ALS3001");
        Assert.Equal((3, 0), (finding.AttributeIndex, finding.ArgumentIndex));
    }

    [Theory]
    [InlineData("""[Processor(typeof(HashColumn), "id")]""", "HashColumn: the column 'id' is int, but HashColumn takes a string (or binary) column")]
    [InlineData("""[Processor(typeof(AddPartition), "d", "score")]""", "AddPartition: the column 'score' is double, but AddPartition takes a timestamp, date or string column")]
    [InlineData("""[Processor(typeof(AddWatermark), "day", "1 hour")]""", "AddWatermark: the column 'day' is date, but AddWatermark takes a timestamp column")]
    [InlineData("""[Processor(typeof(AlterDataType), "name", "int")][Processor(typeof(HashColumn), "name")]""", "HashColumn: the column 'name' is int")]
    [InlineData("""[Processor(typeof(AlterDataType), "name", "array<string>")]""", "AlterDataType: the column 'name' is string, but AlterDataType takes a column Spark can cast to array<string>")]
    [InlineData("""[Processor(typeof(AlterDataType), "day", "map<string,int>")]""", "AlterDataType: the column 'day' is date")]
    public void ALS3004_is_a_column_of_the_wrong_type_for_the_processor(string processors, string message)
    {
        var pipeline = Pipelines.WithProcessors(processors);

        var finding = Pipelines.Single(pipeline, "ALS3004");
        Assert.StartsWith(message, finding.Message);
        Assert.Equal(FindingTarget.ProcessorArgument, finding.Target);
    }

    [Theory]
    [InlineData("""[Processor(typeof(AlterDataType), "id", "decimal(50,2)")]""", 1, "AlterDataType: the dataType \"decimal(50,2)\" is not valid: a decimal's precision is 1 to 38, not 50")]
    [InlineData("""[Processor(typeof(AlterDataType), "id", "integr")]""", 1, "AlterDataType: the dataType \"integr\" is not valid: 'integr' is not a Spark data type")]
    [InlineData("""[Processor(typeof(AlterDataType), "id", "array<int")]""", 1, "AlterDataType: the dataType \"array<int\" is not valid: expected '>'")]
    [InlineData("""[Processor(typeof(AddPartition), "d", "day", (PartitionGranularity)9)]""", 2, "AddPartition: the granularity 9 is not valid")]
    [InlineData("""[Processor(typeof(AddCurrentTimestamp), null)]""", 0, "AddCurrentTimestamp: the column null is not valid: a column needs a name")]
    [InlineData("""[Processor(typeof(DropDuplicates), (string[])null)]""", 0, "DropDuplicates: the columns null is not valid: a list of column names is needed")]
    public void ALS3006_is_an_argument_value_the_processor_can_not_use(string processor, int argument, string message)
    {
        var pipeline = Pipelines.WithProcessors(processor);

        var finding = Pipelines.Single(pipeline, "ALS3006");
        Assert.StartsWith(message, finding.Message);
        Assert.Equal((FindingTarget.ProcessorArgument, 2, argument), (finding.Target, finding.AttributeIndex, finding.ArgumentIndex));
        Assert.False(pipeline.IsValid);
    }

    [Fact]
    public void ALS2001_a_partition_column_that_does_not_reach_the_sink()
    {
        var pipeline = Pipelines.WithProcessors("", sink: """[DeltaSink("cooked__t", "t", PartitionBy = new[] { "day", "nope" })]""");

        var finding = Pipelines.Single(pipeline, "ALS2001");
        Assert.Equal((FindingTarget.NamedArgument, 2, "PartitionBy", 1), (finding.Target, finding.AttributeIndex, finding.PropertyName, finding.ElementIndex));
        Assert.StartsWith("The partition column 'nope' of cooked__t.t does not exist in the schema that reaches the sink (id, name,", finding.Message);
    }

    [Fact]
    public void ALS2002_is_reported_at_the_processor_that_removed_the_partition_column()
    {
        var dropped = Pipelines.WithProcessors("""[Processor(typeof(DropColumns), new[] { "email", "day" })]""",
            sink: """[DeltaSink("cooked__t", "t", PartitionBy = new[] { "day" })]""");
        var selected = Pipelines.WithProcessors("""[Processor(typeof(SelectColumns), new[] { "id", "name" })]""",
            sink: """[DeltaSink("cooked__t", "t", PartitionBy = new[] { "day" })][ParquetSink("served__t", "t", PartitionBy = new[] { "day" })]""");
        var custom = Pipelines.WithProcessors("[Processor(typeof(Custom.Strip))]",
            sink: """[DeltaSink("cooked__t", "t", PartitionBy = new[] { "note" })]""", extra: CustomProcessors);

        var finding = Pipelines.Single(dropped, "ALS2002");
        Assert.Equal((FindingTarget.ProcessorArgument, 2, 0, 1), (finding.Target, finding.AttributeIndex, finding.ArgumentIndex, finding.ElementIndex));
        Assert.Equal("DropColumns removes the column 'day', which cooked__t.t is partitioned by; keep the column, or partition by another", finding.Message);
        Assert.DoesNotContain(dropped.Findings, f => f.Id == "ALS2001");
        Assert.Equal([(2, 0, -1, "cooked__t.t"), (2, 0, -1, "served__t.t")],
            selected.Findings.Select(f => (f.AttributeIndex, f.ArgumentIndex, f.ElementIndex, f.MessageArguments[1])));
        Assert.Equal(FindingTarget.Attribute, Pipelines.Single(custom, "ALS2002").Target);
    }

    [Fact]
    public void ALS2003_is_an_error_for_unsuitable_partition_types_and_a_warning_for_timestamps()
    {
        var pipeline = Pipelines.WithProcessors("", sink: """[DeltaSink("cooked__t", "t", PartitionBy = new[] { "score", "event_time", "day" })]""");
        var marked = Pipelines.WithProcessors("""[Processor(typeof(AddPartition), "hour", "event_time", PartitionGranularity.Hour)]""");

        Assert.Equal([(FindingSeverity.Error, 0), (FindingSeverity.Warning, 1)], pipeline.Findings.Select(f => (f.Severity, f.ElementIndex)));
        Assert.Equal("The partition column 'score' of cooked__t.t is double, which can't be a partition value; partition by a date, string or integer column", pipeline.Findings[0].Message);
        Assert.StartsWith("The partition column 'event_time' of cooked__t.t is a timestamp: one partition per distinct instant; partition by a date", pipeline.Findings[1].Message);
        // Without PartitionBy the sink writes the marked partitions: a warning at the sink.
        var warning = Pipelines.Single(marked, "ALS2003");
        Assert.Equal((FindingSeverity.Warning, FindingTarget.Attribute, 3), (warning.Severity, warning.Target, warning.AttributeIndex));
        Assert.True(marked.IsValid);
    }

    [Fact]
    public void ALS2004_a_partition_column_listed_twice()
    {
        var pipeline = Pipelines.WithProcessors("", sink: """[DeltaSink("cooked__t", "t", PartitionBy = new[] { "day", "name", "DAY" })]""");

        var finding = Pipelines.Single(pipeline, "ALS2004");
        Assert.Equal(2, finding.ElementIndex);
        Assert.Equal("The partition column 'DAY' of cooked__t.t is listed twice; remove the duplicate", finding.Message);
    }

    [Fact]
    public void ALS2005_every_column_a_partition()
    {
        var pipeline = Pipelines.WithProcessors("""[Processor(typeof(SelectColumns), new[] { "day", "name" })]""",
            sink: """[DeltaSink("cooked__t", "t", PartitionBy = new[] { "name", "day" })]""");

        var finding = Pipelines.Single(pipeline, "ALS2005");
        Assert.Equal((FindingTarget.Attribute, 3), (finding.Target, finding.AttributeIndex));
        Assert.Equal("Every column of cooked__t.t is a partition column; at least one column must hold data", finding.Message);
    }

    [Fact]
    public void An_invalid_pipeline_generates_nothing_and_a_warning_does_not_stop_it()
    {
        var invalid = TestCompilation.Create(Samples.GlobalUsings, """
            using AlaSpark;
            public sealed record R(string A, int B);
            [Pipeline("p")][CsvSource("raw__t", "t", Schema = typeof(R))][Processor(typeof(HashColumn), "b")][DeltaSink("cooked__t", "t")]
            public partial class P;
            """);
        var warned = TestCompilation.Create(Samples.GlobalUsings, """
            using AlaSpark;
            public sealed record R(string A, DateTime B);
            [Pipeline("p")][CsvSource("raw__t", "t", Schema = typeof(R))][DeltaSink("cooked__t", "t", PartitionBy = new[] { "b" })]
            public partial class P;
            """);

        Assert.DoesNotContain(TestCompilation.Run(invalid).Output.SyntaxTrees, t => t.FilePath.EndsWith(".g.cs", StringComparison.Ordinal));
        Assert.Contains(TestCompilation.Run(warned).Output.SyntaxTrees, t => t.FilePath.EndsWith(".g.cs", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("string", "string")]
    [InlineData("VARCHAR(10)", "string")]
    [InlineData("Integer", "int")]
    [InlineData("long", "bigint")]
    [InlineData("dec", "decimal(10,0)")]
    [InlineData("decimal( 10 , 2 )", "decimal(10,2)")]
    [InlineData("timestamp_ltz", "timestamp")]
    [InlineData("timestamp_ntz", "timestamp_ntz")]
    [InlineData("array<map<string, bigint>>", "array<map<string,bigint>>")]
    [InlineData("map<int,string>", "map<int,string>")]
    [InlineData("struct<a: int, `b c` string NOT NULL COMMENT 'x'>", "struct<a:int,b c:string>")]
    public void Spark_type_strings_parse_as_the_runtime_parses_them(string text, string expected)
    {
        Assert.Equal(expected, SparkTypes.Parse(text, out var error)!.SparkName);
        Assert.Equal("", error);
    }
}
