using AlaSpark.Generators.Model;
using AlaSpark.Generators.Parsing;

namespace AlaSpark.Generators.Tests;

public class ParserTests
{
    private static ColumnModel Column(string name, string property, DataTypeKind kind, string clr, bool nullable = false) =>
        new(name, property, new ColumnType(kind, clr, 0, 0, null, default), nullable);

    [Fact]
    public void The_dsl_pipeline_parses_to_its_model()
    {
        var pipeline = Pipelines.Check("WebEvents.WebEventsPipeline", Samples.WebEvents);
        var model = pipeline.Model!;

        Assert.True(pipeline.IsValid, string.Join("\n", Pipelines.Findings(pipeline)));
        Assert.Equal(("WebEvents", "WebEventsPipeline", true, "raw_to_cooked", true), (model.Namespace, model.ClassName, model.IsPublic, model.Name, model.HasParameterlessConstructor));
        Assert.Equal(
            new SourceModel(
                SourceKind.CsvStreamSource,
                "raw__web_events",
                "fake_web_events_csv",
                Path: null,
                BadRecords: "Quarantine",
                Options: default,
                new SchemaModel("global::WebEvents.WebEvent", new[]
                {
                    Column("event_id", "EventId", DataTypeKind.String, "string"),
                    Column("user_email", "UserEmail", DataTypeKind.String, "string"),
                    Column("event_type", "EventType", DataTypeKind.String, "string"),
                    Column("page_url", "PageUrl", DataTypeKind.String, "string"),
                    Column("event_time", "EventTime", DataTypeKind.Timestamp, "global::System.DateTime"),
                    Column("user_agent", "UserAgent", DataTypeKind.String, "string", nullable: true),
                }.ToEquatableArray())),
            model.Source);

        // Attribute 0 is [Pipeline], 1 the source, 2-7 the processors, 8 the sink.
        Assert.Equal([2, 3, 4, 5, 6, 7], model.Processors.Select(p => p.AttributeIndex));
        Assert.Equal(
            [
                "global::AlaSpark.AddSourceFilename: column=\"source_filename\" (default)",
                "global::AlaSpark.HashColumn: column=\"user_email\", algorithm=Enum Sha256 (default)",
                "global::AlaSpark.AddPartition: column=\"event_date\", sourceColumn=\"event_time\", granularity=Enum Day (default)",
                "global::AlaSpark.AddWatermark: eventTimeColumn=\"event_time\", delay=\"10 minutes\"",
                "global::AlaSpark.DropDuplicates: columns=[\"event_id\"]",
                "global::AlaSpark.AddCurrentTimestamp: column=\"processed_at\"",
            ],
            model.Processors.Select(p => p.TypeName + ": " + Pipelines.Parameters(p)));
        Assert.Equal(
            new[] { new ArgumentModel(ArgumentKind.Array, "string", null, new[] { new ArgumentModel(ArgumentKind.String, "string", "event_id", default) }.ToEquatableArray()) },
            model.Processors[4].Arguments);
        Assert.All(model.Processors, p => Assert.Null(p.DeclaredEffects));

        Assert.Equal(
            new SinkModel(8, SinkKind.DeltaStreamSink, "cooked__web_events", "web_events",
                new[] { "event_date" }.ToEquatableArray(), Mode: "Append", OutputMode: "Append",
                MergeSchema: true, Trigger: "5 minutes", CheckpointLocation: null),
            Assert.Single(model.Sinks));
    }

    [Fact]
    public void Schema_types_map_like_the_runtime_record_schema()
    {
        const string source = """
            using AlaSpark;
            namespace Shop;
            public sealed record Address(string Street, int? Number);
            internal sealed record Hidden(string Value);
            public sealed record Order(
                [Column("order_no")] long Id,
                [Decimal(10, 2)] decimal Amount,
                decimal Tax,
                DateOnly Day,
                DateTimeOffset? PlacedAt,
                byte[] Payload,
                byte Small,
                sbyte Tiny,
                short Medium,
                bool Paid,
                float Ratio,
                double Score,
                Address ShipTo,
                List<string> Tags,
                int[] Counts,
                Dictionary<string, double> Metrics);
            internal sealed record WithHidden(Hidden Inner);
            [Pipeline("orders")]
            [DeltaSource("raw__shop", "orders", Schema = typeof(Order), Path = "/data", BadRecords = BadRecordsMode.Fail, Options = new[] { "a=1", "b=2" })]
            [Processor(typeof(JoinDataframe), "raw__shop", "customers", new[] { "customer_id" }, JoinType.Left)]
            [Processor(typeof(MaskColumn), "street", 4, '#')]
            [DeltaSink("cooked__shop", "orders", Mode = WriteMode.Overwrite, CheckpointLocation = "/cp")]
            [ParquetSink("served__shop", "orders")]
            internal partial class OrdersPipeline;
            [Pipeline("hidden")]
            [DeltaSource("raw__shop", "hidden", Schema = typeof(WithHidden))]
            [DeltaSink("cooked__shop", "hidden")]
            internal partial class HiddenPipeline;
            """;
        var model = Pipelines.Check("Shop.OrdersPipeline", source).Model;

        Assert.NotNull(model);
        Assert.False(model.IsPublic);
        Assert.Equal(SourceKind.DeltaSource, model.Source.Kind);
        Assert.Equal("/data", model.Source.Path);
        Assert.Equal("Fail", model.Source.BadRecords);
        Assert.Equal(["a=1", "b=2"], model.Source.Options);
        var columns = model.Source.Schema!.Columns.ToDictionary(c => c.Name);
        Assert.Equal(
            ["order_no", "amount", "tax", "day", "placed_at", "payload", "small", "tiny", "medium", "paid", "ratio", "score", "ship_to", "tags", "counts", "metrics"],
            model.Source.Schema.Columns.Select(c => c.Name));
        Assert.Equal("bigint", columns["order_no"].Type.SparkName);
        Assert.Equal("decimal(10,2)", columns["amount"].Type.SparkName);
        Assert.Equal("decimal(38,18)", columns["tax"].Type.SparkName);
        Assert.Equal("date", columns["day"].Type.SparkName);
        Assert.Equal("timestamp", columns["placed_at"].Type.SparkName);
        Assert.True(columns["placed_at"].Nullable);
        Assert.Equal("binary", columns["payload"].Type.SparkName);
        Assert.Equal("smallint", columns["small"].Type.SparkName);
        Assert.Equal("tinyint", columns["tiny"].Type.SparkName);
        Assert.Equal("smallint", columns["medium"].Type.SparkName);
        Assert.Equal("boolean", columns["paid"].Type.SparkName);
        Assert.Equal("float", columns["ratio"].Type.SparkName);
        Assert.Equal("double", columns["score"].Type.SparkName);
        Assert.Equal("struct<street:string,number:int>", columns["ship_to"].Type.SparkName);
        Assert.Equal("global::Shop.Address", columns["ship_to"].Type.ClrTypeName);
        Assert.True(columns["ship_to"].Type.Fields[1].Nullable);
        Assert.False(columns["ship_to"].Nullable);
        Assert.Equal("array<string>", columns["tags"].Type.SparkName);
        Assert.Equal("array<int>", columns["counts"].Type.SparkName);
        Assert.Equal("map<string,double>", columns["metrics"].Type.SparkName);

        Assert.Equal(
            [ArgumentKind.String, ArgumentKind.String, ArgumentKind.Array, ArgumentKind.Enum],
            model.Processors[0].Arguments.Select(a => a.Kind));
        Assert.Equal("database=\"raw__shop\", table=\"customers\", on=[\"customer_id\"], how=Enum Left", Pipelines.Parameters(model.Processors[0]));
        Assert.Equal("global::AlaSpark.JoinType", model.Processors[0].Arguments[3].TypeName);
        Assert.Equal("column=\"street\", keepLast=Int32 4, mask=Char #", Pipelines.Parameters(model.Processors[1]));

        Assert.Equal(2, model.Sinks.Count);
        Assert.Equal("Overwrite", model.Sinks[0].Mode);
        Assert.Equal("/cp", model.Sinks[0].CheckpointLocation);
        Assert.Equal(SinkKind.ParquetSink, model.Sinks[1].Kind);
        Assert.Equal("Append", model.Sinks[1].Mode);

        // A struct of a record that is not public is typed by its fields only: public generated members can't name it.
        var hidden = Pipelines.Check("Shop.HiddenPipeline", source).Model!;
        Assert.Equal("", hidden.Source.Schema!.Columns[0].Type.ClrTypeName);
    }

    [Fact]
    public void A_class_that_is_not_partial_is_modelled_with_ALS0001()
    {
        var pipeline = Pipelines.Check("P", """using AlaSpark; [Pipeline("p")][CsvSource("raw__a", "b")][DeltaSink("cooked__a", "b")] public class P;""");

        Assert.NotNull(pipeline.Model);
        Assert.False(pipeline.IsValid);
        var finding = Pipelines.Single(pipeline, "ALS0001");
        Assert.Equal((FindingSeverity.Error, FindingTarget.Class), (finding.Severity, finding.Target));
        Assert.Contains("'P' is not partial", finding.Message);
    }

    [Fact]
    public void No_source_is_ALS0002_at_the_class_and_each_extra_source_is_ALS0002_at_its_attribute()
    {
        var none = Pipelines.Check("P", """using AlaSpark; [Pipeline("p")][DeltaSink("cooked__a", "b")] public partial class P;""");
        var two = Pipelines.Check("P", """using AlaSpark; [Pipeline("p")][CsvSource("raw__a", "b")][JsonSource("raw__a", "c")][ParquetSource("raw__a", "d")][DeltaSink("cooked__a", "b")] public partial class P;""");

        Assert.Null(none.Model);
        Assert.Equal(FindingTarget.Class, Pipelines.Single(none, "ALS0002").Target);
        Assert.Contains("has no source", Pipelines.Single(none, "ALS0002").Message);
        Assert.Null(two.Model);
        Assert.Equal([(2, "3"), (3, "3")], two.Findings.Where(f => f.Id == "ALS0002").Select(f => (f.AttributeIndex, f.MessageArguments[1])));
        Assert.Contains("has 3 sources", two.Findings[0].Message);
    }

    [Fact]
    public void No_sink_is_ALS0003_and_the_processors_are_still_checked()
    {
        var pipeline = Pipelines.Check("P", """
            using AlaSpark;
            public sealed record R(string A);
            [Pipeline("p")][CsvSource("raw__a", "b", Schema = typeof(R))][Processor(typeof(HashColumn), "missing")]
            public partial class P;
            """);

        Assert.NotNull(pipeline.Model);
        Assert.Equal(["ALS0003", "ALS3001"], pipeline.Findings.Select(f => f.Id));
        Assert.Contains("has no sink", pipeline.Findings[0].Message);
    }

    [Theory]
    [InlineData("""[Pipeline("p")][CsvSource("raw__a", "b", Options = new[] { "k=v", null })][DeltaSink("cooked__a", "b")] public partial class P;""")]
    [InlineData("""[Pipeline(null)][CsvSource("raw__a", "b")][DeltaSink("cooked__a", "b")] public partial class P;""")]
    [InlineData("""[Pipeline("p")][CsvSource("raw__a", "b")][DeltaSink("cooked__a", "b", PartitionBy = new[] { "x", null })] public partial class P;""")]
    public void An_attribute_with_a_null_where_a_value_is_needed_makes_the_pipeline_invalid(string declaration)
    {
        var pipeline = Pipelines.Check("P", "using AlaSpark;\n" + declaration);

        Assert.True(pipeline.HasUnreadableAttributes);
        Assert.False(pipeline.IsValid);
    }

    [Fact]
    public void TryParse_gives_the_model_of_a_valid_pipeline_only()
    {
        var compilation = TestCompilation.Create(Samples.GlobalUsings, Samples.WebEvents, """
            using AlaSpark;
            [Pipeline("p")][CsvSource("raw__a", "b")][Processor(typeof(HashColumn), 42)][DeltaSink("cooked__a", "b")]
            public partial class Broken;
            """);

        Assert.Equal("raw_to_cooked", PipelineParser.TryParse(compilation.GetTypeByMetadataName("WebEvents.WebEventsPipeline")!, CancellationToken.None)?.Name);
        Assert.Null(PipelineParser.TryParse(compilation.GetTypeByMetadataName("Broken")!, CancellationToken.None));
    }
}
