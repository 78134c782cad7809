using AlaSpark.Generators.Model;

namespace AlaSpark.Analyzers.Diagnostics;

/// <summary>
/// The diagnostic ids of dsl.md section 3 (a contract: never renumber), plus ALS1000 for an invalid
/// naming configuration and ALS3006 for a processor argument's value. The ids the shared parser and
/// schema tracker report are theirs (<see cref="FindingIds"/>): one table for both.
/// </summary>
public static class DiagnosticIds
{
    // Structure
    public const string NotPartial = FindingIds.NotPartial;
    public const string SourceCount = FindingIds.SourceCount;
    public const string NoSink = FindingIds.NoSink;

    // Naming
    public const string InvalidNamingConfiguration = "ALS1000";
    public const string PipelineName = "ALS1001";
    public const string DatabaseName = "ALS1002";
    public const string TableName = "ALS1003";
    public const string ColumnName = "ALS1004";
    public const string MetastoreName = "ALS1005";
    public const string LayerOrder = "ALS1006";

    // Partitioning
    public const string PartitionColumnMissing = FindingIds.PartitionColumnMissing;
    public const string PartitionColumnRemoved = FindingIds.PartitionColumnRemoved;
    public const string PartitionColumnType = FindingIds.PartitionColumnType;
    public const string PartitionColumnDuplicate = FindingIds.PartitionColumnTwice;
    public const string AllColumnsPartitioned = FindingIds.EveryColumnPartitioned;

    // Processors
    public const string ProcessorColumnMissing = FindingIds.ColumnMissing;
    public const string ProcessorArguments = FindingIds.NoConstructor;
    public const string NotAProcessor = FindingIds.NotAProcessor;
    public const string ProcessorColumnType = FindingIds.ColumnType;
    public const string SchemaUnknown = FindingIds.SchemaUnknown;
    public const string InvalidProcessorArgument = FindingIds.InvalidArgument;

    // Streaming
    public const string StreamBatchMismatch = "ALS4001";
    public const string UnboundedDeduplication = "ALS4002";
    public const string InvalidTrigger = "ALS4003";
    public const string NotStreamable = "ALS4004";
}

/// <summary>The categories of the AlaSpark diagnostics.</summary>
public static class DiagnosticCategories
{
    public const string Structure = "Structure";
    public const string Naming = "Naming";
    public const string Partitioning = "Partitioning";
    public const string Processors = "Processors";
    public const string Streaming = "Streaming";
}

/// <summary>Keys of <see cref="Microsoft.CodeAnalysis.Diagnostic.Properties"/> that the code fixes read.</summary>
public static class DiagnosticProperties
{
    /// <summary>A name that follows the standard, for the rename fix (absent when none can be derived).</summary>
    public const string Suggestion = "Suggestion";
}
