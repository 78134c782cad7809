using System.Globalization;

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
    /// <summary>
    /// Reader options in Spark's names (case-insensitive), as a source attribute's <c>Options</c> give them; each
    /// reader says which it takes. An option overrides the property of the same meaning.
    /// </summary>
    public Dictionary<string, string> Options { get; } = new(StringComparer.OrdinalIgnoreCase);

    public abstract StreamSource CreateSource(SourceTable table);

    /// <summary>The value of option <paramref name="name"/> as a positive whole number; anything else is an error naming the option, its value and the table.</summary>
    protected static long PositiveOption(string name, string value, SourceTable table) =>
        long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0 ? n : throw BadOption(name, value, table, "a positive whole number");

    /// <summary>The error for an option whose value is not <paramref name="expected"/>.</summary>
    protected static AlaSparkException BadOption(string name, string value, SourceTable table, string expected) =>
        new($"The stream option {name} of {table.FullName} must be {expected}, not '{value}'.");
}
