using System.Diagnostics;
using System.Globalization;

namespace AlaSpark.Benchmarks;

/// <summary>What one measured piece of work cost.</summary>
/// <param name="Wall">Elapsed (wall-clock) time.</param>
/// <param name="Cpu">CPU time of this process (all threads, user + system) — robust to other load on the machine.</param>
/// <param name="Peak">Peak resident set of this process during the work (null where it can't be reset).</param>
/// <param name="OtherLoad">Share of the machine's CPU capacity used by OTHER processes meanwhile (null off Linux).</param>
internal sealed record Metered(TimeSpan Wall, TimeSpan Cpu, long? Peak, double? OtherLoad);

/// <summary>Measures one piece of work: wall time, this process's CPU time, peak memory, other processes' load.</summary>
internal sealed class Meter
{
    private readonly System.Diagnostics.Stopwatch _watch;
    private readonly TimeSpan _cpu0;
    private readonly long? _busy0;
    private readonly bool _resettable;

    private Meter()
    {
        _resettable = Measure.TryResetPeak();
        _busy0 = Measure.MachineBusyTicks();
        _cpu0 = Measure.CpuTime();
        _watch = System.Diagnostics.Stopwatch.StartNew();
    }

    public static Meter Start() => new();

    public TimeSpan Elapsed => _watch.Elapsed;

    public Metered Stop()
    {
        _watch.Stop();
        var cpu = Measure.CpuTime() - _cpu0;
        var busy1 = Measure.MachineBusyTicks();
        double? other = null;
        if (_busy0 is { } b0 && busy1 is { } b1 && _watch.Elapsed > TimeSpan.Zero)
        {
            var othersSeconds = (b1 - b0) / (double)Measure.TicksPerSecond - cpu.TotalSeconds;
            other = Math.Clamp(othersSeconds / (_watch.Elapsed.TotalSeconds * Environment.ProcessorCount), 0, 1);
        }
        return new Metered(_watch.Elapsed, cpu, _resettable ? Measure.PeakWorkingSet() : null, other);
    }
}

/// <summary>Peak memory of this process, CPU accounting, and the formatting the report uses.</summary>
internal static class Measure
{
    public const long GiB = 1L << 30;
    public const long MiB = 1L << 20;

    /// <summary>The process's peak working set so far (on Linux: VmHWM, the peak resident set).</summary>
    public static long PeakWorkingSet()
    {
        using var process = Process.GetCurrentProcess();
        return process.PeakWorkingSet64;
    }

    private static long _observedPeak;

    /// <summary>The process's peak working set since it started, across resets by <see cref="TryResetPeak"/>.</summary>
    public static long ProcessPeak() => Math.Max(_observedPeak, PeakWorkingSet());

    public static long WorkingSet()
    {
        using var process = Process.GetCurrentProcess();
        return process.WorkingSet64;
    }

    /// <summary>
    /// Resets the peak resident set to the current one (Linux: <c>echo 5 &gt; /proc/self/clear_refs</c>), so
    /// the next <see cref="PeakWorkingSet"/> is the peak since now. False where that isn't possible.
    /// </summary>
    public static bool TryResetPeak()
    {
        if (!OperatingSystem.IsLinux()) return false;
        try
        {
            _observedPeak = ProcessPeak();
            File.WriteAllText("/proc/self/clear_refs", "5");
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    /// <summary>Collects garbage and flushes written files, so one run's leftovers don't land in the next.</summary>
    public static void Settle()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        try
        {
            using var sync = Process.Start(new ProcessStartInfo("sync") { UseShellExecute = false });
            sync?.WaitForExit();
        }
        catch (System.ComponentModel.Win32Exception)
        {
            // No sync command: dirty pages are flushed by the kernel in its own time.
        }
    }

    public static TimeSpan CpuTime()
    {
        using var process = Process.GetCurrentProcess();
        return process.TotalProcessorTime;
    }

    /// <summary>Clock ticks per second of /proc/stat (USER_HZ; 100 on Linux).</summary>
    public const int TicksPerSecond = 100;

    /// <summary>CPU time all processes have spent busy since boot, in /proc/stat ticks; null off Linux.</summary>
    public static long? MachineBusyTicks()
    {
        try
        {
            var line = File.ReadLines("/proc/stat").First();
            var f = line.Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(long.Parse).ToArray();
            // user nice system idle iowait irq softirq steal ...: busy = all but idle and iowait.
            return f.Length < 8 ? null : f[0] + f[1] + f[2] + f[5] + f[6] + f[7];
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException or InvalidOperationException)
        {
            return null;
        }
    }

    /// <summary>
    /// Waits (up to <paramref name="max"/>) until other processes use less than <paramref name="threshold"/>
    /// of the machine's CPU over a one-second sample. Returns the time waited and the last load seen.
    /// </summary>
    public static (TimeSpan Waited, double? Load) WaitForQuiet(TimeSpan max, double threshold = 0.10)
    {
        var watch = Stopwatch.StartNew();
        double? load;
        do
        {
            var meter = Meter.Start();
            Thread.Sleep(1000);
            load = meter.Stop().OtherLoad;
        } while (load is { } l && l >= threshold && watch.Elapsed < max);
        return (watch.Elapsed, load);
    }

    public static double Median(IReadOnlyList<double> values)
    {
        if (values.Count == 0) throw new ArgumentException("No values.", nameof(values));
        var sorted = values.Order().ToArray();
        var mid = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }

    public static string Seconds(double seconds) => seconds.ToString("0.00", CultureInfo.InvariantCulture) + " s";

    public static string Seconds(TimeSpan t) => Seconds(t.TotalSeconds);

    public static string Ms(double ms) => ms.ToString("#,0", CultureInfo.InvariantCulture) + " ms";

    public static string Bytes(long bytes) => bytes >= GiB
        ? (bytes / (double)GiB).ToString("0.00", CultureInfo.InvariantCulture) + " GiB"
        : (bytes / (double)MiB).ToString("0", CultureInfo.InvariantCulture) + " MiB";

    public static string Count(long n) => n.ToString("N0", CultureInfo.InvariantCulture);

    public static string Ratio(double r) => r.ToString("0.00", CultureInfo.InvariantCulture);

    public static string Load(double? load) => load is { } l ? (100 * l).ToString("0", CultureInfo.InvariantCulture) + "%" : "n/a";

    public static string Percent(double part, double whole) =>
        whole <= 0 ? "-" : (100 * part / whole).ToString("0", CultureInfo.InvariantCulture) + "%";

    public static string Invariant(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
