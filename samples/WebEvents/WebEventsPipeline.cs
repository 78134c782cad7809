using AlaSpark;

namespace WebEvents;

/// <summary>
/// The talk's live demo, as dsl.md section 1 writes it: raw web events (CSV) to a cooked, partitioned Delta
/// table. The source reads the CSV files shipped with the job, found through the config key
/// <c>source_path</c> (job.toml); malformed rows are quarantined. Each run overwrites the table in a new
/// Delta version, so a re-run over the same input leaves the same rows and the history shows every run.
/// </summary>
/// <remarks>
/// These are the batch attributes (<c>CsvSource</c>, <c>DeltaSink</c> with <c>Mode = Overwrite</c>); the
/// stream attributes of dsl.md (<c>CsvStreamSource</c>, <c>DeltaStreamSink</c> with a trigger) come with the
/// streaming issue. On a batch, <c>AddWatermark</c> changes no row, as in Spark.
/// </remarks>
[Pipeline("raw_to_cooked")]
[CsvSource("raw__web_events", "fake_web_events_csv", Schema = typeof(WebEvent), Path = "{{ source_path }}")]
[Processor(typeof(AddSourceFilename))]
[Processor(typeof(HashColumn), "user_email")]
[Processor(typeof(AddPartition), "event_date", "event_time")]
[Processor(typeof(AddWatermark), "event_time", "10 minutes")]
[Processor(typeof(DropDuplicates), new[] { "event_id" })]
[Processor(typeof(AddCurrentTimestamp), "processed_at")]
[DeltaSink("cooked__web_events", "web_events",
    PartitionBy = new[] { "event_date" },
    Mode = WriteMode.Overwrite,
    MergeSchema = true)]
public partial class WebEventsPipeline;
