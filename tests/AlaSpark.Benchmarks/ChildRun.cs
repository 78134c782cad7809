using System.Diagnostics;
using System.Text.Json;

namespace AlaSpark.Benchmarks;

/// <summary>What a child process reports: one side's run, alone in its process.</summary>
internal sealed record ChildResult(string Side, double ElapsedSeconds, double CpuSeconds, long PeakWorkingSet, long RowsWritten, string? MemoryLimit, double? OtherLoad);

/// <summary>
/// Runs one side in a child process (<c>dotnet &lt;harness dll&gt; --side ...</c>) so that its peak working
/// set is its own: in the harness's process, the peak is that of whichever side used more.
/// </summary>
internal static class ChildRun
{
    private const string Marker = "##alaspark-bench-result ";

    /// <summary>Child mode: run the side once, print the result line, exit.</summary>
    public static int RunSide(HarnessOptions options)
    {
        var csv = Path.GetFullPath(options.Csv!);
        var output = Path.GetFullPath(options.Out!);
        Directory.CreateDirectory(output);
        RunResult result;
        if (options.Side == AlaSparkSide.Name)
        {
            var config = Path.Combine(output, "bench.toml");
            File.WriteAllText(config, Harness.ConfigText);
            result = AlaSparkSide.Run(csv, Path.Combine(output, "lake"), config, options.MemoryLimit);
        }
        else
        {
            var files = Directory.GetFiles(csv, "*.csv").Order(StringComparer.Ordinal).ToList();
            result = SqlSide.Run(files, Path.Combine(output, "parquet"), Path.Combine(output, "duckdb_tmp"), options.MemoryLimit,
                staged: options.Side == SqlSide.StagedName);
        }
        // Measured after the run; nothing big is allocated after it.
        var child = new ChildResult(options.Side!, result.Cost.Wall.TotalSeconds, result.Cost.Cpu.TotalSeconds, Measure.ProcessPeak(),
            result.RowsWritten, options.MemoryLimit, result.Cost.OtherLoad);
        Console.WriteLine(Marker + JsonSerializer.Serialize(child));
        return 0;
    }

    /// <summary>Launches this harness as a child running one side; returns what it reported.</summary>
    public static ChildResult Launch(string side, string csvFolder, string outFolder, string? memoryLimit = null)
    {
        var dll = typeof(ChildRun).Assembly.Location;
        var host = Environment.ProcessPath is { } p && Path.GetFileNameWithoutExtension(p) == "dotnet" ? p : "dotnet";
        var start = new ProcessStartInfo(host)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var a in new[] { dll, "--side", side, "--csv", csvFolder, "--out", outFolder })
            start.ArgumentList.Add(a);
        if (memoryLimit is not null)
        {
            start.ArgumentList.Add("--memory-limit");
            start.ArgumentList.Add(memoryLimit);
        }
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {host}.");
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        var line = stdout.Split('\n').Select(l => l.TrimEnd('\r')).LastOrDefault(l => l.StartsWith(Marker, StringComparison.Ordinal));
        if (process.ExitCode != 0 || line is null)
            throw new InvalidOperationException($"The child run of side '{side}' failed (exit code {process.ExitCode}):\n{stdout}\n{stderr.Result}");
        return JsonSerializer.Deserialize<ChildResult>(line[Marker.Length..])
               ?? throw new InvalidOperationException($"The child run of side '{side}' printed an unreadable result: {line}");
    }
}
