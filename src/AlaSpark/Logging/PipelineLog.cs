using Serilog;
using Serilog.Events;

namespace AlaSpark.Logging;

/// <summary>
/// The standard AlaSpark events, over a Serilog <see cref="ILogger"/>: one method per event, so that
/// every part of AlaSpark writes the same message templates, property names (<see cref="LogProperties"/>)
/// and <see cref="LogProperties.EventType"/> values (<see cref="LogEventTypes"/>).
/// Instances are immutable; the <c>For…</c> methods return a new one that adds context to every event.
/// </summary>
/// <remarks>
/// Never shorten a value before logging it (for example an argument summary): redaction happens in the
/// sinks, and a cut-off secret no longer matches.
/// </remarks>
public sealed class PipelineLog
{
    /// <summary>Wraps <paramref name="logger"/>.</summary>
    public PipelineLog(ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(logger);
        Logger = logger;
    }

    /// <summary>A facade that writes nothing, for code run without logging.</summary>
    public static PipelineLog None { get; } = new(Serilog.Core.Logger.None);

    /// <summary>The underlying logger, with this facade's context, for messages that are not standard events.</summary>
    public ILogger Logger { get; }

    /// <summary>Adds <see cref="LogProperties.Pipeline"/> to every event.</summary>
    public PipelineLog ForPipeline(string pipeline)
    {
        ArgumentNullException.ThrowIfNull(pipeline);
        return new(Logger.ForContext(LogProperties.Pipeline, pipeline));
    }

    /// <summary>Adds <see cref="LogProperties.Table"/> to every event.</summary>
    public PipelineLog ForTable(string table)
    {
        ArgumentNullException.ThrowIfNull(table);
        return new(Logger.ForContext(LogProperties.Table, table));
    }

    /// <summary>Adds <see cref="LogProperties.BatchId"/> to every event.</summary>
    public PipelineLog ForBatch(long batchId) => new(Logger.ForContext(LogProperties.BatchId, batchId));

    /// <summary><c>pipeline.started</c> (Information): a run of <paramref name="pipeline"/> began.</summary>
    public void PipelineStarted(string pipeline)
    {
        ArgumentNullException.ThrowIfNull(pipeline);
        Write(LogEventLevel.Information, null, LogEventTypes.PipelineStarted,
            "Pipeline {Pipeline} started", pipeline);
    }

    /// <summary>
    /// <c>pipeline.finished</c>: a run ended. Information with <c>Outcome</c> <c>succeeded</c>, or Error with
    /// <c>Outcome</c> <c>failed</c> and the <paramref name="error"/>, if any. <c>DurationMs</c> is whole milliseconds.
    /// </summary>
    public void PipelineFinished(string pipeline, TimeSpan duration, bool succeeded, Exception? error = null)
    {
        ArgumentNullException.ThrowIfNull(pipeline);
        Write(succeeded ? LogEventLevel.Information : LogEventLevel.Error, error, LogEventTypes.PipelineFinished,
            "Pipeline {Pipeline} {Outcome} in {DurationMs} ms",
            pipeline, succeeded ? "succeeded" : "failed", Milliseconds(duration));
    }

    /// <summary>
    /// <c>source.read</c> (Information): <paramref name="rows"/> good rows were read from <paramref name="files"/>
    /// files of <paramref name="table"/>; <paramref name="quarantined"/> and <paramref name="dropped"/> bad records.
    /// </summary>
    public void SourceRead(string table, int files, long rows, long quarantined, long dropped)
    {
        ArgumentNullException.ThrowIfNull(table);
        Write(LogEventLevel.Information, null, LogEventTypes.SourceRead,
            "Read {Rows} rows from {Files} files of {Table} ({Quarantined} quarantined, {Dropped} dropped)",
            rows, files, table, quarantined, dropped);
    }

    /// <summary>
    /// <c>processor.applied</c> (Information): step <paramref name="step"/> (1-based) applied
    /// <paramref name="processor"/> with <paramref name="arguments"/>, a short human summary such as
    /// <c>keys=[id], order=updated_at</c>.
    /// </summary>
    public void ProcessorApplied(int step, string processor, string arguments)
    {
        ArgumentNullException.ThrowIfNull(processor);
        ArgumentNullException.ThrowIfNull(arguments);
        Write(LogEventLevel.Information, null, LogEventTypes.ProcessorApplied,
            "Step {Step} applied {Processor}({Arguments})", step, processor, arguments);
    }

    /// <summary>
    /// <c>table.written</c> (Information): <paramref name="rows"/> rows were written to <paramref name="table"/>
    /// in <paramref name="files"/> files of <paramref name="bytes"/> bytes in all, taking <paramref name="duration"/>.
    /// </summary>
    public void TableWritten(string table, long rows, int files, long bytes, TimeSpan duration)
    {
        ArgumentNullException.ThrowIfNull(table);
        Write(LogEventLevel.Information, null, LogEventTypes.TableWritten,
            "Wrote {Rows} rows to {Table} ({Files} files, {Bytes} bytes) in {DurationMs} ms",
            rows, table, files, bytes, Milliseconds(duration));
    }

    /// <summary>
    /// <c>bad_records.quarantined</c> (Warning): <paramref name="count"/> bad records of <paramref name="table"/>
    /// were written to <paramref name="location"/>. Emit it only when <paramref name="count"/> is above zero.
    /// </summary>
    public void BadRecordsQuarantined(string table, long count, string location)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(location);
        Write(LogEventLevel.Warning, null, LogEventTypes.BadRecordsQuarantined,
            "Quarantined {Count} bad records of {Table} to {Location}", count, table, location);
    }

    /// <summary>
    /// <c>bad_records.dropped</c> (Warning): <paramref name="count"/> bad records of <paramref name="table"/>
    /// were dropped, for <paramref name="reason"/> (for example <c>mode=DROPMALFORMED</c>).
    /// Emit it only when <paramref name="count"/> is above zero.
    /// </summary>
    public void BadRecordsDropped(string table, long count, string reason)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(reason);
        Write(LogEventLevel.Warning, null, LogEventTypes.BadRecordsDropped,
            "Dropped {Count} bad records of {Table}: {Reason}", count, table, reason);
    }

    private static long Milliseconds(TimeSpan duration) => (long)Math.Round(duration.TotalMilliseconds);

    private void Write(LogEventLevel level, Exception? error, string eventType, string template, params object?[] values)
    {
        if (!Logger.IsEnabled(level))
        {
            return;
        }

        Logger.ForContext(LogProperties.EventType, eventType).Write(level, error, template, values);
    }
}
