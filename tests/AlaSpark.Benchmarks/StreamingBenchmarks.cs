using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using System.Text;
using AlaSpark.Catalog;
using AlaSpark.Delta;
using AlaSpark.Engine.DuckDb;
using AlaSpark.Types;

namespace AlaSpark.Benchmarks;

/// <summary>
/// Timed benchmarks of streaming on the embedded engine (a Stopwatch harness, medians with their targets and PASS/FAIL).
/// <code>dotnet run -c Release --project tests/AlaSpark.Benchmarks -- streaming [--quick] [--keep]</code>
/// 1. the overhead of a micro-batch of one small CSV file (an available-now run per new file, into Delta), against
///    the same one-file read and Delta append as a batch pipeline, in the same process: target a median under 50 ms;
/// 2. 100 CSV files of 50,000 rows as a stream against the same files as one batch: target 1.3x with the default limits
///    (every available file in one micro-batch); then smaller micro-batches (10 and 1 files), each also against the same
///    groups of files written by as many batch-pipeline runs.
/// Exit code 0 unless something throws (a FAIL against a target does not change the exit code).
/// </summary>
public static class StreamingBenchmarks
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;
    private static readonly StructType Schema = StructType.FromDdl("id BIGINT, name STRING, amount DOUBLE, day DATE");

    public static int Run(string[] args)
    {
        var quick = args.Contains("--quick");
        var root = Path.Combine(Path.GetTempPath(), "alaspark-stream-bench-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(root);
        var optimized = typeof(StreamingBenchmarks).Assembly.GetCustomAttribute<DebuggableAttribute>()?.IsJITOptimizerDisabled != true;
        Console.WriteLine($"AlaSpark streaming benchmarks ({(quick ? "quick" : "full")}), .NET {Environment.Version}, {Environment.ProcessorCount} CPUs, " +
                          (optimized ? "optimized build" : "unoptimized build (figures are not meaningful: use -c Release)") + $"; scratch {root}");
        Console.WriteLine();
        var exitCode = 1;
        try
        {
            using var session = LocalSession.Create(new SessionOptions { LakeRoot = Path.Combine(root, "lake") });
            session.Catalog.CreateDatabaseIfNotExists("raw__bench");
            SmallBatchOverhead(session, root, quick);
            StreamVsBatch(session, root, quick);
            exitCode = 0;
        }
        catch (Exception e) when (e is AlaSparkException or IOException or InvalidOperationException)
        {
            Console.Error.WriteLine($"ERROR: {e}");
        }
        if (!args.Contains("--keep") && Directory.Exists(root))
            try { Directory.Delete(root, recursive: true); }
            catch (IOException e) { Console.Error.WriteLine($"note: the scratch folder {root} was not deleted ({e.Message})"); }
        return exitCode;
    }

    private static SourceTable RawTable(AlaSparkSession session, string name, string folder)
    {
        Directory.CreateDirectory(folder);
        session.Catalog.CreateOrUpdateTable(new CatalogTable("raw__bench", name, folder, "csv", Schema, properties: [new("header", "true")]));
        return session.Catalog.Database("raw__bench").Table(name);
    }

    /// <summary>Writes a CSV file of <paramref name="rows"/> rows aside, then moves it in (so a stream never sees it half-written).</summary>
    private static void WriteCsv(string path, long firstId, int rows)
    {
        var text = new StringBuilder("id,name,amount,day\n");
        for (var i = 0; i < rows; i++)
        {
            var id = firstId + i;
            text.Append(id.ToString(Inv)).Append(",name-").Append((id % 997).ToString(Inv)).Append(',')
                .Append((id % 10_000 / 100.0).ToString(Inv)).Append(",2026-01-").Append((1 + id % 28).ToString("00", Inv)).Append('\n');
        }
        var temp = path + ".partial";
        File.WriteAllText(temp, text.ToString());
        File.SetLastWriteTimeUtc(temp, DateTime.UtcNow.AddMinutes(-1));
        File.Move(temp, path);
    }

    /// <summary>
    /// Drops the engine's cached scan of a batch read (a stream does so after each batch): otherwise reading the same
    /// files again reuses the first parse, and the batch side would be timed without reading the CSV.
    /// </summary>
    private static void ForgetScans(AlaSparkSession session, ProcessedTable read)
    {
        if (session.Engine is not IMicroBatchEngine engine) return;
        foreach (var node in Plan.PlanPrinter.Walk(read.DataFrame.Plan).OfType<Plan.Read>())
            if (node.Source is { } source) engine.ReleaseScans(source);
    }

    private static string Verdict(bool pass) => pass ? "PASS" : "FAIL";

    // ---------------------------------------------------------------- 1. one small file per batch

    private static void SmallBatchOverhead(AlaSparkSession session, string root, bool quick)
    {
        int runs = quick ? 15 : 60, warmup = 3, rows = 10;
        Console.WriteLine($"[1] A micro-batch of one small CSV file ({rows} rows) into Delta: {runs} runs after {warmup} warm-up runs, each a new file and an available-now query");
        var streamTable = RawTable(session, "small_stream", Path.Combine(root, "small_stream"));
        var batchFolder = Path.Combine(root, "small_batch");
        var batchTable = RawTable(session, "small_batch", batchFolder);
        var checkpoint = Path.Combine(root, "checkpoints", "small");
        var cooked = session.Catalog.Database("cooked__bench");
        List<double> batchMs = [], runMs = [], plainMs = [];
        for (var i = 0; i < warmup + runs; i++)
        {
            WriteCsv(Path.Combine(root, "small_stream", $"f{i:D5}.csv"), i * rows, rows);
            var watch = Stopwatch.StartNew();
            var query = streamTable.Read<CsvStreamReader>(r => r.FileStableAfter = TimeSpan.Zero)
                .Write<DeltaStreamWriter>(cooked, new StreamWriteOptions { CheckpointLocation = checkpoint, TableName = "small_stream" });
            query.AwaitTermination();
            var run = watch.Elapsed.TotalMilliseconds;
            if (query.RecentProgress.Count != 1 || query.LastProgress!.NumInputRows != rows)
                throw new InvalidOperationException($"run {i} made {query.RecentProgress.Count} batch(es) of {query.LastProgress?.NumInputRows} rows; expected one batch of {rows}");

            // The baseline: the same one-file read and Delta append as a batch pipeline.
            foreach (var old in Directory.GetFiles(batchFolder)) File.Delete(old);
            WriteCsv(Path.Combine(batchFolder, $"f{i:D5}.csv"), i * rows, rows);
            watch.Restart();
            var read = batchTable.Read<CsvReader>();
            read.Write<DeltaWriter>(cooked, new WriteOptions { TableName = "small_batch" });
            var plain = watch.Elapsed.TotalMilliseconds;
            ForgetScans(session, read);
            if (i < warmup) continue;
            batchMs.Add(query.LastProgress.DurationMs["triggerExecution"]);
            runMs.Add(run);
            plainMs.Add(plain);
        }
        var batch = Measure.Median(batchMs);
        var whole = Measure.Median(runMs);
        var plainMedian = Measure.Median(plainMs);
        Console.WriteLine($"    stream batch (triggerExecution): median {batch:F1} ms (min {batchMs.Min():F1}, max {batchMs.Max():F1})  target < 50 ms: {Verdict(batch < 50)}");
        Console.WriteLine($"    whole available-now run (query start, listing, batch, stop): median {whole:F1} ms");
        Console.WriteLine($"    batch pipeline, same file: median {plainMedian:F1} ms");
        Console.WriteLine($"    overhead of streaming: batch {batch / plainMedian:F2}x ({batch - plainMedian:+0.0;-0.0} ms), whole run {whole / plainMedian:F2}x ({whole - plainMedian:+0.0;-0.0} ms)");
        Console.WriteLine();
    }

    // ---------------------------------------------------------------- 2. many files: stream vs batch

    private static void StreamVsBatch(AlaSparkSession session, string root, bool quick)
    {
        int files = quick ? 20 : 100, rowsPerFile = quick ? 10_000 : 50_000, reps = quick ? 2 : 5;
        int[] smallerBatches = quick ? [5] : [10, 1];
        var folder = Path.Combine(root, "many");
        var generate = Stopwatch.StartNew();
        var table = RawTable(session, "many", folder);
        for (var f = 0; f < files; f++) WriteCsv(Path.Combine(folder, $"part-{f:D4}.csv"), (long)f * rowsPerFile, rowsPerFile);
        var bytes = Directory.GetFiles(folder).Sum(f => new FileInfo(f).Length);
        long total = (long)files * rowsPerFile;
        Console.WriteLine($"[2] {files} CSV files of {rowsPerFile:N0} rows ({total:N0} rows, {bytes / 1e6:F0} MB, made in {generate.Elapsed.TotalSeconds:F1} s) into Delta: a stream vs one batch, median of {reps}");
        var cooked = session.Catalog.Database("cooked__bench");

        // One untimed run of each warms the engine up.
        var batch = Measure.Median(Timed(reps, r =>
        {
            var read = table.Read<CsvReader>();
            var written = read.Write<DeltaWriter>(cooked, new WriteOptions { TableName = $"batch_{r}" });
            if (written.Rows != total) throw new InvalidOperationException($"the batch wrote {written.Rows} rows; expected {total}");
            ForgetScans(session, read);
        }));
        Console.WriteLine($"    one batch: median {batch:F2} s ({total / batch / 1e6:F2} M rows/s)");

        // The target: the files as a stream with the default limits (every file available in one micro-batch, as
        // Spark's default maxFilesPerTrigger of 1,000 takes them).
        var (stream, _) = Stream(session, table, cooked, root, files, null, reps, total);
        Console.WriteLine($"    stream, default limits: median {stream:F2} s, {stream / batch:F2}x the batch  target <= 1.3x: {Verdict(stream / batch <= 1.3)}");

        // Smaller micro-batches, against the same groups of files written by as many batch-pipeline runs (a job per arrival).
        foreach (var limit in smallerBatches)
        {
            var groups = GroupTables(session, root, folder, files, limit);
            var perGroup = Measure.Median(Timed(reps, r =>
            {
                foreach (var group in groups)
                {
                    var read = group.Read<CsvReader>();
                    read.Write<DeltaWriter>(cooked, new WriteOptions { TableName = $"groups_{limit}_{r}" });
                    ForgetScans(session, read);
                }
            }));
            var (small, progress) = Stream(session, table, cooked, root, files, limit, reps, total);
            Console.WriteLine($"    stream, maxFilesPerTrigger {limit} ({progress.Count} micro-batches): median {small:F2} s, {small / batch:F2}x the one batch; " +
                              $"the same {groups.Count} groups as {groups.Count} batch-pipeline runs: {perGroup:F2} s, stream {small / perGroup:F2}x those");
            var phases = progress.SelectMany(p => p.DurationMs).GroupBy(d => d.Key).Select(g => $"{g.Key} {g.Sum(d => d.Value)}");
            Console.WriteLine($"      time per phase over the micro-batches of the last run (ms): {string.Join(", ", phases)}");
        }
        Console.WriteLine();
    }

    /// <summary>Runs <paramref name="action"/> once untimed, then <paramref name="reps"/> times; the seconds of the timed runs.</summary>
    private static List<double> Timed(int reps, Action<int> action)
    {
        var seconds = new List<double>();
        for (var r = 0; r <= reps; r++)
        {
            var watch = Stopwatch.StartNew();
            action(r);
            if (r > 0) seconds.Add(watch.Elapsed.TotalSeconds);
        }
        return seconds;
    }

    /// <summary>The median seconds of an available-now stream over the folder, and the progress of its last run.</summary>
    private static (double Seconds, IReadOnlyList<StreamingQueryProgress> Progress) Stream(
        AlaSparkSession session, SourceTable table, DatabaseRef cooked, string root, int files, int? limit, int reps, long total)
    {
        IReadOnlyList<StreamingQueryProgress> last = [];
        var name = limit?.ToString(Inv) ?? "default";
        var seconds = Timed(reps, r =>
        {
            var query = table.Read<CsvStreamReader>(s =>
            {
                s.FileStableAfter = TimeSpan.Zero;
                if (limit is { } l) s.MaxFilesPerTrigger = l;
            }).Write<DeltaStreamWriter>(cooked, new StreamWriteOptions
            {
                CheckpointLocation = Path.Combine(root, "checkpoints", $"many_{name}_{r}"),
                TableName = $"stream_{name}_{r}",
                ProgressToKeep = files,
            });
            query.AwaitTermination();
            var rows = query.RecentProgress.Sum(p => p.NumInputRows);
            if (rows != total) throw new InvalidOperationException($"the stream read {rows} rows; expected {total}");
            last = query.RecentProgress;
        });
        return (Measure.Median(seconds), last);
    }

    /// <summary>The files in groups of <paramref name="size"/> (copied into a folder each), one raw table per group.</summary>
    private static List<SourceTable> GroupTables(AlaSparkSession session, string root, string folder, int files, int size)
    {
        var tables = new List<SourceTable>();
        for (var g = 0; g * size < files; g++)
        {
            var groupFolder = Path.Combine(root, $"groups_{size}", $"g{g:D4}");
            var table = RawTable(session, $"group_{size}_{g}", groupFolder);
            for (var f = g * size; f < Math.Min(files, (g + 1) * size); f++)
            {
                var name = $"part-{f:D4}.csv";
                File.Copy(Path.Combine(folder, name), Path.Combine(groupFolder, name));
                File.SetLastWriteTimeUtc(Path.Combine(groupFolder, name), DateTime.UtcNow.AddMinutes(-1));
            }
            tables.Add(table);
        }
        return tables;
    }
}
