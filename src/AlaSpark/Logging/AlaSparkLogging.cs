using System.Text;
using Serilog;
using Serilog.Configuration;
using Serilog.Core;
using Serilog.Events;
using Serilog.Formatting.Compact;

namespace AlaSpark.Logging;

/// <summary>Creates the one standard AlaSpark logger. See <c>docs/logging.md</c>.</summary>
public static class AlaSparkLogging
{
    /// <summary>
    /// Creates a logger that writes human-readable lines to standard error (or
    /// <see cref="LoggingOptions.ConsoleWriter"/>) and compact JSON (CLEF) to
    /// <see cref="LoggingOptions.ClefPath"/> and/or <see cref="LoggingOptions.ClefWriter"/>, with every
    /// configured secret replaced by <c>***</c> before any formatter sees an event.
    /// </summary>
    /// <returns>
    /// The logger. Dispose it when the run ends: that flushes and closes the CLEF file.
    /// </returns>
    /// <exception cref="ArgumentException">A secret is too short; see <see cref="LoggingOptions.Secrets"/>.</exception>
    /// <exception cref="ConfigurationException">The CLEF file cannot be opened for writing.</exception>
    public static Logger CreateLogger(LoggingOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var redactor = new SecretRedactor(options.Secrets);

        var sinks = LoggerSinkConfiguration.CreateSink(writeTo =>
        {
            if (options.Console)
            {
                var human = new HumanTextFormatter();
                if (options.ConsoleWriter is { } consoleWriter)
                {
                    writeTo.Sink(new TextWriterSink(human, consoleWriter));
                }
                else
                {
                    // Every level goes to standard error: standard output is reserved for command output.
                    writeTo.Console(human, standardErrorFromLevel: LogEventLevel.Verbose);
                }
            }

            if (options.ClefWriter is { } clefWriter)
            {
                writeTo.Sink(new TextWriterSink(new CompactJsonFormatter(), clefWriter));
            }

            if (!string.IsNullOrWhiteSpace(options.ClefPath))
            {
                writeTo.Sink(OpenClefFile(options.ClefPath));
            }
        });

        return new LoggerConfiguration()
            .MinimumLevel.Is(options.MinimumLevel)
            .Enrich.FromLogContext()
            .WriteTo.Sink(redactor.IsEmpty ? sinks : new RedactingSink(redactor, sinks))
            .CreateLogger();
    }

    private static ILogEventSink OpenClefFile(string path)
    {
        // The file sink reports a file it cannot open only to SelfLog and then drops every event; a
        // run asked for a JSON log must not go ahead without one, so open the file once here first.
        string fullPath;
        try
        {
            fullPath = Path.GetFullPath(path);
            var directory = Path.GetDirectoryName(fullPath);
            if (!string.IsNullOrEmpty(directory))
            {
                Directory.CreateDirectory(directory);
            }

            using (new FileStream(fullPath, FileMode.Append, FileAccess.Write, FileShare.ReadWrite))
            {
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
        {
            throw new ConfigurationException(
                $"Cannot write the JSON log file '{path}': {e.Message} Check the path given to --log-json and its permissions.", e);
        }

        return LoggerSinkConfiguration.CreateSink(writeTo => writeTo.File(
            new CompactJsonFormatter(),
            fullPath,
            fileSizeLimitBytes: null,
            buffered: false,
            encoding: new UTF8Encoding(encoderShouldEmitUTF8Identifier: false)));
    }
}
