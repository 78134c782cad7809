using Serilog.Core;
using Serilog.Events;

namespace AlaSpark.Logging;

/// <summary>
/// Sits in front of every AlaSpark sink: each event is rebuilt without secrets before any formatter
/// sees it. If redaction fails the event is not passed on (Serilog reports the failure to SelfLog),
/// so an unredacted event can never get through. Owns and disposes the wrapped sink.
/// </summary>
internal sealed class RedactingSink : ILogEventSink, IDisposable, IAsyncDisposable
{
    private readonly SecretRedactor _redactor;
    private readonly ILogEventSink _inner;

    public RedactingSink(SecretRedactor redactor, ILogEventSink inner)
    {
        _redactor = redactor;
        _inner = inner;
    }

    public void Emit(LogEvent logEvent) => _inner.Emit(_redactor.Redact(logEvent));

    public void Dispose() => (_inner as IDisposable)?.Dispose();

    public ValueTask DisposeAsync()
    {
        if (_inner is IAsyncDisposable asyncDisposable)
        {
            return asyncDisposable.DisposeAsync();
        }

        Dispose();
        return ValueTask.CompletedTask;
    }
}
