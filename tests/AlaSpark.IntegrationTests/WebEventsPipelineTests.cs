using System.Text.Json;
using WebEvents.Generator;
using static AlaSpark.Functions;

namespace AlaSpark.IntegrationTests;

/// <summary>The README's main job, end to end on the embedded engine: real files, real catalog, real Parquet.</summary>
public class WebEventsPipelineTests
{
    private static string ShippedData => Path.Combine(AppContext.BaseDirectory, "data", "raw", "web_events");

    private static List<string> Rows(AlaSparkSession session) =>
        session.Table("cooked__web_events.web_events")
            .Select("event_id", "user_email", "event_type", "page_url", "event_time", "user_agent", "source_filename", "event_date")
            .Collect().Select(r => string.Join("|", r.Values.Select(ValueFormatter.Format))).Order(StringComparer.Ordinal).ToList();

    [Fact]
    public void The_job_writes_the_cooked_table_quarantines_bad_rows_and_a_second_run_leaves_the_same_rows()
    {
        using var job = new WebEventsJob();
        Assert.Equal(0, job.Run("run", "raw_to_cooked"));
        var expected = WebEventGenerator.Generate(Path.Combine(job.Root, "regenerated"), new GenerationOptions());

        using (var session = job.OpenLake())
        {
            var table = session.Catalog.GetTable("cooked__web_events", "web_events");
            Assert.Equal(["event_date"], table.PartitionColumns);
            Assert.Equal("delta", table.Format);
            Assert.True(Directory.Exists(Path.Combine(table.Location, "_delta_log")));
            var cooked = session.Table("cooked__web_events.web_events");
            Assert.Equal(expected.DistinctEventIds, cooked.Count());
            Assert.Equal(expected.DistinctEventIds, cooked.Select("event_id").Distinct().Count());
            Assert.Equal(7, cooked.Select("event_date").Distinct().Count());
            Assert.Equal(0, cooked.Filter(Col("user_email").Like("%@%")).Count());
            Assert.Equal(0, cooked.Filter(Length(Col("user_email")) != 64).Count());
            Assert.Equal("date", table.Schema!["event_date"].DataType.SimpleString);
        }

        // Every malformed line is quarantined once, with its file and line.
        var quarantined = Directory.EnumerateFiles(Path.Combine(job.Lake, "_bad_records"), "*.json", SearchOption.AllDirectories)
            .SelectMany(File.ReadAllLines).Select(l => JsonDocument.Parse(l).RootElement)
            .Select(r => $"{Path.GetFileName(r.GetProperty("path").GetString())}:{r.GetProperty("line").GetInt64()}").Order().ToList();
        var malformed = expected.Malformed.Select(m => $"{m.File}:{m.Line}").Order().ToList();
        Assert.Equal(malformed, quarantined);

        var summary = job.Out.ToString();
        Assert.Contains("10,000 rows from 5 file(s)", summary);
        Assert.Contains($"quarantined: {expected.MalformedRows} malformed rows", summary);
        Assert.Contains($"cooked__web_events.web_events: {expected.DistinctEventIds:N0} rows", summary);
        Assert.Contains("sql \"SELECT event_date, count(*)", summary);

        List<string> first;
        using (var session = job.OpenLake()) first = Rows(session);
        Assert.Equal(0, job.Run("run", "raw_to_cooked"));
        using (var session = job.OpenLake()) Assert.Equal(first, Rows(session));
        var history = AlaSpark.Delta.DeltaTable.ForPath(Path.Combine(job.Lake, "cooked__web_events", "web_events")).History();
        Assert.Equal([1L, 0L], history.Select(h => h.Version));
        Assert.All(history, h => Assert.StartsWith("AlaSpark/", h.EngineInfo));
    }

    [Fact]
    public void The_raw_table_is_registered_in_the_catalog_on_first_run()
    {
        using var job = new WebEventsJob();
        Assert.Equal(0, job.Run("run", "raw_to_cooked"));
        using var session = job.OpenLake();
        var raw = session.Catalog.GetTable("raw__web_events", "fake_web_events_csv");
        Assert.Equal("csv", raw.Format);
        Assert.Equal("event_id,user_email,event_type,page_url,event_time,user_agent", string.Join(",", raw.Schema!.FieldNames));
        Assert.Equal(Directory.GetFiles(ShippedData, "*.csv").Length, Directory.GetFiles(raw.Location, "*.csv").Length);
    }

    [Fact]
    public void List_describe_and_lineage_show_the_pipeline()
    {
        using var job = new WebEventsJob();
        Assert.Equal(0, job.Run("list"));
        Assert.Contains("raw_to_cooked\traw__web_events.fake_web_events_csv -> cooked__web_events.web_events", job.Out.ToString());

        Assert.Equal(0, job.Run("describe", "raw_to_cooked"));
        var describe = job.Out.ToString();
        Assert.Contains("step 2: HashColumn(\"user_email\", \"Sha256\")", describe);
        Assert.Contains("after step 3 (AddPartition): event_id string, user_email string, event_type string, page_url string, event_time timestamp, user_agent string, source_filename string, event_date date  partitions: event_date", describe);

        Assert.Equal(0, job.Run("lineage", "raw_to_cooked", "--format", "mermaid"));
        var mermaid = job.Out.ToString();
        Assert.StartsWith("flowchart LR", mermaid);
        Assert.Contains("source[(\"raw__web_events.fake_web_events_csv\")]", mermaid);
        Assert.Contains("step5 --> sink1", mermaid);

        Assert.Equal(0, job.Run("lineage", "raw_to_cooked", "--format", "json"));
        var json = JsonDocument.Parse(job.Out.ToString()).RootElement;
        Assert.Equal(7, json.GetProperty("nodes").GetArrayLength());
        Assert.Equal(6, json.GetProperty("edges").GetArrayLength());
    }
}
