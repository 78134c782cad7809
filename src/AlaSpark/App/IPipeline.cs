using AlaSpark.Logging;

namespace AlaSpark;

/// <summary>
/// A pipeline a job assembly can run: its name, what it reads, does and writes (as data, for
/// <c>list</c>, <c>describe</c> and <c>lineage</c>), and how to run it. The source generator
/// implements it for each <c>[Pipeline]</c> class; <see cref="PipelineDefinition"/> builds one in code.
/// </summary>
public interface IPipeline
{
    string Name { get; }

    PipelineDescription Description { get; }

    /// <summary>Runs the pipeline; returns the tables it wrote.</summary>
    IReadOnlyList<WrittenTable> Run(PipelineContext context);
}

/// <summary>What a running pipeline gets: the session and the standard log.</summary>
public sealed record PipelineContext(AlaSparkSession Session, PipelineLog Log, CancellationToken Cancellation = default)
{
    /// <summary>For a stream pipeline: the trigger to run with instead of its sinks' (<c>run --trigger</c>); null keeps theirs.</summary>
    public Trigger? Trigger { get; init; }
}

/// <summary>A pipeline's source, as data.</summary>
public sealed record SourceDescription(string Reader, string Database, string Table, string? Path, BadRecordsMode BadRecords, bool IsStream);

/// <summary>One processor step, as data.</summary>
public sealed record StepDescription(string Processor, string Arguments)
{
    /// <summary>True for a <see cref="ToManyTablesProcessor"/>: the step splits the table into several, and the
    /// steps after it apply to every output.</summary>
    public bool SplitsTable { get; init; }
}

/// <summary>
/// One table a pipeline's split gives each sink: its suffix (the sink writes it to <c>&lt;sink table&gt;_&lt;suffix&gt;</c>,
/// or to the sink's table when null) and, for a child table, its parent's suffix and the key column linking them.
/// </summary>
public sealed record OutputDescription(string? Suffix, TableLink? Parent);

/// <summary>A pipeline's sink, as data.</summary>
public sealed record SinkDescription(string Writer, string Database, string Table, IReadOnlyList<string> PartitionBy, WriteMode Mode, bool MergeSchema, bool IsStream);

/// <summary>Everything a pipeline reads, does and writes, without running it.</summary>
public sealed record PipelineDescription(string Name, SourceDescription Source, IReadOnlyList<StepDescription> Steps, IReadOnlyList<SinkDescription> Sinks)
{
    /// <summary>
    /// For a pipeline that splits its table: the outputs, root first, each child after its parent. Null when the
    /// pipeline does not split, or when the outputs are not known: they follow from the source's schema, which
    /// <see cref="PipelineDefinition.Describe(AlaSparkSession)"/> reads.
    /// </summary>
    public IReadOnlyList<OutputDescription>? Outputs { get; init; }

    /// <summary>True when a step splits the table (<see cref="StepDescription.SplitsTable"/>).</summary>
    public bool SplitsTable => Steps.Any(s => s.SplitsTable);

    /// <summary>The lineage graph: source table -> processors -> sink tables (for a split, every output of each sink,
    /// with links from parent to child tables).</summary>
    public LineageGraph Lineage => LineageGraph.Of(this);

    /// <summary>The definition this describes, when the pipeline is built on one (as generated pipelines are),
    /// so that <c>describe</c> can show the schema at each step of any such pipeline.</summary>
    internal PipelineDefinition? Definition { get; init; }
}
