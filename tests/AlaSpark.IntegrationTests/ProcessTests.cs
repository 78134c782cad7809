using System.Diagnostics;

namespace AlaSpark.IntegrationTests;

/// <summary>The job as a real process, the way the README runs it: its one-line Program.cs finds the generated pipeline.</summary>
public class ProcessTests
{
    private static (int Exit, string Out, string Error) RunJob(string workingDirectory, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "WebEvents.dll"));
        foreach (var a in args) start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        Assert.True(process.WaitForExit(TimeSpan.FromMinutes(2)), "the job did not finish in 2 minutes");
        return (process.ExitCode, stdout.Result, stderr.Result);
    }

    [Fact]
    public void Run_reads_the_files_beside_the_config_and_writes_lakehouse_under_the_working_directory()
    {
        using var job = new WebEventsJob();
        var (exit, stdout, stderr) = RunJob(job.Root, "run", "raw_to_cooked");
        Assert.True(exit == 0, stderr);
        Assert.Contains("Pipeline raw_to_cooked succeeded", stdout);
        Assert.Contains($"10,000 rows from 5 file(s) in {WebEventsJob.ShippedData}", stdout);
        Assert.Contains("passed on:   9,992 rows", stdout);
        Assert.Contains("quarantined: 8 malformed rows, in lakehouse/_bad_records/raw__web_events/fake_web_events_csv/", stdout);
        Assert.Contains("written:     cooked__web_events.web_events: 9,792 rows in 7 file(s), 7 partition(s) by event_date, version 0", stdout);
        Assert.Contains("query it:    dotnet run --project src/AlaSpark.Cli -- sql", stdout);
        Assert.True(Directory.Exists(Path.Combine(job.Root, "lakehouse", "cooked__web_events", "web_events", "_delta_log")));
        Assert.Contains("Pipeline raw_to_cooked started", stderr);
        Assert.Contains("Step 4 applied AddWatermark(\"event_time\", \"10 minutes\")", stderr);
    }

    [Fact]
    public void List_and_describe_show_the_generated_pipeline()
    {
        using var job = new WebEventsJob();
        var (exit, stdout, stderr) = RunJob(job.Root, "list");
        Assert.True(exit == 0, stderr);
        Assert.Equal("raw_to_cooked\traw__web_events.fake_web_events_csv -> cooked__web_events.web_events", stdout.TrimEnd());

        (exit, stdout, stderr) = RunJob(job.Root, "describe", "raw_to_cooked");
        Assert.True(exit == 0, stderr);
        var steps = stdout.Split('\n').Where(l => l.StartsWith("  step ", StringComparison.Ordinal)).Select(l => l.Trim()).ToList();
        Assert.Equal(
        [
            "step 1: AddSourceFilename(\"source_filename\")",
            "step 2: HashColumn(\"user_email\", \"Sha256\")",
            "step 3: AddPartition(\"event_date\", \"event_time\", \"Day\")",
            "step 4: AddWatermark(\"event_time\", \"10 minutes\")",
            "step 5: DropDuplicates([\"event_id\"])",
            "step 6: AddCurrentTimestamp(\"processed_at\")",
        ], steps);
        Assert.Contains("after step 6 (AddCurrentTimestamp):", stdout);
    }

    [Fact]
    public void Without_arguments_the_job_prints_its_usage_and_pipelines()
    {
        using var job = new WebEventsJob();
        var (exit, stdout, stderr) = RunJob(job.Root);
        Assert.True(exit == 0, stderr);
        Assert.Contains("run <pipeline>", stdout);
        Assert.Contains("pipelines: raw_to_cooked", stdout);
        Assert.False(Directory.Exists(Path.Combine(job.Root, "lakehouse")));
    }

    [Fact]
    public void A_usage_error_exits_2_from_the_process()
    {
        using var job = new WebEventsJob();
        var (exit, _, stderr) = RunJob(job.Root, "run", "missing_pipeline");
        Assert.Equal(2, exit);
        Assert.Contains("There is no pipeline named 'missing_pipeline'. Pipelines: raw_to_cooked.", stderr);
    }
}
