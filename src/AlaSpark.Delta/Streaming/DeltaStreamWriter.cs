
namespace AlaSpark.Delta;

/// <summary>
/// Writes each micro-batch of a stream to a Delta table (the <c>DeltaStreamSink</c> of dsl.md) as an append with
/// the application transaction <c>txn</c> (app id = the query's id, version = the batch id): a batch that the
/// table already holds is skipped, so a batch replayed after a crash lands once.
/// </summary>
public sealed class DeltaStreamWriter : StreamingWriter
{
    // One writer for every batch of the query: it keeps the snapshot between batches.
    private readonly DeltaWriter _writer = new();

    public override bool IsCommitted(AlaSparkSession session, string database, string table, TransactionId txn)
    {
        if (!session.Catalog.TryGetTable(database, table, out var entry) || !DeltaTable.IsDeltaTable(entry.Location)) return false;
        return DeltaTable.ForPath(entry.Location).TryLatestSnapshot()?.TxnVersion(txn.AppId) >= txn.Version;
    }

    public override WrittenTable WriteBatch(ProcessedTable batch, string database, StreamWriteOptions options, TransactionId txn) =>
        _writer.Write(batch, database, new WriteOptions
        {
            Mode = WriteMode.Append,
            PartitionBy = options.PartitionBy,
            MergeSchema = options.MergeSchema,
            TableName = options.TableName,
            Txn = txn,
        });
}
