using AlaSpark.Logging;
using Serilog.Events;

namespace AlaSpark.Tests.Logging;

/// <summary>A configured secret must never reach the console or the CLEF output, however it is logged.</summary>
public sealed class SecretRedactionTests : IDisposable
{
    private const string Salt = "pepper-9f8e7d6c";

    private readonly LogCapture _capture = new(LogEventLevel.Verbose, Salt);

    public void Dispose() => _capture.Dispose();

    private void AssertRedacted(int expectedMasks = 1)
    {
        Assert.NotEmpty(_capture.Console);
        Assert.NotEmpty(_capture.ClefEvents);
        Assert.DoesNotContain(Salt, _capture.Console);
        Assert.DoesNotContain(Salt, _capture.Clef);
        // The mask shows where the secret was, so the line is still readable.
        Assert.True(CountMasks(_capture.Console) >= expectedMasks, _capture.Console);
        Assert.True(CountMasks(_capture.Clef) >= expectedMasks, _capture.Clef);
    }

    private static int CountMasks(string text) => text.Split(SecretRedactor.Mask).Length - 1;

    [Fact]
    public void ScalarProperty()
    {
        _capture.Logger.Information("Hashing with {Salt}", Salt);

        AssertRedacted();
        Assert.Equal("***", Assert.Single(_capture.ClefEvents).GetProperty("Salt").GetString());
    }

    [Fact]
    public void InsideLongerString()
    {
        _capture.Logger.Information("Connecting to {ConnectionString}", $"Host=db;Port=5432;Salt={Salt};Timeout=30");

        AssertRedacted();
        Assert.Equal("Host=db;Port=5432;Salt=***;Timeout=30",
            Assert.Single(_capture.ClefEvents).GetProperty("ConnectionString").GetString());
        Assert.Contains("Connecting to Host=db;Port=5432;Salt=***;Timeout=30", _capture.Console);
    }

    [Fact]
    public void InsideDestructuredObject()
    {
        var settings = new { Host = "db", Credentials = new { User = "etl", Password = Salt }, Hint = "x" + Salt + "y" };

        _capture.Logger.Information("Settings {@Settings}", settings);

        AssertRedacted(2);
        var logged = Assert.Single(_capture.ClefEvents).GetProperty("Settings");
        Assert.Equal("***", logged.GetProperty("Credentials").GetProperty("Password").GetString());
        Assert.Equal("x***y", logged.GetProperty("Hint").GetString());
        Assert.Equal("db", logged.GetProperty("Host").GetString());
    }

    [Fact]
    public void InsideNestedSequencesAndDictionaries()
    {
        var data = new Dictionary<string, object>
        {
            ["plain"] = new List<object> { "a", new[] { "b", Salt }, new Dictionary<string, string> { ["k"] = "v:" + Salt } },
            [Salt] = "value under a secret key",
            ["deep"] = new[] { new[] { new Dictionary<string, object> { ["leaf"] = new List<string> { Salt } } } },
        };

        _capture.Logger.Information("Data {@Data}", data);
        _capture.Logger.Information("Sequence {Items}", new List<string> { "one", Salt, "three" });

        AssertRedacted(4);
        var logged = _capture.ClefEvents[0].GetProperty("Data");
        Assert.Equal("value under a secret key", logged.GetProperty("***").GetString());
        Assert.Equal("***", logged.GetProperty("plain")[1][1].GetString());
        Assert.Equal("v:***", logged.GetProperty("plain")[2].GetProperty("k").GetString());
        Assert.Equal("***", logged.GetProperty("deep")[0][0].GetProperty("leaf")[0].GetString());
        Assert.Equal("***", _capture.ClefEvents[1].GetProperty("Items")[1].GetString());
    }

    [Fact]
    public void InMessageTemplateText()
    {
#pragma warning disable CA2254 // The point of the test: a secret concatenated into the template itself.
        _capture.Logger.Information("Using salt " + Salt + " for {Table}", "cooked.events");
#pragma warning restore CA2254

        AssertRedacted();
        Assert.Equal("Using salt *** for {Table}", Assert.Single(_capture.ClefEvents).GetProperty("@mt").GetString());
        Assert.Contains("Using salt *** for cooked.events", _capture.Console);
    }

    [Fact]
    public void InExceptionMessageAndInnerException()
    {
        var inner = new FormatException("inner saw " + Salt);
        var error = new InvalidOperationException("Cannot hash with " + Salt, inner);

        _capture.Logger.Error(error, "Hashing failed");

        AssertRedacted(2);
        var exception = Assert.Single(_capture.ClefEvents).GetProperty("@x").GetString()!;
        Assert.StartsWith("System.InvalidOperationException: Cannot hash with ***", exception);
        Assert.Contains("System.FormatException: inner saw ***", exception);
    }

    [Fact]
    public void InThrownExceptionWithStackTrace()
    {
        try
        {
            throw new InvalidOperationException($"password={Salt}");
        }
        catch (InvalidOperationException e)
        {
            new PipelineLog(_capture.Logger).PipelineFinished("p", TimeSpan.Zero, succeeded: false, e);
        }

        AssertRedacted();
        Assert.Contains(nameof(InThrownExceptionWithStackTrace), _capture.Clef); // the stack trace is kept
    }

    [Fact]
    public void AsPropertyNameAndContextProperty()
    {
        _capture.Logger.ForContext(Salt, "named by the secret").ForContext("Context", Salt).Information("Context {Context}");

        AssertRedacted();
        var logged = Assert.Single(_capture.ClefEvents);
        Assert.Equal("named by the secret", logged.GetProperty("***").GetString());
        Assert.Equal("***", logged.GetProperty("Context").GetString());
    }

    [Fact]
    public void InStandardEventArguments()
    {
        var log = new PipelineLog(_capture.Logger).ForPipeline("p");

        log.ProcessorApplied(2, "HashColumns", $"columns=[email], salt={Salt}");
        log.BadRecordsQuarantined("t", 1, $"s3://bucket/{Salt}/bad");

        AssertRedacted(2);
        Assert.Equal("columns=[email], salt=***", _capture.ClefEvents[0].GetProperty("Arguments").GetString());
    }

    [Fact]
    public void InNonStringScalars()
    {
        using var capture = new LogCapture(LogEventLevel.Information, "31415926");

        capture.Logger.Information("Pin {Pin} and {Uri}", 31415926L, new Uri("https://user:31415926@example.org/"));

        Assert.DoesNotContain("31415926", capture.Console);
        Assert.DoesNotContain("31415926", capture.Clef);
        var logged = Assert.Single(capture.ClefEvents);
        Assert.Equal("***", logged.GetProperty("Pin").GetString());
    }

    [Fact]
    public void SecretWithJsonSpecialCharacters_NeitherRawNorEscaped()
    {
        const string odd = "pa\"ss\\wo\nrd";
        using var capture = new LogCapture(LogEventLevel.Information, odd);

        capture.Logger.Information("Value {Value}", "before " + odd + " after");

        Assert.DoesNotContain(odd, capture.Console);
        Assert.DoesNotContain(odd, capture.Clef);
        Assert.DoesNotContain("pa\\\"ss\\\\wo\\nrd", capture.Clef);
        Assert.Equal("before *** after", Assert.Single(capture.ClefEvents).GetProperty("Value").GetString());
    }

    [Fact]
    public void SeveralSecrets_OverlappingInOneString_LeaveNoFragment()
    {
        using var capture = new LogCapture(LogEventLevel.Information, "abcdef12", "ef12ghij");

        capture.Logger.Information("Value {Value}", "<abcdef12ghij>");

        Assert.Equal("<***>", Assert.Single(capture.ClefEvents).GetProperty("Value").GetString());
        Assert.DoesNotContain("gh", capture.Console);
    }

    [Fact]
    public void WithoutSecrets_EventsAreUnchanged()
    {
        using var capture = new LogCapture();

        capture.Logger.Information("Value {Value} {@Object}", Salt, new { A = Salt });

        Assert.Contains(Salt, capture.Clef);
        Assert.Contains(Salt, capture.Console);
    }

    [Fact]
    public void ClefFile_NeverContainsTheSecret()
    {
        var path = Path.Combine(Path.GetTempPath(), "alaspark-logging-tests", Guid.NewGuid().ToString("N") + ".clef");
        try
        {
            using (var logger = AlaSparkLogging.CreateLogger(new() { Console = false, ClefPath = path, Secrets = [Salt] }))
            {
                logger.Error(new Exception(Salt), "Template " + Salt + " {Value} {@Object}", Salt, new { Nested = new[] { Salt } });
            }

            var text = File.ReadAllText(path);
            Assert.Single(LogCapture.ParseClef(text));
            Assert.DoesNotContain(Salt, text);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
