using AlaSpark.Engine.DuckDb;
using AlaSpark.Logging;
using WebEvents;

namespace AlaSpark.IntegrationTests;

/// <summary>Runs the WebEvents job's command line in process, with its own lake and captured output.</summary>
public sealed class WebEventsJob : IDisposable
{
    public WebEventsJob()
    {
        Root = Path.Combine(Path.GetTempPath(), "alaspark-it-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Root);
        Lake = Path.Combine(Root, "lake");
    }

    public string Root { get; }
    public string Lake { get; }
    public StringWriter Out { get; private set; } = new();
    public StringWriter Error { get; private set; } = new();

    public int Run(params string[] args) => Run(args, null);

    public int Run(string[] args, Func<LoggingOptions, LoggingOptions>? logging)
    {
        Out = new StringWriter();
        Error = new StringWriter();
        var withLake = args.Length > 0 && args[0] is "run" or "describe" && !args.Contains("--lake") ? [.. args, "--lake", Lake] : args;
        return AlaSparkApp.Run(withLake, new AlaSparkAppOptions
        {
            Pipelines = [WebEventsPipeline.Create()],
            OnSessionStarted = WebEventsPipeline.RegisterRawTable,
            DefaultConfigFile = Path.Combine(Root, "no-default-config.toml"),
            Out = Out,
            Error = Error,
            ConfigureLogging = logging,
        });
    }

    public string WriteConfig(string toml)
    {
        var path = Path.Combine(Root, $"job-{Guid.NewGuid():N}.toml");
        File.WriteAllText(path, toml);
        return path;
    }

    /// <summary>A session over the job's lake, to look at what it wrote.</summary>
    public AlaSparkSession OpenLake() => LocalSession.Create(new SessionOptions { LakeRoot = Lake });

    public void Dispose()
    {
        try { Directory.Delete(Root, recursive: true); } catch (IOException) { }
    }
}
