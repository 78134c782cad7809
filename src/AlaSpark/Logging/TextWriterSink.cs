using Serilog.Core;
using Serilog.Events;
using Serilog.Formatting;

namespace AlaSpark.Logging;

/// <summary>Formats each event to a caller-owned <see cref="TextWriter"/> and flushes it. Does not dispose the writer.</summary>
internal sealed class TextWriterSink : ILogEventSink
{
    private readonly ITextFormatter _formatter;
    private readonly TextWriter _writer;
    private readonly Lock _lock = new();

    public TextWriterSink(ITextFormatter formatter, TextWriter writer)
    {
        _formatter = formatter;
        _writer = writer;
    }

    public void Emit(LogEvent logEvent)
    {
        // Format first, so that a formatter failure writes nothing rather than half a line.
        using var buffer = new StringWriter(_writer.FormatProvider);
        _formatter.Format(logEvent, buffer);
        lock (_lock)
        {
            _writer.Write(buffer.ToString());
            _writer.Flush();
        }
    }
}
