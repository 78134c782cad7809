using System.Globalization;
using AlaSpark.Engine.DuckDb.Compilation;
using AlaSpark.Engine.DuckDb.Functions;
using AlaSpark.Engine.DuckDb.Scans;
using AlaSpark.Engine.DuckDb.Writing;
using AlaSpark.Plan;
using AlaSpark.Types;
using DuckDB.NET.Data;

namespace AlaSpark.Engine.DuckDb;

/// <summary>Options of the embedded engine.</summary>
public sealed record DuckDbEngineOptions
{
    /// <summary>Spark SQL settings that change results (ANSI mode).</summary>
    public EngineSettings Settings { get; init; } = new();

    /// <summary>Where malformed rows go when a reader has no bad-records path of its own.</summary>
    public string BadRecordsPath { get; init; } = Path.Combine("lakehouse", "_bad_records");

    /// <summary>Finds a catalog table (<c>database.table</c>) as a data source; null when there is no catalog.</summary>
    public Func<string, DataSource>? ResolveTable { get; init; }

    /// <summary>Called after a file source is read, with what reading it did (for logging).</summary>
    public Action<string, ScanReport>? OnScanned { get; init; }

    /// <summary>DuckDB's memory limit (<c>"2GB"</c>); DuckDB spills to disk beyond it. Null for DuckDB's default.</summary>
    public string? MemoryLimit { get; init; }

    /// <summary>Worker threads; null for one per core.</summary>
    public int? Threads { get; init; }

}

/// <summary>
/// The embedded engine: compiles plans to DuckDB SQL and runs them in process. No server, no
/// cluster; the same plan gives Spark's rows. One instance holds one DuckDB database in memory
/// (spilling to a temporary folder) and is safe to use from several threads, one query at a time.
/// </summary>
public sealed class DuckDbEngine : IEngine, IMicroBatchEngine
{
    private readonly DuckDBConnection _connection;
    private readonly DuckDbEngineOptions _options;
    private readonly FileScanner _scanner;
    private readonly Dictionary<(DataSource Source, string Files), ScanResult> _scans = new();
    private readonly Dictionary<DataSource, ScanResult> _latestScans = new();
    private readonly string _tempDirectory;
    private readonly Lock _gate = new();

    public DuckDbEngine(DuckDbEngineOptions? options = null)
    {
        _options = options ?? new DuckDbEngineOptions();
        _tempDirectory = Path.Combine(Path.GetTempPath(), "alaspark-duckdb-" + Guid.NewGuid().ToString("N"));
        _connection = new DuckDBConnection("DataSource=:memory:");
        _connection.Open();
        _connection.Execute("SET TimeZone = 'UTC'");
        _connection.Execute($"SET temp_directory = {SqlText.String(_tempDirectory)}");
        if (_options.MemoryLimit is { } limit) _connection.Execute($"SET memory_limit = {SqlText.String(limit)}");
        if (_options.Threads is { } threads) _connection.Execute($"SET threads = {threads.ToString(CultureInfo.InvariantCulture)}");
        _connection.Execute(CastCompiler.Macros);
        Udfs.Register(_connection);
        _scanner = new FileScanner(_connection, _options.BadRecordsPath, (name, report) => _options.OnScanned?.Invoke(name, report));
    }

    public string Name => "local";

    /// <summary>The Spark functions this engine supports, by category (for docs and the CLI).</summary>
    public static IReadOnlyList<(string Category, string Name)> SupportedFunctions =>
        FunctionCatalog.All.Select(f => (f.Category, f.Name)).ToList();

    private PlanCompiler NewCompiler() =>
        new(new ExpressionCompiler(_options.Settings), CompileRead);

    private List<ScanResult>? _scansToRead;

    private CompiledRelation CompileRead(Read read)
    {
        var (source, qualifier) = ResolveSource(read);
        ScanResult? scan;
        if (source.Format.Equals("delta", StringComparison.OrdinalIgnoreCase))
        {
            // A Delta table is read at a snapshot: a new version is a new scan.
            if (source.Paths.Count != 1) throw new AlaSparkException("A Delta read takes exactly one table path.");
            var options = new ReadOptions(source.Options, "delta");
            var snapshot = DeltaScanner.Snapshot(source.Paths[0], options);
            var key = (source, $"{snapshot.TablePath}@{snapshot.Version}");
            if (!_scans.TryGetValue(key, out scan))
            {
                scan = DeltaScanner.Scan(_connection, snapshot, DeltaScanner.Files(snapshot, options), $"alaspark_delta_{_scans.Count}");
                _scans[key] = scan;
                _options.OnScanned?.Invoke(source.Paths[0], scan.Report!);
            }
        }
        else
        {
            // A source is read once per session while its files stay the same; new or changed files are read again.
            var files = FileLister.Expand(source.Paths, source.Format);
            var key = (source, FileScanner.Fingerprint(files));
            if (!_scans.TryGetValue(key, out scan))
            {
                scan = _scanner.Scan(source, files);
                _scans[key] = scan;
            }
        }
        _latestScans[source] = scan;
        _scansToRead?.Add(scan);
        var relation = scan.Relation;
        return qualifier is null ? relation : relation with { Columns = relation.Columns.Select(c => c with { Qualifier = qualifier }).ToList() };
    }

    private (DataSource Source, string? Qualifier) ResolveSource(Read read)
    {
        if (read.Source is { } source) return (source, null);
        var name = read.TableName ?? throw new AlaSparkException("A read names neither files nor a table.");
        var resolve = _options.ResolveTable ?? throw new AlaSparkException(
            $"The table '{name}' can't be read: this engine has no catalog. Open a session with a lake root.");
        return (resolve(name), name.Split('.')[^1]);
    }

    /// <summary>Compiles a plan (public for tests and the CLI's explain).</summary>
    internal CompiledRelation Compile(Relation plan)
    {
        lock (_gate) return NewCompiler().Compile(plan);
    }

    /// <summary>Compiles a plan to run it: the secrets it reads are set as DuckDB variables first.</summary>
    private CompiledRelation CompileToRun(Relation plan)
    {
        var compiler = NewCompiler();
        _scansToRead = [];
        CompiledRelation compiled;
        try
        {
            compiled = compiler.Compile(plan);
            foreach (var scan in _scansToRead) scan.EnsureRead();
        }
        finally
        {
            _scansToRead = null;
        }
        foreach (var name in compiler.Expressions.RequiredSecrets)
            _connection.Execute($"SET VARIABLE {ExpressionCompiler.SecretVariable(name)} = {SqlText.String(_options.Settings.Secret(name)!)}");
        return compiled;
    }

    public StructType Schema(Relation plan) => Compile(plan).Schema;

    public IReadOnlyList<Row> Collect(Relation plan)
    {
        lock (_gate)
        {
            var compiled = CompileToRun(plan);
            var schema = compiled.Schema;
            var select = compiled.Columns.Count == 0 ? "1" : string.Join(", ", compiled.Columns.Select(c => SqlText.Ident(c.SqlName)));
            return _connection.QueryList($"SELECT {select} FROM (\n{compiled.Sql}\n) AS _result", reader =>
            {
                var values = new object?[compiled.Columns.Count];
                for (var i = 0; i < values.Length; i++) values[i] = ValueReader.Read(reader, i, compiled.Columns[i].Type);
                return new Row(schema, values);
            });
        }
    }

    public long Count(Relation plan)
    {
        lock (_gate)
        {
            var compiled = CompileToRun(plan);
            return Convert.ToInt64(_connection.Scalar($"SELECT count(*) FROM (\n{compiled.Sql}\n) AS _result"), CultureInfo.InvariantCulture);
        }
    }

    public string Explain(Relation plan)
    {
        var compiled = Compile(plan);
        return $"== Logical Plan ==\n{PlanPrinter.Print(plan)}\n== Schema ==\n{compiled.Schema.TreeString()}\n== DuckDB SQL ==\n{compiled.Sql}\n";
    }

    public FileWriteResult WriteFiles(Relation plan, FileWriteRequest request)
    {
        lock (_gate)
        {
            var location = Path.GetFullPath(request.Location);
            if (request.Overwrite)
                foreach (var read in PlanPrinter.Walk(plan).OfType<Read>())
                    foreach (var path in read.Source?.Paths ?? [])
                        if (Path.GetFullPath(path).StartsWith(location, StringComparison.Ordinal))
                            throw new AlaSparkException($"Cannot overwrite '{request.Location}': the same plan reads from it ({path}). Write to another location first.");
            return FileWriter.Write(_connection, CompileToRun(plan), request);
        }
    }

    public ScanReport? GetScanReport(Read source)
    {
        lock (_gate)
        {
            try
            {
                return _latestScans.TryGetValue(ResolveSource(source).Source, out var scan) ? scan.Report : null;
            }
            catch (AlaSparkException)
            {
                return null;
            }
        }
    }

    /// <summary>Forgets what was read, so the next query reads the files again (for re-runs and streaming).</summary>
    public void ClearScans()
    {
        lock (_gate)
        {
            foreach (var scan in _scans.Values)
                if (scan.TempTable is { } table)
                    _connection.Execute($"DROP TABLE IF EXISTS {SqlText.Ident(table)}");
            _scans.Clear();
            _latestScans.Clear();
        }
    }

    /// <summary>Forgets the reads of one source (a stream's micro-batch, once written), dropping what they hold.</summary>
    public void ReleaseScans(DataSource source)
    {
        lock (_gate)
        {
            foreach (var key in _scans.Keys.Where(k => k.Source == source).ToList())
            {
                if (_scans[key].TempTable is { } table) _connection.Execute($"DROP TABLE IF EXISTS {SqlText.Ident(table)}");
                _scans.Remove(key);
            }
            _latestScans.Remove(source);
        }
    }

    public void Dispose()
    {
        _connection.Dispose();
        try
        {
            if (Directory.Exists(_tempDirectory)) Directory.Delete(_tempDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A temporary folder left behind is harmless.
        }
    }
}
