namespace AlaSpark;

/// <summary>
/// The sink side of a streaming query: writes each micro-batch to a table of the catalog, idempotently. The
/// batch comes with an application transaction (the query's id and the batch id); a sink that has already
/// committed it writes nothing, so a batch replayed after a crash lands once.
/// </summary>
public abstract class StreamingWriter
{
    /// <summary>True when the sink has committed <paramref name="txn"/> to <paramref name="database"/>.<paramref name="table"/>.</summary>
    public abstract bool IsCommitted(AlaSparkSession session, string database, string table, TransactionId txn);

    /// <summary>Writes one micro-batch with <paramref name="txn"/>.</summary>
    public abstract WrittenTable WriteBatch(ProcessedTable batch, string database, StreamWriteOptions options, TransactionId txn);
}

/// <summary>An engine that can forget a micro-batch's read once the batch is written, so a long-running query holds no old batches.</summary>
public interface IMicroBatchEngine
{
    /// <summary>Drops what the engine keeps of reading <paramref name="source"/>.</summary>
    void ReleaseScans(Plan.DataSource source);
}
