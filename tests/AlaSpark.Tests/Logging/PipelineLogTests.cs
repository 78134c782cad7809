using System.Text.Json;
using AlaSpark.Logging;
using Serilog.Events;

namespace AlaSpark.Tests.Logging;

public sealed class PipelineLogTests : IDisposable
{
    private readonly LogCapture _capture = new(LogEventLevel.Verbose);

    public void Dispose() => _capture.Dispose();

    private JsonElement SingleEvent(string eventType, string expectedLevel)
    {
        var logged = Assert.Single(_capture.ClefEvents);
        Assert.Equal(eventType, logged.GetProperty(LogProperties.EventType).GetString());
        var level = logged.TryGetProperty("@l", out var l) ? l.GetString() : "Information";
        Assert.Equal(expectedLevel, level);
        return logged;
    }

    private string ConsoleMessage()
    {
        // "HH:mm:ss LVL [pipeline] message" -> "[pipeline] message"
        var line = _capture.Console.Split('\n', StringSplitOptions.RemoveEmptyEntries)[0].TrimEnd('\r');
        return line[13..];
    }

    [Fact]
    public void PipelineStarted()
    {
        _capture.Log.PipelineStarted("raw_to_cooked");

        var logged = SingleEvent("pipeline.started", "Information");
        Assert.Equal("raw_to_cooked", logged.GetProperty("Pipeline").GetString());
        Assert.Equal("[raw_to_cooked] Pipeline raw_to_cooked started", ConsoleMessage());
    }

    [Fact]
    public void PipelineFinished_Succeeded()
    {
        _capture.Log.PipelineFinished("p", TimeSpan.FromMilliseconds(1234.6), succeeded: true);

        var logged = SingleEvent("pipeline.finished", "Information");
        Assert.Equal("succeeded", logged.GetProperty("Outcome").GetString());
        Assert.Equal(1235, logged.GetProperty("DurationMs").GetInt64());
        Assert.False(logged.TryGetProperty("@x", out _));
        Assert.Equal("[p] Pipeline p succeeded in 1235 ms", ConsoleMessage());
    }

    [Fact]
    public void PipelineFinished_Failed_IsAnErrorWithTheException()
    {
        _capture.Log.PipelineFinished("p", TimeSpan.FromSeconds(3), succeeded: false, new TimeoutException("too slow"));

        var logged = SingleEvent("pipeline.finished", "Error");
        Assert.Equal("failed", logged.GetProperty("Outcome").GetString());
        Assert.StartsWith("System.TimeoutException: too slow", logged.GetProperty("@x").GetString());
    }

    [Fact]
    public void SourceRead()
    {
        _capture.Log.ForPipeline("p").SourceRead("raw.events", files: 3, rows: 1000, quarantined: 7, dropped: 2);

        var logged = SingleEvent("source.read", "Information");
        Assert.Equal("raw.events", logged.GetProperty("Table").GetString());
        Assert.Equal(3, logged.GetProperty("Files").GetInt32());
        Assert.Equal(1000, logged.GetProperty("Rows").GetInt64());
        Assert.Equal(7, logged.GetProperty("Quarantined").GetInt64());
        Assert.Equal(2, logged.GetProperty("Dropped").GetInt64());
        Assert.Equal("[p] Read 1000 rows from 3 files of raw.events (7 quarantined, 2 dropped)", ConsoleMessage());
    }

    [Fact]
    public void ProcessorApplied()
    {
        _capture.Log.ForPipeline("p").ProcessorApplied(2, "Dedupe", "keys=[id], order=updated_at");

        var logged = SingleEvent("processor.applied", "Information");
        Assert.Equal(2, logged.GetProperty("Step").GetInt32());
        Assert.Equal("Dedupe", logged.GetProperty("Processor").GetString());
        Assert.Equal("keys=[id], order=updated_at", logged.GetProperty("Arguments").GetString());
        Assert.Equal("[p] Step 2 applied Dedupe(keys=[id], order=updated_at)", ConsoleMessage());
    }

    [Fact]
    public void TableWritten()
    {
        _capture.Log.ForPipeline("p").TableWritten("cooked.events", rows: 990, files: 1, bytes: 40960, TimeSpan.FromSeconds(1.5));

        var logged = SingleEvent("table.written", "Information");
        Assert.Equal("cooked.events", logged.GetProperty("Table").GetString());
        Assert.Equal(990, logged.GetProperty("Rows").GetInt64());
        Assert.Equal(1, logged.GetProperty("Files").GetInt32());
        Assert.Equal(40960, logged.GetProperty("Bytes").GetInt64());
        Assert.Equal(1500, logged.GetProperty("DurationMs").GetInt64());
    }

    [Fact]
    public void BadRecordsQuarantined()
    {
        _capture.Log.ForPipeline("p").BadRecordsQuarantined("raw.events", 7, "./lakehouse/bad_records/web_events/p");

        var logged = SingleEvent("bad_records.quarantined", "Warning");
        Assert.Equal("raw.events", logged.GetProperty("Table").GetString());
        Assert.Equal(7, logged.GetProperty("Count").GetInt64());
        Assert.Equal("./lakehouse/bad_records/web_events/p", logged.GetProperty("Location").GetString());
        Assert.Equal("[p] Quarantined 7 bad records of raw.events to ./lakehouse/bad_records/web_events/p", ConsoleMessage());
    }

    [Fact]
    public void BadRecordsDropped()
    {
        _capture.Log.BadRecordsDropped("raw.events", 2, "mode=DROPMALFORMED");

        var logged = SingleEvent("bad_records.dropped", "Warning");
        Assert.Equal(2, logged.GetProperty("Count").GetInt64());
        Assert.Equal("mode=DROPMALFORMED", logged.GetProperty("Reason").GetString());
    }

    [Fact]
    public void ContextualLoggers_AddPipelineTableAndBatchToEveryEvent()
    {
        var log = _capture.Log.ForPipeline("p").ForTable("cooked.events").ForBatch(20240601);

        log.ProcessorApplied(1, "Cast", "");
        log.Logger.Information("ad hoc");

        Assert.Equal(2, _capture.ClefEvents.Count);
        Assert.All(_capture.ClefEvents, e =>
        {
            Assert.Equal("p", e.GetProperty("Pipeline").GetString());
            Assert.Equal("cooked.events", e.GetProperty("Table").GetString());
            Assert.Equal(20240601, e.GetProperty("BatchId").GetInt64());
        });
        Assert.False(_capture.ClefEvents[1].TryGetProperty("EventType", out _));
    }

    [Fact]
    public void ContextualLoggers_DoNotChangeTheOriginal()
    {
        var root = _capture.Log;
        _ = root.ForPipeline("p");

        root.PipelineStarted("q");

        Assert.Equal("q", Assert.Single(_capture.ClefEvents).GetProperty("Pipeline").GetString());
    }

    [Fact]
    public void EventsBelowTheMinimumLevel_AreNotWritten()
    {
        using var capture = new LogCapture(LogEventLevel.Warning);

        capture.Log.PipelineStarted("p");
        capture.Log.BadRecordsDropped("t", 1, "r");

        Assert.Equal("bad_records.dropped", Assert.Single(capture.ClefEvents).GetProperty("EventType").GetString());
    }

    [Fact]
    public void None_WritesNothingAndDoesNotThrow()
    {
        PipelineLog.None.ForPipeline("p").ForTable("t").ForBatch(1).PipelineStarted("p");
        PipelineLog.None.TableWritten("t", 1, 1, 1, TimeSpan.Zero);
    }
}
