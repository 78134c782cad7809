namespace AlaSpark.Analyzers.Diagnostics;

/// <summary>
/// The diagnostic ids of dsl.md section 3 (a contract: never renumber), plus ALS1000 for an invalid
/// naming configuration.
/// </summary>
public static class DiagnosticIds
{
    // Structure
    public const string NotPartial = "ALS0001";
    public const string SourceCount = "ALS0002";
    public const string NoSink = "ALS0003";

    // Naming
    public const string InvalidNamingConfiguration = "ALS1000";
    public const string PipelineName = "ALS1001";
    public const string DatabaseName = "ALS1002";
    public const string TableName = "ALS1003";
    public const string ColumnName = "ALS1004";
    public const string MetastoreName = "ALS1005";
    public const string LayerOrder = "ALS1006";

    // Partitioning
    public const string PartitionColumnMissing = "ALS2001";
    public const string PartitionColumnRemoved = "ALS2002";
    public const string PartitionColumnType = "ALS2003";
    public const string PartitionColumnDuplicate = "ALS2004";
    public const string AllColumnsPartitioned = "ALS2005";

    // Processors
    public const string ProcessorColumnMissing = "ALS3001";
    public const string ProcessorArguments = "ALS3002";
    public const string NotAProcessor = "ALS3003";
    public const string ProcessorColumnType = "ALS3004";
    public const string SchemaUnknown = "ALS3005";

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
