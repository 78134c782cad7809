using System.Text.Json;

namespace AlaSpark.Benchmarks;

/// <summary>One operator kind's share of a profiled query (times summed over threads).</summary>
internal sealed record OperatorTime(string Name, double Seconds, long Rows);

/// <summary>
/// A query profile written by DuckDB (<c>PRAGMA enable_profiling = 'json'</c>, the data behind
/// <c>EXPLAIN ANALYZE</c>): wall latency, CPU time, peak buffer memory and time per operator.
/// </summary>
internal sealed record DuckDbProfile(double Latency, double CpuTime, long PeakBufferMemory, IReadOnlyList<OperatorTime> Operators)
{
    public static DuckDbProfile? TryLoad(string path)
    {
        if (!File.Exists(path)) return null;
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        var root = document.RootElement;
        var byName = new Dictionary<string, (double Seconds, long Rows)>(StringComparer.Ordinal);
        void Walk(JsonElement node)
        {
            if (node.TryGetProperty("operator_name", out var name) && name.GetString() is { Length: > 0 } n)
            {
                var seconds = node.TryGetProperty("operator_timing", out var t) ? t.GetDouble() : 0;
                var rows = node.TryGetProperty("operator_cardinality", out var c) ? c.GetInt64() : 0;
                var label = Label(n, node);
                var sum = byName.GetValueOrDefault(label);
                byName[label] = (sum.Seconds + seconds, sum.Rows + rows);
            }
            if (node.TryGetProperty("children", out var children))
                foreach (var child in children.EnumerateArray()) Walk(child);
        }
        Walk(root);
        return new DuckDbProfile(
            Number(root, "latency"),
            Number(root, "cpu_time"),
            root.TryGetProperty("system_peak_buffer_memory", out var m) ? m.GetInt64() : 0,
            byName.Select(kv => new OperatorTime(kv.Key, kv.Value.Seconds, kv.Value.Rows)).OrderByDescending(o => o.Seconds).ToList());
    }

    private static double Number(JsonElement e, string name) => e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number ? v.GetDouble() : 0;

    /// <summary>The operator's name, with the function it scans (READ_CSV, parquet) or the window it computes.</summary>
    private static string Label(string name, JsonElement node)
    {
        if (!node.TryGetProperty("extra_info", out var extra) || extra.ValueKind != JsonValueKind.Object) return name;
        if (extra.TryGetProperty("Function", out var f) && f.ValueKind == JsonValueKind.String) return $"{name} ({f.GetString()})";
        if (extra.TryGetProperty("Table", out var t) && t.ValueKind == JsonValueKind.String) return $"{name} ({t.GetString()})";
        return name;
    }

    /// <summary>"latency 8.1 s, cpu 14.2 s; READ_CSV 40%, WINDOW 30%, ...".</summary>
    public string Summary(int top = 5)
    {
        var total = Operators.Sum(o => o.Seconds);
        var parts = Operators.Take(top).Where(o => o.Seconds > 0)
            .Select(o => $"{o.Name} {Measure.Seconds(o.Seconds)} ({Measure.Percent(o.Seconds, total)})");
        return $"latency {Measure.Seconds(Latency)}, operator CPU {Measure.Seconds(total)}, peak buffer memory {Measure.Bytes(PeakBufferMemory)}; " +
               string.Join(", ", parts);
    }
}
