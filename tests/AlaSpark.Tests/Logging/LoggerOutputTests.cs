using AlaSpark.Logging;
using Serilog.Events;

namespace AlaSpark.Tests.Logging;

public sealed class LoggerOutputTests : IDisposable
{
    private readonly string _directory =
        Path.Combine(Path.GetTempPath(), "alaspark-logging-tests", Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // Best effort.
        }
        catch (UnauthorizedAccessException)
        {
            // Best effort.
        }
    }

    [Fact]
    public void Clef_EachLineIsJsonWithTimestampTemplateAndStandardProperties()
    {
        using var capture = new LogCapture();

        capture.Log.ForPipeline("raw_to_cooked").ForBatch(42).PipelineStarted("raw_to_cooked");
        capture.Log.ForPipeline("raw_to_cooked").ForTable("cooked.events").BadRecordsQuarantined("cooked.events", 3, "/lake/bad");

        var events = capture.ClefEvents;
        Assert.Equal(2, events.Count);

        var started = events[0];
        Assert.True(DateTimeOffset.TryParse(started.GetProperty("@t").GetString(), out _));
        Assert.Equal("Pipeline {Pipeline} started", started.GetProperty("@mt").GetString());
        Assert.Equal("pipeline.started", started.GetProperty("EventType").GetString());
        Assert.Equal("raw_to_cooked", started.GetProperty("Pipeline").GetString());
        Assert.Equal(42, started.GetProperty("BatchId").GetInt64());
        Assert.False(started.TryGetProperty("@l", out _)); // CLEF omits the level for Information.

        var quarantined = events[1];
        Assert.Equal("Warning", quarantined.GetProperty("@l").GetString());
        Assert.Equal("bad_records.quarantined", quarantined.GetProperty("EventType").GetString());
        Assert.Equal("cooked.events", quarantined.GetProperty("Table").GetString());
        Assert.Equal("raw_to_cooked", quarantined.GetProperty("Pipeline").GetString());
        Assert.Equal(3, quarantined.GetProperty("Count").GetInt64());
        Assert.Equal("/lake/bad", quarantined.GetProperty("Location").GetString());
    }

    [Fact]
    public void Console_ShowsLevelPipelineAndRenderedMessage()
    {
        using var capture = new LogCapture();

        capture.Log.ForPipeline("raw_to_cooked").TableWritten("cooked.events", 1200, 2, 34567, TimeSpan.FromMilliseconds(1500));

        var line = Assert.Single(capture.Console.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Matches(@"^\d\d:\d\d:\d\d INF \[raw_to_cooked\] Wrote 1200 rows to cooked\.events \(2 files, 34567 bytes\) in 1500 ms\r?$", line);
    }

    [Fact]
    public void Console_WithoutPipeline_HasNoEmptyBrackets()
    {
        using var capture = new LogCapture();

        capture.Logger.Warning("Nothing to do for {Table}", "raw.events");

        Assert.Matches(@"^\d\d:\d\d:\d\d WRN Nothing to do for raw\.events\r?\n$", capture.Console);
    }

    [Fact]
    public void Console_IncludesExceptionText()
    {
        using var capture = new LogCapture();

        capture.Log.ForPipeline("p").PipelineFinished("p", TimeSpan.FromSeconds(2), succeeded: false, new InvalidOperationException("disk full"));

        Assert.Contains("ERR [p] Pipeline p failed in 2000 ms", capture.Console);
        Assert.Contains("System.InvalidOperationException: disk full", capture.Console);
    }

    [Fact]
    public void MinimumLevel_DropsLowerEvents()
    {
        using (var capture = new LogCapture(LogEventLevel.Warning))
        {
            capture.Logger.Information("info {N}", 1);
            capture.Logger.Warning("warn {N}", 2);

            var only = Assert.Single(capture.ClefEvents);
            Assert.Equal("warn {N}", only.GetProperty("@mt").GetString());
            Assert.DoesNotContain("info", capture.Console);
        }

        using (var capture = new LogCapture(LogEventLevel.Debug))
        {
            capture.Logger.Verbose("verbose");
            capture.Logger.Debug("debug");

            var only = Assert.Single(capture.ClefEvents);
            Assert.Equal("Debug", only.GetProperty("@l").GetString());
        }
    }

    [Fact]
    public void DefaultMinimumLevel_IsInformation()
    {
        Assert.Equal(LogEventLevel.Information, new LoggingOptions().MinimumLevel);
        using var capture = new LogCapture();

        capture.Logger.Debug("hidden");
        capture.Logger.Information("shown");

        Assert.Equal("shown", Assert.Single(capture.ClefEvents).GetProperty("@mt").GetString());
    }

    [Fact]
    public void ConsoleOff_WritesNoHumanLines()
    {
        var console = new StringWriter();
        var clef = new StringWriter();
        using (var logger = AlaSparkLogging.CreateLogger(new() { Console = false, ConsoleWriter = console, ClefWriter = clef }))
        {
            logger.Information("hello");
        }

        Assert.Equal("", console.ToString());
        Assert.Single(LogCapture.ParseClef(clef.ToString()));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)] // with secrets, the file sink sits behind the redacting sink
    public void ClefFile_IsCompleteAndClosedAfterDispose(bool withSecrets)
    {
        var path = Path.Combine(_directory, "nested", "run.clef");
        var logger = AlaSparkLogging.CreateLogger(new()
        {
            Console = false,
            ClefPath = path,
            Secrets = withSecrets ? ["not-in-any-event"] : [],
        });
        var log = new PipelineLog(logger).ForPipeline("p");
        for (var i = 0; i < 100; i++)
        {
            log.ProcessorApplied(i + 1, "Dedupe", $"keys=[id], round={i}");
        }

        logger.Dispose();

        // Opening with no sharing fails while the sink still holds the file.
        using (var exclusive = new FileStream(path, FileMode.Open, FileAccess.ReadWrite, FileShare.None))
        {
            Assert.True(exclusive.Length > 0);
        }

        var events = LogCapture.ParseClef(File.ReadAllText(path));
        Assert.Equal(100, events.Count);
        Assert.Equal(100, events[^1].GetProperty("Step").GetInt32());
        Assert.Equal("keys=[id], round=99", events[^1].GetProperty("Arguments").GetString());
        Assert.NotEqual(0xEF, File.ReadAllBytes(path)[0]); // no byte-order mark: each line is plain JSON
    }

    [Fact]
    public void ClefFile_AppendsToAnExistingFile()
    {
        var path = Path.Combine(_directory, "run.clef");
        for (var run = 0; run < 2; run++)
        {
            using var logger = AlaSparkLogging.CreateLogger(new() { Console = false, ClefPath = path });
            logger.Information("run {Run}", run);
        }

        var runs = LogCapture.ParseClef(File.ReadAllText(path)).Select(e => e.GetProperty("Run").GetInt32());
        Assert.Equal([0, 1], runs);
    }

    [Theory]
    [InlineData("under-a-file/run.clef")] // its directory cannot be created
    [InlineData("")] // the path is a directory: the file cannot be opened
    public void ClefFile_ThatCannotBeOpened_IsAConfigurationError(string relativePath)
    {
        Directory.CreateDirectory(_directory);
        File.WriteAllText(Path.Combine(_directory, "under-a-file"), "");
        var path = Path.Combine(_directory, relativePath);

        var error = Assert.Throws<ConfigurationException>(() =>
            AlaSparkLogging.CreateLogger(new() { Console = false, ClefPath = path }));

        Assert.Contains("--log-json", error.Message);
        Assert.Contains(path, error.Message);
    }

    [Fact]
    public void LogContextProperties_AreWritten()
    {
        using var capture = new LogCapture();

        using (Serilog.Context.LogContext.PushProperty(LogProperties.Table, "raw.events"))
        {
            capture.Logger.Information("inside");
        }

        Assert.Equal("raw.events", Assert.Single(capture.ClefEvents).GetProperty("Table").GetString());
    }

    [Fact]
    public void ClefEvents_ForEveryLevel_AreValidJson()
    {
        using var capture = new LogCapture(LogEventLevel.Verbose);
        var odd = "quote \" backslash \\ newline \n tab \t unicode é";

        capture.Logger.Verbose("v {Odd}", odd);
        capture.Logger.Debug("d {Odd}", odd);
        capture.Logger.Information("i {Odd}", odd);
        capture.Logger.Warning("w {Odd}", odd);
        capture.Logger.Error(new Exception("boom"), "e {Odd}", odd);
        capture.Logger.Fatal("f {Odd}", odd);

        var events = capture.ClefEvents;
        Assert.Equal(6, events.Count);
        Assert.All(events, e => Assert.Equal(odd, e.GetProperty("Odd").GetString()));
        Assert.Contains("boom", events[4].GetProperty("@x").GetString());
    }
}
