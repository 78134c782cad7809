using AlaSpark.Catalog;
using AlaSpark.Config;
using AlaSpark.Naming;
using AlaSpark.Plan;
using AlaSpark.Types;
using Serilog;

namespace AlaSpark;

/// <summary>What an engine needs from the session it serves.</summary>
/// <param name="LakeRoot">The lake's root folder (absolute).</param>
/// <param name="ResolveTable">Finds a catalog table (<c>database.table</c>) as a data source.</param>
/// <param name="BadRecordsPath">Default folder for malformed rows.</param>
/// <param name="Conf">Spark SQL settings (<c>spark.sql.ansi.enabled</c>), by name.</param>
/// <param name="Logger">The session's logger.</param>
/// <param name="Secret">A secret by name (such as <c>hash_salt</c>), or null; secrets never enter plans, SQL text or logs.</param>
public sealed record EngineContext(
    string LakeRoot, Func<string, DataSource> ResolveTable, string BadRecordsPath, Func<string, string?> Conf, ILogger Logger,
    Func<string, string?> Secret);

/// <summary>How to open a session.</summary>
public sealed record SessionOptions
{
    /// <summary>The lake's root folder: tables, the catalog and bad records live under it.</summary>
    public string LakeRoot { get; init; } = "lakehouse";

    /// <summary>The job's configuration (TOML); empty when there is none.</summary>
    public JobConfig Config { get; init; } = JobConfig.Empty;

    /// <summary>The logger; a silent one when null.</summary>
    public ILogger? Logger { get; init; }

    /// <summary>Spark SQL settings that override the config's <c>spark.*</c> keys.</summary>
    public IReadOnlyDictionary<string, string> Conf { get; init; } = new Dictionary<string, string>();

    /// <summary>The naming standard; read from the config's <c>alaspark.*</c> keys when null.</summary>
    public NamingOptions? Naming { get; init; }
}

/// <summary>
/// The entry point of the runtime, like Spark's <c>SparkSession</c>: it owns the engine, the catalog,
/// the configuration and the logger. Read data with <see cref="Read"/>, <see cref="Table"/> or
/// <see cref="Sql"/>.
/// </summary>
public sealed class AlaSparkSession : IDisposable
{
    private readonly Dictionary<string, string> _conf;
    private readonly Dictionary<string, string> _secrets;

    /// <summary>The config key naming the environment variable that holds the hash salt.</summary>
    public const string HashSaltEnvKey = "hash_salt_env";

    public AlaSparkSession(SessionOptions options, Func<EngineContext, IEngine> engineFactory)
    {
        LakeRoot = Path.GetFullPath(options.LakeRoot);
        Directory.CreateDirectory(LakeRoot);
        Config = options.Config;
        Logger = options.Logger ?? Serilog.Core.Logger.None;
        _conf = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (key, value) in Config.Values)
            if ((key.StartsWith("spark.", StringComparison.OrdinalIgnoreCase) || key.StartsWith("alaspark.", StringComparison.OrdinalIgnoreCase)) && value is not null)
                _conf[key] = Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture)!;
        foreach (var (key, value) in options.Conf) _conf[key] = value;
        Naming = options.Naming ?? NamingStandard.LoadOptions(key => Config.GetString(key));
        Catalog = new SessionCatalog(this, LocalCatalog.Open(LakeRoot, Naming));
        _secrets = ReadSecrets(Config);
        BadRecordsPath = Config.GetString("bad_records_path") is { Length: > 0 } bad ? Path.GetFullPath(bad) : Path.Combine(LakeRoot, "_bad_records");
        Engine = engineFactory(new EngineContext(LakeRoot, ResolveTable, BadRecordsPath, GetConf, Logger, name => _secrets.GetValueOrDefault(name)));
    }

    public string LakeRoot { get; }
    public JobConfig Config { get; }
    public ILogger Logger { get; }
    public SessionCatalog Catalog { get; }
    public NamingOptions Naming { get; }
    public IEngine Engine { get; }

    /// <summary>Where malformed rows go unless a source says otherwise.</summary>
    public string BadRecordsPath { get; }

    public string? GetConf(string key) => _conf.GetValueOrDefault(key);

    /// <summary>True when a secret of this name is configured (its value is never exposed).</summary>
    public bool HasSecret(string name) => _secrets.ContainsKey(name);

    /// <summary>The configured secret values, for log redaction only.</summary>
    public IEnumerable<string> SecretValues => _secrets.Values;

    /// <summary>Reads secrets named in the config: <c>hash_salt_env = "VAR"</c> reads the salt from $VAR.</summary>
    private static Dictionary<string, string> ReadSecrets(JobConfig config)
    {
        var secrets = new Dictionary<string, string>(StringComparer.Ordinal);
        if (config.GetString(HashSaltEnvKey) is { Length: > 0 } variable)
        {
            var value = Environment.GetEnvironmentVariable(variable);
            if (string.IsNullOrEmpty(value))
                throw new ConfigurationException(
                    $"The key '{HashSaltEnvKey}' in {config.SourceName} names the environment variable '{variable}' for the hash salt, but it is not set. Set it, or remove the key to hash without a salt.");
            secrets["hash_salt"] = value;
        }
        return secrets;
    }

    public void SetConf(string key, string value) => _conf[key] = value;

    public DataFrameReader Read => new(this);

    /// <summary>A catalog table, by <c>database.table</c>.</summary>
    public DataFrame Table(string name) => new(Engine, new Read(null, name));

    /// <summary>A Spark SQL query over catalog tables.</summary>
    public DataFrame Sql(string query) => new(Engine, new Plan.Sql(query));

    public DataFrame CreateDataFrame(StructType schema, IEnumerable<object?[]> rows) =>
        new(Engine, new LocalRelation(schema, rows.Select(r => r.ToValueList()).ToValueList()));

    /// <summary>The data source behind a catalog table.</summary>
    public DataSource ResolveTable(string name)
    {
        var parts = Functions.SplitName(name);
        if (parts.Length != 2)
            throw new AlaSparkException($"A table is named 'database.table'; '{name}' is not. Tables: {string.Join(", ", Catalog.ListTables().Select(t => t.FullName))}.");
        var table = Catalog.GetTable(parts[0], parts[1]);
        return new DataSource(table.Format, ValueList.Of(table.Location), table.Schema, new ValueMap(table.Properties));
    }

    public void Dispose() => Engine.Dispose();
}

/// <summary>Reads files into DataFrames, like Spark's <c>DataFrameReader</c>.</summary>
public sealed class DataFrameReader
{
    private readonly AlaSparkSession _session;
    private readonly Dictionary<string, string> _options = new(StringComparer.OrdinalIgnoreCase);
    private StructType? _schema;
    private string _format = "parquet";

    internal DataFrameReader(AlaSparkSession session) => _session = session;

    public DataFrameReader Format(string format)
    {
        _format = format.ToLowerInvariant();
        return this;
    }

    public DataFrameReader Schema(StructType schema)
    {
        _schema = schema;
        return this;
    }

    /// <summary>A DDL schema: <c>"id INT, name STRING"</c>.</summary>
    public DataFrameReader Schema(string ddl) => Schema(StructType.FromDdl(ddl));

    public DataFrameReader Option(string key, string value)
    {
        _options[key] = value;
        return this;
    }

    public DataFrameReader Option(string key, bool value) => Option(key, value ? "true" : "false");

    public DataFrameReader Options(IEnumerable<KeyValuePair<string, string>> options)
    {
        foreach (var (k, v) in options) _options[k] = v;
        return this;
    }

    public DataFrame Load(params string[] paths)
    {
        if (paths.Length == 0) throw new AlaSparkException("Load() needs at least one path.");
        return new DataFrame(_session.Engine, new Read(new DataSource(_format, paths.ToValueList(), _schema, new ValueMap(_options))));
    }

    public DataFrame Csv(params string[] paths) => Format("csv").Load(paths);

    public DataFrame Json(params string[] paths) => Format("json").Load(paths);

    public DataFrame Parquet(params string[] paths) => Format("parquet").Load(paths);
}
