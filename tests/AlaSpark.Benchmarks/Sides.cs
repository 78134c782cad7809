using AlaSpark.Catalog;
using AlaSpark.Engine.DuckDb;
using AlaSpark.Logging;
using AlaSpark.Types;
using WebEvents;

namespace AlaSpark.Benchmarks;

/// <summary>One timed run of one side.</summary>
/// <param name="Side">A (alaspark) or B (sql).</param>
/// <param name="Cost">Wall time, CPU time, peak memory of the run (as the report defines the run for the side).</param>
/// <param name="Output">The folder holding the written (partitioned) Parquet files.</param>
/// <param name="SessionOpen">Side A: time to open the session (engine, DuckDB, catalog) — part of the run's time.</param>
/// <param name="RowsWritten">Rows written (counted from the Parquet footers after the run).</param>
internal sealed record RunResult(string Side, Metered Cost, string Output, TimeSpan? SessionOpen, long RowsWritten)
{
    public TimeSpan Elapsed => Cost.Wall;
}

/// <summary>
/// Side A: the WebEvents pipeline as a user runs it — <c>AlaSparkApp.Run(["run", "raw_to_cooked", ...])</c>
/// — over a fresh lake, with the raw table registered over the generated CSV folder (not copied).
/// The time covers the whole command: session open (DuckDB, catalog), registering the raw table,
/// reading, processing, writing and cataloguing the result.
/// </summary>
internal static class AlaSparkSide
{
    public const string Name = "alaspark";

    public static RunResult Run(string csvFolder, string lake, string configFile, string? memoryLimit = null)
    {
        var pipeline = WebEventsPipeline.Create();
        // The pipeline reads its source from the config's source_path: the generated folder, read in place.
        var config = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(lake))!, Path.GetFileName(lake) + ".toml");
        Directory.CreateDirectory(Path.GetDirectoryName(config)!);
        File.WriteAllText(config, ConfigText(csvFolder, File.ReadAllText(configFile), memoryLimit));
        var output = new StringWriter();
        var errors = new StringWriter();
        var meter = Meter.Start();
        TimeSpan opened = default;
        var options = new AlaSparkAppOptions
        {
            Pipelines = [pipeline],
            OnSessionStarted = (_, _) => opened = meter.Elapsed,
            Out = output,
            Error = errors,
        };
        var code = AlaSparkApp.Run(["run", pipeline.Name, "--lake", lake, "--config", config], options);
        if (code != AlaSparkApp.Success)
            throw new InvalidOperationException($"Side A failed (exit code {code}):\n{output}\n{errors}");
        var cost = meter.Stop();
        var location = TableLocation(lake);
        return new RunResult(Name, cost, location, opened, RowsIn(location));
    }

    /// <summary>
    /// The job config of a run: <paramref name="baseText"/> plus the source's path (the generated CSV files, read
    /// in place) and, when given, DuckDB's memory limit (<c>alaspark.*</c> keys of the config reach the engine).
    /// </summary>
    public static string ConfigText(string csvFolder, string baseText = "", string? memoryLimit = null) =>
        $"source_path = '{Path.GetFullPath(csvFolder)}'\n" +
        baseText.TrimEnd() + "\n" +
        (memoryLimit is null ? "" : $"[alaspark.duckdb]\nmemory_limit = '{memoryLimit}'\n");

    public static string TableLocation(string lake) =>
        LocalCatalog.Open(Path.GetFullPath(lake)).GetTable(WebEventsPipeline.CookedDatabase, WebEventsPipeline.CookedTable).Location;

    internal static long RowsIn(string parquetFolder)
    {
        using var connection = Db.Open();
        return Db.Long(connection, $"SELECT coalesce(sum(num_rows), 0) FROM parquet_file_metadata({Db.ParquetGlob(parquetFolder)})");
    }
}

/// <summary>
/// Side B, the baseline: the same work as ONE hand-written DuckDB statement on a fresh in-memory
/// connection (TimeZone UTC) — read the CSV files with rejects stored, hash the e-mail, derive the
/// file name and the event date, keep per event_id the row the pipeline keeps, stamp the processing
/// time and write Parquet partitioned by event_date. The time covers opening the connection, the
/// statement and counting the rejects.
/// </summary>
internal static class SqlSide
{
    public const string Name = "sql";

    /// <summary>The baseline staged like the engine stages (for the memory breakdown): temp table, then the COPY over it.</summary>
    public const string StagedName = "sql-staged";

    public static RunResult Run(IReadOnlyList<string> files, string outDir, string tempDirectory, string? memoryLimit = null, bool staged = false)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(outDir))!); // COPY creates only the last folder
        var meter = Meter.Start();
        using (var connection = Db.Open(tempDirectory, memoryLimit))
        {
            if (staged)
            {
                Db.Execute(connection, $"CREATE TEMP TABLE staged AS SELECT * FROM {ReadCsv(files)}");
                Db.Execute(connection, CopyStatement(files, outDir, "staged"));
            }
            else
            {
                Db.Execute(connection, CopyStatement(files, outDir));
            }
            Db.Execute(connection, "SELECT count(*) FROM reject_errors");
        }
        var cost = meter.Stop();
        return new RunResult(Name, cost, outDir, null, AlaSparkSide.RowsIn(outDir));
    }

    /// <summary>The read_csv call: the generated files, their header and the pipeline's schema, rejects stored.</summary>
    public static string ReadCsv(IReadOnlyList<string> files, bool storeRejects = true) =>
        $"read_csv({Db.StrList(files)}, header = true, delim = ',', quote = '\"', escape = '\"', auto_detect = false, " +
        "columns = {'event_id': 'VARCHAR', 'user_email': 'VARCHAR', 'event_type': 'VARCHAR', 'page_url': 'VARCHAR', " +
        "'event_time': 'TIMESTAMP', 'user_agent': 'VARCHAR'}, filename = true" + (storeRejects ? ", store_rejects = true" : "") + ")";

    /// <summary>How duplicates are resolved: the pipeline's rule (smallest row by the other columns).</summary>
    public const string PipelineDedup =
        "QUALIFY row_number() OVER (PARTITION BY event_id ORDER BY user_email NULLS FIRST, event_type NULLS FIRST, page_url NULLS FIRST, " +
        "event_time NULLS FIRST, user_agent NULLS FIRST, source_filename NULLS FIRST, event_date NULLS FIRST, filename NULLS FIRST) = 1";

    /// <summary>
    /// The baseline's COPY over a re-readable source, deduplicating only the ids that occur more than once:
    /// a GROUP BY over <paramref name="keysOf"/> finds them; the other rows skip the window.
    /// </summary>
    public static string DuplicatesOnlyCopyStatement(string outDir, string source, string keysOf) =>
        $"""
         COPY (
             WITH src AS (
                 SELECT event_id, sha256(user_email) AS user_email, event_type, page_url, event_time, user_agent,
                        parse_filename(filename) AS source_filename, CAST(event_time AS DATE) AS event_date, filename
                 FROM {source}
             ),
             repeated AS (SELECT event_id FROM {keysOf} GROUP BY event_id HAVING count(*) > 1)
             SELECT {OutputColumns} FROM src ANTI JOIN repeated USING (event_id)
             UNION ALL
             SELECT {OutputColumns} FROM (SELECT * FROM src SEMI JOIN repeated USING (event_id)) {PipelineDedup}
         ) TO {Db.Str(outDir)} (FORMAT parquet, COMPRESSION snappy, PARTITION_BY (event_date))
         """;

    private const string OutputColumns =
        "event_id, user_email, event_type, page_url, CAST(event_time AS TIMESTAMPTZ) AS event_time, user_agent, " +
        "source_filename, current_timestamp AS processed_at, event_date";

    /// <summary>The baseline statement. <paramref name="source"/> and <paramref name="dedup"/> are swappable for the breakdown.</summary>
    public static string CopyStatement(IReadOnlyList<string> files, string outDir, string? source = null, string dedup = PipelineDedup) =>
        $"""
         COPY (
             SELECT {OutputColumns}
             FROM (
                 SELECT event_id, sha256(user_email) AS user_email, event_type, page_url, event_time, user_agent,
                        parse_filename(filename) AS source_filename, CAST(event_time AS DATE) AS event_date, filename
                 FROM {source ?? ReadCsv(files)}
             )
             {dedup}
         ) TO {Db.Str(outDir)} (FORMAT parquet, COMPRESSION snappy, PARTITION_BY (event_date))
         """;
}
