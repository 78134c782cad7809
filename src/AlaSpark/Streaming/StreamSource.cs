namespace AlaSpark;

/// <summary>
/// The source side of a streaming query: it plans each micro-batch (what the batch will read, as a JSON offset
/// that the query writes to the checkpoint before the batch runs) and gives the batch's rows for an offset, the
/// same rows every time, so that a batch replayed after a crash reads what it read the first time.
/// </summary>
public abstract class StreamSource
{
    /// <summary>The table being read.</summary>
    public abstract SourceTable Table { get; }

    /// <summary>Restores what the source planned before a restart: batches up to <paramref name="lastPlannedBatch"/> (none when null).</summary>
    /// <param name="index">The source's index in the query: its own log folder is <see cref="StreamCheckpoint.SourceFolder(int)"/>.</param>
    public abstract void Restore(StreamCheckpoint checkpoint, int index, long? lastPlannedBatch);

    /// <summary>For <see cref="Trigger.AvailableNow"/>: what is available now is all the query reads.</summary>
    public abstract void BoundToAvailableNow();

    /// <summary>
    /// Plans batch <paramref name="batchId"/>: the offset of the data it reads, or null when there is no new data.
    /// With <paramref name="respectLimits"/> false (<see cref="Trigger.Once"/>) the per-batch limits don't apply.
    /// </summary>
    public abstract string? PlanBatch(long batchId, bool respectLimits);

    /// <summary>The rows of batch <paramref name="batchId"/> at <paramref name="offset"/>, malformed rows set aside under <paramref name="quarantineFolder"/>.</summary>
    public abstract ProcessedTable GetBatch(long batchId, string offset, string? quarantineFolder);

    /// <summary>Where batch <paramref name="batchId"/> of query <paramref name="queryId"/> sets malformed rows aside; null when the source quarantines nothing.</summary>
    public abstract string? QuarantineFolder(Guid queryId, long batchId);

    /// <summary>A short description of what an offset reads, for progress and logs.</summary>
    public abstract string Describe(long batchId, string offset);
}

/// <summary>Creates the <see cref="StreamSource"/> that reads a table as a stream (the stream counterpart of <see cref="Reader"/>).</summary>
public abstract class StreamingReader
{
    public abstract StreamSource CreateSource(SourceTable table);
}
