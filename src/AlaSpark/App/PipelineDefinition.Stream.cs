namespace AlaSpark;

public sealed partial class PipelineDefinition
{
    /// <summary>
    /// Runs a stream pipeline: one streaming query per sink, each with its checkpoint, until its trigger ends it
    /// (available-now and once: when what was there at the start is written; a processing-time trigger: when
    /// the cancellation token fires, or on SIGTERM or Ctrl+C, after the current batch commits). Returns, per sink,
    /// the batches' writes added up: rows, files and bytes of every batch, the last version.
    /// </summary>
    private IReadOnlyList<WrittenTable> RunStream(PipelineContext context)
    {
        var source = _source ?? throw new AlaSparkException($"The pipeline '{Name}' has no source.");
        if (_streamReader is null || _sinks.Count > 0)
            throw new AlaSparkException(
                $"The pipeline '{Name}' mixes a stream and a batch: its source is {source.Reader} and its sinks are " +
                $"{string.Join(", ", Description.Sinks.Select(s => s.Writer))}. Read with ReadStreamFrom and write with WriteStreamTo, or use ReadFrom and WriteTo.");
        if (_streamSinks.Count == 0) throw new AlaSparkException($"The pipeline '{Name}' has no sink; add one with WriteStreamTo.");
        if (_processors.OfType<ToManyTablesProcessor>().FirstOrDefault() is { } split)
            throw new AlaSparkException($"The stream pipeline '{Name}' splits its table with {split.Name}; a stream is written to one table per sink. Split it in a batch pipeline that reads the stream's table.");

        var queries = new List<(StreamingQuery Query, RecordingWriter Writer, SinkDescription Sink, IDisposable Signals)>();
        try
        {
            foreach (var (writer, sink, options) in _streamSinks)
            {
                var recording = new RecordingWriter(writer());
                var stream = OpenStream(context.Session, source);
                var query = stream.Write(recording, sink.Database, context.Trigger is { } trigger ? options with { Trigger = trigger } : options, context.Cancellation);
                queries.Add((query, recording, sink, query.StopOnProcessSignals()));
            }
            foreach (var (query, _, _, _) in queries) query.AwaitTermination();
        }
        finally
        {
            foreach (var (query, _, _, signals) in queries)
            {
                signals.Dispose();
                query.Dispose();
            }
        }
        return queries.Select(q => q.Writer.Total(q.Sink, q.Query)).ToList();
    }

    private StreamingTable OpenStream(AlaSparkSession session, SourceDescription source)
    {
        var reader = _streamReader!();
        var format = reader is FileStreamReader files ? files.Format : "delta";
        var table = OpenSource(session, source, format).SetPipelineName(Name);
        if (table.Location.IndexOfAny(['*', '?', '[', '{']) >= 0)
            throw new AlaSparkException(
                $"The stream source {source.Database}.{source.Table} of the pipeline '{Name}' reads '{table.Location}', a glob; a stream source reads a folder and remembers its files. " +
                "Give the folder (files whose names start with '.' or '_' are left out).");
        if (_schema is not null) table = table.WithSchema(_schema);
        var stream = table.ReadStream(reader);
        foreach (var processor in _processors.Cast<ToTableProcessor>()) stream = stream.Apply(processor);
        return stream;
    }

    /// <summary>A sink that remembers what each batch wrote, for the run's summary.</summary>
    private sealed class RecordingWriter(StreamingWriter inner) : StreamingWriter
    {
        private readonly List<WrittenTable> _batches = [];

        public override bool IsCommitted(AlaSparkSession session, string database, string table, TransactionId txn) =>
            inner.IsCommitted(session, database, table, txn);

        public override WrittenTable WriteBatch(ProcessedTable batch, string database, StreamWriteOptions options, TransactionId txn)
        {
            var written = inner.WriteBatch(batch, database, options, txn);
            lock (_batches) _batches.Add(written);
            return written;
        }

        /// <summary>The batches added up; a run that found nothing new gives a table of 0 rows (and no version).</summary>
        public WrittenTable Total(SinkDescription sink, StreamingQuery query)
        {
            List<WrittenTable> batches;
            lock (_batches) batches = _batches.ToList();
            var scans = batches.Select(b => b.SourceScan).OfType<ScanReport>().ToList();
            if (batches.Count == 0)
                return new WrittenTable(sink.Database, sink.Table, query.CheckpointLocation, "", new Types.StructType([]), sink.PartitionBy, 0, 0, 0, TimeSpan.Zero, [])
                    { Skipped = true };
            var last = batches[^1];
            return last with
            {
                Rows = batches.Sum(b => b.Rows),
                Files = batches.Sum(b => b.Files),
                Bytes = batches.Sum(b => b.Bytes),
                Duration = TimeSpan.FromTicks(batches.Sum(b => b.Duration.Ticks)),
                Partitions = [.. batches.SelectMany(b => b.Partitions).Distinct(StringComparer.Ordinal)],
                SourceScan = scans.Count == 0 ? null : new ScanReport(
                    [.. scans.SelectMany(s => s.Files)], scans.Sum(s => s.RowsRead), scans.Sum(s => s.RowsPassed),
                    scans.Sum(s => s.RowsQuarantined), scans.Sum(s => s.RowsDropped), scans.Select(s => s.BadRecordsLocation).FirstOrDefault(l => l is not null)),
            };
        }
    }
}
