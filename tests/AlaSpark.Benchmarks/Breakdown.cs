using System.Globalization;
using System.Reflection;
using System.Text.RegularExpressions;
using AlaSpark.Config;
using AlaSpark.Engine.DuckDb;
using AlaSpark.Logging;
using DuckDB.NET.Data;
using WebEvents;

namespace AlaSpark.Benchmarks;

/// <summary>
/// Where side A's time goes, measured three ways:
/// <list type="number">
/// <item>Trace: one real pipeline run with DuckDB's query log on the engine's own connection. Each
/// statement's start time is logged, so a statement's span runs to the next one's start (C# work
/// between two statements lands in the span of the first).</item>
/// <item>Replay: the same statements, in order, on a fresh connection with the DuckDB profiler on
/// (what <c>EXPLAIN ANALYZE</c> shows) — time per statement and per operator; plus the engine's
/// C# quote-check pass over the files, called on its own.</item>
/// <item>Counterfactuals: the engine's work changed one thing at a time (no staging table, no
/// rejects, other dedup orderings, the baseline's expressions), to put numbers on suggestions.</item>
/// </list>
/// The engine is not changed: its connection and its quote check are reached by reflection.
/// </summary>
internal static partial class Breakdown
{
    private sealed record Statement(long StartUs, string Sql);

    private sealed record TraceResult(List<Statement> Statements, Metered Cost, TimeSpan SessionOpen, long RunStartUs, long RunEndUs, string Lake);

    /// <summary>A counterfactual: given a fresh connection and an output folder, do the work.</summary>
    private sealed record Variant(string Label, Action<DuckDBConnection, string> Work);

    public static void Run(IReadOnlyList<string> files, string csvFolder, string work, HarnessOptions options, TextWriter report)
    {
        Directory.CreateDirectory(work);
        var rounds = options.Runs;
        // Many short measurements here: wait less for a quiet machine than before the main runs.
        var quiet = TimeSpan.FromSeconds(Math.Min(options.QuietWaitSeconds, 20));
        void Quiet()
        {
            Measure.Settle();
            if (quiet > TimeSpan.Zero) Measure.WaitForQuiet(quiet);
        }
        report.WriteLine();
        report.WriteLine($"=== Breakdown of side A ({rounds} repetition(s) of each measurement; medians) ===");

        // 1. Trace.
        var traces = new List<TraceResult>();
        for (var i = 1; i <= rounds; i++)
        {
            Quiet();
            if (traces.Count > 0) Directory.Delete(traces[^1].Lake, recursive: true);
            traces.Add(Trace(csvFolder, Path.Combine(work, $"trace-lake-{i}")));
        }
        var last = traces[^1];
        var statements = last.Statements;
        report.WriteLine();
        report.WriteLine($"1. Trace of the pipeline (DuckDB's query log on the engine's own connection), {rounds} run(s): " +
                         $"median {Measure.Seconds(Measure.Median(traces.Select(t => t.Cost.Wall.TotalSeconds).ToList()))} wall, " +
                         $"{Measure.Seconds(Measure.Median(traces.Select(t => t.Cost.Cpu.TotalSeconds).ToList()))} CPU, " +
                         $"session open {Measure.Ms(Measure.Median(traces.Select(t => t.SessionOpen.TotalMilliseconds).ToList()))}.");
        report.WriteLine("   Statements of the last run; span = from a statement's start to the next one's (C# work in between counts in the span):");
        for (var i = 0; i < statements.Count; i++)
        {
            var end = i + 1 < statements.Count ? statements[i + 1].StartUs : last.RunEndUs;
            report.WriteLine($"   {Measure.Ms((end - statements[i].StartUs) / 1000.0),10}  {Abbreviate(statements[i].Sql)}");
        }
        var phaseNames = traces.SelectMany(t => Phases(t).Keys).Distinct().ToList();
        var phaseMedians = phaseNames.ToDictionary(p => p, p => Measure.Median(traces.Select(t => Phases(t).GetValueOrDefault(p)).ToList()));
        var runMedian = Measure.Median(traces.Select(t => (t.RunEndUs - t.RunStartUs) / 1000.0).ToList());
        report.WriteLine($"   By phase (median over the runs; % of the pipeline.Run median {Measure.Ms(runMedian)}):");
        foreach (var (phase, ms) in phaseMedians.OrderByDescending(p => p.Value))
            report.WriteLine($"   {Measure.Ms(ms),10}  {Measure.Percent(ms, runMedian),4}  {phase}");

        // 2. Replay with the profiler, and the quote check alone.
        report.WriteLine();
        report.WriteLine("2. The same statements replayed on a fresh connection with DuckDB's profiler on (the data of EXPLAIN ANALYZE); statements over 100 ms:");
        var profiles = Path.Combine(work, "profiles");
        Directory.CreateDirectory(profiles);
        string? scanTable = null, stagingSql = null, copySql = null, rejectsSql = null;
        Quiet();
        using (var replay = Db.Open(Path.Combine(work, "duckdb_tmp")))
        {
            var n = 0;
            foreach (var s in statements)
            {
                var phase = Classify(s.Sql);
                var (cost, profile) = Profiled(replay, s.Sql, Path.Combine(profiles, $"{++n:D2}.json"));
                if (phase == StagePhase)
                {
                    stagingSql = s.Sql;
                    scanTable = StagedTable().Match(s.Sql) is { Success: true } m ? m.Groups[1].Value : null;
                }
                if (phase == CopyPhase) copySql = s.Sql;
                if (phase == RejectsPhase) rejectsSql = s.Sql;
                if (cost.Wall.TotalMilliseconds < 100) continue;
                report.WriteLine($"   {Measure.Seconds(cost.Wall),9} wall {Measure.Seconds(cost.Cpu),9} CPU  {phase}");
                if (profile is not null) report.WriteLine($"                                 profile: {profile.Summary()}");
                if (phase == StagePhase)
                {
                    var memory = Db.Rows(replay, "SELECT tag, memory_usage_bytes FROM duckdb_memory() WHERE memory_usage_bytes > 0 ORDER BY 2 DESC");
                    report.WriteLine($"                                 DuckDB memory held by the staged rows: {string.Join(", ", memory.Select(r => $"{r[0]} {Measure.Bytes(Db.ToLong(r[1]))}"))}");
                }
            }
        }
        {
            var quote = Repeat(rounds, Quiet, () => QuoteCheck(files));
            report.WriteLine($"   {Measure.Seconds(Med(quote, q => q.Cost.Wall)),9} wall {Measure.Seconds(Med(quote, q => q.Cost.Cpu)),9} CPU  " +
                             $"quote-check pass: the engine's CsvQuoteCheck.FindUnterminated on each of the {files.Count} files, in parallel as the engine runs it; " +
                             $"{Measure.Bytes(quote[0].Allocated)} allocated (File.ReadAllBytes of every file)");
            var streamed = Repeat(rounds, Quiet, () => StreamingQuoteParity(files));
            report.WriteLine($"   {Measure.Seconds(Med(streamed, q => q.Cost.Wall)),9} wall {Measure.Seconds(Med(streamed, q => q.Cost.Cpu)),9} CPU  " +
                             $"(for comparison) the same quote-parity test streamed through a 1 MiB buffer per file; {Measure.Bytes(streamed[0].Allocated)} allocated");
        }

        // 3. Counterfactuals.
        if (stagingSql is null || copySql is null || scanTable is null)
        {
            report.WriteLine("   (counterfactuals skipped: the trace did not show the staging and COPY statements this breakdown expects)");
            return;
        }
        var read = stagingSql[stagingSql.IndexOf("read_csv(", StringComparison.Ordinal)..];
        var readNoRejects = StoreRejectsArgs().Replace(read, "");
        var stage = $"CREATE TEMP TABLE \"{scanTable}\" AS SELECT * FROM {read}";
        var staged = $"(SELECT event_id, user_email, event_type, page_url, event_time, user_agent, \"__alaspark_input_file\" AS filename FROM \"{scanTable}\")";
        const string FileOnly = "QUALIFY row_number() OVER (PARTITION BY event_id ORDER BY filename) = 1";
        var variants = new List<Variant>
        {
            new("A's statements, replayed (stage, rejects, count, the engine's COPY, describe)", (c, o) =>
            {
                foreach (var s in statements) Db.Execute(c, Classify(s.Sql) == CopyPhase ? Retarget(s.Sql, o) : s.Sql);
            }),
            new("  stage as A does, then the baseline's COPY over the staged table", (c, o) =>
            {
                Db.Execute(c, stage);
                Db.Execute(c, SqlSide.CopyStatement(files, o, staged));
            }),
            new("  same, dedup only the ids that occur more than once (a GROUP BY finds them; the rest skip the window)", (c, o) =>
            {
                Db.Execute(c, stage);
                Db.Execute(c, SqlSide.DuplicatesOnlyCopyStatement(o, staged, $"\"{scanTable}\""));
            }),
            new("  the engine's COPY reading read_csv directly (no temp table), then its rejects query", (c, o) =>
            {
                Db.Execute(c, Retarget(copySql, o).Replace($"FROM \"{scanTable}\"", $"FROM {read}", StringComparison.Ordinal));
                if (rejectsSql is not null) Db.Execute(c, rejectsSql);
            }),
            new("B, the baseline (one streaming COPY)", (c, o) => Db.Execute(c, SqlSide.CopyStatement(files, o))),
            new("  B with store_rejects off", (c, o) => Db.Execute(c, SqlSide.CopyStatement(files, o, SqlSide.ReadCsv(files, storeRejects: false)))),
            new("  B, dedup ORDER BY the file name only (instead of 8 columns)", (c, o) => Db.Execute(c, SqlSide.CopyStatement(files, o, dedup: FileOnly))),
            new("  B without dedup (lower bound, wrong result)", (c, o) => Db.Execute(c, SqlSide.CopyStatement(files, o, dedup: ""))),
            new("stage alone: CREATE TEMP TABLE from the engine's read_csv (store_rejects on)", (c, _) => Db.Execute(c, stage)),
            new("  stage alone, store_rejects off", (c, _) => Db.Execute(c, $"CREATE TEMP TABLE \"{scanTable}\" AS SELECT * FROM {readNoRejects}")),
            new("  scan alone: count(*) over the engine's read_csv", (c, _) => Db.Execute(c, $"SELECT count(*) FROM {read}")),
            new("source_filename over the staged rows, the engine's regexp_extract('file://' || path, '[^/]*$', 0) (stage excluded)", (c, _) => { }),
            new("source_filename over the staged rows, parse_filename(path) (stage excluded)", (c, _) => { }),
        };
        // The last two need a staged table outside the timing: measured separately below.
        var timedVariants = variants.Take(variants.Count - 2).ToList();
        report.WriteLine();
        report.WriteLine("3. Counterfactuals: one change at a time, each on a fresh connection, interleaved; median wall, median CPU (memory: see 4):");
        var outputs = Path.Combine(work, "counterfactuals");
        Directory.CreateDirectory(outputs);
        var samples = timedVariants.Select(_ => new List<Metered>()).ToList();
        var fingerprints = new string?[timedVariants.Count];
        var k = 0;
        for (var r = 0; r < rounds; r++)
        {
            for (var v = 0; v < timedVariants.Count; v++)
            {
                var output = Path.Combine(outputs, $"out-{++k:D3}");
                Quiet();
                using (var c = Db.Open(Path.Combine(work, "duckdb_tmp")))
                {
                    var meter = Meter.Start();
                    timedVariants[v].Work(c, output);
                    samples[v].Add(meter.Stop());
                }
                if (r == 0 && Directory.Exists(output)) fingerprints[v] = OutputCheck.Fingerprint(output);
                if (Directory.Exists(output)) Directory.Delete(output, recursive: true);
            }
        }
        var baseline = fingerprints[timedVariants.FindIndex(v => v.Label.StartsWith("B,", StringComparison.Ordinal))];
        for (var v = 0; v < timedVariants.Count; v++)
        {
            var same = fingerprints[v] is null ? "" : fingerprints[v] == baseline ? "; same rows as B" : $"; output differs from B: {fingerprints[v]}";
            report.WriteLine($"   {Measure.Seconds(Med(samples[v], m => m.Wall)),9} wall {Measure.Seconds(Med(samples[v], m => m.Cpu)),9} CPU  {timedVariants[v].Label}" +
                             $"  [others max {Measure.Load(samples[v].Max(m => m.OtherLoad))}{same}]");
        }
        using (var c = Db.Open(Path.Combine(work, "duckdb_tmp")))
        {
            Db.Execute(c, stage);
            foreach (var (label, expression) in new[]
                     {
                         (variants[^2].Label, "regexp_extract(('file://' || \"__alaspark_input_file\"), '[^/]*$', 0)"),
                         (variants[^1].Label, "parse_filename(\"__alaspark_input_file\")"),
                     })
            {
                var costs = Repeat(rounds, Quiet, () =>
                {
                    var meter = Meter.Start();
                    Db.Execute(c, $"SELECT max({expression}) FROM \"{scanTable}\"");
                    return (Cost: meter.Stop(), Allocated: 0L);
                });
                report.WriteLine($"   {Measure.Seconds(Med(costs, m => m.Cost.Wall)),9} wall {Measure.Seconds(Med(costs, m => m.Cost.Cpu)),9} CPU  {label}");
            }
        }
        Directory.Delete(outputs, recursive: true);

        // 4. Memory, each configuration alone in a child process.
        if (options.Children)
        {
            report.WriteLine();
            report.WriteLine("4. Peak memory, one child process each (cold: wall times include start-up and JIT); side A with a limit runs through PipelineDefinition.Run with alaspark.duckdb.memory_limit:");
            foreach (var (side, limit) in new (string, string?)[]
                     {
                         (SqlSide.StagedName, null), (AlaSparkSide.Name, "1GB"), (AlaSparkSide.Name, "1.5GB"), (SqlSide.Name, "1GB"),
                     })
            {
                var dir = Path.Combine(work, $"child-{side}-{limit ?? "default"}");
                Quiet();
                var r = ChildRun.Launch(side, csvFolder, dir, limit);
                var label = side switch
                {
                    AlaSparkSide.Name => "side A",
                    SqlSide.StagedName => "B staged like A (CREATE TEMP TABLE from read_csv, then B's COPY over it)",
                    _ => "side B",
                };
                report.WriteLine($"   {Measure.Bytes(r.PeakWorkingSet),9} peak  {label}, memory_limit {limit ?? "DuckDB default (80% of RAM)"}: " +
                                 $"{Measure.Seconds(r.ElapsedSeconds)} wall, {Measure.Seconds(r.CpuSeconds)} CPU, {Measure.Count(r.RowsWritten)} rows, others {Measure.Load(r.OtherLoad)}");
                Directory.Delete(dir, recursive: true);
            }
        }
    }

    private static double Med<T>(IEnumerable<T> items, Func<T, TimeSpan> value) => Measure.Median(items.Select(i => value(i).TotalSeconds).ToList());

    private static List<T> Repeat<T>(int rounds, Action before, Func<T> measure)
    {
        var list = new List<T>();
        for (var i = 0; i < rounds; i++)
        {
            before();
            list.Add(measure());
        }
        return list;
    }

    /// <summary>A trace's time per phase (ms): C# before the first query, then the statements' spans.</summary>
    private static Dictionary<string, double> Phases(TraceResult t)
    {
        var phases = new Dictionary<string, double>(StringComparer.Ordinal);
        var first = t.Statements.Count > 0 ? t.Statements[0].StartUs : t.RunEndUs;
        phases["plan, catalog (C#, before the first query)"] = (first - t.RunStartUs) / 1000.0;
        for (var i = 0; i < t.Statements.Count; i++)
        {
            var end = i + 1 < t.Statements.Count ? t.Statements[i + 1].StartUs : t.RunEndUs;
            var phase = Classify(t.Statements[i].Sql);
            phases[phase] = phases.GetValueOrDefault(phase) + (end - t.Statements[i].StartUs) / 1000.0;
        }
        return phases;
    }

    private const string StagePhase = "stage CSV into temp table (read_csv + store_rejects)";
    private const string RejectsPhase = "read rejects";
    private const string CopyPhase = "transform + dedup + write Parquet (COPY)";

    private static string Classify(string sql)
    {
        var s = sql.TrimStart();
        if (s.StartsWith("CREATE TEMP TABLE", StringComparison.OrdinalIgnoreCase) && s.Contains("read_csv(", StringComparison.Ordinal)) return StagePhase;
        if (s.StartsWith("SELECT s.file_path", StringComparison.Ordinal)) return RejectsPhase;
        if (s.StartsWith("DROP TABLE IF EXISTS", StringComparison.Ordinal) && s.Contains("reject", StringComparison.Ordinal))
            return "drop rejects tables + (C#) quote-check pass over the files";
        if (s.StartsWith("SELECT count(*) FROM \"alaspark_scan", StringComparison.Ordinal)) return "count staged rows (+ C#: bad-records handling)";
        if (s.StartsWith("COPY", StringComparison.OrdinalIgnoreCase)) return CopyPhase;
        if (s.Contains("parquet_file_metadata", StringComparison.Ordinal)) return "describe written files (+ C#: catalog update after the last)";
        return "other";
    }

    private static string Abbreviate(string sql)
    {
        var flat = Whitespace().Replace(sql, " ").Trim();
        return flat.Length <= 110 ? flat : flat[..107] + "...";
    }

    /// <summary>The COPY statement writing to another folder.</summary>
    private static string Retarget(string copySql, string folder)
    {
        var m = CopyTarget().Match(copySql);
        if (!m.Success) throw new InvalidOperationException("The engine's COPY statement has an unexpected shape: " + Abbreviate(copySql));
        return copySql[..m.Groups[1].Index] + Db.Str(folder) + copySql[(m.Groups[1].Index + m.Groups[1].Length)..];
    }

    private static (Metered Cost, DuckDbProfile? Profile) Profiled(DuckDBConnection connection, string sql, string profileFile)
    {
        Db.Execute(connection, "PRAGMA enable_profiling = 'json'");
        Db.Execute(connection, $"PRAGMA profiling_output = {Db.Str(profileFile)}");
        var meter = Meter.Start();
        Db.Execute(connection, sql);
        var cost = meter.Stop();
        Db.Execute(connection, "PRAGMA disable_profiling");
        return (cost, DuckDbProfile.TryLoad(profileFile));
    }

    /// <summary>One run of the pipeline with DuckDB's query log on; the statements it ran, with start times.</summary>
    private static TraceResult Trace(string csvFolder, string lake)
    {
        var pipeline = WebEventsPipeline.Create();
        var meter = Meter.Start();
        using var session = LocalSession.Create(new SessionOptions
        {
            LakeRoot = lake,
            Config = JobConfig.Parse(AlaSparkSide.ConfigText(csvFolder), "breakdown.toml"),
        });
        var opened = meter.Elapsed;
        var connection = EngineConnection(session.Engine);
        Db.Execute(connection, "CALL enable_logging('QueryLog')");
        var runStart = NowUs();
        pipeline.Run(new PipelineContext(session, PipelineLog.None));
        var runEnd = NowUs();
        var cost = meter.Stop();
        var statements = Db.Rows(connection, "SELECT epoch_us(timestamp), message FROM duckdb_logs WHERE type = 'QueryLog' ORDER BY timestamp")
            .Select(r => new Statement(Db.ToLong(r[0]), (string)r[1]!))
            .Where(s => s.StartUs >= runStart && s.StartUs <= runEnd)
            .ToList();
        return new TraceResult(statements, cost, opened, runStart, runEnd, lake);
    }

    private static long NowUs() => (DateTime.UtcNow - DateTime.UnixEpoch).Ticks / 10;

    /// <summary>The engine's DuckDB connection (a private field; reflection, for measuring only).</summary>
    private static DuckDBConnection EngineConnection(IEngine engine)
    {
        var field = engine.GetType().GetField("_connection", BindingFlags.NonPublic | BindingFlags.Instance);
        return field?.GetValue(engine) as DuckDBConnection
               ?? throw new InvalidOperationException($"The engine {engine.GetType().Name} has no DuckDB connection field '_connection' (the engine changed; update Breakdown.EngineConnection).");
    }

    /// <summary>The engine's quote check, called as <c>FileScanner.UnterminatedAtEnd</c> calls it (one file per task).</summary>
    private static (Metered Cost, long Allocated) QuoteCheck(IReadOnlyList<string> files)
    {
        var type = typeof(LocalSession).Assembly.GetType("AlaSpark.Engine.DuckDb.Scans.CsvQuoteCheck")
                   ?? throw new InvalidOperationException("The engine has no CsvQuoteCheck type (update Breakdown.QuoteCheck).");
        var method = type.GetMethod("FindUnterminated", BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static)
                     ?? throw new InvalidOperationException("CsvQuoteCheck has no FindUnterminated method (update Breakdown.QuoteCheck).");
        var before = GC.GetTotalAllocatedBytes(precise: true);
        var meter = Meter.Start();
        Parallel.For(0, files.Count, i => method.Invoke(null, [files[i], '"', '"']));
        var cost = meter.Stop();
        return (cost, GC.GetTotalAllocatedBytes(precise: true) - before);
    }

    /// <summary>The same parity test (an odd number of quotes means one is left open) without loading whole files.</summary>
    private static (Metered Cost, long Allocated) StreamingQuoteParity(IReadOnlyList<string> files)
    {
        var before = GC.GetTotalAllocatedBytes(precise: true);
        var odd = 0;
        var meter = Meter.Start();
        Parallel.For(0, files.Count, i =>
        {
            var buffer = new byte[1 << 20];
            using var stream = new FileStream(files[i], FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.SequentialScan);
            long quotes = 0;
            int read;
            while ((read = stream.Read(buffer, 0, buffer.Length)) > 0) quotes += buffer.AsSpan(0, read).Count((byte)'"');
            if (quotes % 2 == 1) Interlocked.Increment(ref odd);
        });
        var cost = meter.Stop();
        if (odd > 0) throw new InvalidOperationException($"{odd} generated file(s) have an unbalanced quote; the benchmark data should have none.");
        return (cost, GC.GetTotalAllocatedBytes(precise: true) - before);
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    [GeneratedRegex("^CREATE TEMP TABLE \"([^\"]+)\"")]
    private static partial Regex StagedTable();

    [GeneratedRegex(@"\)\s+TO\s+('(?:[^']|'')*')\s+\(")]
    private static partial Regex CopyTarget();

    [GeneratedRegex(@",\s*(store_rejects|rejects_table|rejects_scan)\s*=\s*('(?:[^']|'')*'|true|false)")]
    private static partial Regex StoreRejectsArgs();
}
