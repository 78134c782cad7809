using AlaSpark.Plan;

namespace AlaSpark.Engine.DuckDb.Scans;

/// <summary>Spark's reader options, read case-insensitively with Spark's defaults.</summary>
internal sealed class ReadOptions(ValueMap options, string format)
{
    public string Format { get; } = format;

    public string? Get(params string[] keys) => keys.Select(options.Get).FirstOrDefault(v => v is not null);

    public bool Bool(string key, bool defaultValue)
    {
        var value = Get(key);
        if (value is null) return defaultValue;
        if (bool.TryParse(value, out var b)) return b;
        throw new AlaSparkException($"The {Format} option '{key}' must be true or false, not '{value}'.");
    }

    public char Char(string key, char defaultValue)
    {
        var value = Get(key);
        if (value is null) return defaultValue;
        if (value == "\\t") return '\t';
        if (value.Length != 1) throw new AlaSparkException($"The {Format} option '{key}' must be a single character, not '{value}'.");
        return value[0];
    }

    /// <summary>PERMISSIVE (quarantine when a bad-records path is set), DROPMALFORMED or FAILFAST.</summary>
    public string Mode
    {
        get
        {
            var mode = (Get("mode") ?? "PERMISSIVE").ToUpperInvariant();
            return mode is "PERMISSIVE" or "DROPMALFORMED" or "FAILFAST"
                ? mode
                : throw new AlaSparkException($"The {Format} option 'mode' must be PERMISSIVE, DROPMALFORMED or FAILFAST, not '{mode}'.");
        }
    }

    public string? BadRecordsPath => Get("badRecordsPath");
}
