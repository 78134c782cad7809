using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using AlaSpark.Delta;
using AlaSpark.Delta.Actions;
using AlaSpark.Delta.Log;
using AlaSpark.Delta.Writing;
using AlaSpark.Engine.DuckDb;
using AlaSpark.Types;
using DuckDB.NET.Data;
using static AlaSpark.Functions;

namespace AlaSpark.Benchmarks;

/// <summary>
/// Timed benchmarks of AlaSpark.Delta (a Stopwatch harness: warm-up runs, then several timed repetitions,
/// the median reported with its target and PASS/FAIL).
/// <code>dotnet run -c Release --project tests/AlaSpark.Benchmarks -- delta [--quick] [--keep]</code>
/// 1. cold snapshot load of a 10,000-commit table with a checkpoint at 9,990 (and without the checkpoint);
/// 2. commit overhead of a one-file append (no data written) on a table of ~100 versions;
/// 3. reading a Delta table vs reading its Parquet files directly (count, and a full aggregation).
/// Exit code 0 unless something throws (a FAIL against a target does not change the exit code).
/// </summary>
public static class DeltaBenchmarks
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static int Run(string[] args)
    {
        var quick = args.Contains("--quick");
        var keep = args.Contains("--keep");
        var root = Path.Combine(Path.GetTempPath(), "alaspark-delta-bench-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(root);
        Console.WriteLine($"AlaSpark Delta benchmarks ({(quick ? "quick" : "full")}), .NET {Environment.Version}, {Environment.ProcessorCount} CPUs, " +
                          $"{(Debugger.IsAttached ? "debugger attached, " : "")}{Build}; scratch {root}");
        Console.WriteLine();
        try
        {
            SnapshotLoad(Path.Combine(root, "snapshot"), quick);
            CommitOverhead(Path.Combine(root, "commit"), quick);
            ReadDeltaVsParquet(root, quick);
            return 0;
        }
        catch (Exception e)
        {
            Console.Error.WriteLine($"ERROR: {e}");
            return 1;
        }
        finally
        {
            if (!keep)
                try { Directory.Delete(root, recursive: true); }
                catch (IOException) { }
                catch (UnauthorizedAccessException) { }
        }
    }

    private static string Build =>
#if DEBUG
        "Debug build (figures are not meaningful: use -c Release)";
#else
        "Release build";
#endif

    // ---------------------------------------------------------------- 1. snapshot load

    private static void SnapshotLoad(string path, bool quick)
    {
        const int commits = 10_000;
        const long checkpointAt = 9_990;
        Console.WriteLine($"[1] Snapshot load of a {commits:N0}-commit table (versions 0..{commits - 1:N0}, one fake add per commit)");
        var build = Stopwatch.StartNew();
        var table = BuildLongLog(path, commits);
        var logTime = build.Elapsed;
        CheckpointWriter.Write(table, checkpointAt);
        Console.WriteLine($"    built in {build.Elapsed.TotalSeconds:F1} s ({logTime.TotalSeconds:F1} s for the commits, the rest for the checkpoint at {checkpointAt:N0})");

        var check = DeltaTable.ForPath(path).LatestSnapshot();
        if (check.Version != commits - 1 || check.Files.Count != commits - 1 || check.CheckpointVersion != checkpointAt)
            throw new InvalidOperationException($"Unexpected snapshot: version {check.Version}, {check.Files.Count} files, checkpoint {check.CheckpointVersion}.");

        var reps = quick ? 5 : 20;
        var withCheckpoint = Measure(3, reps, () => DeltaTable.ForPath(path).LatestSnapshot());
        Report($"cold LatestSnapshot(), checkpoint at {checkpointAt:N0} + 9 JSON commits", withCheckpoint, 200);

        // The same table without its checkpoint: a replay of every JSON commit.
        File.Delete(table.Log.LogFile(LogFileName.ClassicCheckpoint(checkpointAt)));
        File.Delete(table.Log.LogFile(LogFileName.LastCheckpoint));
        check = DeltaTable.ForPath(path).LatestSnapshot();
        if (check.Version != commits - 1 || check.Files.Count != commits - 1 || check.CheckpointVersion is not null)
            throw new InvalidOperationException($"Unexpected snapshot without checkpoint: version {check.Version}, {check.Files.Count} files, checkpoint {check.CheckpointVersion}.");
        var noCheckpoint = Measure(1, quick ? 3 : 10, () => DeltaTable.ForPath(path).LatestSnapshot());
        Report($"cold LatestSnapshot(), no checkpoint (replay of {commits:N0} JSON commits)", noCheckpoint, null);
        Console.WriteLine($"    checkpoint speed-up: {noCheckpoint.Median / withCheckpoint.Median:F1}x");
        Console.WriteLine();
    }

    /// <summary>
    /// Version 0 through <see cref="DeltaTable.Create"/>, then commits 1..n-1 written straight to the log store, each
    /// a <c>commitInfo</c> and one small <c>add</c> (serialized by the action classes, as the committer does) for a
    /// file that does not exist: snapshot loading never opens data files. Going through the committer would load
    /// a snapshot per commit (quadratic without checkpoints).
    /// </summary>
    private static DeltaTable BuildLongLog(string path, int commits)
    {
        var table = DeltaTable.Create(path, StructType.FromDdl("id BIGINT, s STRING"));
        var start = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() - commits * 1000L;
        var text = new StringBuilder();
        for (long v = 1; v < commits; v++)
        {
            var ts = start + v * 1000;
            text.Clear();
            text.Append(new JsonObject
            {
                [CommitInfo.Key] = new JsonObject
                {
                    ["timestamp"] = ts,
                    ["operation"] = "WRITE",
                    ["operationParameters"] = new JsonObject { ["mode"] = "Append", ["partitionBy"] = "[]" },
                    ["readVersion"] = v - 1,
                    ["isolationLevel"] = "Serializable",
                    ["isBlindAppend"] = true,
                    ["operationMetrics"] = new JsonObject { ["numFiles"] = "1", ["numOutputRows"] = "10", ["numOutputBytes"] = "512" },
                    ["engineInfo"] = DeltaCommitter.EngineInfo,
                },
            }.ToJsonString()).Append('\n');
            var add = new AddFile($"part-{v:D5}-{Guid.NewGuid():N}.c000.snappy.parquet", new Dictionary<string, string?>(), 512, ts, DataChange: true,
                Stats: $"{{\"numRecords\":10,\"minValues\":{{\"id\":{v * 10},\"s\":\"a\"}},\"maxValues\":{{\"id\":{v * 10 + 9},\"s\":\"z\"}},\"nullCount\":{{\"id\":0,\"s\":0}}}}");
            text.Append(add.ToJsonLine()).Append('\n');
            table.Store.PutIfAbsent(table.Log.LogFile(LogFileName.Commit(v)), Encoding.UTF8.GetBytes(text.ToString()));
        }
        return table;
    }

    // ---------------------------------------------------------------- 2. commit overhead

    private static void CommitOverhead(string path, bool quick)
    {
        const int initialVersions = 100;
        var timed = quick ? 50 : 200;
        Console.WriteLine($"[2] Commit overhead of a one-file append (StartTransaction + AddFile + Commit, no data written), table of ~{initialVersions} versions, checkpoint every 10");
        DeltaTable.Create(path, StructType.FromDdl("id BIGINT, s STRING, d DATE"), ["d"]);
        var table = DeltaTable.ForPath(path);
        var n = 0;
        CommitResult CommitOne()
        {
            n++;
            var txn = table.StartTransaction();
            txn.AddFile(new AddFile($"d=2024-01-0{n % 9 + 1}/part-{n:D5}-{Guid.NewGuid():N}.c000.snappy.parquet",
                new Dictionary<string, string?> { ["d"] = $"2024-01-0{n % 9 + 1}" }, 512, DateTimeOffset.UtcNow.ToUnixTimeMilliseconds(), DataChange: true,
                Stats: $"{{\"numRecords\":10,\"minValues\":{{\"id\":{n * 10},\"s\":\"a\"}},\"maxValues\":{{\"id\":{n * 10 + 9},\"s\":\"z\"}},\"nullCount\":{{\"id\":0,\"s\":0}}}}"));
            return txn.Commit("WRITE", new Dictionary<string, string?> { ["mode"] = "Append", ["partitionBy"] = "[\"d\"]" },
                new Dictionary<string, long> { ["numFiles"] = 1, ["numOutputRows"] = 10, ["numOutputBytes"] = 512 });
        }
        while (table.LatestSnapshot().Version < initialVersions - 1) CommitOne(); // untimed set-up (and warm-up)

        var plain = new List<double>();
        var crossing = new List<double>();
        var first = table.LatestSnapshot().Version + 1;
        for (var i = 0; i < timed; i++)
        {
            var sw = Stopwatch.StartNew();
            var result = CommitOne();
            var ms = sw.Elapsed.TotalMilliseconds;
            (result.Checkpoint is null ? plain : crossing).Add(ms);
            if (result.CheckpointError is { } error) throw new InvalidOperationException($"Checkpoint at {result.Version} failed: {error}");
        }
        var last = table.LatestSnapshot().Version;
        Console.WriteLine($"    timed versions {first}..{last}");
        Report($"commit, no checkpoint crossed ({plain.Count} commits)", Stats.Of(plain), 20);
        Report($"commit that writes a checkpoint ({crossing.Count} commits)", Stats.Of(crossing), 20);
        Report($"commit, all {plain.Count + crossing.Count} timed commits", Stats.Of(plain.Concat(crossing)), 20);
        Console.WriteLine();
    }

    // ---------------------------------------------------------------- 3. Delta vs Parquet

    private static void ReadDeltaVsParquet(string root, bool quick)
    {
        var rows = quick ? 200_000 : 5_000_000;
        var reps = quick ? 3 : 5;
        Console.WriteLine($"[3] Reading a Delta table of {rows:N0} rows vs reading its Parquet files directly (id bigint, s string, x double, d date partition of 10 values)");
        var source = Path.Combine(root, "source.parquet");
        var tablePath = Path.Combine(root, "lake", "events_delta");
        var build = Stopwatch.StartNew();
        // The rows, generated by DuckDB into one scratch Parquet file ...
        using (var connection = new DuckDBConnection("DataSource=:memory:"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText =
                "COPY (SELECT CAST(i AS BIGINT) AS id, 'user-' || CAST(hash(i) % 100000 AS VARCHAR) AS s, " +
                "CAST(DATE '2024-01-01' + CAST(i % 10 AS INTEGER) AS DATE) AS d, CAST((hash(i * 7) % 1000000) AS DOUBLE) / 100.0 AS x " +
                $"FROM range({rows.ToString(Inv)}) AS t(i)) TO '{source.Replace("'", "''")}' (FORMAT parquet)";
            command.ExecuteNonQuery();
        }

        using var session = LocalSession.Create(new SessionOptions { LakeRoot = Path.Combine(root, "lake") });
        // ... written once, through the engine, as the Delta table's data files, and committed.
        var written = DeltaWriter.WriteToPath(session.Read.Parquet(source), tablePath, new WriteOptions { Mode = WriteMode.Overwrite, PartitionBy = ["d"] });
        var files = DeltaTable.ForPath(tablePath).LatestSnapshot().Files.Select(f => f.Path).ToArray();
        Console.WriteLine($"    wrote {written.Rows:N0} rows in {written.Files} files ({written.Bytes / 1048576.0:F1} MiB) in {build.Elapsed.TotalSeconds:F1} s");

        DataFrame Delta() => session.Read.Format("delta").Load(tablePath);
        DataFrame Parquet() => session.Read.Parquet(files); // the very files of the snapshot; d from the hive-style folder names

        // Same answers first.
        var (dc, pc) = (Delta().Count(), Parquet().Count());
        if (dc != rows || pc != rows) throw new InvalidOperationException($"Counts differ: delta {dc}, parquet {pc}, expected {rows}.");
        var da = Canonical(Aggregate(Delta()).Collect());
        var pa = Canonical(Aggregate(Parquet()).Collect());
        if (da != pa) throw new InvalidOperationException($"Aggregations differ:\ndelta:\n{da}\nparquet:\n{pa}");

        var (countDelta, countParquet) = Interleaved(1, reps, () => Delta().Count(), () => Parquet().Count());
        Report("count(*), Delta", countDelta, null);
        Report("count(*), Parquet", countParquet, null);
        ReportRatio("count(*), Delta / Parquet", countDelta, countParquet, 1.1);

        var (aggDelta, aggParquet) = Interleaved(1, reps, () => Aggregate(Delta()).Collect(), () => Aggregate(Parquet()).Collect());
        Report("aggregation by d, Delta", aggDelta, null);
        Report("aggregation by d, Parquet", aggParquet, null);
        ReportRatio("aggregation by d, Delta / Parquet", aggDelta, aggParquet, 1.1);
        Console.WriteLine("    (aggregation: sum(id), count(DISTINCT s), sum(x), min(x), max(x), count(*) grouped by d)");
        Console.WriteLine();
    }

    private static DataFrame Aggregate(DataFrame df) =>
        df.GroupBy("d").Agg(
            Sum(Col("id")).Alias("sum_id"),
            Expr("count(DISTINCT s)").Alias("distinct_s"),
            Sum(Col("x")).Alias("sum_x"),
            Min(Col("x")).Alias("min_x"),
            Max(Col("x")).Alias("max_x"),
            Count(Lit(1)).Alias("n"));

    private static string Canonical(IReadOnlyList<Row> rows) =>
        string.Join("\n", rows.Select(r => string.Join("|", Enumerable.Range(0, r.Length).Select(i => r[i] switch
        {
            double d => Math.Round(d, 2).ToString("R", Inv),
            DateOnly d => d.ToString("yyyy-MM-dd", Inv),
            DateTime d => d.ToString("yyyy-MM-dd", Inv),
            var o => Convert.ToString(o, Inv),
        }))).Order(StringComparer.Ordinal));

    // ---------------------------------------------------------------- harness

    private sealed record Stats(double Median, double Min, double Max, int Count)
    {
        public static Stats Of(IEnumerable<double> samples)
        {
            var sorted = samples.Order().ToArray();
            if (sorted.Length == 0) return new Stats(double.NaN, double.NaN, double.NaN, 0);
            var mid = sorted.Length / 2;
            var median = sorted.Length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
            return new Stats(median, sorted[0], sorted[^1], sorted.Length);
        }
    }

    private static Stats Measure(int warmups, int reps, Action action)
    {
        for (var i = 0; i < warmups; i++) action();
        var samples = new double[reps];
        for (var i = 0; i < reps; i++)
        {
            Settle();
            var sw = Stopwatch.StartNew();
            action();
            samples[i] = sw.Elapsed.TotalMilliseconds;
        }
        return Stats.Of(samples);
    }

    /// <summary>A and B alternately (ABBA order, so neither always runs second), each timed alone.</summary>
    private static (Stats A, Stats B) Interleaved<T>(int warmups, int reps, Func<T> a, Func<T> b)
    {
        for (var i = 0; i < warmups; i++) { a(); b(); }
        var sa = new List<double>();
        var sb = new List<double>();
        double Time(Func<T> f)
        {
            Settle();
            var sw = Stopwatch.StartNew();
            GC.KeepAlive(f());
            return sw.Elapsed.TotalMilliseconds;
        }
        for (var i = 0; i < reps; i++)
        {
            if (i % 2 == 0) { sa.Add(Time(a)); sb.Add(Time(b)); }
            else { sb.Add(Time(b)); sa.Add(Time(a)); }
        }
        return (Stats.Of(sa), Stats.Of(sb));
    }

    private static void Settle()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
    }

    private static void Report(string what, Stats s, double? targetMs)
    {
        var verdict = targetMs is { } t ? $"target < {t.ToString("0.##", Inv)} ms  {(s.Median < t ? "PASS" : "FAIL")}" : "(for comparison)";
        if (s.Count == 0) verdict = "(no samples)";
        Console.WriteLine($"    {what,-72} median {Ms(s.Median),10}  [min {Ms(s.Min)}, max {Ms(s.Max)}, n={s.Count}]  {verdict}");
    }

    private static void ReportRatio(string what, Stats a, Stats b, double target)
    {
        var ratio = a.Median / b.Median;
        Console.WriteLine($"    {what,-72} ratio  {ratio.ToString("F2", Inv) + "x",10}  (medians {Ms(a.Median)} / {Ms(b.Median)})  target <= {target.ToString("0.0#", Inv)}x  {(ratio <= target ? "PASS" : "FAIL")}");
    }

    private static string Ms(double ms) => double.IsNaN(ms) ? "-" : ms.ToString(ms < 10 ? "F2" : "F1", Inv) + " ms";
}
