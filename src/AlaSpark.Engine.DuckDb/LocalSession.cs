using AlaSpark.Logging;

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
            var log = new PipelineLog(context.Logger);
            log.SourceRead(source, report.Files.Count, report.RowsRead, report.RowsQuarantined, report.RowsDropped);
            if (report.RowsQuarantined > 0) log.BadRecordsQuarantined(source, report.RowsQuarantined, report.BadRecordsLocation!);
            if (report.RowsDropped > 0) log.BadRecordsDropped(source, report.RowsDropped, "malformed (BadRecords = Drop)");
        },
    });
}
