using System.Globalization;
using System.Runtime.InteropServices;
using System.Text.Json;
using WebEvents.Generator;

namespace AlaSpark.Benchmarks;

/// <summary>
/// The timed harness: generate the data once, warm both sides up on a small data set, run A and B
/// interleaved (A, B, A, B, ...), check that both wrote the same rows, measure each side's own peak
/// memory in a child process, and report medians, the ratio and the targets.
/// </summary>
internal static class Harness
{
    public const double RatioTarget = 1.25;
    public const long MemoryTarget = 2 * Measure.GiB;

    /// <summary>The job config side A runs with: none of the sample's settings (no salt, engine defaults).</summary>
    public const string ConfigText = "# AlaSpark benchmark: an empty job config (no hash salt, engine defaults).\n";

    public const int OutputMismatch = 3;

    public static int Run(HarnessOptions options, TextWriter report)
    {
        var workGiven = options.Work is not null;
        var work = Path.GetFullPath(options.Work ?? Path.Combine(Path.GetTempPath(), "alaspark-bench-" + Guid.NewGuid().ToString("N")[..8]));
        var workExisted = Directory.Exists(work);
        Directory.CreateDirectory(work);
        var created = new List<string>();
        string Sub(string name)
        {
            var path = Path.Combine(work, name);
            created.Add(path);
            return path;
        }
        try
        {
            return Measured(options, work, Sub, report);
        }
        finally
        {
            if (options.Keep)
            {
                report.WriteLine($"Work folder kept: {work}");
            }
            else
            {
                foreach (var path in created.Where(Directory.Exists)) TryDelete(path);
                if (!workExisted) TryDelete(work);
                report.WriteLine(workGiven && workExisted
                    ? $"Removed what the harness wrote under {work} (--keep keeps it)."
                    : $"Work folder removed (--keep keeps it): {work}");
            }
        }
    }

    private static int Measured(HarnessOptions options, string work, Func<string, string> sub, TextWriter report)
    {
        var duckDbVersion = DuckDbVersion();
        report.WriteLine("AlaSpark benchmark: WebEvents raw_to_cooked, AlaSpark pipeline (A) vs one hand-written DuckDB statement (B)");
        report.WriteLine($"  machine   {Environment.ProcessorCount} logical CPUs{CpuModel()}, {Measure.Bytes(GC.GetGCMemoryInfo().TotalAvailableMemoryBytes)} RAM, {RuntimeInformation.OSDescription}");
        report.WriteLine($"  runtime   {RuntimeInformation.FrameworkDescription}, DuckDB {duckDbVersion}, {(IsOptimized() ? "Release" : "DEBUG build (figures not representative)")}");
        report.WriteLine($"  work      {work}");

        // Data, generated once (reused from a kept work folder when the options match).
        var csv = sub("csv");
        var data = Generate(csv, options.Rows, options.Files, report);
        var files = data.Files;
        var inputBytes = files.Sum(f => new FileInfo(f).Length);
        report.WriteLine($"  data      {Measure.Count(options.Rows)} rows in {files.Count} CSV files, {Measure.Bytes(inputBytes)}; " +
                         $"{Measure.Count(data.DuplicateRows)} duplicates, {Measure.Count(data.DistinctEventIds)} distinct event ids expected out");
        var config = sub("bench.toml");
        File.WriteAllText(config, ConfigText);
        report.WriteLine();

        // Warm-up: JIT, DuckDB's first use, the file cache.
        var warmCsv = sub("warmup-csv");
        Generate(warmCsv, Math.Min(options.WarmupRows, options.Rows), Math.Min(options.Files, 4), TextWriter.Null);
        var warmRuns = sub("warmup-runs");
        var warmA = AlaSparkSide.Run(warmCsv, Path.Combine(warmRuns, "a"), config);
        var warmB = SqlSide.Run(Directory.GetFiles(warmCsv, "*.csv").Order(StringComparer.Ordinal).ToList(), Path.Combine(warmRuns, "b"), Path.Combine(warmRuns, "tmp"));
        report.WriteLine($"Warm-up on {Measure.Count(Math.Min(options.WarmupRows, options.Rows))} rows: A {Measure.Seconds(warmA.Elapsed)}, B {Measure.Seconds(warmB.Elapsed)} (not counted)");
        Directory.Delete(warmRuns, recursive: true);

        // Measured runs, interleaved.
        var runs = sub("runs");
        var a = new List<RunResult>();
        var b = new List<RunResult>();
        var quiet = TimeSpan.FromSeconds(options.QuietWaitSeconds);
        report.WriteLine($"Measured runs ({options.Runs} of each side, interleaved A/B; 'others' = CPU share used by other processes during the run):");
        for (var r = 1; r <= options.Runs; r++)
        {
            foreach (var side in new[] { AlaSparkSide.Name, SqlSide.Name })
            {
                var list = side == AlaSparkSide.Name ? a : b;
                var folder = Path.Combine(runs, $"{side}-{r}");
                Measure.Settle();
                var waited = quiet > TimeSpan.Zero ? Measure.WaitForQuiet(quiet).Waited : TimeSpan.Zero;
                var result = side == AlaSparkSide.Name
                    ? AlaSparkSide.Run(csv, Path.Combine(folder, "lake"), config)
                    : SqlSide.Run(files, Path.Combine(folder, "parquet"), Path.Combine(folder, "duckdb_tmp"));
                var open = result.SessionOpen is { } o ? $", session open {Measure.Ms(o.TotalMilliseconds)}" : "";
                var peak = result.Cost.Peak is { } p ? $", peak RSS {Measure.Bytes(p)}" : "";
                var wait = waited > TimeSpan.FromSeconds(1.5) ? $" (waited {Measure.Seconds(waited)} for a quiet machine)" : "";
                report.WriteLine($"  run {r} {(side == AlaSparkSide.Name ? "A" : "B")}: {Measure.Seconds(result.Cost.Wall)} wall, {Measure.Seconds(result.Cost.Cpu)} CPU" +
                                 $"{open}, {Measure.Count(result.RowsWritten)} rows{peak}, others {Measure.Load(result.Cost.OtherLoad)}{wait}");
                // Keep only the last output of each side, for the check.
                if (r > 1) TryDelete(Path.Combine(runs, $"{side}-{r - 1}"));
                list.Add(result);
            }
        }
        var processPeak = Measure.ProcessPeak();

        // Each side alone in a child process, for its own peak memory.
        ChildResult? childA = null, childB = null;
        if (options.Children)
        {
            var childDir = sub("children");
            Measure.Settle();
            if (quiet > TimeSpan.Zero) Measure.WaitForQuiet(quiet);
            childA = ChildRun.Launch(AlaSparkSide.Name, csv, Path.Combine(childDir, "a"));
            Measure.Settle();
            if (quiet > TimeSpan.Zero) Measure.WaitForQuiet(quiet);
            childB = ChildRun.Launch(SqlSide.Name, csv, Path.Combine(childDir, "b"));
            Directory.Delete(childDir, recursive: true);
        }

        // Same rows?
        report.WriteLine();
        var same = OutputCheck.Run(a[^1].Output, b[^1].Output, data.DistinctEventIds, report);

        // Summary.
        var wallA = a.Select(x => x.Cost.Wall.TotalSeconds).ToList();
        var wallB = b.Select(x => x.Cost.Wall.TotalSeconds).ToList();
        var cpuA = a.Select(x => x.Cost.Cpu.TotalSeconds).ToList();
        var cpuB = b.Select(x => x.Cost.Cpu.TotalSeconds).ToList();
        var (medianA, medianB) = (Measure.Median(wallA), Measure.Median(wallB));
        var ratio = medianA / medianB;
        var cpuRatio = Measure.Median(cpuA) / Measure.Median(cpuB);
        string All(IEnumerable<double> t) => string.Join(", ", t.Select(Measure.Seconds));
        report.WriteLine();
        report.WriteLine("Results");
        report.WriteLine($"  rows             {Measure.Count(options.Rows)} in, {Measure.Count(a[^1].RowsWritten)} out");
        report.WriteLine($"  files            {files.Count} CSV files, {Measure.Bytes(inputBytes)} ({Measure.Count(inputBytes)} bytes)");
        report.WriteLine($"  A AlaSpark       median {Measure.Seconds(medianA)} wall (runs: {All(wallA)}; best {Measure.Seconds(wallA.Min())})");
        report.WriteLine($"                   median {Measure.Seconds(Measure.Median(cpuA))} CPU (runs: {All(cpuA)})");
        report.WriteLine("                   timed: AlaSparkApp.Run([\"run\", \"raw_to_cooked\", \"--lake\", ...]) whole, INCLUDING session open " +
                         $"(median {Measure.Ms(Measure.Median(a.Select(x => x.SessionOpen!.Value.TotalMilliseconds).ToList()))}); the source is read in place from the config's source_path");
        report.WriteLine($"  B DuckDB SQL     median {Measure.Seconds(medianB)} wall (runs: {All(wallB)}; best {Measure.Seconds(wallB.Min())})");
        report.WriteLine($"                   median {Measure.Seconds(Measure.Median(cpuB))} CPU (runs: {All(cpuB)})");
        report.WriteLine("                   timed: open an in-memory DuckDB connection, run the one COPY statement, count rejects");
        report.WriteLine($"  ratio A/B        {Measure.Ratio(ratio)} wall (medians; best/best {Measure.Ratio(wallA.Min() / wallB.Min())}), {Measure.Ratio(cpuRatio)} CPU");
        report.WriteLine($"  throughput       A {Throughput(options.Rows, inputBytes, medianA)}, B {Throughput(options.Rows, inputBytes, medianB)}");
        var maxOther = a.Concat(b).Max(x => x.Cost.OtherLoad ?? 0);
        if (maxOther >= 0.10)
            report.WriteLine($"  WARNING          other processes used up to {Measure.Load(maxOther)} of the CPUs during a run: wall times are noisy; the CPU ratio is the steadier figure");
        report.WriteLine($"  peak memory      this process (A and B, all runs): {Measure.Bytes(processPeak)}");
        if (a[^1].Cost.Peak is not null)
            report.WriteLine($"                   per run in this process (peak RSS reset before each run; includes what earlier runs left allocated): A max {Measure.Bytes(a.Max(x => x.Cost.Peak!.Value))}, B max {Measure.Bytes(b.Max(x => x.Cost.Peak!.Value))}");
        if (childA is not null && childB is not null)
        {
            report.WriteLine($"                   child process, side A alone: {Measure.Bytes(childA.PeakWorkingSet)} (its run, cold process: {Measure.Seconds(childA.ElapsedSeconds)} wall, {Measure.Seconds(childA.CpuSeconds)} CPU)");
            report.WriteLine($"                   child process, side B alone: {Measure.Bytes(childB.PeakWorkingSet)} (its run, cold process: {Measure.Seconds(childB.ElapsedSeconds)} wall, {Measure.Seconds(childB.CpuSeconds)} CPU)");
        }
        report.WriteLine("Targets");
        report.WriteLine($"  time             A/B = {Measure.Ratio(ratio)} <= {Measure.Ratio(RatioTarget)} (median wall times): {(ratio <= RatioTarget ? "PASS" : "FAIL")}" +
                         $"   [CPU time: {Measure.Ratio(cpuRatio)}: {(cpuRatio <= RatioTarget ? "pass" : "fail")}]");
        var memoryA = childA?.PeakWorkingSet ?? processPeak;
        var memorySource = childA is null ? "this process's peak (both sides; run without --no-children for A alone)" : "side A's own peak (child process)";
        report.WriteLine($"  memory           {Measure.Bytes(memoryA)} < {Measure.Bytes(MemoryTarget)}: {(memoryA < MemoryTarget ? "PASS" : "FAIL")}  ({memorySource})");
        report.WriteLine($"  output check     {(same ? "PASS" : "FAIL")}");

        if (options.Breakdown) Breakdown.Run(files, csv, sub("breakdown"), options, report);
        return same ? 0 : OutputMismatch;
    }

    private static string Throughput(long rows, long bytes, double seconds) =>
        Measure.Invariant($"{rows / seconds / 1e6:0.00} M rows/s, {bytes / seconds / Measure.MiB:0} MiB/s");

    /// <summary>What was generated into a folder, as recorded next to the files.</summary>
    private sealed record Generated(int Rows, int FileCount, int Seed, double DuplicateRate, int DuplicateRows, int DistinctEventIds, long Bytes)
    {
        public IReadOnlyList<string> Files { get; init; } = [];
    }

    // Hidden from the engine's folder listing (a leading '_' as in Spark), so side A reads only the CSV files.
    private const string GeneratedMarker = "_generated.json";

    /// <summary>Generates the CSV files, or reuses those of a kept work folder generated with the same options.</summary>
    private static Generated Generate(string folder, int rows, int fileCount, TextWriter report)
    {
        var options = new GenerationOptions { Rows = rows, Files = fileCount, MalformedRows = false, DuplicateRate = 0.02 };
        var marker = Path.Combine(folder, GeneratedMarker);
        if (File.Exists(marker) && JsonSerializer.Deserialize<Generated>(File.ReadAllText(marker)) is { } earlier
            && earlier.Rows == rows && earlier.FileCount == fileCount && earlier.Seed == options.Seed && earlier.DuplicateRate.Equals(options.DuplicateRate))
        {
            var existing = Enumerable.Range(1, fileCount).Select(i => Path.Combine(folder, WebEventGenerator.FileName(i))).ToList();
            if (existing.All(File.Exists) && existing.Sum(f => new FileInfo(f).Length) == earlier.Bytes)
            {
                report.WriteLine($"  generate  reusing the CSV files in {folder}");
                return earlier with { Files = existing };
            }
        }
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var summary = WebEventGenerator.Generate(folder, options);
        var bytes = summary.Files.Sum(f => new FileInfo(f).Length);
        var generated = new Generated(rows, fileCount, options.Seed, options.DuplicateRate, summary.DuplicateRows, summary.DistinctEventIds, bytes) { Files = summary.Files };
        File.WriteAllText(marker, JsonSerializer.Serialize(generated with { Files = [] }));
        report.WriteLine($"  generate  {Measure.Seconds(watch.Elapsed)} (WebEventGenerator, seed {options.Seed}, no malformed rows, duplicate rate {options.DuplicateRate.ToString(CultureInfo.InvariantCulture)})");
        return generated;
    }

    private static string DuckDbVersion()
    {
        using var connection = Db.Open();
        return (string)Db.Execute(connection, "SELECT version()")!;
    }

    private static string CpuModel()
    {
        try
        {
            var line = File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal));
            return line is null ? "" : $" ({line[(line.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim()})";
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return "";
        }
    }

    private static bool IsOptimized() =>
        typeof(Harness).Assembly.GetCustomAttributes(typeof(System.Diagnostics.DebuggableAttribute), false)
            .OfType<System.Diagnostics.DebuggableAttribute>().All(d => !d.IsJITOptimizerDisabled);

    private static void TryDelete(string path)
    {
        try
        {
            if (Directory.Exists(path)) Directory.Delete(path, recursive: true);
            else if (File.Exists(path)) File.Delete(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine($"warning: could not delete {path}: {e.Message}");
        }
    }
}
