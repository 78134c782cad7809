namespace AlaSpark.Generators.Tests;

/// <summary>Stand-ins for the runtime's processors, with the constructors of dsl.md section 4.</summary>
internal static class ProcessorStubs
{
    public const string Source = """
        namespace AlaSpark
        {
            public abstract class ToTableProcessor { }
            public abstract class ToManyTablesProcessor { }
            public sealed class AddSourceFilename : ToTableProcessor { public AddSourceFilename(string column = "source_filename") { } }
            public sealed class AddSourcePath : ToTableProcessor { public AddSourcePath(string column = "source_path") { } }
            public sealed class AddCurrentTimestamp : ToTableProcessor { public AddCurrentTimestamp(string column = "processed_at") { } }
            public sealed class HashColumn : ToTableProcessor { public HashColumn(string column, HashAlgorithm algorithm = HashAlgorithm.Sha256) { } }
            public sealed class AddPartition : ToTableProcessor { public AddPartition(string column, string sourceColumn, PartitionGranularity granularity = PartitionGranularity.Day) { } }
            public sealed class AddWatermark : ToTableProcessor { public AddWatermark(string eventTimeColumn, string delay) { } }
            public sealed class DropDuplicates : ToTableProcessor { public DropDuplicates(string[] columns) { } }
            public sealed class SelectColumns : ToTableProcessor { public SelectColumns(string[] columns) { } }
            public sealed class DropColumns : ToTableProcessor { public DropColumns(string[] columns) { } }
            public sealed class WithColumn : ToTableProcessor { public WithColumn(string column, string expression) { } }
            public sealed class FilterRows : ToTableProcessor { public FilterRows(string condition) { } }
            public sealed class AlterDataType : ToTableProcessor { public AlterDataType(string column, string dataType) { } }
            public sealed class JoinDataframe : ToTableProcessor { public JoinDataframe(string database, string table, string[] on, JoinType how = JoinType.Inner) { } }
            public sealed class MaskColumn : ToTableProcessor { public MaskColumn(string column, int keepLast = 0, char mask = '*') { } }
            public sealed class ParseJson : ToTableProcessor
            {
                public ParseJson(string column, System.Type schema) { }
                public ParseJson(string column, string ddlSchema) { }
            }
            public sealed class Relationalize : ToManyTablesProcessor { public Relationalize(string rootTableSuffix = "root") { } }
        }
        """;
}

/// <summary>Pipelines as their authors write them.</summary>
internal static class Samples
{
    /// <summary>The pipeline of dsl.md section 1, verbatim.</summary>
    public const string WebEvents = """
        using AlaSpark;

        namespace WebEvents;

        public sealed record WebEvent(
            string EventId,
            string UserEmail,
            string EventType,
            string PageUrl,
            DateTime EventTime,
            string? UserAgent);

        [Pipeline("raw_to_cooked")]
        [CsvStreamSource("raw__web_events", "fake_web_events_csv", Schema = typeof(WebEvent))]
        [Processor(typeof(AddSourceFilename))]
        [Processor(typeof(HashColumn), "user_email")]
        [Processor(typeof(AddPartition), "event_date", "event_time")]
        [Processor(typeof(AddWatermark), "event_time", "10 minutes")]
        [Processor(typeof(DropDuplicates), new[] { "event_id" })]
        [Processor(typeof(AddCurrentTimestamp), "processed_at")]
        [DeltaStreamSink("cooked__web_events", "web_events",
            PartitionBy = new[] { "event_date" },
            OutputMode = OutputMode.Append,
            MergeSchema = true,
            Trigger = "5 minutes")]
        public partial class WebEventsPipeline;
        """;

    /// <summary>The implicit usings a console project has (System for DateTime, and so on).</summary>
    public const string GlobalUsings = """
        global using System;
        global using System.Collections.Generic;
        """;
}

/// <summary>Pipelines that use only processors the runtime has, for compiling against the real assemblies.</summary>
internal static class RuntimeSamples
{
    public const string WebEvents = """
        using AlaSpark;

        namespace WebEvents.Runtime;

        public sealed record WebEvent(
            string EventId,
            string UserEmail,
            string EventType,
            string PageUrl,
            DateTime EventTime,
            string? UserAgent);

        [Pipeline("raw_to_cooked_runtime")]
        [CsvStreamSource("raw__web_events", "fake_web_events_csv", Schema = typeof(WebEvent), Path = "{{ landing }}/web_events")]
        [Processor(typeof(AddSourceFilename))]
        [Processor(typeof(HashColumn), "user_email", HashAlgorithm.Sha256)]
        [Processor(typeof(AddPartition), "event_date", "event_time", PartitionGranularity.Day)]
        [Processor(typeof(DropDuplicates), new[] { "event_id" })]
        [Processor(typeof(AddCurrentTimestamp), "processed_at")]
        [DeltaStreamSink("cooked__web_events", "web_events",
            PartitionBy = new[] { "event_date" },
            OutputMode = OutputMode.Append,
            MergeSchema = true,
            Trigger = "5 minutes")]
        [ParquetSink("export__web_events", "web_events", Mode = WriteMode.Overwrite)]
        public partial class WebEventsPipeline;
        """;
}

/// <summary>More pipelines for baselines, each compiling against the real runtime.</summary>
internal static class BaselineSamples
{
    /// <summary>A JSON source with nested, list, map and nullable columns, written to three sinks.</summary>
    public const string JsonToSeveralSinks = """
        using AlaSpark;

        namespace Shop.Orders;

        public sealed record Address(string Street, string City, int? Number);

        public sealed record Order(
            [Column("order_no")] long Id,
            string CustomerEmail,
            [Decimal(12, 2)] decimal Total,
            DateOnly OrderDay,
            DateTimeOffset? ShippedAt,
            Address ShipTo,
            List<string> Tags,
            Dictionary<string, int> Quantities,
            bool Express);

        [Pipeline("orders_to_cooked")]
        [JsonSource("raw__shop", "orders_json", Schema = typeof(Order), Path = "{{ landing }}/orders", BadRecords = BadRecordsMode.Drop)]
        [Processor(typeof(HashColumn), "customer_email", HashAlgorithm.Sha512)]
        [Processor(typeof(AlterDataType), "total", "double")]
        [Processor(typeof(WithColumn), "city", "upper(ship_to.city)")]
        [Processor(typeof(SelectColumns), new[] { "order_no", "customer_email", "total", "order_day", "shipped_at", "ship_to", "tags", "quantities", "city" })]
        [DeltaSink("cooked__shop", "orders", PartitionBy = new[] { "order_day" }, Mode = WriteMode.Overwrite, MergeSchema = true)]
        [ParquetSink("served__shop", "orders_export", Mode = WriteMode.Overwrite)]
        [DeltaStreamSink("served__shop", "orders_stream", OutputMode = OutputMode.Update, Trigger = "30 seconds", CheckpointLocation = "/checkpoints/orders")]
        public partial class OrdersPipeline;
        """;

    /// <summary>Custom processors that declare their schema effect, then one that does not.</summary>
    public const string CustomProcessors = """
        using AlaSpark;

        namespace Factory;

        public sealed record Reading(string SensorId, DateTime ReadAt, double Value, string? OperatorEmail);

        [AddsColumn("site", typeof(string))]
        [AddsColumn("calibrated_value", typeof(double))]
        public sealed class Calibrate(string site) : ToTableProcessor
        {
            public override ProcessedTable Apply(ProcessedTable table) => table with
            {
                DataFrame = table.DataFrame
                    .WithColumn("site", Functions.Lit(site))
                    .WithColumn("calibrated_value", Functions.Col("value") * 1.05),
            };
        }

        [RemovesColumn("operator_email")]
        public sealed class ForgetOperator : ToTableProcessor
        {
            public override ProcessedTable Apply(ProcessedTable table) => table with { DataFrame = table.DataFrame.Drop("operator_email") };
        }

        [PreservesSchema]
        public sealed class DropOutliers(double limit = 1000) : ToTableProcessor
        {
            public override ProcessedTable Apply(ProcessedTable table) => table with { DataFrame = table.DataFrame.Filter(Functions.Col("value") < limit) };
        }

        public sealed class Pivot : ToTableProcessor
        {
            public override ProcessedTable Apply(ProcessedTable table) => table;
        }

        [Pipeline("readings_to_cooked")]
        [ParquetSource("raw__factory", "readings", Schema = typeof(Reading))]
        [Processor(typeof(Calibrate), "north")]
        [Processor(typeof(ForgetOperator))]
        [Processor(typeof(DropOutliers), 500)]
        [Processor(typeof(AddPartition), "read_day", "read_at")]
        [Processor(typeof(Pivot))]
        [Processor(typeof(AddCurrentTimestamp))]
        [DeltaSink("cooked__factory", "readings", PartitionBy = new[] { "read_day" })]
        public partial class ReadingsPipeline;
        """;
}
