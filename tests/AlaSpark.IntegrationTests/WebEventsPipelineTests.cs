using System.Text.Json;
using WebEvents;
using WebEvents.Generator;
using static AlaSpark.Functions;

namespace AlaSpark.IntegrationTests;

/// <summary>The README's main job, end to end on the embedded engine: real files, real catalog, real Delta table.</summary>
public class WebEventsPipelineTests
{
    private static List<string> Rows(AlaSparkSession session) =>
        session.Table("cooked__web_events.web_events")
            .Select("event_id", "user_email", "event_type", "page_url", "event_time", "user_agent", "source_filename", "event_date")
            .Collect().Select(r => string.Join("|", r.Values.Select(ValueFormatter.Format))).Order(StringComparer.Ordinal).ToList();

    [Fact]
    public void The_job_writes_the_cooked_table_quarantines_bad_rows_and_a_second_run_finds_nothing_new()
    {
        using var job = new WebEventsJob();
        Assert.Equal(0, job.Run("run", "raw_to_cooked"));
        var expected = WebEventGenerator.Generate(Path.Combine(job.Root, "regenerated"), new GenerationOptions());
        Assert.Equal(9_792, expected.DistinctEventIds);
        Assert.Equal(8, expected.MalformedRows);

        using (var session = job.OpenLake())
        {
            var table = session.Catalog.GetTable("cooked__web_events", "web_events");
            Assert.Equal(["event_date"], table.PartitionColumns);
            Assert.Equal("delta", table.Format);
            Assert.True(Directory.Exists(Path.Combine(table.Location, "_delta_log")));
            var cooked = session.Table("cooked__web_events.web_events");
            Assert.Equal(9_792, cooked.Count());
            Assert.Equal(9_792, cooked.Select("event_id").Distinct().Count());
            Assert.Equal(7, cooked.Select("event_date").Distinct().Count());
            Assert.Equal(7, Directory.GetDirectories(table.Location, "event_date=*").Length);
            Assert.Equal(0, cooked.Filter(Col("user_email").Like("%@%")).Count());
            Assert.Equal(0, cooked.Filter(Length(Col("user_email")) != 64).Count());
            Assert.Equal("date", table.Schema!["event_date"].DataType.SimpleString);
            Assert.Equal("timestamp", table.Schema!["processed_at"].DataType.SimpleString);
        }

        // Every malformed line is quarantined once, with its file and line.
        var quarantined = Directory.EnumerateFiles(Path.Combine(job.Lake, "_bad_records"), "*.json", SearchOption.AllDirectories)
            .SelectMany(File.ReadAllLines).Select(l => JsonDocument.Parse(l).RootElement)
            .Select(r => $"{Path.GetFileName(r.GetProperty("path").GetString())}:{r.GetProperty("line").GetInt64()}").Order(StringComparer.Ordinal).ToList();
        Assert.Equal(
            ["web_events_0001.csv:1242", "web_events_0001.csv:146", "web_events_0002.csv:502", "web_events_0002.csv:854",
             "web_events_0003.csv:2001", "web_events_0003.csv:33", "web_events_0004.csv:645", "web_events_0005.csv:234"],
            quarantined);
        Assert.Equal(expected.Malformed.Select(m => $"{m.File}:{m.Line}").Order(StringComparer.Ordinal), quarantined);

        var summary = job.Out.ToString();
        Assert.Contains($"read:        raw__web_events.fake_web_events_csv: 10,000 rows from 5 file(s) in {AsShown(WebEventsJob.ShippedData)}", summary);
        Assert.Contains("passed on:   9,992 rows", summary);
        Assert.Contains($"quarantined: 8 malformed rows, in {AsShown(Path.Combine(job.Lake, "_bad_records", "raw__web_events", "fake_web_events_csv"))}{Path.DirectorySeparatorChar}", summary);
        Assert.Contains("written:     cooked__web_events.web_events: 9,792 rows in 7 file(s), 7 partition(s) by event_date, version 0", summary);
        Assert.Contains("sql \"SELECT event_date, count(*)", summary);
        Assert.Contains("history ", summary);

        List<string> first;
        using (var session = job.OpenLake()) first = Rows(session);
        Assert.Equal(9_792, first.Count);
        // A stream: the second run's checkpoint has seen every shipped file, so it reads and writes nothing.
        Assert.Equal(0, job.Run("run", "raw_to_cooked"));
        Assert.Contains("written:     cooked__web_events.web_events: nothing new", job.Out.ToString());
        Assert.DoesNotContain("read:", job.Out.ToString());
        using (var session = job.OpenLake()) Assert.Equal(first, Rows(session));
        var history = AlaSpark.Delta.DeltaTable.ForPath(Path.Combine(job.Lake, "cooked__web_events", "web_events")).History();
        Assert.Equal([0L], history.Select(h => h.Version));
        Assert.All(history, h => Assert.StartsWith("AlaSpark/", h.EngineInfo));
    }

    [Fact]
    public void The_cooked_table_reads_back_through_the_generated_Output_columns_and_OutputRow()
    {
        using var job = new WebEventsJob();
        Assert.Equal(0, job.Run("run", "raw_to_cooked"));
        using var session = job.OpenLake();
        var cooked = session.Table("cooked__web_events.web_events");

        // The README's example: typed conditions over the generated columns, rows read into the generated record.
        IReadOnlyList<WebEventsPipeline.OutputRow> clicks = cooked
            .Filter(WebEventsPipeline.Output.EventType == "click" & WebEventsPipeline.Output.EventDate >= new DateOnly(2024, 1, 2))
            .Collect<WebEventsPipeline.OutputRow>();

        var expected = cooked.Filter(Col("event_type") == "click" & Col("event_date") >= new DateOnly(2024, 1, 2)).Collect();
        Assert.NotEmpty(clicks);
        Assert.Equal(expected.Count, clicks.Count);
        Assert.Equal(expected.Select(r => (string)r["event_id"]!).Order(StringComparer.Ordinal), clicks.Select(r => r.EventId).Order(StringComparer.Ordinal));
        Assert.All(clicks, row =>
        {
            Assert.Equal("click", row.EventType);
            Assert.True(row.EventDate >= new DateOnly(2024, 1, 2));
            Assert.Equal(DateOnly.FromDateTime(row.EventTime), row.EventDate);
            Assert.Equal(64, row.UserEmail.Length);
        });
    }

    [Fact]
    public void The_raw_files_are_read_where_they_ship_without_a_catalog_entry_or_a_copy_in_the_lake()
    {
        using var job = new WebEventsJob();
        Assert.Equal(0, job.Run("run", "raw_to_cooked"));
        using var session = job.OpenLake();
        Assert.False(session.Catalog.TryGetTable("raw__web_events", "fake_web_events_csv", out _));
        Assert.Empty(Directory.EnumerateFiles(job.Lake, "*.csv", SearchOption.AllDirectories));
    }

    [Fact]
    public void The_pipeline_is_the_generated_attribute_pipeline()
    {
        Assert.Equal("raw_to_cooked", WebEventsPipeline.PipelineName);
        IPipeline pipeline = new WebEventsPipeline();
        var d = pipeline.Description;
        Assert.Equal(new SourceDescription("CsvStreamReader", "raw__web_events", "fake_web_events_csv", "{{ source_path }}", BadRecordsMode.Quarantine, IsStream: true), d.Source);
        Assert.Equal((WebEventsPipeline.RawDatabase, WebEventsPipeline.RawTable), (d.Source.Database, d.Source.Table));
        Assert.Equal(
            ["AddSourceFilename", "HashColumn", "AddPartition", "AddWatermark", "DropDuplicates", "AddCurrentTimestamp"],
            d.Steps.Select(s => s.Processor));
        var sink = Assert.Single(d.Sinks);
        Assert.Equal(("DeltaStreamWriter", "cooked__web_events", "web_events", WriteMode.Append, true, true), (sink.Writer, sink.Database, sink.Table, sink.Mode, sink.MergeSchema, sink.IsStream));
        Assert.Equal(["event_date"], sink.PartitionBy);
        Assert.Equal((WebEventsPipeline.CookedDatabase, WebEventsPipeline.CookedTable), (sink.Database, sink.Table));
        Assert.IsType<WebEventsPipeline>(WebEventsPipeline.Create());
    }

    [Fact]
    public void The_sample_Program_is_the_one_line_of_the_contract()
    {
        var program = Path.Combine(RepositoryRoot(), "samples", "WebEvents", "Program.cs");
        Assert.Equal(["return await AlaSparkApp.RunAsync(args);"], File.ReadAllLines(program));
    }

    [Fact]
    public void List_describe_and_lineage_show_the_pipeline()
    {
        using var job = new WebEventsJob();
        Assert.Equal(0, job.Run("list"));
        Assert.Equal("raw_to_cooked\traw__web_events.fake_web_events_csv -> cooked__web_events.web_events", job.Out.ToString().TrimEnd());

        Assert.Equal(0, job.Run("describe", "raw_to_cooked"));
        var describe = job.Out.ToString();
        Assert.Contains("source: raw__web_events.fake_web_events_csv (CsvStreamReader, bad records: Quarantine, path {{ source_path }})", describe);
        Assert.Contains("step 2: HashColumn(\"user_email\", \"Sha256\")", describe);
        Assert.Contains("step 4: AddWatermark(\"event_time\", \"10 minutes\")", describe);
        Assert.Contains("step 6: AddCurrentTimestamp(\"processed_at\")", describe);
        Assert.DoesNotContain("step 7", describe);
        Assert.Contains("sink: cooked__web_events.web_events (DeltaStreamWriter, mode Append, partitioned by event_date, merge schema)", describe);
        Assert.Contains("after step 4 (AddWatermark): event_id string, user_email string, event_type string, page_url string, event_time timestamp, user_agent string, source_filename string, event_date date  partitions: event_date", describe);
        Assert.Contains("after step 6 (AddCurrentTimestamp): event_id string, user_email string, event_type string, page_url string, event_time timestamp, user_agent string, source_filename string, event_date date, processed_at timestamp  partitions: event_date", describe);

        Assert.Equal(0, job.Run("lineage", "raw_to_cooked", "--format", "mermaid"));
        var mermaid = job.Out.ToString();
        Assert.StartsWith("flowchart LR", mermaid);
        Assert.Contains("source[(\"raw__web_events.fake_web_events_csv\")]", mermaid);
        Assert.Contains("step6 --> sink1", mermaid);

        Assert.Equal(0, job.Run("lineage", "raw_to_cooked", "--format", "json"));
        var json = JsonDocument.Parse(job.Out.ToString()).RootElement;
        Assert.Equal(8, json.GetProperty("nodes").GetArrayLength());
        Assert.Equal(7, json.GetProperty("edges").GetArrayLength());
    }

    /// <summary>A path as the summary shows it: relative to the working directory when it is below it.</summary>
    private static string AsShown(string path)
    {
        var relative = Path.GetRelativePath(Environment.CurrentDirectory, path);
        return relative.StartsWith("..", StringComparison.Ordinal) ? path : relative;
    }

    /// <summary>The checkout the tests were built from (the folder holding AlaSpark.sln).</summary>
    internal static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "AlaSpark.sln"))) return dir.FullName;
        throw new InvalidOperationException($"No AlaSpark.sln above {AppContext.BaseDirectory}.");
    }
}
