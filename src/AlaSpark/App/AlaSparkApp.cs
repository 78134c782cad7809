using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using AlaSpark.Config;
using AlaSpark.Logging;
using Serilog.Events;

namespace AlaSpark;

/// <summary>Options of a job assembly's command line.</summary>
public sealed record AlaSparkAppOptions
{
    /// <summary>The pipelines the job can run.</summary>
    public IReadOnlyList<IPipeline> Pipelines { get; init; } = [];

    /// <summary>Runs once a session is open, before the pipeline (e.g. to register raw tables).</summary>
    public Action<AlaSparkSession, TextWriter>? OnSessionStarted { get; init; }

    /// <summary>The config file used when <c>--config</c> is not given and it exists (relative to the working directory, then the app's folder).</summary>
    public string DefaultConfigFile { get; init; } = "job.toml";

    public TextWriter? Out { get; init; }
    public TextWriter? Error { get; init; }

    /// <summary>Extra logger settings (tests capture logs with this).</summary>
    public Func<LoggingOptions, LoggingOptions>? ConfigureLogging { get; init; }
}

/// <summary>
/// The command line of a job assembly: <c>run &lt;pipeline&gt;</c>, <c>list</c>, <c>describe &lt;pipeline&gt;</c>,
/// <c>lineage &lt;pipeline&gt;</c>. Exit codes: 0 success, 1 the pipeline failed, 2 a usage or
/// configuration error (the message on stderr names what is wrong).
/// </summary>
public static class AlaSparkApp
{
    public const int Success = 0;
    public const int Failed = 1;
    public const int UsageError = 2;

    private static readonly List<IPipeline> Registered = [];

    /// <summary>Registers a pipeline for <see cref="RunAsync(string[])"/> (generated code calls this).</summary>
    public static void Register(IPipeline pipeline)
    {
        lock (Registered)
            if (!Registered.Any(p => p.Name == pipeline.Name)) Registered.Add(pipeline);
    }

    /// <summary>Runs the command line over the registered pipelines.</summary>
    public static Task<int> RunAsync(string[] args)
    {
        lock (Registered) return RunAsync(args, new AlaSparkAppOptions { Pipelines = Registered.ToList() });
    }

    public static Task<int> RunAsync(string[] args, AlaSparkAppOptions options)
    {
        using var cancellation = new CancellationTokenSource();
        ConsoleCancelEventHandler onCancel = (_, e) =>
        {
            e.Cancel = true;
            cancellation.Cancel();
        };
        Console.CancelKeyPress += onCancel;
        try
        {
            return Task.FromResult(Run(args, options, cancellation.Token));
        }
        finally
        {
            Console.CancelKeyPress -= onCancel;
        }
    }

    public static int Run(string[] args, AlaSparkAppOptions options, CancellationToken cancellation = default)
    {
        var stdout = options.Out ?? Console.Out;
        var stderr = options.Error ?? Console.Error;
        CommandLine command;
        try
        {
            command = CommandLine.Parse(args);
        }
        catch (ConfigurationException e)
        {
            stderr.WriteLine($"error: {e.Message}");
            stderr.WriteLine(Usage);
            return UsageError;
        }
        try
        {
            return command.Verb switch
            {
                "list" => List(options, stdout),
                "describe" => Describe(command, options, stdout, stderr),
                "lineage" => Lineage(command, options, stdout, stderr),
                "run" => RunPipeline(command, options, stdout, stderr, cancellation),
                "help" or "--help" or "-h" => Help(options, stdout),
                _ => throw new ConfigurationException($"Unknown command '{command.Verb}'."),
            };
        }
        catch (ConfigurationException e)
        {
            stderr.WriteLine($"error: {e.Message}");
            return UsageError;
        }
    }

    private const string Usage = """
        usage:
          run <pipeline> [--config FILE] [--env NAME] [--engine local|spark] [--lake DIR] [--trigger TRIGGER] [--log-json FILE] [--verbose]
          list
          describe <pipeline> [--config FILE] [--env NAME] [--lake DIR]
          lineage <pipeline> [--format mermaid|json] [--config FILE] [--env NAME] [--lake DIR]
        """;

    private static int Help(AlaSparkAppOptions options, TextWriter stdout)
    {
        stdout.WriteLine(Usage);
        stdout.WriteLine($"pipelines: {Names(options)}");
        return Success;
    }

    private static int List(AlaSparkAppOptions options, TextWriter stdout)
    {
        foreach (var p in options.Pipelines.OrderBy(p => p.Name, StringComparer.Ordinal))
        {
            var d = p.Description;
            stdout.WriteLine($"{p.Name}\t{d.Source.Database}.{d.Source.Table} -> {string.Join(", ", d.Sinks.Select(s => $"{s.Database}.{s.Table}"))}");
        }
        return Success;
    }

    private static IPipeline Find(AlaSparkAppOptions options, CommandLine command)
    {
        var name = command.Argument ?? throw new ConfigurationException($"'{command.Verb}' needs a pipeline name. Pipelines: {Names(options)}.");
        return options.Pipelines.FirstOrDefault(p => p.Name == name)
            ?? throw new ConfigurationException($"There is no pipeline named '{name}'. Pipelines: {Names(options)}.");
    }

    private static string Names(AlaSparkAppOptions options) =>
        options.Pipelines.Count == 0 ? "(none registered)" : string.Join(", ", options.Pipelines.Select(p => p.Name).Order(StringComparer.Ordinal));

    /// <remarks>The tables a split gives follow from the source's schema: for a pipeline that splits its table, the
    /// source is opened (as <c>describe</c> does) to name them. When it can't be, the graph shows <c>&lt;table&gt;_*</c>
    /// and stderr says why.</remarks>
    private static int Lineage(CommandLine command, AlaSparkAppOptions options, TextWriter stdout, TextWriter stderr)
    {
        var pipeline = Find(options, command);
        var format = command.Option("format") ?? "mermaid";
        if (format is not ("mermaid" or "json")) throw new ConfigurationException($"--format must be mermaid or json, not '{format}'.");
        var description = pipeline.Description;
        if (description.SplitsTable && DefinitionOf(pipeline) is { } definition)
        {
            using var session = OpenDescribingSession(command, options);
            try
            {
                description = definition.Describe(session);
            }
            catch (AlaSparkException e)
            {
                // The graph without the outputs is still true; say why they are missing (often: no --config for the source's path).
                stderr.WriteLine($"(the tables the split gives are unknown, shown as <table>_*: {e.Message})");
            }
        }
        var graph = description.Lineage;
        stdout.WriteLine(format == "json" ? graph.ToJson() : graph.ToMermaid());
        return Success;
    }

    private static int Describe(CommandLine command, AlaSparkAppOptions options, TextWriter stdout, TextWriter stderr)
    {
        var pipeline = Find(options, command);
        var d = pipeline.Description;
        stdout.WriteLine($"Pipeline {d.Name}");
        stdout.WriteLine($"  source: {d.Source.Database}.{d.Source.Table} ({d.Source.Reader}, bad records: {d.Source.BadRecords}{(d.Source.Path is null ? "" : ", path " + d.Source.Path)})");
        for (var i = 0; i < d.Steps.Count; i++) stdout.WriteLine($"  step {i + 1}: {d.Steps[i].Processor}({d.Steps[i].Arguments})");
        foreach (var s in d.Sinks)
            stdout.WriteLine($"  sink: {s.Database}.{s.Table} ({s.Writer}, mode {s.Mode}{(s.PartitionBy.Count == 0 ? "" : ", partitioned by " + string.Join(", ", s.PartitionBy))}{(s.MergeSchema ? ", merge schema" : "")})");
        if (DefinitionOf(pipeline) is not { } definition) return Success;
        try
        {
            using var session = OpenDescribingSession(command, options);
            stdout.WriteLine("Schema at each step:");
            var headed = -1;
            definition.Build(session, (step, table) =>
            {
                var label = step == 0 ? "source" : $"after step {step} ({d.Steps[step - 1].Processor})";
                var columns = string.Join(", ", table.DataFrame.Schema.Fields.Select(f => $"{f.Name} {f.DataType.SimpleString}"));
                var partitions = table.PartitionColumns.Count == 0 ? "" : $"  partitions: {string.Join(", ", table.PartitionColumns)}";
                if (!d.Steps.Take(step).Any(s => s.SplitsTable))
                {
                    stdout.WriteLine($"  {label}: {columns}{partitions}");
                    return;
                }
                // After the split, one line per output, named as each sink writes it.
                if (headed != step) stdout.WriteLine($"  {label}:");
                headed = step;
                var names = d.Sinks.Count == 0
                    ? table.Name
                    : string.Join(", ", d.Sinks.Select(s => $"{s.Database}.{ProcessedTables.TableName(s.Table, table.Suffix)}"));
                stdout.WriteLine($"    {names}: {columns}{partitions}");
            });
        }
        catch (AlaSparkException e) when (e is not ConfigurationException)
        {
            stderr.WriteLine($"(the schema at each step is unknown: {e.Message})");
        }
        return Success;
    }

    /// <summary>The definition a pipeline is built on (generated pipelines are), to describe it over a session.</summary>
    private static PipelineDefinition? DefinitionOf(IPipeline pipeline) => pipeline as PipelineDefinition ?? pipeline.Description.Definition;

    /// <summary>A session for <c>describe</c> and <c>lineage</c>: the command's config and lake, no log, the job's start-up hook.</summary>
    private static AlaSparkSession OpenDescribingSession(CommandLine command, AlaSparkAppOptions options)
    {
        var session = OpenSession(command, options, Serilog.Core.Logger.None, out _);
        try
        {
            options.OnSessionStarted?.Invoke(session, TextWriter.Null);
            return session;
        }
        catch
        {
            session.Dispose();
            throw;
        }
    }

    private static AlaSparkSession OpenSession(CommandLine command, AlaSparkAppOptions options, Serilog.ILogger logger, out JobConfig config)
    {
        var engine = command.Option("engine") ?? "local";
        if (engine != "local")
            throw new ConfigurationException(engine == "spark"
                ? "The spark engine (Spark Connect) is not available in this version; use --engine local."
                : $"Unknown engine '{engine}'; use local.");
        config = LoadConfig(command, options);
        var lake = command.Option("lake") ?? config.GetString("lake_root") ?? "lakehouse";
        return new AlaSparkSession(new SessionOptions { LakeRoot = lake, Config = config, Logger = logger }, EngineFactory.Local);
    }

    private static JobConfig LoadConfig(CommandLine command, AlaSparkAppOptions options)
    {
        var environment = command.Option("env");
        if (command.Option("config") is { } file)
        {
            if (!File.Exists(file)) throw new ConfigurationException($"The config file '{file}' does not exist.");
            return JobConfig.Load(file, environment);
        }
        foreach (var candidate in new[] { options.DefaultConfigFile, Path.Combine(AppContext.BaseDirectory, options.DefaultConfigFile) })
            if (File.Exists(candidate)) return JobConfig.Load(candidate, environment);
        return environment is null ? JobConfig.Empty : JobConfig.Parse("", "(no config file)", environment);
    }

    private static int RunPipeline(CommandLine command, AlaSparkAppOptions options, TextWriter stdout, TextWriter stderr, CancellationToken cancellation)
    {
        var pipeline = Find(options, command);
        var trigger = TriggerOption(command, pipeline);
        var config = LoadConfig(command, options);
        var saltVariable = config.GetString(AlaSparkSession.HashSaltEnvKey);
        var loggingOptions = new LoggingOptions
        {
            MinimumLevel = command.Flag("verbose") ? LogEventLevel.Debug : LogEventLevel.Information,
            ClefPath = command.Option("log-json"),
            ConsoleWriter = options.Error,
            Secrets = saltVariable is null ? [] : [Environment.GetEnvironmentVariable(saltVariable)],
        };
        using var logger = AlaSparkLogging.CreateLogger(options.ConfigureLogging?.Invoke(loggingOptions) ?? loggingOptions);
        var log = new PipelineLog(logger).ForPipeline(pipeline.Name);
        var watch = Stopwatch.StartNew();
        log.PipelineStarted(pipeline.Name);
        try
        {
            using var session = OpenSession(command, options, logger, out _);
            options.OnSessionStarted?.Invoke(session, stdout);
            var written = pipeline.Run(new PipelineContext(session, log, cancellation) { Trigger = trigger });
            log.PipelineFinished(pipeline.Name, watch.Elapsed, succeeded: true);
            PrintSummary(stdout, pipeline, written, watch.Elapsed, session.LakeRoot);
            return Success;
        }
        catch (ConfigurationException e)
        {
            log.PipelineFinished(pipeline.Name, watch.Elapsed, succeeded: false, e);
            throw;
        }
        catch (Exception e) when (e is AlaSparkException or IOException or OperationCanceledException or UnauthorizedAccessException)
        {
            log.PipelineFinished(pipeline.Name, watch.Elapsed, succeeded: false, e);
            stderr.WriteLine($"error: the pipeline '{pipeline.Name}' failed: {e.Message}");
            return Failed;
        }
        catch (Exception e)
        {
            // A bug rather than bad input: say so, with the stack trace for the report.
            log.PipelineFinished(pipeline.Name, watch.Elapsed, succeeded: false, e);
            stderr.WriteLine($"error: the pipeline '{pipeline.Name}' failed unexpectedly ({e.GetType().Name}): {e.Message}");
            stderr.WriteLine(e.StackTrace);
            return Failed;
        }
    }

    /// <summary>The <c>--trigger</c> of <c>run</c>: for a stream pipeline, overrides its sinks' trigger.</summary>
    private static Trigger? TriggerOption(CommandLine command, IPipeline pipeline)
    {
        if (command.Option("trigger") is not { } text) return null;
        if (!pipeline.Description.Source.IsStream)
            throw new ConfigurationException(
                $"The option '--trigger' is for stream pipelines; the pipeline '{pipeline.Name}' reads {pipeline.Description.Source.Reader}, a batch source. Leave the option out.");
        try
        {
            return Trigger.Parse(text);
        }
        catch (AlaSparkException e)
        {
            throw new ConfigurationException($"The option '--trigger': {e.Message}");
        }
    }

    private static void PrintSummary(TextWriter stdout, IPipeline pipeline, IReadOnlyList<WrittenTable> written, TimeSpan elapsed, string lakeRoot)
    {
        string N(long n) => n.ToString("N0", CultureInfo.InvariantCulture);
        stdout.WriteLine($"Pipeline {pipeline.Name} succeeded in {elapsed.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture)} s");
        var scan = written.Select(w => w.SourceScan).FirstOrDefault(s => s is not null);
        var source = pipeline.Description.Source;
        if (scan is not null)
        {
            var folders = scan.Files.Select(Path.GetDirectoryName).Distinct().ToList();
            var where = folders is [{ } folder] ? $" in {Relative(folder, lakeRoot)}" : "";
            stdout.WriteLine($"  read:        {source.Database}.{source.Table}: {N(scan.RowsRead)} rows from {scan.Files.Count} file(s){where}");
            stdout.WriteLine($"  passed on:   {N(scan.RowsPassed)} rows");
            if (scan.RowsQuarantined > 0) stdout.WriteLine($"  quarantined: {N(scan.RowsQuarantined)} malformed rows, in {Relative(scan.BadRecordsLocation!, lakeRoot)}");
            if (scan.RowsDropped > 0) stdout.WriteLine($"  dropped:     {N(scan.RowsDropped)} malformed rows");
        }
        foreach (var w in written)
        {
            if (w.Skipped && source.IsStream)
            {
                stdout.WriteLine($"  written:     {w.FullName}: nothing new (the stream's checkpoint has seen every file of the source)");
                continue;
            }
            if (w.Skipped)
            {
                stdout.WriteLine($"  skipped:     {w.FullName} (already written)");
                continue;
            }
            stdout.WriteLine($"  written:     {w.FullName}: {N(w.Rows)} rows in {w.Files} file(s){(w.Partitions.Count == 0 ? "" : $", {w.Partitions.Count} partition(s) by {string.Join(", ", w.PartitionColumns)}")}{(w.Version is null ? "" : $", version {w.Version}")}");
            if (w.ParentTable is not null) stdout.WriteLine($"  parent:      {w.ParentTable}, linked by {w.ParentKey}");
            stdout.WriteLine($"  location:    {Relative(w.Location, lakeRoot)}");
            var order = w.PartitionColumns.Count > 0 ? $" GROUP BY {w.PartitionColumns[0]} ORDER BY {w.PartitionColumns[0]}" : "";
            var select = w.PartitionColumns.Count > 0 ? $"{w.PartitionColumns[0]}, count(*) AS rows" : "count(*) AS rows";
            stdout.WriteLine($"  query it:    dotnet run --project src/AlaSpark.Cli -- sql \"SELECT {select} FROM {w.FullName}{order}\"");
            if (w.Format == "delta")
                stdout.WriteLine($"  history:     dotnet run --project src/AlaSpark.Cli -- history {Relative(w.Location, lakeRoot)}");
        }
    }

    private static string Relative(string path, string lakeRoot)
    {
        var relative = Path.GetRelativePath(Environment.CurrentDirectory, path);
        return relative.StartsWith("..", StringComparison.Ordinal) ? path : relative;
    }

    /// <summary>The parsed command line: a verb, an optional argument, options and flags.</summary>
    private sealed class CommandLine
    {
        private static readonly HashSet<string> Valued = ["config", "env", "engine", "remote", "lake", "log-json", "format", "trigger"];
        private static readonly HashSet<string> Flags = ["verbose"];
        private readonly Dictionary<string, string> _options = new(StringComparer.Ordinal);
        private readonly HashSet<string> _flags = new(StringComparer.Ordinal);

        public string Verb { get; private set; } = "help";
        public string? Argument { get; private set; }

        public string? Option(string name) => _options.GetValueOrDefault(name);
        public bool Flag(string name) => _flags.Contains(name);

        public static CommandLine Parse(string[] args)
        {
            var result = new CommandLine();
            if (args.Length == 0) return result;
            result.Verb = args[0];
            for (var i = 1; i < args.Length; i++)
            {
                var arg = args[i];
                if (arg.StartsWith("--", StringComparison.Ordinal))
                {
                    var name = arg[2..];
                    string? value = null;
                    var eq = name.IndexOf('=');
                    if (eq >= 0) { value = name[(eq + 1)..]; name = name[..eq]; }
                    if (Flags.Contains(name)) { result._flags.Add(name); continue; }
                    if (!Valued.Contains(name)) throw new ConfigurationException($"Unknown option '--{name}'.");
                    value ??= i + 1 < args.Length && !args[i + 1].StartsWith("--", StringComparison.Ordinal)
                        ? args[++i]
                        : throw new ConfigurationException($"The option '--{name}' needs a value.");
                    result._options[name] = value;
                }
                else if (result.Argument is null) result.Argument = arg;
                else throw new ConfigurationException($"Unexpected argument '{arg}'.");
            }
            return result;
        }
    }
}

/// <summary>Finds engines by name without a compile-time dependency on them.</summary>
public static class EngineFactory
{
    private const string LocalEngineType = "AlaSpark.Engine.DuckDb.LocalSession, AlaSpark.Engine.DuckDb";

    /// <summary>The embedded engine (AlaSpark.Engine.DuckDb must be deployed beside the job).</summary>
    public static IEngine Local(EngineContext context)
    {
        var type = Type.GetType(LocalEngineType) ?? throw new ConfigurationException(
            "The local engine (AlaSpark.Engine.DuckDb.dll) is not deployed with this job; reference the AlaSpark package.");
        var create = type.GetMethod("CreateEngine", BindingFlags.Public | BindingFlags.Static)!;
        try
        {
            return (IEngine)create.Invoke(null, [context])!;
        }
        catch (TargetInvocationException e) when (e.InnerException is not null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(e.InnerException).Throw();
            throw;
        }
    }
}
