using AlaSpark.Delta;
using static AlaSpark.Functions;

namespace AlaSpark.IntegrationTests;

/// <summary>
/// The WebEvents job as a stream over a copy of the shipped raw folder: a new CSV file dropped in the folder is
/// read by the next run, alone; <c>--trigger</c> turns the run into a long-running query.
/// </summary>
public class WebEventsStreamTests
{
    private const string NewFile = "web_events_0006.csv";
    private static readonly string[] NewEventIds = ["new-event-1", "new-event-2", "new-event-3"];

    /// <summary>A job whose source is a copy of the shipped CSV files in its own folder, where a test can add files.</summary>
    private static (string Raw, string Config) CopyOfShippedFolder(WebEventsJob job)
    {
        var raw = Path.Combine(job.Root, "raw");
        Directory.CreateDirectory(raw);
        foreach (var file in Directory.GetFiles(WebEventsJob.ShippedData, "*.csv")) File.Copy(file, Path.Combine(raw, Path.GetFileName(file)));
        return (raw, job.WriteConfig("source_path = 'raw'\n", readShippedData: false));
    }

    /// <summary>Writes a file of three new events and one event re-sent from the first shipped file (same event_id); returns its id.</summary>
    private static string DropNewFile(string raw)
    {
        var shipped = File.ReadLines(Path.Combine(raw, "web_events_0001.csv")).Take(2).ToList();
        var lines = new List<string> { shipped[0] };
        lines.AddRange(NewEventIds.Select((id, i) => $"{id},new{i}@example.org,page_view,https://example.org/new/{i},2026-11-08 0{i}:00:00,test-agent"));
        lines.Add(shipped[1]);
        File.WriteAllText(Path.Combine(raw, NewFile), string.Join("\n", lines) + "\n");
        return shipped[1].Split(',')[0];
    }

    private static string TableFolder(WebEventsJob job) => Path.Combine(job.Lake, "cooked__web_events", "web_events");

    [Fact]
    public void A_run_after_a_new_file_lands_reads_only_that_file()
    {
        using var job = new WebEventsJob();
        var (raw, config) = CopyOfShippedFolder(job);
        Assert.Equal(0, job.Run("run", "raw_to_cooked", "--config", config));
        Assert.Contains("9,792 rows in 7 file(s)", job.Out.ToString());

        var resent = DropNewFile(raw);
        Assert.Equal(0, job.Run("run", "raw_to_cooked", "--config", config));
        var summary = job.Out.ToString();
        Assert.Contains($"read:        raw__web_events.fake_web_events_csv: 4 rows from 1 file(s) in ", summary);
        Assert.Contains("passed on:   4 rows", summary);
        Assert.Contains("version 1", summary);

        using var session = job.OpenLake();
        var cooked = session.Table("cooked__web_events.web_events");
        // The shipped files' rows are as the first run wrote them; the new file's rows came from it alone.
        Assert.Equal(9_792, cooked.Filter(Col("source_filename") != NewFile).Count());
        var fromNewFile = cooked.Filter(Col("source_filename") == NewFile).Select("event_id").Collect().Select(r => (string)r.Values[0]!).ToList();
        // The re-sent event is not written again: DropDuplicates on a stream keeps the keys it has seen
        // (and a row older than the watermark is dropped as late).
        Assert.Equal(NewEventIds, fromNewFile.Order(StringComparer.Ordinal));
        Assert.Equal(1, cooked.Filter(Col("event_id") == resent).Count());
        Assert.Equal([1L, 0L], DeltaTable.ForPath(TableFolder(job)).History().Select(h => h.Version));

        // A third run finds nothing new.
        Assert.Equal(0, job.Run("run", "raw_to_cooked", "--config", config));
        Assert.Contains("nothing new", job.Out.ToString());
    }

    [Fact]
    public void A_processing_time_trigger_keeps_the_job_running_and_picks_up_a_new_file_until_it_is_stopped()
    {
        using var job = new WebEventsJob();
        var (raw, config) = CopyOfShippedFolder(job);
        using var stop = new CancellationTokenSource();
        var exitCode = -1;
        var run = new Thread(() => exitCode = job.Run(["run", "raw_to_cooked", "--config", config, "--trigger", "1 second", "--lake", job.Lake], null, stop.Token));
        run.Start();

        var log = Path.Combine(TableFolder(job), "_delta_log");
        WaitFor(() => File.Exists(Path.Combine(log, "00000000000000000000.json")), "the first batch");
        DropNewFile(raw);
        WaitFor(() => File.Exists(Path.Combine(log, "00000000000000000001.json")), "the batch of the new file");
        Assert.True(run.IsAlive, "the job stopped by itself; a processing-time trigger keeps it running");

        stop.Cancel();
        Assert.True(run.Join(TimeSpan.FromSeconds(60)), "the job did not stop after its cancellation");
        Assert.Equal(0, exitCode);
        using var session = job.OpenLake();
        Assert.Equal(9_792, session.Table("cooked__web_events.web_events").Filter(Col("source_filename") != NewFile).Count());
        Assert.True(session.Table("cooked__web_events.web_events").Filter(Col("source_filename") == NewFile).Count() >= NewEventIds.Length);
    }

    [Fact]
    public void A_trigger_that_does_not_parse_exits_2_and_says_what_to_write()
    {
        using var job = new WebEventsJob();
        Assert.Equal(2, job.Run("run", "raw_to_cooked", "--trigger", "every so often"));
        Assert.Contains("The option '--trigger'", job.Error.ToString());
        Assert.Contains("\"5 minutes\"", job.Error.ToString());
        Assert.False(Directory.Exists(TableFolder(job)));
    }

    [Fact]
    public void A_glob_as_the_stream_source_path_fails_and_says_to_give_the_folder()
    {
        using var job = new WebEventsJob();
        var config = job.WriteConfig($"source_path = '{Path.Combine(WebEventsJob.ShippedData, "*.csv")}'\n", readShippedData: false);
        Assert.Equal(1, job.Run("run", "raw_to_cooked", "--config", config));
        Assert.Contains("a glob; a stream source reads a folder", job.Error.ToString());
        Assert.Contains("Give the folder", job.Error.ToString());
        Assert.False(Directory.Exists(TableFolder(job)));
    }

    private static void WaitFor(Func<bool> condition, string what)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (!condition())
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"Waited 60 s for {what}.");
            Thread.Sleep(50);
        }
    }
}
