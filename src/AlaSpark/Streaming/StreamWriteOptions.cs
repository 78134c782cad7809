namespace AlaSpark;

/// <summary>How a streaming query writes its micro-batches.</summary>
public sealed record StreamWriteOptions
{
    /// <summary>Only <see cref="OutputMode.Append"/> is supported on the embedded engine for now.</summary>
    public OutputMode OutputMode { get; init; } = OutputMode.Append;

    /// <summary>The partition columns; the processed table's own when null.</summary>
    public IReadOnlyList<string>? PartitionBy { get; init; }

    /// <summary>Add new columns to the table's schema instead of failing.</summary>
    public bool MergeSchema { get; init; }

    /// <summary>The target table's name; the source table's name when null.</summary>
    public string? TableName { get; init; }

    /// <summary>When batches run; <see cref="Trigger.AvailableNow"/> by default.</summary>
    public Trigger Trigger { get; init; } = Trigger.AvailableNow;

    /// <summary>
    /// The checkpoint folder. Default: <c>&lt;lake root&gt;/_checkpoints/&lt;pipeline&gt;/&lt;database&gt;/&lt;table&gt;</c>
    /// (the pipeline part is <c>_no_pipeline</c> without a pipeline name).
    /// </summary>
    public string? CheckpointLocation { get; init; }

    /// <summary>How many recent progress reports <see cref="StreamingQuery.RecentProgress"/> keeps.</summary>
    public int ProgressToKeep { get; init; } = 100;
}
