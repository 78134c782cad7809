using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace AlaSpark.Analyzers.Diagnostics;

/// <summary>
/// The catalogue: one descriptor per id of dsl.md section 3 (ALS1000 and ALS3006 added), each with a
/// help link to its page <c>docs/diagnostics/ALSxxxx.md</c>. Messages say what is wrong, where and what
/// to do. The ids the shared parser and schema tracker report have the message <c>{0}</c>: the
/// finding's own message (<c>FindingIds.Format</c>), so that there is one wording for each.
/// </summary>
/// <remarks>
/// ALS2003 is one descriptor whose default severity is Error (float, double, binary, array, map and
/// struct partition columns); the timestamp case is reported with the effective severity Warning.
/// One descriptor keeps one id for <c>dotnet_diagnostic.ALS2003.severity</c> and one line in the
/// release tracking files.
/// </remarks>
public static class Descriptors
{
    /// <summary>Where the diagnostics' pages live: the base of every help link.</summary>
    public const string DocsBaseUrl = "https://github.com/alaspark/alaspark/blob/main/docs/diagnostics/";

    public static readonly DiagnosticDescriptor NotPartial = Create(
        DiagnosticIds.NotPartial, DiagnosticCategories.Structure, DiagnosticSeverity.Error,
        "A [Pipeline] class must be partial",
        "The pipeline class '{0}' is not partial: the generator adds the pipeline's code in another part of the class; declare it 'partial'",
        "The source generator completes a [Pipeline] class with a second partial declaration. Without 'partial' it generates nothing.");

    public static readonly DiagnosticDescriptor SourceCount = Create(
        DiagnosticIds.SourceCount, DiagnosticCategories.Structure, DiagnosticSeverity.Error,
        "A pipeline has exactly one source",
        "{0}",
        "A pipeline reads one source attribute ([CsvSource], [DeltaStreamSource], ...). With none or several, it generates nothing.");

    public static readonly DiagnosticDescriptor NoSink = Create(
        DiagnosticIds.NoSink, DiagnosticCategories.Structure, DiagnosticSeverity.Error,
        "A pipeline has at least one sink",
        "The pipeline '{0}' has no sink: add a sink attribute such as [DeltaSink(\"cooked__domain\", \"table\")]",
        "A pipeline writes one or more sink attributes ([DeltaSink], [DeltaStreamSink], [ParquetSink]). Without one, it generates nothing.");

    public static readonly DiagnosticDescriptor InvalidNamingConfiguration = Create(
        DiagnosticIds.InvalidNamingConfiguration, DiagnosticCategories.Naming, DiagnosticSeverity.Warning,
        "The naming configuration is not valid",
        "{0} The analyzers use the default naming options (alaspark.layers = raw,cooked,served, no database prefix) until it is fixed.",
        "The keys alaspark.layers and alaspark.database_prefix of .editorconfig configure the naming standard; an invalid value is ignored.");

    public static readonly DiagnosticDescriptor PipelineName = Create(
        DiagnosticIds.PipelineName, DiagnosticCategories.Naming, DiagnosticSeverity.Warning,
        "Pipeline names are snake_case",
        "{0}",
        "Pipeline names are snake_case (^[a-z][a-z0-9]*(_[a-z0-9]+)*$), at most 255 characters.");

    public static readonly DiagnosticDescriptor DatabaseName = Create(
        DiagnosticIds.DatabaseName, DiagnosticCategories.Naming, DiagnosticSeverity.Warning,
        "Database names are <layer>__<domain>",
        "{0}",
        "Database names are [prefix]<layer>__<domain>: a configured layer (alaspark.layers), two underscores and a snake_case domain.");

    public static readonly DiagnosticDescriptor TableName = Create(
        DiagnosticIds.TableName, DiagnosticCategories.Naming, DiagnosticSeverity.Warning,
        "Table names are snake_case",
        "{0}",
        "Table names are snake_case (^[a-z][a-z0-9]*(_[a-z0-9]+)*$), at most 255 characters.");

    public static readonly DiagnosticDescriptor ColumnName = Create(
        DiagnosticIds.ColumnName, DiagnosticCategories.Naming, DiagnosticSeverity.Warning,
        "Column names are snake_case",
        "{0}",
        "Column names, from a schema property (converted to snake_case) or from [Column(\"...\")], are snake_case.");

    public static readonly DiagnosticDescriptor MetastoreName = Create(
        DiagnosticIds.MetastoreName, DiagnosticCategories.Naming, DiagnosticSeverity.Error,
        "A metastore refuses the name",
        "{0}",
        "A name has 1 to 255 characters, all from [A-Za-z0-9_]; a metastore refuses anything else.");

    public static readonly DiagnosticDescriptor LayerOrder = Create(
        DiagnosticIds.LayerOrder, DiagnosticCategories.Naming, DiagnosticSeverity.Warning,
        "Data flows forward through the layers",
        "{0} Write to the source's layer or a later one.",
        "A pipeline never writes to a layer earlier than the one it reads, in the order of alaspark.layers.");

    public static readonly DiagnosticDescriptor PartitionColumnMissing = Create(
        DiagnosticIds.PartitionColumnMissing, DiagnosticCategories.Partitioning, DiagnosticSeverity.Error,
        "A partition column does not exist",
        "{0}",
        "Every PartitionBy column is a column of the schema after the last processor.");

    public static readonly DiagnosticDescriptor PartitionColumnRemoved = Create(
        DiagnosticIds.PartitionColumnRemoved, DiagnosticCategories.Partitioning, DiagnosticSeverity.Error,
        "A processor removed a partition column",
        "{0}",
        "A partition column existed earlier in the chain, but a processor removed it before the sink.");

    public static readonly DiagnosticDescriptor PartitionColumnType = Create(
        DiagnosticIds.PartitionColumnType, DiagnosticCategories.Partitioning, DiagnosticSeverity.Error,
        "The partition column's type is not suitable",
        "{0}",
        "Partition values become directory names: float, double, binary, array, map and struct columns can't be partition columns (error); a timestamp makes one partition per distinct instant (warning: partition by a date).");

    public static readonly DiagnosticDescriptor PartitionColumnDuplicate = Create(
        DiagnosticIds.PartitionColumnDuplicate, DiagnosticCategories.Partitioning, DiagnosticSeverity.Error,
        "A partition column is listed twice",
        "{0}",
        "Spark refuses a partition column listed twice (names compare case-insensitively).");

    public static readonly DiagnosticDescriptor AllColumnsPartitioned = Create(
        DiagnosticIds.AllColumnsPartitioned, DiagnosticCategories.Partitioning, DiagnosticSeverity.Error,
        "Every column is a partition column",
        "{0}",
        "Spark can't write a table whose columns are all partition columns.");

    public static readonly DiagnosticDescriptor ProcessorColumnMissing = Create(
        DiagnosticIds.ProcessorColumnMissing, DiagnosticCategories.Processors, DiagnosticSeverity.Error,
        "A processor names a column that does not exist",
        "{0}",
        "A column argument of a processor names a column of the schema at that step of the chain.");

    public static readonly DiagnosticDescriptor ProcessorArguments = Create(
        DiagnosticIds.ProcessorArguments, DiagnosticCategories.Processors, DiagnosticSeverity.Error,
        "Processor arguments match no constructor",
        "{0}",
        "The arguments of [Processor(typeof(T), ...)] bind to one of T's public constructors.");

    public static readonly DiagnosticDescriptor NotAProcessor = Create(
        DiagnosticIds.NotAProcessor, DiagnosticCategories.Processors, DiagnosticSeverity.Error,
        "The type is not a processor",
        "{0}",
        "The type of [Processor(typeof(T), ...)] derives from ToTableProcessor.");

    public static readonly DiagnosticDescriptor ProcessorColumnType = Create(
        DiagnosticIds.ProcessorColumnType, DiagnosticCategories.Processors, DiagnosticSeverity.Error,
        "A column has the wrong type for the processor",
        "{0}",
        "Some processors need a column of a given type, e.g. HashColumn a string column.");

    public static readonly DiagnosticDescriptor SchemaUnknown = Create(
        DiagnosticIds.SchemaUnknown, DiagnosticCategories.Processors, DiagnosticSeverity.Info,
        "The schema is unknown after a custom processor",
        "{0}",
        "A custom processor declares its schema effect with [AddsColumn], [RemovesColumn] or [PreservesSchema]; without one, column checks stop after it.");

    public static readonly DiagnosticDescriptor InvalidProcessorArgument = Create(
        DiagnosticIds.InvalidProcessorArgument, DiagnosticCategories.Processors, DiagnosticSeverity.Error,
        "A processor argument has a value the processor can't use",
        "{0}",
        "A processor argument binds to a constructor but its value can't work: a data type that does not parse, a null column name, an enum value with no member.");

    public static readonly DiagnosticDescriptor StreamBatchMismatch = Create(
        DiagnosticIds.StreamBatchMismatch, DiagnosticCategories.Streaming, DiagnosticSeverity.Error,
        "Stream and batch don't mix",
        "{0}",
        "A stream source feeds stream sinks and a batch source feeds batch sinks.");

    public static readonly DiagnosticDescriptor UnboundedDeduplication = Create(
        DiagnosticIds.UnboundedDeduplication, DiagnosticCategories.Streaming, DiagnosticSeverity.Warning,
        "DropDuplicates on a stream without a watermark",
        "DropDuplicates on the stream {0} has no watermark before it: it keeps every key it has seen, forever (unbounded state); add [Processor(typeof(AddWatermark), \"{1}\", \"10 minutes\")] before it",
        "On a stream, DropDuplicates keeps state per key; a watermark before it bounds that state.");

    public static readonly DiagnosticDescriptor InvalidTrigger = Create(
        DiagnosticIds.InvalidTrigger, DiagnosticCategories.Streaming, DiagnosticSeverity.Error,
        "The trigger cannot be parsed",
        "The trigger '{0}' of the sink '{1}' cannot be parsed: {2}",
        "A trigger is an interval (\"5 minutes\", \"30 seconds\"), \"available-now\" or \"once\".");

    public static readonly DiagnosticDescriptor NotStreamable = Create(
        DiagnosticIds.NotStreamable, DiagnosticCategories.Streaming, DiagnosticSeverity.Error,
        "The processor cannot run on a stream",
        "{0} can't run on the stream {1}: {2}",
        "Some processors (SortRows, LimitRows) need the whole table, which a stream never has.");

    /// <summary>Every descriptor, in id order.</summary>
    public static ImmutableArray<DiagnosticDescriptor> All { get; } = ImmutableArray.Create(
        NotPartial, SourceCount, NoSink,
        InvalidNamingConfiguration, PipelineName, DatabaseName, TableName, ColumnName, MetastoreName, LayerOrder,
        PartitionColumnMissing, PartitionColumnRemoved, PartitionColumnType, PartitionColumnDuplicate, AllColumnsPartitioned,
        ProcessorColumnMissing, ProcessorArguments, NotAProcessor, ProcessorColumnType, SchemaUnknown, InvalidProcessorArgument,
        StreamBatchMismatch, UnboundedDeduplication, InvalidTrigger, NotStreamable);

    private static readonly Dictionary<string, DiagnosticDescriptor> ById = All.ToDictionary(d => d.Id);

    /// <summary>The descriptor of <paramref name="id"/>, or null when the catalogue has none.</summary>
    public static DiagnosticDescriptor? Find(string id) => ById.TryGetValue(id, out var descriptor) ? descriptor : null;

    /// <summary>The help link of <paramref name="id"/>: its page under docs/diagnostics.</summary>
    public static string HelpLink(string id) => DocsBaseUrl + id + ".md";

    private static DiagnosticDescriptor Create(
        string id, string category, DiagnosticSeverity severity, string title, string message, string description) =>
        new DiagnosticDescriptor(id, title, message, category, severity, isEnabledByDefault: true, description, HelpLink(id));
}
