using System.Diagnostics;
using System.Globalization;
using System.Runtime.ExceptionServices;
using AlaSpark.Plan;

namespace AlaSpark;

/// <summary>
/// A running streaming query, Spark's micro-batch execution on the embedded engine. Each batch: plan what to
/// read and write it to the checkpoint (<c>offsets/&lt;id&gt;</c>); read it, apply the processors, write it to the
/// sink with the transaction (query id, batch id); then record the commit (<c>commits/&lt;id&gt;</c>). A restart
/// continues after the last committed batch and first replays a planned, uncommitted one with its offsets; a
/// sink that has already committed that batch is not written again, and its malformed rows are not set aside
/// twice. <see cref="Stop"/> (or the cancellation token) ends the query once the current batch has committed.
/// </summary>
public sealed class StreamingQuery : IDisposable
{
    private readonly StreamingTable _table;
    private readonly StreamingWriter _writer;
    private readonly string _database;
    private readonly StreamWriteOptions _options;
    private readonly StreamCheckpoint _checkpoint;
    private readonly StreamOperators _operators;
    private long _watermarkMs; // the event-time watermark the next batch runs with
    private readonly object _gate = new(); // a monitor: Wait and PulseAll signal stops, commits and ProcessAllAvailable
    private readonly List<StreamingQueryProgress> _progress = [];
    private readonly Thread _thread;
    private readonly CancellationTokenRegistration _cancellation;
    private long? _replay;
    private long _nextBatch;
    private bool _stopRequested;
    private bool _terminated;
    private long _allAvailableRequested;
    private long _allAvailableDone;
    private ExceptionDispatchInfo? _failure;
    private StreamingQueryStatus _status = new("Initializing sources", false, false);
    private DateTimeOffset? _previousTriggerStart;

    private static readonly TimeSpan NoDataPollingDelay = TimeSpan.FromMilliseconds(10);

    private StreamingQuery(StreamingTable table, StreamingWriter writer, string database, StreamWriteOptions options, CancellationToken cancellationToken)
    {
        _table = table;
        _writer = writer;
        _database = database;
        _options = options;
        if (options.OutputMode != OutputMode.Append)
            throw new AlaSparkException(
                $"The stream from {table.Table.FullName} asks for the output mode {options.OutputMode}; the embedded engine writes streams in Append mode only (Update and Complete need aggregation state). Use OutputMode.Append.");
        var session = table.Table.Session;
        TargetTable = options.TableName ?? table.Table.Name;
        var location = options.CheckpointLocation ?? Path.Combine(session.LakeRoot, "_checkpoints",
            table.Table.PipelineName ?? "_no_pipeline", database, TargetTable);
        _checkpoint = new StreamCheckpoint(location);
        Id = _checkpoint.LoadOrCreateQueryId();
        _operators = new StreamOperators(table.Processors, _checkpoint, table.Table.FullName);
        Recover();
        _thread = new Thread(Run) { IsBackground = true, Name = $"stream {table.Table.FullName} -> {database}.{TargetTable}" };
        _cancellation = cancellationToken.Register(RequestStop);
    }

    /// <summary>The query's id: stable across restarts (kept in the checkpoint's <c>metadata</c>); the sink's transaction app id.</summary>
    public Guid Id { get; }

    /// <summary>This run's id: new at every start.</summary>
    public Guid RunId { get; } = Guid.NewGuid();

    /// <summary>The checkpoint folder.</summary>
    public string CheckpointLocation => _checkpoint.Location;

    /// <summary>The target table's name in the sink's database.</summary>
    public string TargetTable { get; }

    public StreamingQueryStatus Status
    {
        get { lock (_gate) return _status; }
    }

    /// <summary>The last batch's progress; null before the first batch.</summary>
    public StreamingQueryProgress? LastProgress
    {
        get { lock (_gate) return _progress.Count == 0 ? null : _progress[^1]; }
    }

    /// <summary>The progress of recent batches, oldest first (at most <see cref="StreamWriteOptions.ProgressToKeep"/>).</summary>
    public IReadOnlyList<StreamingQueryProgress> RecentProgress
    {
        get { lock (_gate) return _progress.ToList(); }
    }

    /// <summary>True until the query has stopped (by itself, by <see cref="Stop"/>, or by an error).</summary>
    public bool IsActive
    {
        get { lock (_gate) return !_terminated; }
    }

    /// <summary>The error that ended the query, if one did.</summary>
    public Exception? Exception
    {
        get { lock (_gate) return _failure?.SourceException; }
    }

    internal static StreamingQuery Start(StreamingTable table, StreamingWriter writer, string database, StreamWriteOptions options, CancellationToken cancellationToken)
    {
        var query = new StreamingQuery(table, writer, database, options, cancellationToken);
        query._thread.Start();
        return query;
    }

    /// <summary>Asks the query to stop after the current batch has committed, and waits until it has stopped.</summary>
    public void Stop()
    {
        RequestStop();
        _thread.Join();
    }

    /// <summary>Waits until the query stops; rethrows the error that stopped it, if any.</summary>
    public void AwaitTermination()
    {
        _thread.Join();
        ThrowIfFailed();
    }

    /// <summary>Waits at most <paramref name="timeout"/>; true when the query has stopped. Rethrows its error, if any.</summary>
    public bool AwaitTermination(TimeSpan timeout)
    {
        var stopped = _thread.Join(timeout);
        if (stopped) ThrowIfFailed();
        return stopped;
    }

    /// <summary>Waits until every file available now has been read and committed (or the query has stopped).</summary>
    public void ProcessAllAvailable()
    {
        lock (_gate)
        {
            var ticket = ++_allAvailableRequested;
            Monitor.PulseAll(_gate);
            while (_allAvailableDone < ticket && !_terminated) Monitor.Wait(_gate);
        }
        ThrowIfFailed();
    }

    /// <summary>
    /// Stops the query after the current batch has committed when the process gets SIGTERM or SIGINT (Ctrl+C),
    /// instead of the process ending at once. Dispose the result to restore the default handling.
    /// </summary>
    public IDisposable StopOnProcessSignals() => new SignalStop(this);

    private sealed class SignalStop : IDisposable
    {
        private readonly List<System.Runtime.InteropServices.PosixSignalRegistration> _registrations;

        public SignalStop(StreamingQuery query) =>
            _registrations = [.. new[] { System.Runtime.InteropServices.PosixSignal.SIGTERM, System.Runtime.InteropServices.PosixSignal.SIGINT }
                .Select(signal => System.Runtime.InteropServices.PosixSignalRegistration.Create(signal, context =>
                {
                    context.Cancel = true;
                    query._table.Table.Session.Logger.Information("Streaming query {QueryId}: {Signal} received; stopping after the current batch", query.Id, context.Signal);
                    query.RequestStop();
                }))];

        public void Dispose()
        {
            foreach (var registration in _registrations) registration.Dispose();
        }
    }

    public void Dispose()
    {
        Stop();
        _cancellation.Dispose();
    }

    private void ThrowIfFailed()
    {
        ExceptionDispatchInfo? failure;
        lock (_gate) failure = _failure;
        failure?.Throw();
    }

    private void RequestStop()
    {
        lock (_gate)
        {
            _stopRequested = true;
            Monitor.PulseAll(_gate);
        }
    }

    /// <summary>Reads the checkpoint: where to continue, and which batch to replay.</summary>
    private void Recover()
    {
        var planned = _checkpoint.LatestOffsetsBatch();
        var committed = _checkpoint.LatestCommittedBatch();
        if (committed is { } c)
        {
            if (planned is null || c > planned)
                throw StreamCheckpoint.Malformed(_checkpoint.CommitFile(c),
                    $"batch {c} is committed but its offsets are missing (the latest offsets are of batch {Describe(planned)})");
            _checkpoint.ValidateCommit(c);
            _watermarkMs = _checkpoint.ReadCommitWatermark(c);
        }
        if (planned is { } p)
        {
            _checkpoint.ReadOffsets(p); // a malformed offsets file fails now, before anything runs
            if (committed is null || committed < p)
            {
                if (p != (committed ?? -1) + 1)
                    throw StreamCheckpoint.Malformed(_checkpoint.OffsetsFile(p),
                        $"batch {p} is planned but the last committed batch is {Describe(committed)}: a batch in between is missing");
                _replay = p;
            }
        }
        _table.Source.Restore(_checkpoint, 0, planned);
        _nextBatch = (planned ?? -1) + 1;
    }

    private static string Describe(long? batch) => batch?.ToString(CultureInfo.InvariantCulture) ?? "none";

    private void Run()
    {
        try
        {
            if (_replay is { } replay)
            {
                _table.Table.Session.Logger.Information("Streaming query {QueryId}: replaying batch {BatchId}, planned before the restart but not committed", Id, replay);
                RunBatch(replay, _checkpoint.ReadOffsets(replay), Stopwatch.StartNew(), new Dictionary<string, long>(), replayed: true);
            }
            if (_options.Trigger is AvailableNowTrigger) _table.Source.BoundToAvailableNow();
            while (true)
            {
                long request;
                lock (_gate)
                {
                    if (_stopRequested) break;
                    request = _allAvailableRequested;
                }
                var triggerStart = DateTimeOffset.UtcNow;
                var watch = Stopwatch.StartNew();
                var durations = new Dictionary<string, long>();
                SetStatus("Getting offsets from the source", false, true);
                var offset = _table.Source.PlanBatch(_nextBatch, respectLimits: _options.Trigger is not OnceTrigger);
                durations["latestOffset"] = watch.ElapsedMilliseconds;
                if (offset is null)
                {
                    lock (_gate)
                    {
                        _allAvailableDone = Math.Max(_allAvailableDone, request);
                        Monitor.PulseAll(_gate);
                    }
                    if (_options.Trigger is AvailableNowTrigger or OnceTrigger) break;
                    SetStatus("Waiting for data to arrive", false, false);
                }
                else
                {
                    var mark = watch.ElapsedMilliseconds;
                    _checkpoint.WriteOffsets(_nextBatch, offset, _watermarkMs);
                    durations["walCommit"] = watch.ElapsedMilliseconds - mark;
                    _previousTriggerStart ??= triggerStart;
                    RunBatch(_nextBatch, offset, watch, durations, replayed: false);
                    _previousTriggerStart = triggerStart;
                    _nextBatch++;
                    if (_options.Trigger is OnceTrigger) break;
                    if (_options.Trigger is AvailableNowTrigger) continue;
                }
                if (_options.Trigger is ProcessingTimeTrigger { Interval: var interval })
                    // With no new data, a zero interval still waits a little before listing again (Spark's polling delay).
                    WaitForNextTrigger(triggerStart + (offset is null && interval < NoDataPollingDelay ? NoDataPollingDelay : interval), request);
            }
            SetStatus("Stopped", false, false);
        }
        catch (Exception e)
        {
            _table.Table.Session.Logger.Error(e, "Streaming query {QueryId} from {Source} stopped with an error", Id, _table.Table.FullName);
            lock (_gate) _failure = ExceptionDispatchInfo.Capture(e);
            SetStatus("Stopped with an error: " + e.Message, false, false);
        }
        finally
        {
            lock (_gate)
            {
                _terminated = true;
                Monitor.PulseAll(_gate);
            }
        }
    }

    /// <summary>Sleeps until <paramref name="next"/>, waking early for <see cref="Stop"/> and <see cref="ProcessAllAvailable"/>.</summary>
    private void WaitForNextTrigger(DateTimeOffset next, long request)
    {
        lock (_gate)
        {
            while (!_stopRequested && _allAvailableRequested == request && DateTimeOffset.UtcNow < next)
            {
                var left = next - DateTimeOffset.UtcNow;
                if (left > TimeSpan.Zero) Monitor.Wait(_gate, left < TimeSpan.FromSeconds(1) ? left : TimeSpan.FromSeconds(1));
            }
        }
    }

    /// <param name="replayed">True for a batch planned before a restart. Only such a batch can be in the sink already: this run
    /// planned the others (writing their offsets, which fails if they exist), so the sink has never seen their transaction.</param>
    private void RunBatch(long batchId, string offset, Stopwatch watch, Dictionary<string, long> durations, bool replayed)
    {
        SetStatus($"Processing batch {batchId}", true, true);
        var session = _table.Table.Session;
        var txn = new TransactionId(Id.ToString(), batchId);
        long inputRows = 0, quarantined = 0;
        long? sinkVersion = null;
        // A replayed batch runs with the watermark recorded in its offsets, as it did the first time.
        var watermarkMs = replayed ? _checkpoint.ReadOffsetsWatermark(batchId) : _watermarkMs;
        var nextWatermarkMs = watermarkMs;
        var skipped = replayed && _writer.IsCommitted(session, _database, TargetTable, txn);
        if (skipped)
        {
            session.Logger.Information("Streaming query {QueryId}: batch {BatchId} was committed to {Table} before the restart; not written again",
                Id, batchId, $"{_database}.{TargetTable}");
            // Its state was written before the sink: it holds the watermark that batch computed.
            nextWatermarkMs = _operators.RecordedWatermark(batchId, watermarkMs);
        }
        else
        {
            var mark = watch.ElapsedMilliseconds;
            // A replayed batch sets its malformed rows aside again: what an interrupted run set aside goes first.
            var quarantine = _table.Source.QuarantineFolder(Id, batchId);
            if (quarantine is not null && Directory.Exists(quarantine)) Directory.Delete(quarantine, recursive: true);
            var batch = _table.Source.GetBatch(batchId, offset, quarantine);
            try
            {
                (batch, var eventTimes) = _operators.Apply(batch, batchId, watermarkMs);
                durations["getBatch"] = watch.ElapsedMilliseconds - mark;
                if (_operators.HasWatermark || _operators.HasState)
                {
                    mark = watch.ElapsedMilliseconds;
                    nextWatermarkMs = _operators.NextWatermark(eventTimes, watermarkMs);
                    _operators.Save(batchId, nextWatermarkMs);
                    durations["stateOperators"] = watch.ElapsedMilliseconds - mark;
                }
                mark = watch.ElapsedMilliseconds;
                var written = _writer.WriteBatch(batch, _database, _options, txn);
                inputRows = written.SourceScan?.RowsRead ?? written.Rows;
                quarantined = written.SourceScan?.RowsQuarantined ?? 0;
                sinkVersion = written.Skipped ? null : written.Version;
            }
            finally
            {
                if (session.Engine is IMicroBatchEngine engine)
                    foreach (var read in PlanPrinter.Walk(batch.DataFrame.Plan).OfType<Read>())
                        if (read.Source is { } source) engine.ReleaseScans(source);
            }
            durations["addBatch"] = watch.ElapsedMilliseconds - mark;
        }
        var commitMark = watch.ElapsedMilliseconds;
        _checkpoint.WriteCommit(batchId, nextWatermarkMs);
        _watermarkMs = nextWatermarkMs;
        durations["commitOffsets"] = watch.ElapsedMilliseconds - commitMark;
        durations["triggerExecution"] = watch.ElapsedMilliseconds;
        var now = DateTimeOffset.UtcNow;
        var sincePrevious = _previousTriggerStart is { } previous ? (now - previous).TotalSeconds : 0;
        var progress = new StreamingQueryProgress(Id, RunId, batchId, now, inputRows,
            sincePrevious > 0 ? inputRows / sincePrevious : 0,
            watch.Elapsed.TotalSeconds > 0 ? inputRows / watch.Elapsed.TotalSeconds : 0,
            durations)
        {
            RowsQuarantined = quarantined,
            Source = _table.Source.Describe(batchId, offset),
            SinkVersion = sinkVersion,
            SkippedAlreadyCommitted = skipped,
            Watermark = _operators.HasWatermark ? DateTimeOffset.FromUnixTimeMilliseconds(watermarkMs) : null,
            StateRowsTotal = _operators.StateRows,
        };
        lock (_gate)
        {
            _progress.Add(progress);
            if (_progress.Count > Math.Max(1, _options.ProgressToKeep)) _progress.RemoveAt(0);
        }
        session.Logger.Information(
            "Streaming query {QueryId} batch {BatchId}: {InputRows} input rows ({Source}), {Quarantined} quarantined, {ProcessedRowsPerSecond:F0} rows/s, {DurationMs} ms",
            Id, batchId, inputRows, progress.Source, quarantined, progress.ProcessedRowsPerSecond, durations["triggerExecution"]);
    }

    private void SetStatus(string message, bool dataAvailable, bool triggerActive)
    {
        lock (_gate) _status = new StreamingQueryStatus(message, dataAvailable, triggerActive);
    }
}
