using AlaSpark.Generators.Model;
using AlaSpark.Generators.Parsing;
using Microsoft.CodeAnalysis;

namespace AlaSpark.Generators.Tests;

public class ParserTests
{
    private static PipelineModel? Parse(string typeName, params string[] sources)
    {
        var compilation = TestCompilation.Create([Samples.GlobalUsings, .. sources]);
        Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        var type = compilation.GetTypeByMetadataName(typeName);
        Assert.NotNull(type);
        return PipelineParser.TryParse(type, CancellationToken.None);
    }

    private static ArgumentModel Str(string value) => new(ArgumentKind.String, "string", value, default);

    private static ColumnModel Column(string name, string property, DataTypeKind kind, string clr, bool nullable = false) =>
        new(name, property, new ColumnType(kind, clr, 0, 0, null, default), nullable);

    [Fact]
    public void The_dsl_pipeline_parses_to_its_model()
    {
        var model = Parse("WebEvents.WebEventsPipeline", Samples.WebEvents);

        var expected = new PipelineModel(
            "WebEvents",
            "WebEventsPipeline",
            IsPublic: true,
            "raw_to_cooked",
            HasParameterlessConstructor: true,
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
            new[]
            {
                new ProcessorModel("global::AlaSpark.AddSourceFilename", "AddSourceFilename", default),
                new ProcessorModel("global::AlaSpark.HashColumn", "HashColumn", new[] { Str("user_email") }.ToEquatableArray()),
                new ProcessorModel("global::AlaSpark.AddPartition", "AddPartition", new[] { Str("event_date"), Str("event_time") }.ToEquatableArray()),
                new ProcessorModel("global::AlaSpark.AddWatermark", "AddWatermark", new[] { Str("event_time"), Str("10 minutes") }.ToEquatableArray()),
                new ProcessorModel("global::AlaSpark.DropDuplicates", "DropDuplicates",
                    new[] { new ArgumentModel(ArgumentKind.Array, "string", null, new[] { Str("event_id") }.ToEquatableArray()) }.ToEquatableArray()),
                new ProcessorModel("global::AlaSpark.AddCurrentTimestamp", "AddCurrentTimestamp", new[] { Str("processed_at") }.ToEquatableArray()),
            }.ToEquatableArray(),
            new[]
            {
                new SinkModel(SinkKind.DeltaStreamSink, "cooked__web_events", "web_events",
                    new[] { "event_date" }.ToEquatableArray(), Mode: "Append", OutputMode: "Append",
                    MergeSchema: true, Trigger: "5 minutes", CheckpointLocation: null),
            }.ToEquatableArray());

        Assert.Equal(expected, model);
    }

    [Fact]
    public void Schema_types_map_like_the_runtime_record_schema()
    {
        const string source = """
            using AlaSpark;
            namespace Shop;
            public sealed record Address(string Street, int? Number);
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
            [Pipeline("orders")]
            [DeltaSource("raw__shop", "orders", Schema = typeof(Order), Path = "/data", BadRecords = BadRecordsMode.Fail, Options = new[] { "a=1", "b=2" })]
            [Processor(typeof(JoinDataframe), "raw__shop", "customers", new[] { "customer_id" }, JoinType.Left)]
            [Processor(typeof(MaskColumn), "street", 4, '#')]
            [DeltaSink("cooked__shop", "orders", Mode = WriteMode.Overwrite, CheckpointLocation = "/cp")]
            [ParquetSink("served__shop", "orders")]
            internal partial class OrdersPipeline;
            """;
        var model = Parse("Shop.OrdersPipeline", source);

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
        Assert.True(columns["ship_to"].Type.Fields[1].Nullable);
        Assert.False(columns["ship_to"].Nullable);
        Assert.Equal("array<string>", columns["tags"].Type.SparkName);
        Assert.Equal("array<int>", columns["counts"].Type.SparkName);
        Assert.Equal("map<string,double>", columns["metrics"].Type.SparkName);

        var join = model.Processors[0];
        Assert.Equal(
            [ArgumentKind.String, ArgumentKind.String, ArgumentKind.Array, ArgumentKind.Enum],
            join.Arguments.Select(a => a.Kind));
        Assert.Equal("Left", join.Arguments[3].Value);
        Assert.Equal("global::AlaSpark.JoinType", join.Arguments[3].TypeName);
        var mask = model.Processors[1];
        Assert.Equal([ArgumentKind.String, ArgumentKind.Int32, ArgumentKind.Char], mask.Arguments.Select(a => a.Kind));
        Assert.Equal("#", mask.Arguments[2].Value);

        Assert.Equal(2, model.Sinks.Count);
        Assert.Equal("Overwrite", model.Sinks[0].Mode);
        Assert.Equal("/cp", model.Sinks[0].CheckpointLocation);
        Assert.Equal(SinkKind.ParquetSink, model.Sinks[1].Kind);
        Assert.Equal("Append", model.Sinks[1].Mode);
    }

    [Theory]
    [InlineData("""[Pipeline("p")][CsvSource("raw__a", "b")][DeltaSink("cooked__a", "b")] public class P;""")]
    [InlineData("""[Pipeline("p")][DeltaSink("cooked__a", "b")] public partial class P;""")]
    [InlineData("""[Pipeline("p")][CsvSource("raw__a", "b")][JsonSource("raw__a", "c")][DeltaSink("cooked__a", "b")] public partial class P;""")]
    [InlineData("""[Pipeline("p")][CsvSource("raw__a", "b")] public partial class P;""")]
    public void Invalid_pipelines_have_no_model(string declaration)
    {
        Assert.Null(Parse("P", "using AlaSpark;\n" + declaration));
    }
}
