using System.Globalization;
using Serilog.Events;
using Serilog.Formatting;
using Serilog.Formatting.Display;

namespace AlaSpark.Logging;

/// <summary>
/// The console format for people: <c>HH:mm:ss LVL [Pipeline] message</c>, the <c>[Pipeline]</c> part only
/// when the event has a <see cref="LogProperties.Pipeline"/> property, then the exception if any.
/// Strings in messages are written without quotes; numbers use the invariant culture.
/// </summary>
internal sealed class HumanTextFormatter : ITextFormatter
{
    internal const string WithPipeline =
        "{Timestamp:HH:mm:ss} {Level:u3} [{" + LogProperties.Pipeline + ":l}] {Message:lj}{NewLine}{Exception}";

    internal const string WithoutPipeline = "{Timestamp:HH:mm:ss} {Level:u3} {Message:lj}{NewLine}{Exception}";

    private readonly MessageTemplateTextFormatter _withPipeline = new(WithPipeline, CultureInfo.InvariantCulture);
    private readonly MessageTemplateTextFormatter _withoutPipeline = new(WithoutPipeline, CultureInfo.InvariantCulture);

    public void Format(LogEvent logEvent, TextWriter output)
    {
        var hasPipeline = logEvent.Properties.TryGetValue(LogProperties.Pipeline, out var pipeline)
            && pipeline is not ScalarValue { Value: null or "" };
        (hasPipeline ? _withPipeline : _withoutPipeline).Format(logEvent, output);
    }
}
