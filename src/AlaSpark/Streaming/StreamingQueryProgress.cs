namespace AlaSpark;

/// <summary>
/// What one micro-batch did, as Spark's <c>StreamingQueryProgress</c> reports it: the batch, its input rows,
/// the rates, and the time spent in each phase (milliseconds, by Spark's names: <c>latestOffset</c>,
/// <c>walCommit</c>, <c>getBatch</c>, <c>addBatch</c>, <c>commitOffsets</c>, <c>triggerExecution</c>).
/// </summary>
public sealed record StreamingQueryProgress(
    Guid Id,
    Guid RunId,
    long BatchId,
    DateTimeOffset Timestamp,
    long NumInputRows,
    double InputRowsPerSecond,
    double ProcessedRowsPerSecond,
    IReadOnlyDictionary<string, long> DurationMs)
{
    /// <summary>Malformed rows set aside in this batch.</summary>
    public long RowsQuarantined { get; init; }

    /// <summary>The files (or Delta versions) the batch read, as the source describes them.</summary>
    public string Source { get; init; } = "";

    /// <summary>The table version the sink committed; null when the batch wrote nothing or was already committed.</summary>
    public long? SinkVersion { get; init; }

    /// <summary>True when the sink had already committed this batch before a restart: it was not written again.</summary>
    public bool SkippedAlreadyCommitted { get; init; }

    /// <summary>The event-time watermark this batch ran with (Spark's <c>eventTime.watermark</c>); null without <see cref="AddWatermark"/>.</summary>
    public DateTimeOffset? Watermark { get; init; }

    /// <summary>The keys the stream's <see cref="DropDuplicates"/> state holds after this batch (Spark's <c>numRowsTotal</c>, summed over the operators).</summary>
    public long StateRowsTotal { get; init; }
}

/// <summary>What a query is doing now, as Spark's <c>StreamingQueryStatus</c>.</summary>
public sealed record StreamingQueryStatus(string Message, bool IsDataAvailable, bool IsTriggerActive);
