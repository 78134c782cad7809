using System.Text.Json;
using AlaSpark.Logging;
using Serilog.Core;
using Serilog.Events;

namespace AlaSpark.Tests.Logging;

/// <summary>A logger whose console and CLEF output go to strings, for assertions.</summary>
internal sealed class LogCapture : IDisposable
{
    private readonly StringWriter _console = new();
    private readonly StringWriter _clef = new();

    public LogCapture(LogEventLevel minimumLevel = LogEventLevel.Information, params string[] secrets)
    {
        Logger = AlaSparkLogging.CreateLogger(new LoggingOptions
        {
            MinimumLevel = minimumLevel,
            ConsoleWriter = _console,
            ClefWriter = _clef,
            Secrets = secrets,
        });
    }

    public Logger Logger { get; }

    public PipelineLog Log => new(Logger);

    public string Console => _console.ToString();

    public string Clef => _clef.ToString();

    /// <summary>Each CLEF line, parsed; fails the test if a line is not a JSON object.</summary>
    public IReadOnlyList<JsonElement> ClefEvents => ParseClef(Clef);

    public static IReadOnlyList<JsonElement> ParseClef(string text)
    {
        var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return lines.Select(line =>
        {
            using var document = JsonDocument.Parse(line);
            Assert.Equal(JsonValueKind.Object, document.RootElement.ValueKind);
            return document.RootElement.Clone();
        }).ToList();
    }

    public void Dispose()
    {
        Logger.Dispose();
        _console.Dispose();
        _clef.Dispose();
    }
}
