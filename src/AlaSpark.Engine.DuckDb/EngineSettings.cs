namespace AlaSpark.Engine.DuckDb;

/// <summary>Settings of the embedded engine that change results (Spark's SQL configuration).</summary>
public sealed record EngineSettings
{
    /// <summary><c>spark.sql.ansi.enabled</c>: true (Spark 4's default) makes invalid casts, division
    /// by zero and out-of-range indexes errors; false makes them null.</summary>
    public bool AnsiEnabled { get; init; } = true;

    /// <summary>Secrets by name (the hash salt); their values never appear in plans or SQL text.</summary>
    public Func<string, string?> Secret { get; init; } = _ => null;

    /// <summary>Reads Spark SQL settings from a configuration lookup (<c>spark.sql.ansi.enabled</c>).</summary>
    public static EngineSettings FromConf(Func<string, string?> lookup)
    {
        var ansi = lookup("spark.sql.ansi.enabled");
        return new EngineSettings { AnsiEnabled = ansi is null || !ansi.Equals("false", StringComparison.OrdinalIgnoreCase) };
    }
}
