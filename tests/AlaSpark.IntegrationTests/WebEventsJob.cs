using AlaSpark.Engine.DuckDb;
using AlaSpark.Logging;
using WebEvents;

namespace AlaSpark.IntegrationTests;

/// <summary>
/// Runs the WebEvents job's command line in process, with its own lake and captured output. Like the job,
/// it reads the sample's job.toml (copied beside the tests), so the source is the shipped CSV files.
/// </summary>
public sealed class WebEventsJob : IDisposable
{
    public WebEventsJob()
    {
        Root = Path.Combine(Path.GetTempPath(), "alaspark-it-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Root);
        Lake = Path.Combine(Root, "lake");
    }

    /// <summary>The folder of the shipped raw CSV files (beside the sample's job.toml in the output folder).</summary>
    public static string ShippedData => Path.Combine(AppContext.BaseDirectory, "data", "raw", "web_events");

    /// <summary>The sample's job.toml, as the job finds it beside its assembly.</summary>
    public static string SampleConfig => Path.Combine(AppContext.BaseDirectory, "job.toml");

    public string Root { get; }
    public string Lake { get; }
    public StringWriter Out { get; private set; } = new();
    public StringWriter Error { get; private set; } = new();

    public int Run(params string[] args) => Run(args, null);

    public int Run(string[] args, Func<LoggingOptions, LoggingOptions>? logging) => Run(args, logging, CancellationToken.None);

    /// <summary>Runs the command line until it ends, or until <paramref name="cancellation"/> stops it (as Ctrl+C does).</summary>
    public int Run(string[] args, Func<LoggingOptions, LoggingOptions>? logging, CancellationToken cancellation)
    {
        Out = new StringWriter();
        Error = new StringWriter();
        var withLake = args.Length > 0 && args[0] is "run" or "describe" && !args.Contains("--lake") ? [.. args, "--lake", Lake] : args;
        return AlaSparkApp.Run(withLake, new AlaSparkAppOptions
        {
            Pipelines = [new WebEventsPipeline()],
            DefaultConfigFile = SampleConfig,
            Out = Out,
            Error = Error,
            ConfigureLogging = logging,
        }, cancellation);
    }

    /// <summary>Writes a config file under the root; unless told not to, it reads the shipped CSV files as the sample's does.</summary>
    public string WriteConfig(string toml, bool readShippedData = true)
    {
        var path = Path.Combine(Root, $"job-{Guid.NewGuid():N}.toml");
        var source = readShippedData ? $"source_path = '{ShippedData}'\n" : "";
        File.WriteAllText(path, source + toml);
        return path;
    }

    /// <summary>A session over the job's lake, to look at what it wrote.</summary>
    public AlaSparkSession OpenLake() => LocalSession.Create(new SessionOptions { LakeRoot = Lake });

    public void Dispose()
    {
        try { Directory.Delete(Root, recursive: true); } catch (IOException) { }
    }
}
