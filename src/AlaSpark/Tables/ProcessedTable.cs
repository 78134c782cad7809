namespace AlaSpark;

/// <summary>One step of a table's lineage: a processor and its arguments.</summary>
public sealed record LineageStep(string Processor, string Arguments)
{
    public override string ToString() => Arguments.Length == 0 ? Processor : $"{Processor}({Arguments})";
}

/// <summary>
/// A table on its way through a pipeline: the DataFrame, the partition columns, and the processors
/// applied so far (its lineage). Immutable: <see cref="Apply(ToTableProcessor)"/> returns a new one.
/// </summary>
public sealed record ProcessedTable
{
    public ProcessedTable(SourceTable source, DataFrame frame, IReadOnlyList<string>? partitionColumns = null)
    {
        Source = source;
        DataFrame = frame;
        PartitionColumns = partitionColumns ?? source.Entry.PartitionColumns;
        Name = source.Name;
    }

    public SourceTable Source { get; init; }

    public DataFrame DataFrame { get; init; }

    public IReadOnlyList<string> PartitionColumns { get; init; }

    /// <summary>The processors applied so far, in order.</summary>
    public IReadOnlyList<LineageStep> Lineage { get; init; } = [];

    /// <summary>The table's name when written (the source's name unless a processor changes it).</summary>
    public string Name { get; init; }

    /// <summary>
    /// For an output of a <see cref="ToManyTablesProcessor"/>: what tells it from the other outputs (<c>root</c>,
    /// <c>items</c>). A pipeline writes it to the sink's table name, <c>_</c>, and this (<c>orders_items</c>).
    /// Null for an ordinary table.
    /// </summary>
    public string? Suffix { get; init; }

    /// <summary>For a child output of a <see cref="ToManyTablesProcessor"/>: the output its rows belong to, and the
    /// column linking them. Null otherwise.</summary>
    public TableLink? Parent { get; init; }

    public AlaSparkSession Session => Source.Session;

    public string? PipelineName => Source.PipelineName;

    /// <summary>The standard log, with this table's pipeline and name as context.</summary>
    internal Logging.PipelineLog Log
    {
        get
        {
            var log = new Logging.PipelineLog(Session.Logger).ForTable(Source.FullName);
            return PipelineName is null ? log : log.ForPipeline(PipelineName);
        }
    }

    /// <summary>Applies a 1:1 processor.</summary>
    public ProcessedTable Apply(ToTableProcessor processor)
    {
        var step = new LineageStep(processor.Name, processor.DescribeArguments());
        var result = processor.Apply(this);
        Log.ProcessorApplied(Lineage.Count + 1, step.Processor, step.Arguments);
        return result with { Lineage = [.. Lineage, step] };
    }

    /// <summary>Applies a 1:* processor: each output table carries this table's lineage and the step.</summary>
    /// <remarks>Write the outputs with <see cref="ProcessedTables.WriteAll(IReadOnlyList{ProcessedTable}, Func{Writer}, string, string, WriteOptions?)"/>,
    /// which names each after the target table and its suffix and records which table came from which.</remarks>
    public IReadOnlyList<ProcessedTable> Apply(ToManyTablesProcessor processor)
    {
        var step = new LineageStep(processor.Name, processor.DescribeArguments());
        var outputs = processor.Apply(this);
        Log.ProcessorApplied(Lineage.Count + 1, step.Processor, step.Arguments);
        return outputs.Select(t => t with { Lineage = [.. Lineage, step] }).ToList();
    }

    /// <summary>Writes the table to <paramref name="to"/> with a writer of type <typeparamref name="TWriter"/>.</summary>
    public WrittenTable Write<TWriter>(DatabaseRef to, WriteOptions? options = null) where TWriter : Writer, new() =>
        new TWriter().Write(this, to.Name, options ?? new WriteOptions());

    public WrittenTable Write(Writer writer, string database, WriteOptions? options = null) =>
        writer.Write(this, database, options ?? new WriteOptions());
}

/// <summary>
/// Links a child output of a <see cref="ToManyTablesProcessor"/> to its parent: the parent's
/// <see cref="ProcessedTable.Suffix"/>, and the column that holds the parent row's key in both tables.
/// </summary>
public sealed record TableLink(string ParentSuffix, string KeyColumn);

/// <summary>How a batch writer writes a table.</summary>
public sealed record WriteOptions
{
    public WriteMode Mode { get; init; } = WriteMode.Append;

    /// <summary>The partition columns; the processed table's own when null.</summary>
    public IReadOnlyList<string>? PartitionBy { get; init; }

    /// <summary>Add new columns to the table's schema instead of failing.</summary>
    public bool MergeSchema { get; init; }

    /// <summary>The target table's name; the processed table's name when null.</summary>
    public string? TableName { get; init; }

    /// <summary>
    /// An application transaction for an idempotent write (Delta): a write whose application id has already
    /// committed this version or a later one is skipped. Null for an ordinary write.
    /// </summary>
    public TransactionId? Txn { get; init; }
}

/// <summary>An application's transaction: its id and a version that grows with every batch it writes.</summary>
public sealed record TransactionId(string AppId, long Version);

/// <summary>A table that was written: where, how much, how long, and the read that fed it.</summary>
public sealed record WrittenTable(
    string Database,
    string Name,
    string Location,
    string Format,
    Types.StructType Schema,
    IReadOnlyList<string> PartitionColumns,
    long Rows,
    int Files,
    long Bytes,
    TimeSpan Duration,
    IReadOnlyList<LineageStep> Lineage)
{
    public string FullName => $"{Database}.{Name}";

    /// <summary>The table version a versioned format (Delta) committed; null for plain files.</summary>
    public long? Version { get; init; }

    /// <summary>True when nothing was written (<c>WriteMode.Ignore</c> on an existing table, or an already committed transaction).</summary>
    public bool Skipped { get; init; }

    /// <summary>What reading the source did (rows read, quarantined); null when unknown.</summary>
    public ScanReport? SourceScan { get; init; }

    /// <summary>The source table this was read from.</summary>
    public string? SourceTable { get; init; }

    /// <summary>The distinct partition folders written to.</summary>
    public IReadOnlyList<string> Partitions { get; init; } = [];

    /// <summary>For a child table of a <see cref="ToManyTablesProcessor"/>: the table (<c>database.table</c>) its rows
    /// belong to. Null otherwise.</summary>
    public string? ParentTable { get; init; }

    /// <summary>With <see cref="ParentTable"/>: the column of both tables that links a row to its parent row.</summary>
    public string? ParentKey { get; init; }
}
