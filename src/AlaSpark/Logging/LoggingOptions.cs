using Serilog.Events;

namespace AlaSpark.Logging;

/// <summary>Where AlaSpark's logs go and what they must never contain. Read by <see cref="AlaSparkLogging.CreateLogger"/>.</summary>
public sealed class LoggingOptions
{
    /// <summary>Events below this level are not written anywhere. Default <see cref="LogEventLevel.Information"/>.</summary>
    public LogEventLevel MinimumLevel { get; init; } = LogEventLevel.Information;

    /// <summary>
    /// Write human-readable lines (time, level, <c>[Pipeline]</c> when known, message) to the console.
    /// They go to standard error, so that standard output stays clean for command output such as
    /// JSON rows. Default <see langword="true"/>.
    /// </summary>
    public bool Console { get; init; } = true;

    /// <summary>
    /// Where the human-readable lines go instead of standard error, for tests and embedding. Only used
    /// when <see cref="Console"/> is <see langword="true"/>. The writer is not disposed by the logger.
    /// </summary>
    public TextWriter? ConsoleWriter { get; init; }

    /// <summary>
    /// A file to append compact JSON (CLEF) to, one event per line; the CLI's <c>--log-json FILE</c>.
    /// Missing directories are created. <see langword="null"/> (the default) writes no file.
    /// </summary>
    public string? ClefPath { get; init; }

    /// <summary>
    /// A writer to receive compact JSON (CLEF), one event per line, in addition to <see cref="ClefPath"/>;
    /// for tests and embedding. The writer is not disposed by the logger.
    /// </summary>
    public TextWriter? ClefWriter { get; init; }

    /// <summary>
    /// Values that must never be written by any sink, such as a hash salt or a password. Every
    /// occurrence, anywhere in an event, is replaced with <c>***</c>. Null or empty values are ignored
    /// (there is nothing to hide); a value shorter than 4 characters, or made only of white space, is
    /// rejected with an <see cref="ArgumentException"/>, because redacting it would mangle ordinary text.
    /// </summary>
    public IEnumerable<string?> Secrets { get; init; } = [];
}
