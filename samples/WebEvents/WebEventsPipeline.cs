using AlaSpark;
using AlaSpark.Catalog;
using AlaSpark.Delta;
using AlaSpark.Types;

namespace WebEvents;

/// <summary>
/// The talk's live demo: raw web events (CSV) to a cooked, partitioned Delta table. The same pipeline
/// as dsl.md section 1, written with the fluent API (batch) until the attributes and streaming land.
/// Each run overwrites the table in a new Delta version, so a re-run over the same input leaves the
/// same rows and the history shows every run.
/// </summary>
public static class WebEventsPipeline
{
    public const string RawDatabase = "raw__web_events";
    public const string RawTable = "fake_web_events_csv";
    public const string CookedDatabase = "cooked__web_events";
    public const string CookedTable = "web_events";

    public static PipelineDefinition Create() =>
        new PipelineDefinition("raw_to_cooked")
            .ReadFrom<CsvReader>(RawDatabase, RawTable, BadRecordsMode.Quarantine)
            .Apply(new AddSourceFilename())
            .Apply(new HashColumn("user_email"))
            .Apply(new AddPartition("event_date", "event_time"))
            .Apply(new DropDuplicates(["event_id"]))
            .Apply(new AddCurrentTimestamp("processed_at"))
            .WriteTo<DeltaWriter>(CookedDatabase, CookedTable, new WriteOptions { Mode = WriteMode.Overwrite, PartitionBy = ["event_date"] });

    /// <summary>
    /// The talk's "Create Raw Metastore Database &amp; Table": on first run, copies the shipped raw CSV
    /// files into the lake and registers them as <c>raw__web_events.fake_web_events_csv</c>.
    /// </summary>
    public static void RegisterRawTable(AlaSparkSession session, TextWriter output)
    {
        if (session.Catalog.TableExists(RawDatabase, RawTable)) return;
        var shipped = Path.Combine(AppContext.BaseDirectory, "data", "raw", "web_events");
        var database = session.Catalog.CreateDatabaseIfNotExists(RawDatabase);
        var location = Path.Combine(database.Location, RawTable);
        Directory.CreateDirectory(location);
        foreach (var file in Directory.EnumerateFiles(shipped, "*.csv"))
            File.Copy(file, Path.Combine(location, Path.GetFileName(file)), overwrite: true);
        session.Catalog.CreateOrUpdateTable(new CatalogTable(RawDatabase, RawTable, location, "csv", RecordSchema.For<WebEvent>(),
            properties: [new("header", "true")]));
        output.WriteLine($"Registered raw table {RawDatabase}.{RawTable} at {Path.GetRelativePath(Environment.CurrentDirectory, location)}");
    }
}
