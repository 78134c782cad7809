using AlaSpark;

namespace WebEvents;

/// <summary>
/// The talk's live demo, as dsl.md section 1 writes it: raw web events (CSV files landing in a folder) streamed
/// to a cooked, partitioned Delta table. The source is the folder of CSV files shipped with the job, found
/// through the config key <c>source_path</c> (job.toml); malformed rows are quarantined.
/// </summary>
/// <remarks>
/// A stream: each run reads the files its checkpoint (<c>&lt;lake&gt;/_checkpoints/raw_to_cooked/cooked__web_events/web_events</c>)
/// has not seen and appends them to the table, so the first run reads the shipped files and a later run reads
/// only the files added since. The trigger is <c>available-now</c> (read what is there, then stop), where
/// dsl.md's example writes <c>"5 minutes"</c>; <c>run raw_to_cooked --trigger "5 minutes"</c> keeps the job running,
/// a batch every five minutes, until Ctrl+C or SIGTERM.
/// </remarks>
[Pipeline("raw_to_cooked")]
[CsvStreamSource("raw__web_events", "fake_web_events_csv", Schema = typeof(WebEvent), Path = "{{ source_path }}")]
[Processor(typeof(AddSourceFilename))]
[Processor(typeof(HashColumn), "user_email")]
[Processor(typeof(AddPartition), "event_date", "event_time")]
[Processor(typeof(AddWatermark), "event_time", "10 minutes")]
[Processor(typeof(DropDuplicates), new[] { "event_id" })]
[Processor(typeof(AddCurrentTimestamp), "processed_at")]
[DeltaStreamSink("cooked__web_events", "web_events",
    PartitionBy = new[] { "event_date" },
    OutputMode = OutputMode.Append,
    MergeSchema = true,
    Trigger = "available-now")]
public partial class WebEventsPipeline;
