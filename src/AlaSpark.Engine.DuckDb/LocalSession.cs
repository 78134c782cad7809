namespace AlaSpark.Engine.DuckDb;

/// <summary>Opens sessions on the embedded engine (DuckDB in process, catalog and tables under the lake root).</summary>
public static class LocalSession
{
    public static AlaSparkSession Create(SessionOptions? options = null) =>
        new(options ?? new SessionOptions(), CreateEngine);

    /// <summary>The engine factory behind <see cref="Create"/>, for code that builds sessions itself.</summary>
    public static IEngine CreateEngine(EngineContext context) => new DuckDbEngine(new DuckDbEngineOptions
    {
        Settings = EngineSettings.FromConf(context.Conf) with { Secret = context.Secret },
        BadRecordsPath = context.BadRecordsPath,
        ResolveTable = context.ResolveTable,
        MemoryLimit = context.Conf("alaspark.duckdb.memory_limit"),
        OnScanned = (source, report) =>
        {
            context.Logger.Information(
                "Read {Source}: {Files} file(s), {RowsRead} rows read, {RowsPassed} passed on, {RowsQuarantined} quarantined, {RowsDropped} dropped",
                source, report.Files.Count, report.RowsRead, report.RowsPassed, report.RowsQuarantined, report.RowsDropped);
            if (report.RowsQuarantined > 0)
                context.Logger.Warning("{Count} malformed row(s) from {Source} were quarantined under {Location}",
                    report.RowsQuarantined, source, report.BadRecordsLocation);
        },
    });
}
